
    
    

select
    did_pool_id as unique_field,
    count(*) as n_records

from "dbt2"."genesys_raw"."did_pools"
where did_pool_id is not null
group by did_pool_id
having count(*) > 1



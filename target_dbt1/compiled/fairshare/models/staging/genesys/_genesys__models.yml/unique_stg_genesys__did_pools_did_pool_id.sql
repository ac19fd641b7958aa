
    
    

select
    did_pool_id as unique_field,
    count(*) as n_records

from "dbt1"."staging"."stg_genesys__did_pools"
where did_pool_id is not null
group by did_pool_id
having count(*) > 1



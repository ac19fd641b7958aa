
    
    

select
    division_id as unique_field,
    count(*) as n_records

from "dbt2"."staging"."stg_genesys__divisions"
where division_id is not null
group by division_id
having count(*) > 1



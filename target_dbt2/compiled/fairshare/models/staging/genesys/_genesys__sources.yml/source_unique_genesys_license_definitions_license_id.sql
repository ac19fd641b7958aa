
    
    

select
    license_id as unique_field,
    count(*) as n_records

from "dbt2"."genesys_raw"."license_definitions"
where license_id is not null
group by license_id
having count(*) > 1



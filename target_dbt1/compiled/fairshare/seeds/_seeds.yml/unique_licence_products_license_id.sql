
    
    

select
    license_id as unique_field,
    count(*) as n_records

from "dbt1"."config"."licence_products"
where license_id is not null
group by license_id
having count(*) > 1




    
    

select
    cost_center_code as unique_field,
    count(*) as n_records

from "dbt2"."marts"."dim_cost_centers"
where cost_center_code is not null
group by cost_center_code
having count(*) > 1



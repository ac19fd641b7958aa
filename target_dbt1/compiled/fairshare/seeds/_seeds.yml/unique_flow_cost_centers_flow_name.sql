
    
    

select
    flow_name as unique_field,
    count(*) as n_records

from "dbt1"."config"."flow_cost_centers"
where flow_name is not null
group by flow_name
having count(*) > 1



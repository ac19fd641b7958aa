
    
    

with all_values as (

    select
        allocation_method as value_field,
        count(*) as n_records

    from "dbt2"."intermediate"."int_invoice_lines_classified"
    group by allocation_method

)

select *
from all_values
where value_field not in (
    'named_users','concurrent_peak','overage_cause','telecom_usage','api_requests','ai_usage','pro_rata_interactions','pro_rata_handle_time','even','fixed_split','overhead'
)



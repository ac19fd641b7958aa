
    
    

select
    conversation_id as unique_field,
    count(*) as n_records

from "dbt1"."genesys_raw"."conversations"
where conversation_id is not null
group by conversation_id
having count(*) > 1



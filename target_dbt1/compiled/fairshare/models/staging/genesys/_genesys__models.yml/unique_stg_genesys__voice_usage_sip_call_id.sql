
    
    

select
    sip_call_id as unique_field,
    count(*) as n_records

from "dbt1"."staging"."stg_genesys__voice_usage"
where sip_call_id is not null
group by sip_call_id
having count(*) > 1



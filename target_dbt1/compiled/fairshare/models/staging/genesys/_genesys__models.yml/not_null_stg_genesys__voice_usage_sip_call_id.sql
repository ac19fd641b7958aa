
    
    



select sip_call_id
from "dbt1"."staging"."stg_genesys__voice_usage"
where sip_call_id is null



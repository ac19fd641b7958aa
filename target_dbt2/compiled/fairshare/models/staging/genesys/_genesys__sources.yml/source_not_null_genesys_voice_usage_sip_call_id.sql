
    
    



select sip_call_id
from "dbt2"."genesys_raw"."voice_usage"
where sip_call_id is null



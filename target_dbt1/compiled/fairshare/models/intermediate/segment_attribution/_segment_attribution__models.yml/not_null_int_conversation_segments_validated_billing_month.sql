
    
    



select billing_month
from "dbt1"."intermediate"."int_conversation_segments_validated"
where billing_month is null



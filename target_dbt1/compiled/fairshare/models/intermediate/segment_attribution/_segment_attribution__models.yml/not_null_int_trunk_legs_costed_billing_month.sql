
    
    



select billing_month
from "dbt1"."intermediate"."int_trunk_legs_costed"
where billing_month is null



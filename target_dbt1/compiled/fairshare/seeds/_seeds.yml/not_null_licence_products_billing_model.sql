
    
    



select billing_model
from "dbt1"."config"."licence_products"
where billing_model is null



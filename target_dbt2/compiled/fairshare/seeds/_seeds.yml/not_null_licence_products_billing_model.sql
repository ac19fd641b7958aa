
    
    



select billing_model
from "dbt2"."config"."licence_products"
where billing_model is null




    
    



select license_id
from "dbt2"."config"."licence_products"
where license_id is null



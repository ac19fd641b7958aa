
    
    



select license_id
from "dbt1"."config"."licence_products"
where license_id is null



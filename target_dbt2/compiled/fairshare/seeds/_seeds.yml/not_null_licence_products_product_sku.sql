
    
    



select product_sku
from "dbt2"."config"."licence_products"
where product_sku is null



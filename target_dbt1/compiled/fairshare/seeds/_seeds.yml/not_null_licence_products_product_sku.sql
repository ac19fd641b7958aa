
    
    



select product_sku
from "dbt1"."config"."licence_products"
where product_sku is null



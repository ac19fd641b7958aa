
    
    



select licence_rank
from "dbt1"."config"."licence_products"
where licence_rank is null



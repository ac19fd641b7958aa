
    
    



select licence_rank
from "dbt2"."config"."licence_products"
where licence_rank is null




    
    



select oauth_client_id
from "dbt2"."intermediate"."int_oauth_clients_tagged_to_cost_centers"
where oauth_client_id is null



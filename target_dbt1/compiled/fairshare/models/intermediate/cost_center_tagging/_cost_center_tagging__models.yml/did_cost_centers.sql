
-- Fixture for did_cost_centers
select 
    
    cast('+12125550150' as character varying)
 as "phone_number", 
    
    cast('SALES' as character varying)
 as "cost_center_code", cast(null as character varying(256)) as "note"
union all
select 
    
    cast('+16175552001' as character varying)
 as "phone_number", 
    
    cast('HR' as character varying)
 as "cost_center_code", cast(null as character varying(256)) as "note"
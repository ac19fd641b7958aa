
-- Fixture for flow_cost_centers
select 
    
    cast('Sales IVR' as character varying)
 as "flow_name", 
    
    cast('SALES' as character varying)
 as "cost_center_code", cast(null as character varying(256)) as "note"
union all
select 
    
    cast('Main IVR' as character varying)
 as "flow_name", 
    
    cast('ORPHAN' as character varying)
 as "cost_center_code", cast(null as character varying(256)) as "note"
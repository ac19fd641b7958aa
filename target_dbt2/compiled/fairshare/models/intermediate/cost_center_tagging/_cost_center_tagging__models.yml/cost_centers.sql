
-- Fixture for cost_centers
select 
    
    cast('SALES' as character varying)
 as "cost_center_code", cast(null as character varying(256)) as "cost_center_name", cast(null as character varying(256)) as "department_head", cast(null as character varying(256)) as "head_email", cast(null as BOOLEAN) as "is_overhead", cast(null as DECIMAL(20,6)) as "concurrent_entitlement", cast(null as DECIMAL(9,6)) as "concurrent_entitlement_share", cast(null as character varying(256)) as "gl_account", cast(null as DATE) as "active_from", cast(null as DATE) as "active_to"
union all
select 
    
    cast('SUPPORT' as character varying)
 as "cost_center_code", cast(null as character varying(256)) as "cost_center_name", cast(null as character varying(256)) as "department_head", cast(null as character varying(256)) as "head_email", cast(null as BOOLEAN) as "is_overhead", cast(null as DECIMAL(20,6)) as "concurrent_entitlement", cast(null as DECIMAL(9,6)) as "concurrent_entitlement_share", cast(null as character varying(256)) as "gl_account", cast(null as DATE) as "active_from", cast(null as DATE) as "active_to"
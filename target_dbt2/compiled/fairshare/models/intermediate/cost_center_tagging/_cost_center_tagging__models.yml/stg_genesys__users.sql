
-- Fixture for stg_genesys__users
select 
    
    cast('mover' as character varying)
 as "user_id", cast(null as character varying(256)) as "division_id", cast(null as character varying(256)) as "manager_id", cast(null as character varying(256)) as "employee_id", 
    
    cast('Mo' as character varying)
 as "user_name", cast(null as character varying(256)) as "division_name", 
    
    cast('Sales' as character varying)
 as "department", cast(null as character varying(256)) as "title", cast(null as character varying(256)) as "email", cast(null as character varying(256)) as "user_state", cast(null as character varying(256)) as "username", cast(null as character varying(256)) as "employer_official_name", cast(null as character varying(256)) as "employee_type", cast(null as BIGINT) as "user_version", cast(null as DATE) as "hire_date", cast(null as TIMESTAMP) as "last_login_at", cast(null as TIMESTAMP) as "loaded_at", 
    
    cast('2026-10-01 00:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast('2026-10-15 16:00:00' as TIMESTAMP)
 as "valid_to"
union all
select 
    
    cast('mover' as character varying)
 as "user_id", cast(null as character varying(256)) as "division_id", cast(null as character varying(256)) as "manager_id", cast(null as character varying(256)) as "employee_id", 
    
    cast('Mo' as character varying)
 as "user_name", cast(null as character varying(256)) as "division_name", 
    
    cast('Support' as character varying)
 as "department", cast(null as character varying(256)) as "title", cast(null as character varying(256)) as "email", cast(null as character varying(256)) as "user_state", cast(null as character varying(256)) as "username", cast(null as character varying(256)) as "employer_official_name", cast(null as character varying(256)) as "employee_type", cast(null as BIGINT) as "user_version", cast(null as DATE) as "hire_date", cast(null as TIMESTAMP) as "last_login_at", cast(null as TIMESTAMP) as "loaded_at", 
    
    cast('2026-10-15 16:00:00' as TIMESTAMP)
 as "valid_from", 
    
    cast(null as TIMESTAMP)
 as "valid_to"
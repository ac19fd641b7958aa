
-- Fixture for int_trunk_legs_costed
select 
    
    cast('t' as character varying)
 as "conversation_id", 
    
    cast('cust' as character varying)
 as "session_id", cast(null as character varying(256)) as "protocol_call_id", 
    
    cast('2026-10-01' as DATE)
 as "billing_month", 
    
    cast('inbound' as character varying)
 as "direction", 
    
    cast('+18885550142' as character varying)
 as "did", cast(null as character varying(256)) as "did_id", 
    
    cast('toll_free' as character varying)
 as "number_type", cast(null as character varying(256)) as "country_code", cast(null as TIMESTAMP) as "leg_started_at", cast(null as TIMESTAMP) as "leg_ended_at", cast(null as BIGINT) as "leg_ms", cast(null as BIGINT) as "billed_seconds", cast(null as DECIMAL(12,6)) as "rate_per_minute", cast(null as DECIMAL(18,9)) as "leg_cost", cast(null as character varying(256)) as "cost_source", 
    
    cast(900000000 as BIGINT)
 as "leg_cost_nanos", 
    
    cast(1791968400000 as BIGINT)
 as "leg_started_ms", 
    
    cast(1791972000000 as BIGINT)
 as "leg_ended_ms", 
    
    cast(1791968400000 as BIGINT)
 as "total_leg_started_ms", 
    
    cast(3600000 as BIGINT)
 as "total_leg_ms", 
    
    cast(900000000 as BIGINT)
 as "total_cost_nanos", cast(null as DECIMAL(18,9)) as "total_leg_cost", cast(null as BOOLEAN) as "is_cut_at_month_boundary", cast(null as BOOLEAN) as "is_missing_rate"
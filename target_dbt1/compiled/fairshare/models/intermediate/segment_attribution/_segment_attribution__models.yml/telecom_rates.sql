
-- Fixture for telecom_rates
select 
    
    cast('toll_free' as character varying)
 as "number_type", 
    
    cast('inbound' as character varying)
 as "direction", 
    
    cast('1' as character varying)
 as "country_code", 
    
    cast(0.015 as DECIMAL(12,6))
 as "rate_per_minute", 
    
    cast(6 as INTEGER)
 as "billing_increment_seconds"
union all
select 
    
    cast('toll_free' as character varying)
 as "number_type", 
    
    cast('inbound' as character varying)
 as "direction", 
    
    cast('*' as character varying)
 as "country_code", 
    
    cast(0.17 as DECIMAL(12,6))
 as "rate_per_minute", 
    
    cast(6 as INTEGER)
 as "billing_increment_seconds"
union all
select 
    
    cast('local' as character varying)
 as "number_type", 
    
    cast('*' as character varying)
 as "direction", 
    
    cast('*' as character varying)
 as "country_code", 
    
    cast(0.004 as DECIMAL(12,6))
 as "rate_per_minute", 
    
    cast(6 as INTEGER)
 as "billing_increment_seconds"
union all
select 
    
    cast('international' as character varying)
 as "number_type", 
    
    cast('outbound' as character varying)
 as "direction", 
    
    cast('33' as character varying)
 as "country_code", 
    
    cast(0.047 as DECIMAL(12,6))
 as "rate_per_minute", 
    
    cast(6 as INTEGER)
 as "billing_increment_seconds"
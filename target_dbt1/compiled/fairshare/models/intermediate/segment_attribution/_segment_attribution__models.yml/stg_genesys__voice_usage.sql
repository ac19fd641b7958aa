
-- Fixture for stg_genesys__voice_usage
select 
    
    cast('a' as character varying)
 as "conversation_id", 
    
    cast('sip-a' as character varying)
 as "sip_call_id", cast(null as character varying(256)) as "direction", cast(null as character varying(256)) as "number_type", cast(null as character varying(256)) as "did", cast(null as character varying(256)) as "origin_country", cast(null as character varying(256)) as "destination_country", cast(null as character varying(256)) as "currency", cast(null as character varying(256)) as "source_file", cast(null as BIGINT) as "billed_seconds", cast(null as DECIMAL(12,6)) as "rate_per_minute", cast(null as DECIMAL(18,6)) as "cost", 
    
    cast('2026-10-14 09:00:00' as TIMESTAMP)
 as "call_started_at", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('lost' as character varying)
 as "conversation_id", 
    
    cast('sip-lost' as character varying)
 as "sip_call_id", cast(null as character varying(256)) as "direction", cast(null as character varying(256)) as "number_type", cast(null as character varying(256)) as "did", cast(null as character varying(256)) as "origin_country", cast(null as character varying(256)) as "destination_country", cast(null as character varying(256)) as "currency", cast(null as character varying(256)) as "source_file", cast(null as BIGINT) as "billed_seconds", cast(null as DECIMAL(12,6)) as "rate_per_minute", cast(null as DECIMAL(18,6)) as "cost", 
    
    cast('2026-10-14 09:00:00' as TIMESTAMP)
 as "call_started_at", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('sept' as character varying)
 as "conversation_id", 
    
    cast('sip-sept' as character varying)
 as "sip_call_id", cast(null as character varying(256)) as "direction", cast(null as character varying(256)) as "number_type", cast(null as character varying(256)) as "did", cast(null as character varying(256)) as "origin_country", cast(null as character varying(256)) as "destination_country", cast(null as character varying(256)) as "currency", cast(null as character varying(256)) as "source_file", cast(null as BIGINT) as "billed_seconds", cast(null as DECIMAL(12,6)) as "rate_per_minute", cast(null as DECIMAL(18,6)) as "cost", 
    
    cast('2026-09-14 09:00:00' as TIMESTAMP)
 as "call_started_at", cast(null as TIMESTAMP) as "loaded_at"

-- Fixture for int_conversations_tagged_to_cost_centers
select 
    
    cast('c2' as character varying)
 as "conversation_id", 
    
    cast('2026-10-01' as DATE)
 as "billing_month", 
    
    cast('SALES' as character varying)
 as "cost_center_code", cast(null as character varying(256)) as "tag_rule", cast(null as character varying(256)) as "dialled_did", cast(null as character varying(256)) as "dialled_did_id", cast(null as character varying(256)) as "raw_cost_center", cast(null as BOOLEAN) as "is_ambiguous", cast(null as TIMESTAMP) as "conversation_started_at"
union all
select 
    
    cast('c5' as character varying)
 as "conversation_id", 
    
    cast('2026-10-01' as DATE)
 as "billing_month", 
    
    cast('MARKETING' as character varying)
 as "cost_center_code", cast(null as character varying(256)) as "tag_rule", cast(null as character varying(256)) as "dialled_did", cast(null as character varying(256)) as "dialled_did_id", cast(null as character varying(256)) as "raw_cost_center", cast(null as BOOLEAN) as "is_ambiguous", cast(null as TIMESTAMP) as "conversation_started_at"
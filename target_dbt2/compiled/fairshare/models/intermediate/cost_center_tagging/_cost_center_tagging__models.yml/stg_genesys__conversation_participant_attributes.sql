
-- Fixture for stg_genesys__conversation_participant_attributes
select 
    
    cast('c1' as character varying)
 as "conversation_id", 
    
    cast('p1' as character varying)
 as "participant_id", 
    
    cast('Cost_Center' as character varying)
 as "attribute_name", 
    
    cast('Sales' as character varying)
 as "attribute_value", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('c5' as character varying)
 as "conversation_id", 
    
    cast('p2' as character varying)
 as "participant_id", 
    
    cast('cost_center' as character varying)
 as "attribute_name", 
    
    cast('Nowhere' as character varying)
 as "attribute_value", cast(null as TIMESTAMP) as "loaded_at"
union all
select 
    
    cast('c2' as character varying)
 as "conversation_id", 
    
    cast('p1' as character varying)
 as "participant_id", 
    
    cast('Language' as character varying)
 as "attribute_name", 
    
    cast('en' as character varying)
 as "attribute_value", cast(null as TIMESTAMP) as "loaded_at"
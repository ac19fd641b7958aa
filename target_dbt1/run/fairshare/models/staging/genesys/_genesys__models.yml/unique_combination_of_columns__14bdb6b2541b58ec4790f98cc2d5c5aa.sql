
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

with

duplicates as (

    select
        conversation_id,
        participant_id,
        attribute_name,
        count(*) as row_count
    from "dbt1"."staging"."stg_genesys__conversation_participant_attributes"
    group by conversation_id, participant_id, attribute_name
    having count(*) > 1

)

select * from duplicates


  
  
      
    ) dbt_internal_test
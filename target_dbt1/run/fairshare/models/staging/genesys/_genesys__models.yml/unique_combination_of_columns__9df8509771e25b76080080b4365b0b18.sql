
    
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
        count(*) as row_count
    from "dbt1"."staging"."stg_genesys__conversation_participants"
    group by conversation_id, participant_id
    having count(*) > 1

)

select * from duplicates


  
  
      
    ) dbt_internal_test
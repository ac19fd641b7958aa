with

source as (

    select * from "dbt2"."genesys_raw"."queues"

),

renamed as (

    select
        cast(queue_id as TEXT) as queue_id,
        cast(division_id as TEXT) as division_id,
        cast(queue_flow_id as TEXT) as queue_flow_id,
        cast(name as TEXT) as queue_name,
        cast(description as TEXT) as description,
        cast(queue_flow_name as TEXT) as queue_flow_name,
        cast(calling_party_number as TEXT) as calling_party_number,
        cast(member_count as bigint) as member_count,
        cast(timezone('UTC', date_created) as timestamp) as queue_created_at,
        cast(timezone('UTC', _loaded_at) as timestamp) as loaded_at,
        cast(timezone('UTC', _dlt_valid_from) as timestamp) as valid_from,
        cast(timezone('UTC', _dlt_valid_to) as timestamp) as valid_to

    from source

)

select * from renamed
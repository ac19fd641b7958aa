with

source as (

    select * from {{ source('genesys', 'conversations') }}

),

renamed as (

    select
        cast(conversation_id as {{ dbt.type_string() }}) as conversation_id,
        cast(originating_direction as {{ dbt.type_string() }}) as originating_direction,
        cast(division_ids as {{ dbt.type_string() }}) as division_ids,
        cast(external_tag as {{ dbt.type_string() }}) as external_tag,
        cast(is_in_progress as {{ dbt.type_boolean() }}) as is_in_progress,
        {{ fairshare.utc_timestamp('conversation_start') }} as conversation_started_at,
        {{ fairshare.utc_timestamp('conversation_end') }} as conversation_ended_at,
        {{ fairshare.utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed

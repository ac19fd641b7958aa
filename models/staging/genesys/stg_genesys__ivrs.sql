with

source as (

    select * from {{ source('genesys', 'ivrs') }}

),

renamed as (

    select
        cast(ivr_id as {{ dbt.type_string() }}) as ivr_id,
        cast(division_id as {{ dbt.type_string() }}) as division_id,
        cast(open_hours_flow_id as {{ dbt.type_string() }}) as open_hours_flow_id,
        cast(closed_hours_flow_id as {{ dbt.type_string() }}) as closed_hours_flow_id,
        cast(holiday_hours_flow_id as {{ dbt.type_string() }}) as holiday_hours_flow_id,
        cast(schedule_group_id as {{ dbt.type_string() }}) as schedule_group_id,
        cast(name as {{ dbt.type_string() }}) as ivr_name,
        cast(state as {{ dbt.type_string() }}) as ivr_state,
        cast(open_hours_flow_name as {{ dbt.type_string() }}) as open_hours_flow_name,
        cast(closed_hours_flow_name as {{ dbt.type_string() }}) as closed_hours_flow_name,
        cast(holiday_hours_flow_name as {{ dbt.type_string() }}) as holiday_hours_flow_name,
        cast(schedule_group_name as {{ dbt.type_string() }}) as schedule_group_name,
        {{ fairshare.utc_timestamp('_loaded_at') }} as loaded_at,
        {{ fairshare.utc_timestamp('_dlt_valid_from') }} as valid_from,
        {{ fairshare.utc_timestamp('_dlt_valid_to') }} as valid_to

    from source

)

select * from renamed

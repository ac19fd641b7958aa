with

source as (

    select * from {{ source('genesys', 'users') }}

),

renamed as (

    select
        cast(user_id as {{ dbt.type_string() }}) as user_id,
        cast(division_id as {{ dbt.type_string() }}) as division_id,
        cast(manager_id as {{ dbt.type_string() }}) as manager_id,
        cast(employee_id as {{ dbt.type_string() }}) as employee_id,
        cast(name as {{ dbt.type_string() }}) as user_name,
        cast(division_name as {{ dbt.type_string() }}) as division_name,
        cast(department as {{ dbt.type_string() }}) as department,
        cast(title as {{ dbt.type_string() }}) as title,
        cast(email as {{ dbt.type_string() }}) as email,
        cast(state as {{ dbt.type_string() }}) as user_state,
        cast(username as {{ dbt.type_string() }}) as username,
        cast(employer_official_name as {{ dbt.type_string() }}) as employer_official_name,
        cast(employee_type as {{ dbt.type_string() }}) as employee_type,
        cast(version as {{ dbt.type_bigint() }}) as user_version,
        cast(date_hire as date) as hire_date,
        {{ fairshare.utc_timestamp('date_last_login') }} as last_login_at,
        {{ fairshare.utc_timestamp('_loaded_at') }} as loaded_at,
        {{ fairshare.utc_timestamp('_dlt_valid_from') }} as valid_from,
        {{ fairshare.utc_timestamp('_dlt_valid_to') }} as valid_to

    from source

)

select * from renamed

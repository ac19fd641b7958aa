
  
  create view "dbt2"."staging"."stg_genesys__users__dbt_tmp" as (
    with

source as (

    select * from "dbt2"."genesys_raw"."users"

),

renamed as (

    select
        cast(user_id as TEXT) as user_id,
        cast(division_id as TEXT) as division_id,
        cast(manager_id as TEXT) as manager_id,
        cast(employee_id as TEXT) as employee_id,
        cast(name as TEXT) as user_name,
        cast(division_name as TEXT) as division_name,
        cast(department as TEXT) as department,
        cast(title as TEXT) as title,
        cast(email as TEXT) as email,
        cast(state as TEXT) as user_state,
        cast(username as TEXT) as username,
        cast(employer_official_name as TEXT) as employer_official_name,
        cast(employee_type as TEXT) as employee_type,
        cast(version as bigint) as user_version,
        cast(date_hire as date) as hire_date,
        cast(timezone('UTC', date_last_login) as timestamp) as last_login_at,
        cast(timezone('UTC', _loaded_at) as timestamp) as loaded_at,
        cast(timezone('UTC', _dlt_valid_from) as timestamp) as valid_from,
        cast(timezone('UTC', _dlt_valid_to) as timestamp) as valid_to

    from source

)

select * from renamed
  );

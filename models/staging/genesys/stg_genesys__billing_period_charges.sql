with

source as (

    select * from {{ source('genesys', 'billing_period_charges') }}

),

renamed as (

    select
        cast(contract_id as {{ dbt.type_string() }}) as contract_id,
        cast(billing_period_id as {{ dbt.type_string() }}) as billing_period_id,
        cast(charge_id as {{ dbt.type_string() }}) as charge_id,
        cast(product_id as {{ dbt.type_string() }}) as product_id,
        cast(period_status as {{ dbt.type_string() }}) as period_status,
        cast(product_sku as {{ dbt.type_string() }}) as product_sku,
        cast(product_name as {{ dbt.type_string() }}) as product_name,
        cast(product_unit_of_measure as {{ dbt.type_string() }}) as product_unit_of_measure,
        cast(overage_currency as {{ dbt.type_string() }}) as overage_currency,
        cast(prepaid_quantity as {{ fairshare.type_quantity() }}) as prepaid_quantity,
        cast(fairuse_quantity as {{ fairshare.type_quantity() }}) as fairuse_quantity,
        cast(actual_quantity as {{ fairshare.type_quantity() }}) as actual_quantity,
        cast(overage_quantity as {{ fairshare.type_quantity() }}) as overage_quantity,
        cast(overage_rate as {{ fairshare.type_rate() }}) as overage_rate,
        cast(overage_charge as {{ fairshare.type_money() }}) as overage_charge,
        {{ fairshare.utc_timestamp('period_start') }} as period_started_at,
        {{ fairshare.utc_timestamp('period_end') }} as period_ended_at,
        {{ fairshare.utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed

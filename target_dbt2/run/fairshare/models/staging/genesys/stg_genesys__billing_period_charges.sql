
  
  create view "dbt2"."staging"."stg_genesys__billing_period_charges__dbt_tmp" as (
    with

source as (

    select * from "dbt2"."genesys_raw"."billing_period_charges"

),

renamed as (

    select
        cast(contract_id as TEXT) as contract_id,
        cast(billing_period_id as TEXT) as billing_period_id,
        cast(charge_id as TEXT) as charge_id,
        cast(product_id as TEXT) as product_id,
        cast(period_status as TEXT) as period_status,
        cast(product_sku as TEXT) as product_sku,
        cast(product_name as TEXT) as product_name,
        cast(product_unit_of_measure as TEXT) as product_unit_of_measure,
        cast(overage_currency as TEXT) as overage_currency,
        cast(prepaid_quantity as decimal(20, 6)) as prepaid_quantity,
        cast(fairuse_quantity as decimal(20, 6)) as fairuse_quantity,
        cast(actual_quantity as decimal(20, 6)) as actual_quantity,
        cast(overage_quantity as decimal(20, 6)) as overage_quantity,
        cast(overage_rate as decimal(12, 6)) as overage_rate,
        cast(overage_charge as decimal(18, 6)) as overage_charge,
        cast(timezone('UTC', period_start) as timestamp) as period_started_at,
        cast(timezone('UTC', period_end) as timestamp) as period_ended_at,
        cast(timezone('UTC', _loaded_at) as timestamp) as loaded_at

    from source

)

select * from renamed
  );

{{ config(materialized='view') }}
{#-
    The allocation drivers measured from usage, for the billing month (int_allocation_drivers_unioned
    unions them with the licence and agreed drivers): one row per allocation method x driver scope
    x cost center with an integer weight (exact shares are weight / total) and a display quantity:
    - telecom_usage: attributed trunk time per number type and direction (weight: the telecom cost);
    - api_requests: API requests of the OAuth clients (untagged clients: ORPHAN);
    - ai_usage: bot/AI minutes of the conversations handled;
    - pro_rata_interactions: interactions handled (parts per billion);
    - pro_rata_handle_time: handle time (hours).
    ORPHAN rows carry the usage no department is responsible for. A view (read once).
-#}
with

telecom as (
    select * from {{ ref('int_telecom_usage_aggregated_to_cost_centers') }}
),

api_requests as (
    select * from {{ ref('int_api_requests_aggregated_to_oauth_clients') }}
),

interactions as (
    select * from {{ ref('int_interactions_aggregated_to_cost_centers') }}
),

telecom_drivers as (
    select
        'telecom_usage' as allocation_method,
        number_type,
        direction,
        cost_center_code,
        {{ fairshare.int_wide('cost_weight') }} as driver_weight,
        cast({{ fairshare.ms_to_minutes('attributed_ms') }} as {{ fairshare.type_decimal(38, 6) }}) as driver_quantity
    from telecom
),

api_drivers as (
    select
        'api_requests' as allocation_method,
        {{ fairshare.orphan_code('cost_center_code') }} as cost_center_code,
        sum({{ fairshare.int_wide('request_count') }}) as driver_weight,
        cast(sum(request_count) as {{ fairshare.type_decimal(38, 6) }}) as driver_quantity
    from api_requests
    group by {{ fairshare.orphan_code('cost_center_code') }}
),

ai_drivers as (
    select
        'ai_usage' as allocation_method,
        cost_center_code,
        {{ fairshare.int_wide('bot_ms') }} as driver_weight,
        cast({{ fairshare.ms_to_minutes('bot_ms') }} as {{ fairshare.type_decimal(38, 6) }}) as driver_quantity
    from interactions
),

interaction_drivers as (
    select
        'pro_rata_interactions' as allocation_method,
        cost_center_code,
        {{ fairshare.int_wide('interaction_ppb') }} as driver_weight,
        cast({{ fairshare.ppb_to_share('interaction_ppb') }} as {{ fairshare.type_decimal(38, 6) }}) as driver_quantity
    from interactions
),

handle_time_drivers as (
    select
        'pro_rata_handle_time' as allocation_method,
        cost_center_code,
        {{ fairshare.int_wide('handled_ms') }} as driver_weight,
        cast({{ fairshare.ms_to_hours('handled_ms') }} as {{ fairshare.type_decimal(38, 6) }}) as driver_quantity
    from interactions
),

final as (
    {{ fairshare.union_padded([
        ['telecom_drivers', ['allocation_method', 'number_type', 'direction', 'cost_center_code', 'driver_weight', 'driver_quantity']],
        ['api_drivers', ['allocation_method', 'cost_center_code', 'driver_weight', 'driver_quantity']],
        ['ai_drivers', ['allocation_method', 'cost_center_code', 'driver_weight', 'driver_quantity']],
        ['interaction_drivers', ['allocation_method', 'cost_center_code', 'driver_weight', 'driver_quantity']],
        ['handle_time_drivers', ['allocation_method', 'cost_center_code', 'driver_weight', 'driver_quantity']],
    ], fairshare.allocation_driver_columns()) }}
)

select * from final

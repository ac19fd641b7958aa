{{ config(**fairshare.monthly_partition()) }}
{#-
    Actual against budget for var('billing_month'), per cost center and budget scope: 'all' (the
    cost center's whole month) and each cost category that has its own budget (seeds/budgets.csv).
    actual = every invoice_lines row of the month for the cost center (adjustment rows carried for
    closed months included: the department is charged them this month; adjustments_amount shows
    them). variance = actual - budget (positive = over); is_over_budget exactly when actual > budget.

    Forecast of the month's end from the month to date: days_with_data is the day of the month of
    the latest conversation loaded (the month's data stops there when the analytics are not final
    yet, a provisional month). The usage-priced categories (var budget_usage_categories: telecom
    minutes, API, AI, concurrent overage) are extrapolated to the whole month (x days_in_month /
    days_with_data, half up to the cent); licences, platform and support fees, credits and
    adjustments are kept as they are. A month whose data reaches its last day forecasts its actual.
    is_forecast_over_budget exactly when forecast > budget.
    Every cost center with cost this month has an 'all' row, with a null budget when none is set.
-#}
{%- set usage_categories = var('budget_usage_categories', ['telecom', 'api', 'ai', 'licence_overage']) -%}
{%- set usage_list = "('" ~ (usage_categories | join("', '")) ~ "')" -%}
{%- set days_in_month = fairshare.insights_days_in_month() -%}
with

invoice_lines as (
    select * from {{ ref('invoice_lines') }}
    where billing_month = {{ fairshare.billing_month() }}
),

budgets as (
    select * from {{ ref('stg_config__budgets') }}
    where
        month_from <= {{ fairshare.billing_month() }}
        and (month_to is null or month_to >= {{ fairshare.billing_month() }})
),

conversations as (
    select * from {{ ref('int_conversations_tagged_to_cost_centers') }}
    where
        billing_month = {{ fairshare.billing_month() }}
        and conversation_started_ms >= {{ fairshare.billing_month_start_ms() }}
        and conversation_started_ms < {{ fairshare.billing_month_end_ms() }}
),

-- the month's cost centers (names) from the dimension the marts share
cost_centers as (
    select * from {{ ref('dim_cost_centers') }}
    where billing_month = {{ fairshare.billing_month() }}
),

coverage as (
    select
        coalesce(
            {{ fairshare.int_div(
                'max(conversation_started_ms) - ' ~ fairshare.billing_month_start_ms(), '86400000'
            ) }} + 1,
            {{ days_in_month }}
        ) as days_with_data
    from conversations
),

category_actuals as (
    select
        upper(trim(cost_center_code)) as cost_center_code,
        cost_category,
        max(currency) as currency,
        sum(amount_cents) as actual_cents,
        sum(case when allocation_method = 'adjustment' then amount_cents else 0 end) as adjustment_cents,
        sum(
            case
                when allocation_method <> 'adjustment' and cost_category in {{ usage_list }}
                    then amount_cents
                else 0
            end
        ) as usage_cents
    from invoice_lines
    group by 1, 2
),

total_actuals as (
    select
        cost_center_code,
        'all' as budget_scope,
        max(currency) as currency,
        sum(actual_cents) as actual_cents,
        sum(adjustment_cents) as adjustment_cents,
        sum(usage_cents) as usage_cents
    from category_actuals
    group by 1, 2
),

actuals as (
    select
        cost_center_code,
        cost_category as budget_scope,
        currency,
        actual_cents,
        adjustment_cents,
        usage_cents
    from category_actuals
    union all
    select * from total_actuals
),

budget_rows as (
    select
        cost_center_code,
        coalesce(cost_category, 'all') as budget_scope,
        {{ fairshare.to_cents('monthly_amount') }} as budget_cents,
        budget_note
    from budgets
),

scopes as (
    select distinct
        cost_center_code,
        budget_scope
    from (
        select
            cost_center_code,
            budget_scope
        from budget_rows
        union all
        select
            cost_center_code,
            budget_scope
        from total_actuals
    ) as keyed
),

joined as (
    select
        scopes.cost_center_code,
        scopes.budget_scope,
        budget_rows.budget_cents,
        budget_rows.budget_note,
        coalesce(actuals.actual_cents, 0) as actual_cents,
        coalesce(actuals.adjustment_cents, 0) as adjustment_cents,
        coalesce(actuals.usage_cents, 0) as usage_cents,
        actuals.currency,
        coverage.days_with_data
    from scopes
    cross join coverage
    left join budget_rows
        on
            scopes.cost_center_code = budget_rows.cost_center_code
            and scopes.budget_scope = budget_rows.budget_scope
    left join actuals
        on
            scopes.cost_center_code = actuals.cost_center_code
            and scopes.budget_scope = actuals.budget_scope
),

forecast as (
    select
        *,
        actual_cents - usage_cents
        + {{ fairshare.mul_div_half_up('usage_cents', days_in_month, 'days_with_data') }} as forecast_cents
    from joined
),

final as (
    select
        {{ fairshare.billing_month() }} as billing_month,
        forecast.cost_center_code,
        coalesce(cost_centers.cost_center_name, forecast.cost_center_code) as cost_center_name,
        forecast.budget_scope,
        coalesce(forecast.currency, '{{ var("currency") }}') as currency,
        case when forecast.budget_cents is not null then {{ fairshare.cents_to_amount('forecast.budget_cents') }} end
            as budget_amount,
        {{ fairshare.cents_to_amount('forecast.actual_cents') }} as actual_amount,
        {{ fairshare.cents_to_amount('forecast.adjustment_cents') }} as adjustments_amount,
        case
            when forecast.budget_cents is not null
                then {{ fairshare.cents_to_amount('forecast.actual_cents - forecast.budget_cents') }}
        end as variance_amount,
        case
            when forecast.budget_cents > 0
                then cast({{ fairshare.ratio_to_decimal(
                    fairshare.int_wide('forecast.actual_cents - forecast.budget_cents') ~ ' * 100', 'forecast.budget_cents', 2
                ) }} as {{ fairshare.type_decimal(18, 2) }})
        end as variance_pct,
        coalesce(forecast.actual_cents > forecast.budget_cents, false) as is_over_budget,
        cast(forecast.days_with_data as {{ dbt.type_int() }}) as days_with_data,
        cast({{ days_in_month }} as {{ dbt.type_int() }}) as days_in_month,
        forecast.days_with_data < {{ days_in_month }} as is_month_to_date,
        {{ fairshare.cents_to_amount('forecast.usage_cents') }} as usage_amount,
        {{ fairshare.cents_to_amount('forecast.forecast_cents') }} as forecast_amount,
        case
            when forecast.budget_cents is not null
                then {{ fairshare.cents_to_amount('forecast.forecast_cents - forecast.budget_cents') }}
        end as forecast_variance_amount,
        coalesce(forecast.forecast_cents > forecast.budget_cents, false) as is_forecast_over_budget,
        cast(forecast.actual_cents as {{ dbt.type_bigint() }}) as actual_cents,
        cast(forecast.budget_cents as {{ dbt.type_bigint() }}) as budget_cents,
        cast(forecast.forecast_cents as {{ dbt.type_bigint() }}) as forecast_cents,
        forecast.budget_note
    from forecast
    left join cost_centers
        on forecast.cost_center_code = cost_centers.cost_center_code
)

select * from final

{{ config(**fairshare.monthly_partition()) }}
{#-
    How much each billable named user of var('billing_month') used the licence the month paid for:
    one row per named user x cost center (a mid-month mover has one row per cost center, each with
    the user's whole activity), with the days (UTC) on which the user was logged in at some moment,
    the hours logged in, the licence and the licence cost the row carries (fct_named_users).
    is_low_use: logged in on at most var('licence_low_use_days') days: a licence to reclaim, or
    to move to a cheaper product, if the pattern repeats.
-#}
{%- set low_use_days = var('licence_low_use_days', 3) | int -%}
with

named_users as (
    select * from {{ ref('fct_named_users') }}
    where billing_month = {{ fairshare.billing_month() }}
),

logins as (
    select * from {{ ref('int_user_logins_clipped_to_month') }}
),

days as (
    select spine_number as day_index
    from ({{ fairshare.number_spine(fairshare.insights_days_in_month()) }}) as day_numbers
),

login_days as (
    select
        logins.user_id,
        count(distinct days.day_index) as days_logged_in
    from logins
    inner join days
        on
            logins.logged_in_from_ms < (days.day_index + 1) * 86400000
            and logins.logged_in_to_ms > days.day_index * 86400000
    group by 1
),

login_time as (
    select
        user_id,
        sum(logged_in_ms) as logged_in_ms
    from logins
    group by 1
),

final as (
    select
        {{ fairshare.billing_month() }} as billing_month,
        named_users.user_id,
        named_users.user_name,
        named_users.cost_center_code,
        named_users.cost_center_name,
        named_users.license_id,
        named_users.product_sku,
        named_users.logged_in_share,
        named_users.licence_cost,
        cast(coalesce(login_days.days_logged_in, 0) as {{ dbt.type_int() }}) as days_logged_in,
        cast(
            {{ fairshare.ratio_to_decimal('coalesce(login_time.logged_in_ms, 0)', '3600000', 2) }}
            as {{ fairshare.type_decimal(18, 2) }}
        ) as hours_logged_in,
        coalesce(login_days.days_logged_in, 0) <= {{ low_use_days }} as is_low_use
    from named_users
    left join login_days
        on named_users.user_id = login_days.user_id
    left join login_time
        on named_users.user_id = login_time.user_id
)

select * from final

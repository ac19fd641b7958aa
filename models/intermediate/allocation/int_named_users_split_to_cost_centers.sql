{#-
    Billable named users of var('billing_month') split over cost centers. A user is billable when
    logged in during the month (presence not OFFLINE) and billed at a named licence (the highest
    licence held has billing_model 'named'). Each billable user counts exactly one user
    (1,000,000,000 ppb), split over the cost centers they were tagged to in proportion to their
    logged-in time there (a mid-month move splits the user); time with no tag goes to ORPHAN.
    The ppb split is itself rounded by largest remainder, so each user sums to exactly one.
-#}
with

logins as (
    select * from {{ ref('int_user_logins_clipped_to_month') }}
),

licensed as (
    select * from {{ ref('int_users_licensed_for_month') }}
    where billing_model = 'named'
),

user_tags as (
    select * from {{ ref('int_users_tagged_to_cost_centers') }}
),

named_logins as (
    select
        logins.user_id,
        licensed.license_id,
        licensed.product_sku,
        logins.logged_in_from,
        logins.logged_in_to,
        logins.logged_in_ms
    from logins
    inner join licensed
        on logins.user_id = licensed.user_id
),

tagged_overlaps as (
    select
        named_logins.user_id,
        user_tags.cost_center_code,
        {{ fairshare.ms_between(
            'greatest(named_logins.logged_in_from, user_tags.valid_from)',
            'least(named_logins.logged_in_to, user_tags.valid_to)'
        ) }} as overlap_ms
    from named_logins
    inner join user_tags
        on
            named_logins.user_id = user_tags.user_id
            and named_logins.logged_in_to > user_tags.valid_from
            and named_logins.logged_in_from < user_tags.valid_to
),

login_totals as (
    select
        user_id,
        max(license_id) as license_id,
        max(product_sku) as product_sku,
        sum(logged_in_ms) as logged_in_ms
    from named_logins
    group by user_id
),

tagged_totals as (
    select
        user_id,
        {{ fairshare.orphan_code('cost_center_code') }} as cost_center_code,
        sum(overlap_ms) as logged_in_ms
    from tagged_overlaps
    group by user_id, {{ fairshare.orphan_code('cost_center_code') }}
),

untagged_time as (
    select
        login_totals.user_id,
        'ORPHAN' as cost_center_code,
        login_totals.logged_in_ms - coalesce(sum(tagged_totals.logged_in_ms), 0) as logged_in_ms
    from login_totals
    left join tagged_totals
        on login_totals.user_id = tagged_totals.user_id
    group by login_totals.user_id, login_totals.logged_in_ms
),

all_time as (
    select * from tagged_totals
    union all
    select * from untagged_time
    where logged_in_ms > 0
),

time_by_cost_center as (
    select
        user_id,
        cost_center_code,
        sum(logged_in_ms) as logged_in_ms
    from all_time
    group by user_id, cost_center_code
),

user_weights as (
    select
        time_by_cost_center.user_id,
        time_by_cost_center.cost_center_code,
        cast(time_by_cost_center.logged_in_ms as {{ dbt.type_bigint() }}) as logged_in_ms,
        cast(1000000000 as {{ dbt.type_bigint() }}) as user_ppb
    from time_by_cost_center
    where time_by_cost_center.logged_in_ms > 0
),

{{ fairshare.largest_remainder(
    input_cte='user_weights',
    output_cte='user_split',
    partition_by=['user_id'],
    amount_column='user_ppb',
    weight_column='logged_in_ms',
    tie_break=['cost_center_code'],
    output_column='user_share_ppb'
) }},

user_names as (
    select
        user_id,
        max(user_name) as user_name
    from user_tags
    group by user_id
),

final as (
    select
        {{ fairshare.billing_month() }} as billing_month,
        user_split.user_id,
        user_names.user_name,
        user_split.cost_center_code,
        login_totals.license_id,
        login_totals.product_sku,
        user_split.logged_in_ms,
        user_split.user_share_ppb,
        {{ fairshare.ppb_to_share('user_split.user_share_ppb') }} as logged_in_share
    from user_split
    inner join login_totals
        on user_split.user_id = login_totals.user_id
    left join user_names
        on user_split.user_id = user_names.user_id
)

select * from final

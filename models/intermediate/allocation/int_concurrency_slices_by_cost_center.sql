{{ config(**fairshare.monthly_partition()) }}
{#- Logged-in concurrent users per slice and cost center of var('billing_month') (slices with users only). -#}
with

user_slices as (
    select * from {{ ref('int_concurrent_users_sliced') }}
    where billing_month = {{ fairshare.billing_month() }}
),

final as (
    select
        billing_month,
        slice_index,
        slice_started_at,
        cost_center_code,
        count(*) as concurrent_users,
        sum(case when is_borrowed then 1 else 0 end) as borrowed_users
    from user_slices
    group by 1, 2, 3, 4
)

select * from final

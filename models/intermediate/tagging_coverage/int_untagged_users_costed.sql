{{ config(materialized='view') }}
{#-
    The users of the billing month whose tag is missing or ambiguous (their latest version), with
    the cost they carry: their named licence cost, their share of their cost center's concurrency
    cost (by logged-in slices) and the telecom cost of the trunk time they were responsible for
    (display, 6 places). One row per user, in fct_tagging_coverage's shape. A view.
-#}
with

users as (
    select * from {{ ref('int_users_tagged_to_cost_centers') }}
    where {{ fairshare.valid_in_billing_month() }}
),

named_users as (
    select * from {{ ref('int_named_users_split_to_cost_centers') }}
),

concurrent_user_slices as (
    select * from {{ ref('int_concurrent_users_sliced') }}
    where billing_month = {{ fairshare.billing_month() }}
),

bucket_costs as (
    select * from {{ ref('int_line_cost_buckets') }}
),

responsible_costs as (
    select * from {{ ref('int_telecom_costs_by_responsible_object') }}
),

user_versions as (
    select
        user_id,
        user_name,
        cost_center_code,
        tag_rule,
        is_ambiguous,
        row_number() over (partition by user_id order by valid_from desc) as version_rank,
        max(case when tag_rule = 'untagged' or is_ambiguous then 1 else 0 end) over (partition by user_id)
            as needs_fix
    from users
),

flagged_users as (
    select
        user_id,
        user_name,
        cost_center_code,
        tag_rule,
        coalesce(is_ambiguous, false) as is_ambiguous
    from user_versions
    where version_rank = 1 and needs_fix = 1
),

named_lines as (
    select distinct
        product_sku,
        invoice_id,
        invoice_line_id,
        amount_cents,
        driver_weight_total
    from bucket_costs
    where allocation_method = 'named_users'
),

named_line_totals as (
    select
        product_sku,
        sum(amount_cents) as amount_cents,
        max(driver_weight_total) as driver_weight_total
    from named_lines
    group by 1
),

user_licence_costs as (
    select
        named_users.user_id,
        sum({{ fairshare.mul_div(
            'named_line_totals.amount_cents * 10000', 'named_users.user_share_ppb', 'named_line_totals.driver_weight_total'
        ) }}) as cost_micro
    from named_users
    inner join named_line_totals
        on named_users.product_sku = named_line_totals.product_sku
    group by 1
),

concurrency_bucket_costs as (
    select
        cost_center_code,
        sum(bucket_micro) as bucket_micro
    from bucket_costs
    where allocation_method in ('concurrent_peak', 'overage_cause')
    group by 1
),

user_slice_counts as (
    select
        user_id,
        cost_center_code,
        count(*) as user_slices
    from concurrent_user_slices
    group by 1, 2
),

cost_center_slice_counts as (
    select
        cost_center_code,
        sum(user_slices) as total_slices
    from user_slice_counts
    group by 1
),

user_concurrency_costs as (
    select
        user_slice_counts.user_id,
        sum({{ fairshare.mul_div(
            'concurrency_bucket_costs.bucket_micro', 'user_slice_counts.user_slices', 'cost_center_slice_counts.total_slices'
        ) }}) as cost_micro
    from user_slice_counts
    inner join cost_center_slice_counts
        on user_slice_counts.cost_center_code = cost_center_slice_counts.cost_center_code
    inner join concurrency_bucket_costs
        on user_slice_counts.cost_center_code = concurrency_bucket_costs.cost_center_code
    group by 1
),

final as (
    select
        'user' as object_kind,
        flagged_users.user_id as object_id,
        flagged_users.user_name as object_name,
        flagged_users.tag_rule,
        flagged_users.cost_center_code,
        flagged_users.is_ambiguous,
        coalesce({{ fairshare.scaled_to_decimal('user_licence_costs.cost_micro', 6) }}, 0)
        + coalesce({{ fairshare.scaled_to_decimal('user_concurrency_costs.cost_micro', 6) }}, 0)
        + coalesce(responsible_costs.allocated_amount, 0) as carried_cost,
        cast(0 as {{ fairshare.type_decimal(38, 6) }}) as shared_lines_cost
    from flagged_users
    left join user_licence_costs
        on flagged_users.user_id = user_licence_costs.user_id
    left join user_concurrency_costs
        on flagged_users.user_id = user_concurrency_costs.user_id
    left join responsible_costs
        on
            responsible_costs.responsible_object_type = 'user'
            and flagged_users.user_id = responsible_costs.responsible_object_id
)

select * from final

with

concurrency as (
    select * from "dbt1"."intermediate"."int_concurrency_peaks_evaluated"
),

cost_centers as (
    select * from "dbt1"."config"."cost_centers"
),

final as (
    select
        concurrency.billing_month,
        concurrency.slice_index,
        concurrency.slice_started_at,
        make_timestamp(cast(1790812800000 + (concurrency.slice_index + 1) * 900000 as bigint) * 1000) as slice_ended_at,
        concurrency.cost_center_code,
        coalesce(cost_centers.cost_center_name, concurrency.cost_center_code) as cost_center_name,
        concurrency.concurrent_users,
        concurrency.borrowed_users,
        concurrency.entitlement,
        concurrency.excess,
        concurrency.is_org_peak_slice,
        concurrency.org_concurrent_users,
        concurrency.org_billed_peak,
        concurrency.own_billed_peak,
        concurrency.prepaid_quantity
    from concurrency
    left join cost_centers
        on concurrency.cost_center_code = cost_centers.cost_center_code
)

select * from final
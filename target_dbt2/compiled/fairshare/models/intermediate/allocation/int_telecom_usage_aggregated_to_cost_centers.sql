with

slices as (
    select * from "dbt2"."intermediate"."int_trunk_slices_attributed_to_cost_centers"
    where billing_month = cast('2026-10-01' as date)
),

final as (
    select
        billing_month,
        lower(number_type) as number_type,
        lower(direction) as direction,
        coalesce(cost_center_code, 'ORPHAN') as cost_center_code,
        count(*) as slice_count,
        cast(sum(attributed_ms) as bigint) as attributed_ms,
        sum(cast(attributed_cost_weight as hugeint)) as cost_weight
    from slices
    group by 1, 2, 3, 4
)

select * from final
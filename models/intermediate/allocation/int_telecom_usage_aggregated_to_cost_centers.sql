{#-
    Attributed trunk time and telecom cost weight of var('billing_month') per number type x direction
    x cost center (ORPHAN kept): the weights that split each telecom_usage invoice line.
-#}
with

slices as (
    select * from {{ ref('int_trunk_slices_attributed_to_cost_centers') }}
    where billing_month = {{ fairshare.billing_month() }}
),

final as (
    select
        billing_month,
        lower(number_type) as number_type,
        lower(direction) as direction,
        {{ fairshare.orphan_code('cost_center_code') }} as cost_center_code,
        count(*) as slice_count,
        cast(sum(attributed_ms) as {{ dbt.type_bigint() }}) as attributed_ms,
        sum({{ fairshare.int_wide('attributed_cost_weight') }}) as cost_weight
    from slices
    group by 1, 2, 3, 4
)

select * from final

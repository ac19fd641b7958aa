{{ config(materialized='view') }}
{#-
    The telecom cost of the trunk time each queue and user was responsible for in the billing
    month: each trunk slice's share of its telecom line (weights summed per object first, then
    money), display, 6 places. A view.
-#}
with

slices as (
    select * from {{ ref('int_trunk_slices_attributed_to_cost_centers') }}
    where billing_month = {{ fairshare.billing_month() }}
),

telecom_lines as (
    select * from {{ ref('int_telecom_lines_mapped_to_number_types') }}
    where allocation_rule = 'driver'
),

responsible_weights as (
    select
        responsible_object_type,
        responsible_object_id,
        lower(number_type) as number_type,
        lower(direction) as direction,
        sum({{ fairshare.int_wide('attributed_cost_weight') }}) as cost_weight
    from slices
    where responsible_object_type in ('user', 'queue')
    group by 1, 2, 3, 4
),

final as (
    select
        responsible_weights.responsible_object_type,
        responsible_weights.responsible_object_id,
        {{ fairshare.scaled_to_decimal(
            'sum(' ~ fairshare.mul_div(
                'telecom_lines.amount_cents * 10000', 'responsible_weights.cost_weight', 'telecom_lines.driver_weight_total'
            ) ~ ')', 6
        ) }} as allocated_amount
    from responsible_weights
    inner join telecom_lines
        on
            responsible_weights.number_type = telecom_lines.number_type
            and responsible_weights.direction = telecom_lines.direction
    group by 1, 2
)

select * from final

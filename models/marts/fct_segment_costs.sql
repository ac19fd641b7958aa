{{ config(**fairshare.monthly_partition(audit_view=true)) }}
{#-
    Slice-level drill-down of the telecom allocation of var('billing_month'): every attributed trunk
    slice with its measured cost and its share of the telecom invoice line it weights
    (allocated_amount = line amount x slice cost weight / line total weight, display, 6 places; the
    cents are rounded per cost center in invoice_lines).
    The audit relation is a view of the month (monthly_partition(audit_view=true)): tested there,
    written once, into the published table, by the promotion of a passing build.
-#}
with

slices as (
    select * from {{ ref('int_trunk_slices_attributed_to_cost_centers') }}
    where billing_month = {{ fairshare.billing_month() }}
),

telecom_lines as (
    select * from {{ ref('int_telecom_lines_mapped_to_number_types') }}
),

final as (
    select
        slices.billing_month,
        slices.conversation_id,
        slices.session_id,
        slices.did,
        slices.number_type,
        slices.direction,
        slices.cost_center_code,
        slices.attribution_rule,
        slices.responsible_object_type,
        slices.responsible_object_id,
        slices.slice_started_at,
        slices.slice_ended_at,
        slices.attributed_ms,
        {{ fairshare.scaled_to_decimal('slices.attributed_ms', 3) }} as attributed_seconds,
        slices.attributed_cost_weight,
        slices.attributed_cost as cost,  -- noqa: RF04
        telecom_lines.product_sku,
        telecom_lines.invoice_id,
        telecom_lines.invoice_line_id,
        case
            when telecom_lines.allocation_rule = 'driver'
                then cast({{ fairshare.scaled_to_decimal(
                    fairshare.mul_div(
                        'telecom_lines.amount_cents * 10000',
                        'slices.attributed_cost_weight',
                        'telecom_lines.driver_weight_total'
                    ), 6
                ) }} as {{ fairshare.type_decimal(18, 6) }})
        end as allocated_amount
    from slices
    left join telecom_lines
        on
            lower(slices.number_type) = telecom_lines.number_type
            and lower(slices.direction) = telecom_lines.direction
)

select * from final

{#-
    Which telecom_usage invoice line of var('billing_month') each number type x direction of the
    attributed trunk slices weights, with the line's cents and total weight: the bridge from trunk
    slices to money (a slice's share of its line = cents x slice weight / total weight).
-#}
with

telecom_usage as (
    select * from {{ ref('int_telecom_usage_aggregated_to_cost_centers') }}
),

invoice_lines as (
    select * from {{ ref('int_invoice_lines_classified') }}
    where allocation_method = 'telecom_usage'
),

line_weights as (
    select * from {{ ref('int_invoice_line_weights_joined') }}
    where allocation_method = 'telecom_usage'
),

line_totals as (
    select distinct
        invoice_id,
        invoice_line_id,
        allocation_rule,
        driver_weight_total
    from line_weights
),

slice_kinds as (
    select distinct
        number_type,
        direction
    from telecom_usage
),

final as (
    select
        slice_kinds.number_type,
        slice_kinds.direction,
        invoice_lines.invoice_id,
        invoice_lines.invoice_line_id,
        invoice_lines.product_sku,
        invoice_lines.amount_cents,
        line_totals.allocation_rule,
        line_totals.driver_weight_total
    from slice_kinds
    inner join invoice_lines
        on {{ fairshare.telecom_product_matches(
            'invoice_lines.telecom_number_types', 'invoice_lines.telecom_direction',
            'slice_kinds.number_type', 'slice_kinds.direction'
        ) }}
    inner join line_totals
        on
            invoice_lines.invoice_id = line_totals.invoice_id
            and invoice_lines.invoice_line_id = line_totals.invoice_line_id
)

select * from final

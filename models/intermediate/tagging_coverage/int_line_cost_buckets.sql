{{ config(materialized='view') }}
{#-
    The display cost (micro-units of money, 10^-6) of each vendor invoice line x cost center
    bucket of the billing month that was split by its own driver: amount x weight / total weight.
    What the tagging coverage (fct_tagging_coverage) prices untagged objects with. A view.
-#}
with

invoice_lines as (
    select * from {{ ref('int_invoice_lines_classified') }}
),

line_weights as (
    select * from {{ ref('int_invoice_line_weights_joined') }}
    where allocation_rule = 'driver'
),

final as (
    select
        line_weights.invoice_id,
        line_weights.invoice_line_id,
        line_weights.allocation_method,
        line_weights.cost_center_code,
        line_weights.driver_weight,
        line_weights.driver_weight_total,
        invoice_lines.product_sku,
        invoice_lines.amount_cents,
        {{ fairshare.mul_div(
            'invoice_lines.amount_cents * 10000', 'line_weights.driver_weight', 'line_weights.driver_weight_total'
        ) }} as bucket_micro
    from line_weights
    inner join invoice_lines
        on
            line_weights.invoice_id = invoice_lines.invoice_id
            and line_weights.invoice_line_id = invoice_lines.invoice_line_id
)

select * from final

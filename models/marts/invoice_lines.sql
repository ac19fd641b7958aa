{#-
    The mart BI tools query: every cent of every vendor invoice line of var('billing_month') with the
    cost center that carries it, the rule, the driver and one plain sentence explaining it.
-#}
with

allocations as (
    select * from {{ ref('int_invoice_line_allocations_rounded') }}
),

invoice_lines as (
    select * from {{ ref('int_invoice_lines_classified') }}
),

telecom_reconciled as (
    select * from {{ ref('int_telecom_lines_reconciled') }}
),

cost_centers as (
    select * from {{ ref('cost_centers') }}
),

joined as (
    select
        allocations.billing_month,
        allocations.invoice_id,
        allocations.invoice_line_id,
        allocations.cost_center_code,
        cost_centers.cost_center_name,
        cost_centers.department_head,
        invoice_lines.cost_category,
        invoice_lines.product_sku,
        invoice_lines.product_name,
        allocations.allocation_method,
        allocations.product_allocation_method,
        allocations.allocation_rule,
        allocations.driver_variant,
        case
            when allocations.allocation_method = 'orphan_redistribute'
                then 'Interactions handled (redistribution of the unattributed share)'
            when allocations.driver_variant = 'concurrency_at_peak'
                then 'Concurrent users at the org''s peak (no department above its entitlement)'
            else invoice_lines.driver_name
        end as driver_name,
        case
            when allocations.allocation_method = 'orphan_redistribute' then 'interactions'
            else invoice_lines.driver_unit
        end as driver_unit,
        case
            when allocations.allocation_method = 'orphan_redistribute'
                then {{ fairshare.ppb_to_share('allocations.redistribution_weight') }}
            else allocations.driver_quantity
        end as driver_quantity,
        case
            when allocations.allocation_method = 'orphan_redistribute'
                then {{ fairshare.ppb_to_share('allocations.redistribution_weight_total') }}
            else allocations.driver_quantity_total
        end as driver_total,
        {{ fairshare.ppb_to_share('allocations.share_ppb') }} as share,
        {{ fairshare.ppb_to_share(fairshare.share_ppb('allocations.redistribution_weight', 'allocations.redistribution_weight_total')) }}
            as redistribution_share,
        {{ fairshare.cents_to_amount('allocations.allocated_cents') }} as amount,
        allocations.allocated_cents as amount_cents,
        {{ fairshare.cents_to_amount('allocations.orphan_cents') }} as orphan_amount,
        invoice_lines.amount as vendor_line_amount,
        invoice_lines.quantity as vendor_line_quantity,
        telecom_reconciled.measured_minutes as measured_quantity,
        coalesce(invoice_lines.currency, '{{ var("currency") }}') as currency,
        '{{ var("mode") }}' as mode
    from allocations
    inner join invoice_lines
        on
            allocations.invoice_id = invoice_lines.invoice_id
            and allocations.invoice_line_id = invoice_lines.invoice_line_id
    left join cost_centers
        on allocations.cost_center_code = cost_centers.cost_center_code
    left join telecom_reconciled
        on
            allocations.invoice_id = telecom_reconciled.invoice_id
            and allocations.invoice_line_id = telecom_reconciled.invoice_line_id
),

explained as (
    select
        joined.*,
        case allocation_method
            when 'orphan_absorb' then {{ dbt.concat([
                "case when driver_variant = 'prepaid_unused' then 'Prepaid but unused or untagged share of ' else 'Unattributed share of ' end",
                "driver_name", "': '",
                fairshare.format_quantity('driver_quantity', 'driver_unit'), "' of '",
                fairshare.format_quantity('driver_total', 'driver_unit'), "' '", "driver_unit", "' ('",
                fairshare.format_percent('share'), "') of '", fairshare.format_money('vendor_line_amount'),
                "case when driver_variant = 'prepaid_unused' then ' (licences nobody logged in with, or users with no cost center)' else ' (IVR before routing, abandons, untagged objects)' end",
                "', absorbed by the overhead account.'"
            ]) }}
            when 'orphan_redistribute' then {{ dbt.concat([
                "'Share of the unattributed part of '", "product_name", "' ('",
                fairshare.format_money('orphan_amount'), "' of '", fairshare.format_money('vendor_line_amount'),
                "'), redistributed by interactions handled: '",
                fairshare.format_number('driver_quantity', 1), "' of '", fairshare.format_number('driver_total', 1),
                "' interactions ('", fairshare.format_percent('redistribution_share'), "').'"
            ]) }}
            when 'zero_driver_overhead' then {{ dbt.concat([
                "'No usage was measured this month for '", "product_name", "' (driver: '", "driver_name",
                "'), so the whole line of '", fairshare.format_money('vendor_line_amount'),
                "' goes to the overhead account.'"
            ]) }}
            when 'overhead' then {{ dbt.concat([
                "product_name", "' is kept whole by the overhead account by rule: '",
                fairshare.format_money('vendor_line_amount'), "'.'"
            ]) }}
            when 'even' then {{ dbt.concat([
                "product_name", "' split evenly between '", fairshare.format_number('driver_total', 0),
                "' departments: 1 of '", fairshare.format_number('driver_total', 0), "' ('",
                fairshare.format_percent('share'), "') of '", fairshare.format_money('vendor_line_amount'), "'.'"
            ]) }}
            when 'fixed_split' then {{ dbt.concat([
                "product_name", "' fixed split agreed in seeds/fixed_splits.csv: '",
                fairshare.format_percent('share'), "' of '", fairshare.format_money('vendor_line_amount'), "'.'"
            ]) }}
            else {{ dbt.concat([
                "driver_name", "': '",
                fairshare.format_quantity('driver_quantity', 'driver_unit'), "' of '",
                fairshare.format_quantity('driver_total', 'driver_unit'), "' '", "driver_unit", "' ('",
                fairshare.format_percent('share'), "') of '", fairshare.format_money('vendor_line_amount'), "'.'"
            ]) }}
        end as explanation
    from joined
),

final as (
    select
        billing_month,
        invoice_id,
        invoice_line_id,
        cost_center_code,
        cost_center_name,
        department_head,
        cost_category,
        product_sku,
        product_name,
        allocation_method,
        product_allocation_method,
        allocation_rule,
        driver_name,
        driver_unit,
        cast(driver_quantity as {{ fairshare.type_decimal(38, 6) }}) as driver_quantity,
        cast(driver_total as {{ fairshare.type_decimal(38, 6) }}) as driver_total,
        cast(share as {{ fairshare.type_decimal(38, 9) }}) as share,
        cast(amount as {{ fairshare.type_decimal(18, 2) }}) as amount,
        amount_cents,
        cast(vendor_line_amount as {{ fairshare.type_decimal(18, 2) }}) as vendor_line_amount,
        vendor_line_quantity,
        measured_quantity,
        currency,
        mode,
        explanation
    from explained
)

select * from final

{{ config(**fairshare.monthly_partition()) }}
{#-
    The mart BI tools query: every cent of every vendor invoice line of var('billing_month') with the
    cost center that carries it, the rule, the driver and one plain sentence explaining it; and the
    adjustment lines the month carries for closed months whose rebuild differs from what was posted
    (allocation_method 'adjustment', adjusted_month = the closed month).
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

adjustments as (
    select * from {{ ref('int_adjustment_lines_explained') }}
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
                then 'Concurrent users at the org peak (no department above its entitlement)'
            else invoice_lines.driver_name
        end as driver_name,
        case
            when allocations.allocation_method = 'orphan_redistribute' then 'interactions'
            else invoice_lines.driver_unit
        end as driver_unit,
        case
            when allocations.allocation_method = 'orphan_redistribute'
                then cast(
                    {{ fairshare.ppb_to_share('allocations.redistribution_weight') }}
                    as {{ fairshare.type_decimal(38, 6) }}
                )
            else cast(allocations.driver_quantity as {{ fairshare.type_decimal(38, 6) }})
        end as driver_quantity,
        case
            when allocations.allocation_method = 'orphan_redistribute'
                then cast(
                    {{ fairshare.ppb_to_share('allocations.redistribution_weight_total') }}
                    as {{ fairshare.type_decimal(38, 6) }}
                )
            else cast(allocations.driver_quantity_total as {{ fairshare.type_decimal(38, 6) }})
        end as driver_total,
        {{ fairshare.ppb_to_share('allocations.share_ppb') }} as line_share,
        {{ fairshare.ppb_to_share(
            fairshare.share_ppb('allocations.redistribution_weight', 'allocations.redistribution_weight_total')
        ) }} as redistribution_share,
        {{ fairshare.cents_to_amount('allocations.allocated_cents') }} as amount,
        allocations.allocated_cents as amount_cents,
        {{ fairshare.cents_to_amount('allocations.orphan_cents') }} as orphan_amount,
        invoice_lines.amount as vendor_line_amount,
        invoice_lines.quantity as vendor_line_quantity,
        telecom_reconciled.measured_minutes as measured_quantity,
        coalesce(invoice_lines.currency, '{{ var("currency") }}') as currency,
        '{{ var("mode") }}' as allocation_mode
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

digits as (
    select
        *,
        {{ fairshare.format_digits('driver_quantity', 1) }} as quantity_digits_1,
        {{ fairshare.format_digits('driver_quantity', 0) }} as quantity_digits_0,
        {{ fairshare.format_digits('driver_total', 1) }} as total_digits_1,
        {{ fairshare.format_digits('driver_total', 0) }} as total_digits_0,
        {{ fairshare.format_digits('line_share * 100', 2) }} as share_digits,
        {{ fairshare.format_digits('redistribution_share * 100', 2) }} as redistribution_share_digits,
        {{ fairshare.format_digits('vendor_line_amount', 2) }} as line_amount_digits,
        {{ fairshare.format_digits('orphan_amount', 2) }} as orphan_amount_digits
    from joined
),

formatted as (
    select
        *,
        case
            when driver_unit in ('requests', 'departments')
                then {{ fairshare.format_from_digits('quantity_digits_0', 0, 'driver_quantity < 0') }}
            else {{ fairshare.format_from_digits('quantity_digits_1', 1, 'driver_quantity < 0') }}
        end as quantity_text,
        case
            when driver_unit in ('requests', 'departments')
                then {{ fairshare.format_from_digits('total_digits_0', 0, 'driver_total < 0') }}
            else {{ fairshare.format_from_digits('total_digits_1', 1, 'driver_total < 0') }}
        end as total_text,
        {{ fairshare.format_from_digits('total_digits_0', 0) }} as total_whole_text,
        {{ dbt.concat([fairshare.format_from_digits('share_digits', 2, 'line_share < 0'), "'%'"]) }} as share_text,
        {{ dbt.concat([fairshare.format_from_digits('redistribution_share_digits', 2), "'%'"]) }}
            as redistribution_share_text,
        {{ fairshare.format_money_from_digits('line_amount_digits', 'vendor_line_amount < 0') }} as line_amount_text,
        {{ fairshare.format_money_from_digits('orphan_amount_digits', 'orphan_amount < 0') }} as orphan_amount_text
    from digits
),

explained as (
    select
        *,
        case allocation_method
            when 'orphan_absorb' then {{ dbt.concat([
                "case when driver_variant = 'prepaid_unused' then 'Prepaid but unused or untagged share of ' "
                ~ "else 'Unattributed share of ' end",
                "driver_name", "': '", "quantity_text", "' of '", "total_text", "' '", "driver_unit",
                "' ('", "share_text", "') of '", "line_amount_text",
                "case when driver_variant = 'prepaid_unused' "
                ~ "then ' (licences nobody logged in with, or users with no cost center)' "
                ~ "when product_allocation_method in ('named_users', 'concurrent_peak', 'overage_cause') "
                ~ "then ' (users with no cost center)' "
                ~ "when product_allocation_method = 'api_requests' then ' (OAuth clients with no cost center)' "
                ~ "else ' (IVR before routing, abandons, untagged objects)' end",
                "', absorbed by the overhead account.'"
            ]) }}
            when 'orphan_redistribute' then {{ dbt.concat([
                "'Share of the unattributed part of '", "product_name", "' ('", "orphan_amount_text",
                "' of '", "line_amount_text", "'), redistributed by interactions handled: '",
                "quantity_text", "' of '", "total_text", "' interactions ('", "redistribution_share_text", "').'"
            ]) }}
            when 'zero_driver_overhead' then {{ dbt.concat([
                "'No usage was measured this month for '", "product_name", "' (driver: '", "driver_name",
                "'), so the whole line of '", "line_amount_text", "' goes to the overhead account.'"
            ]) }}
            when 'overhead' then {{ dbt.concat([
                "product_name", "' is kept whole by the overhead account by rule: '", "line_amount_text", "'.'"
            ]) }}
            when 'even' then {{ dbt.concat([
                "product_name", "' split evenly between '", "total_whole_text", "' departments: 1 of '",
                "total_whole_text", "' ('", "share_text", "') of '", "line_amount_text", "'.'"
            ]) }}
            when 'fixed_split' then {{ dbt.concat([
                "product_name", "' fixed split agreed in seeds/fixed_splits.csv: '", "share_text", "' of '",
                "line_amount_text", "'.'"
            ]) }}
            else {{ dbt.concat([
                "driver_name", "': '", "quantity_text", "' of '", "total_text", "' '", "driver_unit",
                "' ('", "share_text", "') of '", "line_amount_text", "'.'"
            ]) }}
        end as explanation
    from formatted
),

allocation_lines as (
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
        cast(line_share as {{ fairshare.type_decimal(38, 9) }}) as share,  -- noqa: RF04
        cast(amount as {{ fairshare.type_decimal(18, 2) }}) as amount,
        amount_cents,
        cast(vendor_line_amount as {{ fairshare.type_decimal(18, 2) }}) as vendor_line_amount,
        vendor_line_quantity,
        measured_quantity,
        currency,
        allocation_mode as mode,  -- noqa: RF04
        explanation,
        cast(null as date) as adjusted_month
    from explained
),

adjustment_lines as (
    select
        adjustments.billing_month,
        adjustments.invoice_id,
        adjustments.invoice_line_id,
        adjustments.cost_center_code,
        cost_centers.cost_center_name,
        cost_centers.department_head,
        adjustments.cost_category,
        adjustments.product_sku,
        adjustments.product_name,
        adjustments.allocation_method,
        adjustments.product_allocation_method,
        adjustments.allocation_rule,
        adjustments.driver_name,
        adjustments.driver_unit,
        adjustments.driver_quantity,
        cast(null as {{ fairshare.type_decimal(38, 6) }}) as driver_total,
        cast(null as {{ fairshare.type_decimal(38, 9) }}) as share,  -- noqa: RF04
        cast(adjustments.amount as {{ fairshare.type_decimal(18, 2) }}) as amount,
        adjustments.amount_cents,
        cast(null as {{ fairshare.type_decimal(18, 2) }}) as vendor_line_amount,
        cast(null as {{ fairshare.type_quantity() }}) as vendor_line_quantity,
        cast(null as {{ fairshare.type_decimal(38, 3) }}) as measured_quantity,
        '{{ var("currency") }}' as currency,
        '{{ var("mode") }}' as mode,  -- noqa: RF04
        adjustments.explanation,
        adjustments.adjusted_month
    from adjustments
    left join cost_centers
        on adjustments.cost_center_code = cost_centers.cost_center_code
),

final as (
    select * from allocation_lines
    union all
    select * from adjustment_lines
)

select * from final

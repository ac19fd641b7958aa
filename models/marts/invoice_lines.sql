{{ config(**fairshare.monthly_partition()) }}
{#-
    The mart BI tools query: every cent of every vendor invoice line of var('billing_month') with the
    cost center that carries it, the rule, the driver and one plain sentence explaining it.
    The sentence always starts with the product as invoiced, then says how the row's part was
    found; money carries its ISO currency code, counts read as whole numbers (a conversation shared
    between departments counts in part, and the sentence says so), the part nobody is responsible
    for names its causes (int_orphan_causes_described) and the overage names the peak, the
    entitlement and what the vendor billed. driver_quantity / driver_total are exact: drivers
    counted in parts per billion (interactions, named users) are derived from the integer weights,
    so 20,000 interactions read 20000, not 19999.999999.
    The month also carries adjustment lines for closed months whose rebuild differs from what was
    posted (allocation_method 'adjustment', adjusted_month = the closed month).
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
    select * from {{ ref('stg_config__cost_centers') }}
),

adjustments as (
    select * from {{ ref('int_adjustment_lines_explained') }}
),

orphan_causes as (
    select * from {{ ref('int_orphan_causes_described') }}
),

interaction_volume as (
    select * from {{ ref('int_interactions_aggregated_to_cost_centers') }}
),

concurrency_peaks as (
    select * from {{ ref('int_concurrency_peaks_evaluated') }}
),

-- each cost center at the organisation's billed peak: the evidence of the overage line
overage_evidence as (
    select
        cost_center_code,
        count(*) as peak_slices,
        {{ fairshare.scaled_to_decimal(
            fairshare.int_div('sum(' ~ fairshare.int_wide('concurrent_users') ~ ') * 10', 'count(*)'), 1
        ) }} as users_at_peak,
        max(entitlement) as entitlement,
        max(org_billed_peak) as org_billed_peak,
        max(prepaid_quantity) as prepaid_quantity
    from concurrency_peaks
    where is_org_peak_slice
    group by 1
),

org_peak as (
    select
        max(org_billed_peak) as org_billed_peak,
        max(prepaid_quantity) as prepaid_quantity
    from concurrency_peaks
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
                then {{ fairshare.ppb_to_share('allocations.redistribution_weight') }}
            when
                allocations.product_allocation_method in ('pro_rata_interactions', 'named_users')
                and allocations.allocation_rule <> 'zero_driver'
                then {{ fairshare.ppb_to_share('allocations.driver_weight') }}
            else cast(allocations.driver_quantity as {{ fairshare.type_decimal(38, 9) }})
        end as driver_quantity,
        case
            when allocations.allocation_method = 'orphan_redistribute'
                then {{ fairshare.ppb_to_share('allocations.redistribution_weight_total') }}
            when
                allocations.product_allocation_method in ('pro_rata_interactions', 'named_users')
                and allocations.allocation_rule <> 'zero_driver'
                then {{ fairshare.ppb_to_share('allocations.driver_weight_total') }}
            else cast(allocations.driver_quantity_total as {{ fairshare.type_decimal(38, 9) }})
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
        '{{ var("mode") }}' as allocation_mode,
        orphan_causes.orphan_causes,
        interaction_volume.conversations,
        overage_evidence.users_at_peak,
        coalesce(overage_evidence.entitlement, 0) as entitlement,
        org_peak.org_billed_peak,
        org_peak.prepaid_quantity
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
    left join orphan_causes
        on
            allocations.invoice_id = orphan_causes.invoice_id
            and allocations.invoice_line_id = orphan_causes.invoice_line_id
            and allocations.allocation_method in ('orphan_absorb', 'orphan_redistribute')
    left join interaction_volume
        on
            allocations.cost_center_code = interaction_volume.cost_center_code
            and allocations.allocation_method = 'pro_rata_interactions'
    left join overage_evidence
        on
            allocations.cost_center_code = overage_evidence.cost_center_code
            and allocations.allocation_method = 'overage_cause'
    cross join org_peak
),

-- the digits of every number a sentence shows, once (formatting them twice is cheap; the number
-- expressions are not repeated inside each formatted text)
digits as (
    select
        *,
        {{ fairshare.format_digits('driver_quantity', 0) }} as quantity_digits_0,
        {{ fairshare.format_digits('driver_quantity', 1) }} as quantity_digits_1,
        {{ fairshare.format_digits('driver_quantity', 2) }} as quantity_digits_2,
        {{ fairshare.format_digits('driver_total', 0) }} as total_digits_0,
        {{ fairshare.format_digits('driver_total', 1) }} as total_digits_1,
        {{ fairshare.format_digits('driver_total', 2) }} as total_digits_2,
        {{ fairshare.format_digits('line_share * 100', 2) }} as share_digits,
        {{ fairshare.format_digits('redistribution_share * 100', 2) }} as redistribution_share_digits,
        {{ fairshare.format_digits('vendor_line_amount', 2) }} as line_amount_digits,
        {{ fairshare.format_digits('orphan_amount', 2) }} as orphan_amount_digits,
        {{ fairshare.format_digits('conversations', 0) }} as conversations_digits,
        {{ fairshare.format_digits('users_at_peak', 0) }} as peak_digits_0,
        {{ fairshare.format_digits('users_at_peak', 1) }} as peak_digits_1,
        {{ fairshare.format_digits('entitlement', 0) }} as entitlement_digits_0,
        {{ fairshare.format_digits('entitlement', 1) }} as entitlement_digits_1,
        {{ fairshare.format_digits('entitlement', 2) }} as entitlement_digits_2,
        {{ fairshare.format_digits('vendor_line_quantity', 0) }} as vendor_quantity_digits_0,
        {{ fairshare.format_digits('vendor_line_quantity', 2) }} as vendor_quantity_digits_2,
        {{ fairshare.format_digits('org_billed_peak', 0) }} as org_peak_digits,
        {{ fairshare.format_digits('prepaid_quantity', 0) }} as prepaid_digits_0,
        {{ fairshare.format_digits('prepaid_quantity', 2) }} as prepaid_digits_2,
        driver_quantity = round(driver_quantity, 0) as is_whole_quantity,
        driver_total = round(driver_total, 0) as is_whole_total
    from joined
),

formatted as (
    select
        *,
        -- counts read as whole numbers when they are; measures keep one decimal, percentages two
        case
            when driver_unit in ('minutes', 'hours')
                then {{ fairshare.format_from_digits('quantity_digits_1', 1, 'driver_quantity < 0') }}
            when driver_unit <> 'percent' and is_whole_quantity
                then {{ fairshare.format_from_digits('quantity_digits_0', 0, 'driver_quantity < 0') }}
            else {{ fairshare.format_from_digits('quantity_digits_2', 2, 'driver_quantity < 0') }}
        end as quantity_text,
        case
            when driver_unit in ('minutes', 'hours')
                then {{ fairshare.format_from_digits('total_digits_1', 1, 'driver_total < 0') }}
            when driver_unit <> 'percent' and is_whole_total
                then {{ fairshare.format_from_digits('total_digits_0', 0, 'driver_total < 0') }}
            else {{ fairshare.format_from_digits('total_digits_2', 2, 'driver_total < 0') }}
        end as total_text,
        {{ fairshare.format_from_digits('total_digits_0', 0) }} as total_whole_text,
        {{ dbt.concat([fairshare.format_from_digits('share_digits', 2, 'line_share < 0'), "'%'"]) }} as share_text,
        {{ dbt.concat([fairshare.format_from_digits('redistribution_share_digits', 2), "'%'"]) }}
            as redistribution_share_text,
        {{ dbt.concat([
            "currency", "' '", fairshare.format_from_digits('line_amount_digits', 2, 'vendor_line_amount < 0')
        ]) }} as line_amount_text,
        {{ dbt.concat([
            "currency", "' '", fairshare.format_from_digits('orphan_amount_digits', 2, 'orphan_amount < 0')
        ]) }} as orphan_amount_text,
        {{ fairshare.format_from_digits('conversations_digits', 0) }} as conversations_text,
        case
            when users_at_peak = round(users_at_peak, 0) then {{ fairshare.format_from_digits('peak_digits_0', 0) }}
            else {{ fairshare.format_from_digits('peak_digits_1', 1) }}
        end as users_at_peak_text,
        case
            when entitlement = round(entitlement, 0) then {{ fairshare.format_from_digits('entitlement_digits_0', 0) }}
            when entitlement = round(entitlement, 1) then {{ fairshare.format_from_digits('entitlement_digits_1', 1) }}
            else {{ fairshare.format_from_digits('entitlement_digits_2', 2) }}
        end as entitlement_text,
        case
            when vendor_line_quantity = round(vendor_line_quantity, 0)
                then {{ fairshare.format_from_digits('vendor_quantity_digits_0', 0) }}
            else {{ fairshare.format_from_digits('vendor_quantity_digits_2', 2) }}
        end as vendor_quantity_text,
        {{ fairshare.format_from_digits('org_peak_digits', 0) }} as org_peak_text,
        case
            when prepaid_quantity = round(prepaid_quantity, 0)
                then {{ fairshare.format_from_digits('prepaid_digits_0', 0) }}
            else {{ fairshare.format_from_digits('prepaid_digits_2', 2) }}
        end as prepaid_text,
        coalesce(cost_center_name, cost_center_code) as cost_center_label,
        case
            when product_allocation_method = 'named_users'
                then ' (licences nobody logged in with, or users with no cost center)'
            when product_allocation_method in ('concurrent_peak', 'overage_cause') then ' (users with no cost center)'
            when product_allocation_method = 'api_requests' then ' (OAuth clients with no cost center)'
            else ' (IVR before routing, abandons, untagged objects)'
        end as generic_orphan_cause
    from digits
),

explained as (
    select
        *,
        case
            when allocation_method = 'orphan_absorb' then {{ dbt.concat([
                "product_name", "' — '", "driver_name", "' nobody is responsible for: '",
                "quantity_text", "' of '", "total_text", "' '", "driver_unit", "' ('", "share_text", "') of '",
                "line_amount_text",
                "coalesce(" ~ dbt.concat(["': '", "orphan_causes"]) ~ ", generic_orphan_cause)",
                "'. Absorbed by the overhead account.'"
            ]) }}
            when allocation_method = 'orphan_redistribute' then {{ dbt.concat([
                "product_name", "' — your share of the part nobody is responsible for ('", "orphan_amount_text",
                "' of '", "line_amount_text",
                "coalesce(" ~ dbt.concat(["': '", "orphan_causes"]) ~ ", '')",
                "'), redistributed by interactions handled: '",
                "quantity_text", "' of '", "total_text", "' interactions ('", "redistribution_share_text", "').'"
            ]) }}
            when allocation_method = 'zero_driver_overhead' then {{ dbt.concat([
                "product_name", "' — no usage was measured this month ('", "driver_name",
                "'), so the whole line of '", "line_amount_text", "' goes to the overhead account.'"
            ]) }}
            when allocation_method = 'overhead' then {{ dbt.concat([
                "product_name", "' — kept whole by the overhead account by rule: '", "line_amount_text", "'.'"
            ]) }}
            when allocation_method = 'even' then {{ dbt.concat([
                "product_name", "' — split evenly between '", "total_whole_text", "' departments: 1 of '",
                "total_whole_text", "' ('", "share_text", "') of '", "line_amount_text", "'.'"
            ]) }}
            when allocation_method = 'fixed_split' then {{ dbt.concat([
                "product_name", "' — agreed split: '", "share_text", "' of '", "line_amount_text", "'.'"
            ]) }}
            when allocation_method = 'overage_cause' and driver_variant = 'concurrency_at_peak' then {{ dbt.concat([
                "product_name", "' — the vendor billed '", "vendor_quantity_text", "' users above the '",
                "prepaid_text", "' prepaid (the organisation peaked at '", "org_peak_text",
                "'). No department was above its entitlement at that peak, so the overage is shared by the users '",
                "'logged in then: '", "cost_center_label", "' had '", "quantity_text", "' of '", "total_text",
                "' ('", "share_text", "') of '", "line_amount_text", "'.'"
            ]) }}
            when allocation_method = 'overage_cause' and amount_cents = 0 and coalesce(driver_quantity, 0) = 0
                then {{ dbt.concat([
                    "product_name", "' — the vendor billed '", "vendor_quantity_text", "' users above the '",
                    "prepaid_text", "' prepaid (the organisation peaked at '", "org_peak_text", "'). '",
                    "case when users_at_peak is null then " ~ dbt.concat([
                        "cost_center_label", "' had nobody logged in at that peak'"
                    ]) ~ " else " ~ dbt.concat([
                        "'At that peak '", "cost_center_label", "' had '", "users_at_peak_text",
                        "' users against its entitlement of '", "entitlement_text"
                    ]) ~ " end",
                    "', within it: nothing of '", "line_amount_text", "'.'"
                ]) }}
            when allocation_method = 'overage_cause' then {{ dbt.concat([
                "product_name", "' — the vendor billed '", "vendor_quantity_text", "' users above the '",
                "prepaid_text", "' prepaid (the organisation peaked at '", "org_peak_text", "'). At that peak '",
                "cost_center_label", "' had '", "coalesce(users_at_peak_text, '0')",
                "' users against its entitlement of '", "entitlement_text", "', '", "quantity_text",
                "' above it: '", "share_text", "' of the '", "total_text",
                "' users above entitlement, so '", "share_text", "' of '", "line_amount_text", "'.'"
            ]) }}
            when amount_cents = 0 and coalesce(driver_quantity, 0) = 0 then {{ dbt.concat([
                "product_name", "' — '", "driver_name", "': none of the '", "total_text", "' '", "driver_unit",
                "' this month, so nothing of '", "line_amount_text", "'.'"
            ]) }}
            when allocation_method = 'pro_rata_interactions' and not is_whole_quantity
                then {{ dbt.concat([
                    "product_name", "' — '", "driver_name", "': '", "quantity_text", "' of '", "total_text", "' '",
                    "driver_unit", "' ('", "share_text", "') of '", "line_amount_text", "'; '", "conversations_text",
                    "' conversations, those shared with other departments counted in part.'"
                ]) }}
            else {{ dbt.concat([
                "product_name", "' — '", "driver_name", "': '", "quantity_text", "' of '", "total_text", "' '",
                "driver_unit", "' ('", "share_text", "') of '", "line_amount_text", "'.'"
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
        cast(driver_quantity as {{ fairshare.type_decimal(38, 9) }}) as driver_quantity,
        cast(driver_total as {{ fairshare.type_decimal(38, 9) }}) as driver_total,
        cast(line_share as {{ fairshare.type_decimal(38, 9) }}) as share,  -- noqa: RF04
        cast(amount as {{ fairshare.type_decimal(18, 2) }}) as amount,
        amount_cents,
        cast(vendor_line_amount as {{ fairshare.type_decimal(18, 2) }}) as vendor_line_amount,
        vendor_line_quantity,
        measured_quantity,
        currency,
        allocation_mode as mode,  -- noqa: RF04
        orphan_causes,
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
        cast(adjustments.driver_quantity as {{ fairshare.type_decimal(38, 9) }}) as driver_quantity,
        cast(null as {{ fairshare.type_decimal(38, 9) }}) as driver_total,
        cast(null as {{ fairshare.type_decimal(38, 9) }}) as share,  -- noqa: RF04
        cast(adjustments.amount as {{ fairshare.type_decimal(18, 2) }}) as amount,
        adjustments.amount_cents,
        cast(null as {{ fairshare.type_decimal(18, 2) }}) as vendor_line_amount,
        cast(null as {{ fairshare.type_quantity() }}) as vendor_line_quantity,
        cast(null as {{ fairshare.type_decimal(38, 3) }}) as measured_quantity,
        '{{ var("currency") }}' as currency,
        '{{ var("mode") }}' as mode,  -- noqa: RF04
        cast(null as {{ dbt.type_string() }}) as orphan_causes,
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

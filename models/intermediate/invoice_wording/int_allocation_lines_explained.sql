{{ config(materialized='view') }}
{#-
    Stage 2 of invoice_lines: the sentence of every allocated bucket of the billing month
    (int_allocation_lines_joined), in the mart's columns. The sentence always starts with the
    product as invoiced, then says how the row's part was found; money carries its ISO currency
    code, counts read as whole numbers (a conversation shared between departments counts in part,
    and the sentence says so), the part nobody is responsible for names its causes and the overage
    names the peak, the entitlement and what the vendor billed.
    A view: read once, inside invoice_lines' query.
-#}
with

joined as (
    select * from {{ ref('int_allocation_lines_joined') }}
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
)

select * from final

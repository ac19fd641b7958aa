{{ config(materialized='view') }}
{#-
    Stage 1 of invoice_lines: every allocated cent bucket of the billing month (vendor line x cost
    center x allocation method, int_invoice_line_allocations_rounded) with everything its sentence
    needs: the product and driver, the exact driver quantities (drivers counted in parts per
    billion, interactions and named users, are derived from the integer weights, so 20,000
    interactions read 20000, not 19999.999999), the shares, the amounts, the measured telecom
    minutes, the causes of the part nobody is responsible for, the conversations behind an
    interaction share and the evidence of the overage (the cost center at the org's billed peak).
    A view: read once, inside invoice_lines' query.
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

final as (
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
)

select * from final

with

slices as (
    select * from "dbt2"."intermediate"."int_trunk_slices_attributed_to_cost_centers"
    where billing_month = cast('2026-10-01' as date)
),

invoice_lines as (
    select * from "dbt2"."intermediate"."int_invoice_lines_classified"
    where allocation_method = 'telecom_usage'
),

line_weights as (
    select * from "dbt2"."intermediate"."int_invoice_line_weights_joined"
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

telecom_lines as (
    select
        invoice_lines.invoice_id,
        invoice_lines.invoice_line_id,
        invoice_lines.product_sku,
        invoice_lines.telecom_number_types,
        invoice_lines.telecom_direction,
        invoice_lines.amount_cents,
        line_totals.allocation_rule,
        line_totals.driver_weight_total
    from invoice_lines
    inner join line_totals
        on
            invoice_lines.invoice_id = line_totals.invoice_id
            and invoice_lines.invoice_line_id = line_totals.invoice_line_id
),

slice_kinds as (
    select distinct
        number_type,
        direction
    from slices
),

slice_kind_lines as (
    select
        slice_kinds.number_type,
        slice_kinds.direction,
        telecom_lines.product_sku,
        telecom_lines.invoice_id,
        telecom_lines.invoice_line_id,
        telecom_lines.amount_cents,
        telecom_lines.allocation_rule,
        telecom_lines.driver_weight_total
    from slice_kinds
    inner join telecom_lines
        on 

    position(
        ',' || lower(slice_kinds.number_type) || ',' in ',' || lower(replace(telecom_lines.telecom_number_types, ' ', '')) || ','
    ) > 0
    and (telecom_lines.telecom_direction is null or lower(telecom_lines.telecom_direction) = lower(slice_kinds.direction))
),

joined as (
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
        slices.slice_started_ms,
        slices.attributed_ms,
        slices.attributed_cost_weight,
        slices.attributed_cost,
        slice_kind_lines.product_sku,
        slice_kind_lines.invoice_id,
        slice_kind_lines.invoice_line_id,
        case
            when slice_kind_lines.allocation_rule = 'driver'
                then (cast(((cast(cast(slice_kind_lines.amount_cents * 10000 as hugeint) * cast(slices.attributed_cost_weight as hugeint) as hugeint) - (((cast(cast(slice_kind_lines.amount_cents * 10000 as hugeint) * cast(slices.attributed_cost_weight as hugeint) as hugeint) % cast(slice_kind_lines.driver_weight_total as hugeint)) + cast(slice_kind_lines.driver_weight_total as hugeint)) % cast(slice_kind_lines.driver_weight_total as hugeint))) // cast(slice_kind_lines.driver_weight_total as hugeint)) as decimal(38, 0)) * cast(0.000001 as decimal(38, 6)))
        end as allocated_amount
    from slices
    left join slice_kind_lines
        on
            slices.number_type = slice_kind_lines.number_type
            and slices.direction = slice_kind_lines.direction
),

final as (
    select
        billing_month,
        conversation_id,
        session_id,
        did,
        number_type,
        direction,
        cost_center_code,
        attribution_rule,
        responsible_object_type,
        responsible_object_id,
        slice_started_at,
        slice_ended_at,
        slice_started_ms,
        cast(attributed_ms as bigint) as attributed_ms,
        cast(attributed_cost_weight as bigint) as attributed_cost_weight,
        attributed_cost,
        product_sku,
        invoice_id,
        invoice_line_id,
        cast(allocated_amount as decimal(18, 6)) as allocated_amount
    from joined
)

select * from final
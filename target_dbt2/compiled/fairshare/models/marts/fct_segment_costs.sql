with

slices as (
    select * from "dbt2"."intermediate"."int_trunk_slices_allocated"
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
        attributed_ms,
        (cast(attributed_ms as decimal(38, 0)) * cast(0.001 as decimal(38, 3))) as attributed_seconds,
        attributed_cost_weight,
        attributed_cost as cost,
        product_sku,
        invoice_id,
        invoice_line_id,
        allocated_amount
    from slices
)

select * from final
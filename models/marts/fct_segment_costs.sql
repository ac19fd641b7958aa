{#- Slice-level drill-down of the telecom allocation of var('billing_month'). -#}
with

slices as (
    select * from {{ ref('int_trunk_slices_allocated') }}
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
        {{ fairshare.scaled_to_decimal('attributed_ms', 3) }} as attributed_seconds,
        attributed_cost_weight,
        attributed_cost as cost,  -- noqa: RF04
        product_sku,
        invoice_id,
        invoice_line_id,
        allocated_amount
    from slices
)

select * from final

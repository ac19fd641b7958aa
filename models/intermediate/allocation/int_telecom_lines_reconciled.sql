{#-
    Measured vs invoiced minutes for every telecom_usage line of var('billing_month'): measured =
    billed seconds / 60 of the month's billable legs of the line's number types (and direction, when
    the product names one); invoiced = the line's quantity. The relative gap is checked against
    var('telecom_minutes_tolerance') by a warning test.
-#}
with

invoice_lines as (
    select * from {{ ref('int_invoice_lines_classified') }}
    where allocation_method = 'telecom_usage'
),

legs as (
    select * from {{ ref('int_trunk_legs_costed') }}
    where billing_month = {{ fairshare.billing_month() }}
),

legs_by_type as (
    select
        lower(number_type) as number_type,
        lower(direction) as direction,
        count(*) as legs,
        sum(billed_seconds) as billed_seconds,
        sum(leg_ms) as leg_ms
    from legs
    group by 1, 2
),

matched as (
    select
        invoice_lines.invoice_id,
        invoice_lines.invoice_line_id,
        sum(legs_by_type.legs) as legs,
        sum(legs_by_type.billed_seconds) as billed_seconds,
        sum(legs_by_type.leg_ms) as leg_ms
    from invoice_lines
    inner join legs_by_type
        on {{ fairshare.telecom_product_matches(
            'invoice_lines.telecom_number_types', 'invoice_lines.telecom_direction',
            'legs_by_type.number_type', 'legs_by_type.direction'
        ) }}
    group by 1, 2
),

final as (
    select
        invoice_lines.billing_month,
        invoice_lines.invoice_id,
        invoice_lines.invoice_line_id,
        invoice_lines.product_sku,
        invoice_lines.telecom_number_types,
        invoice_lines.telecom_direction,
        coalesce(matched.legs, 0) as measured_legs,
        {{ fairshare.scaled_to_decimal(fairshare.int_div('coalesce(matched.billed_seconds, 0) * 1000', 60), 3) }}
            as measured_minutes,
        {{ fairshare.ms_to_minutes('coalesce(matched.leg_ms, 0)') }} as measured_connected_minutes,
        invoice_lines.quantity as invoiced_minutes
    from invoice_lines
    left join matched
        on
            invoice_lines.invoice_id = matched.invoice_id
            and invoice_lines.invoice_line_id = matched.invoice_line_id
)

select * from final


    

    create  table
      "dbt1"."intermediate"."int_telecom_lines_reconciled__dbt_tmp"
  
    
    as (
      with

invoice_lines as (
    select * from "dbt1"."intermediate"."int_invoice_lines_classified"
    where allocation_method = 'telecom_usage'
),

legs as (
    select * from "dbt1"."intermediate"."int_trunk_legs_costed"
    where billing_month = cast('2026-10-01' as date)
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
        on 

    position(
        ',' || lower(legs_by_type.number_type) || ',' in ',' || lower(replace(invoice_lines.telecom_number_types, ' ', '')) || ','
    ) > 0
    and (invoice_lines.telecom_direction is null or lower(invoice_lines.telecom_direction) = lower(legs_by_type.direction))
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
        (cast(((cast(coalesce(matched.billed_seconds, 0) * 1000 as hugeint) - (((cast(coalesce(matched.billed_seconds, 0) * 1000 as hugeint) % cast(60 as hugeint)) + cast(60 as hugeint)) % cast(60 as hugeint))) // cast(60 as hugeint)) as decimal(38, 0)) * cast(0.001 as decimal(38, 3)))
            as measured_minutes,
        (cast(((cast(coalesce(matched.leg_ms, 0) as hugeint) - (((cast(coalesce(matched.leg_ms, 0) as hugeint) % cast(60 as hugeint)) + cast(60 as hugeint)) % cast(60 as hugeint))) // cast(60 as hugeint)) as decimal(38, 0)) * cast(0.001 as decimal(38, 3))) as measured_connected_minutes,
        invoice_lines.quantity as invoiced_minutes
    from invoice_lines
    left join matched
        on
            invoice_lines.invoice_id = matched.invoice_id
            and invoice_lines.invoice_line_id = matched.invoice_line_id
)

select * from final
    );
    
  
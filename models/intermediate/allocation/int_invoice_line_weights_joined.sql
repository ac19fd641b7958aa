{#-
    The weights that split each vendor invoice line of var('billing_month'): one row per line x cost
    center (ORPHAN included) with the line's driver weight and display quantity. Methods:
    - telecom_usage: the attributed telecom cost weights of the line's number types (and direction);
    - named_users: billable users of the line's product (each 1,000,000,000 ppb, movers split) plus
      the prepaid but unused licences (line quantity - billable users) as ORPHAN;
    - concurrent_peak / overage_cause / api_requests / ai_usage / pro_rata_interactions /
      pro_rata_handle_time / fixed_split / even: the matching driver rows;
    - overhead: the whole line to the overhead account.
    A line whose drivers weigh nothing (no usage at all) is not lost: it goes whole to the overhead
    account (allocation_rule = 'zero_driver').
-#}
with

invoice_lines as (
    select * from {{ ref('int_invoice_lines_classified') }}
    where allocation_method is not null
),

drivers as (
    select * from {{ ref('int_allocation_drivers_unioned') }}
),

cost_centers as (
    select * from {{ ref('stg_config__cost_centers') }}
),

overhead_account as (
    select min(cost_center_code) as cost_center_code
    from cost_centers
    where is_overhead
),

matched_drivers as (
    select
        invoice_lines.invoice_id,
        invoice_lines.invoice_line_id,
        drivers.cost_center_code,
        drivers.driver_weight,
        drivers.driver_quantity,
        drivers.driver_variant
    from invoice_lines
    inner join drivers
        on
            invoice_lines.allocation_method = drivers.allocation_method
            and (
                invoice_lines.allocation_method <> 'telecom_usage'
                or ({{ fairshare.telecom_product_matches(
                    'invoice_lines.telecom_number_types', 'invoice_lines.telecom_direction',
                    'drivers.number_type', 'drivers.direction'
                ) }})
            )
            and (
                invoice_lines.allocation_method not in ('named_users', 'fixed_split')
                or upper(invoice_lines.product_sku) = upper(drivers.product_sku)
            )
),

billable_named_users as (
    select
        invoice_id,
        invoice_line_id,
        sum(driver_weight) as billable_ppb
    from matched_drivers
    group by 1, 2
),

unused_named_licences as (
    select
        invoice_lines.invoice_id,
        invoice_lines.invoice_line_id,
        'ORPHAN' as cost_center_code,
        {{ fairshare.int_wide(fairshare.to_micro_units('invoice_lines.quantity') ~ ' * 1000') }}
        - coalesce(billable_named_users.billable_ppb, 0) as driver_weight,
        'prepaid_unused' as driver_variant
    from invoice_lines
    left join billable_named_users
        on
            invoice_lines.invoice_id = billable_named_users.invoice_id
            and invoice_lines.invoice_line_id = billable_named_users.invoice_line_id
    where invoice_lines.allocation_method = 'named_users'
),

unused_named_licence_drivers as (
    select
        invoice_id,
        invoice_line_id,
        cost_center_code,
        driver_weight,
        cast({{ fairshare.ppb_to_share('driver_weight') }} as {{ fairshare.type_decimal(38, 6) }}) as driver_quantity,
        driver_variant
    from unused_named_licences
    where driver_weight > 0
),

overhead_method_drivers as (
    select
        invoice_lines.invoice_id,
        invoice_lines.invoice_line_id,
        overhead_account.cost_center_code,
        {{ fairshare.int_wide('1') }} as driver_weight,
        cast(1 as {{ fairshare.type_decimal(38, 6) }}) as driver_quantity,
        cast(null as {{ dbt.type_string() }}) as driver_variant
    from invoice_lines
    cross join overhead_account
    where invoice_lines.allocation_method = 'overhead'
),

all_drivers as (
    select * from matched_drivers
    union all
    select * from unused_named_licence_drivers
    union all
    select * from overhead_method_drivers
),

line_buckets as (
    select
        invoice_id,
        invoice_line_id,
        cost_center_code,
        sum(driver_weight) as driver_weight,
        sum(driver_quantity) as driver_quantity,
        max(driver_variant) as driver_variant
    from all_drivers
    group by 1, 2, 3
),

line_totals as (
    select
        invoice_id,
        invoice_line_id,
        sum(driver_weight) as driver_weight_total,
        sum(driver_quantity) as driver_quantity_total
    from line_buckets
    group by 1, 2
),

weighted_lines as (
    select
        invoice_lines.invoice_id,
        invoice_lines.invoice_line_id,
        line_buckets.cost_center_code,
        line_buckets.driver_weight,
        line_buckets.driver_quantity,
        line_buckets.driver_variant,
        line_totals.driver_weight_total,
        line_totals.driver_quantity_total,
        case when invoice_lines.allocation_method = 'overhead' then 'overhead' else 'driver' end as allocation_rule
    from invoice_lines
    inner join line_buckets
        on
            invoice_lines.invoice_id = line_buckets.invoice_id
            and invoice_lines.invoice_line_id = line_buckets.invoice_line_id
    inner join line_totals
        on
            invoice_lines.invoice_id = line_totals.invoice_id
            and invoice_lines.invoice_line_id = line_totals.invoice_line_id
    where line_totals.driver_weight_total > 0
),

zero_driver_lines as (
    select
        invoice_lines.invoice_id,
        invoice_lines.invoice_line_id,
        overhead_account.cost_center_code,
        {{ fairshare.int_wide('1') }} as driver_weight,
        cast(coalesce(line_totals.driver_quantity_total, 0) as {{ fairshare.type_decimal(38, 6) }}) as driver_quantity,
        'zero_driver' as driver_variant,
        {{ fairshare.int_wide('1') }} as driver_weight_total,
        cast(
            coalesce(line_totals.driver_quantity_total, 0) as {{ fairshare.type_decimal(38, 6) }}
        ) as driver_quantity_total,
        'zero_driver' as allocation_rule
    from invoice_lines
    cross join overhead_account
    left join line_totals
        on
            invoice_lines.invoice_id = line_totals.invoice_id
            and invoice_lines.invoice_line_id = line_totals.invoice_line_id
    where coalesce(line_totals.driver_weight_total, 0) = 0
),

all_lines as (
    select * from weighted_lines
    union all
    select * from zero_driver_lines
),

final as (
    select
        invoice_lines.billing_month,
        all_lines.invoice_id,
        all_lines.invoice_line_id,
        invoice_lines.allocation_method,
        all_lines.allocation_rule,
        all_lines.cost_center_code,
        all_lines.driver_weight,
        all_lines.driver_weight_total,
        cast(all_lines.driver_quantity as {{ fairshare.type_decimal(38, 6) }}) as driver_quantity,
        cast(all_lines.driver_quantity_total as {{ fairshare.type_decimal(38, 6) }}) as driver_quantity_total,
        all_lines.driver_variant,
        invoice_lines.amount_cents
    from all_lines
    inner join invoice_lines
        on
            all_lines.invoice_id = invoice_lines.invoice_id
            and all_lines.invoice_line_id = invoice_lines.invoice_line_id
)

select * from final

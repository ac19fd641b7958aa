
    

    create  table
      "dbt1"."marts"."fct_named_users__dbt_tmp"
  
    
    as (
      with

named_users as (
    select * from "dbt1"."intermediate"."int_named_users_split_to_cost_centers"
),

invoice_lines as (
    select * from "dbt1"."intermediate"."int_invoice_lines_classified"
    where allocation_method = 'named_users'
),

line_weights as (
    select * from "dbt1"."intermediate"."int_invoice_line_weights_joined"
    where allocation_method = 'named_users' and allocation_rule = 'driver'
),

line_totals as (
    select
        invoice_lines.product_sku,
        sum(invoice_lines.amount_cents) as amount_cents,
        max(line_weights.driver_weight_total) as driver_weight_total
    from invoice_lines
    inner join line_weights
        on
            invoice_lines.invoice_id = line_weights.invoice_id
            and invoice_lines.invoice_line_id = line_weights.invoice_line_id
    group by 1
),

cost_centers as (
    select * from "dbt1"."config"."cost_centers"
),

final as (
    select
        named_users.billing_month,
        named_users.user_id,
        named_users.user_name,
        named_users.cost_center_code,
        cost_centers.cost_center_name,
        named_users.license_id,
        named_users.product_sku,
        named_users.logged_in_ms,
        named_users.logged_in_share,
        cast(
            (cast(((cast(cast(line_totals.amount_cents * 10000 as hugeint) * cast(named_users.user_share_ppb as hugeint) as hugeint) - (((cast(cast(line_totals.amount_cents * 10000 as hugeint) * cast(named_users.user_share_ppb as hugeint) as hugeint) % cast(line_totals.driver_weight_total as hugeint)) + cast(line_totals.driver_weight_total as hugeint)) % cast(line_totals.driver_weight_total as hugeint))) // cast(line_totals.driver_weight_total as hugeint)) as decimal(38, 0)) * cast(0.000001 as decimal(38, 6))) as decimal(18, 6)
        ) as licence_cost
    from named_users
    left join line_totals
        on upper(named_users.product_sku) = upper(line_totals.product_sku)
    left join cost_centers
        on named_users.cost_center_code = cost_centers.cost_center_code
)

select * from final
    );
    
  
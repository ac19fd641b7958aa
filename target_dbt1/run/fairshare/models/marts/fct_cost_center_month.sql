
    

    create  table
      "dbt1"."marts"."fct_cost_center_month__dbt_tmp"
  
    
    as (
      with

invoice_lines as (
    select * from "dbt1"."marts"."invoice_lines"
),

totals as (
    select
        billing_month,
        cost_center_code,
        cost_center_name,
        department_head,
        cost_category,
        currency,
        mode,
        count(distinct invoice_id || '|' || invoice_line_id) as vendor_lines,
        sum(amount_cents) as amount_cents,
        sum(case when allocation_rule = 'driver' then amount_cents else 0 end) as amount_cents_by_driver,
        sum(case when allocation_rule <> 'driver' then amount_cents else 0 end) as amount_cents_by_policy
    from invoice_lines
    group by 1, 2, 3, 4, 5, 6, 7
),

final as (
    select
        billing_month,
        cost_center_code,
        cost_center_name,
        department_head,
        cost_category,
        vendor_lines,
        cast((cast(amount_cents as decimal(38, 0)) * cast(0.01 as decimal(38, 2))) as decimal(18, 2)) as amount,
        cast((cast(amount_cents_by_driver as decimal(38, 0)) * cast(0.01 as decimal(38, 2))) as decimal(18, 2)) as amount_by_driver,
        cast((cast(amount_cents_by_policy as decimal(38, 0)) * cast(0.01 as decimal(38, 2))) as decimal(18, 2)) as amount_by_policy,
        currency,
        mode
    from totals
)

select * from final
    );
    
  
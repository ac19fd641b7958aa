{{ config(**fairshare.monthly_partition()) }}
{#- Totals per cost center, month and cost category, from invoice_lines. -#}
with

invoice_lines as (
    select * from {{ ref('invoice_lines') }}
    where billing_month = {{ fairshare.billing_month() }}
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
        count(distinct {{ dbt.concat(['invoice_id', "'|'", 'invoice_line_id']) }}) as vendor_lines,
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
        {{ fairshare.cents_to_amount('amount_cents') }} as amount,
        {{ fairshare.cents_to_amount('amount_cents_by_driver') }} as amount_by_driver,
        {{ fairshare.cents_to_amount('amount_cents_by_policy') }} as amount_by_policy,
        currency,
        mode
    from totals
)

select * from final


    

    create  table
      "dbt1"."intermediate"."int_invoice_line_allocations_rounded__dbt_tmp"
  
    
    as (
      with

line_weights as (
    select * from "dbt1"."intermediate"."int_invoice_line_weights_joined"
),

interactions as (
    select * from "dbt1"."intermediate"."int_interactions_aggregated_to_cost_centers"
),

cost_centers as (
    select * from "dbt1"."config"."cost_centers"
),

overhead_account as (
    select min(cost_center_code) as cost_center_code
    from cost_centers
    where is_overhead
),

line_split__base as (
    select
        line_weights.*,
        sum(driver_weight) over (partition by invoice_id, invoice_line_id) as lr_weight_total,
        case when amount_cents < 0 then -1 else 1 end as lr_sign,
        abs(amount_cents) as lr_abs_amount
    from line_weights
),

line_split__ranked as (
    select
        line_split__base.*,
        cast(((cast(cast(lr_abs_amount as hugeint) * cast(driver_weight as hugeint) as hugeint) - (((cast(cast(lr_abs_amount as hugeint) * cast(driver_weight as hugeint) as hugeint) % cast(cast(lr_weight_total as hugeint) as hugeint)) + cast(cast(lr_weight_total as hugeint) as hugeint)) % cast(cast(lr_weight_total as hugeint) as hugeint))) // cast(cast(lr_weight_total as hugeint) as hugeint)) as bigint) as lr_base,
        cast(lr_abs_amount as hugeint) * cast(driver_weight as hugeint)
        - cast(((cast(cast(lr_abs_amount as hugeint) * cast(driver_weight as hugeint) as hugeint) - (((cast(cast(lr_abs_amount as hugeint) * cast(driver_weight as hugeint) as hugeint) % cast(cast(lr_weight_total as hugeint) as hugeint)) + cast(cast(lr_weight_total as hugeint) as hugeint)) % cast(cast(lr_weight_total as hugeint) as hugeint))) // cast(cast(lr_weight_total as hugeint) as hugeint)) as hugeint) * cast(lr_weight_total as hugeint) as lr_remainder
    from line_split__base
),

line_split as (
    select
        line_split__ranked.*,
        row_number() over (
            partition by invoice_id, invoice_line_id
            order by lr_remainder desc, cost_center_code
        ) as lr_rank,
        lr_sign * (
            lr_base
            + case
                when row_number() over (
                    partition by invoice_id, invoice_line_id
                    order by lr_remainder desc, cost_center_code
                ) <= lr_abs_amount - sum(lr_base) over (partition by invoice_id, invoice_line_id)
                    then 1
                else 0
            end
        ) as allocated_cents
    from line_split__ranked
),

direct_allocations as (
    select
        billing_month,
        invoice_id,
        invoice_line_id,
        cost_center_code,
        case allocation_rule
            when 'zero_driver' then 'zero_driver_overhead'
            when 'overhead' then 'overhead'
            else allocation_method
        end as allocation_method,
        allocation_method as product_allocation_method,
        allocation_rule,
        driver_weight,
        driver_weight_total,
        driver_quantity,
        driver_quantity_total,
        driver_variant,
        amount_cents as line_amount_cents,
        cast(null as bigint) as orphan_cents,
        cast(null as bigint) as redistribution_weight,
        cast(null as bigint) as redistribution_weight_total,
        cast(((cast(cast(driver_weight as hugeint) * 1000000000 as hugeint) - (((cast(cast(driver_weight as hugeint) * 1000000000 as hugeint) % cast(cast(driver_weight_total as hugeint) as hugeint)) + cast(cast(driver_weight_total as hugeint) as hugeint)) % cast(cast(driver_weight_total as hugeint) as hugeint))) // cast(cast(driver_weight_total as hugeint) as hugeint)) as bigint) as share_ppb,
        allocated_cents
    from line_split
    where cost_center_code <> 'ORPHAN'
),

orphan_buckets as (
    select * from line_split
    where cost_center_code = 'ORPHAN'
),

redistribution_volume as (
    select
        interactions.cost_center_code,
        interactions.interaction_ppb
    from interactions
    inner join cost_centers
        on interactions.cost_center_code = cost_centers.cost_center_code
    where
        not coalesce(cost_centers.is_overhead, false)
        and interactions.interaction_ppb > 0
),

redistribution_total as (
    select
        count(*) as departments,
        sum(cast(interaction_ppb as hugeint)) as interaction_ppb_total
    from redistribution_volume
),



absorbed as (
    select
        orphan_buckets.billing_month,
        orphan_buckets.invoice_id,
        orphan_buckets.invoice_line_id,
        overhead_account.cost_center_code,
        'orphan_absorb' as allocation_method,
        orphan_buckets.allocation_method as product_allocation_method,
        'orphan_absorb' as allocation_rule,
        orphan_buckets.driver_weight,
        orphan_buckets.driver_weight_total,
        orphan_buckets.driver_quantity,
        orphan_buckets.driver_quantity_total,
        orphan_buckets.driver_variant,
        orphan_buckets.amount_cents as line_amount_cents,
        orphan_buckets.allocated_cents as orphan_cents,
        cast(null as bigint) as redistribution_weight,
        cast(null as bigint) as redistribution_weight_total,
        cast(((cast(cast(orphan_buckets.driver_weight as hugeint) * 1000000000 as hugeint) - (((cast(cast(orphan_buckets.driver_weight as hugeint) * 1000000000 as hugeint) % cast(cast(orphan_buckets.driver_weight_total as hugeint) as hugeint)) + cast(cast(orphan_buckets.driver_weight_total as hugeint) as hugeint)) % cast(cast(orphan_buckets.driver_weight_total as hugeint) as hugeint))) // cast(cast(orphan_buckets.driver_weight_total as hugeint) as hugeint)) as bigint) as share_ppb,
        orphan_buckets.allocated_cents
    from orphan_buckets
    cross join overhead_account
    cross join redistribution_total
),

all_allocations as (
    select * from direct_allocations
    union all
    select * from absorbed
),

final as (
    select
        billing_month,
        invoice_id,
        invoice_line_id,
        cost_center_code,
        allocation_method,
        product_allocation_method,
        allocation_rule,
        cast(driver_weight as hugeint) as driver_weight,
        cast(driver_weight_total as hugeint) as driver_weight_total,
        driver_quantity,
        driver_quantity_total,
        driver_variant,
        cast(line_amount_cents as bigint) as line_amount_cents,
        orphan_cents,
        redistribution_weight,
        redistribution_weight_total,
        cast(share_ppb as bigint) as share_ppb,
        cast(allocated_cents as bigint) as allocated_cents
    from all_allocations
)

select * from final
    );
    
  
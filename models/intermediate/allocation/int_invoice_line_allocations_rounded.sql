{#-
    Cents of every vendor invoice line of var('billing_month') per cost center and allocation method.
    Stage 1: the line's cents are split over its weights (cost centers and the ORPHAN bucket) by the
    largest-remainder method (ties: cost center code), so the split sums exactly to the line amount;
    a credit (negative line) is split on its absolute value and keeps its sign.
    Stage 2: the ORPHAN bucket follows var('orphan_policy'):
    - absorb (default): to the overhead account (allocation_method 'orphan_absorb');
    - redistribute: by largest remainder again, pro-rata to the interaction volume of the real
      departments (not ORPHAN, not the overhead account) — never all to the largest department —
      (allocation_method 'orphan_redistribute'); with no interaction volume at all, absorbed.
    A zero-driver line goes whole to the overhead account ('zero_driver_overhead').
-#}
{%- set orphan_policy = var('orphan_policy') -%}
{%- if orphan_policy not in ('absorb', 'redistribute') -%}
    {{ exceptions.raise_compiler_error("var('orphan_policy') must be 'absorb' or 'redistribute', got '" ~ orphan_policy ~ "'") }}
{%- endif -%}
with

line_weights as (
    select * from {{ ref('int_invoice_line_weights_joined') }}
),

interactions as (
    select * from {{ ref('int_interactions_aggregated_to_cost_centers') }}
),

cost_centers as (
    select * from {{ ref('stg_config__cost_centers') }}
),

overhead_account as (
    select min(cost_center_code) as cost_center_code
    from cost_centers
    where is_overhead
),

{{ fairshare.largest_remainder(
    input_cte='line_weights',
    output_cte='line_split',
    partition_by=['invoice_id', 'invoice_line_id'],
    amount_column='amount_cents',
    weight_column='driver_weight',
    tie_break=['cost_center_code'],
    output_column='allocated_cents'
) }},

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
        cast(null as {{ dbt.type_bigint() }}) as orphan_cents,
        cast(null as {{ dbt.type_bigint() }}) as redistribution_weight,
        cast(null as {{ dbt.type_bigint() }}) as redistribution_weight_total,
        {{ fairshare.share_ppb('driver_weight', 'driver_weight_total') }} as share_ppb,
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
        sum({{ fairshare.int_wide('interaction_ppb') }}) as interaction_ppb_total
    from redistribution_volume
),

{% if orphan_policy == 'redistribute' %}
orphan_to_redistribute as (
    select
        orphan_buckets.billing_month,
        orphan_buckets.invoice_id,
        orphan_buckets.invoice_line_id,
        redistribution_volume.cost_center_code,
        orphan_buckets.allocation_method as product_allocation_method,
        orphan_buckets.driver_weight,
        orphan_buckets.driver_weight_total,
        orphan_buckets.driver_quantity,
        orphan_buckets.driver_quantity_total,
        orphan_buckets.driver_variant,
        orphan_buckets.amount_cents as line_amount_cents,
        orphan_buckets.allocated_cents as orphan_cents,
        redistribution_volume.interaction_ppb as redistribution_weight,
        redistribution_total.interaction_ppb_total as redistribution_weight_total
    from orphan_buckets
    cross join redistribution_volume
    cross join redistribution_total
),

{{ fairshare.largest_remainder(
    input_cte='orphan_to_redistribute',
    output_cte='orphan_split',
    partition_by=['invoice_id', 'invoice_line_id'],
    amount_column='orphan_cents',
    weight_column='redistribution_weight',
    tie_break=['cost_center_code'],
    output_column='allocated_cents'
) }},

redistributed as (
    select
        billing_month,
        invoice_id,
        invoice_line_id,
        cost_center_code,
        'orphan_redistribute' as allocation_method,
        product_allocation_method,
        'orphan_redistribute' as allocation_rule,
        driver_weight,
        driver_weight_total,
        driver_quantity,
        driver_quantity_total,
        driver_variant,
        line_amount_cents,
        cast(orphan_cents as {{ dbt.type_bigint() }}) as orphan_cents,
        cast(redistribution_weight as {{ dbt.type_bigint() }}) as redistribution_weight,
        cast(redistribution_weight_total as {{ dbt.type_bigint() }}) as redistribution_weight_total,
        cast({{ fairshare.int_div(
            fairshare.int_wide(fairshare.share_ppb('driver_weight', 'driver_weight_total'))
            ~ ' * ' ~ fairshare.int_wide('redistribution_weight'),
            fairshare.int_wide('redistribution_weight_total')
        ) }} as {{ dbt.type_bigint() }}) as share_ppb,
        allocated_cents
    from orphan_split
),
{% endif %}

absorbed as (
    select
        orphan_buckets.billing_month,
        orphan_buckets.invoice_id,
        orphan_buckets.invoice_line_id,
        overhead_account.cost_center_code,
        'orphan_absorb' as allocation_method,
        orphan_buckets.allocation_method as product_allocation_method,
        '{{ "orphan_absorb_no_volume" if orphan_policy == "redistribute" else "orphan_absorb" }}' as allocation_rule,
        orphan_buckets.driver_weight,
        orphan_buckets.driver_weight_total,
        orphan_buckets.driver_quantity,
        orphan_buckets.driver_quantity_total,
        orphan_buckets.driver_variant,
        orphan_buckets.amount_cents as line_amount_cents,
        orphan_buckets.allocated_cents as orphan_cents,
        cast(null as {{ dbt.type_bigint() }}) as redistribution_weight,
        cast(null as {{ dbt.type_bigint() }}) as redistribution_weight_total,
        {{ fairshare.share_ppb('orphan_buckets.driver_weight', 'orphan_buckets.driver_weight_total') }} as share_ppb,
        orphan_buckets.allocated_cents
    from orphan_buckets
    cross join overhead_account
    cross join redistribution_total
    {%- if orphan_policy == 'redistribute' %}
    where redistribution_total.departments = 0
    {%- endif %}
),

all_allocations as (
    select * from direct_allocations
    union all
    select * from absorbed
    {%- if orphan_policy == 'redistribute' %}
    union all
    select * from redistributed
    {%- endif %}
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
        {{ fairshare.int_wide('driver_weight') }} as driver_weight,
        {{ fairshare.int_wide('driver_weight_total') }} as driver_weight_total,
        driver_quantity,
        driver_quantity_total,
        driver_variant,
        cast(line_amount_cents as {{ dbt.type_bigint() }}) as line_amount_cents,
        orphan_cents,
        redistribution_weight,
        redistribution_weight_total,
        cast(share_ppb as {{ dbt.type_bigint() }}) as share_ppb,
        cast(allocated_cents as {{ dbt.type_bigint() }}) as allocated_cents
    from all_allocations
)

select * from final

{{ config(materialized='view') }}
{#-
    The DIDs of the billing month without a tag (their latest version), with the ORPHAN telecom
    cost of the calls on the number (display, 6 places). One row per DID, in fct_tagging_coverage's
    shape. A view.
-#}
with

dids as (
    select * from {{ ref('int_dids_tagged_to_cost_centers') }}
    where {{ fairshare.valid_in_billing_month() }}
),

slices as (
    select * from {{ ref('int_trunk_slices_attributed_to_cost_centers') }}
    where billing_month = {{ fairshare.billing_month() }}
),

telecom_lines as (
    select * from {{ ref('int_telecom_lines_mapped_to_number_types') }}
    where allocation_rule = 'driver'
),

did_versions as (
    select
        did_id,
        phone_number,
        cost_center_code,
        tag_rule,
        row_number() over (partition by did_id order by valid_from desc) as version_rank,
        max(case when tag_rule = 'untagged' then 1 else 0 end) over (partition by did_id) as needs_fix
    from dids
),

did_orphan_weights as (
    select
        did,
        lower(number_type) as number_type,
        lower(direction) as direction,
        sum({{ fairshare.int_wide('attributed_cost_weight') }}) as cost_weight
    from slices
    where cost_center_code = 'ORPHAN'
    group by 1, 2, 3
),

did_orphan_costs as (
    {{ fairshare.orphan_telecom_cost_by('did_orphan_weights', 'did') }}
),

final as (
    select
        'did' as object_kind,
        did_versions.did_id as object_id,
        did_versions.phone_number as object_name,
        did_versions.tag_rule,
        did_versions.cost_center_code,
        false as is_ambiguous,
        coalesce(did_orphan_costs.allocated_amount, 0) as carried_cost,
        cast(0 as {{ fairshare.type_decimal(38, 6) }}) as shared_lines_cost
    from did_versions
    left join did_orphan_costs
        on did_versions.phone_number = did_orphan_costs.did
    where did_versions.version_rank = 1 and did_versions.needs_fix = 1
)

select * from final

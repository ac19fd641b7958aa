{{ config(materialized='view') }}
{#-
    The queues of the billing month whose tag is missing or ambiguous (their latest version), with
    the telecom cost of the trunk time they were responsible for (display, 6 places). One row per
    queue, in fct_tagging_coverage's shape. A view.
-#}
with

queues as (
    select * from {{ ref('int_queues_tagged_to_cost_centers') }}
    where {{ fairshare.valid_in_billing_month() }}
),

responsible_costs as (
    select * from {{ ref('int_telecom_costs_by_responsible_object') }}
),

queue_versions as (
    select
        queue_id,
        queue_name,
        cost_center_code,
        tag_rule,
        is_ambiguous,
        row_number() over (partition by queue_id order by valid_from desc) as version_rank,
        max(case when tag_rule = 'untagged' or is_ambiguous then 1 else 0 end) over (partition by queue_id)
            as needs_fix
    from queues
),

final as (
    select
        'queue' as object_kind,
        queue_versions.queue_id as object_id,
        queue_versions.queue_name as object_name,
        queue_versions.tag_rule,
        queue_versions.cost_center_code,
        coalesce(queue_versions.is_ambiguous, false) as is_ambiguous,
        coalesce(responsible_costs.allocated_amount, 0) as carried_cost,
        cast(0 as {{ fairshare.type_decimal(38, 6) }}) as shared_lines_cost
    from queue_versions
    left join responsible_costs
        on
            responsible_costs.responsible_object_type = 'queue'
            and queue_versions.queue_id = responsible_costs.responsible_object_id
    where queue_versions.version_rank = 1 and queue_versions.needs_fix = 1
)

select * from final

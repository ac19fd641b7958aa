{{ config(**fairshare.monthly_partition()) }}
-- Every billable voice leg of the billing month cut into the conversation's elementary slices,
-- with the cost center responsible in each (split evenly when several are connected) and the
-- leg's telecom cost in proportion to milliseconds.
-- The slices of a leg tile it exactly, so the attributed_ms of a leg add up to its leg_ms. The
-- leg's cost is spread with the telescoping rule: slice [a, b) costs F(b) - F(a) with
-- F(t) = floor(total_cost_nanos * elapsed(t) / total_leg_ms), split between the cost centers of the
-- slice like its milliseconds (floor, remainder to the first codes), so the attributed costs of a
-- leg add up to its leg_cost_nanos exactly. A zero-length leg gets one 0 ms 'ORPHAN' row carrying
-- its cost (if any), so no cost is lost.

with

legs as (

    select
        conversation_key,
        conversation_id,
        session_id,
        did,
        number_type,
        direction,
        leg_started_ms,
        leg_ended_ms,
        leg_cost_nanos,
        total_leg_started_ms,
        total_leg_ms,
        total_cost_nanos
    from {{ ref('int_trunk_legs_costed') }}
    where billing_month = {{ fairshare.billing_month() }}

),

slices as (

    select
        conversation_key,
        slice_started_ms,
        slice_ended_ms,
        cost_center_code,
        attribution_rule,
        responsible_object_type,
        responsible_object_id,
        departments_connected,
        department_rank,
        attributed_ms
    from {{ ref('int_conversation_slices_attributed_to_cost_centers') }}
    where billing_month = {{ fairshare.billing_month() }}

),

leg_slices as (

    select
        legs.conversation_id,
        legs.session_id,
        legs.did,
        legs.number_type,
        legs.direction,
        slices.slice_started_ms,
        slices.slice_ended_ms,
        slices.cost_center_code,
        slices.attribution_rule,
        slices.responsible_object_type,
        case
            when slices.responsible_object_type = 'conversation' then legs.conversation_id
            else slices.responsible_object_id
        end as responsible_object_id,
        slices.departments_connected,
        slices.department_rank,
        slices.attributed_ms,
        cast(
            {{ fairshare.mul_div(
                'legs.total_cost_nanos', 'slices.slice_ended_ms - legs.total_leg_started_ms', 'legs.total_leg_ms'
            ) }}
            - {{ fairshare.mul_div(
                'legs.total_cost_nanos', 'slices.slice_started_ms - legs.total_leg_started_ms', 'legs.total_leg_ms'
            ) }}
            as {{ dbt.type_bigint() }}
        ) as slice_cost_nanos
    from legs
    inner join slices
        on
            legs.conversation_key = slices.conversation_key
            and legs.leg_started_ms <= slices.slice_started_ms
            and legs.leg_ended_ms >= slices.slice_ended_ms
    where legs.leg_ended_ms > legs.leg_started_ms

),

split_slices as (

    select
        conversation_id,
        session_id,
        did,
        number_type,
        direction,
        slice_started_ms,
        slice_ended_ms,
        cost_center_code,
        attribution_rule,
        responsible_object_type,
        responsible_object_id,
        attributed_ms,
        {{ fairshare.even_split_part('slice_cost_nanos', 'departments_connected', 'department_rank') }}
            as attributed_cost_nanos
    from leg_slices

),

zero_length_legs as (

    select
        legs.conversation_id,
        legs.session_id,
        legs.did,
        legs.number_type,
        legs.direction,
        legs.leg_started_ms as slice_started_ms,
        legs.leg_ended_ms as slice_ended_ms,
        'ORPHAN' as cost_center_code,
        'orphan_unowned' as attribution_rule,
        cast(null as {{ dbt.type_string() }}) as responsible_object_type,
        cast(null as {{ dbt.type_string() }}) as responsible_object_id,
        cast(0 as {{ dbt.type_bigint() }}) as attributed_ms,
        legs.leg_cost_nanos as attributed_cost_nanos
    from legs
    where legs.leg_ended_ms = legs.leg_started_ms

),

all_slices as (

    select * from split_slices
    union all
    select * from zero_length_legs

),

final as (

    select
        conversation_id,
        session_id,
        {{ fairshare.billing_month() }} as billing_month,
        {{ fairshare.from_epoch_ms('slice_started_ms') }} as slice_started_at,
        {{ fairshare.from_epoch_ms('slice_ended_ms') }} as slice_ended_at,
        cost_center_code,
        attribution_rule,
        attributed_ms,
        did,
        number_type,
        direction,
        attributed_cost_nanos as attributed_cost_weight,
        {{ fairshare.nanos_to_decimal('attributed_cost_nanos') }} as attributed_cost,
        responsible_object_type,
        responsible_object_id,
        slice_started_ms,
        slice_ended_ms
    from all_slices

)

select * from final

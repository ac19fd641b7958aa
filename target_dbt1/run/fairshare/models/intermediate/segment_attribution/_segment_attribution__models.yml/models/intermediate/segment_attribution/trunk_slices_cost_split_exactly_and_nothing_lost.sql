
    -- Build actual result given inputs
with dbt_internal_unit_test_actual as (
  select
    "conversation_id","session_id","slice_started_ms","cost_center_code","attribution_rule","attributed_ms","attributed_cost_weight", 'actual' as "actual_or_expected"
  from (
    
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

 __dbt__cte__int_trunk_legs_costed as (

-- Fixture for int_trunk_legs_costed
select 
    
    cast('k' as character varying)
 as "conversation_id", 
    
    cast('cust' as character varying)
 as "session_id", cast(null as character varying(256)) as "protocol_call_id", 
    
    cast('2026-10-01' as DATE)
 as "billing_month", cast(null as character varying(256)) as "direction", cast(null as character varying(256)) as "did", cast(null as character varying(256)) as "did_id", cast(null as character varying(256)) as "number_type", cast(null as character varying(256)) as "country_code", cast(null as TIMESTAMP) as "leg_started_at", cast(null as TIMESTAMP) as "leg_ended_at", cast(null as BIGINT) as "leg_ms", cast(null as BIGINT) as "billed_seconds", cast(null as DECIMAL(12,6)) as "rate_per_minute", cast(null as DECIMAL(18,9)) as "leg_cost", cast(null as character varying(256)) as "cost_source", 
    
    cast(1000003 as BIGINT)
 as "leg_cost_nanos", 
    
    cast(1791968400000 as BIGINT)
 as "leg_started_ms", 
    
    cast(1791968500000 as BIGINT)
 as "leg_ended_ms", 
    
    cast(1791968400000 as BIGINT)
 as "total_leg_started_ms", 
    
    cast(100000 as BIGINT)
 as "total_leg_ms", 
    
    cast(1000003 as BIGINT)
 as "total_cost_nanos", cast(null as DECIMAL(18,9)) as "total_leg_cost", cast(null as BOOLEAN) as "is_cut_at_month_boundary", cast(null as BOOLEAN) as "is_missing_rate"
union all
select 
    
    cast('k' as character varying)
 as "conversation_id", 
    
    cast('ext' as character varying)
 as "session_id", cast(null as character varying(256)) as "protocol_call_id", 
    
    cast('2026-10-01' as DATE)
 as "billing_month", cast(null as character varying(256)) as "direction", cast(null as character varying(256)) as "did", cast(null as character varying(256)) as "did_id", cast(null as character varying(256)) as "number_type", cast(null as character varying(256)) as "country_code", cast(null as TIMESTAMP) as "leg_started_at", cast(null as TIMESTAMP) as "leg_ended_at", cast(null as BIGINT) as "leg_ms", cast(null as BIGINT) as "billed_seconds", cast(null as DECIMAL(12,6)) as "rate_per_minute", cast(null as DECIMAL(18,9)) as "leg_cost", cast(null as character varying(256)) as "cost_source", 
    
    cast(500 as BIGINT)
 as "leg_cost_nanos", 
    
    cast(1791968450000 as BIGINT)
 as "leg_started_ms", 
    
    cast(1791968500000 as BIGINT)
 as "leg_ended_ms", 
    
    cast(1791968450000 as BIGINT)
 as "total_leg_started_ms", 
    
    cast(50000 as BIGINT)
 as "total_leg_ms", 
    
    cast(500 as BIGINT)
 as "total_cost_nanos", cast(null as DECIMAL(18,9)) as "total_leg_cost", cast(null as BOOLEAN) as "is_cut_at_month_boundary", cast(null as BOOLEAN) as "is_missing_rate"
union all
select 
    
    cast('z' as character varying)
 as "conversation_id", 
    
    cast('cust' as character varying)
 as "session_id", cast(null as character varying(256)) as "protocol_call_id", 
    
    cast('2026-10-01' as DATE)
 as "billing_month", cast(null as character varying(256)) as "direction", cast(null as character varying(256)) as "did", cast(null as character varying(256)) as "did_id", cast(null as character varying(256)) as "number_type", cast(null as character varying(256)) as "country_code", cast(null as TIMESTAMP) as "leg_started_at", cast(null as TIMESTAMP) as "leg_ended_at", cast(null as BIGINT) as "leg_ms", cast(null as BIGINT) as "billed_seconds", cast(null as DECIMAL(12,6)) as "rate_per_minute", cast(null as DECIMAL(18,9)) as "leg_cost", cast(null as character varying(256)) as "cost_source", 
    
    cast(5000000 as BIGINT)
 as "leg_cost_nanos", 
    
    cast(1791968400000 as BIGINT)
 as "leg_started_ms", 
    
    cast(1791968400000 as BIGINT)
 as "leg_ended_ms", 
    
    cast(1791968400000 as BIGINT)
 as "total_leg_started_ms", 
    
    cast(0 as BIGINT)
 as "total_leg_ms", 
    
    cast(5000000 as BIGINT)
 as "total_cost_nanos", cast(null as DECIMAL(18,9)) as "total_leg_cost", cast(null as BOOLEAN) as "is_cut_at_month_boundary", cast(null as BOOLEAN) as "is_missing_rate"
),  __dbt__cte__int_conversation_slices_attributed_to_cost_centers as (

-- Fixture for int_conversation_slices_attributed_to_cost_centers
select 
    
    cast('2026-10-01' as DATE)
 as "billing_month", 
    
    cast('k' as character varying)
 as "conversation_id", 
    
    cast(1791968400000 as BIGINT)
 as "slice_started_ms", 
    
    cast(1791968440000 as BIGINT)
 as "slice_ended_ms", 
    
    cast('SALES' as character varying)
 as "cost_center_code", 
    
    cast('queue' as character varying)
 as "attribution_rule", cast(null as INTEGER) as "responsibility_level", cast(null as character varying(256)) as "responsible_object_type", cast(null as character varying(256)) as "responsible_object_id", 
    
    cast(1 as BIGINT)
 as "departments_connected", 
    
    cast(1 as BIGINT)
 as "department_rank", cast(null as BIGINT) as "slice_ms", 
    
    cast(40000 as BIGINT)
 as "attributed_ms", cast(null as BOOLEAN) as "is_in_billing_month"
union all
select 
    
    cast('2026-10-01' as DATE)
 as "billing_month", 
    
    cast('k' as character varying)
 as "conversation_id", 
    
    cast(1791968440000 as BIGINT)
 as "slice_started_ms", 
    
    cast(1791968450000 as BIGINT)
 as "slice_ended_ms", 
    
    cast('SALES' as character varying)
 as "cost_center_code", 
    
    cast('queue' as character varying)
 as "attribution_rule", cast(null as INTEGER) as "responsibility_level", cast(null as character varying(256)) as "responsible_object_type", cast(null as character varying(256)) as "responsible_object_id", 
    
    cast(2 as BIGINT)
 as "departments_connected", 
    
    cast(1 as BIGINT)
 as "department_rank", cast(null as BIGINT) as "slice_ms", 
    
    cast(5000 as BIGINT)
 as "attributed_ms", cast(null as BOOLEAN) as "is_in_billing_month"
union all
select 
    
    cast('2026-10-01' as DATE)
 as "billing_month", 
    
    cast('k' as character varying)
 as "conversation_id", 
    
    cast(1791968440000 as BIGINT)
 as "slice_started_ms", 
    
    cast(1791968450000 as BIGINT)
 as "slice_ended_ms", 
    
    cast('SUPPORT' as character varying)
 as "cost_center_code", 
    
    cast('agent' as character varying)
 as "attribution_rule", cast(null as INTEGER) as "responsibility_level", cast(null as character varying(256)) as "responsible_object_type", cast(null as character varying(256)) as "responsible_object_id", 
    
    cast(2 as BIGINT)
 as "departments_connected", 
    
    cast(2 as BIGINT)
 as "department_rank", cast(null as BIGINT) as "slice_ms", 
    
    cast(5000 as BIGINT)
 as "attributed_ms", cast(null as BOOLEAN) as "is_in_billing_month"
union all
select 
    
    cast('2026-10-01' as DATE)
 as "billing_month", 
    
    cast('k' as character varying)
 as "conversation_id", 
    
    cast(1791968450000 as BIGINT)
 as "slice_started_ms", 
    
    cast(1791968470000 as BIGINT)
 as "slice_ended_ms", 
    
    cast('SALES' as character varying)
 as "cost_center_code", 
    
    cast('queue' as character varying)
 as "attribution_rule", cast(null as INTEGER) as "responsibility_level", cast(null as character varying(256)) as "responsible_object_type", cast(null as character varying(256)) as "responsible_object_id", 
    
    cast(2 as BIGINT)
 as "departments_connected", 
    
    cast(1 as BIGINT)
 as "department_rank", cast(null as BIGINT) as "slice_ms", 
    
    cast(10000 as BIGINT)
 as "attributed_ms", cast(null as BOOLEAN) as "is_in_billing_month"
union all
select 
    
    cast('2026-10-01' as DATE)
 as "billing_month", 
    
    cast('k' as character varying)
 as "conversation_id", 
    
    cast(1791968450000 as BIGINT)
 as "slice_started_ms", 
    
    cast(1791968470000 as BIGINT)
 as "slice_ended_ms", 
    
    cast('SUPPORT' as character varying)
 as "cost_center_code", 
    
    cast('agent' as character varying)
 as "attribution_rule", cast(null as INTEGER) as "responsibility_level", cast(null as character varying(256)) as "responsible_object_type", cast(null as character varying(256)) as "responsible_object_id", 
    
    cast(2 as BIGINT)
 as "departments_connected", 
    
    cast(2 as BIGINT)
 as "department_rank", cast(null as BIGINT) as "slice_ms", 
    
    cast(10000 as BIGINT)
 as "attributed_ms", cast(null as BOOLEAN) as "is_in_billing_month"
union all
select 
    
    cast('2026-10-01' as DATE)
 as "billing_month", 
    
    cast('k' as character varying)
 as "conversation_id", 
    
    cast(1791968470000 as BIGINT)
 as "slice_started_ms", 
    
    cast(1791968500000 as BIGINT)
 as "slice_ended_ms", 
    
    cast('SALES' as character varying)
 as "cost_center_code", 
    
    cast('queue' as character varying)
 as "attribution_rule", cast(null as INTEGER) as "responsibility_level", cast(null as character varying(256)) as "responsible_object_type", cast(null as character varying(256)) as "responsible_object_id", 
    
    cast(1 as BIGINT)
 as "departments_connected", 
    
    cast(1 as BIGINT)
 as "department_rank", cast(null as BIGINT) as "slice_ms", 
    
    cast(30000 as BIGINT)
 as "attributed_ms", cast(null as BOOLEAN) as "is_in_billing_month"
), legs as (

    select
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
    from __dbt__cte__int_trunk_legs_costed
    where billing_month = cast('2026-10-01' as date)

),

slices as (

    select
        conversation_id,
        slice_started_ms,
        slice_ended_ms,
        cost_center_code,
        attribution_rule,
        responsible_object_type,
        responsible_object_id,
        departments_connected,
        department_rank,
        attributed_ms
    from __dbt__cte__int_conversation_slices_attributed_to_cost_centers
    where billing_month = cast('2026-10-01' as date)

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
        slices.responsible_object_id,
        slices.departments_connected,
        slices.department_rank,
        slices.attributed_ms,
        cast(
            ((cast(cast(legs.total_cost_nanos as hugeint) * cast(slices.slice_ended_ms - legs.total_leg_started_ms as hugeint) as hugeint) - (((cast(cast(legs.total_cost_nanos as hugeint) * cast(slices.slice_ended_ms - legs.total_leg_started_ms as hugeint) as hugeint) % cast(legs.total_leg_ms as hugeint)) + cast(legs.total_leg_ms as hugeint)) % cast(legs.total_leg_ms as hugeint))) // cast(legs.total_leg_ms as hugeint))
            - ((cast(cast(legs.total_cost_nanos as hugeint) * cast(slices.slice_started_ms - legs.total_leg_started_ms as hugeint) as hugeint) - (((cast(cast(legs.total_cost_nanos as hugeint) * cast(slices.slice_started_ms - legs.total_leg_started_ms as hugeint) as hugeint) % cast(legs.total_leg_ms as hugeint)) + cast(legs.total_leg_ms as hugeint)) % cast(legs.total_leg_ms as hugeint))) // cast(legs.total_leg_ms as hugeint))
            as bigint
        ) as slice_cost_nanos
    from legs
    inner join slices
        on
            legs.conversation_id = slices.conversation_id
            and slices.slice_started_ms >= legs.leg_started_ms
            and slices.slice_ended_ms <= legs.leg_ended_ms
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
        cast(
            ((cast(slice_cost_nanos as hugeint) - (((cast(slice_cost_nanos as hugeint) % cast(departments_connected as hugeint)) + cast(departments_connected as hugeint)) % cast(departments_connected as hugeint))) // cast(departments_connected as hugeint))
            + case
                when department_rank <= (((cast(slice_cost_nanos as hugeint) % cast(departments_connected as hugeint)) + cast(departments_connected as hugeint)) % cast(departments_connected as hugeint)) then 1
                else 0
            end
            as bigint
        ) as attributed_cost_nanos
    from leg_slices

),

zero_length_legs as (

    select
        conversation_id,
        session_id,
        did,
        number_type,
        direction,
        leg_started_ms as slice_started_ms,
        leg_ended_ms as slice_ended_ms,
        'ORPHAN' as cost_center_code,
        'orphan_unowned' as attribution_rule,
        cast(null as TEXT) as responsible_object_type,
        cast(null as TEXT) as responsible_object_id,
        cast(0 as bigint) as attributed_ms,
        leg_cost_nanos as attributed_cost_nanos
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
        cast('2026-10-01' as date) as billing_month,
        make_timestamp(cast(slice_started_ms as bigint) * 1000) as slice_started_at,
        make_timestamp(cast(slice_ended_ms as bigint) * 1000) as slice_ended_at,
        cost_center_code,
        attribution_rule,
        attributed_ms,
        did,
        number_type,
        direction,
        attributed_cost_nanos as attributed_cost_weight,
        cast(cast(attributed_cost_nanos as decimal(38, 9)) * cast(0.000000001 as decimal(38, 9)) as decimal(18, 9)) as attributed_cost,
        responsible_object_type,
        responsible_object_id,
        slice_started_ms,
        slice_ended_ms
    from all_slices

)

select * from final
  ) _dbt_internal_unit_test_actual
),
-- Build expected result
dbt_internal_unit_test_expected as (
  select
    "conversation_id", "session_id", "slice_started_ms", "cost_center_code", "attribution_rule", "attributed_ms", "attributed_cost_weight", 'expected' as "actual_or_expected"
  from (
    select 
    
    cast('k' as character varying)
 as "conversation_id", 
    
    cast('cust' as character varying)
 as "session_id", 
    
    cast(1791968400000 as BIGINT)
 as "slice_started_ms", 
    
    cast('SALES' as character varying)
 as "cost_center_code", 
    
    cast('queue' as character varying)
 as "attribution_rule", 
    
    cast(40000 as BIGINT)
 as "attributed_ms", 
    
    cast(400001 as BIGINT)
 as "attributed_cost_weight"
union all
select 
    
    cast('k' as character varying)
 as "conversation_id", 
    
    cast('cust' as character varying)
 as "session_id", 
    
    cast(1791968440000 as BIGINT)
 as "slice_started_ms", 
    
    cast('SALES' as character varying)
 as "cost_center_code", 
    
    cast('queue' as character varying)
 as "attribution_rule", 
    
    cast(5000 as BIGINT)
 as "attributed_ms", 
    
    cast(50000 as BIGINT)
 as "attributed_cost_weight"
union all
select 
    
    cast('k' as character varying)
 as "conversation_id", 
    
    cast('cust' as character varying)
 as "session_id", 
    
    cast(1791968440000 as BIGINT)
 as "slice_started_ms", 
    
    cast('SUPPORT' as character varying)
 as "cost_center_code", 
    
    cast('agent' as character varying)
 as "attribution_rule", 
    
    cast(5000 as BIGINT)
 as "attributed_ms", 
    
    cast(50000 as BIGINT)
 as "attributed_cost_weight"
union all
select 
    
    cast('k' as character varying)
 as "conversation_id", 
    
    cast('cust' as character varying)
 as "session_id", 
    
    cast(1791968450000 as BIGINT)
 as "slice_started_ms", 
    
    cast('SALES' as character varying)
 as "cost_center_code", 
    
    cast('queue' as character varying)
 as "attribution_rule", 
    
    cast(10000 as BIGINT)
 as "attributed_ms", 
    
    cast(100001 as BIGINT)
 as "attributed_cost_weight"
union all
select 
    
    cast('k' as character varying)
 as "conversation_id", 
    
    cast('cust' as character varying)
 as "session_id", 
    
    cast(1791968450000 as BIGINT)
 as "slice_started_ms", 
    
    cast('SUPPORT' as character varying)
 as "cost_center_code", 
    
    cast('agent' as character varying)
 as "attribution_rule", 
    
    cast(10000 as BIGINT)
 as "attributed_ms", 
    
    cast(100000 as BIGINT)
 as "attributed_cost_weight"
union all
select 
    
    cast('k' as character varying)
 as "conversation_id", 
    
    cast('cust' as character varying)
 as "session_id", 
    
    cast(1791968470000 as BIGINT)
 as "slice_started_ms", 
    
    cast('SALES' as character varying)
 as "cost_center_code", 
    
    cast('queue' as character varying)
 as "attribution_rule", 
    
    cast(30000 as BIGINT)
 as "attributed_ms", 
    
    cast(300001 as BIGINT)
 as "attributed_cost_weight"
union all
select 
    
    cast('k' as character varying)
 as "conversation_id", 
    
    cast('ext' as character varying)
 as "session_id", 
    
    cast(1791968450000 as BIGINT)
 as "slice_started_ms", 
    
    cast('SALES' as character varying)
 as "cost_center_code", 
    
    cast('queue' as character varying)
 as "attribution_rule", 
    
    cast(10000 as BIGINT)
 as "attributed_ms", 
    
    cast(100 as BIGINT)
 as "attributed_cost_weight"
union all
select 
    
    cast('k' as character varying)
 as "conversation_id", 
    
    cast('ext' as character varying)
 as "session_id", 
    
    cast(1791968450000 as BIGINT)
 as "slice_started_ms", 
    
    cast('SUPPORT' as character varying)
 as "cost_center_code", 
    
    cast('agent' as character varying)
 as "attribution_rule", 
    
    cast(10000 as BIGINT)
 as "attributed_ms", 
    
    cast(100 as BIGINT)
 as "attributed_cost_weight"
union all
select 
    
    cast('k' as character varying)
 as "conversation_id", 
    
    cast('ext' as character varying)
 as "session_id", 
    
    cast(1791968470000 as BIGINT)
 as "slice_started_ms", 
    
    cast('SALES' as character varying)
 as "cost_center_code", 
    
    cast('queue' as character varying)
 as "attribution_rule", 
    
    cast(30000 as BIGINT)
 as "attributed_ms", 
    
    cast(300 as BIGINT)
 as "attributed_cost_weight"
union all
select 
    
    cast('z' as character varying)
 as "conversation_id", 
    
    cast('cust' as character varying)
 as "session_id", 
    
    cast(1791968400000 as BIGINT)
 as "slice_started_ms", 
    
    cast('ORPHAN' as character varying)
 as "cost_center_code", 
    
    cast('orphan_unowned' as character varying)
 as "attribution_rule", 
    
    cast(0 as BIGINT)
 as "attributed_ms", 
    
    cast(5000000 as BIGINT)
 as "attributed_cost_weight"
  ) _dbt_internal_unit_test_expected
)
-- Union actual and expected results
select * from dbt_internal_unit_test_actual
union all
select * from dbt_internal_unit_test_expected
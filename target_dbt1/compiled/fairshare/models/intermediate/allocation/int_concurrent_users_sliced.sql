with

logins as (
    select * from "dbt1"."intermediate"."int_user_logins_clipped_to_month"
),

licensed as (
    select * from "dbt1"."intermediate"."int_users_licensed_for_month"
    where billing_model = 'concurrent'
),

queue_work as (
    select * from "dbt1"."intermediate"."int_agent_queue_work_sliced"
),

user_tags as (
    select * from "dbt1"."intermediate"."int_users_tagged_to_cost_centers"
),

slice_spine as (
    select
        cast( d0.digit * 1 + d1.digit * 10 + d2.digit * 100 + d3.digit * 1000
        as bigint) as slice_index
    from
        (
                select 0 as digit union all select 1 union all select 2 union all select 3
                union all select 4 union all select 5 union all select 6 union all select 7
                union all select 8 union all select 9
            ) as d0,
        (
                select 0 as digit union all select 1 union all select 2 union all select 3
                union all select 4 union all select 5 union all select 6 union all select 7
                union all select 8 union all select 9
            ) as d1,
        (
                select 0 as digit union all select 1 union all select 2 union all select 3
                union all select 4 union all select 5 union all select 6 union all select 7
                union all select 8 union all select 9
            ) as d2,
        (
                select 0 as digit union all select 1 union all select 2 union all select 3
                union all select 4 union all select 5 union all select 6 union all select 7
                union all select 8 union all select 9
            ) as d3
        
),

month_slices as (
    select
        slice_index,
        make_timestamp(cast(1790812800000 + slice_index * 900000 as bigint) * 1000) as slice_started_at
    from slice_spine
    where slice_index < 2976
),

concurrent_sessions as (
    select
        logins.user_id,
        ((cast(logins.logged_in_from_ms as hugeint) - (((cast(logins.logged_in_from_ms as hugeint) % cast(900000 as hugeint)) + cast(900000 as hugeint)) % cast(900000 as hugeint))) // cast(900000 as hugeint)) as first_slice,
        ((cast(logins.logged_in_to_ms - 1 as hugeint) - (((cast(logins.logged_in_to_ms - 1 as hugeint) % cast(900000 as hugeint)) + cast(900000 as hugeint)) % cast(900000 as hugeint))) // cast(900000 as hugeint)) as last_slice
    from logins
    inner join licensed
        on logins.user_id = licensed.user_id
),

user_slices as (
    select distinct
        concurrent_sessions.user_id,
        month_slices.slice_index,
        month_slices.slice_started_at
    from concurrent_sessions
    inner join month_slices
        on month_slices.slice_index between concurrent_sessions.first_slice and concurrent_sessions.last_slice
),

home_departments as (
    select
        user_slices.user_id,
        user_slices.slice_index,
        user_tags.cost_center_code
    from user_slices
    inner join user_tags
        on
            user_slices.user_id = user_tags.user_id
            and user_slices.slice_started_at >= user_tags.valid_from
            and user_slices.slice_started_at < user_tags.valid_to
),

assigned as (
    select
        user_slices.user_id,
        user_slices.slice_index,
        user_slices.slice_started_at,
        home_departments.cost_center_code as home_cost_center_code,
        queue_work.cost_center_code as worked_for_cost_center_code,
        coalesce(queue_work.cost_center_code, home_departments.cost_center_code, 'ORPHAN') as cost_center_code
    from user_slices
    left join queue_work
        on
            user_slices.user_id = queue_work.user_id
            and user_slices.slice_index = queue_work.slice_index
    left join home_departments
        on
            user_slices.user_id = home_departments.user_id
            and user_slices.slice_index = home_departments.slice_index
),

final as (
    select
        cast('2026-10-01' as date) as billing_month,
        user_id,
        cast(slice_index as bigint) as slice_index,
        slice_started_at,
        cost_center_code,
        home_cost_center_code,
        coalesce(
            worked_for_cost_center_code is not null
            and worked_for_cost_center_code <> coalesce(home_cost_center_code, 'ORPHAN'),
            false
        ) as is_borrowed
    from assigned
)

select * from final
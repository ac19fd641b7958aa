{{ config(**fairshare.monthly_partition()) }}
{#-
    Concurrent-licence users logged in, per slice of var('concurrency_slice_minutes') of
    var('billing_month'): one row per user x slice in which the user was logged in at any moment
    (presence not OFFLINE). The user counts for the department whose queues they worked in that slice
    (a borrowed agent); in a slice without queue work, for the department of the nearest slice of the
    same logged-in session in which they worked queues (the latest before, else the next: an agent
    lent to another department stays lent while idle between its calls); else for their home
    department (the user's tag at the slice start); else ORPHAN.
    Only users billed at a concurrent licence (highest licence held) count: named users are billed
    by the named lines. Set-based: sessions are expanded to slices by a range join on a slice spine.
-#}
{%- set slice_ms = fairshare.concurrency_slice_ms() -%}
with

logins as (
    select * from {{ ref('int_user_logins_clipped_to_month') }}
),

licensed as (
    select * from {{ ref('int_users_licensed_for_month') }}
    where billing_model = 'concurrent'
),

queue_work as (
    select * from {{ ref('int_agent_queue_work_sliced') }}
    where billing_month = {{ fairshare.billing_month() }}
),

user_tags as (
    select * from {{ ref('int_users_tagged_to_cost_centers') }}
    where
        valid_to > {{ fairshare.billing_month_start() }}
        and valid_from < {{ fairshare.billing_month_end() }}
),

-- each tag as the range of slices whose start it covers: [from_slice, to_slice)
user_tag_slices as (
    select
        user_id,
        cost_center_code,
        {{ fairshare.floor_div_nonneg(
            'case when valid_from < ' ~ fairshare.billing_month_start() ~ ' then 0 else '
            ~ fairshare.billing_month_ms_of('valid_from') ~ ' end + ' ~ (slice_ms - 1), slice_ms
        ) }} as from_slice,
        {{ fairshare.floor_div_nonneg(
            'case when valid_to > ' ~ fairshare.billing_month_end() ~ ' then ' ~ fairshare.billing_month_ms()
            ~ ' else ' ~ fairshare.billing_month_ms_of('valid_to') ~ ' end + ' ~ (slice_ms - 1), slice_ms
        ) }} as to_slice
    from user_tags
),

slice_spine as (
    {{ fairshare.slice_index_spine() }}
),

month_slices as (
    select
        slice_index,
        {{ fairshare.billing_month_offset('slice_index * ' ~ slice_ms) }} as slice_started_at
    from slice_spine
    where slice_index < {{ fairshare.billing_month_slices() }}
),

concurrent_sessions as (
    select
        logins.user_id,
        logins.session_number,
        {{ fairshare.floor_div_nonneg('logins.logged_in_from_ms', slice_ms) }} as first_slice,
        {{ fairshare.floor_div_nonneg('logins.logged_in_to_ms - 1', slice_ms) }} as last_slice
    from logins
    inner join licensed
        on logins.user_id = licensed.user_id
),

{{ fairshare.expand_to_slices(
    'concurrent_sessions', 'sessions_expanded', 'slice_spine', 'first_slice', 'last_slice'
) }},

session_slices as (
    select
        sessions_expanded.user_id,
        sessions_expanded.session_number,
        sessions_expanded.slice_index,
        month_slices.slice_started_at
    from sessions_expanded
    inner join month_slices
        on sessions_expanded.slice_index = month_slices.slice_index
),

-- the nearest slice of the same logged-in session in which the user worked queues: the latest at or
-- before this slice, else the first after it
nearest_work as (
    select
        session_slices.user_id,
        session_slices.session_number,
        session_slices.slice_index,
        session_slices.slice_started_at,
        queue_work.cost_center_code as slice_work_cost_center_code,
        max(case when queue_work.user_id is not null then session_slices.slice_index end) over (
            partition by session_slices.user_id, session_slices.session_number
            order by session_slices.slice_index
            rows between unbounded preceding and current row
        ) as previous_work_slice,
        min(case when queue_work.user_id is not null then session_slices.slice_index end) over (
            partition by session_slices.user_id, session_slices.session_number
            order by session_slices.slice_index
            rows between current row and unbounded following
        ) as next_work_slice
    from session_slices
    left join queue_work
        on
            session_slices.user_id = queue_work.user_id
            and session_slices.slice_index = queue_work.slice_index
),

session_work as (
    select
        nearest_work.user_id,
        nearest_work.session_number,
        nearest_work.slice_index,
        nearest_work.slice_started_at,
        nearest_work.slice_work_cost_center_code,
        coalesce(previous_work.cost_center_code, next_work.cost_center_code) as session_work_cost_center_code
    from nearest_work
    left join queue_work as previous_work
        on
            nearest_work.user_id = previous_work.user_id
            and nearest_work.previous_work_slice = previous_work.slice_index
    left join queue_work as next_work
        on
            nearest_work.user_id = next_work.user_id
            and nearest_work.next_work_slice = next_work.slice_index
),

-- a slice shared by two sessions of the user (logout and login again) counts once
user_slices as (
    select
        user_id,
        slice_index,
        slice_started_at,
        slice_work_cost_center_code,
        session_work_cost_center_code,
        row_number() over (
            partition by user_id, slice_index
            order by
                case when slice_work_cost_center_code is not null then 0 else 1 end,
                session_number
        ) as session_rank
    from session_work
),

home_departments as (
    select
        user_slices.user_id,
        user_slices.slice_index,
        user_tag_slices.cost_center_code
    from user_slices
    inner join user_tag_slices
        on
            user_slices.user_id = user_tag_slices.user_id
            and user_slices.slice_index >= user_tag_slices.from_slice
            and user_slices.slice_index < user_tag_slices.to_slice
    where user_slices.session_rank = 1
),

assigned as (
    select
        user_slices.user_id,
        user_slices.slice_index,
        user_slices.slice_started_at,
        home_departments.cost_center_code as home_cost_center_code,
        user_slices.session_work_cost_center_code as worked_for_cost_center_code,
        case
            when user_slices.slice_work_cost_center_code is not null then 'queue_work_in_slice'
            when user_slices.session_work_cost_center_code is not null then 'queue_work_in_session'
            when home_departments.cost_center_code is not null then 'home_department'
            else 'untagged'
        end as assignment_rule,
        coalesce(
            user_slices.slice_work_cost_center_code,
            user_slices.session_work_cost_center_code,
            home_departments.cost_center_code,
            'ORPHAN'
        ) as cost_center_code
    from user_slices
    left join home_departments
        on
            user_slices.user_id = home_departments.user_id
            and user_slices.slice_index = home_departments.slice_index
    where user_slices.session_rank = 1
),

final as (
    select
        {{ fairshare.billing_month() }} as billing_month,
        user_id,
        cast(slice_index as {{ dbt.type_bigint() }}) as slice_index,
        slice_started_at,
        cost_center_code,
        home_cost_center_code,
        assignment_rule,
        coalesce(
            worked_for_cost_center_code is not null
            and worked_for_cost_center_code <> coalesce(home_cost_center_code, 'ORPHAN'),
            false
        ) as is_borrowed
    from assigned
)

select * from final

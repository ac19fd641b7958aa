{#-
    Concurrent-licence users logged in, per slice of var('concurrency_slice_minutes') of
    var('billing_month'): one row per user x slice in which the user was logged in at any moment
    (presence not OFFLINE). The user counts for the department whose queues they worked in that slice
    (a borrowed agent), else for their home department (the user's tag at the slice start), else ORPHAN.
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
),

user_tags as (
    select * from {{ ref('int_users_tagged_to_cost_centers') }}
),

slice_spine as (
    {{ fairshare.slice_index_spine() }}
),

month_slices as (
    select
        slice_index,
        {{ fairshare.allocation_month_offset('slice_index * ' ~ slice_ms) }} as slice_started_at
    from slice_spine
    where slice_index < {{ fairshare.allocation_month_slices() }}
),

concurrent_sessions as (
    select
        logins.user_id,
        {{ fairshare.int_div('logins.logged_in_from_ms', slice_ms) }} as first_slice,
        {{ fairshare.int_div('logins.logged_in_to_ms - 1', slice_ms) }} as last_slice
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
        {{ fairshare.allocation_month() }} as billing_month,
        user_id,
        cast(slice_index as {{ dbt.type_bigint() }}) as slice_index,
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

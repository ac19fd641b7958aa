{#-
    Logged-in sessions of var('billing_month'): primary presence intervals whose system presence is
    not OFFLINE, clipped to the month and merged when they overlap or touch (gaps and islands), so a
    user is never counted twice for the same instant. Offsets are integer milliseconds since the
    month start. An interval still open (no end) runs to the end of the month.
-#}
with

presence as (
    select * from {{ ref('stg_genesys__user_presence') }}
),

logged_in_intervals as (
    select
        user_id,
        case
            when started_at < {{ fairshare.billing_month_start() }} then {{ fairshare.billing_month_start() }}
            else started_at
        end as logged_in_from,
        case
            when ended_at is null or ended_at > {{ fairshare.billing_month_end() }}
                then {{ fairshare.billing_month_end() }}
            else ended_at
        end as logged_in_to
    from presence
    where
        upper(system_presence) <> 'OFFLINE'
        and started_at < {{ fairshare.billing_month_end() }}
        and (ended_at is null or ended_at > {{ fairshare.billing_month_start() }})
),

interval_offsets as (
    select
        user_id,
        {{ fairshare.ms_between(fairshare.billing_month_start(), 'logged_in_from') }} as from_ms,
        {{ fairshare.ms_between(fairshare.billing_month_start(), 'logged_in_to') }} as to_ms
    from logged_in_intervals
    where logged_in_to > logged_in_from
),

flagged_islands as (
    select
        user_id,
        from_ms,
        to_ms,
        case
            when
                from_ms <= max(to_ms) over (
                    partition by user_id
                    order by from_ms, to_ms
                    rows between unbounded preceding and 1 preceding
                )
                then 0
            else 1
        end as starts_session
    from interval_offsets
),

numbered_islands as (
    select
        user_id,
        from_ms,
        to_ms,
        sum(starts_session) over (
            partition by user_id
            order by from_ms, to_ms
            rows between unbounded preceding and current row
        ) as session_number
    from flagged_islands
),

sessions as (
    select
        user_id,
        session_number,
        min(from_ms) as logged_in_from_ms,
        max(to_ms) as logged_in_to_ms
    from numbered_islands
    group by 1, 2
),

final as (
    select
        {{ fairshare.billing_month() }} as billing_month,
        user_id,
        session_number,
        cast(logged_in_from_ms as {{ dbt.type_bigint() }}) as logged_in_from_ms,
        cast(logged_in_to_ms as {{ dbt.type_bigint() }}) as logged_in_to_ms,
        cast(logged_in_to_ms - logged_in_from_ms as {{ dbt.type_bigint() }}) as logged_in_ms,
        {{ fairshare.billing_month_offset('logged_in_from_ms') }} as logged_in_from,
        {{ fairshare.billing_month_offset('logged_in_to_ms') }} as logged_in_to
    from sessions
)

select * from final

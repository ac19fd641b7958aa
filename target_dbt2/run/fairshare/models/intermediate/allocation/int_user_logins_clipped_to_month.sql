
    

    create  table
      "dbt2"."intermediate"."int_user_logins_clipped_to_month__dbt_tmp"
  
    
    as (
      with

presence as (
    select * from "dbt2"."staging"."stg_genesys__user_presence"
),

logged_in_intervals as (
    select
        user_id,
        case
            when started_at < cast('2026-10-01 00:00:00' as timestamp) then cast('2026-10-01 00:00:00' as timestamp)
            else started_at
        end as logged_in_from,
        case
            when ended_at is null or ended_at > cast('2026-11-01 00:00:00' as timestamp)
                then cast('2026-11-01 00:00:00' as timestamp)
            else ended_at
        end as logged_in_to
    from presence
    where
        upper(system_presence) <> 'OFFLINE'
        and started_at < cast('2026-11-01 00:00:00' as timestamp)
        and (ended_at is null or ended_at > cast('2026-10-01 00:00:00' as timestamp))
),

interval_offsets as (
    select
        user_id,
        (epoch_ms(logged_in_from) - epoch_ms(cast('2026-10-01 00:00:00' as timestamp))) as from_ms,
        (epoch_ms(logged_in_to) - epoch_ms(cast('2026-10-01 00:00:00' as timestamp))) as to_ms
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
        cast('2026-10-01' as date) as billing_month,
        user_id,
        session_number,
        cast(logged_in_from_ms as bigint) as logged_in_from_ms,
        cast(logged_in_to_ms as bigint) as logged_in_to_ms,
        cast(logged_in_to_ms - logged_in_from_ms as bigint) as logged_in_ms,
        make_timestamp(cast(1790812800000 + logged_in_from_ms as bigint) * 1000) as logged_in_from,
        make_timestamp(cast(1790812800000 + logged_in_to_ms as bigint) * 1000) as logged_in_to
    from sessions
)

select * from final
    );
    
  
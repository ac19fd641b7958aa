{#-
    on-run-start: before any node runs, make sure the ledger tables exist and that the raw data
    comes from complete extracts. A build never reads raw tables that an interrupted or failed
    extract may have left half-written: it stops with one line naming the command that repairs it.

    The extract log (genesys_raw.fairshare_extract_log, written by ingestion/genesys/ledger.py)
    holds a `started` event before dlt loads anything and a `completed` event after the load and
    its row counts were recorded. The check (builds and runs only; var require_complete_extract,
    default true, turns it off for raw tables loaded by other means):
    - the latest extract started must have completed (a kill, or a failure in dlt's load step,
      leaves it `started` or `failed`);
    - the month being built must have at least one completed extract of its activity data (not
      only directory snapshots).

    A build or run is recorded in fairshare_ops.builds as `running` before anything else; the
    on-run-end hook replaces that row with the outcome. A build killed on the way stays `running`
    (the publisher refuses the month: its last build did not finish), a build refused here is
    recorded `failed` with the reason.
-#}
{% macro on_run_start() -%}
    {#- commands that query the warehouse; `dbt compile` of another target stays offline -#}
    {%- if not execute or flags.WHICH not in ('build', 'run', 'test', 'seed', 'retry') -%}{{ return('') }}{%- endif -%}
    {%- do fairshare.ensure_ops_tables() -%}
    {%- do fairshare.commit_open_transaction() -%}
    {%- if flags.WHICH not in ('build', 'run') -%}{{ return('') }}{%- endif -%}
    {%- set month = fairshare._billing_month_bounds()[0].strftime('%Y-%m-%d') -%}
    {%- do fairshare.run_in_transaction([fairshare.build_record_insert(month, 'running', false, false, 0, '', '')]) -%}
    {%- set problem = fairshare.extracts_problem() if var('require_complete_extract', true) else '' -%}
    {%- if problem -%}
        {%- do fairshare.run_in_transaction([
            fairshare.build_record_delete(),
            fairshare.build_record_insert(month, 'failed', false, false, 1, problem, '')]) -%}
        {{ exceptions.raise_compiler_error("fairshare: " ~ problem) }}
    {%- endif -%}
    {{ return('') }}
{%- endmacro %}

{% macro extract_log_relation() -%}
    {{ return(adapter.get_relation(database=target.database, schema=var('raw_schema'), identifier='fairshare_extract_log')) }}
{%- endmacro %}

{#- Why the raw data may not be built from ('' when it may). -#}
{% macro extracts_problem() -%}
    {%- set month = fairshare._billing_month_bounds()[0].strftime('%Y-%m-%d') -%}
    {%- set month_arg = month[:7] -%}
    {%- set log = fairshare.extract_log_relation() -%}
    {%- if log is none -%}
        {{ return("no extract recorded in " ~ var('raw_schema') ~ " (no fairshare_extract_log table): "
            ~ "run `fairshare extract --month " ~ month_arg ~ "` first") }}
    {%- endif -%}
    {%- set latest_sql -%}
        with started as (
            select extract_id, billing_month, event_at
            from {{ log }}
            where event = 'started'
        ),

        finished as (
            select extract_id, max(event) as outcome
            from {{ log }}
            where event in ('completed', 'failed')
            group by extract_id
        )

        select
            started.extract_id,
            started.billing_month,
            {{ dbt.cast('started.event_at', dbt.type_string()) }} as started_at,
            coalesce(finished.outcome, 'interrupted') as outcome
        from started
        left join finished on started.extract_id = finished.extract_id
        order by started.event_at desc, started.extract_id desc
        limit 1
    {%- endset -%}
    {%- set latest = run_query(latest_sql) -%}
    {%- if latest.rows | length > 0 and latest.rows[0][3] != 'completed' -%}
        {%- set row = latest.rows[0] -%}
        {{ return("the last extract (" ~ row[0] ~ ", month " ~ row[1] ~ ", started " ~ row[2] ~ ") "
            ~ ("was interrupted" if row[3] == 'interrupted' else "failed")
            ~ " and may have left raw tables half-written: run `fairshare extract --month " ~ row[1]
            ~ "` again, then build") }}
    {%- endif -%}
    {%- set month_sql -%}
        select count(*)
        from {{ log }}
        where
            event = 'completed'
            and billing_month = '{{ month_arg }}'
            and not directory_only
    {%- endset -%}
    {%- if run_query(month_sql).rows[0][0] == 0 -%}
        {{ return("no completed extract of " ~ month_arg ~ " in " ~ var('raw_schema')
            ~ ": run `fairshare extract --month " ~ month_arg ~ "` first") }}
    {%- endif -%}
    {{ return('') }}
{%- endmacro %}

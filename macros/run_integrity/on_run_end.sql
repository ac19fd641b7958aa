{#-
    on-run-end: write–audit–publish. Every mart is built and tested in the audit schema (the marts
    folder's schema, marts_audit); readers (BI tools, the publisher) read the published schema,
    var('published_schema'), default `marts`. Only when the whole `dbt build` passed — no model
    error, no failing test, nothing skipped, every mart built — the month's partition of every mart
    is copied from the audit schema to the published schema, all marts in one transaction. A failed
    or partial build leaves the published marts exactly as they were.

    A closed month (fairshare_ops.month_closes) is never promoted again: what was posted stays; the
    rebuild's differences are carried into the next open month as adjustment lines
    (int_closed_month_differences, invoice_lines).

    Every build and run is recorded in fairshare_ops.builds (passed or not) with the extracts, vars
    and project version it used and a checksum of each promoted mart month (the publisher refuses
    marts that differ from the build that passed).
-#}
{% macro on_run_end(results) -%}
    {%- if not execute or flags.WHICH not in ('build', 'run') -%}{{ return('') }}{%- endif -%}
    {%- set month = fairshare._billing_month_bounds()[0].strftime('%Y-%m-%d') -%}
    {%- set failed = [] -%}
    {%- set skipped = [] -%}
    {%- set built = [] -%}
    {%- for result in results -%}
        {%- set status = result.status | string | lower -%}
        {%- if status in ('error', 'fail', 'runtime error') -%}
            {%- set message = result.message | string | replace('\n', ' ') -%}
            {%- if 'fairshare: ' in message -%}
                {%- set message = message.split('fairshare: ')[1].split('  > ')[0] -%}
            {%- endif -%}
            {%- do failed.append(result.node.name ~ ': ' ~ (message | trim)[:400]) -%}
        {%- elif status == 'skipped' -%}
            {%- do skipped.append(result.node.name) -%}
        {%- elif result.node.resource_type == 'model' and status == 'success' -%}
            {%- do built.append(result.node.unique_id) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set marts = fairshare.published_marts() -%}
    {%- set missing = marts | rejectattr('unique_id', 'in', built) | map(attribute='name') | list -%}
    {%- set closed = fairshare.month_is_closed(month) -%}
    {%- if failed or skipped -%}
        {%- set status = 'failed' -%}
    {%- elif flags.WHICH != 'build' -%}
        {%- set status = 'untested' -%}
    {%- elif missing -%}
        {%- set status = 'partial' -%}
    {%- else -%}
        {%- set status = 'passed' -%}
    {%- endif -%}
    {%- set promote = status == 'passed' and not closed -%}
    {%- set checksum = '' -%}
    {%- if promote -%}
        {%- do fairshare.prepare_published_marts(marts) -%}
        {%- set checksum = fairshare.marts_checksum(marts, month, 'audit') -%}
    {%- endif -%}
    {%- set summary = (failed[:3] | join('; ')) if failed else (
        ('skipped: ' ~ (skipped[:5] | join(', '))) if skipped else (
        ('not built: ' ~ (missing | join(', '))) if missing else '')) -%}
    {%- set statements = [] -%}
    {%- if promote -%}
        {%- for mart in marts -%}
            {%- do statements.extend(fairshare.promote_month_statements(mart, month)) -%}
        {%- endfor -%}
    {%- endif -%}
    {%- do statements.append(fairshare.build_record_delete()) -%}
    {%- do statements.append(fairshare.build_record_insert(month, status, promote, closed, failed | length, summary, checksum)) -%}
    {%- do fairshare.run_in_transaction(statements) -%}
    {%- if promote -%}
        {{ log("fairshare ledger: build of " ~ month[:7] ~ " passed: " ~ (marts | length) ~ " marts published to schema " ~ var('published_schema', 'marts'), info=true) }}
    {%- elif status == 'passed' and closed -%}
        {{ log("fairshare ledger: " ~ month[:7] ~ " is closed: the published marts keep what was posted; differences are carried into the next open month as adjustments", info=true) }}
    {%- elif flags.WHICH == 'build' -%}
        {{ log("fairshare ledger: build of " ~ month[:7] ~ " " ~ status ~ ": the published marts were left unchanged" ~ ((' (' ~ summary ~ ')') if summary else ''), info=true) }}
    {%- endif -%}
    {{ return('') }}
{%- endmacro %}

{#- The mart models published by a passing build: month-partitioned models of the marts folder. -#}
{% macro published_marts() -%}
    {%- set marts = [] -%}
    {%- for node in graph.nodes.values() -%}
        {%- if node.resource_type == 'model' and node.fqn[1] == 'marts' and 'monthly_partition' in node.tags -%}
            {%- do marts.append(node) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(marts | sort(attribute='name')) }}
{%- endmacro %}

{% macro published_relation(node) -%}
    {{ return(api.Relation.create(database=node.database, schema=var('published_schema', 'marts'), identifier=node.alias or node.name)) }}
{%- endmacro %}

{% macro audit_relation(node) -%}
    {{ return(api.Relation.create(database=node.database, schema=node.schema, identifier=node.alias or node.name)) }}
{%- endmacro %}

{% macro month_is_closed(month) -%}
    {%- set sql -%}
        select count(*) from {{ fairshare.ops_relation('month_closes') }}
        where billing_month = cast('{{ month }}' as date)
    {%- endset -%}
    {{ return(run_query(sql).rows[0][0] > 0) }}
{%- endmacro %}

{#- Create missing published tables (empty, same columns) and add columns the audit tables gained.
    DDL runs before the promotion transaction (Snowflake commits DDL implicitly). -#}
{% macro prepare_published_marts(marts) -%}
    {%- do adapter.create_schema(api.Relation.create(database=target.database, schema=var('published_schema', 'marts'))) -%}
    {%- for mart in marts -%}
        {%- set audit = fairshare.audit_relation(mart) -%}
        {%- set published = fairshare.published_relation(mart) -%}
        {%- set existing = adapter.get_relation(database=published.database, schema=published.schema, identifier=published.identifier) -%}
        {%- if existing is none -%}
            {%- do run_query(fairshare.create_published_table_sql(published, audit)) -%}
        {%- else -%}
            {%- set have = adapter.get_columns_in_relation(existing) | map(attribute='name') | map('lower') | list -%}
            {%- set add = [] -%}
            {%- for column in adapter.get_columns_in_relation(audit) -%}
                {%- if column.name | lower not in have -%}{%- do add.append(column) -%}{%- endif -%}
            {%- endfor -%}
            {%- if add -%}
                {%- do alter_relation_add_remove_columns(existing, add, none) -%}
            {%- endif -%}
        {%- endif -%}
    {%- endfor -%}
{%- endmacro %}

{% macro create_published_table_sql(published, audit) -%}
    {{ return(adapter.dispatch('create_published_table_sql', 'fairshare')(published, audit)) }}
{%- endmacro %}

{% macro default__create_published_table_sql(published, audit) -%}
    create table {{ published }} as select * from {{ audit }} where 1 = 0
{%- endmacro %}

{#- BigQuery: partitioned like the audit table, so a month is one partition (copy/replace). -#}
{% macro bigquery__create_published_table_sql(published, audit) -%}
    create table {{ published }}
    partition by date_trunc(billing_month, month)
    as select * from {{ audit }} where false
{%- endmacro %}

{% macro promote_month_statements(mart, month) -%}
    {%- set audit = fairshare.audit_relation(mart) -%}
    {%- set published = fairshare.published_relation(mart) -%}
    {%- set columns = adapter.get_columns_in_relation(audit) | map(attribute='name') | map('lower') | list -%}
    {%- set column_list = columns | join(', ') -%}
    {{ return([
        "delete from " ~ published ~ " where billing_month = cast('" ~ month ~ "' as date)",
        "insert into " ~ published ~ " (" ~ column_list ~ ") select " ~ column_list ~ " from " ~ audit
            ~ " where billing_month = cast('" ~ month ~ "' as date)",
    ]) }}
{%- endmacro %}

{#- Statements in one transaction: all marts change together or not at all. -#}
{% macro run_in_transaction(statements) -%}
    {{ return(adapter.dispatch('run_in_transaction', 'fairshare')(statements)) }}
{%- endmacro %}

{#- DuckDB: dbt opens a transaction before a statement (auto-begin); one execute of all the
    statements, then commit. A process killed before the commit leaves nothing changed. -#}
{% macro default__run_in_transaction(statements) -%}
    {%- do fairshare.commit_open_transaction() -%}
    {%- do run_query(statements | join(';\n')) -%}
    {%- do adapter.commit() -%}
{%- endmacro %}

{#- Commit what the hook did so far (DDL of the ledger, reads). dbt-duckdb begins a transaction
    before each hook statement and commits only model nodes; Snowflake and BigQuery autocommit. -#}
{% macro commit_open_transaction() -%}
    {{ return(adapter.dispatch('commit_open_transaction', 'fairshare')()) }}
{%- endmacro %}

{% macro default__commit_open_transaction() -%}
    {%- do run_query('select 1') -%}  {#- opens one if none is open (dbt auto-begin) -#}
    {%- do adapter.commit() -%}
{%- endmacro %}

{% macro snowflake__commit_open_transaction() -%}
{%- endmacro %}

{% macro bigquery__commit_open_transaction() -%}
{%- endmacro %}

{#- Snowflake: dbt runs statements in autocommit; an explicit transaction around them. -#}
{% macro snowflake__run_in_transaction(statements) -%}
    {%- do run_query(snowflake_dml_explicit_transaction(statements | join(';\n'))) -%}
{%- endmacro %}

{% macro bigquery__run_in_transaction(statements) -%}
    {%- set sql -%}
        begin transaction;
        {% for statement in statements -%}
        {{ statement }};
        {% endfor -%}
        commit transaction;
    {%- endset -%}
    {%- do run_query(sql) -%}
{%- endmacro %}

{#- This invocation's `running` record (replaced by its outcome). -#}
{% macro build_record_delete() -%}
    delete from {{ fairshare.ops_relation('builds') }} where invocation_id = '{{ invocation_id }}'
{%- endmacro %}

{#- The build record (fairshare_ops.builds). -#}
{% macro build_record_insert(month, status, promoted, closed, failures, summary, checksum) -%}
    {%- set names = ['orphan_policy', 'mode', 'concurrency_slice_minutes',
        'concurrency_peak_min_minutes', 'currency', 'telecom_minutes_tolerance', 'published_schema'] -%}
    {%- set used = {'billing_month': fairshare.billing_month_value()} -%}
    {%- for name in names -%}{%- do used.update({name: var(name, none)}) -%}{%- endfor -%}
    {%- set extracts = fairshare.extracts_used(month) -%}
    {%- set invoice_lines = fairshare.audit_relation(graph.nodes['model.fairshare.invoice_lines']) -%}
    {%- set q = "'" -%}
    insert into {{ fairshare.ops_relation('builds') }} (
        invocation_id, billing_month, command, status, promoted, month_closed, is_provisional,
        started_at, finished_at, project_version, dbt_version, target_name, vars_json, extract_ids,
        failures, failure_summary, invoice_lines_rows, invoice_lines_cents, invoice_lines_checksum
    )
    select
        '{{ invocation_id }}',
        cast('{{ month }}' as date),
        '{{ flags.WHICH }}',
        '{{ status }}',
        {{ 'true' if promoted else 'false' }},
        {{ 'true' if closed else 'false' }},
        {{ 'true' if extracts.provisional else 'false' }},
        cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S.%f") }}' as {{ dbt.type_timestamp() }}),
        {{ 'null' if status == 'running' else dbt.current_timestamp() }},
        '{{ project_name }} {{ env_var("FAIRSHARE_VERSION", "dev") }}',
        '{{ dbt_version }}',
        '{{ target.name }}',
        '{{ tojson(used) | replace(q, q ~ q) }}',
        '{{ tojson(extracts.ids) }}',
        {{ failures }},
        '{{ summary | replace(q, q ~ q) }}',
        {%- if promoted %}
        (select count(*) from {{ invoice_lines }} where billing_month = cast('{{ month }}' as date)),
        (select sum(amount_cents) from {{ invoice_lines }} where billing_month = cast('{{ month }}' as date)),
        '{{ checksum }}'
        {%- else %}
        null, null, null
        {%- endif %}
{%- endmacro %}

{#- Checksum of the month's rows of every mart: `name=rows:hash;...` over the marts by name. The
    publisher recomputes it on the published schema (DuckDB) and refuses marts that differ. -#}
{% macro marts_checksum(marts, month, side) -%}
    {%- set parts = [] -%}
    {%- for mart in marts -%}
        {%- set relation = fairshare.audit_relation(mart) if side == 'audit' else fairshare.published_relation(mart) -%}
        {%- set row = run_query(fairshare.month_rows_checksum_sql(relation, month)).rows[0] -%}
        {%- do parts.append(mart.name ~ '=' ~ row[0] ~ ':' ~ (row[1] if row[1] is not none else '')) -%}
    {%- endfor -%}
    {{ return(parts | join(';')) }}
{%- endmacro %}

{#- count and an order-independent hash of a relation's rows of one month. -#}
{% macro month_rows_checksum_sql(relation, month) -%}
    {{ return(adapter.dispatch('month_rows_checksum_sql', 'fairshare')(relation, month)) }}
{%- endmacro %}

{% macro default__month_rows_checksum_sql(relation, month) -%}
    select count(*), cast(null as {{ dbt.type_string() }})
    from {{ relation }} where billing_month = cast('{{ month }}' as date)
{%- endmacro %}

{#- DuckDB: sum of the row hashes (duplicates count, unlike an xor); fairshare/runs/ledger.py
    computes the same expression. -#}
{% macro duckdb__month_rows_checksum_sql(relation, month) -%}
    select count(*), cast(sum(hash(t)) as varchar)
    from {{ relation }} as t where t.billing_month = cast('{{ month }}' as date)
{%- endmacro %}

{#- Snowflake: sum of HASH over the columns (a signed 64-bit hash; the sum fits NUMBER(38)).
    hash_agg(*) would do, but the fakesnow emulator the portability test runs does not know it. -#}
{% macro snowflake__month_rows_checksum_sql(relation, month) -%}
    {%- set columns = adapter.get_columns_in_relation(relation) | map(attribute='name') | list -%}
    select count(*), to_varchar(sum(hash({{ columns | join(', ') }})))
    from {{ relation }} where billing_month = cast('{{ month }}' as date)
{%- endmacro %}

{% macro bigquery__month_rows_checksum_sql(relation, month) -%}
    select count(*), cast(bit_xor(farm_fingerprint(to_json_string(t))) as string)
    from {{ relation }} as t where t.billing_month = cast('{{ month }}' as date)
{%- endmacro %}

{#- The extracts a build of `month` used: completed extracts of the month and the latest directory
    snapshot; provisional when the latest completed extract of the month says its data is not final
    (the analytics watermark was not yet past the month's end plus the reprocessing margin). -#}
{% macro extracts_used(month) -%}
    {%- set log = fairshare.extract_log_relation() -%}
    {%- if log is none -%}{{ return({'ids': [], 'provisional': false}) }}{%- endif -%}
    {%- set sql -%}
        select extract_id, directory_only, month_final
        from {{ log }}
        where
            event = 'completed'
            and (billing_month = '{{ month[:7] }}' or directory_only)
        order by event_at desc
    {%- endset -%}
    {%- set ids = [] -%}
    {%- set state = {'provisional': none, 'directory': false} -%}
    {%- for row in run_query(sql).rows -%}
        {%- if not row[1] -%}
            {%- do ids.append(row[0]) -%}
            {%- if state.provisional is none -%}
                {%- do state.update({'provisional': row[2] is not none and not row[2]}) -%}
            {%- endif -%}
        {%- elif not state.directory -%}
            {%- do ids.append(row[0]) -%}
            {%- do state.update({'directory': true}) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return({'ids': ids, 'provisional': state.provisional or false}) }}
{%- endmacro %}

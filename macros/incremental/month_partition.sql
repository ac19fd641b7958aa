{#-
    Materialization `month_partition` (DuckDB, Snowflake; BigQuery uses insert_overwrite, see
    monthly_partition.sql): the model's rows replace the partition of the billing month of a table
    that keeps every month built.

    - First build, --full-refresh, or the relation is not a table: the table is (re)created from
      the model's query (create_table_as: an enforced contract creates the typed, constrained
      table), holding the month being run only.
    - Otherwise, when the query's columns are the table's (same names and types; and the
      contract's, if enforced): one statement pair, no staging copy:
          delete from <table> where billing_month = <month>;
          insert into <table> (<columns>) select <columns> from (<model query>);
      on Snowflake inside an explicit transaction (DuckDB: dbt's transaction). The delete is by the
      month literal, so a rebuild returning no rows empties the month (a quarantine emptied by
      fixed data does not keep last run's rows). Then the rows are counted: the table must have
      grown by exactly the rows the month's partition gained, i.e. every inserted row belongs to
      the billing month (a model emitting another month's rows fails the build instead of
      silently changing that month). Both counts are cheap (row counts, one pruned partition).
    - When the columns differ (a column added or removed, a type changed): the previous path,
      the query into a temporary table (checked to hold the month's rows only), dbt's
      on_schema_change handling (sync_all_columns), then delete + insert from it
      (get_incremental_replace_month_sql, replace_month.sql).
-#}
{% materialization month_partition, default %}
    {%- set existing_relation = load_cached_relation(this) -%}
    {%- set target_relation = this.incorporate(type='table') -%}
    {%- set full_refresh_mode = should_full_refresh() or (existing_relation is not none and not existing_relation.is_table) -%}
    {%- set on_schema_change = incremental_validate_on_schema_change(config.get('on_schema_change'), default='sync_all_columns') -%}
    {%- set grant_config = config.get('grants') -%}
    {%- set partition_column = config.get('unique_key') or 'billing_month' -%}
    {%- set to_drop = [] -%}

    {{ run_hooks(pre_hooks, inside_transaction=False) }}
    {{ run_hooks(pre_hooks, inside_transaction=True) }}

    {%- if existing_relation is none or full_refresh_mode -%}
        {%- if existing_relation is not none -%}
            {%- do adapter.drop_relation(existing_relation) -%}
        {%- endif -%}
        {%- call statement('main') -%}
            {{ create_table_as(False, target_relation, sql) }}
        {%- endcall -%}
    {%- else -%}
        {%- set dest_columns = fairshare.month_partition_direct_columns(existing_relation, sql) -%}
        {%- if dest_columns -%}
            {%- do log('month_partition ' ~ this.identifier ~ ': direct insert of the month') -%}
            {%- set counts_before = fairshare.month_partition_counts(target_relation, partition_column) -%}
            {%- call statement('main') -%}
                {{ fairshare.month_partition_replace_sql(target_relation, sql, dest_columns, partition_column) }}
            {%- endcall -%}
            {%- set counts_after = fairshare.month_partition_counts(target_relation, partition_column) -%}
            {%- if counts_after[0] - counts_before[0] != counts_after[1] - counts_before[1] -%}
                {{ exceptions.raise_compiler_error(
                    "fairshare: " ~ this.identifier ~ " produced rows outside the billing month "
                    ~ fairshare.billing_month_value() ~ " (the table grew by " ~ (counts_after[0] - counts_before[0])
                    ~ " rows, the month's partition by " ~ (counts_after[1] - counts_before[1])
                    ~ "): a month-partitioned model must emit its month's rows only") }}
            {%- endif -%}
        {%- else -%}
            {%- do log('month_partition ' ~ this.identifier ~ ': columns changed, staging path', info=true) -%}
            {%- set temp_relation = make_temp_relation(target_relation) -%}
            {%- do run_query(create_table_as(True, temp_relation, sql)) -%}
            {%- set outside = run_query("select count(*) from " ~ temp_relation ~ " where " ~ partition_column
                ~ " <> " ~ fairshare.billing_month() ~ " or " ~ partition_column ~ " is null").rows[0][0] -%}
            {%- if outside > 0 -%}
                {{ exceptions.raise_compiler_error(
                    "fairshare: " ~ this.identifier ~ " produced " ~ outside ~ " rows outside the billing month "
                    ~ fairshare.billing_month_value() ~ ": a month-partitioned model must emit its month's rows only") }}
            {%- endif -%}
            {%- set changed = process_schema_changes(on_schema_change, temp_relation, existing_relation) -%}
            {%- set columns = changed if changed else adapter.get_columns_in_relation(existing_relation) -%}
            {%- call statement('main') -%}
                {{ fairshare.get_incremental_replace_month_sql({
                    'target_relation': target_relation, 'temp_relation': temp_relation,
                    'unique_key': partition_column, 'dest_columns': columns}) }}
            {%- endcall -%}
            {%- do to_drop.append(temp_relation) -%}
        {%- endif -%}
    {%- endif -%}

    {%- set should_revoke = should_revoke(existing_relation, full_refresh_mode) -%}
    {%- do apply_grants(target_relation, grant_config, should_revoke=should_revoke) -%}
    {%- do persist_docs(target_relation, model) -%}
    {{ run_hooks(post_hooks, inside_transaction=True) }}
    {%- do adapter.commit() -%}
    {%- for relation in to_drop -%}
        {%- do adapter.drop_relation(relation) -%}
    {%- endfor -%}
    {{ run_hooks(post_hooks, inside_transaction=False) }}
    {{ return({'relations': [target_relation]}) }}
{%- endmaterialization %}

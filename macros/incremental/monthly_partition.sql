{#-
    Config of the month-partitioned incremental models: the heavy intermediate models (segments,
    attribution, trunk legs, interactions, concurrency slices) and the month-grained marts. Each
    keeps every billing month it was ever built for, partitioned by its `billing_month` column, and a
    run replaces only the partition of var('billing_month'): a warehouse holding 24 months processes
    (and rewrites) one month per run, and BI keeps every month for month-over-month reporting.

    Usage, first line of the model (replaces `config(materialized='table')`):

        {{ config(**fairshare.monthly_partition()) }}

    The model SQL must produce exactly the rows of the billing month (a `billing_month` column
    equal to fairshare.billing_month()) and read other monthly models only where
    billing_month = fairshare.billing_month(): it then needs no is_incremental() branch, so the
    first build, a rerun and a --full-refresh run the same query (and unit tests need no override).

    Engines:
    - DuckDB, Snowflake (default): materialization `month_partition`
      (macros/incremental/month_partition.sql): delete the month, insert the model's query directly
      (no staging copy), which also empties the month when its rebuild returns no rows (a
      quarantine emptied by fixed data must not keep last run's rows); a schema change takes the
      staging path (temporary table, on_schema_change, replace_month.sql).
    - BigQuery: `insert_overwrite` of the month's partition (static partition list, so a month
      rebuilt with no rows is emptied too), table partitioned by billing_month (monthly). The
      partition list is config, rendered at parse time: billing_month(at_parse=true) reads the
      month then, so on BigQuery these model files (only) are reparsed when the month changes.
      A schema change appends the new columns (dbt refuses sync_all_columns on an incremental
      model with an enforced contract, as the marts have; a dropped column stays, nullable).

    Tagged `monthly_partition`: their generic data tests check the month being run only
    (macros/incremental/get_where_subquery.sql), and `dbt build -s tag:monthly_partition` selects them.

    --full-refresh drops and recreates these tables with the month being run only: other months
    are rebuilt by running their month again (the raw tables keep every month extracted).
-#}
{% macro monthly_partition(audit_view=false) -%}
    {%- if audit_view -%}
        {{ return(fairshare.monthly_partition_audit_view()) }}
    {%- endif -%}
    {{ return(adapter.dispatch('monthly_partition', 'fairshare')()) }}
{%- endmacro %}

{#-
    A mart whose audit relation is a view of the month being built (monthly_partition(audit_view=true)):
    for a wide mart that is a cheap projection of a month-partitioned model (fct_segment_costs: the
    trunk slices joined to six telecom lines). Tests and the checksum read the view; a passing
    build copies its month into the published table (macros/run_integrity/on_run_end.sql), which
    keeps every month like any other mart. The month is then written once (published) instead of
    twice (audit table, then published copy); the guarantee is unchanged: the published table
    changes only in the promotion of a build that passed. Tagged monthly_partition like the others.
-#}
{% macro monthly_partition_audit_view() -%}
    {{ return({'materialized': 'view', 'tags': ['monthly_partition']}) }}
{%- endmacro %}

{% macro default__monthly_partition() -%}
    {{ return({
        'materialized': 'month_partition',
        'unique_key': 'billing_month',
        'on_schema_change': 'sync_all_columns',
        'tags': ['monthly_partition'],
    }) }}
{%- endmacro %}

{% macro bigquery__monthly_partition() -%}
    {{ return({
        'materialized': 'incremental',
        'incremental_strategy': 'insert_overwrite',
        'partition_by': {'field': 'billing_month', 'data_type': 'date', 'granularity': 'month'},
        'partitions': [fairshare.billing_month(at_parse=true)],
        'on_schema_change': 'append_new_columns',
        'tags': ['monthly_partition'],
    }) }}
{%- endmacro %}

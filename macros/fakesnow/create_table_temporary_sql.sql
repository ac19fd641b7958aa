{#-
    fakesnow (the local Snowflake emulator the portability test runs dbt-snowflake against) cannot
    create Snowflake TEMPORARY tables in a database/schema: DuckDB keeps temporary tables in its own
    `temp` catalog and rejects `create temporary table <db>.<schema>.<name>`. dbt-snowflake creates
    one for every unit test and for the staging table of a delete+insert incremental run.

    Only when FAIRSHARE_FAKESNOW=1 (set by tests/python/test_portability_snowflake.py, never in
    production), the temporary table is created as a transient table with dbt-snowflake's own
    macro (a regular table on fakesnow; dbt drops it after the incremental run). Otherwise this is
    exactly dbt-snowflake's macro. See docs/portability.md.
-#}
{% macro snowflake__create_table_temporary_sql(relation, compiled_code) -%}
    {%- if env_var('FAIRSHARE_FAKESNOW', '') == '1' -%}
        {{ dbt.snowflake__create_table_transient_sql(relation, compiled_code) }}
    {%- else -%}
        {{ dbt.snowflake__create_table_temporary_sql(relation, compiled_code) }}
    {%- endif -%}
{%- endmacro %}

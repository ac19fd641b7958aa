{#-
    The staging path of the month_partition materialization (month_partition.sql), taken when a
    model's columns changed: the rows were written to a temporary table <new> (and dbt's
    on_schema_change synced the columns); this deletes the partition of the billing month and any
    month present in the new rows, then inserts the new rows:

        delete from <target> where billing_month = <month> or billing_month in (select ... from <new>);
        insert into <target> (<columns>) select <columns> from <new>;

    Plain SQL on DuckDB and Snowflake (an explicit transaction on Snowflake, as dbt's own
    delete+insert). Also usable as an incremental strategy (incremental_strategy='replace_month').
    BigQuery uses insert_overwrite instead.
-#}
{% macro get_incremental_replace_month_sql(arg_dict) -%}
    {{ return(adapter.dispatch('get_incremental_replace_month_sql', 'fairshare')(arg_dict)) }}
{%- endmacro %}

{% macro default__get_incremental_replace_month_sql(arg_dict) -%}
    {%- set target = arg_dict['target_relation'] -%}
    {%- set source = arg_dict['temp_relation'] -%}
    {%- set partition_column = arg_dict['unique_key'] -%}
    {%- if partition_column is none or partition_column is not string -%}
        {{ exceptions.raise_compiler_error(
            "incremental_strategy 'replace_month' needs unique_key set to the partition column (billing_month), got "
            ~ partition_column) }}
    {%- endif -%}
    {%- set dest_cols_csv = get_quoted_csv(arg_dict['dest_columns'] | map(attribute='name')) -%}
    delete from {{ target }}
    where
        {{ partition_column }} = {{ fairshare.billing_month() }}
        or {{ partition_column }} in (select distinct {{ partition_column }} from {{ source }});

    insert into {{ target }} ({{ dest_cols_csv }})
    select {{ dest_cols_csv }}
    from {{ source }}
{%- endmacro %}

{% macro snowflake__get_incremental_replace_month_sql(arg_dict) -%}
    {{ return(snowflake_dml_explicit_transaction(fairshare.default__get_incremental_replace_month_sql(arg_dict))) }}
{%- endmacro %}

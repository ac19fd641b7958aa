{#-
    Custom incremental strategy `replace_month` (config: incremental_strategy='replace_month',
    unique_key='billing_month'; see monthly_partition.sql). dbt's delete+insert on unique_key
    billing_month deletes only the months present in the new rows, so a month whose rebuild returns
    no rows would keep last run's rows. This strategy deletes the partition of var('billing_month')
    and any month present in the new rows, then inserts the new rows:

        delete from <target> where billing_month = <month> or billing_month in (select ... from <new>);
        insert into <target> (<columns>) select <columns> from <new>;

    Plain SQL on DuckDB and Snowflake (where dbt wraps its own delete+insert in an explicit
    transaction; done the same way here). BigQuery uses insert_overwrite instead.
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

{#- The SQL and checks of the month_partition materialization (month_partition.sql). -#}

{#- The table's columns when the query has exactly them (names and types; the insert names the
    columns, so their order does not matter) and, under an enforced contract, the contract's too;
    else none (the schema changed: take the staging path). -#}
{% macro month_partition_direct_columns(relation, sql) -%}
    {%- set contract_config = config.get('contract') -%}
    {%- if contract_config and contract_config.enforced -%}
        {%- do get_assert_columns_equivalent(sql) -%}
    {%- endif -%}
    {%- set query_types = {} -%}
    {%- for column in get_column_schema_from_query(sql) -%}
        {%- do query_types.update({column.name | lower: column.data_type | lower}) -%}
    {%- endfor -%}
    {%- set table_columns = adapter.get_columns_in_relation(relation) -%}
    {%- if query_types | length != table_columns | length -%}{{ return(none) }}{%- endif -%}
    {%- for column in table_columns -%}
        {%- if query_types.get(column.name | lower) != column.data_type | lower -%}
            {{ return(none) }}
        {%- endif -%}
    {%- endfor -%}
    {{ return(table_columns) }}
{%- endmacro %}

{#- [rows of the table, rows of the billing month's partition]. -#}
{% macro month_partition_counts(relation, partition_column) -%}
    {%- set counts = run_query(
        "select (select count(*) from " ~ relation ~ "), (select count(*) from " ~ relation
        ~ " where " ~ partition_column ~ " = " ~ fairshare.billing_month() ~ ")") -%}
    {{ return([counts.rows[0][0] | int, counts.rows[0][1] | int]) }}
{%- endmacro %}

{% macro month_partition_replace_sql(relation, sql, columns, partition_column) -%}
    {{ return(adapter.dispatch('month_partition_replace_sql', 'fairshare')(relation, sql, columns, partition_column)) }}
{%- endmacro %}

{% macro default__month_partition_replace_sql(relation, sql, columns, partition_column) -%}
    {%- set column_list = get_quoted_csv(columns | map(attribute='name')) -%}
    delete from {{ relation }} where {{ partition_column }} = {{ fairshare.billing_month() }};

    insert into {{ relation }} ({{ column_list }})
    select {{ column_list }}
    from (
        {{ sql }}
    ) as month_rows
{%- endmacro %}

{% macro snowflake__month_partition_replace_sql(relation, sql, columns, partition_column) -%}
    {{ return(snowflake_dml_explicit_transaction(fairshare.default__month_partition_replace_sql(relation, sql, columns, partition_column))) }}
{%- endmacro %}

{#-
    The run ledger of the warehouse, schema var('ops_schema') (default fairshare_ops). dbt writes it
    (on-run-start/on-run-end hooks, `fairshare close`), the CLI and the publisher read it:

    - builds: one row per `dbt build`/`run` invocation: the month, passed or failed, whether its
      marts were promoted to the published schema, the extracts and the vars it used, the
      project version, a checksum of the promoted invoice_lines month.
    - month_closes: one row per close of a month (a revision): who posted what, with the checksum.
    - posted_invoice_lines: the invoice_lines of each closed month exactly as posted (frozen).
    - publications: each `fairshare publish` of a month: revision number and checksum (invoice and
      journal numbers are unique per revision).

    Created when missing, before anything else runs (on-run-start), with portable types.
-#}
{% macro ops_schema() -%}
    {{ return(var('ops_schema', 'fairshare_ops')) }}
{%- endmacro %}

{% macro ops_relation(identifier) -%}
    {{ return(api.Relation.create(database=target.database, schema=fairshare.ops_schema(), identifier=identifier)) }}
{%- endmacro %}

{#- Column lists of the ledger tables: name → portable type. -#}
{% macro ops_table_columns() -%}
    {%- set text = dbt.type_string() -%}
    {%- set ts = dbt.type_timestamp() -%}
    {%- set flag = dbt.type_boolean() -%}
    {%- set whole = dbt.type_bigint() -%}
    {%- set money = fairshare.type_decimal(18, 2) -%}
    {{ return({
        'builds': [
            ('invocation_id', text), ('billing_month', 'date'), ('command', text),
            ('status', text), ('promoted', flag), ('month_closed', flag), ('is_provisional', flag),
            ('started_at', ts), ('finished_at', ts), ('project_version', text),
            ('dbt_version', text), ('target_name', text), ('vars_json', text),
            ('extract_ids', text), ('failures', whole), ('failure_summary', text),
            ('invoice_lines_rows', whole), ('invoice_lines_cents', whole),
            ('invoice_lines_checksum', text),
        ],
        'month_closes': [
            ('billing_month', 'date'), ('close_revision', whole), ('closed_at', ts),
            ('closed_by', text), ('build_invocation_id', text), ('invoice_lines_rows', whole),
            ('invoice_lines_cents', whole), ('invoice_lines_checksum', text),
            ('publication_revision', whole), ('journal_sha256', text), ('note', text),
        ],
        'posted_invoice_lines': [
            ('billing_month', 'date'), ('close_revision', whole), ('closed_at', ts),
            ('invoice_id', text), ('invoice_line_id', text), ('cost_center_code', text),
            ('cost_category', text), ('product_sku', text), ('product_name', text),
            ('allocation_method', text), ('product_allocation_method', text),
            ('driver_name', text), ('driver_unit', text),
            ('driver_quantity', fairshare.type_decimal(38, 6)), ('amount', money),
            ('amount_cents', whole), ('adjusted_month', 'date'), ('explanation', text),
        ],
        'publications': [
            ('billing_month', 'date'), ('revision', whole), ('published_at', ts),
            ('build_invocation_id', text), ('invoice_lines_checksum', text),
            ('invoice_lines_cents', whole), ('out_dir', text),
        ],
    }) }}
{%- endmacro %}

{% macro ensure_ops_tables() -%}
    {%- if not execute -%}{{ return('') }}{%- endif -%}
    {%- do adapter.create_schema(api.Relation.create(database=target.database, schema=fairshare.ops_schema())) -%}
    {%- for name, columns in fairshare.ops_table_columns().items() -%}
        {%- set relation = fairshare.ops_relation(name) -%}
        {%- set existing = adapter.get_relation(database=relation.database, schema=relation.schema, identifier=relation.identifier) -%}
        {%- if existing is not none -%}
            {#- a ledger created by an earlier version: add the columns it lacks -#}
            {%- set have = adapter.get_columns_in_relation(existing) | map(attribute='name') | map('lower') | list -%}
            {%- set add = [] -%}
            {%- for column, data_type in columns if column not in have -%}
                {%- do add.append(api.Column.create(column, data_type)) -%}
            {%- endfor -%}
            {%- if add -%}
                {%- do alter_relation_add_remove_columns(existing, add, none) -%}
            {%- endif -%}
        {%- else -%}
            {%- set ddl -%}
                create table {{ relation }} (
                    {%- for column, data_type in columns %}
                    {{ column }} {{ data_type }}{{ ',' if not loop.last }}
                    {%- endfor %}
                )
            {%- endset -%}
            {%- do run_query(ddl) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return('') }}
{%- endmacro %}

{#-
    Data tests on month-partitioned models check the month being run.

    A generic test attached to a model built with fairshare.monthly_partition() (tag
    `monthly_partition`) reads only the partition of var('billing_month'): earlier months were
    tested when they were built, and a warehouse holding 24 months must not re-test 24 months on
    every run (month 2 must build no slower than month 1). A test's own `where` config still
    applies on top. Set var test_all_months: true to test every month kept (an audit run).

    Overrides dbt's default__get_where_subquery (dispatched in the dbt namespace: the root
    project's version wins); the behaviour for every other model is dbt's.
-#}
{% macro default__get_where_subquery(relation) -%}
    {%- set conditions = [] -%}
    {%- set where = config.get('where', '') -%}
    {%- if where -%}
        {%- do conditions.append('(' ~ where ~ ')') -%}
    {%- endif -%}
    {%- if fairshare.tests_monthly_partition() -%}
        {%- do conditions.append('billing_month = ' ~ fairshare.monthly_partition_literal()) -%}
    {%- endif -%}
    {%- if conditions -%}
        {%- set filtered -%}
            (select * from {{ relation }} where {{ conditions | join(' and ') }}) dbt_subquery
        {%- endset -%}
        {%- do return(filtered) -%}
    {%- else -%}
        {%- do return(relation) -%}
    {%- endif -%}
{%- endmacro %}

{#- True when the test being compiled is attached to a month-partitioned model (and the run tests one month). -#}
{% macro tests_monthly_partition() -%}
    {%- if var('test_all_months', false) | string | lower in ('true', '1', 'yes') -%}
        {{ return(false) }}
    {%- endif -%}
    {%- set attached = model.get('attached_node') if model is mapping else none -%}
    {%- if not attached or graph is not mapping -%}
        {{ return(false) }}
    {%- endif -%}
    {%- set node = graph.get('nodes', {}).get(attached) -%}
    {{ return(node is mapping and 'monthly_partition' in node.get('tags', [])) }}
{%- endmacro %}

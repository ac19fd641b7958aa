{#-
    Data tests check the month being run.

    A warehouse holding 24 months must not re-test 24 months on every run (month 2 must build no
    slower than month 1), so a generic data test reads only the rows of var('billing_month') when
    the relation it tests says how to find them:
    - a month-partitioned model (built with fairshare.monthly_partition(), tag `monthly_partition`):
      its partition, billing_month = <the month>;
    - a raw table or staging model with `meta: {month_scope: {column: <timestamp column>}}`: the
      rows whose timestamp falls in the month (each row is tested in the month it starts in);
    - one with `meta: {month_scope: {conversation_id: <column>}}`: the rows of the conversations
      that started in the month (the conversation child tables have no timestamp of their own).
    Earlier months were tested when they were built. A test's own `where` applies on top. Set var
    test_all_months: true to test every month kept (an audit run).

    Overrides dbt's default__get_where_subquery (dispatched in the dbt namespace: the root
    project's version wins); every other test behaves as in dbt.
-#}
{% macro default__get_where_subquery(relation) -%}
    {%- set conditions = [] -%}
    {%- set where = config.get('where', '') -%}
    {%- if where -%}
        {%- do conditions.append('(' ~ where ~ ')') -%}
    {%- endif -%}
    {%- set month_scope = fairshare.test_month_scope() -%}
    {%- if month_scope -%}
        {%- do conditions.append(month_scope) -%}
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

{#- The SQL condition selecting the month being run in the relation the current test reads, or none. -#}
{% macro test_month_scope() -%}
    {%- if fairshare.testing_all_months() -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set node = fairshare._tested_node() -%}
    {%- if node is none -%}
        {{ return(none) }}
    {%- endif -%}
    {%- if 'monthly_partition' in (node.get('tags') or []) -%}
        {{ return('billing_month = ' ~ fairshare.billing_month()) }}
    {%- endif -%}
    {%- set scope = (node.get('meta') or {}).get('month_scope')
        or ((node.get('config') or {}).get('meta') or {}).get('month_scope') -%}
    {%- if scope is not mapping -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set start = fairshare.billing_month_start() -%}
    {%- set end = fairshare.billing_month_end() -%}
    {%- if scope.get('column') -%}
        {%- set column = scope['column'] -%}
        {{ return('(' ~ column ~ ' >= ' ~ start ~ ' and ' ~ column ~ ' < ' ~ end ~ ')') }}
    {%- elif scope.get('conversation_id') -%}
        {%- set conversations = graph.sources.get('source.' ~ project_name ~ '.genesys.conversations') -%}
        {%- if conversations is none -%}
            {{ exceptions.raise_compiler_error("month_scope conversation_id needs source('genesys', 'conversations')") }}
        {%- endif -%}
        {{ return(scope['conversation_id'] ~ ' in (select conversation_id from ' ~ conversations['relation_name']
            ~ ' where conversation_start >= ' ~ start ~ ' and conversation_start < ' ~ end ~ ')') }}
    {%- endif -%}
    {{ exceptions.raise_compiler_error("meta.month_scope must hold `column` or `conversation_id`, got " ~ scope) }}
{%- endmacro %}

{#- True when the current test reads a month-partitioned model for the month being run. -#}
{% macro tests_monthly_partition() -%}
    {%- set node = fairshare._tested_node() -%}
    {{ return(node is not none and not fairshare.testing_all_months()
        and 'monthly_partition' in (node.get('tags') or [])) }}
{%- endmacro %}

{% macro testing_all_months() -%}
    {{ return(var('test_all_months', false) | string | lower in ('true', '1', 'yes')) }}
{%- endmacro %}

{#- The model or source the current generic test is attached to (graph node dict), or none. -#}
{% macro _tested_node() -%}
    {%- if model is not mapping or graph is not mapping -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set attached = model.get('attached_node') -%}
    {%- if attached -%}
        {{ return(graph.get('nodes', {}).get(attached)) }}
    {%- endif -%}
    {%- set depends = (model.get('depends_on') or {}).get('nodes') or [] -%}
    {%- if depends | length == 1 and depends[0].startswith('source.') -%}
        {{ return(graph.get('sources', {}).get(depends[0])) }}
    {%- endif -%}
    {{ return(none) }}
{%- endmacro %}

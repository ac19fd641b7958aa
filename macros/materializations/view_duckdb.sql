{#-
    Views on DuckDB in one statement: `create or replace view` inside dbt's transaction (DuckDB DDL
    is transactional, so readers see the old or the new view, never none). dbt's default view
    materialization creates a temporary view, renames the old one away, renames the new one in,
    commits and drops the old one: five statements and a commit per view, which made the 50-odd
    views of the build (staging, and the stages of the big models) cost ~0.1 s each.
    Snowflake and BigQuery keep their adapters' own view materializations.
-#}
{% materialization view, adapter='duckdb' -%}
    {%- set existing_relation = load_cached_relation(this) -%}
    {%- set target_relation = this.incorporate(type='view') -%}
    {%- set grant_config = config.get('grants') -%}

    {{ run_hooks(pre_hooks, inside_transaction=False) }}
    {{ run_hooks(pre_hooks, inside_transaction=True) }}

    {%- if existing_relation is not none and not existing_relation.is_view -%}
        {%- do adapter.drop_relation(existing_relation) -%}
    {%- endif -%}
    {%- set contract_config = config.get('contract') -%}
    {%- if contract_config and contract_config.enforced -%}
        {%- do get_assert_columns_equivalent(sql) -%}
    {%- endif -%}
    {% call statement('main') -%}
        create or replace view {{ target_relation }} as (
            {{ sql }}
        )
    {%- endcall %}

    {%- set should_revoke = should_revoke(existing_relation, full_refresh_mode=True) -%}
    {%- do apply_grants(target_relation, grant_config, should_revoke=should_revoke) -%}
    {%- do persist_docs(target_relation, model) -%}
    {{ run_hooks(post_hooks, inside_transaction=True) }}
    {{ adapter.commit() }}
    {{ run_hooks(post_hooks, inside_transaction=False) }}
    {{ return({'relations': [target_relation]}) }}
{%- endmaterialization %}

{#-
    Custom schema names are used as-is (staging, intermediate, marts, config) instead of dbt's
    default `<target schema>_<custom schema>`: every environment has its own database/file, so the
    prefix only makes the names longer. Models without a custom schema go to the target schema.
-#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}

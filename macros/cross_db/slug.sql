{#-
    The file-name slug of a cost-center code, as the publisher makes it (fairshare/publish/model.py
    `slug`: every run of characters other than A-Z a-z 0-9 _ - becomes one '-', then leading and
    trailing '-' are trimmed), lower-cased: two codes with the same slug would write the same
    invoice file and department site (on a case-insensitive file system, too).
-#}
{% macro code_slug(expression) -%}
    {{ return(adapter.dispatch('code_slug', 'fairshare')(expression)) }}
{%- endmacro %}

{% macro default__code_slug(expression) -%}
    lower(trim(regexp_replace({{ expression }}, '[^A-Za-z0-9_-]+', '-', 'g'), '-'))
{%- endmacro %}

{#- Snowflake and BigQuery replace every match without a flag; trim of characters is spelled
    trim(x, chars) on Snowflake and BigQuery alike. -#}
{% macro snowflake__code_slug(expression) -%}
    lower(trim(regexp_replace({{ expression }}, '[^A-Za-z0-9_-]+', '-'), '-'))
{%- endmacro %}

{% macro bigquery__code_slug(expression) -%}
    lower(trim(regexp_replace({{ expression }}, r'[^A-Za-z0-9_-]+', '-'), '-'))
{%- endmacro %}

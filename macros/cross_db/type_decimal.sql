{#-
    Exact decimal type with a precision and scale. BigQuery's NUMERIC holds 38 digits with 9 after the
    point, so it fits every (precision, scale) used here (scale <= 9); BIGNUMERIC above that.
-#}
{% macro type_decimal(precision, scale) -%}
    {{- return(adapter.dispatch('type_decimal', 'fairshare')(precision, scale)) -}}
{%- endmacro %}

{% macro default__type_decimal(precision, scale) -%}
    decimal({{ precision }}, {{ scale }})
{%- endmacro %}

{% macro snowflake__type_decimal(precision, scale) -%}
    number({{ precision }}, {{ scale }})
{%- endmacro %}

{% macro bigquery__type_decimal(precision, scale) -%}
    {%- if scale <= 9 and precision - scale <= 29 -%}numeric{%- else -%}bignumeric{%- endif -%}
{%- endmacro %}

{#- The raw contract's decimal types (ingestion/genesys/schema.py DECIMAL_TYPES). -#}
{% macro type_money() -%}{{ fairshare.type_decimal(38, 18) }}{%- endmacro %}
{% macro type_quantity() -%}{{ fairshare.type_decimal(38, 18) }}{%- endmacro %}
{% macro type_rate() -%}{{ fairshare.type_decimal(38, 18) }}{%- endmacro %}

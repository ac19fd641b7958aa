{#-
    Cast a raw timestamp column to a UTC `dbt.type_timestamp()` (staging only).

    The loaders land timezone-aware UTC instants. Casting those to a naive timestamp would apply
    the session time zone on DuckDB and Snowflake, so the wall-clock time is taken in UTC
    explicitly. BigQuery's TIMESTAMP is already an absolute UTC instant.
-#}
{% macro utc_timestamp(column) -%}
    {{- return(adapter.dispatch('utc_timestamp', 'fairshare')(column)) -}}
{%- endmacro %}

{#- DuckDB: timezone('UTC', timestamptz) returns the UTC wall-clock time as a naive timestamp. -#}
{% macro default__utc_timestamp(column) -%}
    cast(timezone('UTC', {{ column }}) as {{ dbt.type_timestamp() }})
{%- endmacro %}

{#- Snowflake: raw columns are timestamp_tz; convert to UTC before dropping the zone. -#}
{% macro snowflake__utc_timestamp(column) -%}
    cast(convert_timezone('UTC', {{ column }}) as {{ dbt.type_timestamp() }})
{%- endmacro %}

{% macro bigquery__utc_timestamp(column) -%}
    cast({{ column }} as {{ dbt.type_timestamp() }})
{%- endmacro %}

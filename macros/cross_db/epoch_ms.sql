{#-
    Integer milliseconds since the Unix epoch, and back. The attribution timeline works on these
    integers: comparisons and differences of bigints are exact on every engine and much faster than
    timestamp arithmetic, and ms(a, b) + ms(b, c) = ms(a, c) always holds (telescoping), which the
    exact per-leg sums rely on. Timestamps are UTC `dbt.type_timestamp()` values (see staging).
-#}

{% macro epoch_ms(timestamp_expression) -%}
    {{- return(adapter.dispatch('epoch_ms', 'fairshare')(timestamp_expression)) -}}
{%- endmacro %}

{#- DuckDB: epoch_ms(timestamp) -> bigint. -#}
{% macro default__epoch_ms(timestamp_expression) -%}
    epoch_ms({{ timestamp_expression }})
{%- endmacro %}

{#- Snowflake: date_part with the epoch_millisecond part (timestamp_ntz read as UTC). -#}
{% macro snowflake__epoch_ms(timestamp_expression) -%}
    date_part(epoch_millisecond, {{ timestamp_expression }})
{%- endmacro %}

{#- BigQuery: unix_millis(timestamp). -#}
{% macro bigquery__epoch_ms(timestamp_expression) -%}
    unix_millis({{ timestamp_expression }})
{%- endmacro %}


{% macro from_epoch_ms(ms_expression) -%}
    {{- return(adapter.dispatch('from_epoch_ms', 'fairshare')(ms_expression)) -}}
{%- endmacro %}

{#- DuckDB: make_timestamp(microseconds) gives a naive (UTC) timestamp. -#}
{% macro default__from_epoch_ms(ms_expression) -%}
    make_timestamp(cast({{ ms_expression }} as bigint) * 1000)
{%- endmacro %}

{% macro snowflake__from_epoch_ms(ms_expression) -%}
    to_timestamp_ntz(cast({{ ms_expression }} as bigint), 3)
{%- endmacro %}

{% macro bigquery__from_epoch_ms(ms_expression) -%}
    timestamp_millis(cast({{ ms_expression }} as int64))
{%- endmacro %}


{#- Whole milliseconds from `start_expression` to `end_expression` (negative when end < start). -#}
{% macro ms_between(start_expression, end_expression) -%}
    ({{ fairshare.epoch_ms(end_expression) }} - {{ fairshare.epoch_ms(start_expression) }})
{%- endmacro %}

{#-
    Validity bounds of scd2 directory versions (dlt `_dlt_valid_from`/`_dlt_valid_to`, staged as
    valid_from/valid_to). The first version of an object is valid since the beginning of time (so
    a single directory snapshot tags a whole month, see docs/data-contract.md); the current version
    (valid_to null) is valid until the end of time. Both ends are non-null timestamps, so interval
    joins need no null handling.
-#}

{% macro beginning_of_time() -%}
    cast('1900-01-01 00:00:00' as {{ dbt.type_timestamp() }})
{%- endmacro %}

{% macro end_of_time() -%}
    cast('9999-12-31 00:00:00' as {{ dbt.type_timestamp() }})
{%- endmacro %}

{#- valid_from of a version: the beginning of time for the object's first version. -#}
{% macro scd2_valid_from(key_columns, valid_from_column='valid_from') -%}
    case
        when {{ valid_from_column }} is null then {{ fairshare.beginning_of_time() }}
        when row_number() over (
            partition by {{ key_columns | join(', ') }} order by {{ valid_from_column }}
        ) = 1
            then {{ fairshare.beginning_of_time() }}
        else {{ valid_from_column }}
    end
{%- endmacro %}

{% macro scd2_valid_to(valid_to_column='valid_to') -%}
    coalesce({{ valid_to_column }}, {{ fairshare.end_of_time() }})
{%- endmacro %}

{#-
    Validity bounds of scd2 directory versions (dlt `_dlt_valid_from`/`_dlt_valid_to`, staged as
    valid_from/valid_to). The versions of the table's first snapshot (the earliest valid_from of
    the table) are valid since the beginning of time: the first snapshot describes the past too, so
    a single directory snapshot tags a whole month (docs/data-contract.md). An object first seen in
    a later snapshot is valid from that snapshot: it did not exist before, so loading next month's
    directory never changes how an earlier month is tagged. The current version (valid_to null) is
    valid until the end of time. Both ends are non-null timestamps, so interval joins need no null
    handling.
-#}

{% macro beginning_of_time() -%}
    cast('1900-01-01 00:00:00' as {{ dbt.type_timestamp() }})
{%- endmacro %}

{% macro end_of_time() -%}
    cast('9999-12-31 00:00:00' as {{ dbt.type_timestamp() }})
{%- endmacro %}

{#- valid_from of a version: the beginning of time for the versions of the table's first snapshot. -#}
{% macro scd2_valid_from(key_columns, valid_from_column='valid_from') -%}
    case
        when {{ valid_from_column }} is null then {{ fairshare.beginning_of_time() }}
        when
            {{ valid_from_column }} = min({{ valid_from_column }}) over ()
            and row_number() over (
                partition by {{ key_columns | join(', ') }} order by {{ valid_from_column }}
            ) = 1
            then {{ fairshare.beginning_of_time() }}
        else {{ valid_from_column }}
    end
{%- endmacro %}

{% macro scd2_valid_to(valid_to_column='valid_to') -%}
    coalesce({{ valid_to_column }}, {{ fairshare.end_of_time() }})
{%- endmacro %}

{#- A directory version valid at some instant of the billing month (both ends non-null, see above). -#}
{% macro valid_in_billing_month(valid_from_column='valid_from', valid_to_column='valid_to') -%}
    {{ valid_from_column }} < {{ fairshare.billing_month_end() }}
    and {{ valid_to_column }} > {{ fairshare.billing_month_start() }}
{%- endmacro %}

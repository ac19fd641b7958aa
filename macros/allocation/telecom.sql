{#-
    True when a telecom slice/leg of `number_type` / `direction` belongs to a vendor product whose
    telecom_number_types is a comma-separated list (e.g. 'local,mobile') and telecom_direction is a
    direction or null (any). Case-insensitive; spaces in the list ignored.
-#}
{% macro telecom_product_matches(types_column, direction_column, number_type_column, line_direction_column) -%}
    {{ dbt.position(
        dbt.concat(["','", 'lower(' ~ number_type_column ~ ')', "','"]),
        dbt.concat(["','", "lower(replace(" ~ types_column ~ ", ' ', ''))", "','"])
    ) }} > 0
    and ({{ direction_column }} is null or lower({{ direction_column }}) = lower({{ line_direction_column }}))
{%- endmacro %}

{#-
    The money (6 decimals) an object's ORPHAN telecom weight carries: each telecom invoice line's
    cents spread over its driver weight total, summed per object. `weights` is a relation/CTE with
    `key_column`, number_type, direction and cost_weight; `lines` has number_type, direction,
    amount_cents and driver_weight_total. One row per key: key_column, allocated_amount.
-#}
{% macro orphan_telecom_cost_by(weights, key_column, lines='telecom_lines') -%}
    select
        {{ weights }}.{{ key_column }},
        {{ fairshare.scaled_to_decimal(
            'sum(' ~ fairshare.mul_div(
                lines ~ '.amount_cents * 10000',
                weights ~ '.cost_weight',
                lines ~ '.driver_weight_total'
            ) ~ ')', 6
        ) }} as allocated_amount
    from {{ weights }}
    inner join {{ lines }}
        on
            {{ weights }}.number_type = {{ lines }}.number_type
            and {{ weights }}.direction = {{ lines }}.direction
    group by 1
{%- endmacro %}

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

{#-
    Union of relations or CTEs that each have some of `columns` (a list of [name, type] pairs, in
    output order): a part lacking a column gets a typed null for it, in one place instead of one
    cast per column per part. `parts` is a list of [relation or CTE name, [columns it has]].
        {{ fairshare.union_padded(
            [['telecom_drivers', ['allocation_method', 'number_type', ...]], ...],
            [['allocation_method', dbt.type_string()], ['number_type', dbt.type_string()], ...]) }}
-#}
{% macro union_padded(parts, columns) -%}
    {%- for part in parts %}
    select
        {%- for column in columns %}
        {% if column[0] in part[1] %}{{ column[0] }}{% else %}cast(null as {{ column[1] }}) as {{ column[0] }}{% endif %}{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ part[0] }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
{%- endmacro %}

{#- The columns of an allocation driver row (int_allocation_drivers_*), [name, type] in order. -#}
{% macro allocation_driver_columns() -%}
    {{ return([
        ['allocation_method', dbt.type_string()],
        ['number_type', dbt.type_string()],
        ['direction', dbt.type_string()],
        ['product_sku', dbt.type_string()],
        ['cost_center_code', dbt.type_string()],
        ['driver_weight', dbt.type_bigint()],
        ['driver_quantity', fairshare.type_decimal(38, 6)],
        ['driver_variant', dbt.type_string()],
    ]) }}
{%- endmacro %}

{#-
    Generic test: a model's key and its required columns, in one query. Fails on every key
    combination that occurs more than once (a single-column key ignores nulls, like dbt's
    `unique`; a composite key groups nulls, like unique_combination_of_columns) and every key
    with a null in a `not_null` column: the guarantees of one `unique`/`unique_combination_of_columns`
    test plus one `not_null` test per column, for the price of one grouped scan (each generic test
    costs a query and ~30 ms of dbt overhead; a model used to carry up to ten of them).
    On a month-partitioned model or a month-scoped raw table it reads the month being run
    (macros/incremental/get_where_subquery.sql), as the tests it replaces did.

    Usage (model or source table level):
        data_tests:
          - keys_and_not_nulls:
              arguments:
                keys: [billing_month, invoice_id, invoice_line_id]   # unique together; may be []
                not_null: [billing_month, invoice_id, amount]         # never null
-#}
{% test keys_and_not_nulls(model, keys=[], not_null=[]) %}
{%- set required = not_null -%}
{%- if not keys and not required -%}
    {{ exceptions.raise_compiler_error("keys_and_not_nulls needs at least one key or not_null column") }}
{%- endif -%}
{%- set any_null -%}
    {%- if required -%}
    case when {% for column in required %}{{ column }} is null{% if not loop.last %} or {% endif %}{% endfor %} then 1 else 0 end
    {%- else -%}
    0
    {%- endif -%}
{%- endset -%}

{%- if keys %}
with

grouped as (

    select
        {{ keys | join(',\n        ') }},
        count(*) as key_rows,
        sum({{ any_null }}) as rows_with_nulls
    from {{ model }}
    group by {{ keys | join(', ') }}

)

select * from grouped
where
    (key_rows > 1{% if keys | length == 1 %} and {{ keys[0] }} is not null{% endif %})
    or rows_with_nulls > 0
{%- else %}
select
    count(*) as rows_with_nulls
from {{ model }}
where {% for column in required %}{{ column }} is null{% if not loop.last %} or {% endif %}{% endfor %}
having count(*) > 0
{%- endif %}
{% endtest %}

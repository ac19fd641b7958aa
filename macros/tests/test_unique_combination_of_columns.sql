{#-
    Generic test: the combination of `combination_of_columns` is unique (a composite primary
    key). Portable: a plain group by / having, no string concatenation of the keys.
    Usage (model-level, dbt >= 1.10 style):
        data_tests:
          - unique_combination_of_columns:
              arguments:
                combination_of_columns: [billing_month, conversation_id]
-#}
{% test unique_combination_of_columns(model, combination_of_columns) %}

with

duplicates as (

    select
        {{ combination_of_columns | join(',\n        ') }},
        count(*) as row_count
    from {{ model }}
    group by {{ combination_of_columns | join(', ') }}
    having count(*) > 1

)

select * from duplicates

{% endtest %}

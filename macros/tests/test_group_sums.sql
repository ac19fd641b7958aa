{#-
    Generic tests for exact additive invariants (integer columns, so equality is exact).

    group_sum_equals: for every group of `group_by`, sum(column) = `expected` (an SQL expression).
        data_tests:
          - group_sum_equals:
              arguments:
                group_by: [billing_month, conversation_id]
                column: interaction_share_ppb
                expected: 1000000000

    group_sum_matches: for every row of `to`, the sum of `column` over the rows of the tested model
    with the same `group_by` values equals its `to_column` (missing groups count as 0, groups of
    the tested model absent from `to` fail). When the tested model is month-partitioned and
    `group_by` holds billing_month, `to` is read for the month being run only, like the model.
        data_tests:
          - group_sum_matches:
              arguments:
                group_by: [billing_month, conversation_id, session_id]
                column: attributed_cost_weight
                to: ref('int_trunk_legs_costed')
                to_column: leg_cost_nanos
-#}
{% test group_sum_equals(model, group_by, column, expected) %}

with

sums as (

    select
        {{ group_by | join(', ') }},
        sum({{ column }}) as actual_sum
    from {{ model }}
    group by {{ group_by | join(', ') }}

)

select * from sums
where actual_sum <> {{ expected }}

{% endtest %}


{% test group_sum_matches(model, group_by, column, to, to_column) %}

with

sums as (

    select
        {{ group_by | join(', ') }},
        sum({{ column }}) as actual_sum
    from {{ model }}
    group by {{ group_by | join(', ') }}

),

expected as (

    select
        {{ group_by | join(', ') }},
        {{ to_column }} as expected_sum
    from {{ to }}
    {#- the tested model is read for the month being run only (get_where_subquery.sql): so is `to` -#}
    {%- if 'billing_month' in group_by and fairshare.tests_monthly_partition() %}
    where billing_month = {{ fairshare.billing_month() }}
    {%- endif %}

),

compared as (

    select
        {% for key in group_by -%}
        coalesce(sums.{{ key }}, expected.{{ key }}) as {{ key }},
        {% endfor -%}
        coalesce(sums.actual_sum, 0) as actual_sum,
        expected.expected_sum
    from sums
    full outer join expected
        on
            {% for key in group_by -%}
            sums.{{ key }} = expected.{{ key }}{% if not loop.last %} and {% endif %}
            {% endfor %}

)

select * from compared
where expected_sum is null or actual_sum <> expected_sum

{% endtest %}

{{ config(materialized='view') }}
{#-
    The OAuth clients of the billing month without a tag, with their requests' share of the
    api_requests lines (display, 6 places). One row per client, in fct_tagging_coverage's shape.
    A view.
-#}
with

oauth_requests as (
    select * from {{ ref('int_api_requests_aggregated_to_oauth_clients') }}
),

bucket_costs as (
    select * from {{ ref('int_line_cost_buckets') }}
),

api_line_totals as (
    select distinct
        invoice_id,
        invoice_line_id,
        amount_cents,
        driver_weight_total
    from bucket_costs
    where allocation_method = 'api_requests'
),

final as (
    select
        'oauth_client' as object_kind,
        oauth_requests.oauth_client_id as object_id,
        oauth_requests.oauth_client_name as object_name,
        oauth_requests.tag_rule,
        oauth_requests.cost_center_code,
        false as is_ambiguous,
        coalesce(sum({{ fairshare.scaled_to_decimal(
            fairshare.mul_div('api_line_totals.amount_cents * 10000', 'oauth_requests.request_count', 'api_line_totals.driver_weight_total'),
            6
        ) }}), 0) as carried_cost,
        cast(0 as {{ fairshare.type_decimal(38, 6) }}) as shared_lines_cost
    from oauth_requests
    left join api_line_totals
        on 1 = 1
    where oauth_requests.tag_rule = 'untagged'
    group by 1, 2, 3, 4, 5, 6
)

select * from final

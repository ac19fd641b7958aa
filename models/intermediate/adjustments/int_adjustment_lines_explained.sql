{#-
    The adjustment lines of var('billing_month') (int_adjustments_carried) in the shape of
    invoice_lines, each with its plain-language explanation: which closed month, which product and
    driver changed after the close, what was posted and what the rebuild found, and how many of the
    month's records were (re)loaded after the close.
-#}
with

adjustments as (
    select * from {{ ref('int_adjustments_carried') }}
),

digits as (
    select
        *,
        {{ fairshare.format_digits(fairshare.cents_to_amount('amount_cents'), 2) }} as amount_digits,
        {{ fairshare.format_digits(fairshare.cents_to_amount('posted_cents'), 2) }} as posted_digits,
        {{ fairshare.format_digits(fairshare.cents_to_amount('rebuilt_cents'), 2) }} as rebuilt_digits,
        {{ fairshare.format_digits('posted_driver_quantity', 1) }} as posted_quantity_digits,
        {{ fairshare.format_digits('rebuilt_driver_quantity', 1) }} as rebuilt_quantity_digits
    from adjustments
),

formatted as (
    select
        *,
        {{ fairshare.format_money_from_digits('amount_digits', 'amount_cents < 0') }} as amount_text,
        {{ fairshare.format_money_from_digits('posted_digits', 'posted_cents < 0') }} as posted_text,
        {{ fairshare.format_money_from_digits('rebuilt_digits', 'rebuilt_cents < 0') }} as rebuilt_text,
        coalesce(
            {{ fairshare.format_from_digits('posted_quantity_digits', 1, 'posted_driver_quantity < 0') }}, 'none'
        ) as posted_quantity_text,
        coalesce(
            {{ fairshare.format_from_digits('rebuilt_quantity_digits', 1, 'rebuilt_driver_quantity < 0') }}, 'none'
        ) as rebuilt_quantity_text,
        substr(cast(adjusted_month as {{ dbt.type_string() }}), 1, 7) as adjusted_month_text,
        cast(cast(closed_at as date) as {{ dbt.type_string() }}) as closed_on_text
    from digits
),

explained as (
    select
        *,
        coalesce(
            posted_explanation,
            {{ dbt.concat([
                "'Adjustment for '", "adjusted_month_text", "' (closed on '", "closed_on_text", "'): '",
                "product_name", "' recomputed after the close: '", "driver_name", "' '",
                "posted_quantity_text", "' → '", "rebuilt_quantity_text", "' '", "driver_unit",
                "'; posted '", "posted_text", "', now '", "rebuilt_text", "', difference '", "amount_text",
                "'. Since the close, '",
                "cast(late_presence_records as " ~ dbt.type_string() ~ ")", "' presence records, '",
                "cast(late_conversations as " ~ dbt.type_string() ~ ")", "' conversations and '",
                "cast(late_invoice_lines as " ~ dbt.type_string() ~ ")", "' invoice lines of '",
                "adjusted_month_text", "' were loaded (late data, a credit note or a corrected rule).'"
            ]) }}
        ) as explanation
    from formatted
),

final as (
    select
        billing_month,
        adjusted_month,
        invoice_id,
        invoice_line_id,
        cost_center_code,
        cost_category,
        product_sku,
        product_name,
        'adjustment' as allocation_method,
        product_allocation_method,
        'adjustment' as allocation_rule,
        driver_name,
        driver_unit,
        cast(rebuilt_driver_quantity as {{ fairshare.type_decimal(38, 6) }}) as driver_quantity,
        {{ fairshare.cents_to_amount('amount_cents') }} as amount,
        amount_cents,
        explanation
    from explained
)

select * from final

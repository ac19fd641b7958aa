{#-
    The month's vendor invoice must be allocatable before anything is allocated. Called by
    int_invoice_lines_classified with its SQL (a `final` CTE of the month's classified lines); at run
    time (dbt run/build only: `dbt compile` stays offline) it stops the build with one line, prefixed
    `fairshare: ` (the CLI prints that line, exit code 4), naming the invoice, the line and the file
    it came from. In this order:
    1. no invoice line for the month (e.g. last month's invoice CSV loaded for this month);
    2. a product no row of seeds/vendor_products.csv matches (never silently to overhead);
    3. a negative amount on a product that is not a credit (it would credit every department);
    4. two invoices billing the month's products (the same lines loaded twice under two ids): one
       invoice per month, plus credit notes made only of credit products;
    5. an invoice in another currency than var('currency') without a rate in seeds/fx_rates.csv.
-#}
{% macro assert_vendor_invoice_allocatable(classify_sql) -%}
    {%- if not (execute and flags.WHICH in ('run', 'build', 'retry') and model.resource_type == 'model') -%}
        {{ return('') }}
    {%- endif -%}
    {%- set month = fairshare._billing_month_bounds()[0].strftime('%Y-%m') -%}
    {%- set lines_sql -%}
        {{ classify_sql }}
        select
            invoice_id, invoice_line_id, invoice_product_sku, product_name, vendor_amount,
            allocation_method, is_credit_product, vendor_currency, fx_rate, vendor_source
        from final
        order by invoice_id, invoice_line_id
    {%- endset -%}
    {%- set lines = run_query(lines_sql).rows -%}

    {#- 1. an invoice for the month -#}
    {%- if lines | length == 0 -%}
        {%- set others_sql -%}
            select invoice_id, min(date_start), max(source)
            from {{ ref('stg_genesys__invoice_lines') }}
            group by invoice_id
            order by 2 desc
            limit 3
        {%- endset -%}
        {%- set found = [] -%}
        {%- for row in run_query(others_sql).rows -%}
            {%- do found.append(row[0] ~ ' (lines from ' ~ row[1] ~ ', ' ~ row[2] ~ ')') -%}
        {%- endfor -%}
        {{ exceptions.raise_compiler_error(
            "fairshare: no vendor invoice line starts in " ~ month ~ " in " ~ var('raw_schema') ~ ".invoice_lines"
            ~ ((" (found: " ~ (found | join(', ')) ~ ")") if found else "")
            ~ ": load the month's invoice (`fairshare extract --month " ~ month ~ " --invoice-csv FILE`, or the billing API)") }}
    {%- endif -%}

    {#- 2. a rule for every product -#}
    {%- set unknown = [] -%}
    {%- for row in lines if row[5] is none -%}
        {%- do unknown.append("'" ~ (row[2] if row[2] else '(no sku)') ~ " " ~ (row[3] if row[3] else '(no name)')
            ~ "' (invoice " ~ row[0] ~ " line " ~ row[1] ~ ", " ~ row[9] ~ ")") -%}
    {%- endfor -%}
    {%- if unknown -%}
        {{ exceptions.raise_compiler_error(
            "fairshare: Unknown vendor product(s): " ~ (unknown | join(', '))
            ~ " — add a row to seeds/vendor_products.csv (product_sku or product_name_pattern)") }}
    {%- endif -%}

    {#- 3. negative amounts only on credit products -#}
    {%- for row in lines if row[4] < 0 and not row[6] -%}
        {{ exceptions.raise_compiler_error(
            "fairshare: invoice " ~ row[0] ~ " line " ~ row[1] ~ " (" ~ row[9] ~ ") has a negative amount "
            ~ row[4] ~ " on " ~ (row[2] or '') ~ " '" ~ (row[3] or '') ~ "', which is not a credit product: "
            ~ "correct the invoice, or mark the product is_credit in seeds/vendor_products.csv") }}
    {%- endfor -%}

    {#- 4. one invoice for the month (credit notes aside) -#}
    {%- set billing = {} -%}
    {%- for row in lines if not row[6] -%}
        {%- do billing.setdefault(row[0], row[9]) -%}
    {%- endfor -%}
    {%- if billing | length > 1 -%}
        {%- set named = [] -%}
        {%- for invoice_id, source in billing.items() -%}
            {%- do named.append(invoice_id ~ ' (' ~ source ~ ')') -%}
        {%- endfor -%}
        {{ exceptions.raise_compiler_error(
            "fairshare: " ~ (billing | length) ~ " vendor invoices bill " ~ month ~ ": " ~ (named | join(' and '))
            ~ "; one invoice per month (a credit note may carry credit products only): remove the wrong one with "
            ~ "`fairshare extract --month " ~ month ~ " --remove-invoice <id>`") }}
    {%- endif -%}

    {#- 5. the reporting currency, or a rate -#}
    {%- for row in lines if row[8] is none -%}
        {{ exceptions.raise_compiler_error(
            "fairshare: invoice " ~ row[0] ~ " (" ~ row[9] ~ ") is in " ~ row[7] ~ " but the reporting currency is "
            ~ var('currency') ~ " and seeds/fx_rates.csv has no " ~ row[7] ~ "→" ~ var('currency') ~ " rate for "
            ~ month ~ ": add the rate (or set var currency)") }}
    {%- endfor -%}
{%- endmacro %}

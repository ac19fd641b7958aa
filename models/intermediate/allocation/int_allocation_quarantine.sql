{#-
    Raw records the allocation of var('billing_month') excludes or repairs, with the reason: licence
    ids missing from seeds/licence_products.csv (the user is not billed by them), presence intervals
    ending before they start, API usage rows without an OAuth client, invoice lines with sub-cent
    amounts (rounded to the cent). One row per record and reason.
-#}
with

license_users as (
    select * from {{ ref('stg_genesys__license_users') }}
),

licence_products as (
    select * from {{ ref('stg_config__licence_products') }}
),

presence as (
    select * from {{ ref('stg_genesys__user_presence') }}
),

api_usage as (
    select * from {{ ref('stg_genesys__api_usage') }}
    where
        usage_date >= {{ fairshare.billing_month() }}
        and usage_date < {{ fairshare.billing_month_next() }}
),

invoice_lines as (
    select * from {{ ref('int_invoice_lines_classified') }}
),

unknown_licences as (
    select distinct
        'license_user' as record_kind,
        {{ dbt.concat(['license_users.user_id', "'|'", 'license_users.license_id']) }} as record_key,
        cast(null as {{ dbt.type_string() }}) as conversation_id,
        {{ dbt.concat([
            "'unknown licence id '", 'license_users.license_id', "' (not in seeds/licence_products.csv)'"
        ]) }} as reason,
        'excluded: the licence bills nothing until mapped' as action_taken
    from license_users
    left join licence_products
        on lower(trim(license_users.license_id)) = licence_products.license_key
    where
        licence_products.license_id is null
        and (license_users.valid_to is null or license_users.valid_to > {{ fairshare.billing_month_start() }})
),

inverted_presence as (
    select
        'user_presence' as record_kind,
        {{ dbt.concat(['user_id', "'|'", 'cast(started_at as ' ~ dbt.type_string() ~ ')']) }} as record_key,
        cast(null as {{ dbt.type_string() }}) as conversation_id,
        'presence interval ends before it starts' as reason,
        'excluded from logged-in time' as action_taken
    from presence
    where
        ended_at < started_at
        and started_at < {{ fairshare.billing_month_end() }}
        and started_at >= {{ fairshare.billing_month_start() }}
),

anonymous_api_usage as (
    select
        'api_usage' as record_kind,
        cast(usage_date as {{ dbt.type_string() }}) as record_key,
        cast(null as {{ dbt.type_string() }}) as conversation_id,
        'API usage row without an OAuth client id' as reason,
        'counted as ORPHAN requests' as action_taken
    from api_usage
    where oauth_client_id is null
),

sub_cent_lines as (
    select
        'invoice_line' as record_kind,
        {{ dbt.concat(['invoice_id', "'|'", 'invoice_line_id']) }} as record_key,
        cast(null as {{ dbt.type_string() }}) as conversation_id,
        'invoice line amount has more than 2 decimal places' as reason,
        'amount rounded to the cent before allocation' as action_taken
    from invoice_lines
    where vendor_amount * 100 <> amount_cents
),

unioned as (
    select * from unknown_licences
    union all
    select * from inverted_presence
    union all
    select * from anonymous_api_usage
    union all
    select * from sub_cent_lines
),

final as (
    select
        {{ fairshare.billing_month() }} as billing_month,
        record_kind,
        record_key,
        conversation_id,
        reason,
        action_taken
    from unioned
)

select * from final

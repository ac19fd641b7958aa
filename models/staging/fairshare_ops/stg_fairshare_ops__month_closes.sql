with

source as (

    select * from {{ source('fairshare_ops', 'month_closes') }}

),

renamed as (

    select
        cast(billing_month as date) as billing_month,
        cast(close_revision as {{ dbt.type_bigint() }}) as close_revision,
        cast(publication_revision as {{ dbt.type_bigint() }}) as publication_revision,
        cast(invoice_lines_cents as {{ dbt.type_bigint() }}) as invoice_lines_cents,
        cast(closed_by as {{ dbt.type_string() }}) as closed_by,
        cast(build_invocation_id as {{ dbt.type_string() }}) as build_invocation_id,
        cast(invoice_lines_checksum as {{ dbt.type_string() }}) as invoice_lines_checksum,
        cast(closed_at as {{ dbt.type_timestamp() }}) as closed_at

    from source

)

select * from renamed

{#-
    What caused the part of each vendor invoice line of the billing month that no department is
    responsible for (its ORPHAN bucket), in words an invoice reader understands: "602 callers hung
    up in the IVR menu (1,210.5 min); menu time of 1,848 calls before the caller chose a department
    (815.0 min)". One row per invoice line with ORPHAN usage behind it; the causes
    (int_orphan_causes_counted) are ordered by the driver quantity they carry. Display only: the
    allocation itself never reads this.
-#}
with

all_causes as (
    select * from {{ ref('int_orphan_causes_counted') }}
),

-- the invoice lines that have a part nobody is responsible for
orphan_lines as (
    select distinct
        invoice_id,
        invoice_line_id
    from {{ ref('int_invoice_line_weights_joined') }}
    where cost_center_code = 'ORPHAN' and driver_weight > 0
),

digits as (
    select
        *,
        {{ fairshare.format_digits('cause_count', 0) }} as count_digits,
        {{ fairshare.format_digits('cause_quantity', 1) }} as quantity_digits_1,
        {{ fairshare.format_digits('cause_quantity', 2) }} as quantity_digits_2
    from all_causes
),

formatted as (
    select
        *,
        {{ fairshare.format_from_digits('count_digits', 0) }} as count_text,
        case
            when cause_unit in ('min', 'h') then {{ dbt.concat([
                "' ('", fairshare.format_from_digits('quantity_digits_1', 1), "' '", "cause_unit", "')'"
            ]) }}
            when
                cause_unit = 'interactions'
                and cause_quantity <> cast(cause_count as {{ fairshare.type_decimal(38, 6) }})
                then {{ dbt.concat([
                    "' ('", fairshare.format_from_digits('quantity_digits_2', 2), "' interactions)'"
                ]) }}
            else ''
        end as quantity_text,
        case when cause_count = 1 then 1 else 0 end as is_single
    from digits
),

described as (
    select
        invoice_id,
        invoice_line_id,
        coalesce(cause_quantity, 0) as cause_weight,
        case cause
            when 'ivr_abandon' then {{ dbt.concat([
                "count_text", "case when is_single = 1 then ' caller' else ' callers' end",
                "' hung up in the IVR menu before reaching a department'", "quantity_text"
            ]) }}
            when 'ivr_before_choice' then {{ dbt.concat([
                "'IVR menu time of '", "count_text", "case when is_single = 1 then ' call' else ' calls' end",
                "' before the caller chose a department'", "quantity_text"
            ]) }}
            when 'untagged_queue' then {{ dbt.concat([
                "count_text", "case when is_single = 1 then ' call' else ' calls' end",
                "' in queues without a cost center'", "quantity_text"
            ]) }}
            when 'untagged_agent' then {{ dbt.concat([
                "count_text", "case when is_single = 1 then ' call' else ' calls' end",
                "' with agents without a cost center'", "quantity_text"
            ]) }}
            when 'unowned' then {{ dbt.concat([
                "count_text", "case when is_single = 1 then ' call leg' else ' call legs' end",
                "' outside any menu, queue or agent'", "quantity_text"
            ]) }}
            when 'untagged_handling' then {{ dbt.concat([
                "count_text", "case when is_single = 1 then ' conversation' else ' conversations' end",
                "' handled in queues or by agents without a cost center'", "quantity_text"
            ]) }}
            when 'unrouted' then {{ dbt.concat([
                "count_text", "case when is_single = 1 then ' conversation' else ' conversations' end",
                "' that ended in a shared menu without reaching a department'", "quantity_text"
            ]) }}
            when 'untagged_user' then {{ dbt.concat([
                "count_text", "case when is_single = 1 then ' user' else ' users' end", "' without a cost center'"
            ]) }}
            when 'unused_licence' then {{ dbt.concat([
                "count_text", "case when is_single = 1 then ' prepaid licence' else ' prepaid licences' end",
                "' nobody logged in with'"
            ]) }}
            when 'untagged_client' then {{ dbt.concat([
                "count_text", "case when is_single = 1 then ' OAuth client' else ' OAuth clients' end",
                "' without a cost center'"
            ]) }}
            else 'users without a cost center at the peak'
        end as cause_text
    from formatted
    where cause_count is null or cause_count > 0
),

final as (
    select
        {{ fairshare.billing_month() }} as billing_month,
        described.invoice_id,
        described.invoice_line_id,
        count(*) as cause_count,
        {{ dbt.listagg(
            'described.cause_text', "'; '", 'order by described.cause_weight desc, described.cause_text'
        ) }} as orphan_causes
    from described
    inner join orphan_lines
        on
            described.invoice_id = orphan_lines.invoice_id
            and described.invoice_line_id = orphan_lines.invoice_line_id
    group by described.invoice_id, described.invoice_line_id
)

select * from final

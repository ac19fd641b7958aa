{{ config(**fairshare.monthly_partition()) }}
-- Billable voice legs overlapping the billing month (int_trunk_legs_identified: connection to
-- hang-up, cut at the month's boundaries) with their telecom cost:
-- - from the Genesys Cloud Voice usage file when a row has the leg's SIP call id (its cost is the truth);
-- - else from the rate card: the leg's seconds rounded up to the rate's billing increment (6 s)
--   x the rate per minute of seeds/telecom_rates.csv (exact country, else the '*' row).
-- A leg cut at a month boundary has its cost split in proportion to milliseconds with the
-- telescoping rule cost(a, b) = F(b) - F(a), F(t) = floor(total_cost * elapsed(t) / total_ms), so the
-- parts of a leg in two months add up to its cost exactly.
-- Costs are integer nano-units (10^-9 of the currency) in *_nanos and exact decimals in *_cost.

with

legs as (

    select * from {{ ref('int_trunk_legs_identified') }}

),

voice_usage as (

    select
        trim(sip_call_id) as sip_call_id,
        lower(direction) as direction,
        lower(number_type) as number_type,
        trim(did) as did,
        billed_seconds,
        rate_per_minute,
        cost
    from {{ ref('stg_genesys__voice_usage') }}

),

with_usage as (

    select
        legs.conversation_key,
        legs.conversation_id,
        legs.session_id,
        legs.protocol_call_id,
        legs.total_leg_started_ms,
        legs.total_leg_ended_ms,
        legs.total_leg_ms,
        legs.leg_started_ms,
        legs.leg_ended_ms,
        legs.country_code,
        coalesce(voice_usage.direction, legs.session_direction) as direction,
        coalesce(voice_usage.number_type, legs.session_number_type) as number_type,
        coalesce(voice_usage.did, legs.session_did) as did,
        voice_usage.sip_call_id is not null as has_voice_usage,
        voice_usage.billed_seconds as usage_billed_seconds,
        voice_usage.rate_per_minute as usage_rate_per_minute,
        voice_usage.cost as usage_cost
    from legs
    left join voice_usage
        on
            legs.protocol_call_id = voice_usage.sip_call_id
            and legs.call_id_rank = 1

),

rates as (

    select
        number_type,
        direction,
        country_code,
        rate_per_minute,
        billing_increment_seconds
    from {{ ref('stg_config__telecom_rates') }}

),

rate_candidates as (

    select
        with_usage.conversation_id,
        with_usage.session_id,
        rates.rate_per_minute,
        rates.billing_increment_seconds,
        row_number() over (
            partition by with_usage.conversation_id, with_usage.session_id
            order by
                case when rates.country_code = '*' then 1 else 0 end,
                case when rates.direction = '*' then 1 else 0 end
        ) as rate_rank
    from with_usage
    inner join rates
        on
            with_usage.number_type = rates.number_type
            and (with_usage.direction = rates.direction or rates.direction = '*')
            and (with_usage.country_code = rates.country_code or rates.country_code = '*')
    where not with_usage.has_voice_usage

),

costed as (

    select
        with_usage.*,
        case
            when with_usage.has_voice_usage then 'voice_usage_file'
            else 'rate_card'
        end as cost_source,
        case
            when with_usage.has_voice_usage then with_usage.usage_rate_per_minute
            else rate_candidates.rate_per_minute
        end as rate_per_minute,
        case
            when with_usage.has_voice_usage then with_usage.usage_billed_seconds
            when rate_candidates.billing_increment_seconds is null then 0
            else
                cast({{ fairshare.int_div(
                    'with_usage.total_leg_ms + rate_candidates.billing_increment_seconds * 1000 - 1',
                    'rate_candidates.billing_increment_seconds * 1000'
                ) }} as {{ dbt.type_bigint() }}) * rate_candidates.billing_increment_seconds
        end as billed_seconds,
        rate_candidates.rate_per_minute is null and not with_usage.has_voice_usage as is_missing_rate,
        rate_candidates.rate_per_minute as card_rate_per_minute
    from with_usage
    left join rate_candidates
        on
            with_usage.conversation_id = rate_candidates.conversation_id
            and with_usage.session_id = rate_candidates.session_id
            and rate_candidates.rate_rank = 1

),

total_costs as (

    select
        *,
        case
            when has_voice_usage then {{ fairshare.decimal_to_nanos('usage_cost') }}
            when card_rate_per_minute is null then 0
            else
                cast({{ fairshare.mul_div(
                    'billed_seconds',
                    fairshare.decimal_to_nanos('card_rate_per_minute'),
                    '60'
                ) }} as {{ dbt.type_bigint() }})
        end as total_cost_nanos
    from costed

),

month_costs as (

    select
        *,
        case
            when total_leg_ms = 0 then total_cost_nanos
            else
                cast(
                    {{ fairshare.mul_div(
                        'total_cost_nanos', 'leg_ended_ms - total_leg_started_ms', 'total_leg_ms'
                    ) }}
                    - {{ fairshare.mul_div(
                        'total_cost_nanos', 'leg_started_ms - total_leg_started_ms', 'total_leg_ms'
                    ) }}
                    as {{ dbt.type_bigint() }}
                )
        end as leg_cost_nanos
    from total_costs

),

dids as (

    select
        did_id,
        phone_number,
        valid_from,
        valid_to
    from {{ ref('int_dids_tagged_to_cost_centers') }}

),

with_did as (

    select
        month_costs.*,
        dids.did_id,
        row_number() over (
            partition by month_costs.conversation_id, month_costs.session_id order by dids.did_id
        ) as did_rank
    from month_costs
    left join dids
        on
            month_costs.did = dids.phone_number
            and dids.valid_from <= {{ fairshare.from_epoch_ms('month_costs.total_leg_started_ms') }}
            and dids.valid_to > {{ fairshare.from_epoch_ms('month_costs.total_leg_started_ms') }}

),

final as (

    select
        conversation_id,
        session_id,
        protocol_call_id,
        {{ fairshare.billing_month() }} as billing_month,
        direction,
        did,
        did_id,
        number_type,
        country_code,
        {{ fairshare.from_epoch_ms('leg_started_ms') }} as leg_started_at,
        {{ fairshare.from_epoch_ms('leg_ended_ms') }} as leg_ended_at,
        leg_ended_ms - leg_started_ms as leg_ms,
        billed_seconds,
        rate_per_minute,
        {{ fairshare.nanos_to_decimal('leg_cost_nanos') }} as leg_cost,
        cost_source,
        leg_cost_nanos,
        leg_started_ms,
        leg_ended_ms,
        total_leg_started_ms,
        total_leg_ms,
        total_cost_nanos,
        {{ fairshare.nanos_to_decimal('total_cost_nanos') }} as total_leg_cost,
        total_leg_ms != leg_ended_ms - leg_started_ms as is_cut_at_month_boundary,
        is_missing_rate,
        conversation_key
    from with_did
    where did_rank = 1

)

select * from final


    

    create  table
      "dbt2"."intermediate"."int_named_users_split_to_cost_centers__dbt_tmp"
  
    
    as (
      with

logins as (
    select * from "dbt2"."intermediate"."int_user_logins_clipped_to_month"
),

licensed as (
    select * from "dbt2"."intermediate"."int_users_licensed_for_month"
    where billing_model = 'named'
),

user_tags as (
    select * from "dbt2"."intermediate"."int_users_tagged_to_cost_centers"
),

named_logins as (
    select
        logins.user_id,
        licensed.license_id,
        licensed.product_sku,
        logins.logged_in_from,
        logins.logged_in_to,
        logins.logged_in_ms
    from logins
    inner join licensed
        on logins.user_id = licensed.user_id
),

tagged_overlaps as (
    select
        named_logins.user_id,
        user_tags.cost_center_code,
        (epoch_ms(least(named_logins.logged_in_to, user_tags.valid_to)) - epoch_ms(greatest(named_logins.logged_in_from, user_tags.valid_from))) as overlap_ms
    from named_logins
    inner join user_tags
        on
            named_logins.user_id = user_tags.user_id
            and user_tags.valid_from < named_logins.logged_in_to
            and user_tags.valid_to > named_logins.logged_in_from
),

login_totals as (
    select
        user_id,
        max(license_id) as license_id,
        max(product_sku) as product_sku,
        sum(logged_in_ms) as logged_in_ms
    from named_logins
    group by 1
),

tagged_totals as (
    select
        user_id,
        coalesce(cost_center_code, 'ORPHAN') as cost_center_code,
        sum(overlap_ms) as logged_in_ms
    from tagged_overlaps
    group by 1, 2
),

untagged_time as (
    select
        login_totals.user_id,
        'ORPHAN' as cost_center_code,
        login_totals.logged_in_ms - coalesce(sum(tagged_totals.logged_in_ms), 0) as logged_in_ms
    from login_totals
    left join tagged_totals
        on login_totals.user_id = tagged_totals.user_id
    group by login_totals.user_id, login_totals.logged_in_ms
),

all_time as (
    select * from tagged_totals
    union all
    select * from untagged_time
    where logged_in_ms > 0
),

time_by_cost_center as (
    select
        user_id,
        cost_center_code,
        sum(logged_in_ms) as logged_in_ms
    from all_time
    group by 1, 2
),

user_weights as (
    select
        time_by_cost_center.user_id,
        time_by_cost_center.cost_center_code,
        cast(time_by_cost_center.logged_in_ms as bigint) as logged_in_ms,
        cast(1000000000 as bigint) as user_ppb
    from time_by_cost_center
    where time_by_cost_center.logged_in_ms > 0
),

user_split__base as (
    select
        user_weights.*,
        sum(logged_in_ms) over (partition by user_id) as lr_weight_total,
        case when user_ppb < 0 then -1 else 1 end as lr_sign,
        abs(user_ppb) as lr_abs_amount
    from user_weights
),

user_split__ranked as (
    select
        user_split__base.*,
        cast(((cast(cast(lr_abs_amount as hugeint) * cast(logged_in_ms as hugeint) as hugeint) - (((cast(cast(lr_abs_amount as hugeint) * cast(logged_in_ms as hugeint) as hugeint) % cast(cast(lr_weight_total as hugeint) as hugeint)) + cast(cast(lr_weight_total as hugeint) as hugeint)) % cast(cast(lr_weight_total as hugeint) as hugeint))) // cast(cast(lr_weight_total as hugeint) as hugeint)) as bigint) as lr_base,
        cast(lr_abs_amount as hugeint) * cast(logged_in_ms as hugeint)
        - cast(((cast(cast(lr_abs_amount as hugeint) * cast(logged_in_ms as hugeint) as hugeint) - (((cast(cast(lr_abs_amount as hugeint) * cast(logged_in_ms as hugeint) as hugeint) % cast(cast(lr_weight_total as hugeint) as hugeint)) + cast(cast(lr_weight_total as hugeint) as hugeint)) % cast(cast(lr_weight_total as hugeint) as hugeint))) // cast(cast(lr_weight_total as hugeint) as hugeint)) as hugeint) * cast(lr_weight_total as hugeint) as lr_remainder
    from user_split__base
),

user_split as (
    select
        user_split__ranked.*,
        row_number() over (
            partition by user_id
            order by lr_remainder desc, cost_center_code
        ) as lr_rank,
        lr_sign * (
            lr_base
            + case
                when row_number() over (
                    partition by user_id
                    order by lr_remainder desc, cost_center_code
                ) <= lr_abs_amount - sum(lr_base) over (partition by user_id)
                    then 1
                else 0
            end
        ) as user_share_ppb
    from user_split__ranked
),

user_names as (
    select
        user_id,
        max(user_name) as user_name
    from user_tags
    group by 1
),

final as (
    select
        cast('2026-10-01' as date) as billing_month,
        user_split.user_id,
        user_names.user_name,
        user_split.cost_center_code,
        login_totals.license_id,
        login_totals.product_sku,
        user_split.logged_in_ms,
        user_split.user_share_ppb,
        (cast(user_split.user_share_ppb as decimal(38, 0)) * cast(0.000000001 as decimal(38, 9))) as logged_in_share
    from user_split
    inner join login_totals
        on user_split.user_id = login_totals.user_id
    left join user_names
        on user_split.user_id = user_names.user_id
)

select * from final
    );
    
  

    

    create  table
      "dbt2"."intermediate"."int_concurrency_slices_by_cost_center__dbt_tmp"
  
    
    as (
      with

user_slices as (
    select * from "dbt2"."intermediate"."int_concurrent_users_sliced"
),

final as (
    select
        billing_month,
        slice_index,
        slice_started_at,
        cost_center_code,
        count(*) as concurrent_users,
        sum(case when is_borrowed then 1 else 0 end) as borrowed_users
    from user_slices
    group by 1, 2, 3, 4
)

select * from final
    );
    
  
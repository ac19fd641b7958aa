-- The publisher needs, for every cost category a vendor product can carry, a FOCUS row
-- (seeds/focus_charge_categories.csv) and GL accounts for every cost center
-- (seeds/gl_account_map.csv: the category's row, or a '*' row), and a company for every cost center
-- (seeds/gl_cost_center_companies.csv, or a '*' row). Each row returned is a gap.
with

categories as (
    select distinct cost_category from {{ ref('vendor_products') }}
),

cost_centers as (
    select cost_center_code from {{ ref('cost_centers') }}
),

focus_categories as (
    select cost_category from {{ ref('focus_charge_categories') }}
),

account_map as (
    select
        cost_category,
        upper(cost_center_code) as cost_center_code
    from {{ ref('gl_account_map') }}
),

cost_center_companies as (
    select upper(cost_center_code) as cost_center_code from {{ ref('gl_cost_center_companies') }}
),

missing_focus as (
    select
        'focus_charge_categories' as seed_name,
        categories.cost_category,
        cast(null as {{ dbt.type_string() }}) as cost_center_code
    from categories
    left join focus_categories
        on categories.cost_category = focus_categories.cost_category
    where focus_categories.cost_category is null
),

missing_accounts as (
    select
        'gl_account_map' as seed_name,
        categories.cost_category,
        cost_centers.cost_center_code
    from categories
    cross join cost_centers
    where not exists (
        select 1
        from account_map
        where
            account_map.cost_category in (categories.cost_category, '*')
            and account_map.cost_center_code in (upper(cost_centers.cost_center_code), '*')
    )
),

missing_companies as (
    select
        'gl_cost_center_companies' as seed_name,
        cast(null as {{ dbt.type_string() }}) as cost_category,
        cost_centers.cost_center_code
    from cost_centers
    where not exists (
        select 1
        from cost_center_companies
        where cost_center_companies.cost_center_code in (upper(cost_centers.cost_center_code), '*')
    )
),

final as (
    select * from missing_focus
    union all
    select * from missing_accounts
    union all
    select * from missing_companies
)

select * from final

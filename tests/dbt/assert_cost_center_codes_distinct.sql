-- Cost-center codes are distinct once normalised: the models join codes upper-cased and trimmed,
-- and the publisher names each department's invoice file and site after the code's slug. Two rows
-- of seeds/cost_centers.csv that normalise alike ('HR' and ' hr') or slug alike ('HR' and 'HR!')
-- would merge two departments' money or overwrite one's invoice with the other's.
-- (`fairshare build` checks the CSV itself first and names the rows.)
with

codes as (
    select
        cost_center_code,
        upper(trim(cost_center_code)) as normalised_code,
        {{ fairshare.code_slug('cost_center_code') }} as code_slug
    from {{ ref('cost_centers') }}
),

normalised_clashes as (
    select
        normalised_code as clash,
        'same code once upper-cased and trimmed' as reason,
        count(*) as codes
    from codes
    group by normalised_code
    having count(*) > 1
),

slug_clashes as (
    select
        code_slug as clash,
        'same file-name slug' as reason,
        count(distinct normalised_code) as codes
    from codes
    group by code_slug
    having count(distinct normalised_code) > 1
)

select * from normalised_clashes
union all
select * from slug_clashes

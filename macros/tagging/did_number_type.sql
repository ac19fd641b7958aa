{#-
    Number type of one of the org's own DIDs (E.164), for the DID tag table: the DID directory has
    no number type, so it is read from the number plan. North American toll-free prefixes
    (+1 800/833/844/855/866/877/888) and the common international freephone ranges (+33 80x,
    +44 800/808, +49 800, +61 1800, +800 UIFN) are 'toll_free'; everything else is 'local'. The
    call legs themselves carry the number type Genesys reports, which costing uses.
-#}
{% macro did_number_type(phone_number) -%}
    case
        when {{ phone_number }} like '+1800%' or {{ phone_number }} like '+1833%'
            or {{ phone_number }} like '+1844%' or {{ phone_number }} like '+1855%'
            or {{ phone_number }} like '+1866%' or {{ phone_number }} like '+1877%'
            or {{ phone_number }} like '+1888%' or {{ phone_number }} like '+3380%'
            or {{ phone_number }} like '+44800%' or {{ phone_number }} like '+44808%'
            or {{ phone_number }} like '+49800%' or {{ phone_number }} like '+611800%'
            or {{ phone_number }} like '+800%'
            then 'toll_free'
        when {{ phone_number }} is not null then 'local'
    end
{%- endmacro %}

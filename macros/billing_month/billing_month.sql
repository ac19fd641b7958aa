{#-
    The billing month: the one month a build allocates. Every model, test and hook reads it
    through these macros; they compute literals in Jinja (no engine date math), typed like staging.

    Where the month comes from (billing_month_value()):
    1. `--vars '{billing_month: 2026-11-01}'` (plain dbt) or a unit test's `overrides: vars:`;
    2. else the environment variable FAIRSHARE_BILLING_MONTH (what `fairshare build` sets);
    3. else 2026-10-01 (the demo month).
    Both 1 and 2 given and different is an error: no build runs a month it was not asked for.

    Why an environment variable: dbt reparses the whole project whenever `--vars` change (the
    vars are hashed into the partial-parse state, dbt/parser/manifest.py
    build_manifest_state_check), so passing the month as a var cost a full parse on every month
    change. dbt 1.11 instead records an env_var() read while a file is *parsed* on that file only
    (dbt/context/providers.py, ModelContext.env_var; dbt/parser/partial.py
    build_env_vars_to_files) and reparses just those files when its value changes. The month is
    read only while executing (`execute`): at parse time these macros see the default month, so
    no file records the variable and a month change reparses nothing. The one exception is a
    config that needs the month at parse time (BigQuery's static `partitions`,
    billing_month(at_parse=true)): those model files record the variable and are reparsed, alone,
    when the month changes.
-#}

{#- The billing month as 'YYYY-MM-01'. at_parse=true reads the environment also while parsing. -#}
{% macro billing_month_value(at_parse=false) -%}
    {%- set default_month = '2026-10-01' -%}
    {%- set from_var = var('billing_month', none) -%}
    {%- set from_env = (env_var('FAIRSHARE_BILLING_MONTH', '') if (execute or at_parse) else '') | trim -%}
    {%- set cli_vars = invocation_args_dict.get('vars') if invocation_args_dict is mapping else none -%}
    {%- set cli_has_month = cli_vars is mapping and 'billing_month' in cli_vars -%}
    {%- if from_var is not none and from_var | string | trim != '' -%}
        {%- set month = from_var | string | trim -%}
        {%- if cli_has_month and from_env and from_env != month -%}
            {{ exceptions.raise_compiler_error(
                "fairshare: the billing month is given twice and differs: --vars billing_month=" ~ month
                ~ " and FAIRSHARE_BILLING_MONTH=" ~ from_env ~ "; unset one of them") }}
        {%- endif -%}
    {%- elif from_env -%}
        {%- set month = from_env -%}
    {%- else -%}
        {%- set month = default_month -%}
    {%- endif -%}
    {%- set parsed = modules.re.fullmatch('[0-9]{4}-(0[1-9]|1[0-2])-01', month) -%}
    {%- if parsed is none -%}
        {{ exceptions.raise_compiler_error(
            "fairshare: the billing month must be the first day of a month (YYYY-MM-01), got '" ~ month ~ "'") }}
    {%- endif -%}
    {{ return(month) }}
{%- endmacro %}

{#- [first day of the billing month, first day of the next month] as Python datetimes. -#}
{% macro _billing_month_bounds(at_parse=false) -%}
    {%- set first = modules.datetime.datetime.strptime(fairshare.billing_month_value(at_parse), '%Y-%m-%d') -%}
    {%- if first.month == 12 -%}
        {%- set following = first.replace(year=first.year + 1, month=1) -%}
    {%- else -%}
        {%- set following = first.replace(month=first.month + 1) -%}
    {%- endif -%}
    {{ return([first, following]) }}
{%- endmacro %}

{#- THE billing-month macro: the month as a date literal (the partition column of the monthly
    models, `where billing_month = {{ fairshare.billing_month() }}`). -#}
{% macro billing_month(at_parse=false) -%}
    {{ return("cast('" ~ fairshare.billing_month_value(at_parse) ~ "' as date)") }}
{%- endmacro %}

{#- First day of the following month (date literal). -#}
{% macro billing_month_next() -%}
    {{ return("cast('" ~ fairshare._billing_month_bounds()[1].strftime('%Y-%m-%d') ~ "' as date)") }}
{%- endmacro %}

{#- First instant of the billing month (timestamp literal, UTC). -#}
{% macro billing_month_start() -%}
    {{ return("cast('" ~ fairshare._billing_month_bounds()[0].strftime('%Y-%m-%d %H:%M:%S') ~ "' as " ~ dbt.type_timestamp() ~ ")") }}
{%- endmacro %}

{#- First instant of the following month (exclusive end, timestamp literal, UTC). -#}
{% macro billing_month_end() -%}
    {{ return("cast('" ~ fairshare._billing_month_bounds()[1].strftime('%Y-%m-%d %H:%M:%S') ~ "' as " ~ dbt.type_timestamp() ~ ")") }}
{%- endmacro %}

{#- [start, end) of the billing month as integer epoch milliseconds. -#}
{% macro _billing_month_epoch_bounds() -%}
    {%- set bounds = fairshare._billing_month_bounds() -%}
    {%- set epoch = modules.datetime.datetime(1970, 1, 1) -%}
    {{ return([((bounds[0] - epoch).days * 86400000) | int, ((bounds[1] - epoch).days * 86400000) | int]) }}
{%- endmacro %}

{#- First instant of the billing month in epoch milliseconds (integer literal). -#}
{% macro billing_month_start_ms() -%}
    {{ return(fairshare._billing_month_epoch_bounds()[0]) }}
{%- endmacro %}

{#- First instant of the following month in epoch milliseconds (exclusive end, integer literal). -#}
{% macro billing_month_end_ms() -%}
    {{ return(fairshare._billing_month_epoch_bounds()[1]) }}
{%- endmacro %}

{#- Milliseconds in the billing month (integer literal). -#}
{% macro billing_month_ms() -%}
    {%- set bounds = fairshare._billing_month_epoch_bounds() -%}
    {{ return((bounds[1] - bounds[0]) | int) }}
{%- endmacro %}

{#- Number of concurrency slices in the billing month. -#}
{% macro billing_month_slices() -%}
    {{ return((fairshare.billing_month_ms() // fairshare.concurrency_slice_ms()) | int) }}
{%- endmacro %}

{#- Timestamp `ms` milliseconds after the billing month start (via epoch milliseconds: exact on every engine). -#}
{% macro billing_month_offset(ms) -%}
    {{ return(fairshare.from_epoch_ms(fairshare.billing_month_start_ms() ~ ' + ' ~ ms)) }}
{%- endmacro %}

{#- Integer milliseconds from the billing month start to a timestamp (negative before the month). -#}
{% macro billing_month_ms_of(timestamp_expression) -%}
    {{ return('(' ~ fairshare.epoch_ms(timestamp_expression) ~ ' - ' ~ fairshare.billing_month_start_ms() ~ ')') }}
{%- endmacro %}

{#-
    The rows of a conversation child table (participants, sessions, segments: they carry their
    conversation's start, conversation_started_at) that can belong to the month's conversations:
    started between the earliest start of `conversations` (a relation or CTE with
    conversation_started_at: the conversations overlapping the month) and the month's end. A range
    on the start lets the warehouse skip the other months' data (DuckDB zone maps, Snowflake
    micro-partition pruning, the bound is pushed down even as a scalar subquery) instead of
    scanning the whole history. Rows landed before the column existed (null start) are kept too:
    they are only found by the join on the conversation id that follows, as before.
    The caller still joins on the conversation id: this only narrows what is read.
-#}
{% macro month_conversation_rows(relation, columns, conversations) -%}
    select
        {{ columns | join(',\n        ') }}
    from {{ relation }}
    where
        conversation_started_at >= (select min(conversation_started_at) from {{ conversations }})
        and conversation_started_at < {{ fairshare.billing_month_end() }}
    union all
    select
        {{ columns | join(',\n        ') }}
    from {{ relation }}
    where conversation_started_at is null
{%- endmacro %}


-- Fixture for cost_center_aliases
select cast(null as character varying(256)) as "alias", cast(null as character varying(256)) as "alias_kind", cast(null as character varying(256)) as "cost_center_code"
    limit 0
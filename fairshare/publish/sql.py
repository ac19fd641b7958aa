"""SQL over the marts and seeds of one read-only DuckDB connection (the publisher's reads)."""

from __future__ import annotations

from collections.abc import Sequence

import duckdb


class MartReader:
    """Queries on one read-only connection; table names are qualified with the file's catalog
    and the marts schema (or the given one)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, schema: str) -> None:
        self.con = con
        self.schema = schema
        row = con.execute("select current_database()").fetchone()
        self.catalog = str(row[0]) if row else ""

    def table(self, name: str, schema: str | None = None) -> str:
        """Fully qualified, so a file named like the schema (marts.duckdb) is not ambiguous."""
        return f'"{self.catalog}"."{schema or self.schema}"."{name}"'

    def columns(self, table: str, schema: str | None = None) -> set[str] | None:
        """The table's column names (lower case); None when the table does not exist."""
        rows = self.con.execute(
            "select lower(column_name) from information_schema.columns "
            "where table_catalog = ? and table_schema = ? and table_name = ?",
            [self.catalog, schema or self.schema, table],
        ).fetchall()
        return {r[0] for r in rows} or None

    def rows(self, sql: str, params: Sequence[object] = ()) -> list[tuple]:
        return self.con.execute(sql, list(params)).fetchall()

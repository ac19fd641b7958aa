"""Genesys Cloud loaders (dlt): the raw contract, the API client and the `genesys_source`.

Modules: `schema` (the raw tables: the single source of the contract), `settings` (endpoints and
permissions), `client` (OAuth, paging, retries, rate limit), `jobs` (async analytics jobs),
`privacy`, `flatten`/`arrow_flatten` (conversation JSON to flat tables), `csv_files` (invoice and
voice usage files), `source` (the dlt source and its resources) and `pipeline` (`run_extract`).

The package itself imports nothing heavy: `ingestion.genesys.schema` is usable without dlt (the
sandbox generator writes files in the contract's formats). `genesys_source` and
`DIRECTORY_RESOURCES` are re-exported lazily from `source`.
"""

from __future__ import annotations

from typing import Any

__all__ = ["DIRECTORY_RESOURCES", "genesys_source"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from ingestion.genesys import source

        return getattr(source, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

"""Arrow tables and dlt column hints built from the raw contract (`schema.py`).

Loaders hand dlt `pyarrow.Table`s (dlt's arrow path, written as parquet): timestamps as UTC
microseconds, dates as date32, money/quantity/rate as decimal128 with the precision of
`schema.DECIMAL_TYPES`. Decimal values are never computed through float arithmetic: strings
(CSV files) are parsed exactly; JSON numbers arrive as `Decimal`s parsed from the response text
(`GenesysClient.request(exact_numbers=True)`) and go through `json_number`, which removes the
artefacts of a sender's binary floats (digits past the 15th significant one, e.g.
0.30000000000000004 -> 0.3). Directory tables kept with scd2 get a content hash in `_dlt_id`
(dlt's row version column for scd2) that ignores `_loaded_at`, so an unchanged object never opens
a new version.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from typing import Any

import orjson
import pyarrow as pa
import pyarrow.compute as pc

from ingestion.genesys.errors import GenesysApiError
from ingestion.genesys.schema import DECIMAL_TYPES, TABLES, Column, RawTable

TIMESTAMP = pa.timestamp("us", tz="UTC")
ROW_HASH = "_dlt_id"
LOADED_AT = "_loaded_at"

_ARROW_TYPES: dict[str, pa.DataType] = {
    "text": pa.string(),
    "bigint": pa.int64(),
    "double": pa.float64(),
    "bool": pa.bool_(),
    "date": pa.date32(),
    "timestamp": TIMESTAMP,
}
_DLT_TYPES: dict[str, str] = {
    "text": "text",
    "bigint": "bigint",
    "double": "double",
    "bool": "bool",
    "date": "date",
    "timestamp": "timestamp",
    "money": "decimal",
    "quantity": "decimal",
    "rate": "decimal",
}


def arrow_type(column: Column) -> pa.DataType:
    if column.type in DECIMAL_TYPES:
        precision, scale = DECIMAL_TYPES[column.type]
        return pa.decimal128(precision, scale)
    return _ARROW_TYPES[column.type]


def is_scd2(table: RawTable) -> bool:
    return table.write_disposition == "scd2"


def arrow_schema(table_name: str) -> pa.Schema:
    """Arrow schema of a raw table (plus `_dlt_id` for scd2 tables)."""
    table = TABLES[table_name]
    fields = [pa.field(c.name, arrow_type(c), nullable=c.nullable) for c in table.columns]
    if is_scd2(table):
        fields.append(pa.field(ROW_HASH, pa.string(), nullable=False))
    return pa.schema(fields)


def dlt_columns(table_name: str) -> dict[str, dict[str, Any]]:
    """dlt column hints of a raw table, in contract order."""
    table = TABLES[table_name]
    columns: dict[str, dict[str, Any]] = {}
    for column in table.columns:
        hint: dict[str, Any] = {
            "name": column.name,
            "data_type": _DLT_TYPES[column.type],
            "nullable": column.nullable,
            "description": column.description,
        }
        if column.type in DECIMAL_TYPES:
            hint["precision"], hint["scale"] = DECIMAL_TYPES[column.type]
        if column.type == "timestamp":
            hint["timezone"] = True
            hint["precision"] = 6
        columns[column.name] = hint
    return columns


# A binary double carries 15 significant decimal digits exactly (DBL_DIG): any decimal of at most
# 15 significant digits survives a trip through a double, and digits past the 15th in a JSON
# number are the sender's float noise (0.1 + 0.2 = 0.30000000000000004).
FLOAT_DIGITS = 15


def json_number(value: Decimal | float, scale: int) -> Decimal:
    """The decimal a JSON number stands for: its text as a decimal, rounded to 15 significant
    digits when it has more (float artefacts), then to `scale` places when it has more (a
    difference below 10^-scale, e.g. 10^-18 of a currency unit)."""
    number = Decimal(repr(value)) if isinstance(value, float) else value
    if not number.is_finite():
        raise ValueError(f"not a finite decimal: {value!r}")
    digits = number.as_tuple().digits
    if len(digits) > FLOAT_DIGITS and number != 0:
        exponent = number.adjusted() - FLOAT_DIGITS + 1
        number = number.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_EVEN)
        number = number.normalize() if number.as_tuple().exponent < 0 else number
    exponent = number.as_tuple().exponent
    assert isinstance(exponent, int)
    if -exponent > scale:
        number = number.quantize(Decimal(1).scaleb(-scale), rounding=ROUND_HALF_EVEN)
    return number


def to_decimal(value: Any, scale: int | None = None) -> Decimal | None:
    """Exact decimal of a CSV/JSON string, or of a JSON number (a `Decimal` from the response
    text, or a float) through `json_number` when `scale` is given; None stays None."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(f"not a decimal: {value!r}")
    if isinstance(value, (Decimal, float)) and scale is not None:
        return json_number(value, scale)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"not a finite decimal: {value!r}")
        return value
    if isinstance(value, int):
        return Decimal(value)
    try:
        result = Decimal(str(value).strip())
    except InvalidOperation as exc:
        raise ValueError(f"not a decimal: {value!r}") from exc
    if not result.is_finite():
        raise ValueError(f"not a finite decimal: {value!r}")
    return result


def fits_decimal(value: Decimal, kind: str) -> bool:
    """True when `value` fits the decimal type of `kind` (money | quantity | rate) exactly."""
    precision, scale = DECIMAL_TYPES[kind]
    _sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    fraction = max(0, -exponent)
    integer = max(0, len(digits) + exponent)
    return fraction <= scale and integer <= precision - scale


def _cast_array(column: Column, values: pa.Array | pa.ChunkedArray) -> pa.Array:
    """An Arrow array (e.g. from the JSON reader) cast to the contract type."""
    typ = arrow_type(column)
    if values.type == typ:
        return values
    if column.type == "date" and pa.types.is_string(values.type):
        return pc.cast(pc.utf8_slice_codeunits(values, 0, 10), typ)
    if column.type == "timestamp" and pa.types.is_string(values.type):
        try:
            return pc.cast(values, typ)
        except pa.ArrowInvalid:  # dates or naive instants: parse one by one (as UTC)
            return timestamps([_instant(v) for v in values.to_pylist()])
    return pc.cast(values, typ)


def _column_array(table: str, column: Column, values: Sequence[Any]) -> pa.Array:
    typ = arrow_type(column)
    try:
        if isinstance(values, (pa.Array, pa.ChunkedArray)):
            return _cast_array(column, values)
        if column.type in DECIMAL_TYPES:
            scale = DECIMAL_TYPES[column.type][1]
            decimals = [to_decimal(v, scale) for v in values]
            for value in decimals:
                if value is not None and not fits_decimal(value, column.type):
                    raise ValueError(f"{value} does not fit decimal{DECIMAL_TYPES[column.type]}")
            return pa.array(decimals, typ)
        if column.type in ("timestamp", "date"):
            first = next((v for v in values if v is not None), None)
            if first is None or isinstance(first, str):
                text = pa.array(values, pa.string())
                if column.type == "date":
                    return pc.cast(pc.utf8_slice_codeunits(text, 0, 10), typ)
                try:
                    return pc.cast(text, typ)
                except pa.ArrowInvalid:  # dates or naive instants: parse one by one (as UTC)
                    return timestamps([_instant(v) for v in values])
            if column.type == "date":
                values = [v.date() if isinstance(v, datetime) else v for v in values]
                return pa.array(values, typ)
            return timestamps(values)
        if column.type == "bigint":
            first = next((v for v in values if v is not None), None)
            if isinstance(first, str):
                values = [None if v is None or v == "" else int(v) for v in values]
        return pa.array(values, typ)
    except (pa.ArrowInvalid, pa.ArrowTypeError, ValueError, TypeError) as exc:
        raise GenesysApiError(
            f"cannot land {table}.{column.name} as {column.type}: {exc}; the Genesys answer does"
            " not match the raw contract (report it with the failing record)"
        ) from exc


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICRO = timedelta(microseconds=1)


def _micros(value: datetime) -> int:
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    return (aware - _EPOCH) // _MICRO


def timestamps(values: Sequence[datetime | None]) -> pa.Array:
    """UTC timestamp array from datetimes (naive = UTC), without pyarrow's pandas round trip."""
    micros = [None if v is None else _micros(v) for v in values]
    return pa.array(micros, pa.int64()).cast(TIMESTAMP)


def _instant(value: str | None) -> datetime | None:
    if value is None:
        return None
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def row_hashes(table_name: str, columns: Mapping[str, Sequence[Any]], n: int) -> list[str]:
    """Content hash per row over the contract columns (not `_loaded_at`)."""
    names = [c for c in TABLES[table_name].column_names if c != LOADED_AT]
    series = [columns.get(name) or [None] * n for name in names]
    out = []
    for values in zip(*series, strict=True):
        payload = orjson.dumps(list(values), default=str)
        out.append(hashlib.blake2b(payload, digest_size=16).hexdigest())
    return out


def to_arrow(
    table_name: str, columns: Mapping[str, Sequence[Any]], loaded_at: datetime
) -> pa.Table:
    """An Arrow table of `table_name` from column lists (missing columns become nulls)."""
    table = TABLES[table_name]
    n = max((len(v) for v in columns.values()), default=0)
    arrays: list[pa.Array] = []
    for column in table.columns:
        if column.name == LOADED_AT:
            arrays.append(pa.repeat(pa.scalar(_micros(loaded_at), pa.int64()), n).cast(TIMESTAMP))
            continue
        values = columns.get(column.name)
        if values is None:
            arrays.append(pa.nulls(n, arrow_type(column)))
        else:
            if len(values) != n:
                raise ValueError(f"{table_name}.{column.name}: {len(values)} values, expected {n}")
            arrays.append(_column_array(table_name, column, values))
    if is_scd2(table):
        arrays.append(pa.array(row_hashes(table_name, columns, n), pa.string()))
    return pa.Table.from_arrays(arrays, schema=arrow_schema(table_name))


def rows_to_columns(table_name: str, rows: Sequence[Mapping[str, Any]]) -> dict[str, list[Any]]:
    """Column lists from row dicts (keys outside the contract are ignored)."""
    names = [c for c in TABLES[table_name].column_names if c != LOADED_AT]
    return {name: [row.get(name) for row in rows] for name in names}


def as_date(value: Any) -> date | None:
    """A date from an ISO date or instant string (its date part) or a date/datetime."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])

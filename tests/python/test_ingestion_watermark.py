"""The analytics data-availability watermark (issue 12, item 1).

Genesys analytics jobs return data only up to the data lake's watermark
(`dataAvailabilityDate`) and reprocess recent data for ~48 h. The loader reads the watermark,
loads up to it, reports it (`ExtractResult.data_available_through`) and calls a month final only
when the watermark is past the month's end plus the reprocessing margin. A month extracted early
is provisional; a rerun after the watermark passed completes it, and then holds exactly the rows
of a run made after the fact.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb
import pytest

from fairshare.pipeline import sandbox_environment
from fairshare.sandbox.server import SandboxServer
from ingestion.genesys.errors import ConfigurationError, MonthNotAvailableError
from ingestion.genesys.jobs import extraction_window, month_is_final
from ingestion.genesys.pipeline import ExtractResult, run_extract
from ingestion.genesys.schema import TABLES

# module-scoped fixtures: the module's tests run on one pytest-xdist worker
pytestmark = pytest.mark.xdist_group("ingestion_watermark")

MONTH = "2026-10"
START = datetime(2026, 10, 1, tzinfo=UTC)
END = datetime(2026, 11, 1, tzinfo=UTC)
MARGIN = timedelta(hours=48)
RAW = "genesys_raw"
VOLATILE = {"_loaded_at", "_dlt_valid_from", "_dlt_valid_to"}


# -------------------------------------------------------------------------------- the rules


def test_a_month_is_final_only_once_the_watermark_passed_its_end_plus_the_margin() -> None:
    assert not month_is_final(MONTH, None, MARGIN)  # no analytics loaded: never final
    assert not month_is_final(MONTH, START + timedelta(days=20), MARGIN)
    assert not month_is_final(MONTH, END, MARGIN)
    assert not month_is_final(MONTH, END + MARGIN - timedelta(seconds=1), MARGIN)
    assert month_is_final(MONTH, END + MARGIN, MARGIN)
    assert month_is_final(MONTH, END, timedelta(0))
    assert month_is_final(MONTH, datetime(2026, 11, 4), MARGIN)  # naive = UTC


def test_the_extraction_window_stops_at_the_watermark() -> None:
    now = datetime(2026, 12, 7, tzinfo=UTC)
    lookback = timedelta(days=3)
    mid = START + timedelta(days=20, hours=12)
    assert extraction_window(START, END, now, None, lookback, mid) == (START, mid)
    assert extraction_window(START, END, now, None, lookback, END + MARGIN) == (START, END)
    # the next run re-reads from the previous end minus the lookback, up to the new watermark
    assert extraction_window(START, END, now, mid, lookback, END + MARGIN) == (
        mid - lookback,
        END,
    )
    # no data of the month in the lake yet: an empty window (never "ask for the whole month")
    assert extraction_window(START, END, now, None, lookback, START - timedelta(hours=1)) == (
        START,
        START,
    )


def test_a_future_month_or_an_impossible_one_is_refused_before_any_request(tmp_path: Path) -> None:
    with pytest.raises(MonthNotAvailableError, match="has not started yet"):
        run_extract("2031-01", duckdb_path=tmp_path / "w.duckdb")
    with pytest.raises(ConfigurationError, match="invalid month '9999-12'"):
        run_extract("9999-12", duckdb_path=tmp_path / "w.duckdb")
    with pytest.raises(MonthNotAvailableError, match="before 2000-01"):
        run_extract("1999-12", duckdb_path=tmp_path / "w.duckdb")
    assert not (tmp_path / "w.duckdb").exists()


def test_a_negative_reprocessing_margin_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="reprocessing margin"):
        run_extract(MONTH, duckdb_path=tmp_path / "w.duckdb", reprocessing_margin=-MARGIN)


# ------------------------------------------------------------------- against the sandbox


@contextmanager
def _served(data_dir: Path, **kwargs: Any) -> Iterator[SandboxServer]:
    with (
        SandboxServer(data_dir, port=0, **kwargs) as server,
        sandbox_environment(data_dir, server.base_url),
    ):
        yield server


def _extract(db: Path, **kwargs: Any) -> ExtractResult:
    return run_extract(
        MONTH,
        duckdb_path=db,
        pipelines_dir=db.parent / f"{db.stem}-pipelines",
        requests_per_minute=100_000,
        **kwargs,
    )


def _snapshot(db: Path) -> dict[str, tuple[int, int]]:
    """Row count and an order-independent content hash of every table (load times excluded)."""
    out = {}
    with duckdb.connect(str(db), read_only=True) as con:
        for table in TABLES:
            columns = [
                name
                for (name,) in con.execute(
                    "select column_name from information_schema.columns where table_schema = ?"
                    " and table_name = ? order by ordinal_position",
                    [RAW, table],
                ).fetchall()
                if name not in VOLATILE
            ]
            row = con.execute(
                f"select count(*), coalesce(sum(hash({', '.join(columns)})::hugeint), 0)"
                f" from {RAW}.{table}"
            ).fetchone()
            assert row is not None
            out[table] = (int(row[0]), int(row[1]))
    return out


def _scalar(db: Path, sql: str) -> Any:
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute(sql).fetchone()
    assert row is not None
    return row[0]


@pytest.fixture(scope="module")
def after_the_fact(sandbox_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The month extracted once, long after it ended (the sandbox's default watermark)."""
    db = tmp_path_factory.mktemp("after") / "w.duckdb"
    with _served(sandbox_dir):
        result = _extract(db)
    assert result.data_available_through == END + timedelta(hours=72)
    assert result.month_final and result.load_ids
    return db


def test_an_early_extract_is_provisional_and_a_rerun_completes_it(
    sandbox_dir: Path, after_the_fact: Path, tmp_path: Path
) -> None:
    db = tmp_path / "w.duckdb"
    watermark = datetime(2026, 10, 21, 15, tzinfo=UTC)  # a Wednesday, 11:00 Eastern
    with _served(sandbox_dir, watermark=watermark) as server:
        early = _extract(db)
        assert early.data_available_through == watermark
        assert not early.month_final
        # nothing after the watermark, conversations running across it still in progress
        latest = _scalar(db, f"select max(conversation_start) from {RAW}.conversations")
        assert latest < watermark
        # (calls still running at the month end start after the watermark: not loaded)
        cut = _scalar(db, f"select count(*) from {RAW}.conversations where is_in_progress")
        assert cut >= 1
        provisional = _snapshot(db)
        assert provisional != _snapshot(after_the_fact)

        # still within the reprocessing margin after the month end: complete but not final
        server.set_watermark(END + timedelta(hours=12))
        within = _extract(db)
        assert within.data_available_through == END + timedelta(hours=12)
        assert not within.month_final

        server.set_watermark(END + timedelta(hours=72))
        final = _extract(db)
    assert final.month_final and final.data_available_through == END + timedelta(hours=72)
    assert set(final.load_ids).isdisjoint(early.load_ids)
    assert _snapshot(db) == _snapshot(after_the_fact)  # rows equal a run made after the fact


def test_recent_conversations_change_on_a_later_read(
    sandbox_dir: Path, after_the_fact: Path, tmp_path: Path
) -> None:
    """Conversations that ended within the reprocessing window before the watermark arrive
    without participant data; the rerun after the watermark moved on brings it."""
    db = tmp_path / "w.duckdb"
    watermark = END + timedelta(hours=1)  # the month's last day still being reprocessed
    attributes = f"select count(*) from {RAW}.conversation_participant_attributes"
    with _served(sandbox_dir, watermark=watermark) as server:
        early = _extract(db)
        assert not early.month_final
        assert _scalar(db, attributes) < _scalar(after_the_fact, attributes)
        server.set_watermark(END + timedelta(days=3))
        assert _extract(db).month_final
    assert _scalar(db, attributes) == _scalar(after_the_fact, attributes)


def test_the_margin_is_configurable(sandbox_dir: Path, tmp_path: Path, monkeypatch: Any) -> None:
    watermark = END + timedelta(hours=12)
    with _served(sandbox_dir, watermark=watermark):
        assert _extract(tmp_path / "a.duckdb", reprocessing_margin=timedelta(hours=6)).month_final
        monkeypatch.setenv("FAIRSHARE_REPROCESSING_MARGIN_HOURS", "12")
        result = _extract(tmp_path / "b.duckdb", directory_only=False)
        assert result.month_final and result.reprocessing_margin == timedelta(hours=12)
        monkeypatch.setenv("FAIRSHARE_REPROCESSING_MARGIN_HOURS", "13")
        assert not _extract(tmp_path / "c.duckdb").month_final


def test_a_directory_snapshot_has_no_watermark(sandbox_dir: Path, tmp_path: Path) -> None:
    with _served(sandbox_dir):
        result = _extract(tmp_path / "w.duckdb", directory_only=True)
    assert result.data_available_through is None and not result.month_final

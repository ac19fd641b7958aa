"""The benchmark report: `fairshare bench` rewrites only its block of docs/benchmarks.md, gives
each target of the performance issue met or not with its figure, and measures each phase in a
child process of its own."""

from __future__ import annotations

import pytest

from fairshare import pipeline
from fairshare.bench import BLOCK_BEGIN, BLOCK_END, BenchRow, in_child, render_report


def _rows() -> list[BenchRow]:
    return [
        BenchRow(
            conversations=100_000,
            generate_s=4.5,
            raw_rows=1_660_837,
            extract_s=17.7,
            parse_s=5.2,
            build_s=37.5,
            build_peak_rss_mib=1617,
            publish_s=8.5,
            floor_s=0.09,
            single_pass_s=0.25,
            dataset_mib=271,
            month_two_build_s=36.0,
        ),
        BenchRow(
            conversations=1_000_000,
            build_s=28.0,
            build_peak_rss_mib=3500,
            extract_s=100.0,
            raw_rows=15_950_634,
            floor_s=0.9,
            single_pass_s=1.5,
            extract_stages={"server_cpu": 30.0, "parse": 20.0, "flatten": 25.0, "load": 20.0},
        ),
    ]


def test_new_report_holds_the_block_with_every_size() -> None:
    report = render_report(_rows())
    assert report.startswith("# Benchmarks\n")
    assert BLOCK_BEGIN in report and BLOCK_END in report
    assert "| 100,000 | 4.5 | 271 | 1,660,837 | 17.7 | 93,833 | 5.2 | 37.5 | 1,617 |" in report
    assert "| 0.25 | 150.0× |" in report, "single pass and build/single pass"
    assert report.rstrip().endswith(BLOCK_END)
    assert "| 36.0 |" in report, "month 2 build time"
    assert "| not run |" in report, "a size without month 2 says so"


def test_each_target_is_met_or_not_with_its_figure() -> None:
    report = render_report(_rows())
    assert "| 1M: monthly `fairshare build` ≤ 30 s | 28.0 s | yes |" in report
    assert "| 1M: build ≤ 20× the single-pass allocation query | 18.7× the single pass" in report
    assert "| 1M: build peak RSS ≤ 3 GiB | 3,500 MiB | **no** |" in report
    assert "| 100k: build ≤ 12 s | 37.5 s | **no** |" in report
    assert "| 10k: build ≤ 8 s | not run | |" in report
    assert "| 5M: build ≤ 5.5× the 1M build | not run | |" in report
    # flattening (parse + flatten: 45 s) is the largest part of the extract
    assert "159,506 rows/s, bound by flattening | yes |" in report


def test_the_extract_bound_is_the_largest_part() -> None:
    row = BenchRow(conversations=1, extract_stages={"server_cpu": 9.0, "parse": 1.0, "load": 3})
    assert row.extract_bound == "sandbox server"
    assert BenchRow(conversations=1).extract_bound == ""


def _allocate(mib: int) -> int:
    block = bytearray(mib * 2**20)
    block[::4096] = b"x" * len(block[::4096])  # touch every page: resident
    return len(block)


def _fail() -> None:
    raise pipeline.StepError("the build failed", pipeline.EXIT_BUILD)


def test_each_phase_runs_in_a_child_with_its_own_peak_memory() -> None:
    result, seconds, peak_mib = in_child(_allocate, 300)
    assert result == 300 * 2**20
    assert seconds > 0
    assert peak_mib >= 300  # the child's peak, not this process's
    _, _, small_mib = in_child(_allocate, 1)
    assert small_mib < peak_mib  # each child is measured alone
    with pytest.raises(pipeline.StepError) as caught:
        in_child(_fail)
    assert caught.value.code == pipeline.EXIT_BUILD


def test_rerun_replaces_only_the_generated_block() -> None:
    analysis_before = "# Benchmarks\n\nIntro written by hand.\n\n"
    analysis_after = "\n\n## Where the time goes\n\nHand-written analysis.\n"
    existing = f"{analysis_before}{BLOCK_BEGIN}\nold numbers\n{BLOCK_END}{analysis_after}"

    report = render_report(_rows(), existing)

    assert report.startswith(analysis_before + BLOCK_BEGIN)
    assert report.endswith(BLOCK_END + analysis_after)
    assert "old numbers" not in report
    assert report.count(BLOCK_BEGIN) == 1 and report.count(BLOCK_END) == 1

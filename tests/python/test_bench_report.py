"""The benchmark report: `fairshare bench` rewrites only its block of docs/benchmarks.md."""

from __future__ import annotations

from fairshare.bench import BLOCK_BEGIN, BLOCK_END, BenchRow, render_report


def _rows() -> list[BenchRow]:
    return [
        BenchRow(
            conversations=100_000,
            generate_s=4.5,
            raw_rows=1_660_837,
            extract_s=17.7,
            build_s=37.5,
            build_peak_rss_mib=1617,
            publish_s=8.5,
            floor_s=0.09,
            dataset_mib=271,
            month_two_build_s=36.0,
        ),
        BenchRow(conversations=1_000_000, build_s=90.0, extract_s=164.0, raw_rows=15_950_634),
    ]


def test_new_report_holds_the_block_with_every_size() -> None:
    report = render_report(_rows())
    assert report.startswith("# Benchmarks\n")
    assert BLOCK_BEGIN in report and BLOCK_END in report
    assert "| 100,000 | 4.5 | 271 | 1,660,837 | 17.7 | 93,833 | 37.5 | 1,617 |" in report
    assert report.rstrip().endswith(BLOCK_END)
    assert "| 36.0 |" in report, "month 2 build time"
    assert "| not run |" in report, "a size without month 2 says so"
    assert "dbt build 1M / 100k: 2.4×" in report


def test_rerun_replaces_only_the_generated_block() -> None:
    analysis_before = "# Benchmarks\n\nIntro written by hand.\n\n"
    analysis_after = "\n\n## Where the time goes\n\nHand-written analysis.\n"
    existing = f"{analysis_before}{BLOCK_BEGIN}\nold numbers\n{BLOCK_END}{analysis_after}"

    report = render_report(_rows(), existing)

    assert report.startswith(analysis_before + BLOCK_BEGIN)
    assert report.endswith(BLOCK_END + analysis_after)
    assert "old numbers" not in report
    assert report.count(BLOCK_BEGIN) == 1 and report.count(BLOCK_END) == 1

"""How long the doctor report takes for a year of data, and the committed sample report.

    .venv/bin/python benchmarks/bench_report.py                 # timings
    .venv/bin/python benchmarks/bench_report.py --sample docs/report   # write the sample too

In-process: building the report model and drawing the PDF for the made-up year
(benchmarks/report_diaries.py: ~1,800 episodes, ~340 factor days, 52 strength checks), median
of 10 warm runs. End to end: `twitchguide report` as a real process on a SQLite file, median of
5, next to `python -c pass` in the same run (this machine's speed drifts).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.report_diaries import YEAR_END, red_flag_diary, year_diary
from twitchguide.actions.report import build_report_for, render, render_diary_report
from twitchguide.reports.model import ReportOptions

GENERATED = datetime(2026, 11, 27, 18, 30, tzinfo=timezone(timedelta(hours=1)))


def in_process(runs: int = 10) -> dict[str, float]:
    diary = year_diary()
    options = ReportOptions()
    render_diary_report(diary, options, now=GENERATED, today=YEAR_END)  # warm: imports, fonts
    model = build_report_for(diary, options, now=GENERATED, today=YEAR_END)
    parts = {
        "build the model (insights, triage, tables)": lambda: build_report_for(
            diary, options, now=GENERATED, today=YEAR_END
        ),
        "draw the PDF": lambda: render(model, "pdf"),
        "whole PDF report": lambda: render_diary_report(
            diary, options, now=GENERATED, today=YEAR_END
        ),
        "whole HTML report": lambda: render(model, "html"),
    }
    out = {}
    for name, call in parts.items():
        timings = []
        for _ in range(runs):
            started = time.perf_counter()
            call()
            timings.append((time.perf_counter() - started) * 1000)
        out[name] = statistics.median(timings)
    import io

    from pypdf import PdfReader

    out["pages"] = float(len(PdfReader(io.BytesIO(render(model, "pdf").content)).pages))
    return out


def end_to_end(runs: int = 5) -> tuple[float, float]:
    from benchmarks.insights_speed import write_to_store
    from benchmarks.process_timing import median_process_ms, process_env

    script = Path(sys.executable).parent / "twitchguide"
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/diary.db"
        write_to_store(year_diary(), url)
        env = process_env(TWITCHGUIDE_DATABASE_URL=url, TWITCHGUIDE_NOW=GENERATED.isoformat())
        report = [str(script), "report", "--out", f"{folder}/r.pdf"]
        return median_process_ms(report, env, runs), median_process_ms(
            [sys.executable, "-c", "pass"], env, runs
        )


def write_sample(folder: Path) -> None:
    """The sample under docs/report: the red-flag diary (weakness, falling grip) and a year."""
    import pypdfium2

    folder.mkdir(parents=True, exist_ok=True)
    for name, diary, paper in (
        ("sample-red-flags", red_flag_diary(), "a4"),
        ("sample-year", year_diary(), "letter"),
    ):
        rendered = render_diary_report(
            diary, ReportOptions(paper=paper), now=GENERATED, today=YEAR_END
        )
        (folder / f"{name}.pdf").write_bytes(rendered.content)
        document = pypdfium2.PdfDocument(rendered.content)
        for number in range(min(len(document), 2)):
            image = document[number].render(scale=1.5).to_pil()
            image.save(folder / f"{name}-page-{number + 1}.png", optimize=True)
        print(f"wrote {folder / name}.pdf ({len(document)} pages) and page PNGs")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=Path, help="also write the sample report here")
    parser.add_argument("--no-cli", action="store_true", help="skip the end-to-end measurement")
    args = parser.parse_args()
    diary = year_diary()
    print(
        f"diary: {len(diary.episodes)} episodes, {len(diary.days)} factor days, "
        f"{len(diary.strength_checks)} strength checks, {len(diary.medications)} medicines"
    )
    for name, value in in_process().items():
        print(f"{name}: {value:.0f}" + ("" if name == "pages" else " ms (median of 10)"))
    if not args.no_cli:
        report_ms, python_ms = end_to_end()
        print(
            f"end to end `twitchguide report`: {report_ms:.0f} ms; `python -c pass`: "
            f"{python_ms:.0f} ms (ratio {report_ms / python_ms:.1f}x), medians of 5"
        )
    if args.sample:
        write_sample(args.sample)


if __name__ == "__main__":
    main()

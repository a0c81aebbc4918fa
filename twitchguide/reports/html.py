"""The doctor report as one self-contained HTML page: the same model and charts as the PDF."""

from __future__ import annotations

from html import escape

from twitchguide.reports import charts
from twitchguide.reports.model import (
    NOT_A_DIAGNOSIS,
    PATIENT_REPORTED,
    SECTION_TITLES,
    Report,
    Table,
)
from twitchguide.reports.summary import (
    course_lines,
    medicine_rows,
    weakness_alert,
    weakness_headline,
)

_STYLE = """
body{font-family:"DejaVu Sans",system-ui,sans-serif;color:#222;max-width:60rem;margin:1rem auto;
padding:0 1rem;font-size:15px;line-height:1.45}
h1{font-size:1.4rem;margin-bottom:.2rem}h2{font-size:1.1rem;border-bottom:1px solid #888;
margin-top:1.6rem}.stamp,.muted{color:#555;font-size:.85rem}.alert{color:#b3261e;font-weight:bold}
table{border-collapse:collapse;margin:.4rem 0 1rem;font-size:.85rem}
th,td{border:1px solid #ccc;padding:.15rem .4rem;text-align:left;vertical-align:top}
th{background:#eee}figure{margin:.5rem 0}figure svg{width:100%;height:auto}
.grid{display:flex;flex-wrap:wrap;gap:1.5rem}.grid>*{flex:1 1 20rem}
details summary{cursor:pointer;color:#555;font-size:.85rem}
@media print{section.detail{break-before:page}details{display:none}}
"""


def render_html(report: Report) -> str:
    """The whole report as an HTML document (UTF-8, no outside files)."""
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Muscle twitching diary: report for a clinician</title>",
        f"<style>{_STYLE}</style></head><body>",
        "<header><h1>Muscle twitching diary: report for a clinician</h1>",
        f'<p class="stamp">{escape(report.stamp)}</p></header><main>',
    ]
    if "summary" in report.sections:
        parts.append(_summary(report))
    for name in report.sections:
        if name != "summary":
            parts.append(_detail(report, name))
    parts.append(
        f'</main><footer><p class="muted">{escape(PATIENT_REPORTED)} '
        f"{escape(NOT_A_DIAGNOSIS)}</p></footer></body></html>\n"
    )
    return "\n".join(parts)


def _summary(report: Report) -> str:
    w, c, f = report.weakness, report.course, report.factors
    alert = weakness_alert(report)
    answers = "".join(
        f"<tr><td>{escape(a.question)}</td>"
        + (
            f'<td class="alert">YES {escape(", ".join(d.isoformat() for d in a.when))}</td>'
            if a.answer == "yes"
            else f'<td class="muted">{escape(a.answer)}</td>'
        )
        + "</tr>"
        for a in w.answers
    )
    weakness = (
        "<section><h2>1. Weakness: is there any, and is it getting worse?</h2>"
        f'<p class="{"alert" if alert else ""}">{escape(weakness_headline(report))}</p>'
        f"<p><strong>Triage level now: {escape(w.level_title)}.</strong> "
        + (f"{escape(w.level_advice)} " if w.level != "self_care" else "")
        + f'</p><p class="muted">Why: {escape(" ".join(w.reasons))}</p>'
        '<div class="grid"><div><table><tr><th>question</th><th>in the diary</th></tr>'
        f"{answers}</table></div><div>{_figure(charts.grip_trend(w.grip))}"
        f"<p>{escape(w.grip_wording)}</p></div></div></section>"
    )
    course = (
        "<section><h2>2. When it started and how it has gone</h2>"
        + "".join(f"<p>{escape(line)}</p>" for line in course_lines(report))
        + (
            '<div class="grid">'
            + _figure(charts.episodes_per_week(c.weeks, width=360))
            + _figure(charts.body_map(c.body_counts))
            + "</div>"
            if c.episodes
            else ""
        )
        + "</section>"
    )
    medicines = _table(
        Table(
            "3. Medicines and supplements in the period",
            ("name", "kind", "dose", "started", "ended"),
            tuple(medicine_rows(report)),
            empty="None logged.",
        ),
        heading="h2",
    )
    quiet = ""
    if f.no_clear_link:
        quiet += f"<p>No clear link: {escape(', '.join(f.no_clear_link))}.</p>"
    if f.not_enough_data:
        quiet += f"<p>Not enough data yet: {escape(', '.join(f.not_enough_data))}.</p>"
    factors = (
        "<section><h2>4. What goes with more twitching (associations)</h2>"
        + (_figure(charts.factor_effects(f.effects, width=560)) if f.effects else "")
        + "".join(f"<p>{escape(line)}</p>" for line in f.lines or (f.summary,))
        + quiet
        + f'<p class="muted">{escape(f.caveat)}</p></section>'
    )
    return weakness + course + medicines + factors


def _figure(chart: charts.Chart) -> str:
    table = _table(Table(chart.title, chart.columns, chart.rows), heading=None)
    # Drawn at up to 1.6 times its own size, so a small chart stays readable and a wide one fits.
    return (
        f'<figure style="max-width:{chart.width * 1.6:.0f}px">{chart.svg}'
        f'<figcaption class="muted">{escape(chart.alt)}</figcaption>'
        f"<details><summary>Figures as a table</summary>{table}</details></figure>"
    )


def _detail(report: Report, name: str) -> str:
    body = [f'<section class="detail"><h2>{escape(SECTION_TITLES[name])}</h2>']
    if name == "timeline" and report.course.calendar_logged:
        body.append(
            _figure(
                charts.calendar_heatmap(
                    report.course.calendar_counts,
                    set(report.course.calendar_logged),
                    report.start,
                    report.end,
                )
            )
        )
    if name == "strength" and report.weakness.grip:
        body.append(_figure(charts.grip_trend(report.weakness.grip, width=520)))
    body += [_table(table, heading="h3") for table in report.details.get(name, ())]
    if name == "factors":
        body.append(
            _table(
                Table(
                    "Every factor the analysis looked at",
                    ("factor", "when", "contrast", "rate ratio", "95% interval", "evidence",
                     "days"),
                    report.factors.all_results,
                ),
                heading="h3",
            )
        )  # fmt: skip
    body.append("</section>")
    return "".join(body)


def _table(table: Table, *, heading: str | None) -> str:
    title = f"<{heading}>{escape(table.title)}</{heading}>" if heading else ""
    if not table.rows:
        return f'{title}<p class="muted">{escape(table.empty)}</p>'
    head = "".join(f"<th>{escape(c)}</th>" for c in table.columns)
    rows = "".join(
        "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in table.rows
    )
    return f"{title}<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"

"""The doctor report as a PDF (fpdf2, pure Python): page 1 the summary, then the detail pages.

Charts are the SVG of reports.charts, embedded as vectors. Text is DejaVu Sans, vendored in
reports/fonts, so any language's letters print and no system font is needed. Every box on
page 1 has a fixed place and every text in it is cut to the lines that fit, so long reasons or
many medicines can never push the summary onto a second page or over another box.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from fpdf import FPDF

from twitchguide.reports import charts
from twitchguide.reports.build import WEAKNESS_FACTS
from twitchguide.reports.model import (
    NOT_A_DIAGNOSIS,
    PATIENT_REPORTED,
    SECTION_TITLES,
    Report,
    Table,
)
from twitchguide.reports.pdf_table import draw_table, wrap
from twitchguide.reports.summary import (
    course_lines,
    medicine_rows,
    weakness_alert,
    weakness_headline,
)
from twitchguide.wording import counted

FONT_DIR = Path(__file__).parent / "fonts"
FONT = charts.FONT
MARGIN = 10.0
PAPER_FORMATS = {"a4": "A4", "letter": "Letter"}
RED = (179, 38, 30)
GREY = (102, 102, 102)
INK = (34, 34, 34)
MEDICINES_ON_PAGE_1 = 6
EFFECTS_ON_PAGE_1 = 5


class _ReportPDF(FPDF):
    """Header and footer on every page: what, period, when generated, zone, patient-reported."""

    def __init__(self, report: Report) -> None:
        super().__init__(format=PAPER_FORMATS[report.paper], unit="mm")
        self.report = report
        self.add_font(FONT, "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.add_font(FONT, "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.set_margins(MARGIN, 22, MARGIN)
        self.set_auto_page_break(True, margin=16)
        self.set_title("Muscle twitching diary: report for a clinician")
        self.set_creator("Twitchguide")
        self.set_creation_date(report.generated_at)
        self.alias_nb_pages()

    def header(self) -> None:
        self.set_xy(MARGIN, 7)
        self.set_font(FONT, "B", 11)
        self.set_text_color(*INK)
        self.cell(0, 5, "Muscle twitching diary: report for a clinician")
        self.set_font(FONT, "", 7.5)
        self.set_xy(MARGIN, 7)
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="R")
        self.set_xy(MARGIN, 12.5)
        self.set_text_color(*GREY)
        self.cell(0, 4, self.report.stamp)
        self.set_draw_color(180, 180, 180)
        self.line(MARGIN, 17.5, self.w - MARGIN, 17.5)
        self.set_text_color(*INK)
        self.set_y(20)

    def footer(self) -> None:
        # Plain text() lines: multi_cell's line breaking cost ~10 ms a page.
        self.set_font(FONT, "", 6.5)
        self.set_text_color(*GREY)
        for i, line in enumerate((PATIENT_REPORTED, NOT_A_DIAGNOSIS)):
            self.text(MARGIN, self.h - 10.5 + i * 3, line)
        self.set_text_color(*INK)


def render_pdf(report: Report) -> bytes:
    """The report as PDF bytes."""
    pdf = _ReportPDF(report)
    if "summary" in report.sections:
        pdf.add_page()
        _summary_page(pdf, report)
    for name in report.sections:
        if name == "summary":
            continue
        pdf.add_page()
        _detail_section(pdf, report, name)
    if pdf.page_no() == 0:
        pdf.add_page()
        pdf.set_font(FONT, "", 10)
        pdf.multi_cell(0, 5, "No sections were chosen.")
    return bytes(pdf.output())


# --- page 1 -----------------------------------------------------------------------------------


def _heading(pdf: FPDF, x: float, y: float, w: float, text: str, *, alert: bool = False) -> float:
    pdf.set_xy(x, y)
    pdf.set_font(FONT, "B", 9.5)
    pdf.set_text_color(*(RED if alert else INK))
    pdf.cell(w, 5, text)
    pdf.set_draw_color(*(RED if alert else (120, 120, 120)))
    pdf.set_line_width(0.3)
    pdf.line(x, y + 5.2, x + w, y + 5.2)
    pdf.set_line_width(0.2)
    pdf.set_text_color(*INK)
    return y + 6.5


def _text_box(
    pdf: FPDF,
    x: float,
    y: float,
    w: float,
    text: str,
    *,
    size: float = 7.5,
    max_lines: int = 3,
    bold: bool = False,
    colour: tuple[int, int, int] = INK,
) -> float:
    """Write `text` in at most `max_lines` lines of width `w`; returns the y below it."""
    if not text:
        return y
    line_h = size * 0.45
    pdf.set_font(FONT, "B" if bold else "", size)
    lines = wrap(pdf, text, w, max_lines)
    pdf.set_text_color(*colour)
    for i, line in enumerate(lines):
        pdf.set_xy(x, y + i * line_h)
        pdf.cell(w, line_h, line)
    pdf.set_text_color(*INK)
    return y + len(lines) * line_h + 0.8


def _chart(pdf: FPDF, chart: charts.Chart, x: float, y: float, w: float) -> float:
    pdf.image(io.BytesIO(chart.svg.encode("utf-8")), x=x, y=y, w=w)
    return y + w * chart.height / chart.width


def _summary_page(pdf: FPDF, report: Report) -> None:
    width = pdf.w - 2 * MARGIN
    y = _weakness_block(pdf, report, 21.0, width)
    y = _course_block(pdf, report, y + 2, width)
    y = _medicines_block(pdf, report, y + 2, width)
    _factors_block(pdf, report, y + 2, width, bottom=pdf.h - 13)


def _weakness_block(pdf: FPDF, report: Report, y: float, width: float) -> float:
    w = report.weakness
    alert = weakness_alert(report)
    top = _heading(pdf, MARGIN, y, width, "1. Weakness: is there any, and is it getting worse?",
                   alert=alert)  # fmt: skip
    left_w = width * 0.56
    yy = _text_box(pdf, MARGIN, top, left_w, weakness_headline(report), size=8.5, max_lines=3,
                   bold=True, colour=RED if alert else INK)  # fmt: skip
    yy = _text_box(pdf, MARGIN, yy, left_w, f"Triage level now: {w.level_title}.", size=7.5,
                   max_lines=1, bold=True)  # fmt: skip
    if w.level != "self_care":
        yy = _text_box(pdf, MARGIN, yy, left_w, w.level_advice, size=7, max_lines=3)
    yy = _text_box(pdf, MARGIN, yy, left_w, "Why: " + " ".join(w.reasons[:2]), size=7,
                   max_lines=4, colour=GREY)  # fmt: skip
    pdf.set_font(FONT, "", 7)
    for answer in w.answers:
        pdf.set_xy(MARGIN, yy)
        pdf.set_text_color(*INK)
        pdf.cell(left_w - 44, 3.5, _fit(pdf, answer.question, left_w - 45))
        pdf.set_xy(MARGIN + left_w - 44, yy)
        if answer.answer == "yes" and answer.fact in WEAKNESS_FACTS:
            pdf.set_font(FONT, "B", 7)
            pdf.set_text_color(*RED)
            when = f" ({_dates(answer.when)})" if answer.when else ""
            pdf.cell(44, 3.5, _fit(pdf, "YES" + when, 44))
            pdf.set_font(FONT, "", 7)
        elif answer.answer == "yes":
            pdf.set_font(FONT, "B", 7)
            pdf.cell(30, 3.5, "yes")
            pdf.set_font(FONT, "", 7)
        else:
            pdf.set_text_color(*GREY)
            pdf.cell(30, 3.5, answer.answer)
        yy += 3.6
    pdf.set_text_color(*INK)
    right_x = MARGIN + left_w + 4
    right_w = width - left_w - 4
    gy = _text_box(pdf, right_x, top, right_w, "Grip strength, kg (mean of 3 trials a hand)",
                   size=7.5, max_lines=1, bold=True)  # fmt: skip
    gy = _chart(pdf, charts.grip_trend(w.grip, width=270, height=150), right_x, gy, right_w)
    gy = _text_box(pdf, right_x, gy + 0.5, right_w, w.grip_wording, size=7, max_lines=5,
                   colour=RED if w.grip_flagged else INK)  # fmt: skip
    walks = f"{counted(w.strength_checks, 'strength check')} in the period."
    walks = walks if w.strength_checks else ""
    if w.heel_walk_failed_on or w.toe_walk_failed_on:
        walks += (
            f" Failed heel walk: {_dates(w.heel_walk_failed_on) or 'none'}; "
            f"failed toe walk: {_dates(w.toe_walk_failed_on) or 'none'}."
        )
    gy = _text_box(pdf, right_x, gy, right_w, walks, size=7, max_lines=2, colour=GREY)
    return max(yy, gy)


def _course_block(pdf: FPDF, report: Report, y: float, width: float) -> float:
    c = report.course
    top = _heading(pdf, MARGIN, y, width, "2. When it started and how it has gone")
    body_w = 38.0
    left_w = width - body_w - 34
    yy = top
    for line in course_lines(report):
        yy = _text_box(pdf, MARGIN, yy, left_w, line, size=7.5, max_lines=2)
    if not c.episodes:
        return yy + 1  # nothing to draw: the sentences above say so
    chart_w = min(left_w, 120.0)
    yy = _chart(pdf, charts.episodes_per_week(c.weeks, width=360), MARGIN, yy + 0.5, chart_w)
    body = charts.body_map(c.body_counts)
    bx = MARGIN + left_w + 4
    by = _chart(pdf, body, bx, top, body_w)
    tx = bx + body_w + 2
    ty = _text_box(pdf, tx, top + 6, 28, "Most often:", size=7, bold=True, max_lines=1)
    for place in c.top_places or ("no twitches logged",):
        ty = _text_box(pdf, tx, ty, 28, place, size=6.5, max_lines=3)
    _text_box(pdf, tx, ty + 1, 28, "The person's right is on the left of the figure.", size=6,
              max_lines=4, colour=GREY)  # fmt: skip
    return max(yy, by)


def _medicines_block(pdf: FPDF, report: Report, y: float, width: float) -> float:
    top = _heading(pdf, MARGIN, y, width, "3. Medicines and supplements in the period")
    rows = medicine_rows(report)
    if not rows:
        return _text_box(pdf, MARGIN, top, width, "None logged.", size=7.5, max_lines=1)
    shown = rows[:MEDICINES_ON_PAGE_1]
    more = rows[MEDICINES_ON_PAGE_1:]
    widths = (0.28, 0.12, 0.26, 0.14, 0.20)
    header = ("name", "kind", "dose", "started", "ended")
    yy = top
    for number, row in enumerate((header, *shown)):
        x = MARGIN
        pdf.set_font(FONT, "B" if number == 0 else "", 7.2)
        pdf.set_text_color(*(GREY if number == 0 else INK))
        for fraction, cell in zip(widths, row, strict=True):
            pdf.set_xy(x, yy)
            pdf.cell(width * fraction, 3.6, _fit(pdf, cell, width * fraction - 1))
            x += width * fraction
        yy += 3.7
    pdf.set_text_color(*INK)
    if more:
        names = ", ".join(row[0] for row in more)
        yy = _text_box(pdf, MARGIN, yy, width, f"Also in the period: {names}.", size=7,
                       max_lines=1)  # fmt: skip
    return yy + 0.5


def _factors_block(pdf: FPDF, report: Report, y: float, width: float, *, bottom: float) -> None:
    f = report.factors
    top = _heading(pdf, MARGIN, y, width, "4. What goes with more twitching (associations)")
    yy = top
    if f.effects:
        chart = charts.factor_effects(f.effects[:EFFECTS_ON_PAGE_1], width=560)
        room = bottom - yy - 16
        chart_w = min(width, room * chart.width / chart.height)
        yy = _chart(pdf, chart, MARGIN, yy, chart_w)
    else:
        yy = _text_box(pdf, MARGIN, yy, width, f.summary or "No factors logged yet.", size=7.5,
                       max_lines=2)  # fmt: skip
    quiet = []
    if f.no_clear_link:
        quiet.append("No clear link: " + ", ".join(f.no_clear_link) + ".")
    if f.not_enough_data:
        quiet.append("Not enough data yet: " + ", ".join(f.not_enough_data) + ".")
    if quiet:
        yy = _text_box(pdf, MARGIN, yy, width, " ".join(quiet), size=7, max_lines=2)
    _text_box(pdf, MARGIN, yy, width, f.caveat, size=6.8, max_lines=3, colour=GREY)


def _fit(pdf: FPDF, text: str, w: float) -> str:
    if pdf.get_string_width(text) <= w:
        return text
    while text and pdf.get_string_width(text + "…") > w:
        text = text[:-1]
    return text.rstrip() + "…"


def _dates(days: Sequence[date]) -> str:
    if not days:
        return ""
    if len(days) == 1:
        return days[0].isoformat()
    return f"{len(days)}×, last {days[-1].isoformat()}"


# --- detail pages -----------------------------------------------------------------------------


def _detail_section(pdf: FPDF, report: Report, name: str) -> None:
    pdf.set_font(FONT, "B", 11)
    pdf.cell(0, 7, SECTION_TITLES[name], new_x="LMARGIN", new_y="NEXT")
    width = pdf.w - 2 * MARGIN
    if name == "timeline" and report.course.calendar_logged:
        chart = charts.calendar_heatmap(
            report.course.calendar_counts,
            set(report.course.calendar_logged),
            report.start,
            report.end,
        )
        y = _chart(pdf, chart, MARGIN, pdf.get_y(), min(width, chart.width * 0.29))
        pdf.set_y(y + 2)
    if name == "strength" and report.weakness.grip:
        y = _chart(pdf, charts.grip_trend(report.weakness.grip, width=520), MARGIN,
                   pdf.get_y(), width * 0.75)  # fmt: skip
        pdf.set_y(y + 2)
    for table in report.details.get(name, ()):
        _table(pdf, table, width)
    if name == "factors":
        _table(pdf, _results_table(report), width)
        _text_box(pdf, MARGIN, pdf.get_y() + 1, width, report.factors.caveat, size=7,
                  max_lines=4, colour=GREY)  # fmt: skip


def _results_table(report: Report) -> Table:
    return Table(
        "Every factor the analysis looked at (rate ratio: twitch episodes with the contrast "
        "against without; 1 = no difference)",
        ("factor", "when", "contrast", "rate ratio", "95% interval", "evidence", "days"),
        report.factors.all_results,
        empty="No factors logged in this period.",
        widths=(2.0, 1.4, 3.2, 1.3, 1.7, 1.7, 0.9),
    )


def _table(pdf: FPDF, table: Table, width: float) -> None:
    pdf.set_font(FONT, "B", 8.5)
    pdf.multi_cell(0, 4.5, table.title, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 7)
    if not table.rows:
        pdf.set_text_color(*GREY)
        pdf.multi_cell(0, 4, table.empty, new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(*INK)
        pdf.ln(2)
        return
    widths = table.widths or (1.0,) * len(table.columns)
    draw_table(pdf, table.columns, table.rows, widths, x=MARGIN, width=width, family=FONT)
    pdf.ln(3)

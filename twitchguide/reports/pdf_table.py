"""Detail tables for the PDF, drawn with fpdf2's plain text(): a year's timeline in milliseconds.

fpdf2's own table() lays out every cell through multi_cell and took about 1 ms a cell, so a
year of data (some 3,000 cells) took seconds. Here each cell is wrapped once with the font's
widths and printed with text(); the header repeats on every page the table runs onto.
"""

from __future__ import annotations

from collections.abc import Sequence

from fpdf import FPDF

MAX_LINES_PER_CELL = 4
_PAD = 0.8


def wrap(pdf: FPDF, text: str, width: float, max_lines: int = MAX_LINES_PER_CELL) -> list[str]:
    """`text` in lines no wider than `width` (current font), the last cut with … if too many."""
    if not text:
        return [""]
    if pdf.get_string_width(text) <= width:
        return [text]
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}" if current else word
        if pdf.get_string_width(trial) <= width:
            current = trial
            continue
        if current:
            lines.append(current)
        current = word
        while pdf.get_string_width(current) > width and len(current) > 1:
            # A word longer than the column: break it where it stops fitting.
            cut = len(current) - 1
            while cut > 1 and pdf.get_string_width(current[:cut]) > width:
                cut -= 1
            lines.append(current[:cut])
            current = current[cut:]
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        kept = " ".join(lines[:max_lines])
        # End on a whole sentence when one ends late enough; a cut mid-word looks broken.
        sentence_end = kept.rfind(". ")
        if sentence_end > len(kept) * 0.6:
            return wrap(pdf, kept[: sentence_end + 1], width, max_lines)
        lines = lines[:max_lines]
        words = lines[-1].split()
        while words and pdf.get_string_width(" ".join(words) + " …") > width:
            words.pop()
        lines[-1] = " ".join(words) + " …"
    return lines


def draw_table(
    pdf: FPDF,
    columns: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    *,
    x: float,
    width: float,
    size: float = 7.0,
    family: str = "DejaVu Sans",
) -> None:
    """Draw a table from the current y, breaking onto new pages as needed."""
    total = sum(widths) or 1.0
    col_w = [width * w / total for w in widths]
    line_h = size * 0.42

    def draw_row(cells: Sequence[str], bold: bool) -> None:
        pdf.set_font(family, "B" if bold else "", size)
        wrapped = [wrap(pdf, cell, w - 2 * _PAD) for cell, w in zip(cells, col_w, strict=True)]
        height = max(len(lines) for lines in wrapped) * line_h + 2 * _PAD
        if pdf.get_y() + height > pdf.page_break_trigger:
            pdf.add_page()
            if not bold:
                draw_row(columns, True)
            pdf.set_font(family, "", size)
        top = pdf.get_y()
        if bold:
            pdf.set_fill_color(238, 238, 238)
            pdf.rect(x, top, width, height, style="F")
        cursor = x
        for lines, w in zip(wrapped, col_w, strict=True):
            for i, line in enumerate(lines):
                if line:
                    pdf.text(cursor + _PAD, top + _PAD + (i + 0.78) * line_h, line)
            cursor += w
        pdf.set_draw_color(210, 210, 210)
        pdf.line(x, top + height, x + width, top + height)
        pdf.set_y(top + height)

    draw_row(columns, True)
    for row in rows:
        draw_row(row, False)

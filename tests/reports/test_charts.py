"""The shared SVG charts: well-formed, honest about missing data, readable without the picture."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ElementTree
from datetime import date, timedelta

import pytest
from fpdf import FPDF

from twitchguide.reports import charts

NS = "{http://www.w3.org/2000/svg}"
START = date(2026, 1, 5)


def parsed(chart: charts.Chart) -> ElementTree.Element:
    root = ElementTree.fromstring(chart.svg)
    assert root.tag == f"{NS}svg"
    assert root.get("aria-label") == chart.alt
    return root


def texts(root: ElementTree.Element) -> list[str]:
    return [node.text or "" for node in root.iter(f"{NS}text")]


def all_charts() -> list[charts.Chart]:
    days = {START + timedelta(days=i): i % 4 for i in range(30)}
    return [
        charts.calendar_heatmap(days, set(days), START, START + timedelta(days=29)),
        charts.body_map({("calf", "left"): 9, ("calf", "right"): 1}),
        charts.episodes_per_week([charts.WeekCount(START, 12, 7), charts.WeekCount(START, 0, 0)]),
        charts.factor_effects([charts.Effect("+100 mg caffeine", 1.3, 1.1, 1.6, "likely")]),
        charts.grip_trend([charts.GripSeries("left", ((START, 40.0), (START + timedelta(7), 39.0),
                                                      (START + timedelta(14), 30.0)),
                                             40.0, 0.17, True)]),
    ]  # fmt: skip


@pytest.mark.parametrize("chart", all_charts(), ids=lambda c: c.title)
def test_every_chart_is_valid_svg_with_words_and_a_table(chart: charts.Chart) -> None:
    root = parsed(chart)
    used = {node.tag.removeprefix(NS) for node in root.iter()}
    assert used <= {"svg", "rect", "line", "circle", "polyline", "text"}
    assert chart.alt.endswith(".") and len(chart.alt) > 20
    assert chart.rows and all(len(row) == len(chart.columns) for row in chart.rows)


@pytest.mark.parametrize("chart", all_charts(), ids=lambda c: c.title)
def test_fpdf_embeds_every_chart_and_its_words(chart: charts.Chart) -> None:
    pdf = FPDF()
    pdf.add_font(charts.FONT, "", "twitchguide/reports/fonts/DejaVuSans.ttf")
    pdf.add_font(charts.FONT, "B", "twitchguide/reports/fonts/DejaVuSans-Bold.ttf")
    pdf.add_page()
    pdf.image(io.BytesIO(chart.svg.encode()), x=10, y=10, w=150)
    from pypdf import PdfReader

    text = PdfReader(io.BytesIO(bytes(pdf.output()))).pages[0].extract_text()
    for word in texts(parsed(chart)):
        assert word.strip() in text


def test_body_map_puts_the_persons_left_on_the_viewers_right() -> None:
    root = parsed(charts.body_map({("calf", "left"): 9, ("calf", "right"): 1}))
    spots = [node for node in root.iter(f"{NS}circle") if node.get("stroke")]
    left_spot = max(spots, key=lambda n: charts.SHADES.index(n.get("fill", "")))
    right_spot = min(spots, key=lambda n: charts.SHADES.index(n.get("fill", "")))
    assert float(left_spot.get("cx", 0)) > 100 > float(right_spot.get("cx", 0))
    labels = {node.text: float(node.get("x", 0)) for node in root.iter(f"{NS}text")}
    assert labels["Left"] > labels["Right"]


def test_body_map_names_unsided_limb_episodes_it_cannot_place() -> None:
    chart = charts.body_map({("calf", None): 3, ("tongue", None): 1})
    assert "3 episodes in a limb with no side given are in the table only" in chart.alt
    assert ("calf", "0", "0", "0", "3", "3") in chart.rows


def test_calendar_tells_not_logged_from_no_twitches() -> None:
    day = START
    chart = charts.calendar_heatmap({day: 0}, {day}, day, day + timedelta(days=1))
    fills = [n.get("fill") for n in parsed(chart).iter(f"{NS}rect")]
    assert charts.NO_DATA in fills and charts.SHADES[0] in fills
    assert chart.rows == ((day.isoformat(), "0"), ((day + timedelta(1)).isoformat(), "not logged"))


def test_a_week_with_nothing_logged_is_not_drawn_as_zero() -> None:
    chart = charts.episodes_per_week([charts.WeekCount(START, 0, 0), charts.WeekCount(START, 0, 7)])
    bars = [n for n in parsed(chart).iter(f"{NS}rect")]
    assert [b.get("fill") for b in bars] == ["#bbbbbb", "#1764ab"]


def test_grip_chart_draws_the_noise_band_and_marks_a_decline_in_words() -> None:
    chart = all_charts()[-1]
    root = parsed(chart)
    assert any(n.get("fill-opacity") for n in root.iter(f"{NS}rect"))
    assert "left: below the noise band" in texts(root)
    assert "the last two below the noise band" in chart.alt


def test_factor_effects_show_the_evidence_label_and_say_association() -> None:
    chart = all_charts()[3]
    assert "likely" in texts(parsed(chart))
    assert chart.rows == (("+100 mg caffeine", "1.30", "1.10–1.60", "likely"),)
    assert "associations, not causes" in chart.alt


def test_nice_ceiling_rounds_up_to_a_round_number() -> None:
    assert [charts.nice_ceiling(v) for v in (0, 1, 7, 59, 61, 130)] == [1, 1, 8, 60, 80, 200]


def test_whole_body_episodes_are_counted_in_words_not_placed() -> None:
    chart = charts.body_map({("whole_body", None): 4, ("calf", "left"): 1})
    assert "whole body: 4" in texts(parsed(chart))
    assert "4 episodes over the whole body" in chart.alt

"""The PDF doctor report: read back with pypdf, page 1 rendered with pypdfium2."""

from __future__ import annotations

import io
import re

import pypdfium2
import pytest
from pypdf import PdfReader

from benchmarks.report_diaries import red_flag_diary
from tests.reports.conftest import DIARIES, render
from twitchguide.diary.snapshot import Diary
from twitchguide.errors import InvalidInput
from twitchguide.reports.model import SECTION_TITLES, ReportOptions

MM = 72 / 25.4


def pages_text(content: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("name", list(DIARIES))
def test_every_diary_gives_a_report_whose_every_page_says_what_it_is(name: str) -> None:
    rendered = render(DIARIES[name]())
    assert rendered.content.startswith(b"%PDF")
    assert rendered.media_type == "application/pdf"
    texts = pages_text(rendered.content)
    assert len(texts) >= len(SECTION_TITLES)  # page 1, then at least one page a section
    for number, text in enumerate(texts, start=1):
        words = flat(text)
        assert f"Page {number} of {len(texts)}" in words
        assert "Period " in words and "generated 2026-11-27 18:30" in words
        assert "time zone Europe/Berlin" in words
        assert "patient-reported" in words
        assert "It is not a diagnosis" in words


@pytest.mark.parametrize("name", list(DIARIES))
def test_page_one_answers_weakness_first_then_course_medicines_and_links(name: str) -> None:
    first = flat(pages_text(render(DIARIES[name]()).content)[0])
    order = [
        first.index("1. Weakness: is there any, and is it getting worse?"),
        first.index("Triage level now:"),
        first.index("2. When it started and how it has gone"),
        first.index("3. Medicines and supplements"),
        first.index("4. What goes with more twitching (associations)"),
        first.index("These are associations in this person's own diary, not causes"),
    ]
    assert order == sorted(order)


def test_an_empty_diary_says_so_instead_of_showing_empty_charts() -> None:
    first = flat(pages_text(render(DIARIES["empty"]()).content)[0])
    assert "No twitch episodes logged yet." in first
    assert "No weakness reported in this period. No strength checks were logged." in first
    assert "None logged." in first
    assert "No grip checks logged" in first


def test_a_year_shows_its_medicines_links_and_the_grip_within_noise(year: Diary) -> None:
    texts = pages_text(render(year).content)
    first = flat(texts[0])
    for medicine in ("Sertraline", "Magnesium glycinate", "Salbutamol inhaler"):
        assert medicine in first
    assert "Sertraline medicine 50 mg once a day 2026-01-07 still taking" in first
    assert "+100 mg caffeine" in first and "likely" in first
    assert "grip stayed within measurement noise" in first
    assert first.count("not reported") >= 7
    assert "Grip below the noise band, last 2 check days no" in first
    assert "YES" not in first
    everything = flat(" ".join(texts))
    assert "Every factor the analysis looked at" in everything
    assert "Long shift, lots of coffee." in everything  # the person's notes


def test_red_flags_and_a_falling_grip_are_the_first_thing_on_page_one(red_flags: Diary) -> None:
    first = flat(pages_text(render(red_flags).content)[0])
    weakness = first[: first.index("2. When it started")]
    assert "Reported: weakness or a failed heel/toe walk; trouble swallowing." in weakness
    assert "Grip (left) below the noise band on the last 2 check days." in weakness
    assert "Triage level now: Emergency." in weakness
    assert "Call emergency services" in weakness
    assert weakness.count("YES") == 3  # weakness, grip, swallowing
    assert "left: below the noise band" in weakness  # the chart's own label


def test_page_one_renders_to_a_picture_with_ink_in_every_block(red_flags: Diary) -> None:
    document = pypdfium2.PdfDocument(render(red_flags).content)
    image = document[0].render(scale=1).to_pil().convert("L")
    width, height = image.size
    assert abs(width - 210 * MM) <= 1 and abs(height - 297 * MM) <= 1
    # Some dark ink in each quarter of the height: no block came out blank.
    for quarter in range(3):
        band = image.crop((0, height * quarter // 4, width, height * (quarter + 1) // 4))
        assert band.getextrema()[0] < 80


@pytest.mark.parametrize(("paper", "size_mm"), [("a4", (210, 297)), ("letter", (215.9, 279.4))])
def test_page_one_text_stays_inside_the_page_on_both_papers(
    red_flags: Diary, paper: str, size_mm: tuple[float, float]
) -> None:
    document = pypdfium2.PdfDocument(render(red_flags, paper=paper).content)
    page = document[0]
    width, height = page.get_size()
    assert (round(width), round(height)) == (round(size_mm[0] * MM), round(size_mm[1] * MM))
    text = page.get_textpage()
    margin = 6 * MM  # text keeps 10 mm from the sides, 7 mm from the top and bottom edges
    for index in range(text.count_chars()):
        left, bottom, right, top = text.get_charbox(index)
        if right - left <= 0:
            continue  # spaces and line ends have no box
        assert margin <= left and right <= width - margin, index
        assert margin <= bottom and top <= height - margin, index
    # The summary fits on page 1: page 2 is the first detail section.
    assert "Timeline of twitching" in document[1].get_textpage().get_text_range()


def test_sections_and_dates_are_the_persons_choice(year: Diary) -> None:
    from datetime import date

    rendered = render(
        year, sections=("summary", "strength"), start=date(2026, 9, 1), end=date(2026, 10, 31)
    )
    texts = [flat(t) for t in pages_text(rendered.content)]
    assert all("Period 2026-09-01 to 2026-10-31" in text for text in texts)
    joined = " ".join(texts)
    assert "Strength checks" in joined
    assert "Timeline of twitching" not in joined and "Relief ratings" not in joined
    assert rendered.filename == "twitch-report-2026-09-01-to-2026-10-31.pdf"


def test_unicode_in_the_persons_words_survives(red_flags: Diary) -> None:
    import dataclasses

    note = "Zucken im Wadenmuskel, naïve ≥ 3× täglich — Зуб"
    first = red_flags.strength_checks[0]
    diary = dataclasses.replace(red_flags, strength_checks=[dataclasses.replace(first, note=note)])
    assert note in flat(" ".join(pages_text(render(diary).content)))


def test_html_report_has_the_same_summary_and_inline_charts() -> None:
    rendered = render(red_flag_diary(), format="html")
    page = rendered.content.decode("utf-8")
    assert rendered.media_type.startswith("text/html")
    assert page.count("<svg") >= 4
    assert "Triage level now: Emergency." in page
    assert "Call emergency services now (999, 112 or 911)" in page
    assert "Grip (left) below the noise band" in page
    assert "patient-reported" in page and "Europe/Berlin" in page
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")


@pytest.mark.parametrize(
    ("options", "field"),
    [
        ({"sections": ("summary", "pets")}, "sections"),
        ({"paper": "a3"}, "paper"),
        ({"format": "docx"}, "format"),
    ],
)
def test_bad_choices_are_refused_naming_the_field(options: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        ReportOptions(**options)  # type: ignore[arg-type]
    assert caught.value.field == field


def test_one_grip_check_is_too_few_to_call_a_trend() -> None:
    first = flat(pages_text(render(DIARIES["week"]()).content)[0])
    assert "1 strength check, too few to see a grip trend" in first
    assert "Too few grip check days to see a trend yet" in first
    assert "no change beyond normal measurement noise" not in first
    assert "(6 days before the end of the period)" in first

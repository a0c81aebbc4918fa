"""`twitchguide guide`: list topics, read one, or search, in the terminal or as JSON."""

from __future__ import annotations

import shutil
import textwrap
from typing import Any

import click

from twitchguide.errors import InvalidInput

SAFETY_LINE = (
    "This guide does not replace a doctor. If you have sudden weakness, a drooping face, "
    "or trouble speaking, swallowing or breathing, call emergency services now "
    "(999, 911 or 112)."
)


def _width() -> int:
    return max(40, min(88, shutil.get_terminal_size((88, 24)).columns - 2))


def _wrap(text: str, indent: str = "  ", subsequent: str | None = None) -> str:
    # Never split a web address or a hyphenated word across lines: people copy them.
    return textwrap.fill(
        text,
        width=_width(),
        initial_indent=indent,
        subsequent_indent=indent if subsequent is None else subsequent,
        break_long_words=False,
        break_on_hyphens=False,
    )


def _render_list(topics: list[dict[str, str]]) -> None:
    from twitchguide.guide.plain import KIND_HEADINGS

    for kind, heading in KIND_HEADINGS.items():
        rows = [t for t in topics if t["kind"] == kind]
        if not rows:
            continue
        click.echo(click.style(heading, bold=True))
        width = max(len(t["id"]) for t in rows)
        for row in rows:
            click.echo(f"  {row['id'].ljust(width)}  {row['title']}")
        click.echo()
    click.echo("Read one:  twitchguide guide eyelid")
    click.echo('Search:    twitchguide guide search "why does my eye keep jumping"')


def _render_topic(page: dict[str, Any]) -> None:
    numbers = {source["id"]: n for n, source in enumerate(page["sources"], start=1)}
    click.echo(click.style(page["title"], bold=True))
    click.echo("=" * min(len(page["title"]), _width()))
    if page["kind"] == "article":  # other kinds open with the same words as their first section
        click.echo(_wrap(page["summary"], indent=""))
    for section in page["sections"]:
        click.echo()
        click.echo(click.style(section["heading"], bold=True))
        for n, paragraph in enumerate(section["paragraphs"]):
            cited = ",".join(str(numbers[s]) for s in paragraph["sources"])
            text = f"{paragraph['text']} [{cited}]"
            if section["as_list"]:
                click.echo(_wrap(f"- {text}", indent="  ", subsequent="    "))
            else:
                if n:
                    click.echo()
                click.echo(_wrap(text))
    click.echo()
    click.echo(click.style("Sources", bold=True))
    for source in page["sources"]:
        line = (
            f"[{numbers[source['id']]}] {source['publisher']}: {source['title']}. "
            f"{source['url']} (read {source['accessed']})"
        )
        click.echo(_wrap(line, indent="", subsequent="    "))
    click.echo()
    click.echo(_wrap(SAFETY_LINE, indent=""))


def _render_search(result: dict[str, Any]) -> None:
    if not result["hits"]:
        click.echo(f'Nothing in the guide matches "{result["question"]}".')
        click.echo("Try other words, or run 'twitchguide guide' to see every topic.")
        return
    click.echo(f'Best matches for "{result["question"]}":')
    for n, hit in enumerate(result["hits"], start=1):
        click.echo()
        click.echo(click.style(f"{n}. {hit['topic_title']}: {hit['section']}", bold=True))
        click.echo(_wrap(hit["text"], indent="   "))
        names = "; ".join(f"{s['publisher']}, {s['title']}" for s in hit["sources"])
        click.echo(_wrap(f"Sources: {names}", indent="   "))
        click.echo(f"   Read more: twitchguide guide {hit['topic_id']}")
    click.echo()
    click.echo(_wrap(SAFETY_LINE, indent=""))


@click.command("guide")
@click.argument("words", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.option(
    "--limit",
    default=5,
    show_default=True,
    type=click.IntRange(1, 50),
    help="How many passages a search shows.",
)
def guide(words: tuple[str, ...], as_json: bool, limit: int) -> None:
    """Read the guide: a cited, plain-language guide to muscle twitching.

    \b
    twitchguide guide                      list the topics
    twitchguide guide eyelid               read one topic (a topic id, title or body part)
    twitchguide guide search "eye keeps jumping"   find the best passages for a question

    Words that name no topic are searched as a question.
    """
    from twitchguide.actions import guide as guide_actions
    from twitchguide.actions.results import GuidePage
    from twitchguide.cli.output import echo_json

    if not words:
        topics = guide_actions.guide_topics()
        echo_json(topics) if as_json else _render_list(topics)
        return
    if words[0].lower() == "search":
        question = " ".join(words[1:]).strip()
        if not question:
            raise InvalidInput("question", 'add a question, e.g. guide search "eye twitching"')
        found = guide_actions.guide_search(question, limit).to_json()
        echo_json(found) if as_json else _render_search(found)
        return
    shown = guide_actions.read_guide(" ".join(words), limit)
    if as_json:
        echo_json(shown.to_json())
    elif isinstance(shown, GuidePage):
        _render_topic(shown.to_json())
    else:
        _render_search(shown.to_json())

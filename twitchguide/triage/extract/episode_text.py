"""Quick logging in plain words: "left calf, about 2 minutes, after my run" -> an episode draft.

Nothing is guessed silently: what was read is listed with the words it came from, and anything
ambiguous ("leg", "yesterday" without a time) is an InvalidInput naming the problem. Several
places ("left calf and right thigh") are read as one episode each, with their own sides.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import datetime, timedelta
from typing import Any

from twitchguide.diary.timewords import parse_instant
from twitchguide.diary.vocabulary import WHOLE_BODY, WHOLE_BODY_WORDS
from twitchguide.errors import InvalidInput
from twitchguide.triage.extract.lexicons import VAGUE_REGION_WORDS
from twitchguide.triage.extract.places import (
    SAME_PLACE_SIGNS,
    SIDE_WORDS,
    RegionMention,
    attach_side,
    region_mentions,
    sentence_ids,
)
from twitchguide.triage.extract.text import Token, tokenize
from twitchguide.triage.extract.timex import WEEKDAYS, TimeMention, time_mentions

MAX_NOTE = 2000
PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night", "noon", "midnight"})
CLOCK_WORDS = frozenset({"at", "am", "pm", ":", "around", "about", *PARTS_OF_DAY})
INTENSITY_WORDS: dict[str, int] = {
    "barely": 1,
    "faint": 1,
    "tiny": 1,
    "slight": 1,
    "mild": 2,
    "small": 2,
    "moderate": 3,
    "noticeable": 3,
    "medium": 3,
    "strong": 4,
    "big": 4,
    "intense": 5,
    "violent": 5,
    "massive": 5,
    "severe": 5,
}
PATTERN_WORDS: dict[str, str] = {
    "single": "single",
    "once": "single",
    "burst": "burst",
    "bursts": "burst",
    "flurry": "burst",
    "several": "burst",
    "continuous": "continuous",
    "constant": "continuous",
    "constantly": "continuous",
    "nonstop": "continuous",
    "non": "continuous",
    "rippling": "continuous",
    "ripple": "continuous",
    "ripples": "continuous",
    "rolling": "continuous",
    "wave": "continuous",
    "waves": "continuous",
    "popcorn": "burst",
    "popping": "burst",
}
CONTEXT_WORDS: dict[str, str] = {
    "run": "after_exercise",
    "running": "after_exercise",
    "gym": "after_exercise",
    "workout": "after_exercise",
    "exercise": "after_exercise",
    "exercising": "after_exercise",
    "training": "after_exercise",
    "lifting": "after_exercise",
    "cycling": "after_exercise",
    "football": "after_exercise",
    "hike": "after_exercise",
    "swim": "after_exercise",
    "asleep": "falling_asleep",
    "drifting": "falling_asleep",
    "dozing": "falling_asleep",
    "resting": "rest",
    "rest": "rest",
    "sitting": "rest",
    "lying": "rest",
    "sofa": "rest",
    "couch": "rest",
    "tv": "rest",
}
ONGOING = (("still", "going"), ("still", "twitching"), ("won't", "stop"), ("ongoing",))
COUNT_NOUNS = frozenset({"twitches", "times", "jumps", "twitch", "jerks"})


@dataclass(frozen=True)
class EpisodeDraft:
    """An episode read from words, before it is stored; None = not said."""

    region: str
    side: str | None = None
    duration_seconds: int | None = None
    ongoing: bool | None = None
    intensity: int | None = None
    pattern: str | None = None
    context: str | None = None
    started_at: datetime | None = None
    count: int | None = None
    note: str | None = None
    understood: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    # Every place said, as (region, side): "left calf and right thigh" logs two episodes.
    places: tuple[tuple[str, str | None], ...] = ()

    def values(self) -> dict[str, Any]:
        """The fields that were said, as diary field values (for the first place)."""
        return {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if f.name not in ("understood", "places") and getattr(self, f.name) is not None
        }


def parse_episode_text(text: str, now: datetime) -> EpisodeDraft:
    """Read one twitch episode from plain words; InvalidInput says what is missing or unclear."""
    if not text.strip():
        raise InvalidInput("text", "describe the twitch, e.g. 'left calf, about 2 minutes'")
    tokens = tokenize(text)
    understood: list[tuple[str, str]] = []

    def said(name: str, first: int, last: int) -> None:
        understood.append((name, text[tokens[first].start : tokens[last - 1].end]))

    places = _places_and_sides(tokens, said)
    region, side = places[0]
    values: dict[str, Any] = {"region": region, "side": side, "places": tuple(places)}
    mentions = time_mentions(tokens, now)
    values["duration_seconds"] = _duration(tokens, mentions, said)
    values["ongoing"] = _ongoing(tokens, said)
    if values["ongoing"] and values["duration_seconds"] is not None:
        raise InvalidInput("duration", "both a length and 'still going' were given; say one")
    values["started_at"] = _started_at(text, tokens, mentions, now, said)
    values["intensity"] = _intensity(tokens, said)
    values["pattern"] = _word_choice(tokens, PATTERN_WORDS, "pattern", said)
    values["context"] = _word_choice(tokens, CONTEXT_WORDS, "context", said)
    values["count"] = _count(tokens, said)
    values["note"] = text.strip()[:MAX_NOTE]
    return EpisodeDraft(**values, understood=tuple(understood))


def _twitching_places(tokens: list[Token], mentions: list[RegionMention]) -> list[RegionMention]:
    """Drop places that belong to another symptom ("calf twitching, and chest pain": the chest
    hurts, the calf twitches). Keeps them all if that would leave none."""
    from twitchguide.triage.extract.phrases import find_phrases, lexicon

    symptoms = [
        match
        for match in find_phrases(tokens, lexicon())
        if not match.concept.startswith("_") and match.concept not in SAME_PLACE_SIGNS
    ]
    twitching = [
        mention
        for mention in mentions
        if not any(s.first <= mention.first and mention.last <= s.last for s in symptoms)
    ]
    return twitching or mentions


def _places_and_sides(tokens: list[Token], said: Any) -> list[tuple[str, str | None]]:
    """Each twitching place with its own side: 'left calf and right thigh' is two places."""
    whole = _whole_body(tokens)
    if whole is not None:
        said("region", *whole)
        return [(WHOLE_BODY, None)]
    mentions = region_mentions(tokens)
    if not mentions:
        raise InvalidInput("region", "no body region found; say where, e.g. 'left calf'")
    vague = [m for m in mentions if m.vague]
    if vague:
        choices = ", ".join(VAGUE_REGION_WORDS[vague[0].vague or ""][1])
        raise InvalidInput("region", f"'{vague[0].vague}' could be {choices}: say which one")
    if len({m.region for m in mentions}) > 1:
        mentions = _twitching_places(tokens, mentions)
    sentence = sentence_ids(tokens)
    sides: dict[str, set[str]] = {}
    first_at: dict[str, int] = {}
    several = len({m.region for m in mentions}) > 1
    for number, mention in enumerate(mentions):
        if several:
            # Each place looks for its side only between its neighbours: "left calf and right
            # thigh" gives the calf the left, not both.
            low = mentions[number - 1].last if number else 0
            high = mentions[number + 1].first if number + 1 < len(mentions) else len(tokens)
            while high > mention.last and tokens[high - 1].norm in SIDE_WORDS:
                high -= 1  # "…and right thigh": that side is the next place's
            side, at = attach_side(
                tokens[low:high], mention.first - low, mention.last - low, sentence[low:high]
            )
            at += low
        else:
            side, at = attach_side(tokens, mention.first, mention.last, sentence)
        sides.setdefault(mention.region, set())
        if side is not None:
            sides[mention.region].add(side)
            first_at.setdefault(mention.region, at)
    said("region", mentions[0].first, mentions[0].last)
    if first_at:
        at = min(first_at.values())
        said("side", at, at + 1)
    places = []
    for region, found in sides.items():
        side = None
        if found:
            side = "both" if len(found) > 1 or "both" in found else next(iter(found))
        places.append((region, side))
    return places


def _whole_body(tokens: list[Token]) -> tuple[int, int] | None:
    """Where the text says the twitching is everywhere ('all over', 'whole body'), if it does."""
    words = [t.norm for t in tokens]
    for at in range(len(words) - 1):
        pair = f"{words[at]} {words[at + 1]}"
        if pair in WHOLE_BODY_WORDS and pair != "body":
            return at, at + 2
    for at, word in enumerate(words):
        if word == "everywhere":
            return at, at + 1
    return None


def _duration(tokens: list[Token], mentions: list[TimeMention], said: Any) -> int | None:
    lengths = [m for m in mentions if m.anchor not in ("ago", "since", "day_word", "often")]
    if not lengths:
        return None
    if any(m.first and tokens[m.first - 1].norm in ("-", "minus") for m in lengths):
        raise InvalidInput("duration", "a length cannot be below zero; say how long it lasted")
    if len({round(m.seconds) for m in lengths}) > 1:
        raise InvalidInput("duration", "more than one length given; say how long this one lasted")
    said("duration_seconds", lengths[0].first, lengths[0].last)
    return round(lengths[0].seconds)


def _ongoing(tokens: list[Token], said: Any) -> bool | None:
    words = [t.norm for t in tokens]
    for phrase in ONGOING:
        for at in range(len(words) - len(phrase) + 1):
            if tuple(words[at : at + len(phrase)]) == phrase:
                said("ongoing", at, at + len(phrase))
                return True
    return None


def _started_at(
    text: str, tokens: list[Token], mentions: list[TimeMention], now: datetime, said: Any
) -> datetime | None:
    for at, token in enumerate(tokens):
        following = tokens[at + 1].norm if at + 1 < len(tokens) else ""
        if token.norm == "tomorrow" or (
            token.norm == "next" and following in ("week", "month", *WEEKDAYS, *PARTS_OF_DAY)
        ):
            # A twitch is logged once it has happened; reading only "at 9am" would log today.
            raise InvalidInput(
                "started_at",
                f"'{text[token.start : tokens[at + (token.norm == 'next')].end]}' is in the "
                "future; "
                "log a twitch once it has happened",
            )
    ago = [m for m in mentions if m.anchor == "ago"]
    if ago:
        said("started_at", ago[0].first, ago[0].last + 1)
        return now - timedelta(seconds=ago[0].seconds)
    for at, token in enumerate(tokens):
        word = token.norm
        nxt = tokens[at + 1].norm if at + 1 < len(tokens) else ""
        starts = (
            word in ("today", "yesterday", "tonight", *WEEKDAYS)
            or (word in ("last", "this") and nxt in PARTS_OF_DAY)
            or (word == "at" and tokens[at + 1].is_number if nxt else False)
            or (word == "just" and nxt == "now")
        )
        if not starts:
            continue
        end = at + 1
        while end < len(tokens) and (tokens[end].norm in CLOCK_WORDS or tokens[end].is_number):
            end += 1
        phrase = text[token.start : tokens[end - 1].end]
        if end == at + 1 and word in ("yesterday", *WEEKDAYS):
            raise InvalidInput(
                "started_at",
                f"'{phrase}' needs a time too, e.g. '{phrase} 9pm' or '{phrase} evening'",
            )
        said("started_at", at, end)
        moment = parse_instant(phrase.replace("this ", "today "), now, field="started_at")
        if moment > now:
            raise InvalidInput("started_at", f"'{phrase}' is in the future")
        return moment
    return None


def _intensity(tokens: list[Token], said: Any) -> int | None:
    for at, token in enumerate(tokens):
        nxt = tokens[at + 1].norm if at + 1 < len(tokens) else ""
        after = tokens[at + 2].norm if at + 2 < len(tokens) else ""
        if token.is_number and nxt == "/" and after in ("5", "10"):
            value = float(token.norm) / (1 if after == "5" else 2)
            if not 1 <= value <= 5:
                raise InvalidInput("intensity", "1 (barely) to 5 (strong)")
            said("intensity", at, at + 3)
            return round(value)
        if token.norm == "intensity" and tokens[at + 1 : at + 2] and tokens[at + 1].is_number:
            value = float(tokens[at + 1].norm)
            if not 1 <= value <= 5:
                raise InvalidInput("intensity", "1 (barely) to 5 (strong)")
            said("intensity", at, at + 2)
            return round(value)
        if token.norm in INTENSITY_WORDS:
            said("intensity", at, at + 1)
            return INTENSITY_WORDS[token.norm]
    return None


def _word_choice(tokens: list[Token], words: dict[str, str], name: str, said: Any) -> str | None:
    for at, token in enumerate(tokens):
        if token.norm in words:
            said(name, at, at + 1)
            return words[token.norm]
    return None


def _count(tokens: list[Token], said: Any) -> int | None:
    for at, token in enumerate(tokens[:-1]):
        if token.is_number and tokens[at + 1].norm in COUNT_NOUNS:
            said("count", at, at + 2)
            return int(float(token.norm))
    return None

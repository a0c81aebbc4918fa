"""Time in free text: "for 3 weeks", "10 days now", "since monday", "yesterday", "about 2 mins"."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from twitchguide.triage.extract.text import Token

Anchor = Literal["for", "ago", "since", "bare", "day_word", "lasting", "often"]

UNIT_SECONDS: dict[str, float] = {
    "second": 1,
    "seconds": 1,
    "minute": 60,
    "minutes": 60,
    "hour": 3600,
    "hours": 3600,
    "day": 86400,
    "days": 86400,
    "night": 86400,
    "nights": 86400,
    "week": 7 * 86400,
    "weeks": 7 * 86400,
    "fortnight": 14 * 86400,
    "fortnights": 14 * 86400,
    "month": 30 * 86400,
    "months": 30 * 86400,
    "year": 365 * 86400,
    "years": 365 * 86400,
}
# Units glued to a number ("10d", "3h", "2w"); a lone letter elsewhere is not a unit.
GLUED_UNITS: dict[str, str] = {
    "d": "days",
    "h": "hours",
    "w": "weeks",
    "s": "seconds",
    "sec": "seconds",
    "secs": "seconds",
    "min": "minutes",
    "mins": "minutes",
}
NUMBER_WORDS: dict[str, float] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "couple": 2,
    "few": 3,
    "several": 3,
    "half": 0.5,
    "dozen": 12,
}
# "for weeks" with no number: read as the least it can mean, never more.
PLURAL_ALONE = {"days": 2.0, "weeks": 14.0, "months": 60.0, "years": 730.0}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DAY_WORDS: dict[tuple[str, ...], float] = {
    ("yesterday",): 1,
    ("today",): 0.25,
    ("this", "morning"): 0.25,
    ("this", "afternoon"): 0.2,
    ("this", "evening"): 0.1,
    ("tonight",): 0.1,
    ("last", "night"): 0.5,
    ("last", "week"): 7,
    ("last", "month"): 30,
    ("last", "year"): 365,
    ("the", "weekend"): 2,
}
FOR_CUES = frozenset({"for", "past", "last", "over", "nearly", "almost", "about", "around", "like"})
AGO_WORDS = frozenset({"ago", "back"})
NOW_WORDS = frozenset({"now", "straight", "running", "solid", "already", "non", "nonstop"})
NOT_DURATION_AFTER = frozenset({"pregnant", "along", "old", "postpartum", "gestation"})
LASTING_CUES = frozenset({"lasts", "lasting", "lasted", "each", "per"})
# "a few times a day", "twice a week": how often, which says nothing about how long.
OFTEN_CUES = frozenset({"times", "time", "once", "twice", "thrice"})


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A stretch of time the text states, in seconds, and how it was put."""

    seconds: float
    first: int
    last: int
    anchor: Anchor

    @property
    def days(self) -> float:
        return self.seconds / 86400


def _number(tokens: Sequence[Token], at: int) -> tuple[float, int] | None:
    """A number starting at `at` ("3", "two", "a couple of", "1-2", "2 or 3"), and where it ends."""
    if at >= len(tokens):
        return None
    word = tokens[at].norm
    value: float | None = None
    end = at + 1
    if tokens[at].is_number:
        try:
            value = float(word)
        except ValueError:
            return None
    elif word in NUMBER_WORDS:
        value = NUMBER_WORDS[word]
        if word in ("a", "an") and end < len(tokens) and tokens[end].norm in ("couple", "few"):
            value = NUMBER_WORDS[tokens[end].norm]
            end += 1
        elif word == "half" and end < len(tokens) and tokens[end].norm in ("a", "an"):
            end += 1
        if end < len(tokens) and tokens[end].norm == "of" and value != 1:
            end += 1
    if value is None:
        return None
    words = [t.norm for t in tokens[end : end + 3]]
    if (
        words == ["and", "a", "half"]
        and end + 3 < len(tokens)
        and tokens[end + 3].norm in (UNIT_SECONDS)
    ):
        return value + 0.5, end + 3  # "3 and a half weeks"
    # Ranges read as their upper end: a longer time is the more careful reading.
    if end + 1 < len(tokens) and tokens[end].norm in ("-", "to", "or", "/"):
        upper = _number(tokens, end + 1)
        if upper is not None and upper[0] >= value:
            return upper
    return value, end


def _unit(tokens: Sequence[Token], at: int, number_end: int | None) -> tuple[float, int] | None:
    if at >= len(tokens):
        return None
    word = tokens[at].norm
    glued = number_end is not None and tokens[at].start == tokens[at - 1].end
    if glued and word in GLUED_UNITS:
        word = GLUED_UNITS[word]
    if word in UNIT_SECONDS:
        end = at + 1
        # "a month and a half"
        if (
            end + 2 < len(tokens)
            and tokens[end].norm == "and"
            and tokens[end + 1].norm in ("a", "an")
            and tokens[end + 2].norm == "half"
        ):
            return UNIT_SECONDS[word] * 1.5, end + 3
        return UNIT_SECONDS[word], end
    return None


def time_mentions(tokens: Sequence[Token], now: datetime | None = None) -> list[TimeMention]:
    """Every stretch of time stated in the text, in text order."""
    found: list[TimeMention] = []
    at = 0
    while at < len(tokens):
        mention = _mention_at(tokens, at, now)
        if mention is None:
            at += 1
            continue
        found.append(mention)
        at = mention.last
    return found


def _mention_at(tokens: Sequence[Token], at: int, now: datetime | None) -> TimeMention | None:
    word = tokens[at].norm
    before = tokens[at - 1].norm if at > 0 else ""
    if word == "since":
        return _since(tokens, at, now)
    for words, days in DAY_WORDS.items():
        if tuple(t.norm for t in tokens[at : at + len(words)]) == words:
            return TimeMention(days * 86400, at, at + len(words), "day_word")
    number = _number(tokens, at)
    if number is not None:
        value, end = number
        if (
            end < len(tokens)
            and tokens[end].norm == "and"
            and tokens[end].start == tokens[end - 1].end
        ):
            end += 1  # "2+ weeks" ("+" reads as "and")
        unit = _unit(tokens, end, end)
        if unit is not None:
            seconds, last = unit
            if last < len(tokens) and tokens[last].norm in NOT_DURATION_AFTER:
                return None
            if before in ("i'm", "she's", "am") and seconds == UNIT_SECONDS["weeks"]:
                return None  # "I'm 30 weeks": how far along, not how long
            if _more_than(tokens, at, last):
                value *= MORE_THAN  # "over 2 weeks" is more than the rules' "more than 2 weeks"
            return TimeMention(value * seconds, at, last, _anchor(tokens, at, last))
    after = tokens[at + 1].norm if at + 1 < len(tokens) else ""
    if word in ("past", "last") and after in ("week", "month", "year", "fortnight", "day"):
        return TimeMention(UNIT_SECONDS[after], at, at + 2, "for")
    if word in PLURAL_ALONE and before in ("for", "over", "few", "many"):
        return TimeMention(PLURAL_ALONE[word] * 86400, at, at + 1, "for")
    return None


MORE_THAN = 1.05


def _more_than(tokens: Sequence[Token], first: int, last: int) -> bool:
    """'over 2 weeks', 'more than a month', 'longer than 2 weeks', '2+ weeks', '2 weeks plus'."""
    before = tokens[first - 1].norm if first > 0 else ""
    before2 = tokens[first - 2].norm if first > 1 else ""
    after = tokens[last].norm if last < len(tokens) else ""
    glued_plus = (
        first + 1 < len(tokens)
        and tokens[first + 1].norm in ("+", "and")
        and (tokens[first + 1].start == tokens[first].end)
    )
    return (
        before == "over"
        or (before == "than" and before2 in ("more", "longer"))
        or after == "plus"
        or glued_plus
    )


def _anchor(tokens: Sequence[Token], first: int, last: int) -> Anchor:
    before = tokens[first - 1].norm if first > 0 else ""
    before2 = tokens[first - 2].norm if first > 1 else ""
    after = tokens[last].norm if last < len(tokens) else ""
    if after in AGO_WORDS:
        return "ago"
    # "it started 3 weeks before." (as "ago"); "3 weeks before my wedding" dates something else.
    if after == "before" and (last + 1 >= len(tokens) or not tokens[last + 1].is_word):
        return "ago"
    if before in OFTEN_CUES:
        return "often"
    if before in LASTING_CUES or before2 in LASTING_CUES or after in ("each", "at", "long"):
        return "lasting"
    if before in FOR_CUES or before2 in ("for", "past", "last") or after in NOW_WORDS:
        return "for"
    return "bare"


def _since(tokens: Sequence[Token], at: int, now: datetime | None) -> TimeMention | None:
    nxt = at + 1
    if nxt >= len(tokens):
        return None
    word = tokens[nxt].norm
    if word == "last" and nxt + 1 < len(tokens) and tokens[nxt + 1].norm in WEEKDAYS:
        nxt += 1
        word = tokens[nxt].norm
        extra = 7.0
    else:
        extra = 0.0
    if word in WEEKDAYS and now is not None:
        back = (now.weekday() - WEEKDAYS.index(word)) % 7 or 7
        return TimeMention((back + extra) * 86400, at, nxt + 1, "since")
    dated = _since_date(tokens, nxt, now) or _since_event_dated(tokens, nxt, now)
    if dated is not None:
        days, last = dated
        return TimeMention(days * 86400, at, last, "since")
    inner = _mention_at(tokens, nxt, now)
    if inner is not None:
        # "since 20 mins ago" is a start time, like "20 mins ago".
        anchor: Anchor = "ago" if inner.anchor == "ago" else "since"
        return TimeMention(inner.seconds, at, inner.last, anchor)
    return None


MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")  # fmt: skip
SHORT_MONTHS = {m[:3]: m for m in MONTHS} | {"sept": "september"}
# Days people date things from: (month, day).
DATE_WORDS: dict[str, tuple[int, int]] = {
    "halloween": (10, 31),
    "christmas": (12, 25),
    "xmas": (12, 25),
    "bonfire": (11, 5),
    "easter": (4, 1),
}
# "since the summer": from the season's last day, the least it can mean (northern seasons); in
# the season itself, from its first day.
SEASONS: dict[str, tuple[tuple[int, int], tuple[int, int]]] = {
    "spring": ((3, 1), (5, 31)),
    "summer": ((6, 1), (8, 31)),
    "autumn": ((9, 1), (11, 30)),
    "fall": ((9, 1), (11, 30)),
    "winter": ((12, 1), (2, 28)),
}
ORDINAL_ENDS = ("st", "nd", "rd", "th")
# The day of the month a part of it is read as (the latest day it can mean: the least time).
PART_OF_MONTH = {"start": 1, "beginning": 1, "early": 10, "middle": 15, "mid": 15, "end": 28,
                 "late": 28}  # fmt: skip


# "since my birthday on the 2nd of november", "since the wedding on 3 october": an event named with
# its date; the date is what counts. Only a few plain words may stand between "since" and "on".
EVENT_WORDS_MAX = 3


def _since_event_dated(
    tokens: Sequence[Token], at: int, now: datetime | None
) -> tuple[float, int] | None:
    for position in range(at + 1, min(len(tokens), at + EVENT_WORDS_MAX + 1)):
        token = tokens[position]
        if token.norm == "on":
            return _since_date(tokens, position + 1, now)
        if token.is_number or not token.norm.isalpha():
            return None
    return None


def _since_date(tokens: Sequence[Token], at: int, now: datetime | None) -> tuple[float, int] | None:
    """'since September', 'since the 1st of November', 'since halloween', 'since last christmas':
    days from that date (the latest one not after now) to now, and where the words end."""
    if now is None:
        return None
    words = [t.norm for t in tokens[at : at + 6]]
    position = 0
    day = 1
    if position < len(words) and words[position] in ("the", "last"):
        position += 1
    # "since the start of october", "since early october", "since the end of september"
    if position < len(words) and words[position] in PART_OF_MONTH:
        day = PART_OF_MONTH[words[position]]
        position += 1
        if position < len(words) and words[position] == "of":
            position += 1
        if position < len(words) and words[position] == "the":
            position += 1
        word = words[position] if position < len(words) else ""
        if word in SEASONS:
            return _since_season(word, now, at + position + 1)
        if word not in MONTHS and SHORT_MONTHS.get(word[:3]) is None:
            return None
    ordinal = False
    if position < len(words) and tokens[at + position].is_number:
        number = int(float(words[position])) if words[position].replace(".", "").isdigit() else 0
        if not 1 <= number <= 31:
            return None
        day = number
        position += 1
        if position < len(words) and words[position] in ORDINAL_ENDS:
            position += 1
            ordinal = True
        if position < len(words) and words[position] == "of":
            position += 1
    word = words[position] if position < len(words) else ""
    if ordinal and word not in MONTHS and SHORT_MONTHS.get(word[:3]) is None:
        # "since the 3rd": a day of the month with no month is the latest such day.
        return _since_day_of_month(day, now, at + position)
    if word in SEASONS and day == 1:
        return _since_season(word, now, at + position + 1)
    month_name = SHORT_MONTHS.get(word[:3]) if word[:3] in SHORT_MONTHS else None
    if word in MONTHS or (month_name is not None and word in (month_name, word[:3], "sept")):
        month = MONTHS.index(month_name or word) + 1
    elif word in DATE_WORDS and day == 1:
        month, day = DATE_WORDS[word]
    else:
        return None
    year = now.year
    try:
        start = now.replace(year=year, month=month, day=day, hour=0, minute=0, second=0)
        if start > now:
            start = start.replace(year=year - 1)
    except ValueError:
        return None
    return (now - start).total_seconds() / 86400, at + position + 1


def _since_day_of_month(day: int, now: datetime, end: int) -> tuple[float, int] | None:
    start = now.replace(hour=0, minute=0, second=0, microsecond=0)
    for _ in range(3):  # this month, or the last month that has that day
        try:
            candidate = start.replace(day=day)
        except ValueError:
            candidate = None
        if candidate is not None and candidate <= now:
            return (now - candidate).total_seconds() / 86400, end
        start = (start.replace(day=1) - timedelta(days=1)).replace(day=1)
    return None


def _since_season(word: str, now: datetime, end: int) -> tuple[float, int] | None:
    (first_month, first_day), (last_month, last_day) = SEASONS[word]
    last = now.replace(month=last_month, day=last_day, hour=0, minute=0, second=0)
    if last > now:
        last = last.replace(year=now.year - 1)
    first = now.replace(month=first_month, day=first_day, hour=0, minute=0, second=0)
    if first > now:
        first = first.replace(year=now.year - 1)
    # In the season now ("since the autumn", in November): from its first day.
    start = first if first > last else last
    return (now - start).total_seconds() / 86400, end


def condition_days(mentions: Sequence[TimeMention]) -> TimeMention | None:
    """How long the trouble has gone on: the longest stated stretch that is not one episode."""
    usable = [
        m
        for m in mentions
        if m.anchor not in ("lasting", "often")
        and (m.seconds >= 3600 or m.anchor in ("ago", "since", "day_word"))
    ]
    # "today" or "this morning" often dates something else ("4 coffees today"): last resort.
    stated = [m for m in usable if not (m.anchor == "day_word" and m.seconds < 86400)]
    return max(stated or usable, key=lambda m: m.seconds, default=None)

"""Numbers people state in passing: age, weeks of pregnancy, caffeine drinks, hours of sleep."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from twitchguide.triage.extract.text import Token
from twitchguide.triage.extract.timex import NUMBER_WORDS, UNIT_SECONDS


@dataclass(frozen=True, slots=True)
class Found:
    """A number read from the text, and the tokens [first, last) it came from."""

    value: float
    first: int
    last: int


def _value(token: Token) -> float | None:
    if token.is_number:
        try:
            return float(token.norm)
        except ValueError:
            return None
    return NUMBER_WORDS.get(token.norm)


def _norm(tokens: Sequence[Token], at: int) -> str:
    return tokens[at].norm if 0 <= at < len(tokens) else ""


DECADES = {
    "20s": 25,
    "twenties": 25,
    "30s": 35,
    "thirties": 35,
    "40s": 45,
    "forties": 45,
    "50s": 55,
    "fifties": 55,
    "60s": 65,
    "sixties": 65,
    "70s": 75,
    "seventies": 75,
    "80s": 85,
    "eighties": 85,
    "90s": 95,
    "nineties": 95,
}
PEOPLE = frozenset(
    {"son", "daughter", "kid", "child", "boy", "girl", "dad", "mum", "mom", "father", "mother",
     "husband", "wife", "partner", "grandma", "grandad", "granddad", "grandpa", "nan", "baby",
     "she", "he", "mother-in-law", "granny", "grandmother", "grandfather", "madre", "padre"}
)  # fmt: skip
SEX_WORDS = frozenset({"m", "f", "male", "female", "man", "woman", "guy", "girl", "boy"})


# "my 18 month old's eyelid", "my 6 year olds leg": the age of a child, said as a noun.
OLD = frozenset({"old", "old's", "olds"})


def find_age(tokens: Sequence[Token]) -> Found | None:
    """The age of the person the text is about ("I'm 34", "34M", "my 6 year old", "in my 60s")."""
    for at, token in enumerate(tokens):
        value = _value(token) if token.is_number else None
        nxt, nxt2 = _norm(tokens, at + 1), _norm(tokens, at + 2)
        if value is not None and 0 < value <= 110:
            if nxt == "years_old" or (nxt in ("year", "years", "yr") and nxt2 in OLD):
                return Found(value, at, at + (2 if nxt == "years_old" else 3))
            if nxt == "y" and nxt2 == "/" and _norm(tokens, at + 3) == "o":  # "34 y/o"
                return Found(value, at, at + 4)
            if nxt in ("month", "months", "mth", "mths", "mo") and nxt2 in OLD:
                return Found(round(value / 12, 2), at, at + 3)
            before = _norm(tokens, at - 1)
            if before in ("aged", "age") or (before in ("i'm", "am") and _bare(tokens, at)):
                return Found(value, at - 1, at + 1)
            # "my son is 7", "my dad (72)"
            if before == "is" and _norm(tokens, at - 2) in PEOPLE and _bare(tokens, at):
                return Found(value, at - 2, at + 1)
            if before == "(" and nxt == ")" and _norm(tokens, at - 2) in PEOPLE:
                return Found(value, at - 2, at + 2)
            # "my son 5 years have fever": an age said right after the person.
            if before in PEOPLE and nxt in ("years", "year", "yrs"):
                return Found(value, at - 1, at + 2)
            glued = at + 1 < len(tokens) and tokens[at + 1].start == token.end
            if 10 <= value <= 99 and nxt in SEX_WORDS and (glued or at == 0):
                return Found(value, at, at + 2)
        if token.norm in DECADES and _norm(tokens, at - 1) in ("my", "her", "his", "their"):
            return Found(DECADES[token.norm], at - 2 if at >= 2 else at - 1, at + 1)
    return None


def _bare(tokens: Sequence[Token], at: int) -> bool:
    """'I'm 34' is an age; 'I'm 34 weeks pregnant' or 'I'm 5 days in' is not."""
    nxt = _norm(tokens, at + 1)
    return nxt not in UNIT_SECONDS and nxt not in ("pregnant", "%", "kg", "lbs", "cups", "coffees")


def find_pregnancy_weeks(tokens: Sequence[Token]) -> Found | None:
    """'34 weeks pregnant', '34 weeks along', '34/40'."""
    for at, token in enumerate(tokens):
        value = _value(token) if token.is_number else None
        if value is None or not 0 < value <= 45:
            continue
        nxt, nxt2 = _norm(tokens, at + 1), _norm(tokens, at + 2)
        if nxt in ("week", "weeks") and nxt2 in ("pregnant", "along", "gestation"):
            return Found(value, at, at + 3)
        # "28 weeks with twins", "30 weeks with a baby girl": weeks carrying a child.
        if nxt in ("week", "weeks", "wks") and nxt2 == "with" and _norm(tokens, at + 3) in CARRIED:
            return Found(value, at, at + 4)
        if nxt == "/" and nxt2 == "40":
            return Found(value, at, at + 3)
        # "pregnant 35 week", "pregnant, 30 weeks"
        lead = at - 2 if at > 1 and _norm(tokens, at - 1) in (",", "-", "at", "for") else at - 1
        if nxt in ("week", "weeks", "wks") and lead >= 0 and _norm(tokens, lead) == "pregnant":
            return Found(value, lead, at + 2)
        # "I'm 30 weeks" in a text about a baby or a midwife.
        before = _norm(tokens, at - 1) if at > 0 else ""
        if nxt in ("week", "weeks") and before in BEING and _pregnancy_context(tokens):
            return Found(value, at - 1, at + 2)
        # "I'm 36 weeks, my feet swelled": said of oneself and ending the clause, weeks this
        # far on are weeks of pregnancy ("I'm 3 weeks into this" goes on with "into").
        if (
            nxt in ("week", "weeks", "wks")
            and before in SELF
            and MIN_BARE_WEEKS <= value <= 42
            and nxt2 in CLAUSE_END
        ):
            return Found(value, at - 1, at + 2)
    return None


BEING = frozenset({"i'm", "im", "she's", "am", "is"})
SELF = frozenset({"i'm", "im", "she's", "shes"})
CARRIED = frozenset({"twins", "triplets", "baby", "a", "my", "our", "number"})
MIN_BARE_WEEKS = 12
CLAUSE_END = frozenset({"", ",", ".", "!", "?", ";", "and", "now", "today", "-"})
PREGNANCY_WORDS = frozenset(
    {"baby", "midwife", "bump", "pregnant", "pregnancy", "antenatal", "trimester", "womb"}
)


def _pregnancy_context(tokens: Sequence[Token]) -> bool:
    return any(token.norm in PREGNANCY_WORDS for token in tokens)


# mg of caffeine in one serving (a mug of coffee ~100 mg, as the facts model says).
CAFFEINE_MG: dict[str, float] = {
    "coffee": 100,
    "coffees": 100,
    "latte": 100,
    "lattes": 100,
    "cappuccino": 100,
    "cappuccinos": 100,
    "americano": 100,
    "americanos": 100,
    "flat": 100,
    "espresso": 65,
    "espressos": 65,
    "shots": 65,
    "tea": 45,
    "teas": 45,
    "cuppa": 45,
    "cuppas": 45,
    "energy": 80,
    "redbull": 80,
    "red": 80,
    "monster": 160,
    "monsters": 160,
    "coke": 35,
    "cokes": 35,
    "cola": 35,
    "pepsi": 35,
    "preworkout": 200,
    "pre": 200,
}
SERVING_WORDS = frozenset(
    {"cups", "cup", "mugs", "mug", "cans", "can", "glasses", "bottles", "large", "big",
     "strong", "double", "of", "diet", "a", "day", "an"}
)  # fmt: skip
_NEXT_REQUIRED = {"energy": ("drink", "drinks"), "red": ("bull", "bulls"), "pre": ("workout",)}


def find_caffeine(tokens: Sequence[Token]) -> Found | None:
    """Caffeine a day from counted drinks ('4 coffees', 'two cans of monster'), or stated mg."""
    total = 0.0
    first, last = -1, -1
    for at, token in enumerate(tokens):
        if token.norm == "mg" and at > 0 and tokens[at - 1].is_number:
            near = {t.norm for t in tokens[at + 1 : at + 4]}
            if "caffeine" in near:
                amount = _value(tokens[at - 1]) or 0.0
                total, first, last = total + amount, _min(first, at - 1), at + 1
            continue
        mg = CAFFEINE_MG.get(token.norm)
        if mg is None:
            continue
        need = _NEXT_REQUIRED.get(token.norm)
        if need is not None and _norm(tokens, at + 1) not in need:
            continue
        count = _count_before(tokens, at)
        if count is None:
            continue
        total, first, last = total + count[0] * mg, _min(first, count[1]), at + 1
    return Found(total, first, last) if first >= 0 else None


def _min(current: int, candidate: int) -> int:
    return candidate if current < 0 else min(current, candidate)


def _count_before(tokens: Sequence[Token], at: int) -> tuple[float, int] | None:
    position = at - 1
    while position >= 0 and at - position <= 4:
        word = tokens[position].norm
        value = _value(tokens[position])
        if value is not None and word not in ("a", "an"):
            # "3-4 coffees" or "3 or 4 coffees": the higher number.
            if position >= 2 and tokens[position - 1].norm in ("-", "or", "to"):
                lower = _value(tokens[position - 2])
                if lower is not None and lower <= value:
                    return value, position - 2
            return value, position
        if word in ("a", "an") and _norm(tokens, position - 1) not in ("than",):
            lead = _norm(tokens, position + 1)
            if lead in CAFFEINE_MG or lead in ("cup", "mug", "can", "large", "big", "strong"):
                return 1.0, position
        if word not in SERVING_WORDS:
            return None
        position -= 1
    return None


SLEEP_WORDS = frozenset({"sleep", "sleeping", "slept", "kip", "shut", "shuteye"})


def find_sleep_hours(tokens: Sequence[Token]) -> Found | None:
    """'4 hours sleep', 'sleeping 5 hrs a night', 'slept about 3 hours'."""
    for at, token in enumerate(tokens):
        value = _value(token) if token.is_number else None
        if value is None or not 0 <= value <= 24:
            continue
        if _norm(tokens, at + 1) not in ("hours", "hour"):
            continue
        upper = value
        first = at
        if at >= 2 and tokens[at - 1].norm in ("-", "to", "or"):
            lower = _value(tokens[at - 2])
            if lower is not None and lower <= value:
                first = at - 2
        after = {t.norm for t in tokens[at + 2 : at + 5]}
        before = {t.norm for t in tokens[max(0, first - 4) : first]}
        if after & SLEEP_WORDS or before & SLEEP_WORDS:
            return Found(upper, first, at + 2)
    return None


INTENSE = frozenset(
    {"very", "really", "so", "super", "extremely", "massively", "crazy", "huge", "severe",
     "high", "lots", "insane", "insanely", "majorly", "constantly", "crippling", "terrible",
     "awful", "mega", "hugely", "incredibly", "seriously", "totally", "completely", "loads",
     "af", "extreme", "tons"}
)  # fmt: skip
MILD = frozenset({"bit", "little", "slightly", "some", "mild", "mildly", "abit", "somewhat"})


def scale_from_words(tokens: Sequence[Token], first: int, last: int) -> int:
    """A 1-5 level for 'stressed' (4), 'really stressed' (5), 'a bit stressed' (3)."""
    around = {t.norm for t in tokens[max(0, first - 3) : first]}
    around |= {t.norm for t in tokens[last : last + 2]}
    if around & INTENSE:
        return 5
    if around & MILD:
        return 3
    return 4

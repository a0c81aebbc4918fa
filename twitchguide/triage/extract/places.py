"""Where it twitches: body-region words near twitch words, and which side they are on."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from twitchguide.triage.extract.lexicons import VAGUE_REGION_WORDS, region_lexicon
from twitchguide.triage.extract.negation import Judged
from twitchguide.triage.extract.phrases import find_phrases
from twitchguide.triage.extract.text import Token

SENTENCE_ENDS = frozenset({".", "!", "?", ";"})
SIDE_WORDS = {"left": "left", "right": "right", "both": "both", "bilateral": "both"}
SHORT_SIDES = {"l": "left", "r": "right"}
# Helper ideas and facts that are about a place's twitching, not a different symptom there.
NOT_OTHER_SYMPTOMS = frozenset({"onset_sudden", "spreading", "hypnic_jerks_only", "pregnant"})
COMMA_COST = 3
ADJACENT = 3


@dataclass(frozen=True, slots=True)
class RegionMention:
    """A body-region word: its diary region, the vague word if any, tokens [first, last)."""

    region: str
    vague: str | None
    first: int
    last: int


@dataclass(frozen=True, slots=True)
class Place:
    """A region the text says twitches, with the side said next to it, if any."""

    region: str
    vague: str | None
    first: int
    last: int
    side: str | None = None
    side_at: int = -1


def region_mentions(tokens: Sequence[Token]) -> list[RegionMention]:
    """Every region word, longest first where they overlap ('eye lid' over 'lid')."""
    found: list[RegionMention] = []
    for match in sorted(
        find_phrases(list(tokens), region_lexicon()), key=lambda m: m.first - m.last
    ):
        if any(m.first <= match.first and match.last <= m.last for m in found):
            continue
        if match.concept.startswith("vague:"):
            word = match.concept.split(":", 1)[1]
            found.append(RegionMention(VAGUE_REGION_WORDS[word][0], word, match.first, match.last))
        else:
            found.append(RegionMention(match.concept, None, match.first, match.last))
    return sorted(found, key=lambda m: m.first)


def _sentences(tokens: Sequence[Token]) -> list[int]:
    ids, current = [], 0
    for token in tokens:
        ids.append(current)
        if token.norm in SENTENCE_ENDS:
            current += 1
    return ids


def _distance(tokens: Sequence[Token], a: tuple[int, int], b: tuple[int, int]) -> int:
    """Tokens between two spans, where a comma counts as several words apart."""
    low, high = (a[1], b[0]) if a[1] <= b[0] else (b[1], a[0])
    if high <= low:
        return 0
    return sum(COMMA_COST if tokens[i].norm == "," else 1 for i in range(low, high))


def find_places(tokens: Sequence[Token], judged: Sequence[Judged]) -> list[Place]:
    """Regions that twitch: nearer a twitch word than any other symptom, or apart from symptoms."""
    mentions = region_mentions(tokens)
    if not mentions:
        return []
    sentence = _sentences(tokens)
    twitches = [
        (j.match.first, j.match.last)
        for j in judged
        if j.match.concept == "_twitch" and j.stance != "no"
    ]
    others = [
        (j.match.first, j.match.last)
        for j in judged
        if not j.match.concept.startswith("_") and j.match.concept not in NOT_OTHER_SYMPTOMS
    ]
    places = []
    for mention in mentions:
        own = (mention.first, mention.last)
        here = sentence[mention.first]
        t = min(
            (_distance(tokens, own, s) for s in twitches if sentence[s[0]] == here), default=999
        )
        o = min((_distance(tokens, own, s) for s in others if sentence[s[0]] == here), default=999)
        if t <= o or o > ADJACENT:
            side, at = attach_side(tokens, mention.first, mention.last, sentence)
            places.append(
                Place(mention.region, mention.vague, mention.first, mention.last, side, at)
            )
    return places


def attach_side(
    tokens: Sequence[Token], first: int, last: int, sentence: Sequence[int]
) -> tuple[str | None, int]:
    """The side word right by a region ('left calf', 'calf on the right', 'L eye')."""
    found: dict[str, int] = {}
    for at in (first - 1, last):
        if 0 <= at < len(tokens) and tokens[at].norm in SHORT_SIDES:
            found.setdefault(SHORT_SIDES[tokens[at].norm], at)
    for at in [*range(first - 1, max(-1, first - 4), -1), *range(last, min(len(tokens), last + 3))]:
        if sentence[at] != sentence[first] or tokens[at].norm == ",":
            continue
        side = SIDE_WORDS.get(tokens[at].norm)
        if side is not None:
            found.setdefault(side, at)
    if not found:
        return None, -1
    if "both" in found or ("left" in found and "right" in found):
        return "both", min(found.values())
    side, at = next(iter(found.items()))
    return side, at


def overall_side(tokens: Sequence[Token], places: Sequence[Place]) -> tuple[str, int, int] | None:
    """One side for the whole text: 'both' when left and right are both said."""
    sides = {p.side: p.side_at for p in places if p.side is not None}
    if not sides:
        for at, token in enumerate(tokens[:-1]):
            if token.norm in ("left", "right") and tokens[at + 1].norm in ("side", "sided"):
                sides.setdefault(token.norm, at)
    if not sides:
        return None
    first = min(sides.values())
    last = max(sides.values()) + 1
    if "both" in sides or ("left" in sides and "right" in sides):
        return "both", first, last
    side = next(iter(sides))
    return side, first, last

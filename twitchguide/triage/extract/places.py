"""Where it twitches: body-region words near twitch words, and which side they are on."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from twitchguide.triage.extract.negation import Judged
from twitchguide.triage.extract.place_words import RegionMention, drop_non_places, region_mentions
from twitchguide.triage.extract.text import Token

__all__ = ["Place", "RegionMention", "attach_side", "find_places", "overall_side",
           "region_mentions", "sentence_ids"]  # fmt: skip

SENTENCE_ENDS = frozenset({".", "!", "?", ";"})
SIDE_WORDS = {"left": "left", "right": "right", "both": "both", "bilateral": "both"}
SHORT_SIDES = {"l": "left", "r": "right"}
# Helper ideas and facts that are about a place's twitching, not a different symptom there.
NOT_OTHER_SYMPTOMS = frozenset({"onset_sudden", "spreading", "hypnic_jerks_only", "pregnant"})
COMMA_COST = 3
ADJACENT = 3
NONE = 999
FAR = 30
SPAN_MAX = 20  # no phrase match is longer than this many tokens
NEAR = 12
NEAR_IF_SHARED = 4
# "twitching arms, eyes watering": the eyes are in another state, not twitching.
OTHER_STATES = frozenset(
    {"watering", "watery", "itchy", "itching", "sore", "red", "dry", "hurt", "hurts", "hurting",
     "ache", "aches", "aching", "painful", "swollen", "burning", "numb", "tired", "stiff"}
)  # fmt: skip
LIST_LINKS = frozenset(
    {"and", ",", "or", "&", "/", "my", "the", "both", "left", "right", "his", "her"}
)
LINK_WORDS = frozenset({"in", "on", "my", "the", "both", "left", "right", "his", "her", "of", "a"})
SAME_PLACE_SIGNS = frozenset({"muscle_wasting", "face_drooping", "eyelid_closes_shut"})
POINTING = frozenset({"it", "it's", "its", "they", "they're", "there", "that", "this"})


@dataclass(frozen=True, slots=True)
class Place:
    """A region the text says twitches, with the side said next to it, if any."""

    region: str
    vague: str | None
    first: int
    last: int
    side: str | None = None
    side_at: int = -1


def sentence_ids(tokens: Sequence[Token]) -> list[int]:
    ids, current = [], 0
    for token in tokens:
        ids.append(current)
        if token.norm in SENTENCE_ENDS:
            current += 1
    return ids


def _distance(tokens: Sequence[Token], a: tuple[int, int], b: tuple[int, int]) -> int:
    """Content words between two spans ('in my' do not count); a comma counts as several."""
    low, high = (a[1], b[0]) if a[1] <= b[0] else (b[1], a[0])
    if high <= low:
        return 0
    if high - low > FAR:
        return NONE  # keeps long texts linear: far apart is simply "not near"
    return sum(
        COMMA_COST if tokens[i].norm == "," else 0 if tokens[i].norm in LINK_WORDS else 1
        for i in range(low, high)
    )


FIT_SIGNS = frozenset({"_fit_stiff", "_fit_shake", "_fit_unaware"})


def find_places(
    tokens: Sequence[Token], judged: Sequence[Judged], fit: bool = False
) -> list[Place]:
    """Regions that twitch: the place named nearest each twitch word, places listed with it,
    and places said apart from any other symptom. With `fit` (a seizure was read from what it
    looked like), the parts of the fit ("arms went stiff", "eyes rolled back") are no places."""
    mentions = drop_non_places(tokens, region_mentions(tokens), judged)
    if not mentions:
        return []
    sentence = sentence_ids(tokens)
    fits = [(j.match.first, j.match.last) for j in judged
            if fit and j.match.concept in FIT_SIGNS and j.stance == "yes"]  # fmt: skip
    twitches = [
        (j.match.first, j.match.last)
        for j in judged
        if j.match.concept == "_twitch"
        and j.stance != "no"
        and not any(a <= j.match.first and j.match.last <= b for a, b in fits)
    ]
    symptoms = [
        (j.match.first, j.match.last, j.match.concept)
        for j in judged
        if (not j.match.concept.startswith("_") and j.match.concept not in NOT_OTHER_SYMPTOMS)
        or (fit and j.match.concept in FIT_SIGNS)
    ]

    def inside_other(m: RegionMention) -> bool:
        # Inside "left foot slaps" the foot belongs to another sign, unless it is a sign of the
        # twitching muscle itself (wasting, drooping).
        return any(
            a <= m.first and m.last <= b and c not in SAME_PLACE_SIGNS for a, b, c in symptoms
        )

    def nearest(m: RegionMention, spans: Sequence[tuple[int, int]]) -> int:
        return min(
            (
                _distance(tokens, (m.first, m.last), (a, b))
                for a, b in spans
                if abs(a - m.first) <= FAR + SPAN_MAX and sentence[a] == sentence[m.first]
            ),
            default=NONE,
        )

    plain = [(a, b) for a, b, _ in symptoms]
    elsewhere = [(a, b) for a, b, c in symptoms if c not in SAME_PLACE_SIGNS]
    coordinated = _coordinated(tokens, mentions, twitches, symptoms)
    placed_twitches = {m_end for m_end in _twitches_after(coordinated, symptoms, tokens)}
    chosen = coordinated | set(
        _nearest_to_twitches(
            tokens,
            mentions,
            twitches,
            sentence,
            inside_other,
            lambda m: nearest(m, elsewhere),
            placed_twitches,
        )
    )
    for mention in mentions:
        if mention in chosen:
            continue
        t, o = nearest(mention, twitches), nearest(mention, plain)
        if _for_reason(tokens, mention) or _walked_on(tokens, mention):
            continue
        if t < NONE:
            keep = t <= o or o > ADJACENT
        elif twitches:
            keep = o == NONE
        else:
            keep = o > ADJACENT
        if keep:
            chosen.add(mention)
    chosen |= set(
        _listed_with(tokens, mentions, chosen, lambda m: inside_other(m) or nearest(m, plain) == 0)
    )
    if not chosen:
        chosen |= set(_referred(tokens, mentions, twitches, sentence))
    if not chosen:
        chosen |= set(_subject_of_both(tokens, mentions, twitches, symptoms, sentence))
    sides = {m: attach_side(tokens, m.first, m.last, sentence) for m in mentions}
    places = []
    for mention in sorted(chosen, key=lambda m: m.first):
        side, at = sides[mention]
        if side is None:
            # "weak left hand ... the hand twitches": the side said at another mention.
            side, at = next(
                ((s, a) for m, (s, a) in sides.items() if m.region == mention.region and s),
                (None, -1),
            )
        places.append(Place(mention.region, mention.vague, mention.first, mention.last, side, at))
    return places


def _for_reason(tokens: Sequence[Token], mention: RegionMention) -> bool:
    """'prednisone for my back': a reason, not a place that twitches."""
    return "for" in [t.norm for t in tokens[max(0, mention.first - 2) : mention.first]]


WALKING = frozenset({"walk", "walks", "walking", "walked", "stand", "stands", "standing", "stood"})


def _walked_on(tokens: Sequence[Token], mention: RegionMention) -> bool:
    """'I can walk on my toes': a strength check, not a place that twitches."""
    before = [t.norm for t in tokens[max(0, mention.first - 4) : mention.first]]
    return "on" in before and bool(WALKING & set(before))


def _coordinated(
    tokens: Sequence[Token],
    mentions: Sequence[RegionMention],
    twitches: Sequence[tuple[int, int]],
    symptoms: Sequence[tuple[int, int, str]],
) -> set[RegionMention]:
    """'fingers tingling and twitching': the place is the subject of both."""
    found = set()
    starts = {a: b for a, b, _ in symptoms}
    twitch_starts = {a for a, _ in twitches}
    for mention in mentions:
        end = starts.get(mention.last)
        if end is None:
            continue
        if end < len(tokens) and tokens[end].norm in ("and", ",") and end + 1 in twitch_starts:
            found.add(mention)
    return found


def _twitches_after(
    coordinated: set[RegionMention],
    symptoms: Sequence[tuple[int, int, str]],
    tokens: Sequence[Token],
) -> set[int]:
    """Where the twitch words of coordinated places start."""
    starts = {a: b for a, b, _ in symptoms}
    return {starts[m.last] + 1 for m in coordinated if m.last in starts}


def _nearest_to_twitches(
    tokens: Sequence[Token],
    mentions: Sequence[RegionMention],
    twitches: Sequence[tuple[int, int]],
    sentence: Sequence[int],
    inside_other: Callable[[RegionMention], bool],
    nearest_other: Callable[[RegionMention], int],
    taken: set[int],
) -> list[RegionMention]:
    found = []
    for first, last in twitches:
        if first in taken:
            continue  # already placed: "fingers tingling and twitching"
        scored = [
            (_distance(tokens, (m.first, m.last), (first, last)), m)
            for m in mentions
            if abs(m.first - first) <= FAR + SPAN_MAX
            and sentence[m.first] == sentence[first]
            and not _for_reason(tokens, m)
        ]
        if not scored:
            continue
        distance, mention = min(scored, key=lambda pair: (pair[0], pair[1].first))
        if inside_other(mention):
            near = distance <= NEAR_IF_SHARED
        else:
            # Not when another symptom is said closer to that place ("mouth is full of spit").
            near = distance <= NEAR and distance <= nearest_other(mention)
        if near:
            found.append(mention)
    return found


def _listed_with(
    tokens: Sequence[Token],
    mentions: Sequence[RegionMention],
    chosen: set[RegionMention],
    blocked: Callable[[RegionMention], bool],
) -> list[RegionMention]:
    """'face and lips', 'back, arms and legs': places listed right after a chosen one."""
    found: list[RegionMention] = []
    ordered = sorted(mentions, key=lambda m: m.first)
    for before, after in itertools.pairwise(ordered):
        if (before in chosen or before in found) and not blocked(after):
            between = {t.norm for t in tokens[before.last : after.first]}
            follower = tokens[after.last].norm if after.last < len(tokens) else ""
            if between <= LIST_LINKS and follower not in OTHER_STATES:
                found.append(after)
    return found


def _referred(
    tokens: Sequence[Token],
    mentions: Sequence[RegionMention],
    twitches: Sequence[tuple[int, int]],
    sentence: Sequence[int],
) -> list[RegionMention]:
    """'it twitches', 'twitches there': the place named just before, if no place was found."""
    found = []
    for first, last in twitches:
        before = tokens[first - 1].norm if first > 0 else ""
        after = tokens[last].norm if last < len(tokens) else ""
        if after in ("in", "on", "at") and last + 1 < len(tokens):
            after = tokens[last + 1].norm  # "twitching in it"
        if before in POINTING or after in POINTING:
            earlier = [
                m for m in mentions if m.last <= first and sentence[first] - sentence[m.first] <= 1
            ]
            if earlier:
                found.append(earlier[-1])
    return found


# Words that may sit between a place and its twitch when both are said of the same place:
# "left calf is swollen, hot and sore and has been twitching".
PREDICATE_LINKS = frozenset(
    {"and", ",", "plus", "&", "is", "are", "was", "were", "has", "have", "been", "keeps", "keep",
     "also", "too", "very", "so", "super", "really", "it's", "its", "it", "now", "a", "bit",
     "feels", "feel", "looks", "look", "gets", "got"}
)  # fmt: skip


def _subject_of_both(
    tokens: Sequence[Token],
    mentions: Sequence[RegionMention],
    twitches: Sequence[tuple[int, int]],
    symptoms: Sequence[tuple[int, int, str]],
    sentence: Sequence[int],
) -> list[RegionMention]:
    """A place said to have another symptom and then to twitch, with nothing else between:
    the twitch is in that place too (asked only when no place was found otherwise)."""
    inside = {i for a, b, _ in symptoms for i in range(a, b)}
    found = []
    for first, _ in twitches:
        earlier = [m for m in mentions if m.last <= first and sentence[m.first] == sentence[first]]
        if not earlier:
            continue
        mention = earlier[-1]
        between = range(mention.last, first)
        if any(i in inside for i in between) and all(
            i in inside or tokens[i].norm in PREDICATE_LINKS for i in between
        ):
            found.append(mention)
    return found


def attach_side(
    tokens: Sequence[Token], first: int, last: int, sentence: Sequence[int]
) -> tuple[str | None, int]:
    """The side word right by a region ('left calf', 'calf on the right', 'L eye')."""
    found: dict[str, int] = {}
    for at in range(first, last):  # "under right eye"
        side = SIDE_WORDS.get(tokens[at].norm)
        if side is not None:
            found.setdefault(side, at)
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
        # "twitching on my left side": only when the side is said right by a place.
        for at, token in enumerate(tokens[:-1]):
            said = token.norm in ("left", "right") and tokens[at + 1].norm in ("side", "sided")
            if said and any(abs(p.first - at) <= 4 for p in places):
                sides.setdefault(token.norm, at)
    if not sides:
        return None
    first = min(sides.values())
    last = max(sides.values()) + 1
    if "both" in sides or ("left" in sides and "right" in sides):
        return "both", first, last
    side = next(iter(sides))
    return side, first, last

"""The phrase lexicon (phrases.yaml) compiled into a matcher that finds ideas in tokens."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from twitchguide.data import read_data
from twitchguide.triage.extract.text import FuzzyVocabulary, Token

GAP = "..."
GAP_WORDS = 3
# A gap never reaches across these: they start a new thought.
HARD_STOPS = frozenset({".", ",", "!", "?", ";", "but", "though", "although", "however", "except"})


def _protected_words() -> frozenset[str]:
    text = read_data("triage", "extract", "common_words.txt")
    lines = (line for line in text.splitlines() if not line.startswith("#"))
    return frozenset(word for line in lines for word in line.split())


@dataclass(frozen=True, slots=True)
class Element:
    """One position in a pattern: a set of words, prefixes, a gap, or optional."""

    words: frozenset[str]
    prefixes: tuple[str, ...]
    gap: bool = False
    optional: bool = False

    def accepts(self, token: Token, vocabulary: FuzzyVocabulary) -> bool:
        norm = token.norm
        if norm in self.words:
            return True
        if any(norm.startswith(prefix) for prefix in self.prefixes):
            return True
        corrected = vocabulary.lookup(norm)
        return corrected is not None and (corrected in self.words or corrected in self.prefixes)


@dataclass(frozen=True, slots=True)
class Pattern:
    """A compiled phrase pattern for one idea."""

    concept: str
    polarity: bool
    elements: tuple[Element, ...]
    text: str
    # Every word the pattern names, its word classes spelled out ("didn't" in "@neg_aux").
    own_words: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    """An idea found in the text: tokens [first, last) and whether the phrase says yes or no."""

    concept: str
    polarity: bool
    first: int
    last: int
    pattern: str
    # The pattern's own words: a "not" among them is part of the phrase, not a denial of it.
    own_words: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Lexicon:
    """All patterns, indexed by what their first element accepts, plus per-idea exclusions."""

    patterns: tuple[Pattern, ...]
    by_word: dict[str, tuple[Pattern, ...]]
    by_prefix: tuple[tuple[str, Pattern], ...]
    vocabulary: FuzzyVocabulary
    not_after: dict[str, frozenset[str]]
    not_before: dict[str, frozenset[str]]


# The key in phrases.yaml that holds word classes, not an idea: "@see: [see, seeing, saw]" lets
# a pattern say "@see ... double" for every way of saying a verb of seeing. A sign is described
# by its effect in many words ("seeing 2 of everything", "I see two of the TV"); a class keeps
# each part of that frame in one place, so a new way to say one part works in every frame.
CLASSES_KEY = "@classes"


def _alternatives(body: str, classes: dict[str, list[str]], concept: str) -> list[str]:
    found: list[str] = []
    for alternative in body.split("|"):
        if '"' in alternative:
            # A pattern quoted only in part in the YAML keeps its quotes and never matches.
            raise ValueError(f"phrases.yaml {concept}: quote the whole pattern, not {body!r}")
        if alternative.startswith("@"):
            if alternative[1:] not in classes:
                raise ValueError(f"phrases.yaml {concept}: unknown word class {alternative!r}")
            found.extend(classes[alternative[1:]])
        else:
            found.append(alternative)
    return found


def _spelled_out(raw: dict[str, list[str]]) -> dict[str, list[str]]:
    """Each word class as plain words; a class may name another class ("@see|glimpse")."""
    done: dict[str, list[str]] = {}

    def spell(name: str, seen: tuple[str, ...]) -> list[str]:
        if name in done:
            return done[name]
        if name in seen:
            raise ValueError(f"phrases.yaml @classes: {name!r} names itself")
        words: list[str] = []
        for word in raw[name]:
            if word.startswith("@") and word[1:] in raw:
                words.extend(spell(word[1:], (*seen, name)))
            else:
                words.append(word)
        done[name] = words
        return words

    for name in raw:
        spell(name, ())
    return done


def _element(raw: str, classes: dict[str, list[str]], concept: str) -> Element:
    if raw == GAP:
        return Element(frozenset(), (), gap=True)
    optional = raw.startswith("[") and raw.endswith("]")
    body = raw[1:-1] if optional else raw
    words = []
    prefixes = []
    for alternative in _alternatives(body, classes, concept):
        if alternative.endswith("*") and len(alternative) > 1:
            prefixes.append(alternative[:-1])
        elif alternative:
            words.append(alternative)
    return Element(frozenset(words), tuple(prefixes), optional=optional)


def _cached_element(
    raw: str, classes: dict[str, list[str]], concept: str, made: dict[str, Element]
) -> Element:
    element = made.get(raw)
    if element is None:
        element = made[raw] = _element(raw, classes, concept)
    return element


def compile_lexicon(data: dict[str, Any]) -> Lexicon:
    """Compile the phrases.yaml structure; a malformed entry fails loudly at load time."""
    patterns: list[Pattern] = []
    not_after: dict[str, frozenset[str]] = {}
    not_before: dict[str, frozenset[str]] = {}
    classes = _spelled_out(
        {name: [str(word) for word in words] for name, words in data.get(CLASSES_KEY, {}).items()}
    )
    made: dict[str, Element] = {}  # many patterns share a position ("my|the"): built once
    for concept, entry in data.items():
        if concept == CLASSES_KEY:
            continue
        for key, polarity in (("present", True), ("absent", False)):
            for text in entry.get(key) or ():
                elements = tuple(
                    _cached_element(part, classes, concept, made) for part in str(text).split()
                )
                if not elements or elements[0].gap or elements[0].optional or elements[-1].gap:
                    raise ValueError(f"phrases.yaml {concept}: bad pattern {text!r}")
                own = frozenset().union(*(element.words for element in elements))
                patterns.append(Pattern(concept, polarity, elements, str(text), own))
        for key in ("not_after", "not_before"):
            # One word each: a pattern here means a list was cut in two by mistake.
            bad = [str(word) for word in entry.get(key) or () if not str(word).isalpha()]
            if any(" " in word or "|" in word for word in bad):
                raise ValueError(f"phrases.yaml {concept}: {key} takes single words: {bad[0]!r}")
        not_after[concept] = frozenset(entry.get("not_after") or ())
        not_before[concept] = frozenset(entry.get("not_before") or ())
    # Prefixes are words too ("fever*" lets "fevr" be found as "fever").
    words = {word for p in patterns for e in p.elements for word in (*e.words, *e.prefixes)}
    by_word: dict[str, list[Pattern]] = {}
    by_prefix: list[tuple[str, Pattern]] = []
    for pattern in patterns:
        first = pattern.elements[0]
        for word in first.words:
            by_word.setdefault(word, []).append(pattern)
        by_prefix.extend((prefix, pattern) for prefix in first.prefixes)
    return Lexicon(
        patterns=tuple(patterns),
        by_word={word: tuple(found) for word, found in by_word.items()},
        by_prefix=tuple(by_prefix),
        vocabulary=FuzzyVocabulary(
            (w for w in words if w.isalpha()),
            _protected_words(),
            {prefix for prefix, _ in by_prefix if len(prefix) >= 4},
        ),
        not_after=not_after,
        not_before=not_before,
    )


@cache
def lexicon() -> Lexicon:
    """The package's phrase lexicon, loaded once from phrases.json.

    phrases.yaml is what people edit; phrases.json is the same data, written by
    `python tools/build.py`, because importing and running
    PyYAML costs more than the rest of loading (it matters on `log`, which reads the words of
    recent symptom reports).
    """
    import json

    return compile_lexicon(json.loads(read_data("triage", "extract", "phrases.json")))


def compiled_json() -> str:
    """phrases.json's exact text for the current phrases.yaml (imports PyYAML: tools and tests)."""
    import json

    import yaml

    data = yaml.safe_load(read_data("triage", "extract", "phrases.yaml"))
    compile_lexicon(data)
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def _match_from(
    elements: tuple[Element, ...], tokens: list[Token], at: int, vocabulary: FuzzyVocabulary
) -> int | None:
    """End index of the longest match of elements starting at token `at`, or None."""
    if not elements:
        return at
    head, rest = elements[0], elements[1:]
    if head.gap:
        best: int | None = None
        for skip in range(GAP_WORDS + 1):
            position = at + skip
            if position > len(tokens):
                break
            if skip and tokens[position - 1].norm in HARD_STOPS:
                break
            end = _match_from(rest, tokens, position, vocabulary)
            if end is not None and (best is None or end > best):
                best = end
        return best
    ends: list[int] = []
    if at < len(tokens) and head.accepts(tokens[at], vocabulary):
        end = _match_from(rest, tokens, at + 1, vocabulary)
        if end is not None:
            ends.append(end)
    if head.optional:
        end = _match_from(rest, tokens, at, vocabulary)
        if end is not None:
            ends.append(end)
    return max(ends) if ends else None


def find_phrases(tokens: list[Token], lex: Lexicon | None = None) -> list[PhraseMatch]:
    """Every idea the lexicon finds, the longest match per pattern start, in text order."""
    lex = lex or lexicon()
    found: dict[tuple[str, bool, int], PhraseMatch] = {}
    for at, token in enumerate(tokens):
        if not token.is_word and not token.is_number:
            continue
        candidates: list[Pattern] = list(lex.by_word.get(token.norm, ()))
        corrected = lex.vocabulary.lookup(token.norm)
        if corrected is not None and corrected != token.norm:
            candidates.extend(lex.by_word.get(corrected, ()))
        candidates.extend(
            p for prefix, p in lex.by_prefix if token.norm.startswith(prefix) or corrected == prefix
        )
        for pattern in candidates:
            end = _match_from(pattern.elements, tokens, at, lex.vocabulary)
            if end is None or _excluded(pattern.concept, tokens, at, end, lex):
                continue
            key = (pattern.concept, pattern.polarity, at)
            previous = found.get(key)
            if previous is None or end > previous.last:
                found[key] = PhraseMatch(
                    pattern.concept, pattern.polarity, at, end, pattern.text, pattern.own_words
                )
    return sorted(found.values(), key=lambda m: (m.first, -m.last, m.concept))


def _excluded(concept: str, tokens: list[Token], first: int, last: int, lex: Lexicon) -> bool:
    before = {tokens[i].norm for i in range(max(0, first - 2), first)}
    if before & lex.not_after[concept]:
        return True
    return last < len(tokens) and tokens[last].norm in lex.not_before[concept]

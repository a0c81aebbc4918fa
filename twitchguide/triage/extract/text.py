"""Tokens of free text: split, normalise casual spelling, and match words despite typos."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

# Letters and digits are split apart so "3wks", "10days" and "2h" read as a number and a unit.
_TOKEN = re.compile(r"\d+(?:[.,]\d+)?|[^\W\d_]+(?:['’][^\W\d_]+)*|[^\w\s]")

# Casual spellings people type -> the word the lexicon uses.
_SPELLING: dict[str, str] = {
    "dont": "don't",
    "didnt": "didn't",
    "doesnt": "doesn't",
    "isnt": "isn't",
    "arent": "aren't",
    "wasnt": "wasn't",
    "werent": "weren't",
    "havent": "haven't",
    "hasnt": "hasn't",
    "hadnt": "hadn't",
    "cant": "can't",
    "cannot": "can't",
    "couldnt": "couldn't",
    "wont": "won't",
    "wouldnt": "wouldn't",
    "shouldnt": "shouldn't",
    "aint": "ain't",
    "im": "i'm",
    "ive": "i've",
    "ur": "your",
    "u": "you",
    "rt": "right",
    "lt": "left",
    "lft": "left",
    "rght": "right",
    "wk": "week",
    "weks": "weeks",
    "wekks": "weeks",
    "weeeks": "weeks",
    "wek": "week",
    "fortnite": "fortnight",
    "fortnights": "fortnights",
    "mnth": "month",
    "monts": "months",
    "montsh": "months",
    "monhts": "months",
    "mounths": "months",
    "munths": "months",
    "yeras": "years",
    "yeers": "years",
    "dayz": "days",
    "dys": "days",
    "wks": "weeks",
    "wkz": "weeks",
    "mth": "month",
    "mths": "months",
    "mnths": "months",
    "mos": "months",
    "mo": "month",
    "hr": "hour",
    "hrs": "hours",
    "min": "minute",
    "mins": "minutes",
    "sec": "second",
    "secs": "seconds",
    "yr": "year",
    "yrs": "years",
    "yo": "years_old",
    "yos": "years_old",
    "y/o": "years_old",
    "coz": "because",
    "cuz": "because",
    "bc": "because",
    "tho": "though",
    "thru": "through",
    "ppl": "people",
    "pls": "please",
    "abt": "about",
    "approx": "about",
    "bout": "about",
    "wat": "what",
    "smth": "something",
    "sth": "something",
    "tmrw": "tomorrow",
    "yday": "yesterday",
    "yest": "yesterday",
    "2day": "today",
    "nite": "night",
    "tonite": "tonight",
    "wo": "without",
    "b4": "before",
    "bcuz": "because",
    "thx": "thanks",
    "ok": "okay",
}

# "could not" and "couldn't" are one idea: the lexicon lists the contraction only.
_CONTRACTIONS: dict[tuple[str, str], str] = {
    ("could", "not"): "couldn't",
    ("can", "not"): "can't",
    ("does", "not"): "doesn't",
    ("did", "not"): "didn't",
    ("do", "not"): "don't",
    ("is", "not"): "isn't",
    ("was", "not"): "wasn't",
    ("are", "not"): "aren't",
    ("were", "not"): "weren't",
    ("would", "not"): "wouldn't",
    ("will", "not"): "won't",
    ("has", "not"): "hasn't",
    ("have", "not"): "haven't",
}

# Letters repeated for emphasis ("soooo weeeak") are cut back to two, which the typo match absorbs.
_REPEATS = re.compile(r"(.)\1{2,}")


@dataclass(frozen=True, slots=True)
class Token:
    """One word, number or punctuation mark, with where it sits in the original text."""

    norm: str
    start: int
    end: int
    index: int

    @property
    def is_word(self) -> bool:
        return self.norm[:1].isalpha()

    @property
    def is_number(self) -> bool:
        return self.norm[:1].isdigit()


def normalise_word(raw: str) -> str:
    """The lexicon's spelling of one typed word."""
    word = raw.lower().replace("’", "'")
    word = _REPEATS.sub(r"\1\1", word)
    return _SPELLING.get(word, word)


def tokenize(text: str) -> list[Token]:
    """Every token of the text, normalised, with character spans into the original."""
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text):
        raw = match.group(0)
        if raw[0].isdigit():
            norm = raw.replace(",", ".")
        elif raw in ("+", "&"):
            norm = "and"
        elif raw[0].isalpha():
            norm = normalise_word(raw)
        else:
            norm = raw.replace("’", "'")
        tokens.append(Token(norm, match.start(), match.end(), len(tokens)))
    # "w/" and "w/o" are one idea typed as several tokens.
    return _join_slashes(tokens)


def _join_slashes(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if (
            tok.norm in ("with", "w")
            and nxt is not None
            and nxt.norm == "/"
            and nxt.start == tok.end
        ):
            after = tokens[i + 2] if i + 2 < len(tokens) else None
            if after is not None and after.norm in ("o", "out") and after.start == nxt.end:
                out.append(Token("without", tok.start, after.end, len(out)))
                i += 3
                continue
            out.append(Token("with", tok.start, nxt.end, len(out)))
            i += 2
            continue
        # "light-headed" and "pins-and-needles" read as separate words.
        prev = tokens[i - 1] if i > 0 else None
        glued = prev is not None and nxt is not None and prev.end == tok.start == nxt.start - 1
        if tok.norm == "-" and glued and prev is not None and prev.is_word and nxt is not None:
            i += 1
            continue
        joined = _CONTRACTIONS.get((tok.norm, nxt.norm)) if nxt is not None else None
        if joined is not None and nxt is not None:
            out.append(Token(joined, tok.start, nxt.end, len(out)))
            i += 2
            continue
        out.append(Token(tok.norm, tok.start, tok.end, len(out)))
        i += 1
    return out


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Optimal-string-alignment distance (typos incl. swapped letters), capped at limit + 1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        best = current[0]
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
            best = min(best, value)
        if best > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[len(b)], limit + 1)


def allowed_typos(word: str) -> int:
    """How many typos a lexicon word tolerates: short words none, so 'week' never reads 'weak'."""
    if len(word) >= 9:
        return 2
    if len(word) >= 5:
        return 1
    return 0


def _deletions(word: str, depth: int) -> set[str]:
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


def _shared_start(a: str, b: str) -> int:
    shared = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        shared += 1
    return shared


class FuzzyVocabulary:
    """Lexicon words found again from typos, via a deletion index (fast, no external library)."""

    def __init__(
        self, words: Iterable[str], protected: Iterable[str] = (), prefixes: Iterable[str] = ()
    ) -> None:
        self.words = frozenset(words)
        # A word that already starts like a lexicon stem ('drooling' and 'drool*') is itself.
        self.prefixes = tuple(sorted(set(prefixes)))
        # Real English words are never "corrected": 'single' is not a typo of 'tingle'.
        self.protected = frozenset(protected) | self.words
        # Built on the first word that might be a typo: most texts have none, and building it
        # is most of the cost of loading a lexicon.
        self._index: dict[str, set[str]] | None = None
        self.lookup = lru_cache(maxsize=8192)(self._lookup)

    def _deletion_index(self) -> dict[str, set[str]]:
        if self._index is None:
            index: dict[str, set[str]] = {}
            for word in self.words:
                depth = allowed_typos(word)
                if depth == 0:
                    continue
                for key in _deletions(word, depth):
                    index.setdefault(key, set()).add(word)
            self._index = index
        return self._index

    def _lookup(self, token: str) -> str | None:
        if token in self.protected or len(token) < 4 or not token.isalpha():
            return token if token in self.words else None
        if any(token.startswith(prefix) for prefix in self.prefixes):
            return None
        index = self._deletion_index()
        best: tuple[int, int, str] | None = None
        for key in _deletions(token, 2):
            for candidate in index.get(key, ()):
                limit = allowed_typos(candidate)
                distance = edit_distance(token, candidate, limit)
                # Ties go to the word that starts the same way: "droping" is "dropping".
                rank = (distance, -_shared_start(token, candidate), candidate)
                if distance <= limit and (best is None or rank < best):
                    best = rank
        return best[2] if best is not None else None

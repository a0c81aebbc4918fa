"""Each evidence label is worded by how often such labels were wrong on simulated diaries."""

from __future__ import annotations

from twitchguide.insights.evidence import FALSE_SHARE, TriggerResult, false_share
from twitchguide.insights.wording import trigger_sentence


def result(evidence: str, days: int) -> TriggerResult:
    return TriggerResult(
        factor="stress",
        label="stress",
        lag_days=0,
        contrast="+1 stress point",
        evidence=evidence,
        rate_ratio=1.25,
        ci_low=1.08,
        ci_high=1.45,
        days_logged=days,
        false_share=false_share(evidence, days),
    )


def test_false_shares_fall_as_the_diary_grows_and_are_read_by_length() -> None:
    for rows in FALSE_SHARE.values():
        shares = [share for _days, share in rows]
        assert shares == sorted(shares, reverse=True)
    assert false_share("likely", 30) == FALSE_SHARE["likely"][0][1]
    assert false_share("likely", 400) == FALSE_SHARE["likely"][-1][1]
    assert false_share("no_clear_link", 90) is None


def test_a_likely_link_says_how_often_links_like_it_were_wrong() -> None:
    early = trigger_sentence(result("likely", 40))
    late = trigger_sentence(result("likely", 200))
    assert "With this few days logged, about 1 in 2 links like this were wrong" in early
    share = false_share("likely", 200)
    assert share is not None
    assert f"made-up diaries this long, about 1 in {round(1 / share)} links like" in late
    for text in (early, late):
        assert text.startswith("+1 stress point goes with 25% more twitch episodes")
        assert text.endswith("It shows what goes together, not what causes what.")


def test_a_possible_link_is_a_hint_not_a_finding() -> None:
    text = trigger_sentence(result("possible", 90))
    assert "may go with" in text and "Only a hint: about 1 in" in text
    assert "Keep logging" in text

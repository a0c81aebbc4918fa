"""Plain words for statistical results: "goes with", never "causes", and always the uncertainty."""

from __future__ import annotations

from twitchguide.insights.evidence import TriggerResult
from twitchguide.wording import counted

_WHEN = {0: "the same day", 1: "the next day"}


def percent_change(rate_ratio: float) -> str:
    """'35% more' / '20% fewer' / 'about the same number of' for a rate ratio."""
    change = round((rate_ratio - 1.0) * 100)
    if change == 0:
        return "about the same number of"
    return f"{abs(change)}% {'more' if change > 0 else 'fewer'}"


def ratio_range(low: float, high: float) -> str:
    """A 95% interval in words, e.g. 'between 10% fewer and 40% more'."""
    return f"between {percent_change(low)} and {percent_change(high)}"


def trigger_sentence(result: TriggerResult) -> str:
    """One or two sentences for a trigger result, matched to its evidence label."""
    when = _WHEN[result.lag_days]
    subject = result.contrast if result.lag_days == 0 else f"{result.contrast} the day before"
    if result.evidence == "not_enough_data":
        return (
            f"Not enough data yet for {result.label}. Keep logging for about "
            f"{counted(result.days_needed or 0, 'more day')}, including some with higher and "
            f"some with lower {result.label}."
        )
    assert result.rate_ratio is not None
    assert result.ci_low is not None and result.ci_high is not None
    span = f"(95% range: {ratio_range(result.ci_low, result.ci_high)})"
    wrong = _how_often_wrong(result.false_share)
    if result.evidence == "likely":
        return (
            f"{_capital(subject)} goes with {percent_change(result.rate_ratio)} twitch episodes "
            f"{when} {span}. {_likely_caveat(result.false_share, wrong)} It does not show that "
            "one causes the other; a self-experiment can test it."
        )
    if result.evidence == "possible":
        return (
            f"{_capital(subject)} may go with {percent_change(result.rate_ratio)} twitch "
            f"episodes {when} {span}. This is a hint, not a finding: in tests on made-up "
            f"diaries, {wrong} hints like it were not real. Keep logging to be surer."
        )
    detectable = result.detectable_rate_ratio or 1.0
    return (
        f"No clear link yet between {result.label} and twitching {when}. With "
        f"{result.days_logged} days logged, only changes of about {detectable:.1f}x or more "
        "would show up."
    )


def _likely_caveat(share: float | None, wrong: str) -> str:
    """How far to trust a `likely` link, in words, from how often such links were wrong."""
    if share is not None and share >= 0.35:
        return (
            "With this few days logged, links like this are often wrong: in tests on made-up "
            f"diaries of about this length, {wrong} were not real."
        )
    return (
        "Links like this are usually real: in tests on made-up diaries of about this length, "
        f"{wrong} were not."
    )


def _how_often_wrong(share: float | None) -> str:
    """A measured false share in words: 'about 1 in 4'."""
    if share is None or share <= 0:
        return "few"
    return f"about 1 in {max(2, round(1 / share))}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]

"""Plain words for statistical results: "goes with", never "causes", and always the uncertainty."""

from __future__ import annotations

from twitchguide.insights.evidence import TriggerResult
from twitchguide.wording import counted

_WHEN = {0: "the same day", 1: "the next day"}
# From this measured false share on, a `likely` link is worded as often wrong.
_OFTEN_WRONG = 0.35


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
        early = result.false_share is not None and result.false_share >= _OFTEN_WRONG
        caveat = (
            f"With this few days logged, {wrong} links like this were wrong in tests on "
            "made-up diaries."
            if early
            else f"In tests on made-up diaries this long, {wrong} links like this were wrong."
        )
        return (
            f"{_capital(subject)} goes with {percent_change(result.rate_ratio)} twitch episodes "
            f"{when} {span}. {caveat} It shows what goes together, not what causes what."
        )
    if result.evidence == "possible":
        return (
            f"{_capital(subject)} may go with {percent_change(result.rate_ratio)} twitch "
            f"episodes {when} {span}. Only a hint: {wrong} hints like this were wrong in "
            "tests. Keep logging to be surer."
        )
    detectable = result.detectable_rate_ratio or 1.0
    return (
        f"No clear link yet between {result.label} and twitching {when}. With "
        f"{result.days_logged} days logged, only changes of about {detectable:.1f}x or more "
        "would show up."
    )


def _how_often_wrong(share: float | None) -> str:
    """A measured false share in words: 'about 1 in 4'."""
    if share is None or share <= 0:
        return "few"
    return f"about 1 in {max(2, round(1 / share))}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]

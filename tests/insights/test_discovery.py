"""The false-discovery procedures the benchmark compares: Storey's null share and two-stage."""

from __future__ import annotations

import math

from twitchguide.insights.discovery import benjamini_hochberg, null_share, simes, two_stage


def test_null_share_is_one_when_nothing_is_small_and_lower_when_much_is() -> None:
    assert null_share([0.6, 0.7, 0.8, 0.9]) == 1.0
    assert math.isclose(null_share([0.001, 0.002, 0.003, 0.9]), (1 + 1) / (4 * 0.5))
    assert null_share([]) == 1.0


def test_simes_combines_a_family() -> None:
    assert math.isclose(simes([0.01, 0.04]), 0.02)
    assert math.isclose(simes([0.03, 0.04]), 0.04)


def test_two_stage_flags_lags_only_inside_factors_that_were_picked() -> None:
    families = ["sleep", "sleep", "stress", "stress", "water", "water"]
    p = [0.001, 0.5, 0.002, 0.004, 0.2, 0.09]
    flagged = two_stage(p, families, 0.10)
    assert flagged == [True, False, True, True, False, False]
    # Water's family p-value (Simes 0.18) is not picked, so its 0.09 lag is never tested;
    # the strong lags match BH over all six.
    assert benjamini_hochberg(p, 0.10) == flagged
    assert two_stage([0.9] * 6, families, 0.10) == [False] * 6

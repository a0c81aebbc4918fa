"""Self-experiment design and analysis: randomised, balanced, reproducible, analysed as planned."""

from __future__ import annotations

import dataclasses
import math
import random
from datetime import date, timedelta
from statistics import NormalDist

import pytest

from twitchguide.errors import InvalidInput
from twitchguide.insights import experiment as exp
from twitchguide.insights import experiment_power as power
from twitchguide.insights import pair_tests

START = date(2026, 3, 2)


def outcomes_for(
    design: exp.Design, on_rate: float, off_rate: float, *, kept: bool = True
) -> dict[date, exp.DayOutcome]:
    """Exact daily counts: `on_rate` episodes on "on" days, `off_rate` on the others."""
    return {
        d.day: exp.DayOutcome(round(on_rate if d.on else off_rate), 16.0, True, kept)
        for d in exp.schedule(design)
    }


def test_the_same_seed_gives_the_same_schedule_and_seeds_differ() -> None:
    one = exp.schedule(exp.make_design("caffeine_off", START, 41))
    again = exp.schedule(exp.make_design("caffeine_off", START, 41))
    assert one == again
    orders = {exp.make_design("caffeine_off", START, seed).first_on for seed in range(40)}
    assert len(orders) > 10


def test_every_pair_has_one_on_block_and_one_off_block_of_equal_length() -> None:
    design = exp.make_design("magnesium_food", START, 7, pairs=7, block_days=4)
    days = exp.schedule(design)
    assert len(days) == design.days == 56
    assert [d.day for d in days] == [START + timedelta(days=i) for i in range(56)]
    for pair in range(7):
        inside = [d for d in days if d.pair == pair]
        assert sum(d.on for d in inside) == 4 and sum(not d.on for d in inside) == 4
        assert len({d.on for d in inside if d.block == 0}) == 1


def test_the_order_within_a_pair_is_drawn_at_random() -> None:
    firsts = [exp.make_design("no_alcohol", START, seed).first_on for seed in range(400)]
    for position in range(exp.DEFAULT_PAIRS):
        share = sum(f[position] for f in firsts) / len(firsts)
        assert 0.4 < share < 0.6


def test_washout_days_start_each_block_and_are_not_analysed() -> None:
    design = exp.make_design("caffeine_off", START, 3, pairs=7, block_days=4)
    assert design.washout_days == 1
    days = exp.schedule(design)
    assert [d.analysed for d in days[:8]] == [False, True, True, True] * 2
    no_washout = exp.make_design("stretch_before_bed", START, 3, pairs=7, block_days=4)
    assert all(d.analysed for d in exp.schedule(no_washout))


@pytest.mark.parametrize("step", ["magnesium_supplement", "ibuprofen", ""])
def test_only_the_safe_steps_are_offered(step: str) -> None:
    with pytest.raises(InvalidInput, match=r"step: must be one of .*medicines"):
        exp.make_design(step, START, 1)


def test_sizes_outside_the_allowed_range_are_refused() -> None:
    with pytest.raises(InvalidInput, match="pairs: must be 7 or 8"):
        exp.make_design("caffeine_off", START, 1, pairs=6)
    with pytest.raises(InvalidInput, match="pairs"):
        exp.make_design("caffeine_off", START, 1, pairs=9)
    with pytest.raises(InvalidInput, match="block_days: must be from 3 to 7"):
        exp.make_design("caffeine_off", START, 1, block_days=2)


def test_fewer_twitches_on_on_days_gives_the_ratio_and_a_range_in_words() -> None:
    design = exp.make_design("stretch_before_bed", START, 5, pairs=7, block_days=4)
    data = outcomes_for(design, 6.0, 12.0)
    # Noise so the pairs differ: one off block a little busier.
    first_off = next(d.day for d in exp.schedule(design) if not d.on)
    data[first_off] = exp.DayOutcome(20, 16.0, True, True)
    result = exp.analyse(design, data)
    assert result.conclusion == "fewer"
    # Every one of the 7 pairs lower with the step: the smallest p there is, 2 / 2^7.
    assert result.complete_pairs == 7 and result.p_value == 2 / 128
    assert result.rate_ratio is not None and 0.4 < result.rate_ratio < 0.6
    assert result.ci_high is not None and result.ci_high < 1
    assert result.wording.startswith("With stretching before bed, about ")
    assert "% fewer twitches (range " in result.wording and "cause" not in result.wording


def test_no_difference_says_at_most_how_big_a_change_could_be() -> None:
    design = exp.make_design("sleep_window", START, 9, pairs=7, block_days=4)
    data = outcomes_for(design, 8.0, 8.0)
    noise = random.Random(3)
    for d in exp.schedule(design):
        data[d.day] = exp.DayOutcome(noise.randint(3, 13), 16.0, True, True)
    result = exp.analyse(design, data)
    assert result.conclusion == "no_clear_difference"
    assert result.wording.startswith("No clear difference with a regular sleep window: at most")


def test_days_not_kept_or_not_logged_are_left_out_as_planned() -> None:
    design = exp.make_design("stretch_before_bed", START, 5, pairs=7, block_days=4)
    data = outcomes_for(design, 6.0, 12.0)
    full = exp.analyse(design, data)
    pair0 = [d for d in exp.schedule(design) if d.pair == 0 and d.on]
    # Three of four days of one block broken: that block, and its pair, no longer count.
    for d in pair0[:3]:
        data[d.day] = exp.DayOutcome(50, 16.0, True, False)
    broken = exp.analyse(design, data)
    assert full.complete_pairs == 7 and broken.complete_pairs == 6
    assert broken.days_left_out == 3
    # The broken days' 50 twitches never enter the result.
    assert broken.rate_ratio is not None and broken.rate_ratio < 0.6
    for d in exp.schedule(design)[8:]:
        data[d.day] = exp.DayOutcome(0, 16.0, False, None)
    assert exp.analyse(design, data).conclusion == "not_enough_data"


def test_days_not_reached_yet_are_neither_counted_nor_left_out() -> None:
    design = exp.make_design("stretch_before_bed", START, 5)
    early = {START: exp.DayOutcome(3, 16.0, True, True)}
    result = exp.analyse(design, early)
    assert (result.days_counted, result.days_left_out) == (1, 0)


def test_the_exact_p_value_and_interval_of_a_known_set_of_contrasts() -> None:
    # Six of seven pairs lower: of the 127 subset means only {0.1} is above 0, so the one-sided
    # p-value is (1 + 1) / 128 and the two-sided one 4 / 128. With 7 pairs the interval leaves
    # out 3 subset means at each end (128 // 40): the 3rd smallest is -0.6 (after -0.7 and
    # the mean of -0.7 and -0.6), the 3rd largest -0.1 (after 0.1 and (0.1 - 0.2) / 2).
    test = pair_tests.sign_flip_test([-0.7, -0.6, -0.5, -0.4, -0.3, -0.2, 0.1])
    assert test is not None
    assert test.p_value == 4 / 128
    assert math.isclose(test.low, -0.6) and math.isclose(test.high, -0.1)
    assert math.isclose(test.mean, -2.6 / 7)
    # Six pairs, one slightly positive: p = 4 / 64 > 0.05, and the interval (from the lowest
    # to the highest subset mean) holds 0.
    six = pair_tests.sign_flip_test([-0.5, -0.3, -0.2, -0.4, -0.1, 0.05])
    assert six is not None and six.p_value == 4 / 64
    assert (six.low, six.high) == (-0.5, 0.05)


@pytest.mark.parametrize("pairs", [6, 7, 8])
def test_all_pairs_one_way_gives_the_smallest_p_value(pairs: int) -> None:
    lower = pair_tests.sign_flip_test([-0.1 * (i + 1) for i in range(pairs)])
    higher = pair_tests.sign_flip_test([0.05 + 0.01 * i for i in range(pairs)])
    assert lower is not None and higher is not None
    assert lower.p_value == higher.p_value == 2 / 2**pairs
    assert lower.high < 0 < higher.low


def test_fewer_than_six_pairs_can_never_be_clear() -> None:
    assert pair_tests.sign_flip_test([-1.0, -2.0, -1.5, -0.5, -3.0]) is None
    assert [pair_tests.interval_rank(k) for k in range(3, 9)] == [0, 0, 0, 1, 3, 6]


def test_the_interval_leaves_out_no_difference_exactly_when_p_is_below_5_percent() -> None:
    draw = random.Random(11)
    clear = 0
    for _ in range(300):
        pairs = draw.choice((6, 7, 8))
        shift = draw.uniform(-0.6, 0.2)
        test = pair_tests.sign_flip_test([shift + draw.gauss(0, 0.4) for _ in range(pairs)])
        assert test is not None and test.low <= test.mean <= test.high
        assert (test.p_value < 0.05) == (test.high < 0 or test.low > 0)
        clear += test.p_value < 0.05
    assert 30 < clear < 270  # both kinds of result were checked


def test_the_interval_covers_a_true_shift_as_often_as_designed_whatever_the_noise() -> None:
    # Heavy-tailed, skewed-by-pair noise: a symmetric sign for each pair is all the test needs.
    # With 8 pairs the interval misses in 2 · 6 of 256 sign orders: 95.3% coverage.
    draw = random.Random(5)
    shift, covered, runs = -0.4, 0, 3000
    for _ in range(runs):
        noise = [draw.choice((-1, 1)) * draw.expovariate(1.0) ** 2 for _ in range(8)]
        test = pair_tests.sign_flip_test([shift + n for n in noise])
        assert test is not None
        covered += test.low <= shift <= test.high
    assert abs(covered / runs - (1 - 12 / 256)) < 0.015  # 3.8 binomial SEs


def test_an_experiment_planned_with_the_t_analysis_keeps_it() -> None:
    design = exp.make_design("stretch_before_bed", START, 5, pairs=7, block_days=4)
    planned_before = dataclasses.replace(design, pairs=3, first_on=design.first_on[:3])
    old = dataclasses.replace(planned_before, analysis=exp.STUDENT_T)
    data = outcomes_for(old, 6.0, 12.0)
    first_off = next(d.day for d in exp.schedule(old) if not d.on)
    data[first_off] = exp.DayOutcome(20, 16.0, True, True)
    result = exp.analyse(old, data)
    differences, _counted, _left_out = exp.pair_differences(old, data)
    t_test = pair_tests.student_t_test(differences)
    assert result.complete_pairs == 3 and result.conclusion == "fewer"
    assert result.p_value == t_test.p_value and result.ci_high == math.exp(t_test.high)
    assert exp.analyse(planned_before, data).conclusion == "not_enough_data"


def test_power_at_no_effect_is_the_tests_exact_size() -> None:
    for pairs in (6, 7, 8):
        size = 2 * pair_tests.interval_rank(pairs) / 2**pairs  # 3.1%, 4.7%, 4.7%
        assert abs(power.power(1.0, 0.5, pairs) - size) < 0.004


def test_power_with_six_pairs_is_the_chance_all_six_go_the_same_way() -> None:
    # With 6 pairs only "all six the same sign" gives p < 0.05, so power has a formula.
    normal = NormalDist()
    for rate_ratio in (0.9, 0.7, 0.5):
        shift = -math.log(rate_ratio) / 0.5
        exact = normal.cdf(shift) ** 6 + normal.cdf(-shift) ** 6
        assert abs(power.power(rate_ratio, 0.5, 6) - exact) < 0.01


def test_power_grows_with_the_effect_and_the_pairs() -> None:
    powers = [power.power(rr, 0.5, 7) for rr in (0.9, 0.7, 0.5, 0.3)]
    assert powers == sorted(powers) and powers[-1] > 0.9
    assert power.power(0.6, 0.5, 8) > power.power(0.6, 0.5, 6)
    assert power.power(0.6, 0.5, 7) == power.power(0.6, 0.5, 7)  # the fixed seed


def test_the_detectable_change_has_80_percent_power() -> None:
    history = power.PairHistory(pair_sd=0.5, pairs_used=10, complete_share=1.0)
    rr = power.detectable_rate_ratio(history, 6)
    assert math.isclose(power.expected_power(rr, history, 6), 0.8, abs_tol=0.01)
    text = power.power_statement(history, 6)
    assert "(10 pairs of blocks)" in text and f"about {round(100 * (1 - rr))}% fewer" in text


def test_past_variability_comes_from_the_persons_own_diary() -> None:
    steady = [(START + timedelta(days=i), exp.DayOutcome(8, 16.0, True, None)) for i in range(84)]
    swinging = [
        (day, exp.DayOutcome((20, 2, 8)[(i // 7) % 3], 16.0, True, None))
        for i, (day, _o) in enumerate(steady)
    ]
    calm = power.history_pairs(steady, 7, 1)
    wild = power.history_pairs(swinging, 7, 1)
    assert calm.pairs_used == wild.pairs_used == 6
    # A steady diary's SD of 0 is pooled with PRIOR_PAIRS typical pairs (SD 0.57 for 6
    # counted days), over 5 + 4 degrees of freedom, then scaled by SD_INFLATION.
    typical = power.TYPICAL_PAIR_SD * math.sqrt(3 / 6)
    pooled = math.sqrt(power.PRIOR_PAIRS * typical**2 / (5 + power.PRIOR_PAIRS))
    assert math.isclose(calm.pair_sd, pooled * power.SD_INFLATION)
    assert wild.pair_sd > 2 * calm.pair_sd
    short = power.history_pairs(steady[:20], 7, 1)
    assert short.pairs_used < power.MIN_HISTORY_PAIRS and short.pair_sd > 0.3


def test_the_planned_analysis_names_the_seed_and_the_rules_for_missed_days() -> None:
    design = exp.make_design("caffeine_off", START, 1234)
    text = exp.planned_analysis(design)
    assert "seed 1234" in text and "first day of each block is not counted" in text
    assert "Days you did not log, or did not keep to the plan, are left out" in text
    assert "at least 6 full pairs are needed" in text
    assert "checked against every way the order in each pair could have fallen" in text

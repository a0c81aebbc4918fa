"""facts_from_diary: what the diary already answers, and what it leaves unknown."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.triage.triage_builders import episode, factors, grip, medicine, noon, stamps, symptom
from twitchguide.diary.records import StrengthCheck
from twitchguide.diary.snapshot import Diary
from twitchguide.triage.diary_facts import facts_from_diary
from twitchguide.triage.engine import triage

TODAY = date(2026, 6, 30)


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def test_empty_diary_knows_nothing() -> None:
    facts = facts_from_diary(Diary(), TODAY)
    assert facts.to_dict() == {}
    assert triage(facts).level == "self_care"


def test_short_eyelid_twitch_is_self_care() -> None:
    diary = Diary(episodes=[episode(ago(3)), episode(ago(1))])
    facts = facts_from_diary(diary, TODAY)
    assert facts.regions == ("eyelid",)
    assert facts.duration_days == 4
    assert facts.eyelid_twitch_days == 4
    assert triage(facts).level == "self_care"


def test_twitching_over_two_weeks_in_one_run_is_routine() -> None:
    diary = Diary(episodes=[episode(ago(d), "calf") for d in (20, 12, 5, 0)])
    facts = facts_from_diary(diary, TODAY)
    assert facts.duration_days == 21
    assert triage(facts).level == "routine_appointment"


def test_an_old_run_does_not_count_as_current_twitching() -> None:
    diary = Diary(episodes=[episode(ago(d), "calf") for d in (90, 80, 70)])
    assert facts_from_diary(diary, TODAY).duration_days is None
    gap = Diary(episodes=[episode(ago(60), "thigh"), episode(ago(2), "calf")])
    facts = facts_from_diary(gap, TODAY)
    assert facts.regions == ("calf",)
    assert facts.duration_days == 3


def test_spread_to_a_new_region_is_noticed() -> None:
    diary = Diary(episodes=[episode(ago(10), "calf"), episode(ago(1), "thigh")])
    facts = facts_from_diary(diary, TODAY)
    assert facts.spreading is True
    assert facts.regions == ("calf", "thigh")
    assert triage(facts).level == "routine_appointment"


def test_hypnic_jerks_only_when_every_episode_is_falling_asleep() -> None:
    diary = Diary(episodes=[episode(ago(d), "thigh", context="falling_asleep") for d in (3, 1)])
    assert facts_from_diary(diary, TODAY).hypnic_jerks_only is True


def test_recent_symptom_reports_become_facts_and_old_ones_do_not() -> None:
    diary = Diary(
        symptoms=[symptom(ago(2), "weakness"), symptom(ago(40), "face_drooping")],
    )
    facts = facts_from_diary(diary, TODAY)
    assert facts.weakness is True
    assert facts.face_drooping is None
    assert triage(facts).level == "see_doctor_soon"


def test_signs_in_a_symptom_reports_own_words_count() -> None:
    said = symptom(ago(1), "other", description="chest pain and my left calf is swollen and red")
    facts = facts_from_diary(Diary(symptoms=[said]), TODAY)
    assert facts.chest_pain is True
    assert facts.swollen_painful_leg is True
    assert triage(facts).level == "emergency"


def test_words_that_deny_a_sign_never_clear_one_stated_elsewhere() -> None:
    reports = [
        symptom(ago(1), "other", description="chest pain since this morning"),
        symptom(ago(0), "weakness", description="no chest pain, just dropping cups"),
    ]
    assert facts_from_diary(Diary(symptoms=reports), TODAY).chest_pain is True


def test_words_never_calm_a_long_run() -> None:
    run = [episode(ago(d), "calf") for d in range(21, -1, -3)]
    said = symptom(ago(1), "other", description="the jerks happen only while falling asleep")
    facts = facts_from_diary(Diary(episodes=run, symptoms=[said]), TODAY)
    assert facts.hypnic_jerks_only is None
    assert triage(facts).level == "routine_appointment"


def test_old_descriptions_stop_counting_with_their_report() -> None:
    said = symptom(ago(20), "other", description="chest pain")
    assert facts_from_diary(Diary(symptoms=[said]), TODAY).chest_pain is None


def test_face_drooping_report_today_is_an_emergency() -> None:
    facts = facts_from_diary(Diary(symptoms=[symptom(TODAY, "face_drooping")]), TODAY)
    assert triage(facts).level == "emergency"


def test_medicines_give_classes_and_recent_changes() -> None:
    diary = Diary(
        medications=[medicine("Sertraline 50 mg", ago(5)), medicine("omeprazole", ago(400))]
    )
    facts = facts_from_diary(diary, TODAY)
    assert facts.medicine_classes == ("ssri", "ppi")
    assert facts.medicine_new_or_changed is True
    assert facts.serotonergic_started_recently is True
    assert triage(facts).level == "routine_appointment"


def test_a_course_entered_without_a_kind_still_counts_as_a_medicine() -> None:
    # `medication add --name ...` stores no kind unless --kind is given.
    facts = facts_from_diary(Diary(medications=[medicine("ramipril", ago(3))]), TODAY)
    assert facts.medicines == ("ramipril",)
    assert facts.medicine_new_or_changed is True


def test_everyday_supplements_are_not_new_medicines() -> None:
    diary = Diary(
        medications=[
            medicine("Magnesium glycinate 200 mg", ago(3)),
            medicine("vitamin D", ago(2)),
            medicine("ramipril", ago(300), kind="supplement"),
        ]
    )
    facts = facts_from_diary(diary, TODAY)
    assert facts.medicines is None
    assert facts.medicine_new_or_changed is None


def test_a_known_medicine_counts_even_when_entered_as_a_supplement() -> None:
    diary = Diary(medications=[medicine("St John's wort", ago(4), kind="supplement")])
    facts = facts_from_diary(diary, TODAY)
    assert facts.medicine_classes == ("serotonergic_other",)
    assert facts.serotonergic_started_recently is True


def test_daily_factors_are_averaged_over_the_last_week() -> None:
    diary = Diary(days=[factors(ago(1), caffeine_mg=500, stress=4), factors(ago(2), stress=5)])
    facts = facts_from_diary(diary, TODAY)
    assert facts.caffeine_mg == 500
    assert facts.stress == 4  # 4.5 rounds to even
    assert [r.rule_id for r in triage(facts).reasons] == ["everyday_triggers"]


def test_grip_decline_in_the_diary_raises_the_level() -> None:
    checks = [grip(ago(d), v, 40) for d, v in ((40, 40), (30, 41), (20, 39), (10, 31), (1, 30))]
    facts = facts_from_diary(Diary(strength_checks=checks), TODAY)
    assert facts.grip_decline is True
    assert triage(facts).level == "see_doctor_soon"


def test_heel_walking_failed_twice_is_weakness_but_once_is_not() -> None:
    def walk(day: date, result: str) -> StrengthCheck:
        return StrengthCheck(stamps=stamps(), checked_at=noon(day), heel_walk=result)

    once = Diary(strength_checks=[walk(ago(9), "pass"), walk(ago(1), "fail")])
    assert facts_from_diary(once, TODAY).weakness is None
    twice = Diary(strength_checks=[walk(ago(9), "fail"), walk(ago(1), "fail")])
    assert facts_from_diary(twice, TODAY).weakness is True


def test_triage_judges_the_last_thirty_days_of_a_long_run() -> None:
    # Hypothesis found this diary: one awake twitch 31 days ago, then only sleep starts.
    diary = Diary(
        episodes=[
            episode(ago(31), "calf", context="rest"),
            episode(ago(17), "calf", context="falling_asleep"),
            episode(ago(3), "calf", context="falling_asleep"),
        ]
    )
    facts = facts_from_diary(diary, TODAY)
    assert facts.hypnic_jerks_only is True
    assert facts.duration_days == 18
    assert triage(facts).level == "self_care"


def test_an_old_tongue_twitch_in_a_long_run_stops_counting() -> None:
    calf = [episode(ago(d), "calf") for d in range(300, -1, -5)]
    tongue_long_ago = Diary(episodes=[*calf, episode(ago(200), "tongue")])
    assert facts_from_diary(tongue_long_ago, TODAY).regions == ("calf",)
    assert triage(facts_from_diary(tongue_long_ago, TODAY)).level == "routine_appointment"
    tongue_lately = Diary(episodes=[*calf, episode(ago(20), "tongue")])
    assert triage(facts_from_diary(tongue_lately, TODAY)).level == "see_doctor_soon"


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 90),
            # Mostly one place, so the level turns on how long the run is, not on how many
            # places twitch.
            st.sampled_from(["calf", "calf", "calf", "calf", "eyelid"]),
            st.sampled_from(["rest", "falling_asleep"]),
        ),
        max_size=40,
    )
)
def test_reading_only_the_lookback_window_never_changes_the_level(
    logged: list[tuple[int, str, str]],
) -> None:
    from twitchguide.triage.diary_facts import lookback_start

    episodes = sorted(
        (episode(ago(days), region, context=context) for days, region, context in logged),
        key=lambda e: e.started_at,
    )
    recent = [e for e in episodes if e.started_at.date() >= lookback_start(TODAY)]
    full = triage(facts_from_diary(Diary(episodes=episodes), TODAY)).level
    assert triage(facts_from_diary(Diary(episodes=recent), TODAY)).level == full


def test_the_lookback_window_keeps_the_level_of_a_long_run() -> None:
    from twitchguide.triage.diary_facts import LOOKBACK_DAYS, lookback_start

    run = [episode(ago(d), "calf") for d in range(400, -1, -3)]
    full = facts_from_diary(Diary(episodes=run), TODAY)
    start = lookback_start(TODAY)
    recent = [e for e in run if e.started_at.date() >= start]
    bounded = facts_from_diary(Diary(episodes=recent), TODAY)
    assert bounded == full
    assert full.duration_days is not None and 14 < full.duration_days <= LOOKBACK_DAYS + 1
    assert triage(full).level == "routine_appointment"


def test_words_in_a_symptom_report_read_choking_on_drink_as_trouble_swallowing() -> None:
    # Issue 15, pattern 4: the same reading on `log` and in reports as in `check --text`.
    from twitchguide.triage.diary_facts import warning_signs_in_words

    assert warning_signs_in_words("Water went down the wrong way twice.") == {
        "trouble_swallowing": True
    }
    assert warning_signs_in_words("Choked on my own spit twice.") == {"choking_on_saliva": True}
    assert warning_signs_in_words("my whole body jerks as I fall asleep") == {}

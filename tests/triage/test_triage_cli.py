"""`twitchguide check` and the notice after diary writes, through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import CliRun


def answers(tmp_path: Path, data: object) -> str:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_check_answers_json_gives_level_reasons_advice_safety_net_sources(
    run_cli_sqlite: CliRun, tmp_path: Path
) -> None:
    file = answers(tmp_path, {"face_drooping": True, "onset_sudden": True})
    result = run_cli_sqlite("check", "--answers", file, "--json")
    assert result.exit_code == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["level"] == "emergency"
    assert "Call emergency services now (999, 112 or 911)" in out["advice"]
    assert out["reasons"][0]["rule"] == "sudden_face_speech_or_vision"
    assert out["safety_net"] and "does not replace" in out["disclaimer"]
    assert {"id": "nhs-stroke"}.items() <= out["sources"][0].items()
    assert out["sources"][0]["url"].startswith("https://")


def test_check_text_output_and_the_local_emergency_number(
    run_cli_sqlite: CliRun, tmp_path: Path
) -> None:
    assert run_cli_sqlite("settings", "--emergency-number", "000").exit_code == 0
    result = run_cli_sqlite("check", "--answers", answers(tmp_path, {"seizure": True}))
    assert result.exit_code == 0, result.stderr
    assert "Result: Emergency" in result.stdout
    assert "Call emergency services now (000)" in result.stdout
    assert "does not replace a doctor" in result.stdout


def test_check_rejects_unknown_facts_and_bad_json(run_cli_sqlite: CliRun, tmp_path: Path) -> None:
    bad = run_cli_sqlite("check", "--answers", answers(tmp_path, {"wekness": True}))
    assert bad.exit_code == 2
    assert "wekness: not a known fact" in bad.stderr
    path = tmp_path / "broken.json"
    path.write_text("{weakness: yes", encoding="utf-8")
    broken = run_cli_sqlite("check", "--answers", str(path))
    assert broken.exit_code == 2 and "answers: not valid JSON" in broken.stderr
    assert "Traceback" not in broken.stderr
    assert run_cli_sqlite("check", "--json").exit_code == 2


def test_interactive_check_calm_and_short_for_no_red_flags(run_cli_sqlite: CliRun) -> None:
    result = run_cli_sqlite("check", input="\ncalf\n3\n\n\n\n\n\n\n\n")
    assert result.exit_code == 0, result.stderr
    assert "Most people answer none" in result.stdout
    assert "Result: Self-care" in result.stdout
    assert "How many weeks pregnant" not in result.stdout


def test_interactive_check_stops_at_an_emergency(run_cli_sqlite: CliRun) -> None:
    result = run_cli_sqlite("check", input="\nface\n\n1\n\nyes\n")
    assert result.exit_code == 0, result.stderr
    assert "Result: Emergency" in result.stdout
    assert "Do any of these apply to you?" not in result.stdout


def test_interactive_check_asks_again_after_a_bad_answer(run_cli_sqlite: CliRun) -> None:
    result = run_cli_sqlite("check", input="\nwing\nmy left calf\n30\n\n2\n\n\n\n\n")
    assert "Please answer with body areas" in result.stdout
    assert "Result: See a doctor soon" in result.stdout


def test_interactive_check_starts_with_the_persons_own_words(run_cli_sqlite: CliRun) -> None:
    described = "my left calf has twitched for 3 weeks, no weakness"
    result = run_cli_sqlite("check", input=described + "\n" + "\n" * 10)
    assert result.exit_code == 0, result.stderr
    assert "What I understood:" in result.stdout
    assert 'duration days: 21  <- "3 weeks"' in result.stdout
    # Already answered by the text, so not asked again.
    assert "Where do you feel the twitching?" not in result.stdout
    assert "Result: Book a routine appointment" in result.stdout


def test_check_with_diary_uses_the_diary(run_cli_sqlite: CliRun, tmp_path: Path) -> None:
    assert run_cli_sqlite("symptom", "add", "--kind", "muscle_wasting").exit_code == 0
    file = answers(tmp_path, {"weakness": False})
    result = run_cli_sqlite("check", "--with-diary", "--answers", file, "--json")
    assert json.loads(result.stdout)["level"] == "see_doctor_soon"


def test_notice_after_log_only_above_self_care(run_cli_sqlite: CliRun) -> None:
    quiet = run_cli_sqlite("log", "calf")
    assert quiet.exit_code == 0 and "Triage" not in quiet.stderr + quiet.stdout
    noted = run_cli_sqlite("symptom", "add", "--kind", "trouble_swallowing")
    # Swallowing trouble: the reason says today, so the headline does (issue 15, pattern 8).
    assert "Triage: See a doctor today." in noted.stderr
    logged = run_cli_sqlite("log", "calf", "--json")
    json.loads(logged.stdout)  # the notice stays off stdout
    assert "Triage: See a doctor today." in logged.stderr


def test_a_medicine_added_without_a_kind_reaches_triage(
    run_cli_sqlite: CliRun, tmp_path: Path
) -> None:
    added = run_cli_sqlite("medication", "add", "--name", "sertraline", "--started-on", "5d ago")
    assert added.exit_code == 0, added.stderr
    logged = run_cli_sqlite("log", "calf")
    assert "Triage: Book a routine appointment." in logged.stderr
    assert "new or changed medicine" in logged.stderr
    file = answers(tmp_path, {})
    result = json.loads(run_cli_sqlite("check", "--with-diary", "--answers", file, "--json").stdout)
    assert "new_or_changed_medicine" in [reason["rule"] for reason in result["reasons"]]


def test_a_supplement_added_without_a_kind_raises_nothing(run_cli_sqlite: CliRun) -> None:
    assert run_cli_sqlite("medication", "add", "--name", "magnesium citrate").exit_code == 0
    logged = run_cli_sqlite("log", "calf")
    assert logged.exit_code == 0
    assert "Triage" not in logged.stderr


def test_check_text_gives_a_result_when_input_runs_out(run_cli_sqlite: CliRun) -> None:
    # A script, or Ctrl-D: follow-up questions count as "not sure", never as "no".
    said = "my calf has twitched for 3 weeks, no weakness"
    result = run_cli_sqlite("check", "--text", said, input="")
    assert result.exit_code == 0, result.stderr
    assert "no more input, so: not sure" in result.stdout
    assert "Result: Book a routine appointment" in result.stdout


def test_a_red_flag_logged_as_other_in_own_words_gets_the_notice(run_cli_sqlite: CliRun) -> None:
    said = "chest pain and my left calf is swollen and red"
    noted = run_cli_sqlite("symptom", "add", "--kind", "other", "--description", said)
    assert noted.exit_code == 0, noted.stderr
    assert "Triage: Emergency." in noted.stderr
    assert "Call emergency services now" in noted.stderr


def test_the_words_of_a_log_are_read_for_red_flags(run_cli_sqlite: CliRun) -> None:
    logged = run_cli_sqlite("log", "calf", "--note", "chest pain too")
    assert logged.exit_code == 0, logged.stderr
    assert "Triage: Emergency." in logged.stderr


def test_the_words_of_a_log_never_calm_a_long_run(run_cli_sqlite: CliRun) -> None:
    for days in range(21, 0, -3):
        assert run_cli_sqlite("log", "thigh", "--at", f"{days} days ago").exit_code == 0
    calm = run_cli_sqlite("log", "thigh", "--note", "the jerks happen only while falling asleep")
    assert "Triage: Book a routine appointment." in calm.stderr


def test_check_with_diary_says_what_it_took_from_the_diary(run_cli_sqlite: CliRun) -> None:
    assert run_cli_sqlite("log", "calf", "--at", "3 days ago").exit_code == 0
    assert run_cli_sqlite("log", "eyelid").exit_code == 0
    result = run_cli_sqlite("check", "--with-diary", input="\n" * 12)
    assert result.exit_code == 0, result.stderr
    shown = result.stdout
    assert "From your diary (the last month):" in shown
    assert "  regions: calf, eyelid" in shown
    assert "  duration days: 4" in shown
    # Known from the diary, so not asked again.
    assert "Where do you feel the twitching?" not in shown
    assert shown.index("A short check") < shown.index("From your diary")

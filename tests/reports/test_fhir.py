"""The FHIR R4 export: valid against fhir.resources' R4B models, plus the checks they skip."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle

from benchmarks.report_diaries import YEAR_END, red_flag_diary
from tests.reports.conftest import DIARIES, GENERATED
from twitchguide.actions.report import fhir_for_diary
from twitchguide.diary.snapshot import Diary
from twitchguide.reports.fhir import CODES

# Required codes the models accept any string for (fhir.resources took status="finished-ish").
OBSERVATION_STATUS = {"registered", "preliminary", "final", "amended"}
MEDICATION_STATUS = {"active", "completed", "entered-in-error", "intended", "stopped", "on-hold",
                     "unknown", "not-taken"}  # fmt: skip
RESPONSE_STATUS = {"in-progress", "completed", "amended", "entered-in-error", "stopped"}


def bundle_of(diary: Diary) -> dict[str, Any]:
    return fhir_for_diary(diary, now=GENERATED, today=YEAR_END)


def walk_codings(node: Any) -> list[dict[str, Any]]:
    found = []
    if isinstance(node, dict):
        if "coding" in node:
            found += node["coding"]
        for value in node.values():
            found += walk_codings(value)
    elif isinstance(node, list):
        for value in node:
            found += walk_codings(value)
    return found


def walk_references(node: Any) -> list[str]:
    found = []
    if isinstance(node, dict):
        if isinstance(node.get("reference"), str):
            found.append(node["reference"])
        for value in node.values():
            found += walk_references(value)
    elif isinstance(node, list):
        for value in node:
            found += walk_references(value)
    return found


@pytest.mark.parametrize("name", list(DIARIES))
def test_bundle_validates_against_the_r4b_models(name: str) -> None:
    document = bundle_of(DIARIES[name]())
    Bundle.model_validate(document)


@pytest.mark.parametrize("name", list(DIARIES))
def test_required_codes_every_code_from_the_table_and_references_resolve(name: str) -> None:
    document = bundle_of(DIARIES[name]())
    assert document["type"] == "collection"
    urls = [entry["fullUrl"] for entry in document["entry"]]
    assert len(urls) == len(set(urls))
    for entry in document["entry"]:
        resource = entry["resource"]
        assert entry["fullUrl"] == f"urn:uuid:{resource['id']}"
        kind = resource["resourceType"]
        if kind == "Observation":
            assert resource["status"] in OBSERVATION_STATUS
            assert resource["code"].get("text")  # every code says what it is in words
        elif kind == "MedicationStatement":
            assert resource["status"] in MEDICATION_STATUS
        elif kind == "QuestionnaireResponse":
            assert resource["status"] in RESPONSE_STATUS
    table = {(system, code): display for system, code, display, _ in CODES}
    for coding in walk_codings(document):
        assert (coding["system"], coding["code"]) in table, coding
        assert coding["display"] == table[(coding["system"], coding["code"])]
    assert all(reference in urls for reference in walk_references(document))


def test_no_snomed_code_stands_for_a_twitch_or_a_body_site(year: Diary) -> None:
    document = bundle_of(year)
    snomed = {c["code"] for c in walk_codings(document) if c["system"] == "http://snomed.info/sct"}
    assert snomed <= {"7771000", "24028007", "51440002", "399488007"}  # laterality only
    episode = next(e["resource"] for e in document["entry"] if e["resource"].get("bodySite"))
    assert "coding" not in episode["bodySite"]


def test_every_record_appears_once_nothing_dropped(year: Diary) -> None:
    document = bundle_of(year)
    kinds: Counter[str] = Counter()
    for entry in document["entry"]:
        resource = entry["resource"]
        text = resource.get("code", {}).get("text", "")
        if text.startswith("Muscle twitching episode"):
            kinds["episodes"] += 1
        elif text.startswith("Daily lifestyle factors"):
            kinds["days"] += 1
        elif text.startswith("Grip strength"):
            kinds["strength"] += 1
        elif text.startswith("Reported symptom"):
            kinds["symptoms"] += 1
        kinds[resource["resourceType"]] += 1
    assert kinds["episodes"] == len(year.episodes) > 1000
    assert kinds["days"] == len(year.days) > 300
    assert kinds["MedicationStatement"] == len(year.medications) == 3
    assert kinds["strength"] == len(year.strength_checks) > 40
    assert kinds["symptoms"] == len(year.symptoms)
    assert kinds["Patient"] == 1 and kinds["QuestionnaireResponse"] == 1


def test_an_episode_carries_its_details_as_components_and_laterality(year: Diary) -> None:
    document = bundle_of(year)
    first = year.episodes[0]
    episode = next(
        e["resource"]
        for e in document["entry"]
        if e["resource"].get("effectiveDateTime")
        == first.started_at.astimezone(year.zone).isoformat(timespec="seconds")
        and e["resource"]["code"]["text"].startswith("Muscle")
    )
    assert episode["effectiveDateTime"].endswith(("+01:00", "+02:00"))
    assert [c["code"] for c in episode["code"]["coding"]] == ["R25.3", "HP:0002380"]
    parts = {c["code"]["text"]: c for c in episode["component"]}
    assert parts["Intensity, 1 (barely) to 5 (strong)"]["valueInteger"] == first.intensity
    assert parts["Duration"]["valueQuantity"] == {
        "value": first.duration_seconds, "unit": "s", "system": "http://unitsofmeasure.org",
        "code": "s",
    }  # fmt: skip
    assert parts["Pattern"]["valueCodeableConcept"]["text"] == first.pattern
    laterality = parts["Laterality"]["valueCodeableConcept"]
    assert laterality["text"] == first.side
    assert episode["bodySite"]["text"] == f"{first.side} {first.region}"


def test_sleep_carries_its_loinc_code_and_other_factors_words_only(year: Diary) -> None:
    document = bundle_of(year)
    day = next(
        e["resource"] for e in document["entry"]
        if e["resource"].get("code", {}).get("text", "").startswith("Daily")
    )  # fmt: skip
    parts = {c["code"]["text"]: c for c in day["component"]}
    assert parts["Sleep the night before"]["code"]["coding"][0]["code"] == "93832-4"
    assert parts["Sleep the night before"]["valueQuantity"]["code"] == "h"
    assert "coding" not in parts["Caffeine"]["code"]
    assert parts["Caffeine"]["valueQuantity"]["code"] == "mg"


def test_red_flag_answers_say_yes_only_for_what_was_reported() -> None:
    document = bundle_of(red_flag_diary())
    response = next(
        e["resource"] for e in document["entry"]
        if e["resource"]["resourceType"] == "QuestionnaireResponse"
    )  # fmt: skip
    answered = {item["linkId"] for item in response["item"] if "answer" in item}
    assert answered == {"weakness", "grip_decline", "trouble_swallowing"}
    # "Not reported" is not "no": those questions carry no answer at all.
    assert all("answer" not in item for item in response["item"] if item["linkId"] not in answered)

"""The diary as a FHIR R4 Bundle (JSON): what the person logged, coded only where a code is sure.

Every code below is listed in CODES with its source, and docs/fhir.md explains the mapping. A
wrong code is worse than none, so most things carry `code.text` only: there is no SNOMED CT code
for fasciculation here, no LOINC code for caffeine, stress or grip strength (two public sources
disagree on grip's), and body sites are words. Ids are UUIDs derived from the record ids, so the
same diary exports the same Bundle and every reference resolves inside it.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from twitchguide.diary.records import (
    DailyFactors,
    Episode,
    MedicationCourse,
    StrengthCheck,
    SymptomReport,
)
from twitchguide.diary.snapshot import Diary
from twitchguide.reports.model import RedFlagAnswer

ICD10 = "http://hl7.org/fhir/sid/icd-10"
HPO = "http://human-phenotype-ontology.org"
LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
UCUM = "http://unitsofmeasure.org"
MED_STATEMENT_CATEGORY = "http://terminology.hl7.org/CodeSystem/medication-statement-category"
_NAMESPACE = uuid.UUID("5d1c3f0e-6a61-4f8e-9a37-0d7a1c2b9e10")

# (system, code, display, source): every code the export can write.
CODES: tuple[tuple[str, str, str, str], ...] = (
    (ICD10, "R25.3", "Fasciculation", "WHO ICD-10 (2019), chapter XVIII, R25 Abnormal "
     "involuntary movements"),
    (HPO, "HP:0002380", "Fasciculations", "Human Phenotype Ontology term HP:0002380"),
    (LOINC, "93832-4", "Sleep duration", "HL7 Personal Health Records IG, value set "
     "pcd-sleep-observation-code"),
    (SNOMED, "7771000", "Left", "HL7 FHIR Extensions Pack value set structure-laterality-vs; "
     "mCODE LateralityQualifierVS"),
    (SNOMED, "24028007", "Right", "same value sets"),
    (SNOMED, "51440002", "Right and left", "same value sets"),
    (SNOMED, "399488007", "Midline", "same value sets"),
    (MED_STATEMENT_CATEGORY, "patientspecified", "Patient Specified",
     "FHIR R4 value set medication-statement-category"),
)  # fmt: skip
_LATERALITY = {"left": "7771000", "right": "24028007", "both": "51440002", "midline": "399488007"}
_DISPLAY = {code: display for _, code, display, _ in CODES}

# Daily factor field -> (component text, UCUM unit code, unit shown, LOINC code or "").
DAILY_FACTOR_COMPONENTS: tuple[tuple[str, str, str, str, str], ...] = (
    ("sleep_hours", "Sleep the night before", "h", "h", "93832-4"),
    ("stress", "Stress, 1 (calm) to 5 (very stressed)", "{score}", "score", ""),
    ("anxiety", "Anxiety, 1 to 5", "{score}", "score", ""),
    ("caffeine_mg", "Caffeine", "mg", "mg", ""),
    ("water_litres", "Water and other drinks", "L", "L", ""),
    ("exercise_minutes", "Exercise", "min", "min", ""),
    ("alcohol_units", "Alcohol", "{unit}", "units", ""),
    ("magnesium_servings", "Magnesium-rich food", "{serving}", "servings", ""),
    ("potassium_servings", "Potassium-rich food", "{serving}", "servings", ""),
    ("hours_observed", "Hours paying attention to twitches", "h", "h", ""),
)


def fhir_bundle(
    diary: Diary, answers: Sequence[RedFlagAnswer], generated_at: datetime
) -> dict[str, Any]:
    """The whole diary as one FHIR R4 Bundle of type collection."""
    patient_url = _url("patient", 0)
    patient = {"resourceType": "Patient", "id": _id(patient_url)}
    entries: list[tuple[str, dict[str, Any]]] = [(patient_url, patient)]
    ref = {"reference": patient_url}
    entries += [_episode(diary, e, ref) for e in diary.episodes]
    entries += [_factors(d, ref) for d in diary.days]
    entries += [_medication(m, ref) for m in diary.medications]
    entries += [_strength(diary, c, ref) for c in diary.strength_checks]
    entries += [_symptom(diary, s, ref) for s in diary.symptoms]
    entries.append(_red_flags(answers, ref, generated_at))
    return {
        "resourceType": "Bundle",
        "id": str(uuid.uuid5(_NAMESPACE, "bundle")),
        "type": "collection",
        "timestamp": _instant(generated_at),
        "entry": [{"fullUrl": url, "resource": resource} for url, resource in entries],
    }


def _url(kind: str, record_id: int) -> str:
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, f'{kind}/{record_id}')}"


def _id(url: str) -> str:
    return url.removeprefix("urn:uuid:")


def _instant(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _local(diary: Diary, moment: datetime) -> str:
    return moment.astimezone(diary.zone).isoformat(timespec="seconds")


def _coding(system: str, code: str) -> dict[str, str]:
    return {"system": system, "code": code, "display": _DISPLAY[code]}


def _quantity(value: float, unit: str, code: str) -> dict[str, Any]:
    return {"value": value, "unit": unit, "system": UCUM, "code": code}


def _text(words: str) -> dict[str, str]:
    return {"text": words}


def _component(words: str, value_key: str, value: Any) -> dict[str, Any]:
    return {"code": _text(words), value_key: value}


def _observation(url: str, code: dict[str, Any], ref: dict[str, str]) -> dict[str, Any]:
    return {
        "resourceType": "Observation",
        "id": _id(url),
        "status": "final",
        "code": code,
        "subject": ref,
        "performer": [ref],
    }


def _episode(diary: Diary, e: Episode, ref: dict[str, str]) -> tuple[str, dict[str, Any]]:
    url = _url("episode", e.stamps.id)
    code = {
        "coding": [_coding(ICD10, "R25.3"), _coding(HPO, "HP:0002380")],
        "text": "Muscle twitching episode (patient-reported)",
    }
    obs = _observation(url, code, ref)
    obs["effectiveDateTime"] = _local(diary, e.started_at)
    region = e.region.replace("_", " ")
    obs["bodySite"] = _text(f"{e.side} {region}" if e.side in ("left", "right") else region)
    parts = []
    if e.side in _LATERALITY:
        parts.append(
            _component("Laterality", "valueCodeableConcept",
                       {"coding": [_coding(SNOMED, _LATERALITY[e.side])], "text": e.side})
        )  # fmt: skip
    if e.intensity is not None:
        parts.append(_component("Intensity, 1 (barely) to 5 (strong)", "valueInteger", e.intensity))
    if e.duration_seconds is not None:
        parts.append(
            _component("Duration", "valueQuantity", _quantity(e.duration_seconds, "s", "s"))
        )
    if e.ongoing:
        parts.append(_component("Still going when logged", "valueBoolean", True))
    if e.pattern:
        parts.append(_component("Pattern", "valueCodeableConcept", _text(e.pattern)))
    if e.context:
        parts.append(
            _component("Context", "valueCodeableConcept", _text(e.context.replace("_", " ")))
        )
    if e.count is not None:
        parts.append(_component("Twitches counted", "valueInteger", e.count))
    if e.count_minutes is not None:
        parts.append(
            _component("Minutes counted over", "valueQuantity",
                       _quantity(e.count_minutes, "min", "min"))
        )  # fmt: skip
    if parts:
        obs["component"] = parts
    if e.note:
        obs["note"] = [{"text": e.note}]
    return url, obs


def _factors(d: DailyFactors, ref: dict[str, str]) -> tuple[str, dict[str, Any]]:
    url = _url("day", d.stamps.id)
    obs = _observation(url, _text("Daily lifestyle factors (patient-reported)"), ref)
    obs["effectiveDateTime"] = d.day.isoformat()
    parts = []
    for name, words, ucum, unit, loinc in DAILY_FACTOR_COMPONENTS:
        value = getattr(d, name)
        if value is None:
            continue
        code: dict[str, Any] = {"text": words}
        if loinc:
            code["coding"] = [_coding(LOINC, loinc)]
        parts.append({"code": code, "valueQuantity": _quantity(value, unit, ucum)})
    if d.exercise_intensity:
        parts.append(_component("Exercise intensity", "valueCodeableConcept",
                                _text(d.exercise_intensity)))  # fmt: skip
    if parts:
        obs["component"] = parts
    if d.note:
        obs["note"] = [{"text": d.note}]
    return url, obs


def _medication(m: MedicationCourse, ref: dict[str, str]) -> tuple[str, dict[str, Any]]:
    url = _url("medication", m.stamps.id)
    period: dict[str, str] = {"start": m.started_on.isoformat()}
    if m.ended_on is not None:
        period["end"] = m.ended_on.isoformat()
    kind = f" ({m.kind})" if m.kind else ""
    statement: dict[str, Any] = {
        "resourceType": "MedicationStatement",
        "id": _id(url),
        "status": "active" if m.ended_on is None else "completed",
        "category": {"coding": [_coding(MED_STATEMENT_CATEGORY, "patientspecified")]},
        "medicationCodeableConcept": _text(m.name + kind),
        "subject": ref,
        "informationSource": ref,
        "effectivePeriod": period,
    }
    if m.dose:
        statement["dosage"] = [{"text": m.dose}]
    if m.note:
        statement["note"] = [{"text": m.note}]
    return url, statement


def _strength(diary: Diary, c: StrengthCheck, ref: dict[str, str]) -> tuple[str, dict[str, Any]]:
    url = _url("strength", c.stamps.id)
    obs = _observation(
        url, _text("Grip strength by hand dynamometer, and heel and toe walking (self-check)"), ref
    )
    obs["effectiveDateTime"] = _local(diary, c.checked_at)
    parts = []
    for hand in ("left", "right"):
        for trial in (1, 2, 3):
            value = getattr(c, f"grip_{hand}_{trial}")
            if value is not None:
                parts.append(_component(f"Grip strength, {hand} hand, trial {trial}",
                                        "valueQuantity", _quantity(value, "kg", "kg")))  # fmt: skip
        mean = c.grip_left_kg if hand == "left" else c.grip_right_kg
        if mean is not None:
            average = _quantity(round(mean, 2), "kg", "kg")
            parts.append(
                _component(
                    f"Grip strength, {hand} hand, mean of 3 trials", "valueQuantity", average
                )
            )
    for name, words in (("heel_walk", "Walking on heels"), ("toe_walk", "Walking on toes")):
        value = getattr(c, name)
        if value:
            parts.append(_component(words, "valueCodeableConcept", _text(value)))
    if parts:
        obs["component"] = parts
    if c.note:
        obs["note"] = [{"text": c.note}]
    return url, obs


def _symptom(diary: Diary, s: SymptomReport, ref: dict[str, str]) -> tuple[str, dict[str, Any]]:
    url = _url("symptom", s.stamps.id)
    obs = _observation(url, _text(f"Reported symptom: {s.kind.replace('_', ' ')}"), ref)
    obs["effectiveDateTime"] = _local(diary, s.noted_at)
    if s.region:
        region = s.region.replace("_", " ")
        obs["bodySite"] = _text(f"{s.side} {region}" if s.side in ("left", "right") else region)
    if s.since is not None:
        obs["component"] = [_component("Since", "valueDateTime", s.since.isoformat())]
    if s.description:
        obs["valueString"] = s.description
    return url, obs


def _red_flags(
    answers: Sequence[RedFlagAnswer], ref: dict[str, str], generated_at: datetime
) -> tuple[str, dict[str, Any]]:
    url = _url("red-flags", 0)
    items = []
    for answer in answers:
        item: dict[str, Any] = {"linkId": answer.fact, "text": answer.question}
        # Only a "yes" is an answer; "not reported" is not a "no", so it stays unanswered.
        if answer.answer == "yes":
            item["answer"] = [{"valueBoolean": True}]
            if answer.when:
                item["answer"][0]["item"] = [
                    {"linkId": f"{answer.fact}.when", "text": "Reported on",
                     "answer": [{"valueDate": d.isoformat()} for d in _unique(answer.when)]}
                ]  # fmt: skip
        items.append(item)
    response = {
        "resourceType": "QuestionnaireResponse",
        "id": _id(url),
        "status": "completed",
        "subject": ref,
        "author": ref,
        "source": ref,
        "authored": _instant(generated_at),
        "item": items,
    }
    return url, response


def _unique(days: Sequence[date]) -> list[date]:
    return sorted(set(days))

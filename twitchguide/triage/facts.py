"""TriageFacts: everything triage may know about a person, each fact unknown (None) until stated.

The names here are a public contract: the `check --answers` JSON, the free-text extractor and the
rules file all use them, and docs/triage.md lists them. Booleans mean: True = the person said yes,
False = the person said no, None = not asked or not known. Rules treat "unknown" as "not present",
so the questions that settle a red flag must be asked (the interactive check does that).
"""

from __future__ import annotations

import dataclasses
from dataclasses import field
from typing import Any, Literal

from twitchguide.diary.vocabulary import BODY_REGIONS, SIDES, canonical_region
from twitchguide.errors import InvalidInput
from twitchguide.value import value

FactKind = Literal["bool", "int", "float", "choice", "regions", "classes", "names"]

# Medicine classes that can cause or worsen twitching or cramps, or matter for a red flag.
# Serotonergic classes matter for the serotonin-toxicity red flag.
MEDICINE_CLASSES: tuple[str, ...] = (
    "diuretic",
    "corticosteroid",
    "stimulant",
    "beta_agonist",
    "ssri",
    "snri",
    "tricyclic",
    "maoi",
    "triptan",
    "serotonergic_other",
    "antipsychotic",
    "statin",
    "oestrogen",
    "ppi",
    "lithium",
    "anticholinesterase",
    "other",
)
SEROTONERGIC_CLASSES: tuple[str, ...] = (
    "ssri",
    "snri",
    "tricyclic",
    "maoi",
    "triptan",
    "serotonergic_other",
    "lithium",
)


# Signs whose onset decides between "call now" and "see a doctor soon" (NHS stroke, NICE NG127).
# Free text can say a different time course for each ("my speech slurred suddenly; my hand has
# got weaker over months"), so the slow ones can be listed in slow_onset_signs.
COURSE_SIGNS: tuple[str, ...] = (
    "face_drooping",
    "trouble_speaking",
    "double_vision",
    "choking_on_saliva",
    "weakness",
    "numbness",
    "loss_of_balance",
    "dropping_things",
    "tripping",
)


# Regions that are parts of one body area: twitching in the thumb and the palm is one area, not
# "several areas" (issue 15). Every other region is an area of its own.
AREA_OF: dict[str, str] = {"thumb": "hand", "fingers": "hand", "toes": "foot"}


def body_areas(regions: tuple[str, ...] | list[str]) -> frozenset[str]:
    """The body areas some regions cover."""
    return frozenset(AREA_OF.get(region, region) for region in regions)


def _fact(
    kind: FactKind,
    meaning: str,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    choices: tuple[str, ...] = (),
) -> Any:
    return field(
        default=None,
        metadata={
            "kind": kind,
            "meaning": meaning,
            "minimum": minimum,
            "maximum": maximum,
            "choices": choices,
        },
    )


@value
class TriageFacts:
    """What is known about one person right now. None everywhere means nothing is known."""

    # Where, how long, how it started, who.
    regions: tuple[str, ...] | None = _fact(
        "regions", "body areas that twitch (diary body regions)", choices=BODY_REGIONS
    )
    side: str | None = _fact("choice", "which side twitches", choices=SIDES)
    duration_days: float | None = _fact(
        "float", "how many days the twitching has gone on", minimum=0, maximum=36500
    )
    onset_sudden: bool | None = _fact(
        "bool",
        "the weakness, numbness, speech, face, vision or balance symptoms came on suddenly "
        "(within minutes or hours); False = they came on gradually over days or longer. "
        "A twitch that starts suddenly does not count.",
    )
    slow_onset_signs: tuple[str, ...] | None = _fact(
        "classes",
        "signs said to have come on slowly (over days or longer) when onset_sudden is not false: "
        "each of these counts as slow whatever onset_sudden says of the others",
        choices=COURSE_SIGNS,
    )
    spreading: bool | None = _fact("bool", "twitching has spread to new body areas")
    age_years: float | None = _fact("float", "age in years", minimum=0, maximum=120)

    # Weakness and what it looks like in daily life.
    weakness: bool | None = _fact("bool", "the person feels real weakness (not just tiredness)")
    dropping_things: bool | None = _fact("bool", "drops things more than usual")
    tripping: bool | None = _fact("bool", "trips or catches a foot more than usual")
    trouble_with_buttons: bool | None = _fact("bool", "trouble with buttons, keys or jar lids")
    trouble_with_stairs: bool | None = _fact("bool", "new trouble climbing stairs")
    trouble_rising_from_chair: bool | None = _fact("bool", "new trouble getting up from a chair")
    weakness_worsening: bool | None = _fact("bool", "weakness is getting worse over time")
    muscle_wasting: bool | None = _fact("bool", "a muscle looks thinner or has shrunk")
    numbness: bool | None = _fact("bool", "numbness (loss of feeling)")
    tingling: bool | None = _fact("bool", "tingling or pins and needles")
    cramps: bool | None = _fact("bool", "muscle cramps")
    frequent_cramps_despite_self_care: bool | None = _fact(
        "bool", "cramps are frequent and not helped by stretching, fluids and other self-care"
    )
    ascending_weakness: bool | None = _fact(
        "bool", "weakness or tingling creeping up from the feet or hands over hours to days"
    )
    grip_decline: bool | None = _fact(
        "bool", "grip strength in the diary has fallen beyond measurement noise"
    )

    # Speech, swallowing, breathing, face, eyes, balance.
    trouble_speaking: bool | None = _fact("bool", "slurred speech or trouble finding words")
    trouble_swallowing: bool | None = _fact("bool", "trouble swallowing food or drink")
    # Choking on food or drink is trouble_swallowing (NHS: a sign of swallowing problems).
    choking_on_saliva: bool | None = _fact("bool", "choking on your own saliva (spit)")
    trouble_breathing: bool | None = _fact("bool", "short of breath at rest")
    breathless_lying_flat: bool | None = _fact("bool", "short of breath when lying flat")
    face_drooping: bool | None = _fact("bool", "one side of the face droops")
    double_vision: bool | None = _fact("bool", "double vision")
    loss_of_balance: bool | None = _fact("bool", "loss of balance or trouble walking straight")
    sudden_symptoms_resolved: bool | None = _fact(
        "bool",
        "face droop, weakness, numbness on one side, speech, vision or balance trouble came on "
        "suddenly and has since gone away",
    )

    # Eyelid.
    eyelid_twitch_days: float | None = _fact(
        "float", "days an eyelid-only twitch has lasted", minimum=0, maximum=36500
    )
    eyelid_closes_shut: bool | None = _fact(
        "bool", "the eyelid squeezes fully shut or the eye is hard to open"
    )

    # Whole-body signs.
    fever: bool | None = _fact("bool", "fever (38 °C / 100.4 °F or more) or feeling feverish")
    stiff_neck: bool | None = _fact(
        "bool", "a stiff, painful neck: hard to bend the chin down to the chest"
    )
    confusion: bool | None = _fact("bool", "new confusion, or so drowsy it is hard to wake")
    non_fading_rash: bool | None = _fact(
        "bool", "a rash that does not fade when a glass is pressed on it"
    )
    dark_urine: bool | None = _fact("bool", "dark brown or cola-coloured urine")
    severe_muscle_pain: bool | None = _fact("bool", "muscles very sore, swollen or painful")
    jaw_stiff: bool | None = _fact("bool", "a stiff or locked jaw that is hard to open")
    recent_wound: bool | None = _fact(
        "bool", "a cut, puncture, bite or other wound in the last three weeks"
    )
    # Passing out alone is passed_out; jerks only while falling asleep are hypnic_jerks_only.
    seizure: bool | None = _fact(
        "bool", "a seizure (fit): going stiff, shaking or jerking and not responding"
    )
    hand_foot_spasms: bool | None = _fact("bool", "hands or feet cramp into a fixed bent position")
    tingling_around_mouth: bool | None = _fact("bool", "tingling around the mouth or lips")
    throat_tightness: bool | None = _fact("bool", "throat feels tight or noisy breathing")
    palpitations: bool | None = _fact("bool", "palpitations or an irregular heartbeat")
    chest_pain: bool | None = _fact("bool", "chest pain or tightness")
    saddle_numbness: bool | None = _fact("bool", "numbness around the bottom or genitals")
    bladder_bowel_change: bool | None = _fact(
        "bool", "new trouble peeing or pooing, or not being able to hold them in"
    )
    red_eye_discharge: bool | None = _fact("bool", "a red eye, or a discharge from the eye")
    swollen_painful_leg: bool | None = _fact(
        "bool", "one calf or leg swollen, or red, warm and painful (a possible blood clot)"
    )
    fainting: bool | None = _fact("bool", "fainted or nearly fainted")
    passed_out: bool | None = _fact("bool", "passed out for a short time (a real faint)")

    # Pregnancy and surgery.
    pregnant: bool | None = _fact("bool", "currently pregnant")
    pregnancy_weeks: float | None = _fact("float", "weeks of pregnancy", minimum=0, maximum=45)
    severe_headache: bool | None = _fact("bool", "a severe headache")
    visual_disturbance: bool | None = _fact("bool", "blurred vision or flashing lights")
    sudden_swelling: bool | None = _fact("bool", "sudden swelling of the face, hands or feet")
    recent_neck_surgery: bool | None = _fact(
        "bool", "surgery on the neck, thyroid or parathyroid in the last few weeks"
    )

    # Medicines and exposures.
    medicines: tuple[str, ...] | None = _fact("names", "names of medicines taken now")
    medicine_classes: tuple[str, ...] | None = _fact(
        "classes", "classes of the medicines taken now", choices=MEDICINE_CLASSES
    )
    medicine_new_or_changed: bool | None = _fact(
        "bool", "a medicine was started, stopped or changed in dose in the last few weeks"
    )
    serotonergic_started_recently: bool | None = _fact(
        "bool", "a serotonergic medicine (e.g. an SSRI) was started or increased in the last days"
    )
    # Confusion is its own fact (confusion); the serotonin rule reads both.
    agitation: bool | None = _fact("bool", "agitation or restlessness (cannot sit still)")
    sweating: bool | None = _fact("bool", "heavy sweating")
    pesticide_exposure: bool | None = _fact(
        "bool", "recent contact with pesticides (insecticide, sheep dip) or a nerve agent"
    )
    drooling: bool | None = _fact("bool", "drooling or much more saliva than usual")
    pinpoint_pupils: bool | None = _fact("bool", "very small (pinpoint) pupils")
    wheeze: bool | None = _fact("bool", "wheezing")

    # Everyday factors.
    caffeine_mg: float | None = _fact(
        "float", "caffeine per day in mg (a mug of coffee is about 100 mg)", minimum=0, maximum=3000
    )
    sleep_hours: float | None = _fact("float", "hours of sleep a night", minimum=0, maximum=24)
    stress: int | None = _fact("int", "stress, 1 (calm) to 5 (very stressed)", minimum=1, maximum=5)
    anxiety: int | None = _fact("int", "anxiety, 1 to 5", minimum=1, maximum=5)
    hypnic_jerks_only: bool | None = _fact(
        "bool", "jerks happen only while falling asleep (hypnic jerks)"
    )

    def to_dict(self) -> dict[str, Any]:
        """The known facts only, JSON-ready (tuples become lists)."""
        out: dict[str, Any] = {}
        for spec in dataclasses.fields(self):
            value = getattr(self, spec.name)
            if value is not None:
                out[spec.name] = list(value) if isinstance(value, tuple) else value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TriageFacts:
        """Facts from plain data (e.g. `check --answers` JSON); InvalidInput names a bad field."""
        if not isinstance(data, dict):
            raise InvalidInput("facts", "a JSON object of fact names and values")
        specs = FACT_SPECS
        values: dict[str, Any] = {}
        for name, raw in data.items():
            spec = specs.get(name)
            if spec is None:
                raise InvalidInput(str(name), "not a known fact (see docs/triage.md for the list)")
            values[name] = _validate(name, spec.metadata, raw)
        return cls(**values)

    def merged(self, newer: TriageFacts) -> TriageFacts:
        """These facts with every fact known in `newer` taking its place (e.g. diary + answers)."""
        return TriageFacts.from_dict({**self.to_dict(), **newer.to_dict()})

    def with_facts(self, **changes: Any) -> TriageFacts:
        """A copy with some facts changed, validated like from_dict."""
        merged = self.to_dict()
        merged.update(changes)
        return TriageFacts.from_dict({k: v for k, v in merged.items() if v is not None})


FACT_SPECS: dict[str, dataclasses.Field[Any]] = {
    spec.name: spec for spec in dataclasses.fields(TriageFacts)
}
FACT_NAMES: tuple[str, ...] = tuple(FACT_SPECS)


def fact_kind(name: str) -> FactKind:
    kind: FactKind = FACT_SPECS[name].metadata["kind"]
    return kind


def fact_meaning(name: str) -> str:
    meaning: str = FACT_SPECS[name].metadata["meaning"]
    return meaning


def _validate(name: str, meta: Any, raw: Any) -> Any:
    if raw is None:
        return None
    kind: FactKind = meta["kind"]
    if kind == "bool":
        if not isinstance(raw, bool):
            raise InvalidInput(name, "true, false or null")
        return raw
    if kind in ("int", "float"):
        return _number(name, meta, raw)
    if kind == "choice":
        if raw not in meta["choices"]:
            raise InvalidInput(name, "one of " + ", ".join(meta["choices"]))
        return raw
    if not isinstance(raw, list | tuple) or not all(isinstance(item, str) for item in raw):
        raise InvalidInput(name, "a list of words")
    if kind == "regions":
        regions = []
        for word in raw:
            region = canonical_region(word)
            if region is None:
                raise InvalidInput(name, "body regions from: " + ", ".join(BODY_REGIONS))
            if region not in regions:
                regions.append(region)
        return tuple(regions)
    if kind == "classes":
        choices = meta["choices"]
        for word in raw:
            if word not in choices:
                raise InvalidInput(name, "words from: " + ", ".join(choices))
        return tuple(dict.fromkeys(raw))
    names = tuple(word.strip() for word in raw if word.strip())
    if any(len(word) > 100 for word in names):
        raise InvalidInput(name, "medicine names of up to 100 characters")
    return names


def _number(name: str, meta: Any, raw: Any) -> float | int:
    kind: FactKind = meta["kind"]
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        raise InvalidInput(name, "a number")
    if kind == "int" and not float(raw).is_integer():
        raise InvalidInput(name, "a whole number")
    value: float | int = int(raw) if kind == "int" else float(raw)
    low, high = meta["minimum"], meta["maximum"]
    if (low is not None and value < low) or (high is not None and value > high) or value != value:
        raise InvalidInput(name, f"a number from {low:g} to {high:g}")
    return value

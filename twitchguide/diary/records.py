"""The five kinds of diary record, and the field specs that validation, storage and export share."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from typing import Any, Literal

from twitchguide.diary import vocabulary as vocab
from twitchguide.value import value

FieldKind = Literal["instant", "date", "int", "float", "text", "choice", "bool"]


@value(eq=False)
class FieldSpec:
    """One field a person can set: its type, limits and a short description."""

    name: str
    kind: FieldKind
    help: str
    required: bool = False
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()
    unit: str = ""

    def allowed(self) -> str:
        """What is allowed, in words, for error messages and help."""
        if self.kind == "choice":
            return "one of " + ", ".join(self.choices)
        if self.kind == "bool":
            return "yes or no"
        if self.kind == "instant":
            return "a date and time, not in the future (e.g. 'now', '2h ago', '2026-11-02 21:30')"
        if self.kind == "date":
            return "a date, not in the future (e.g. 'today', 'yesterday', '2026-11-02')"
        if self.kind in ("int", "float"):
            noun = "a whole number" if self.kind == "int" else "a number"
            unit = f" {self.unit}" if self.unit else ""
            if self.minimum is not None and self.maximum is not None:
                return f"{noun} from {_num(self.minimum)} to {_num(self.maximum)}{unit}"
            if self.minimum is not None:
                return f"{noun} of at least {_num(self.minimum)}{unit}"
            return noun + unit
        return "text of up to 2000 characters"


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


@value
class Stamps:
    """What every stored record carries besides its own fields."""

    id: int
    owner_id: int
    created_at: datetime
    updated_at: datetime


@value
class Episode:
    """One twitch episode."""

    stamps: Stamps
    started_at: datetime
    region: str
    side: str | None = None
    duration_seconds: int | None = None
    ongoing: bool = False
    intensity: int | None = None
    pattern: str | None = None
    context: str | None = None
    count: int | None = None
    count_minutes: float | None = None
    note: str | None = None


@value
class DailyFactors:
    """Lifestyle factors for one diary day. None means not recorded, never zero."""

    stamps: Stamps
    day: date
    sleep_hours: float | None = None
    stress: int | None = None
    anxiety: int | None = None
    caffeine_mg: float | None = None
    water_litres: float | None = None
    exercise_minutes: float | None = None
    exercise_intensity: str | None = None
    alcohol_units: float | None = None
    magnesium_servings: float | None = None
    potassium_servings: float | None = None
    hours_observed: float | None = None
    note: str | None = None


@value
class MedicationCourse:
    """A medicine or supplement taken over a period."""

    stamps: Stamps
    name: str
    started_on: date
    kind: str | None = None
    dose: str | None = None
    ended_on: date | None = None
    note: str | None = None

    @property
    def ongoing(self) -> bool:
        return self.ended_on is None


@value
class SymptomReport:
    """A symptom that came with the twitching, in the person's words."""

    stamps: Stamps
    noted_at: datetime
    kind: str
    region: str | None = None
    side: str | None = None
    since: date | None = None
    description: str | None = None


@value
class StrengthCheck:
    """Grip strength (three trials a hand) and heel/toe walking."""

    stamps: Stamps
    checked_at: datetime
    grip_left_1: float | None = None
    grip_left_2: float | None = None
    grip_left_3: float | None = None
    grip_right_1: float | None = None
    grip_right_2: float | None = None
    grip_right_3: float | None = None
    heel_walk: str | None = None
    toe_walk: str | None = None
    note: str | None = None

    @property
    def grip_left_kg(self) -> float | None:
        """Mean of the three left-hand trials: less noisy than the best of three."""
        return _mean3(self.grip_left_1, self.grip_left_2, self.grip_left_3)

    @property
    def grip_right_kg(self) -> float | None:
        return _mean3(self.grip_right_1, self.grip_right_2, self.grip_right_3)


def _mean3(a: float | None, b: float | None, c: float | None) -> float | None:
    if a is None or b is None or c is None:
        return None
    return (a + b + c) / 3


@value
class ReliefRating:
    """How well a relief strategy from the guide worked for the person."""

    stamps: Stamps
    rated_on: date
    strategy: str
    rating: str
    note: str | None = None


Record = Episode | DailyFactors | MedicationCourse | SymptomReport | StrengthCheck | ReliefRating

_NOTE = FieldSpec("note", "text", "a note in your own words")


@value(eq=False)
class RecordKind:
    """A kind of record: its name, table, class, fields and the field it is ordered by."""

    name: str
    plural: str
    table: str
    singular: str
    cls: type[Any]
    fields: tuple[FieldSpec, ...]
    when_field: str

    def field(self, name: str) -> FieldSpec:
        for spec in self.fields:
            if spec.name == name:
                return spec
        raise KeyError(name)

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(spec.name for spec in self.fields)


def _grip(name: str, help_text: str) -> FieldSpec:
    return FieldSpec(name, "float", help_text, minimum=0.0, maximum=150.0, unit="kg")


EPISODE = RecordKind(
    name="episode",
    plural="episodes",
    table="episodes",
    singular="twitch episode",
    cls=Episode,
    when_field="started_at",
    fields=(
        FieldSpec("started_at", "instant", "when it started", required=True),
        FieldSpec("region", "choice", "body region", required=True, choices=vocab.EPISODE_REGIONS),
        FieldSpec("side", "choice", "which side", choices=vocab.SIDES),
        FieldSpec(
            "duration_seconds",
            "int",
            "how long it lasted",
            minimum=0,
            maximum=86400 * 7,
            unit="seconds",
        ),
        FieldSpec("ongoing", "bool", "still going"),
        FieldSpec("intensity", "int", "how strong, 1 (barely) to 5 (strong)", minimum=1, maximum=5),
        FieldSpec("pattern", "choice", "single, burst or continuous", choices=vocab.PATTERNS),
        FieldSpec("context", "choice", "what you were doing", choices=vocab.CONTEXTS),
        FieldSpec("count", "int", "twitches counted", minimum=0, maximum=100000),
        FieldSpec(
            "count_minutes",
            "float",
            "minutes you counted over",
            minimum=0.1,
            maximum=1440,
            unit="minutes",
        ),
        _NOTE,
    ),
)

DAILY_FACTORS = RecordKind(
    name="day",
    plural="daily factors",
    table="daily_factors",
    singular="day's factors",
    cls=DailyFactors,
    when_field="day",
    fields=(
        FieldSpec("day", "date", "the diary day", required=True),
        FieldSpec(
            "sleep_hours", "float", "sleep the night before", minimum=0, maximum=24, unit="hours"
        ),
        FieldSpec("stress", "int", "stress, 1 (calm) to 5 (very stressed)", minimum=1, maximum=5),
        FieldSpec("anxiety", "int", "anxiety, 1 to 5", minimum=1, maximum=5),
        FieldSpec(
            "caffeine_mg",
            "float",
            "caffeine (a mug of coffee is about 100 mg)",
            minimum=0,
            maximum=3000,
            unit="mg",
        ),
        FieldSpec(
            "water_litres", "float", "water and other drinks", minimum=0, maximum=15, unit="litres"
        ),
        FieldSpec("exercise_minutes", "float", "exercise", minimum=0, maximum=1440, unit="minutes"),
        FieldSpec("exercise_intensity", "choice", "how hard", choices=vocab.EXERCISE_INTENSITIES),
        FieldSpec("alcohol_units", "float", "alcohol", minimum=0, maximum=100, unit="units"),
        FieldSpec(
            "magnesium_servings", "float", "servings of magnesium-rich food", minimum=0, maximum=30
        ),
        FieldSpec(
            "potassium_servings", "float", "servings of potassium-rich food", minimum=0, maximum=30
        ),
        FieldSpec(
            "hours_observed",
            "float",
            "hours you were paying attention to twitches",
            minimum=0,
            maximum=24,
            unit="hours",
        ),
        _NOTE,
    ),
)

MEDICATION = RecordKind(
    name="medication",
    plural="medications",
    table="medication_courses",
    singular="medication or supplement course",
    cls=MedicationCourse,
    when_field="started_on",
    fields=(
        FieldSpec("name", "text", "medicine or supplement name", required=True),
        FieldSpec("kind", "choice", "medicine or supplement", choices=vocab.COURSE_KINDS),
        FieldSpec("dose", "text", "dose, as on the label (e.g. '20 mg once a day')"),
        FieldSpec("started_on", "date", "first day taken", required=True),
        FieldSpec("ended_on", "date", "last day taken; empty if still taking it"),
        _NOTE,
    ),
)

SYMPTOM = RecordKind(
    name="symptom",
    plural="symptoms",
    table="symptom_reports",
    singular="symptom report",
    cls=SymptomReport,
    when_field="noted_at",
    fields=(
        FieldSpec("noted_at", "instant", "when you noted it", required=True),
        FieldSpec(
            "kind", "choice", "what kind of symptom", required=True, choices=vocab.SYMPTOM_KINDS
        ),
        FieldSpec("region", "choice", "where", choices=vocab.BODY_REGIONS),
        FieldSpec("side", "choice", "which side", choices=vocab.SIDES),
        FieldSpec("since", "date", "since when"),
        FieldSpec("description", "text", "what happens, e.g. 'dropping cups'"),
    ),
)

STRENGTH = RecordKind(
    name="strength",
    plural="strength checks",
    table="strength_checks",
    singular="strength check",
    cls=StrengthCheck,
    when_field="checked_at",
    fields=(
        FieldSpec("checked_at", "instant", "when you checked", required=True),
        _grip("grip_left_1", "left grip, trial 1"),
        _grip("grip_left_2", "left grip, trial 2"),
        _grip("grip_left_3", "left grip, trial 3"),
        _grip("grip_right_1", "right grip, trial 1"),
        _grip("grip_right_2", "right grip, trial 2"),
        _grip("grip_right_3", "right grip, trial 3"),
        FieldSpec("heel_walk", "choice", "walking on your heels", choices=vocab.PASS_FAIL),
        FieldSpec("toe_walk", "choice", "walking on your toes", choices=vocab.PASS_FAIL),
        _NOTE,
    ),
)

RELIEF_RATING = RecordKind(
    name="relief",
    plural="relief ratings",
    table="relief_ratings",
    singular="relief rating",
    cls=ReliefRating,
    when_field="rated_on",
    fields=(
        FieldSpec("rated_on", "date", "the day you rated it", required=True),
        FieldSpec(
            "strategy",
            "choice",
            "which relief strategy",
            required=True,
            choices=vocab.RELIEF_STRATEGIES,
        ),
        FieldSpec(
            "rating", "choice", "how well it worked", required=True, choices=vocab.RELIEF_RATINGS
        ),
        _NOTE,
    ),
)

RECORD_KINDS: tuple[RecordKind, ...] = (
    EPISODE,
    DAILY_FACTORS,
    MEDICATION,
    SYMPTOM,
    STRENGTH,
    RELIEF_RATING,
)
KINDS_BY_NAME: dict[str, RecordKind] = {kind.name: kind for kind in RECORD_KINDS}


def kind_named(name: str) -> RecordKind:
    """A record kind by its name ('episode', 'factors', …) or table; InvalidInput otherwise."""
    from twitchguide.errors import InvalidInput

    for kind in RECORD_KINDS:
        if name in (kind.name, kind.table):
            return kind
    allowed = ", ".join(kind.name for kind in RECORD_KINDS)
    raise InvalidInput("kind", f"'{name}' is not a record kind; use one of {allowed}")


def kind_of(record: Record) -> RecordKind:
    for kind in RECORD_KINDS:
        if isinstance(record, kind.cls):
            return kind
    raise TypeError(type(record).__name__)


def record_json(record: Record) -> dict[str, Any]:
    """A record as JSON-ready data: stamps first, then fields in their declared order."""
    stamps = record.stamps
    created, updated = stamps.created_at, stamps.updated_at
    created_text = created.isoformat(timespec="microseconds")
    # A record never edited has both stamps alike: format it once (isoformat is most of the
    # time a long list spends here).
    same = updated == created and updated.tzinfo is created.tzinfo
    row: dict[str, Any] = {
        "id": stamps.id,
        "created_at": created_text,
        "updated_at": created_text if same else updated.isoformat(timespec="microseconds"),
    }
    fields = record.__dict__  # a @value record keeps each field there (no getattr per field)
    for name, dated in _json_fields(type(record)):
        value = fields[name]
        if dated and value is not None:
            if isinstance(value, datetime):
                value = value.isoformat(timespec="microseconds")
            elif isinstance(value, date):
                value = value.isoformat()
        row[name] = value
    return row


def _json_fields(cls: type) -> tuple[tuple[str, bool], ...]:
    """A kind's fields in order, each with whether it holds an instant or a date: worked out
    once per kind, not for each of the hundreds of records a list turns into JSON."""
    fields = _JSON_FIELDS.get(cls)
    if fields is None:
        kind = next(kind for kind in RECORD_KINDS if issubclass(cls, kind.cls))
        fields = tuple((spec.name, spec.kind in ("instant", "date")) for spec in kind.fields)
        _JSON_FIELDS[cls] = fields
    return fields


_JSON_FIELDS: dict[type, tuple[tuple[str, bool], ...]] = {}


def field_values(record: Record) -> dict[str, Any]:
    """The person-set fields of a record, without its stamps."""
    values = dataclasses.asdict(record)
    values.pop("stamps")
    return values

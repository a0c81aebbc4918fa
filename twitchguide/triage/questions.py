"""The interactive check's questions, and which one to ask next so the check stops once settled.

A question is worth asking only while some rule above the current level could still fire
depending on its answer. Rules are evaluated with three values (yes / no / still to ask), so
"settled" falls out of the rules themselves: no question list has to mirror them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from twitchguide.diary.vocabulary import canonical_region
from twitchguide.errors import InvalidInput
from twitchguide.triage.engine import fired_rules, level_bounds, with_known_classes
from twitchguide.triage.facts import TriageFacts
from twitchguide.triage.rulebook import RANK, facts_used

QuestionKind = Literal["checklist", "yesno", "number", "regions", "names"]

NOT_SURE = ("?", "not sure", "dont know", "don't know", "unsure")


@dataclass(frozen=True)
class Question:
    """One question: its words, and the facts its answer sets."""

    id: str
    text: str
    kind: QuestionKind
    facts: tuple[str, ...]
    labels: tuple[str, ...] = ()
    hint: str = ""


QUESTIONS: tuple[Question, ...] = (
    Question("where", "Where do you feel the twitching?", "regions", ("regions",),
             hint="body areas separated by commas, e.g. calf, eyelid"),
    Question("how_long", "About how many days has it been going on?", "number",
             ("duration_days",), hint="a number of days"),
    Question(
        "quick_checks",
        "A few quick checks. Most people answer none. Do any of these apply now, or started "
        "in the last few days?",
        "checklist",
        ("face_drooping", "trouble_speaking", "double_vision", "loss_of_balance",
         "trouble_breathing", "breathless_lying_flat", "chest_pain", "choking_on_saliva",
         "ascending_weakness", "seizure", "saddle_numbness", "bladder_bowel_change",
         "sudden_symptoms_resolved"),
        ("one side of the face droops", "slurred speech or trouble finding words",
         "double vision", "loss of balance", "short of breath at rest",
         "short of breath when lying flat", "chest pain or tightness", "choking on saliva",
         "weakness or tingling creeping up the legs or arms over hours or days",
         "a seizure (fit)", "numbness around your bottom or genitals",
         "new trouble peeing or pooing",
         "any of these came on suddenly and then went away"),
    ),
    Question(
        "daily_life",
        "Have you noticed any of these changes?",
        "checklist",
        ("weakness", "dropping_things", "tripping", "trouble_with_buttons",
         "trouble_with_stairs", "trouble_rising_from_chair", "weakness_worsening",
         "muscle_wasting", "trouble_swallowing", "numbness", "tingling"),
        ("real weakness in an arm, leg or hand", "dropping things more than usual",
         "tripping or catching a foot", "trouble with buttons, keys or jar lids",
         "new trouble with stairs", "new trouble getting up from a chair",
         "weakness getting worse", "a muscle looking thinner", "trouble swallowing",
         "numbness", "tingling or pins and needles"),
    ),
    Question("onset", "Did those changes come on suddenly, within minutes or hours?", "yesno",
             ("onset_sudden",)),
    Question(
        "situations",
        "Do any of these apply to you?",
        "checklist",
        ("pregnant", "recent_neck_surgery", "medicine_new_or_changed",
         "serotonergic_started_recently", "pesticide_exposure", "palpitations",
         "hand_foot_spasms", "tingling_around_mouth", "fever", "severe_headache",
         "dark_urine", "jaw_stiff"),
        ("pregnant", "neck or thyroid surgery in the last few weeks",
         "a medicine started, stopped or changed in the last few weeks",
         "started or raised an antidepressant or other serotonin medicine in the last few days",
         "recent contact with pesticides", "palpitations or an uneven heartbeat",
         "hands or feet locking into spasms", "tingling around the mouth",
         "a fever (38 °C / 100.4 °F or more)", "a very bad headache",
         "dark brown or cola-coloured pee", "a stiff jaw that is hard to open"),
    ),
    Question("muscle_pain", "Are your muscles very sore, swollen or painful?", "yesno",
             ("severe_muscle_pain",)),
    Question("wound", "Have you had a cut, puncture, bite or other wound in the last three weeks?",
             "yesno", ("recent_wound",)),
    Question("leg_swelling", "Is one calf or leg swollen, or red, warm and painful?", "yesno",
             ("swollen_painful_leg",)),
    Question(
        "fever_signs", "With the fever, do you have any of these?", "checklist",
        ("stiff_neck", "confusion", "non_fading_rash"),
        ("a stiff neck (hard to bend your chin to your chest)",
         "new confusion, or very drowsy", "a rash that does not fade when you press a glass on it"),
    ),
    Question("medicines", "Which medicines do you take now?", "names",
             ("medicines", "medicine_classes"),
             hint="names separated by commas, or press Enter for none"),
    Question("pregnancy_weeks", "How many weeks pregnant are you?", "number",
             ("pregnancy_weeks",), hint="a number of weeks"),
    Question(
        "pregnancy_signs", "Since you are pregnant: do you have any of these?", "checklist",
        ("visual_disturbance", "sudden_swelling"),
        ("blurred vision or flashing lights", "sudden swelling of the face, hands or feet"),
    ),
    Question(
        "medicine_signs", "Since the medicine change: do you have any of these?", "checklist",
        ("agitation", "sweating"),
        ("agitation or restlessness (cannot sit still)", "heavy sweating"),
    ),
    Question(
        "pesticide_signs", "Since the pesticide contact: do you have any of these?", "checklist",
        ("drooling", "pinpoint_pupils", "wheeze"),
        ("drooling or much more saliva", "very small pupils", "wheezing"),
    ),
    Question(
        "heart_signs", "Do you have any of these now?", "checklist",
        ("fainting", "cramps"),
        ("fainting or nearly fainting", "muscle cramps"),
    ),
    Question(
        "other", "Last few: do any of these apply?", "checklist",
        ("throat_tightness", "passed_out", "hypnic_jerks_only", "eyelid_closes_shut",
         "red_eye_discharge",
         "frequent_cramps_despite_self_care", "spreading"),
        ("a tight throat", "passed out (fainted)", "the jerks happen only while falling asleep",
         "the eyelid squeezes fully shut", "a red eye, or a discharge from the eye",
         "cramps often, not helped by stretching or drinks",
         "the twitching has spread to new body areas"),
    ),
)  # fmt: skip

QUESTIONS_BY_ID = {question.id: question for question in QUESTIONS}


def _pending(facts: TriageFacts, asked: frozenset[str]) -> frozenset[str]:
    """Facts a question still to come would set; one already answered elsewhere is not."""
    return frozenset(
        f for q in QUESTIONS if q.id not in asked for f in q.facts if getattr(facts, f) is None
    )


def already_answered(facts: TriageFacts) -> frozenset[str]:
    """Questions whose facts are all known already (e.g. from the diary), so not asked again."""
    return frozenset(
        q.id for q in QUESTIONS if all(getattr(facts, name) is not None for name in q.facts)
    )


def is_settled(facts: TriageFacts, asked: frozenset[str]) -> bool:
    """True when no answer still to come could raise the level."""
    now, best = level_bounds(facts, _pending(facts, asked))
    return now == best


def checklist_labels(question: Question, shown: Sequence[str]) -> list[str]:
    """The words listed for each shown checklist item."""
    labels = dict(zip(question.facts, question.labels, strict=False))
    return [labels.get(fact, fact.replace("_", " ")) for fact in shown]


def next_check_question(
    facts: TriageFacts, asked: frozenset[str]
) -> tuple[Question, tuple[str, ...]] | None:
    """The check's next question with the facts it lists (all of them), or None when settled."""
    question = next_question(facts, asked)
    return None if question is None else (question, question.facts)


def next_question(facts: TriageFacts, asked: frozenset[str]) -> Question | None:
    """The first unasked question whose answer could still raise the level; None when settled."""
    pending = _pending(facts, asked)
    now, best = level_bounds(facts, pending)
    if now == best:
        return None
    open_facts: set[str] = set()
    for rule, outcome in fired_rules(with_known_classes(facts), pending=pending):
        if outcome is None and RANK[rule.level] > RANK[now]:
            open_facts |= facts_used(rule.when)
    for question in QUESTIONS:
        if question.id not in asked and open_facts & set(question.facts):
            return question
    return None


def apply_answer(
    facts: TriageFacts, question: Question, answer: str, shown: Sequence[str] | None = None
) -> TriageFacts:
    """Facts updated with one typed answer; InvalidInput says what is allowed.

    `shown`: the checklist items that were listed (numbered from 1), when not all of them were.
    """
    text = answer.strip().lower()
    if text in NOT_SURE:
        return facts
    changes: dict[str, Any] = {}
    if question.kind == "checklist":
        listed = tuple(shown) if shown is not None else question.facts
        picked = _numbers(text, len(listed), question.id)
        changes = {name: i + 1 in picked for i, name in enumerate(listed)}
    elif question.kind == "yesno":
        if not text:
            return facts
        if text not in ("y", "yes", "n", "no"):
            raise InvalidInput(question.id, "yes, no or ? (not sure)")
        changes = {question.facts[0]: text.startswith("y")}
    elif question.kind == "number":
        if not text:
            return facts
        try:
            changes = {question.facts[0]: float(text)}
        except ValueError:
            raise InvalidInput(question.id, question.hint or "a number") from None
    elif not text:
        return facts  # a skipped list stays unknown rather than becoming "none"
    elif question.kind == "regions":
        changes = {"regions": regions_in_answer(text, question.id)}
    else:
        names = [w.strip() for w in re.split(r"[,;]+", answer) if w.strip()]
        changes = {"medicines": names}
    return facts.with_facts(**changes)


def regions_in_answer(text: str, field: str) -> list[str]:
    """Body areas in an answer such as "calf, eyelid" or "my left calf and both thighs".

    Each part between commas or "and" must name an area; a part that names none is refused
    with its words quoted, so a typo is never dropped without a word.
    """
    regions: list[str] = []
    for part in re.split(r"[,;/&+]+|\band\b", text):
        words = re.findall(r"[a-z]+", part)
        if not words:
            continue
        # The whole part first, then two-word names ("upper arm"), then single words.
        pairs = [" ".join(words[i : i + 2]) for i in range(len(words) - 1)]
        candidates = [" ".join(words), *pairs, *words]
        found = next((r for r in map(canonical_region, candidates) if r), None)
        if found is None:
            raise InvalidInput(
                field, f"body areas such as calf, eyelid, thigh, hand ('{part.strip()}' is not one)"
            )
        if found not in regions:
            regions.append(found)
    if not regions:
        raise InvalidInput(field, "body areas such as calf, eyelid, thigh, hand")
    return regions


def _numbers(text: str, count: int, field: str) -> set[int]:
    if text in ("", "none", "no", "n", "0"):
        return set()
    try:
        picked = {int(part) for part in re.split(r"[\s,]+", text) if part}
    except ValueError:
        raise InvalidInput(field, f"numbers from 1 to {count}, or Enter for none") from None
    if not picked <= set(range(1, count + 1)):
        raise InvalidInput(field, f"numbers from 1 to {count}, or Enter for none")
    return picked

"""The rules file: loading, validating and evaluating its plain-data conditions.

rules.yaml is what people edit and review; rules.json is the same data, compiled by
`python tools/build.py`, because importing PyYAML alone costs about
20 ms and the post-log notice must stay within its start-up budget. A test checks they agree.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from twitchguide.data import data_path, read_data
from twitchguide.errors import ContentError
from twitchguide.triage.facts import FACT_NAMES, TriageFacts, body_areas, fact_kind
from twitchguide.value import value

# Plain strings, not pathlib: this module is on the `log` path and pathlib costs start-up time.
RULES_YAML = data_path("triage", "rules.yaml")
RULES_JSON = data_path("triage", "rules.json")

LEVELS: tuple[str, ...] = ("self_care", "routine_appointment", "see_doctor_soon", "emergency")
RANK: dict[str, int] = {level: rank for rank, level in enumerate(LEVELS)}

_COMPARISONS = ("gt", "gte", "lt", "lte")
_LEAF_OPS = ("is", *_COMPARISONS, "has_any", "more_than", "areas_more_than")


class RulesError(ContentError, ValueError):
    """The rules file is malformed: a bug in shipped data, caught by tests."""


@value(eq=False)
class Level:
    """One urgency level: what to do, by when, and the safety net."""

    name: str
    title: str
    advice: str
    by_when: str
    safety_net: tuple[str, ...]
    same_day: Level | None = None  # the headline when a rule that fired says "same day"


@value(eq=False)
class Rule:
    """One red-flag rule: when it fires, how urgent it is, why, and the sources that say so."""

    id: str
    level: str
    when: dict[str, Any]
    explanation: str
    sources: tuple[str, ...]
    advice: str | None = None
    same_day: bool = False


@value(eq=False)
class Rulebook:
    """Everything in the rules file, validated."""

    disclaimer: str
    levels: dict[str, Level]
    default_explanation: str
    default_sources: tuple[str, ...]
    rules: tuple[Rule, ...]
    unknown_explanation: str = ""  # with "{unknown}": when warning signs were not answered
    unknown_sources: tuple[str, ...] = ()


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise RulesError(f"{where}: needs text")
    return " ".join(value.split())


def _sources(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(s, str) for s in value):
        raise RulesError(f"{where}: needs a non-empty list of source ids")
    return tuple(value)


def check_condition(cond: Any, where: str) -> None:
    """Raise RulesError unless cond uses only the tiny condition language over known facts."""
    if not isinstance(cond, dict) or not cond:
        raise RulesError(f"{where}: a condition must be a mapping")
    if "all" in cond or "any" in cond:
        key = "all" if "all" in cond else "any"
        parts = cond[key]
        if len(cond) != 1 or not isinstance(parts, list) or not parts:
            raise RulesError(f"{where}: '{key}' needs a non-empty list and nothing else")
        for index, part in enumerate(parts):
            check_condition(part, f"{where}.{key}[{index}]")
        return
    if "not" in cond:
        if len(cond) != 1:
            raise RulesError(f"{where}: 'not' stands alone")
        check_condition(cond["not"], f"{where}.not")
        return
    name = cond.get("fact")
    if name not in FACT_NAMES:
        raise RulesError(f"{where}: unknown fact {name!r}")
    ops = [key for key in cond if key != "fact"]
    if len(ops) != 1 or ops[0] not in _LEAF_OPS:
        raise RulesError(f"{where}: needs exactly one of {', '.join(_LEAF_OPS)}")
    op, operand = ops[0], cond[ops[0]]
    kind = fact_kind(name)
    list_kind = kind in ("regions", "classes", "names")
    if op == "is" and not (operand is None or (kind == "bool" and isinstance(operand, bool))):
        raise RulesError(f"{where}: 'is' takes true/false for yes-no facts, or null")
    if op in _COMPARISONS and (kind not in ("int", "float") or not _is_number(operand)):
        raise RulesError(f"{where}: '{op}' needs a number fact and a number")
    if op == "has_any" and not (list_kind and isinstance(operand, list) and operand):
        raise RulesError(f"{where}: 'has_any' needs a list fact and a list of words")
    if op == "more_than" and not (list_kind and isinstance(operand, int)):
        raise RulesError(f"{where}: 'more_than' needs a list fact and a whole number")
    if op == "areas_more_than" and not (kind == "regions" and isinstance(operand, int)):
        raise RulesError(f"{where}: 'areas_more_than' needs the regions fact and a whole number")


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def parse_rulebook(data: Any) -> Rulebook:
    """A validated Rulebook from the plain data of the rules file."""
    if not isinstance(data, dict):
        raise RulesError("the rules file must be a mapping")
    levels = {}
    for name in LEVELS:
        raw = data.get("levels", {}).get(name)
        if not isinstance(raw, dict):
            raise RulesError(f"levels.{name}: missing")
        net = raw.get("safety_net")
        if not isinstance(net, list) or not net:
            raise RulesError(f"levels.{name}.safety_net: needs a list")
        same = raw.get("same_day")
        if same is not None and not isinstance(same, dict):
            raise RulesError(f"levels.{name}.same_day: needs title, advice and by_when")
        safety_net = tuple(_text(line, f"levels.{name}.safety_net") for line in net)
        levels[name] = Level(
            name=name,
            title=_text(raw.get("title"), f"levels.{name}.title"),
            advice=_text(raw.get("advice"), f"levels.{name}.advice"),
            by_when=_text(raw.get("by_when"), f"levels.{name}.by_when"),
            safety_net=safety_net,
            same_day=None
            if same is None
            else Level(
                name=name,
                title=_text(same.get("title"), f"levels.{name}.same_day.title"),
                advice=_text(same.get("advice"), f"levels.{name}.same_day.advice"),
                by_when=_text(same.get("by_when"), f"levels.{name}.same_day.by_when"),
                safety_net=safety_net,
            ),
        )
    rules: list[Rule] = []
    seen: set[str] = set()
    for index, raw in enumerate(data.get("rules") or []):
        where = f"rules[{index}]"
        rule_id = raw.get("id") if isinstance(raw, dict) else None
        if not isinstance(rule_id, str) or rule_id in seen:
            raise RulesError(f"{where}: needs a unique id")
        seen.add(rule_id)
        where = f"rule {rule_id}"
        if raw.get("level") not in RANK:
            raise RulesError(f"{where}: level must be one of {', '.join(LEVELS)}")
        check_condition(raw.get("when"), f"{where}.when")
        advice = raw.get("advice")
        same_day = raw.get("same_day", False)
        if not isinstance(same_day, bool) or (same_day and levels[raw["level"]].same_day is None):
            raise RulesError(f"{where}: same_day needs true/false and a level with a same_day")
        rules.append(
            Rule(
                id=rule_id,
                level=raw["level"],
                when=raw["when"],
                explanation=_text(raw.get("explanation"), f"{where}.explanation"),
                sources=_sources(raw.get("sources"), f"{where}.sources"),
                advice=None if advice is None else _text(advice, f"{where}.advice"),
                same_day=same_day,
            )
        )
    if not rules:
        raise RulesError("rules: none found")
    default = data.get("default_reason") or {}
    unknown = data.get("unknown_reason") or {}
    unknown_text = _text(unknown.get("explanation"), "unknown_reason.explanation")
    if "{unknown}" not in unknown_text:
        raise RulesError("unknown_reason.explanation: needs {unknown} where the list goes")
    return Rulebook(
        disclaimer=_text(data.get("disclaimer"), "disclaimer"),
        levels=levels,
        default_explanation=_text(default.get("explanation"), "default_reason.explanation"),
        default_sources=_sources(default.get("sources"), "default_reason.sources"),
        rules=tuple(rules),
        unknown_explanation=unknown_text,
        unknown_sources=_sources(unknown.get("sources"), "unknown_reason.sources"),
    )


@cache
def load_rulebook() -> Rulebook:
    """The shipped rules, parsed once per process from the compiled JSON."""
    return parse_rulebook(json.loads(read_data("triage", "rules.json")))


def read_rules_yaml() -> Any:
    """The authored rules file as plain data (imports PyYAML, so only for tools and tests)."""
    import yaml

    return yaml.safe_load(read_data("triage", "rules.yaml"))


def compiled_json() -> str:
    """rules.json's exact text for the current rules.yaml."""
    data = read_rules_yaml()
    parse_rulebook(data)
    return json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


# ---- evaluation: three-valued, so the interactive check knows what is still undecided ----


def evaluate(
    cond: dict[str, Any], facts: TriageFacts, pending: frozenset[str] = frozenset()
) -> bool | None:
    """True or False; None when the answer depends on a fact still to be asked (in pending)."""
    if "all" in cond:
        results = [evaluate(part, facts, pending) for part in cond["all"]]
        if False in results:
            return False
        return None if None in results else True
    if "any" in cond:
        results = [evaluate(part, facts, pending) for part in cond["any"]]
        if True in results:
            return True
        return None if None in results else False
    if "not" in cond:
        inner = evaluate(cond["not"], facts, pending)
        return None if inner is None else not inner
    name: str = cond["fact"]
    if name in pending:
        return None
    return _leaf(cond, getattr(facts, name))


def _leaf(cond: dict[str, Any], value: Any) -> bool:
    if "is" in cond:
        return bool(value is cond["is"]) if cond["is"] is None else bool(value == cond["is"])
    if value is None:
        return False
    if "gt" in cond:
        return bool(value > cond["gt"])
    if "gte" in cond:
        return bool(value >= cond["gte"])
    if "lt" in cond:
        return bool(value < cond["lt"])
    if "lte" in cond:
        return bool(value <= cond["lte"])
    if "has_any" in cond:
        return any(word in value for word in cond["has_any"])
    if "areas_more_than" in cond:
        return bool(len(body_areas(value)) > cond["areas_more_than"])
    return bool(len(value) > cond["more_than"])


def facts_used(cond: dict[str, Any]) -> frozenset[str]:
    """Every fact name a condition reads."""
    if "all" in cond or "any" in cond:
        parts = cond.get("all") or cond.get("any") or []
        return frozenset().union(*(facts_used(part) for part in parts))
    if "not" in cond:
        return facts_used(cond["not"])
    return frozenset({cond["fact"]})

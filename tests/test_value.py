"""@value behaves like a frozen dataclass: construction, defaults, equality, repr, immutability."""

from __future__ import annotations

import dataclasses
from dataclasses import field

import pytest

from twitchguide.value import value


@value
class Point:
    x: int
    y: int = 0
    tags: list[str] = field(default_factory=list)


@value(eq=False)
class Handle:
    name: str


@value
class Pair:
    left: int
    right: int


def test_construction_matches_a_dataclass() -> None:
    assert Point(1, 2) == Point(x=1, y=2) == Point(1, y=2)
    assert Point(1).y == 0
    assert Point(1).tags == [] and Point(1).tags is not Point(1).tags


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: Point(), "missing required argument: 'x'"),
        (lambda: Point(1, 2, [], 4), "takes 3 arguments but 4 were given"),
        (lambda: Point(1, x=2), "multiple values for argument 'x'"),
        (lambda: Point(1, z=2), "unexpected keyword argument 'z'"),
    ],
)
def test_bad_calls_raise_type_error(call: object, message: str) -> None:
    assert callable(call)
    with pytest.raises(TypeError, match=message):
        call()


def test_frozen() -> None:
    point = Point(1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        point.x = 2  # type: ignore[misc]


def test_value_equality_and_hash() -> None:
    assert Point(1, 2) != Point(2, 1)
    assert Point(1, 2).__eq__("a point") is NotImplemented
    with pytest.raises(TypeError):
        hash(Point(1, 2, ["calf"]))  # a list field is unhashable, as in a frozen dataclass
    assert len({Handle("a"), Handle("a")}) == 2
    assert Handle("a") != Handle("a")


def test_equal_values_hash_alike() -> None:
    assert hash(Pair(1, 2)) == hash(Pair(1, 2))
    assert len({Pair(1, 2), Pair(1, 2), Pair(2, 1)}) == 2


def test_repr_and_dataclass_helpers() -> None:
    point = Point(1, 2, ["calf"])
    assert repr(point) == "Point(x=1, y=2, tags=['calf'])"
    assert dataclasses.asdict(point) == {"x": 1, "y": 2, "tags": ["calf"]}
    assert dataclasses.replace(point, y=5) == Point(1, 5, ["calf"])
    assert [f.name for f in dataclasses.fields(point)] == ["x", "y", "tags"]


def test_deleting_a_field_is_refused() -> None:
    point = Point(1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        del point.x  # type: ignore[misc]

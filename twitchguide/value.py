"""`@value`: a frozen dataclass whose methods are written once here instead of generated.

Why: Python 3.11 writes and compiles source code for every method of every dataclass at import.
On this project's machine that is 1–2 ms a class, and `twitchguide log` loads about twenty of
them before it writes one line: a third of its start-up. `@value` makes a real dataclass
(`dataclasses.fields`, `asdict` and `replace` work) whose init, repr, eq, hash and frozen
guards are shared from this module, so nothing is generated. Type checkers see an ordinary
frozen dataclass (PEP 681), so every constructor call is still checked.

Use it for the data types on the `log` path; anywhere else a plain frozen dataclass is fine.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar, dataclass_transform, overload

_T = TypeVar("_T", bound=type)
_MISSING = dataclasses.MISSING


@overload
def value(cls: _T, /) -> _T: ...


@overload
def value(*, eq: bool = True) -> Callable[[_T], _T]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def value(cls: Any = None, /, *, eq: bool = True) -> Any:
    """Make `cls` a frozen dataclass; `eq=False` keeps identity equality and hashing."""

    def wrap(klass: Any) -> Any:
        # frozen=False here only because the guards below replace the generated ones.
        made = dataclasses.dataclass(klass, init=False, repr=False, eq=False, frozen=False)
        specs = tuple((f.name, f.default, f.default_factory) for f in dataclasses.fields(made))
        made.__value_fields__ = specs
        made.__value_names__ = frozenset(name for name, _, _ in specs)
        made.__init__ = _init
        made.__repr__ = _repr
        made.__setattr__ = _refuse_change
        made.__delattr__ = _refuse_delete
        if eq:
            made.__eq__ = _eq
            made.__hash__ = _hash
        return made

    return wrap if cls is None else wrap(cls)


def _init(self: Any, *args: Any, **kwargs: Any) -> None:
    # Writes go straight to the instance dict: the frozen guard only stops later changes.
    cls = type(self)
    if not args and kwargs.keys() == cls.__value_names__:
        self.__dict__.update(kwargs)  # every field by name: the store's bulk-loading path
    else:
        self.__dict__.update(_bind(cls, args, kwargs))


def _bind(cls: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> dict[str, Any]:
    specs = cls.__value_fields__
    name_of = cls.__qualname__
    if len(args) > len(specs):
        raise TypeError(f"{name_of}() takes {len(specs)} arguments but {len(args)} were given")
    bound: dict[str, Any] = {}
    for (name, _default, _factory), arg in zip(specs, args, strict=False):
        if name in kwargs:
            raise TypeError(f"{name_of}() got multiple values for argument '{name}'")
        bound[name] = arg
    for name, default, factory in specs[len(args) :]:
        if name in kwargs:
            bound[name] = kwargs.pop(name)
        elif default is not _MISSING:
            bound[name] = default
        elif factory is not _MISSING:
            bound[name] = factory()
        else:
            raise TypeError(f"{name_of}() missing required argument: '{name}'")
    if kwargs:
        raise TypeError(f"{name_of}() got an unexpected keyword argument '{next(iter(kwargs))}'")
    return bound


def _refuse_change(self: Any, name: str, new: Any) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot assign to field '{name}'")


def _refuse_delete(self: Any, name: str) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot delete field '{name}'")


def _fields_tuple(self: Any) -> tuple[Any, ...]:
    return tuple(getattr(self, name) for name, _, _ in type(self).__value_fields__)


def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name, _, _ in self.__value_fields__)
    return f"{type(self).__qualname__}({shown})"


def _eq(self: Any, other: object) -> object:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _fields_tuple(self) == _fields_tuple(other)


def _hash(self: Any) -> int:
    return hash(_fields_tuple(self))

"""The cattrs converter every reader and writer goes through.

Hooks live here, not on the model classes: partial dates are ISO strings, enums are their
values, empty and default fields are left out, and unknown keys are an error.
"""

import functools
from collections.abc import Callable
from typing import Any, get_args, get_origin

import cattrs
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from yrdmodel.model.dates import PartialDate
from yrdmodel.model.mechanism import Mechanism

__all__ = ["converter", "structure_mechanism", "unstructure_mechanism"]


def _structure_date(value: Any, _: type) -> PartialDate:
    if not isinstance(value, str):
        raise TypeError(f"expected a date string (YYYY, YYYY-MM or YYYY-MM-DD), not {type(value).__name__}")
    return PartialDate.parse(value)


def _structure_int(value: Any, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected an integer, not {type(value).__name__}")
    return value


def _structure_str(value: Any, _: type) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, not {type(value).__name__}")
    return value


def _structure_bool(value: Any, _: type) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, not {type(value).__name__}")
    return value


def _is_tuple(cl: Any) -> bool:
    args = get_args(cl)
    return get_origin(cl) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_factory(cl: Any, conv: cattrs.Converter) -> Callable[[Any, Any], tuple[Any, ...]]:
    inner = homogenous_tuple_structure_factory(cl, conv)

    def structure_tuple(value: Any, _: Any) -> tuple[Any, ...]:
        if not isinstance(value, list | tuple):
            raise TypeError(f"expected a list, not {type(value).__name__}")
        return tuple(inner(value, cl))

    return structure_tuple


@functools.cache
def make_converter(detailed: bool = True) -> cattrs.Converter:
    """Build the converter; ``detailed=False`` is faster and only for data that is known to be good.

    Both kinds accept and reject exactly the same input; the detailed one collects every
    error with its path.
    """
    conv = cattrs.Converter(forbid_extra_keys=True, omit_if_default=True, detailed_validation=detailed)
    conv.register_structure_hook(PartialDate, _structure_date)
    conv.register_unstructure_hook(PartialDate, str)
    # cattrs coerces by default (int("3")); data files must say what they mean.
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook_factory(_is_tuple, lambda cl: _tuple_factory(cl, conv))
    # The ``all_bodies`` field is the ``bodies`` key, so that ``Mechanism.bodies()`` can be a method.
    conv.register_structure_hook(
        Mechanism,
        make_dict_structure_fn(
            Mechanism,
            conv,
            all_bodies=override(rename="bodies"),
            _cattrs_forbid_extra_keys=True,
            _cattrs_detailed_validation=detailed,
        ),
    )
    conv.register_unstructure_hook(
        Mechanism,
        make_dict_unstructure_fn(Mechanism, conv, all_bodies=override(rename="bodies"), _cattrs_omit_if_default=True),
    )
    return conv


converter = make_converter()
"""The shared converter: use it to (un)structure any model class."""


def structure_mechanism(data: Any) -> Mechanism:
    """Structure a parsed document into a :class:`Mechanism` (cattrs errors propagate)."""
    if not isinstance(data, dict):
        raise TypeError(f"expected an object at the top, not {type(data).__name__}")
    return converter.structure(data, Mechanism)


def unstructure_mechanism(mechanism: Mechanism) -> dict[str, Any]:
    """Plain data (dicts, lists, strings, numbers) for a mechanism."""
    return converter.unstructure(mechanism)  # type: ignore[no-any-return]

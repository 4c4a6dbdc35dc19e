"""Each public name has one public location, and notebooks complete the names imported on first use."""

import importlib
import pkgutil
import subprocess
import sys
import types

import pytest

import yrdmodel
from yrdmodel import strategies


def _modules() -> list[types.ModuleType]:
    names = [m.name for m in pkgutil.walk_packages(yrdmodel.__path__, "yrdmodel.") if not m.name.endswith(".__main__")]
    return [importlib.import_module(name) for name in ["yrdmodel", *names]]


def _listed_in() -> dict[str, list[str]]:
    """For each name some module lists in ``__all__``, the modules that list it."""
    found: dict[str, list[str]] = {}
    for module in _modules():
        for name in getattr(module, "__all__", ()):
            found.setdefault(name, []).append(module.__name__)
    return found


@pytest.mark.parametrize("name", yrdmodel.__all__)
def test_a_public_name_is_listed_by_the_package_and_the_module_that_defines_it_only(name: str) -> None:
    value = getattr(yrdmodel, name)
    listed = sorted(_listed_in()[name])
    if not isinstance(value, type | types.FunctionType):  # a type alias (DateLike) has no module of its own
        assert len(listed) == 2, listed
        assert listed[0] == "yrdmodel", listed
        return
    assert listed == sorted({"yrdmodel", value.__module__}), f"yrdmodel.{name} is also public in {listed}"


def test_the_strategies_are_public_in_one_place_only() -> None:
    listed = _listed_in()
    assert not set(strategies.__all__) & set(yrdmodel.__all__)
    for name in strategies.__all__:
        assert listed[name] == ["yrdmodel.strategies"], name
        assert getattr(strategies, name).__module__.startswith("yrdmodel.strategies")


def test_dir_lists_every_public_name_without_importing_it() -> None:
    code = "import sys, yrdmodel; names = dir(yrdmodel); print(sorted(set(yrdmodel.__all__) - set(names)), 'yrdmodel.interop.frames' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["[]", "False"]

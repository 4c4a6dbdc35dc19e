"""Hypothesis' ``st.from_type`` for the model classes, registered without importing the strategies.

Hypothesis runs `_hypothesis_setup_hook` through the ``hypothesis`` entry point whenever
``hypothesis`` is imported, wherever yrdmodel is installed. This module imports nothing of its own, and
the hook only registers the model classes (so ``import hypothesis`` costs what ``import yrdmodel`` does):
the strategy behind each class is looked up in `yrdmodel.strategies` the first time
``st.from_type`` resolves it, never while Hypothesis or the strategies are still being imported.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

# Each model class (a name in ``yrdmodel``) and the function of ``yrdmodel.strategies`` (module.name) that draws it.
FROM_TYPE = {
    "Alias": "_records._aliases",
    "Attendance": "_records.attendances",
    "Body": "_records.bodies",
    "Citation": "_records._citation",
    "Count": "_records._counts",
    "Identifier": "_records._identifiers",
    "Mechanism": "_mechanisms.mechanisms",
    "Meeting": "_records.meetings",
    "Member": "_records.members",
    "MembershipChange": "_records.membership_changes",
    "PartialDate": "_dates.partial_dates",
    "Person": "_records.people",
    "Plan": "_records.plans",
    "Post": "_records.posts",
    "RotationException": "_records._rotation_exceptions",
    "RotationPolicy": "_records.rotation_policies",
    "Source": "_records.sources",
    "Tenure": "_records.tenures",
}


def _draws(function: str) -> Any:
    """A resolver for ``st.register_type_strategy`` that imports the strategies when first called."""
    module, _, name = function.partition(".")

    def resolve(cls: type) -> SearchStrategy[Any]:
        strategy: SearchStrategy[Any] = getattr(importlib.import_module(f"yrdmodel.strategies.{module}"), name)()
        return strategy

    return resolve


def _hypothesis_setup_hook() -> None:
    """Register the model classes with ``st.from_type``."""
    from hypothesis import strategies as st

    import yrdmodel as package

    for name, function in FROM_TYPE.items():
        st.register_type_strategy(getattr(package, name), _draws(function))

"""Hypothesis' ``st.from_type`` for the model classes, registered without importing the strategies.

Hypothesis runs :func:`_hypothesis_setup_hook` through the ``hypothesis`` entry point whenever
``hypothesis`` is imported, wherever yrdmodel is installed. This module imports nothing of its own, and
the hook only registers the model classes (so ``import hypothesis`` costs what ``import yrdmodel`` does):
the strategy behind each class is looked up in :mod:`yrdmodel.strategies` the first time
``st.from_type`` resolves it, never while Hypothesis or the strategies are still being imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

# Each model class (a name in ``yrdmodel``) and the function of ``yrdmodel.strategies`` that draws it.
FROM_TYPE = {
    "Alias": "_aliases",
    "Attendance": "attendances",
    "Body": "bodies",
    "Citation": "_citation",
    "Count": "_counts",
    "Identifier": "_identifiers",
    "Mechanism": "mechanisms",
    "Meeting": "meetings",
    "Member": "members",
    "MembershipChange": "membership_changes",
    "PartialDate": "partial_dates",
    "Person": "people",
    "Plan": "plans",
    "Post": "posts",
    "RotationException": "_rotation_exceptions",
    "RotationPolicy": "rotation_policies",
    "Source": "sources",
    "Tenure": "tenures",
}


def _draws(function: str) -> Any:
    """A resolver for ``st.register_type_strategy`` that imports the strategies when first called."""

    def resolve(cls: type) -> SearchStrategy[Any]:
        from yrdmodel import strategies

        strategy: SearchStrategy[Any] = getattr(strategies, function)()
        return strategy

    return resolve


def _hypothesis_setup_hook() -> None:
    """Register the model classes with ``st.from_type``."""
    from hypothesis import strategies as st

    import yrdmodel as package

    for name, function in FROM_TYPE.items():
        st.register_type_strategy(getattr(package, name), _draws(function))

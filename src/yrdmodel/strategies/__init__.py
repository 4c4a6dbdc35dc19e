"""Hypothesis strategies for yrdmodel: partial dates, records, and whole mechanisms.

Install the extra (``pip install "yrdmodel[hypothesis]"``) and import the module; it is not
imported by ``import yrdmodel``::

    from hypothesis import given
    from yrdmodel import strategies as yst

    @given(yst.mechanisms())
    def test_my_report_handles_any_valid_mechanism(m):
        assert m.validate().findings == ()  # generated mechanisms are valid by construction
        my_report(m)

    @given(yst.inconsistent_mechanisms("tenure-overlap"))
    def test_my_checker_finds_overlaps(broken):
        assert set(broken.ids) in [set(f.ids) for f in my_checker(broken.mechanism)]

What is generated:

- [`partial_dates`][yrdmodel.strategies.partial_dates] and [`spans`][yrdmodel.strategies.spans] (a start and an end that cannot fall before it);
- one record at a time: [`sources`][yrdmodel.strategies.sources], [`citations`][yrdmodel.strategies.citations], [`members`][yrdmodel.strategies.members],
  [`membership_changes`][yrdmodel.strategies.membership_changes], [`bodies`][yrdmodel.strategies.bodies], [`posts`][yrdmodel.strategies.posts], [`people`][yrdmodel.strategies.people], [`tenures`][yrdmodel.strategies.tenures],
  [`attendances`][yrdmodel.strategies.attendances], [`meetings`][yrdmodel.strategies.meetings], [`plans`][yrdmodel.strategies.plans], [`rotation_policies`][yrdmodel.strategies.rotation_policies]. Each is a
  valid record on its own; the ids it refers to are arbitrary slugs unless given;
- [`mechanisms`][yrdmodel.strategies.mechanisms]: whole mechanisms that are valid by construction. Ids are unique and
  every reference resolves; every record cites a source; the tenures of a post never hold
  more seats than it has (handovers are on the same day or leave a gap, and a handover with
  an acting holder is marked ``overlap_allowed``); no one holds two incompatible posts at once;
  attendees held their post on the meeting's day; symposia follow a generated rotation policy
  and the hosts they decide; plans of a series follow each other without gap or overlap.
  ``m.validate()`` has no findings at all, not even possible ones, and ``loads(dumps(m)) == m``;
- [`inconsistent_mechanisms`][yrdmodel.strategies.inconsistent_mechanisms]: a valid mechanism with one inconsistency put in, as an
  [`Inconsistency`][yrdmodel.strategies.Inconsistency] that says which finding code and ids validation should report. Every
  finding code of `yrdmodel.validation.rules.CODES` can be asked for.

With the package installed, ``st.from_type()`` knows the model classes (Hypothesis calls
the hook of ``yrdmodel._hypothesis_plugin`` through the ``hypothesis`` entry point; importing this
module registers them too): ``st.from_type(yrdmodel.Mechanism)`` is [`mechanisms`][yrdmodel.strategies.mechanisms],
``st.from_type(yrdmodel.Tenure)`` is [`tenures`][yrdmodel.strategies.tenures], and so on.
"""

from hypothesis import strategies as st

from yrdmodel._hypothesis_plugin import _hypothesis_setup_hook
from yrdmodel.strategies._dates import partial_dates, slugs, spans
from yrdmodel.strategies._inconsistencies import Inconsistency, inconsistent_mechanisms, injectable_codes
from yrdmodel.strategies._mechanisms import mechanisms
from yrdmodel.strategies._records import (
    attendances,
    bodies,
    citations,
    meetings,
    members,
    membership_changes,
    people,
    plans,
    posts,
    rotation_policies,
    sources,
    tenures,
)

__all__ = [
    "Inconsistency",
    "attendances",
    "bodies",
    "citations",
    "inconsistent_mechanisms",
    "injectable_codes",
    "mechanisms",
    "meetings",
    "members",
    "membership_changes",
    "partial_dates",
    "people",
    "plans",
    "posts",
    "rotation_policies",
    "slugs",
    "sources",
    "spans",
    "tenures",
]


# The entry point registers the model classes when Hypothesis is imported; without it (a source checkout,
# HYPOTHESIS_NO_PLUGINS) importing the strategies registers them.
_hypothesis_setup_hook()
st.register_type_strategy(Inconsistency, lambda _: inconsistent_mechanisms())

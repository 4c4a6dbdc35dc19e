"""yrdmodel: a typed, sourced model of the Yangtze River Delta regional cooperation mechanism.

>>> import yrdmodel
>>> m = yrdmodel.load()
>>> m.host(2021).name_en
'Jiangsu'
"""

import importlib
from typing import TYPE_CHECKING, Any

from yrdmodel.errors import (
    AmbiguousAnswerError,
    ArgumentTypeError,
    DataError,
    InvalidArgumentError,
    MergeConflictError,
    Problem,
    UndeclaredError,
    UnknownIdError,
    YrdModelError,
)
from yrdmodel.model.bodies import Body, BodyKind, Count, Tier
from yrdmodel.model.dates import DateLike, PartialDate, Precision, Truth
from yrdmodel.model.interval import Span
from yrdmodel.model.mechanism import Event, EventKind, Mechanism
from yrdmodel.model.meetings import Attendance, Meeting
from yrdmodel.model.members import Member, MemberKind, MembershipChange, MembershipStatus
from yrdmodel.model.people import Alias, Identifier, Person
from yrdmodel.model.plans import Plan, PlanEvent, PlanKind, PlanStage
from yrdmodel.model.posts import Post, Tenure
from yrdmodel.model.rotation import Deviation, ExceptionKind, RotationException, RotationPolicy
from yrdmodel.model.sources import Citation, Confidence, Source, SourceKind
from yrdmodel.validation.report import Finding, Severity, ValidationReport

if TYPE_CHECKING:
    from yrdmodel.interop.frames import leaders_frame, meetings_frame, plans_frame, tenures_frame
    from yrdmodel.interop.merge import merge
    from yrdmodel.interop.popolo import to_popolo
    from yrdmodel.interop.tables import bodies_frame, members_frame, people_frame, write_tables
    from yrdmodel.interop.timeline import draw_timeline
    from yrdmodel.io.files import dumps, load, loads
    from yrdmodel.model.lookup import PersonMatch
    from yrdmodel.model.views import (
        BodyNode,
        Coverage,
        HostYear,
        LeaderHolding,
        PostLeaders,
        SourceSummary,
        body_tree,
        coverage,
        host_years,
        leaders_on,
        source_summary,
    )
    from yrdmodel.schema_json import json_schema

__version__ = "0.1.0"

# Names whose modules are imported on first use, so that ``import yrdmodel`` stays fast: reading and
# writing (which builds the cattrs converter) and the interop helpers with their optional dependencies.
_LAZY = {
    "BodyNode": "yrdmodel.model.views",
    "Coverage": "yrdmodel.model.views",
    "HostYear": "yrdmodel.model.views",
    "LeaderHolding": "yrdmodel.model.views",
    "PersonMatch": "yrdmodel.model.lookup",
    "PostLeaders": "yrdmodel.model.views",
    "SourceSummary": "yrdmodel.model.views",
    "bodies_frame": "yrdmodel.interop.tables",
    "body_tree": "yrdmodel.model.views",
    "coverage": "yrdmodel.model.views",
    "draw_timeline": "yrdmodel.interop.timeline",
    "dumps": "yrdmodel.io.files",
    "host_years": "yrdmodel.model.views",
    "json_schema": "yrdmodel.schema_json",
    "leaders_frame": "yrdmodel.interop.frames",
    "leaders_on": "yrdmodel.model.views",
    "load": "yrdmodel.io.files",
    "loads": "yrdmodel.io.files",
    "meetings_frame": "yrdmodel.interop.frames",
    "members_frame": "yrdmodel.interop.tables",
    "merge": "yrdmodel.interop.merge",
    "people_frame": "yrdmodel.interop.tables",
    "plans_frame": "yrdmodel.interop.frames",
    "source_summary": "yrdmodel.model.views",
    "tenures_frame": "yrdmodel.interop.frames",
    "to_popolo": "yrdmodel.interop.popolo",
    "write_tables": "yrdmodel.interop.tables",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'yrdmodel' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The module's names, with those imported on first use, so that notebooks complete them."""
    return sorted({*globals(), *_LAZY})


__all__ = [
    "Alias",
    "AmbiguousAnswerError",
    "ArgumentTypeError",
    "Attendance",
    "Body",
    "BodyKind",
    "BodyNode",
    "Citation",
    "Confidence",
    "Count",
    "Coverage",
    "DataError",
    "DateLike",
    "Deviation",
    "Event",
    "EventKind",
    "ExceptionKind",
    "Finding",
    "HostYear",
    "Identifier",
    "InvalidArgumentError",
    "LeaderHolding",
    "Mechanism",
    "Meeting",
    "Member",
    "MemberKind",
    "MembershipChange",
    "MembershipStatus",
    "MergeConflictError",
    "PartialDate",
    "Person",
    "PersonMatch",
    "Plan",
    "PlanEvent",
    "PlanKind",
    "PlanStage",
    "Post",
    "PostLeaders",
    "Precision",
    "Problem",
    "RotationException",
    "RotationPolicy",
    "Severity",
    "Source",
    "SourceKind",
    "SourceSummary",
    "Span",
    "Tenure",
    "Tier",
    "Truth",
    "UndeclaredError",
    "UnknownIdError",
    "ValidationReport",
    "YrdModelError",
    "bodies_frame",
    "body_tree",
    "coverage",
    "draw_timeline",
    "dumps",
    "host_years",
    "json_schema",
    "leaders_frame",
    "leaders_on",
    "load",
    "loads",
    "meetings_frame",
    "members_frame",
    "merge",
    "people_frame",
    "plans_frame",
    "source_summary",
    "tenures_frame",
    "to_popolo",
    "write_tables",
]

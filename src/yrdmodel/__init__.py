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
from yrdmodel.model.plans import Plan, PlanKind
from yrdmodel.model.posts import Post, Tenure
from yrdmodel.model.rotation import Deviation, ExceptionKind, RotationException, RotationPolicy
from yrdmodel.model.sources import Citation, Confidence, Source, SourceKind
from yrdmodel.validation.report import Finding, Severity, ValidationReport

if TYPE_CHECKING:
    from yrdmodel.interop.frames import leaders_frame, meetings_frame, plans_frame, tenures_frame
    from yrdmodel.interop.merge import merge
    from yrdmodel.interop.popolo import to_popolo
    from yrdmodel.interop.timeline import draw_timeline
    from yrdmodel.io.files import dumps, load, loads

__version__ = "0.1.0"

# Names whose modules are imported on first use, so that ``import yrdmodel`` stays fast: reading and
# writing (which builds the cattrs converter) and the interop helpers with their optional dependencies.
_LAZY = {
    "draw_timeline": "yrdmodel.interop.timeline",
    "dumps": "yrdmodel.io.files",
    "load": "yrdmodel.io.files",
    "loads": "yrdmodel.io.files",
    "leaders_frame": "yrdmodel.interop.frames",
    "meetings_frame": "yrdmodel.interop.frames",
    "merge": "yrdmodel.interop.merge",
    "plans_frame": "yrdmodel.interop.frames",
    "tenures_frame": "yrdmodel.interop.frames",
    "to_popolo": "yrdmodel.interop.popolo",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'yrdmodel' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "Alias",
    "AmbiguousAnswerError",
    "ArgumentTypeError",
    "Attendance",
    "Body",
    "BodyKind",
    "Citation",
    "Confidence",
    "Count",
    "DataError",
    "DateLike",
    "Deviation",
    "Event",
    "EventKind",
    "ExceptionKind",
    "Finding",
    "Identifier",
    "InvalidArgumentError",
    "Mechanism",
    "Meeting",
    "Member",
    "MemberKind",
    "MembershipChange",
    "MembershipStatus",
    "MergeConflictError",
    "PartialDate",
    "Person",
    "Plan",
    "PlanKind",
    "Post",
    "Precision",
    "Problem",
    "RotationException",
    "RotationPolicy",
    "Severity",
    "Source",
    "SourceKind",
    "Span",
    "Tenure",
    "Tier",
    "Truth",
    "UnknownIdError",
    "ValidationReport",
    "YrdModelError",
    "draw_timeline",
    "dumps",
    "leaders_frame",
    "load",
    "loads",
    "meetings_frame",
    "merge",
    "plans_frame",
    "tenures_frame",
    "to_popolo",
]

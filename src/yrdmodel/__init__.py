"""yrdmodel: a typed, sourced model of the Yangtze River Delta regional cooperation mechanism.

    >>> import yrdmodel
    >>> m = yrdmodel.load()
    >>> m.host(2021).name_en
    'Jiangsu'
"""

from yrdmodel.errors import AmbiguousAnswerError, DataError, Problem, UnknownIdError, YrdModelError
from yrdmodel.io.files import dumps, load, loads
from yrdmodel.model.bodies import Body, BodyKind, Count, Tier
from yrdmodel.model.dates import DateLike, PartialDate, Precision, Truth
from yrdmodel.model.mechanism import Event, EventKind, Mechanism
from yrdmodel.model.meetings import Attendance, Meeting
from yrdmodel.model.members import Member, MemberKind, MembershipChange, MembershipStatus
from yrdmodel.model.people import Alias, Identifier, Person
from yrdmodel.model.plans import Plan, PlanKind
from yrdmodel.model.posts import Post, Tenure
from yrdmodel.model.rotation import Deviation, ExceptionKind, RotationException, RotationPolicy
from yrdmodel.model.sources import Citation, Confidence, Source, SourceKind
from yrdmodel.validation.report import Finding, Severity, ValidationReport

__version__ = "0.1.0"

__all__ = [
    "Alias",
    "AmbiguousAnswerError",
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
    "Mechanism",
    "Meeting",
    "Member",
    "MemberKind",
    "MembershipChange",
    "MembershipStatus",
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
    "Tenure",
    "Tier",
    "Truth",
    "UnknownIdError",
    "ValidationReport",
    "YrdModelError",
    "dumps",
    "load",
    "loads",
]

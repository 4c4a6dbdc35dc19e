"""Meetings: symposia, joint meetings, parallel meetings and forum editions."""

import attrs

from yrdmodel.model.dates import PartialDate, Truth
from yrdmodel.model.schema import refers
from yrdmodel.model.sources import Sourced, check_id, check_ids, check_optional_id

__all__ = ["Attendance", "Meeting"]


@attrs.frozen
class Attendance:
    """A person recorded as present at a meeting.

    Attributes:
        person: The person's id.
        post: The post they attended in, when it is one of the mechanism's posts.
        role: Their role as the source gives it (for guests without a post here).
        note: What the source says of their part (presided, spoke, ...).
    """

    person: str = attrs.field(validator=check_id, metadata=refers("people"))
    post: str | None = attrs.field(default=None, validator=check_optional_id, metadata=refers("posts"))
    role: str | None = None
    note: str | None = None


def _check_end(meeting: "Meeting", attribute: "attrs.Attribute[PartialDate | None]", end: PartialDate | None) -> None:
    if end is not None and end.before(meeting.date) is Truth.YES:
        raise ValueError(f"end_date {end} is before date {meeting.date}")


@attrs.frozen(kw_only=True)
class Meeting(Sourced):
    """A meeting of one of the mechanism's bodies.

    Attributes:
        id: Stable slug, e.g. ``"symposium.2018"``.
        body: The body that met (``"symposium"``, ``"joint-meeting"``, ``"high-level-forum"``, ...).
        date: The (first) day, at the precision known.
        end_date: The last day of a meeting of several days; None for one day or unknown.
        host: The member that hosted it.
        city: Where it was held.
        name_en: Its English name as a source gives it.
        name_zh: Its Chinese name.
        theme_en: Its theme in English.
        theme_zh: Its theme in Chinese.
        edition: The edition number, for numbered series such as the forum.
        attendees: The people recorded as present.
        outcomes: What it decided or produced, one sentence each.
        plans_adopted: Ids of the plans it adopted or approved.
        next_host: The member it decided would host the next meeting.
        next_host_year: The year that decision is for.
    """

    id: str = attrs.field(validator=check_id)
    body: str = attrs.field(validator=check_id, metadata=refers("all_bodies"))
    date: PartialDate
    end_date: PartialDate | None = attrs.field(default=None, validator=_check_end)
    host: str | None = attrs.field(default=None, validator=check_optional_id, metadata=refers("members"))
    city: str | None = None
    name_en: str | None = None
    name_zh: str | None = None
    theme_en: str | None = None
    theme_zh: str | None = None
    edition: int | None = None
    attendees: tuple[Attendance, ...] = ()
    outcomes: tuple[str, ...] = ()
    plans_adopted: tuple[str, ...] = attrs.field(default=(), validator=check_ids, metadata=refers("plans"))
    next_host: str | None = attrs.field(default=None, validator=check_optional_id, metadata=refers("members"))
    next_host_year: int | None = None

    def _repr_html_(self) -> str:
        from yrdmodel.model.html import meeting_html

        return meeting_html(self)

    @property
    def year(self) -> int:
        """The year the meeting was held."""
        return self.date.year

    @property
    def last_date(self) -> PartialDate:
        """The last day of the meeting (its date when it lasted one day)."""
        return self.end_date or self.date

"""Export a mechanism as Popolo JSON (https://www.popoloproject.com), for tools that read open government data.

The export is one document with the six Popolo collections::

    {"persons": [...], "organizations": [...], "posts": [...],
     "memberships": [...], "events": [...], "areas": [...]}

How the model maps onto Popolo:

- **persons**: every person; the Chinese name and every alias are ``other_names`` (each alias
  with the note saying where it comes from); identifiers are ``identifiers``.
- **organizations**: the mechanism itself (classification ``"mechanism"``, id ``root_id``),
  each member (classification ``"member"``, with the member's area) and each body. A body's
  classification is its tier (``"decision"``, ``"coordination"``, ``"execution"``), or
  ``"related"`` for bodies outside the three tiers; its ``abstract`` names its kind. A body's
  ``parent_id`` is its parent body, or the mechanism for a tier body without one.
- **posts**: every post, held in its body (when it has one) or its member's organization.
- **memberships**: one per tenure (id ``Tenure.id``), linking person, post and organization;
  plus one per period of a member's membership history, linking the member organization to
  the mechanism (``role`` ``"full"`` or ``"invited"``; its ``end_date`` is the day before the
  next period begins, at the latest). A tenure's dates are the bounds of
  the days it *possibly* covers, as the mechanism settles them (`Mechanism.span`:
  certain through ``as_of``, bounded by the post's other holders): ``start_date`` is the
  recorded start at its precision, or the first possible day where only a bound is known;
  ``end_date`` is Popolo's *last* day of the relationship, the day before yrdmodel's
  (exclusive) end, or the last possible day. So a reader that takes a membership as current
  on the days between its dates (everypolitician-popolo's ``current_at``) finds, on every day,
  the holders `Mechanism.holders_with_truth` gives. Only a tenure that may still run
  after ``as_of`` has no ``end_date``; one with no possible first day has no ``start_date``.
  The ``label`` keeps what the dates cannot say: the attested days, and which bounds are
  deduced.
- **events**: every meeting, with an ``end_date`` (a one-day meeting ends on its day).
  ``classification`` is the id of the body that met,
  ``organization_id`` the member that hosted it (the rotating organizer) or, without a host,
  the body. Attendees are person objects; one who attended in a post or role carries a
  membership saying so.
- **areas**: one per member (classification ``"municipality"`` or ``"province"``, also given as
  ``type``, where EveryPolitician readers look).
- **sources**: every record's citations become Popolo links. A source whose reference is a web
  address links to it (non-ASCII characters percent-encoded); a seed file or a description
  without an address gets the URN ``urn:yrdmodel:source:<source id>``, with the reference in
  the link's note.

Popolo has no place for plans, counts, confidence grades or the rotation policy; use
[`yrdmodel.dumps`][yrdmodel.dumps] for a lossless copy.

Examples:
    >>> import yrdmodel
    >>> popolo = yrdmodel.to_popolo(yrdmodel.load())
    >>> sorted(popolo)
    ['areas', 'events', 'memberships', 'organizations', 'persons', 'posts']
"""

import datetime
import re
import urllib.parse
from collections.abc import Iterable
from typing import Any

from yrdmodel.model.bodies import Body
from yrdmodel.model.dates import PartialDate, Precision
from yrdmodel.model.interval import FOREVER, NEVER, Span
from yrdmodel.model.mechanism import Mechanism
from yrdmodel.model.meetings import Attendance, Meeting
from yrdmodel.model.members import Member, MembershipStatus
from yrdmodel.model.people import Person
from yrdmodel.model.posts import Post, Tenure
from yrdmodel.model.sources import Citation, Source

__all__ = ["ROOT_ID", "source_url", "to_popolo"]

ROOT_ID = "mechanism"
"""The default Popolo id of the organization that stands for the mechanism itself."""

_WEB = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://\S+")

Json = dict[str, Any]


def to_popolo(m: Mechanism, *, root_id: str = ROOT_ID) -> dict[str, list[Json]]:
    """The mechanism as a Popolo document: persons, organizations, posts, memberships, events and areas.

    Every object conforms to the Popolo JSON schemas; see the module docstring for how each
    record is mapped. Nothing is lost that Popolo can hold: every person, post and tenure
    appears, with its sources as links.

    Args:
        m: The mechanism.
        root_id: The id of the organization standing for the mechanism itself.

    Returns:
        A dict with the keys ``persons``, ``organizations``, ``posts``, ``memberships``,
        ``events`` and ``areas``, ready for `json.dumps`.

    Raises:
        ValueError: A member and a body (or the root) share an id, so the organizations
            would be ambiguous.
    """
    _check_organization_ids(m, root_id)
    exporter = _Exporter(m, root_id)
    return {
        "persons": [exporter.person(p) for p in m.people],
        "organizations": [
            exporter.root(),
            *(exporter.member(x) for x in m.members),
            *(exporter.body(b) for b in m.all_bodies),
        ],
        "posts": [exporter.post(p) for p in m.posts],
        "memberships": [
            *(exporter.tenure(t) for t in m.tenures),
            *(ms for x in m.members for ms in exporter.member_memberships(x)),
        ],
        "events": [exporter.meeting(x) for x in m.meetings],
        "areas": [exporter.area(x) for x in m.members],
    }


def source_url(source: Source) -> str:
    """The URL a Popolo link uses for a source.

    A web address is kept, with spaces and non-ASCII characters percent-encoded; anything
    else (a seed file name, a description) becomes ``urn:yrdmodel:source:<id>``.

    Examples:
        >>> from yrdmodel import Source, SourceKind
        >>> source_url(Source(id="seed-003", kind=SourceKind.SEED, ref="003_b99ca14925887098.txt"))
        'urn:yrdmodel:source:seed-003'
    """
    ref = source.ref.strip()
    if _WEB.fullmatch(ref):
        return urllib.parse.quote(ref, safe=":/?#[]@!$&'()*+,;=%-._~")
    return f"urn:yrdmodel:source:{source.id}"


def _check_organization_ids(m: Mechanism, root_id: str) -> None:
    seen: dict[str, str] = {root_id: "the mechanism"}
    for kind, records in (("member", m.members), ("body", m.all_bodies)):
        for record in records:
            other = seen.setdefault(record.id, f"{kind} {record.id}")
            if other != f"{kind} {record.id}":
                raise ValueError(f"{kind} {record.id!r} has the same Popolo organization id as {other}")


def _date(value: PartialDate | None) -> str | None:
    return None if value is None else str(value)


def _iso(ordinal: int) -> str:
    return datetime.date.fromordinal(ordinal).isoformat()


def _membership_dates(
    tenure: Tenure, span: Span, as_of: PartialDate | None
) -> tuple[str | None, str | None, list[str]]:
    """A tenure's Popolo ``start_date`` and ``end_date`` (the last day) from its span, and notes for its label."""
    notes = []
    if tenure.attested:
        notes.append("seen in office on " + ", ".join(str(a) for a in tenure.attested))
    start: str | None = None
    if span.possible_from > NEVER:
        if tenure.start is not None and tenure.start.lo == span.possible_from:
            start = str(tenure.start)
        else:
            start = _iso(span.possible_from)
            recorded = "no start recorded" if tenure.start is None else f"started {tenure.start}"
            notes.append(f"{recorded}; not before {start}: the seats were certainly held by others the day before")
    end: str | None = None
    if span.possible_until < FOREVER:
        end = _iso(span.possible_until - 1)
        if tenure.end is None or tenure.end.hi != span.possible_until:
            recorded = "no end recorded" if tenure.end is None else f"left {tenure.end}"
            notes.append(
                f"{recorded}; in office until {end} at the latest: the seats were certainly held by others the next day"
            )
        elif tenure.end.precision is not Precision.DAY:
            notes.append(f"left {tenure.end}; in office until {end} at the latest")
    elif as_of is not None and span.certain_until > as_of.lo:
        notes.append(f"in office on {as_of}, the day the data was brought up to")
    return start, end, notes


def _compact(obj: Json) -> Json:
    """Leave out keys without a value, so that the document carries only what is known."""
    return {k: v for k, v in obj.items() if v is not None and v != []}


class _Exporter:
    """Maps records to Popolo objects, with the lookups they need."""

    def __init__(self, m: Mechanism, root_id: str) -> None:
        self.m = m
        self.root_id = root_id
        self.sources = {s.id: s for s in m.sources}
        self.people = {p.id: p for p in m.people}
        self.posts = {p.id: p for p in m.posts}
        self.bodies = {b.id: b for b in m.all_bodies}
        self.members = {x.id: x for x in m.members}

    # Shared pieces --------------------------------------------------------------------------------

    def links(self, citations: Iterable[Citation]) -> list[Json]:
        links = []
        for citation in citations:
            source = self.sources.get(citation.source)
            if source is None:
                url, parts = f"urn:yrdmodel:source:{citation.source}", ["unknown source"]
            else:
                url = source_url(source)
                parts = [f"{source.kind.value}: {source.ref}" if url.startswith("urn:") else source.kind.value]
                parts += [
                    x for x in (source.title, source.publisher, _date(source.published)) if x and x not in parts[0]
                ]
            if citation.note:
                parts.append(citation.note)
            links.append({"url": url, "note": "; ".join(parts)})
        return links

    def post_organization(self, post: Post) -> str:
        return post.body or post.member or self.root_id

    # Records --------------------------------------------------------------------------------------

    def person(self, person: Person) -> Json:
        other_names = [{"name": person.name_zh, "note": "Chinese name"}] if person.name_zh else []
        other_names += [_compact({"name": a.name, "note": a.note}) for a in person.aliases]
        return _compact(
            {
                "id": person.id,
                "name": person.name_en,
                "other_names": other_names,
                "identifiers": [{"identifier": i.value, "scheme": i.scheme} for i in person.identifiers],
                "sources": self.links(person.sources),
            }
        )

    def root(self) -> Json:
        m = self.m
        return _compact(
            {
                "id": self.root_id,
                "name": m.name_en,
                "other_names": [{"name": m.name_zh, "note": "Chinese name"}] if m.name_zh else [],
                "classification": "mechanism",
            }
        )

    def member(self, member: Member) -> Json:
        return _compact(
            {
                "id": member.id,
                "name": member.name_en,
                "other_names": [{"name": member.name_zh, "note": "Chinese name"}],
                "classification": "member",
                "area_id": member.id,
                "sources": self.links(member.sources),
            }
        )

    def body(self, body: Body) -> Json:
        tier = body.tier.value if body.tier is not None else "related"
        parent = body.parent or (self.root_id if body.tier is not None else None)
        kind = body.kind.value.replace("_", " ")
        abstract = f"{kind} of the {tier} tier" if body.tier is not None else f"{kind} related to the mechanism"
        return _compact(
            {
                "id": body.id,
                "name": body.name_en,
                "other_names": [{"name": body.name_zh, "note": "Chinese name"}] if body.name_zh else [],
                "classification": tier,
                "parent_id": parent,
                "abstract": abstract,
                "description": body.description,
                "founding_date": _date(body.founded),
                "dissolution_date": _date(body.dissolved),
                "sources": self.links(body.sources),
            }
        )

    def post(self, post: Post) -> Json:
        return _compact(
            {
                "id": post.id,
                "label": post.name_en,
                "other_label": [post.name_zh] if post.name_zh else [],
                "organization_id": self.post_organization(post),
                "area_id": post.member,
                "sources": self.links(post.sources),
            }
        )

    def tenure(self, tenure: Tenure) -> Json:
        post = self.posts.get(tenure.post)
        how = [tenure.how_started, tenure.how_ended]
        if tenure.acting and not tenure.how_started:
            how[0] = "acting at first"
        if tenure.confirmed is not None:
            how.append(f"confirmed {tenure.confirmed}")
        span = self.m.span(tenure)
        start, end, notes = _membership_dates(tenure, span, self.m.as_of)
        how += notes
        return _compact(
            {
                "id": tenure.id,
                "label": "; ".join(x for x in how if x) or None,
                "role": post.name_en if post is not None else None,
                "person_id": tenure.person,
                "post_id": tenure.post,
                "organization_id": self.post_organization(post) if post is not None else None,
                "area_id": post.member if post is not None else None,
                "start_date": start,
                "end_date": end,
                "sources": self.links(tenure.sources),
            }
        )

    def member_memberships(self, member: Member) -> list[Json]:
        """One membership of the member organization in the mechanism per period of its history."""
        history = member.history
        if not history:
            return [
                _compact(
                    {
                        "id": f"{member.id}:{self.root_id}",
                        "role": "member",
                        "member": {"@type": "Organization", "id": member.id},
                        "organization_id": self.root_id,
                        "sources": self.links(member.sources),
                    }
                )
            ]
        found = []
        for i, change in enumerate(history):
            if change.status is MembershipStatus.LEFT:
                continue
            until = history[i + 1].since if i + 1 < len(history) else None
            found.append(
                _compact(
                    {
                        "id": f"{member.id}:{self.root_id}:{change.since}",
                        "label": change.event,
                        "role": change.status.value,
                        "member": {"@type": "Organization", "id": member.id},
                        "organization_id": self.root_id,
                        "start_date": _date(change.since),
                        "end_date": None if until is None else _iso(until.hi - 1),  # Popolo's last day
                        "sources": self.links(change.sources),
                    }
                )
            )
        return found

    def attendee(self, attendance: Attendance) -> Json:
        person = self.people.get(attendance.person)
        membership = None
        if attendance.post is not None or attendance.role is not None:
            post = self.posts.get(attendance.post) if attendance.post is not None else None
            membership = _compact(
                {
                    "person_id": attendance.person,
                    "post_id": attendance.post,
                    "organization_id": self.post_organization(post) if post is not None else None,
                    "role": attendance.role or (post.name_en if post is not None else None),
                    "label": attendance.note,
                }
            )
        return _compact(
            {
                "id": attendance.person,
                "name": person.name_en if person is not None else None,
                "memberships": [membership] if membership else [],
            }
        )

    def meeting(self, meeting: Meeting) -> Json:
        description = [meeting.theme_en and f"Theme: {meeting.theme_en}", *meeting.outcomes]
        if meeting.host is not None:
            host = self.member_name(meeting.host)
            description.insert(0, f"Hosted by {host}" + (f" in {meeting.city}" if meeting.city else ""))
        if meeting.next_host is not None:
            year = f" in {meeting.next_host_year}" if meeting.next_host_year else ""
            description.append(f"Decided that {self.member_name(meeting.next_host)} hosts the next meeting{year}")
        return _compact(
            {
                "id": meeting.id,
                "name": meeting.name_en or meeting.name_zh or self.meeting_name(meeting),
                "description": ". ".join(x.rstrip(".") for x in description if x) or None,
                "start_date": _date(meeting.date),
                "end_date": _date(meeting.end_date or meeting.date),
                "location": meeting.city,
                "classification": meeting.body,
                "organization_id": meeting.host or meeting.body,
                "identifiers": [{"identifier": str(meeting.edition), "scheme": "edition"}] if meeting.edition else [],
                "attendees": [self.attendee(a) for a in meeting.attendees],
                "sources": self.links(meeting.sources),
            }
        )

    def member_name(self, member_id: str) -> str:
        member = self.members.get(member_id)
        return member.name_en if member is not None else member_id

    def meeting_name(self, meeting: Meeting) -> str:
        body = self.bodies.get(meeting.body)
        name = body.name_en if body is not None else meeting.body
        edition = f", edition {meeting.edition}" if meeting.edition else ""
        return f"{name} {meeting.year}{edition}"

    def area(self, member: Member) -> Json:
        return _compact(
            {
                "id": member.id,
                "name": member.name_en,
                "classification": member.kind.value,
                "type": member.kind.value,
                "sources": self.links(member.sources),
            }
        )

"""HTML for notebooks beside the records it shows: every record as a left-aligned table.

Records show what they hold (``m.person("li-qiang")`` in a cell); with the mechanism beside them
(``m.show(record)`` or `show`) they also show names beside ids, a person's posts and a
meeting's attendees by name. Long lists fold into ``<details>`` sections. Every value taken from the
data is escaped with `html.escape`, so a name or note can never inject markup.

This module is part of the model layer and imports no record class when it runs: the records'
``_repr_html_`` methods import it, and it finds the renderer of a record by its class name. The
mechanism's own HTML renders the views and lives beside them, in `yrdmodel.model.display`.

Examples:
    >>> from yrdmodel import Person
    >>> print(person_html(Person(id="x", name_en="<b>X</b>")))  # doctest: +ELLIPSIS
    <div class="yrdmodel"><h4>Person: &lt;b&gt;X&lt;/b&gt; <code>x</code></h4>...
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from yrdmodel.errors import AmbiguousAnswerError, UnknownIdError

if TYPE_CHECKING:
    from yrdmodel.model.bodies import Body
    from yrdmodel.model.mechanism import Mechanism
    from yrdmodel.model.meetings import Meeting
    from yrdmodel.model.members import Member
    from yrdmodel.model.people import Person
    from yrdmodel.model.plans import Plan
    from yrdmodel.model.posts import Post, Tenure
    from yrdmodel.model.sources import Source, Sourced

__all__ = [
    "Shown",
    "body_html",
    "meeting_html",
    "member_html",
    "person_html",
    "plan_html",
    "post_html",
    "record_html",
    "show",
    "source_html",
    "tenure_html",
]

Cell = object
"""A table cell: any value, escaped when shown, or `Raw` HTML."""
FOLD_AFTER = 8
"""Tables with more rows than this fold into a collapsed ``<details>`` section."""

_CELL = ' style="text-align:left;vertical-align:top"'


def escape(value: object) -> str:
    """The value as escaped text; None as nothing."""
    return "" if value is None else html.escape(str(value))


class Raw(str):
    """HTML built here from escaped parts; not escaped again."""

    __slots__ = ()


def cell(value: Cell) -> str:
    """A cell's HTML: escaped, unless it is `Raw`."""
    return value if isinstance(value, Raw) else escape(value)


def code(value: object) -> Raw:
    """The value as escaped ``<code>``."""
    return Raw(f"<code>{escape(value)}</code>")


def lines(values: Iterable[object]) -> Raw:
    """The values escaped, one a line."""
    return Raw("<br>".join(escape(v) for v in values))


def table(header: Sequence[str], rows: Iterable[Sequence[Cell]], *, caption: str | None = None) -> str:
    """A left-aligned table; cells are escaped unless they are `Raw`; long ones fold."""
    body = ["<tr>" + "".join(f"<td{_CELL}>{cell(c)}</td>" for c in r) + "</tr>" for r in rows]
    head = "<thead><tr>" + "".join(f"<th{_CELL}>{escape(h)}</th>" for h in header) + "</tr></thead>"
    empty = [f'<tr><td colspan="{len(header)}"{_CELL}><em>none</em></td></tr>']
    table = "<table>" + head + "<tbody>" + "".join(body or empty) + "</tbody></table>"
    if caption is None:
        return table
    if len(body) > FOLD_AFTER:
        return f"<details><summary><strong>{escape(caption)}</strong> ({len(body)})</summary>{table}</details>"
    return f"<p><strong>{escape(caption)}</strong></p>{table}"


def field_table(rows: Iterable[tuple[str, Cell]]) -> str:
    """A two-column table of field names and values, leaving out empty values."""
    kept = [(k, v) for k, v in rows if v not in (None, "", ())]
    return (
        "<table><tbody>"
        + "".join(f"<tr><th{_CELL}>{escape(k)}</th><td{_CELL}>{cell(v)}</td></tr>" for k, v in kept)
        + "</tbody></table>"
    )


def sourcing(record: Sourced) -> list[tuple[str, Cell]]:
    """The rows every sourced record ends with: its sources, confidence and note."""
    return [
        ("sources", lines(c.source + (f" ({c.note})" if c.note else "") for c in record.sources)),
        ("confidence", record.confidence.value),
        ("note", record.note),
    ]


def wrap(title: str, record_id: str | None, *parts: str) -> str:
    """A titled ``<div>`` around the parts, with the record's id beside the title."""
    ident = f" <code>{escape(record_id)}</code>" if record_id else ""
    return f'<div class="yrdmodel"><h4>{escape(title)}{ident}</h4>' + "".join(parts) + "</div>"


def bilingual(name_en: str | None, name_zh: str | None) -> str | None:
    """``English (Chinese)``, or whichever of the two names there is."""
    return f"{name_en} ({name_zh})" if name_en and name_zh else (name_en or name_zh)


class Names:
    """Names beside ids, when the mechanism is at hand; ids alone when it is not."""

    def __init__(self, m: Mechanism | None) -> None:
        self.m = m

    def _find(self, lookup: Callable[[str], Any], key: str) -> Any:
        try:
            return lookup(key)
        except (UnknownIdError, AmbiguousAnswerError):
            return None

    def __call__(self, kind: str, key: str | None) -> Cell:
        if key is None:
            return None
        if self.m is None:
            return code(key)
        lookup = {
            "member": self.m.member,
            "body": self.m.body,
            "post": self.m.post,
            "person": self.m.person,
            "meeting": self.m.meeting,
            "plan": self.m.plan,
        }[kind]
        record = self._find(lookup, key)
        name = bilingual(getattr(record, "name_en", None), getattr(record, "name_zh", None)) if record else None
        return Raw(f"{escape(name)} {code(key)}") if name else code(key)


# Records -----------------------------------------------------------------------------------------


def member_html(member: Member, m: Mechanism | None = None) -> str:
    """A member: names, kind, capital, the history of its membership, sources."""
    history = table(
        ["since", "status", "event", "sources"],
        ([str(c.since), c.status.value, c.event, ", ".join(x.source for x in c.sources)] for c in member.history),
        caption="Membership",
    )
    fields = field_table(
        [
            ("name", bilingual(member.name_en, member.name_zh)),
            ("kind", member.kind.value),
            ("capital", member.capital),
            *sourcing(member),
        ]
    )
    posts = ""
    if m is not None:
        posts = table(
            ["post", "title"],
            ([code(p.id), bilingual(p.name_en, p.name_zh)] for p in m.posts if p.member == member.id),
            caption="Posts",
        )
    return wrap(f"Member: {member.name_en}", member.id, fields, history, posts)


def body_html(body: Body, m: Mechanism | None = None) -> str:
    """A body: names, kind, tier, parent, dates, seat, counts and (with the mechanism) the bodies under it."""
    name = Names(m)
    fields = field_table(
        [
            ("name", bilingual(body.name_en, body.name_zh)),
            ("kind", body.kind.value),
            ("tier", body.tier.value if body.tier else "outside the three tiers"),
            ("part of", name("body", body.parent)),
            ("founded", body.founded),
            ("dissolved", body.dissolved),
            ("seat", body.seat),
            ("description", body.description),
            ("counts", lines(f"{c.value} as of {c.as_of}" for c in body.counts)),
            *sourcing(body),
        ]
    )
    under = ""
    if m is not None and m.children(body.id):
        under = table(
            ["id", "name"],
            ([code(c.id), bilingual(c.name_en, c.name_zh)] for c in m.children(body.id)),
            caption="Bodies under it",
        )
    return wrap(f"Body: {body.name_en}", body.id, fields, under)


def post_html(post: Post, m: Mechanism | None = None) -> str:
    """A post: title, member, body, seats and (with the mechanism) its tenures in order."""
    name = Names(m)
    fields = field_table(
        [
            ("title", bilingual(post.name_en, post.name_zh)),
            ("member", name("member", post.member)),
            ("body", name("body", post.body)),
            ("seats", post.seats),
            ("main leader", "yes" if post.main_leader else None),
            *sourcing(post),
        ]
    )
    holders = ""
    if m is not None:
        holders = table(
            ["from", "to", "person", "tenure"],
            ([t.start, t.end, name("person", t.person), code(t.id)] for t in m.tenures_for(post.id)),
            caption="Holders",
        )
    return wrap(f"Post: {post.name_en}", post.id, fields, holders)


def tenure_html(tenure: Tenure, m: Mechanism | None = None) -> str:
    """A tenure: who, which post, from and to (as the sources give them), how it began and ended."""
    name = Names(m)
    fields = field_table(
        [
            ("person", name("person", tenure.person)),
            ("post", name("post", tenure.post)),
            ("from", tenure.start if tenure.start is not None else "unknown"),
            ("to (first day out)", tenure.end if tenure.end is not None else "no end known"),
            ("acting at first", "yes" if tenure.acting else None),
            ("confirmed", tenure.confirmed),
            ("attested", lines(tenure.attested)),
            ("how it began", tenure.how_started),
            ("how it ended", tenure.how_ended),
            *sourcing(tenure),
        ]
    )
    return wrap("Tenure", tenure.id, fields)


def person_html(person: Person, m: Mechanism | None = None) -> str:
    """A person: names, aliases with where they come from, identifiers, sources; with the mechanism, posts and meetings."""
    fields = field_table(
        [
            ("name", person.name_en),
            ("Chinese name", person.name_zh),
            ("aliases", lines(a.name + (f" ({a.note})" if a.note else "") for a in person.aliases)),
            ("identifiers", lines(f"{i.scheme}: {i.value}" for i in person.identifiers)),
            *sourcing(person),
        ]
    )
    parts = [fields]
    if m is not None:
        name = Names(m)
        parts.append(
            table(
                ["from", "to", "post"],
                ([t.start, t.end, name("post", t.post)] for t in m.tenures_of(person)),
                caption="Posts",
            )
        )
        attended = [(x, a) for x in m.meetings for a in x.attendees if a.person == person.id]
        parts.append(
            table(
                ["date", "meeting", "as"],
                ([x.date, name("meeting", x.id), name("post", a.post) if a.post else a.role] for x, a in attended),
                caption="Meetings attended",
            )
        )
    return wrap(f"Person: {person.name_en}", person.id, *parts)


def meeting_html(meeting: Meeting, m: Mechanism | None = None) -> str:
    """A meeting: when, where, who hosted, its theme, attendees (by name with the mechanism), outcomes, sources."""
    name = Names(m)
    when = str(meeting.date) + (f" to {meeting.end_date}" if meeting.end_date else "")
    next_host = (
        f"{meeting.next_host} ({meeting.next_host_year})" if meeting.next_host and meeting.next_host_year else None
    )
    fields = field_table(
        [
            ("body", name("body", meeting.body)),
            ("date", when),
            ("host", name("member", meeting.host)),
            ("city", meeting.city),
            ("name", meeting.name_en),
            ("Chinese name", meeting.name_zh),
            ("theme", meeting.theme_en),
            ("Chinese theme", meeting.theme_zh),
            ("edition", meeting.edition),
            ("outcomes", lines(meeting.outcomes)),
            ("plans adopted", Raw("<br>".join(cell(name("plan", p)) for p in meeting.plans_adopted))),
            ("next host", next_host),
            *sourcing(meeting),
        ]
    )
    attendees = table(
        ["person", "post", "role", "note"],
        ([name("person", a.person), a.post, a.role, a.note] for a in meeting.attendees),
        caption="Attendees",
    )
    return wrap(f"Meeting: {meeting.name_en or meeting.id}", meeting.id, fields, attendees)


def plan_html(plan: Plan, m: Mechanism | None = None) -> str:
    """A plan: names, kind, years, adoption and issue, areas, key fields, task counts, sources."""
    name = Names(m)
    years = f"{plan.first_year}-{plan.last_year}" if plan.first_year and plan.last_year else plan.first_year
    fields = field_table(
        [
            ("name", bilingual(plan.name_en, plan.name_zh)),
            ("kind", plan.kind.value),
            ("series", plan.series),
            ("years", years),
            ("adopted", plan.adopted),
            ("adopted at", name("meeting", plan.adopted_at)),
            ("adopted by", plan.adopted_by),
            ("issued", plan.issued),
            ("issued by", name("body", plan.issued_by)),
            ("issuer", plan.issuer),
            ("areas", lines(plan.areas)),
            ("key fields", lines(plan.key_fields)),
            ("area count", plan.area_count),
            ("task count", plan.task_count),
            ("summary", plan.summary),
            *sourcing(plan),
        ]
    )
    return wrap(f"Plan: {plan.name_en}", plan.id, fields)


def source_html(source: Source, m: Mechanism | None = None) -> str:
    """A source: kind, reference (a link when it is a web address), title, publisher, date."""
    ref: Cell = source.ref
    if source.ref.startswith(("https://", "http://")):
        ref = Raw(f'<a href="{escape(source.ref)}" rel="noopener noreferrer">{escape(source.ref)}</a>')
    fields = field_table(
        [
            ("kind", source.kind.value),
            ("reference", ref),
            ("title", source.title),
            ("publisher", source.publisher),
            ("published", source.published),
            ("note", source.note),
        ]
    )
    return wrap(f"Source: {source.title or source.id}", source.id, fields)


Renderer = Callable[[Any, "Mechanism | None"], str]
"""Renders a record, with its mechanism for names beside ids when it is given."""


def _own_html(record: Any, m: Mechanism | None) -> str:
    """The HTML an object makes of itself: a mechanism or a validation report, rendered with the views."""
    return str(record._repr_html_())


_RENDERERS: dict[str, Renderer] = {
    "Member": member_html,
    "Body": body_html,
    "Post": post_html,
    "Tenure": tenure_html,
    "Person": person_html,
    "Meeting": meeting_html,
    "Plan": plan_html,
    "Source": source_html,
    "Mechanism": _own_html,
    "ValidationReport": _own_html,
}
"""Renderers by the name of the yrdmodel class they show (this module imports no record class)."""


def _renderer(record: object) -> Renderer | None:
    for kind in type(record).__mro__:
        if kind.__module__.startswith("yrdmodel.") and kind.__name__ in _RENDERERS:
            return _RENDERERS[kind.__name__]
    return None


def record_html(record: object, m: Mechanism | None = None) -> str:
    """Any record as HTML, with names and related records when the mechanism is given.

    Args:
        record: A member, body, post, tenure, person, meeting, plan, source, mechanism or report.
        m: The mechanism it belongs to, for names beside ids.

    Returns:
        An HTML fragment.
    """
    render = _renderer(record)
    if render is not None:
        return render(record, m)
    declared = getattr(type(record), "__attrs_attrs__", ())  # other attrs records: their fields
    fields = field_table((a.name, getattr(record, a.name)) for a in declared) if declared else escape(repr(record))
    return wrap(type(record).__name__, getattr(record, "id", None), fields)


@attrs.frozen
class Shown:
    """A record with its mechanism, for a notebook: ``m.show(m.person("li-qiang"))``.

    Attributes:
        record: The record.
        m: The mechanism it belongs to.
    """

    record: object
    m: Mechanism

    def _repr_html_(self) -> str:
        return record_html(self.record, self.m)


def show(m: Mechanism, record: object) -> Shown:
    """A record shown with its mechanism: names beside ids, a person's posts, a meeting's attendees by name.

    Args:
        m: The mechanism.
        record: A record of it.
    """
    return Shown(record, m)

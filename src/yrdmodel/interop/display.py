"""HTML for notebooks: every record, a mechanism and a validation report as left-aligned tables.

Records show what they hold (``m.person("li-qiang")`` in a cell); with the mechanism beside them
(``m.show(record)`` or `show`) they also show names beside ids, a person's posts and a
meeting's attendees by name. Long lists fold into ``<details>`` sections. Every value taken from the
data is escaped with `html.escape`, so a name or note can never inject markup.

Examples:
    >>> from yrdmodel import Person
    >>> print(person_html(Person(id="x", name_en="<b>X</b>")))  # doctest: +ELLIPSIS
    <div class="yrdmodel"><h4>Person: &lt;b&gt;X&lt;/b&gt; <code>x</code></h4>...
"""

import html
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs

from yrdmodel.errors import AmbiguousAnswerError, UnknownIdError
from yrdmodel.model.bodies import Body
from yrdmodel.model.mechanism import Mechanism
from yrdmodel.model.meetings import Meeting
from yrdmodel.model.members import Member
from yrdmodel.model.people import Person
from yrdmodel.model.plans import Plan
from yrdmodel.model.posts import Post, Tenure
from yrdmodel.model.sources import Source, Sourced
from yrdmodel.validation.report import ValidationReport
from yrdmodel.views import body_tree, host_years, source_summary, year_ranges

__all__ = [
    "Shown",
    "body_html",
    "mechanism_html",
    "meeting_html",
    "member_html",
    "person_html",
    "plan_html",
    "post_html",
    "record_html",
    "report_html",
    "show",
    "source_html",
    "tenure_html",
]

Cell = object
FOLD_AFTER = 8
"""Tables with more rows than this fold into a collapsed ``<details>`` section."""

_CELL = ' style="text-align:left;vertical-align:top"'


def _e(value: object) -> str:
    return "" if value is None else html.escape(str(value))


class _Raw(str):
    """HTML built here from escaped parts; not escaped again."""

    __slots__ = ()


def _cell(value: Cell) -> str:
    return value if isinstance(value, _Raw) else _e(value)


def _code(value: object) -> _Raw:
    return _Raw(f"<code>{_e(value)}</code>")


def _lines(values: Iterable[object]) -> _Raw:
    return _Raw("<br>".join(_e(v) for v in values))


def _table(header: Sequence[str], rows: Iterable[Sequence[Cell]], *, caption: str | None = None) -> str:
    """A left-aligned table; cells are escaped unless they are `_Raw`; long ones fold."""
    body = ["<tr>" + "".join(f"<td{_CELL}>{_cell(c)}</td>" for c in r) + "</tr>" for r in rows]
    head = "<thead><tr>" + "".join(f"<th{_CELL}>{_e(h)}</th>" for h in header) + "</tr></thead>"
    empty = [f'<tr><td colspan="{len(header)}"{_CELL}><em>none</em></td></tr>']
    table = "<table>" + head + "<tbody>" + "".join(body or empty) + "</tbody></table>"
    if caption is None:
        return table
    if len(body) > FOLD_AFTER:
        return f"<details><summary><strong>{_e(caption)}</strong> ({len(body)})</summary>{table}</details>"
    return f"<p><strong>{_e(caption)}</strong></p>{table}"


def _fields(rows: Iterable[tuple[str, Cell]]) -> str:
    """A two-column table of field names and values, leaving out empty values."""
    kept = [(k, v) for k, v in rows if v not in (None, "", ())]
    return (
        "<table><tbody>"
        + "".join(f"<tr><th{_CELL}>{_e(k)}</th><td{_CELL}>{_cell(v)}</td></tr>" for k, v in kept)
        + "</tbody></table>"
    )


def _sourcing(record: Sourced) -> list[tuple[str, Cell]]:
    return [
        ("sources", _lines(c.source + (f" ({c.note})" if c.note else "") for c in record.sources)),
        ("confidence", record.confidence.value),
        ("note", record.note),
    ]


def _wrap(title: str, record_id: str | None, *parts: str) -> str:
    ident = f" <code>{_e(record_id)}</code>" if record_id else ""
    return f'<div class="yrdmodel"><h4>{_e(title)}{ident}</h4>' + "".join(parts) + "</div>"


def _bilingual(name_en: str | None, name_zh: str | None) -> str | None:
    return f"{name_en} ({name_zh})" if name_en and name_zh else (name_en or name_zh)


class _Names:
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
            return _code(key)
        lookup = {
            "member": self.m.member,
            "body": self.m.body,
            "post": self.m.post,
            "person": self.m.person,
            "meeting": self.m.meeting,
            "plan": self.m.plan,
        }[kind]
        record = self._find(lookup, key)
        name = _bilingual(getattr(record, "name_en", None), getattr(record, "name_zh", None)) if record else None
        return _Raw(f"{_e(name)} {_code(key)}") if name else _code(key)


# Records -----------------------------------------------------------------------------------------


def member_html(member: Member, m: Mechanism | None = None) -> str:
    """A member: names, kind, capital, the history of its membership, sources."""
    history = _table(
        ["since", "status", "event", "sources"],
        ([str(c.since), c.status.value, c.event, ", ".join(x.source for x in c.sources)] for c in member.history),
        caption="Membership",
    )
    fields = _fields(
        [
            ("name", _bilingual(member.name_en, member.name_zh)),
            ("kind", member.kind.value),
            ("capital", member.capital),
            *_sourcing(member),
        ]
    )
    posts = ""
    if m is not None:
        posts = _table(
            ["post", "title"],
            ([_code(p.id), _bilingual(p.name_en, p.name_zh)] for p in m.posts if p.member == member.id),
            caption="Posts",
        )
    return _wrap(f"Member: {member.name_en}", member.id, fields, history, posts)


def body_html(body: Body, m: Mechanism | None = None) -> str:
    """A body: names, kind, tier, parent, dates, seat, counts and (with the mechanism) the bodies under it."""
    name = _Names(m)
    fields = _fields(
        [
            ("name", _bilingual(body.name_en, body.name_zh)),
            ("kind", body.kind.value),
            ("tier", body.tier.value if body.tier else "outside the three tiers"),
            ("part of", name("body", body.parent)),
            ("founded", body.founded),
            ("dissolved", body.dissolved),
            ("seat", body.seat),
            ("description", body.description),
            ("counts", _lines(f"{c.value} as of {c.as_of}" for c in body.counts)),
            *_sourcing(body),
        ]
    )
    under = ""
    if m is not None and m.children(body.id):
        under = _table(
            ["id", "name"],
            ([_code(c.id), _bilingual(c.name_en, c.name_zh)] for c in m.children(body.id)),
            caption="Bodies under it",
        )
    return _wrap(f"Body: {body.name_en}", body.id, fields, under)


def post_html(post: Post, m: Mechanism | None = None) -> str:
    """A post: title, member, body, seats and (with the mechanism) its tenures in order."""
    name = _Names(m)
    fields = _fields(
        [
            ("title", _bilingual(post.name_en, post.name_zh)),
            ("member", name("member", post.member)),
            ("body", name("body", post.body)),
            ("seats", post.seats),
            ("main leader", "yes" if post.main_leader else None),
            *_sourcing(post),
        ]
    )
    holders = ""
    if m is not None:
        holders = _table(
            ["from", "to", "person", "tenure"],
            ([t.start, t.end, name("person", t.person), _code(t.id)] for t in m.tenures_for(post.id)),
            caption="Holders",
        )
    return _wrap(f"Post: {post.name_en}", post.id, fields, holders)


def tenure_html(tenure: Tenure, m: Mechanism | None = None) -> str:
    """A tenure: who, which post, from and to (as the sources give them), how it began and ended."""
    name = _Names(m)
    fields = _fields(
        [
            ("person", name("person", tenure.person)),
            ("post", name("post", tenure.post)),
            ("from", tenure.start if tenure.start is not None else "unknown"),
            ("to (first day out)", tenure.end if tenure.end is not None else "no end known"),
            ("acting at first", "yes" if tenure.acting else None),
            ("confirmed", tenure.confirmed),
            ("attested", _lines(tenure.attested)),
            ("how it began", tenure.how_started),
            ("how it ended", tenure.how_ended),
            *_sourcing(tenure),
        ]
    )
    return _wrap("Tenure", tenure.id, fields)


def person_html(person: Person, m: Mechanism | None = None) -> str:
    """A person: names, aliases with where they come from, identifiers, sources; with the mechanism, posts and meetings."""
    fields = _fields(
        [
            ("name", person.name_en),
            ("Chinese name", person.name_zh),
            ("aliases", _lines(a.name + (f" ({a.note})" if a.note else "") for a in person.aliases)),
            ("identifiers", _lines(f"{i.scheme}: {i.value}" for i in person.identifiers)),
            *_sourcing(person),
        ]
    )
    parts = [fields]
    if m is not None:
        name = _Names(m)
        parts.append(
            _table(
                ["from", "to", "post"],
                ([t.start, t.end, name("post", t.post)] for t in m.tenures_of(person)),
                caption="Posts",
            )
        )
        attended = [(x, a) for x in m.meetings for a in x.attendees if a.person == person.id]
        parts.append(
            _table(
                ["date", "meeting", "as"],
                ([x.date, name("meeting", x.id), name("post", a.post) if a.post else a.role] for x, a in attended),
                caption="Meetings attended",
            )
        )
    return _wrap(f"Person: {person.name_en}", person.id, *parts)


def meeting_html(meeting: Meeting, m: Mechanism | None = None) -> str:
    """A meeting: when, where, who hosted, its theme, attendees (by name with the mechanism), outcomes, sources."""
    name = _Names(m)
    when = str(meeting.date) + (f" to {meeting.end_date}" if meeting.end_date else "")
    next_host = (
        f"{meeting.next_host} ({meeting.next_host_year})" if meeting.next_host and meeting.next_host_year else None
    )
    fields = _fields(
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
            ("outcomes", _lines(meeting.outcomes)),
            ("plans adopted", _Raw("<br>".join(_cell(name("plan", p)) for p in meeting.plans_adopted))),
            ("next host", next_host),
            *_sourcing(meeting),
        ]
    )
    attendees = _table(
        ["person", "post", "role", "note"],
        ([name("person", a.person), a.post, a.role, a.note] for a in meeting.attendees),
        caption="Attendees",
    )
    return _wrap(f"Meeting: {meeting.name_en or meeting.id}", meeting.id, fields, attendees)


def plan_html(plan: Plan, m: Mechanism | None = None) -> str:
    """A plan: names, kind, years, adoption and issue, areas, key fields, task counts, sources."""
    name = _Names(m)
    years = f"{plan.first_year}-{plan.last_year}" if plan.first_year and plan.last_year else plan.first_year
    fields = _fields(
        [
            ("name", _bilingual(plan.name_en, plan.name_zh)),
            ("kind", plan.kind.value),
            ("series", plan.series),
            ("years", years),
            ("adopted", plan.adopted),
            ("adopted at", name("meeting", plan.adopted_at)),
            ("adopted by", plan.adopted_by),
            ("issued", plan.issued),
            ("issued by", name("body", plan.issued_by)),
            ("issuer", plan.issuer),
            ("areas", _lines(plan.areas)),
            ("key fields", _lines(plan.key_fields)),
            ("area count", plan.area_count),
            ("task count", plan.task_count),
            ("summary", plan.summary),
            *_sourcing(plan),
        ]
    )
    return _wrap(f"Plan: {plan.name_en}", plan.id, fields)


def source_html(source: Source, m: Mechanism | None = None) -> str:
    """A source: kind, reference (a link when it is a web address), title, publisher, date."""
    ref: Cell = source.ref
    if source.ref.startswith(("https://", "http://")):
        ref = _Raw(f'<a href="{_e(source.ref)}" rel="noopener noreferrer">{_e(source.ref)}</a>')
    fields = _fields(
        [
            ("kind", source.kind.value),
            ("reference", ref),
            ("title", source.title),
            ("publisher", source.publisher),
            ("published", source.published),
            ("note", source.note),
        ]
    )
    return _wrap(f"Source: {source.title or source.id}", source.id, fields)


# The mechanism and reports -----------------------------------------------------------------------


def mechanism_html(m: Mechanism) -> str:
    """A compact mechanism: counts, members, symposium hosts by year (with gaps), bodies and sources folded.

    Args:
        m: The mechanism.

    Returns:
        An HTML fragment.
    """
    name = _Names(m)
    names = ("members", "all_bodies", "posts", "people", "tenures", "meetings", "plans", "sources")
    counts = _table([x.replace("all_", "") for x in names], [[len(getattr(m, x)) for x in names]])
    members = _table(
        ["member", "kind", "membership"],
        (
            [name("member", x.id), x.kind.value, _lines(f"{c.since}: {c.status.value}" for c in x.history)]
            for x in m.members
        ),
        caption="Members",
    )
    rows = host_years(m)
    hosts = _table(
        ["year", "date", "host", "city", "rotation expects", ""],
        (
            [
                r.year,
                r.date,
                name("member", r.host),
                r.city,
                r.expected,
                "gap: none recorded" if r.gap else ("deviation" if r.deviation else ""),
            ]
            for r in rows
        ),
        caption="Symposia by year",
    )

    def tree_rows(nodes: Sequence[Any], depth: int = 0) -> Iterable[list[Cell]]:
        for n in nodes:
            tier = n.body.tier.value if n.body.tier else "related"
            yield [tier, _Raw("&nbsp;&nbsp;" * depth + _code(n.body.id)), _bilingual(n.body.name_en, n.body.name_zh)]
            yield from tree_rows(n.children, depth + 1)

    bodies = _table(["tier", "id", "name"], tree_rows(body_tree(m)), caption="Bodies by tier")
    summary = source_summary(m)
    sources = _fields(
        [
            ("sources by kind", ", ".join(f"{k.value} {n}" for k, n in summary.by_kind)),
            ("records by confidence", ", ".join(f"{c} {n}" for c, n in summary.records_by_confidence)),
            ("no symposium recorded", year_ranges([r.year for r in rows if r.gap])),
        ]
    )
    title = _bilingual(m.name_en, m.name_zh) or m.name_en
    as_of = f"<p>Data as of {_e(m.as_of)}.</p>" if m.as_of else ""
    return _wrap(title, None, as_of, counts, members, hosts, bodies, sources)


def report_html(report: ValidationReport) -> str:
    """A validation report: a verdict line and one row per finding, errors first.

    Args:
        report: The report.

    Returns:
        An HTML fragment.
    """
    if not report.findings:
        verdict = "valid: no findings"
    else:
        verdict = f"{'valid' if report.ok else 'invalid'}: {len(report.errors)} errors, {len(report.warnings)} warnings"
    findings = _table(
        ["severity", "code", "message", "ids", "possible"],
        (
            [f.severity.value, _code(f.code), f.message, ", ".join(f.ids), "possible" if f.possible else ""]
            for f in report.findings
        ),
        caption="Findings",
    )
    return _wrap("Validation report", None, f"<p><strong>{_e(verdict)}</strong></p>", findings)


_RENDERERS: dict[type, Callable[[Any, Mechanism | None], str]] = {
    Member: member_html,
    Body: body_html,
    Post: post_html,
    Tenure: tenure_html,
    Person: person_html,
    Meeting: meeting_html,
    Plan: plan_html,
    Source: source_html,
}


def record_html(record: object, m: Mechanism | None = None) -> str:
    """Any record as HTML, with names and related records when the mechanism is given.

    Args:
        record: A member, body, post, tenure, person, meeting, plan, source, mechanism or report.
        m: The mechanism it belongs to, for names beside ids.

    Returns:
        An HTML fragment.
    """
    if isinstance(record, Mechanism):
        return mechanism_html(record)
    if isinstance(record, ValidationReport):
        return report_html(record)
    for kind in type(record).__mro__:
        if kind in _RENDERERS:
            return _RENDERERS[kind](record, m)
    declared = getattr(type(record), "__attrs_attrs__", ())  # other attrs records: their fields
    fields = _fields((a.name, getattr(record, a.name)) for a in declared) if declared else _e(repr(record))
    return _wrap(type(record).__name__, getattr(record, "id", None), fields)


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

"""HTML for notebooks: Jupyter shows a mechanism, meeting, person or validation report as tables.

The model's ``_repr_html_`` methods call these functions; call them yourself to embed the
HTML elsewhere. Every value taken from the data is escaped with `html.escape`, so a
name or note can never inject markup.

Examples:
    >>> from yrdmodel import Person
    >>> print(person_html(Person(id="x", name_en="<b>X</b>")))  # doctest: +ELLIPSIS
    <div class="yrdmodel"><h4>Person: &lt;b&gt;X&lt;/b&gt; <code>x</code></h4>...
"""

import html
from collections.abc import Iterable, Sequence

from yrdmodel.model.bodies import Tier
from yrdmodel.model.mechanism import Mechanism
from yrdmodel.model.meetings import Meeting
from yrdmodel.model.people import Person
from yrdmodel.model.sources import Sourced
from yrdmodel.validation.report import ValidationReport

__all__ = ["mechanism_html", "meeting_html", "person_html", "report_html"]

Cell = object


def _e(value: object) -> str:
    return "" if value is None else html.escape(str(value))


def _table(header: Sequence[str], rows: Iterable[Sequence[Cell]], *, caption: str | None = None) -> str:
    """A table; cells are escaped unless they are `_Raw`."""
    parts = ["<table>"]
    if caption:
        parts.append(f"<caption>{_e(caption)}</caption>")
    parts.append("<thead><tr>" + "".join(f"<th>{_e(h)}</th>" for h in header) + "</tr></thead><tbody>")
    body = ["<tr>" + "".join(f"<td>{_cell(c)}</td>" for c in r) + "</tr>" for r in rows]
    parts.extend(body or [f'<tr><td colspan="{len(header)}"><em>none</em></td></tr>'])
    parts.append("</tbody></table>")
    return "".join(parts)


def _fields(rows: Iterable[tuple[str, Cell]]) -> str:
    """A two-column table of field names and values, leaving out empty values."""
    kept = [(k, v) for k, v in rows if v not in (None, "", ())]
    return (
        "<table><tbody>"
        + "".join(f"<tr><th>{_e(k)}</th><td>{_cell(v)}</td></tr>" for k, v in kept)
        + "</tbody></table>"
    )


class _Raw(str):
    """HTML built here from escaped parts; not escaped again."""

    __slots__ = ()


def _cell(value: Cell) -> str:
    return value if isinstance(value, _Raw) else _e(value)


def _code(value: object) -> _Raw:
    return _Raw(f"<code>{_e(value)}</code>")


def _lines(values: Iterable[object]) -> _Raw:
    return _Raw("<br>".join(_e(v) for v in values))


def _sourcing(record: Sourced) -> list[tuple[str, Cell]]:
    return [
        ("sources", _lines(c.source + (f" ({c.note})" if c.note else "") for c in record.sources)),
        ("confidence", record.confidence.value),
        ("note", record.note),
    ]


def _wrap(title: str, record_id: str | None, *parts: str) -> str:
    ident = f" <code>{_e(record_id)}</code>" if record_id else ""
    return f'<div class="yrdmodel"><h4>{_e(title)}{ident}</h4>' + "".join(parts) + "</div>"


def mechanism_html(m: Mechanism) -> str:
    """A mechanism: record counts, members, the bodies of each tier, and the symposium hosts by year.

    Args:
        m: The mechanism.

    Returns:
        An HTML fragment.
    """
    counts = _table(
        ["members", "bodies", "posts", "people", "tenures", "meetings", "plans", "sources"],
        [
            [
                len(m.members),
                len(m.all_bodies),
                len(m.posts),
                len(m.people),
                len(m.tenures),
                len(m.meetings),
                len(m.plans),
                len(m.sources),
            ]
        ],
    )
    members = _table(
        ["id", "name", "Chinese", "kind", "membership"],
        (
            [
                _code(x.id),
                x.name_en,
                x.name_zh,
                x.kind.value,
                _lines(f"{c.since}: {c.status.value}" for c in x.history),
            ]
            for x in m.members
        ),
        caption="Members",
    )
    tiers = [(tier.value, m.bodies(tier)) for tier in Tier]
    tiers.append(("related", tuple(b for b in m.all_bodies if b.tier is None)))
    bodies = _table(
        ["tier", "id", "name", "Chinese", "kind", "part of"],
        ([tier, _code(b.id), b.name_en, b.name_zh, b.kind.value, b.parent] for tier, found in tiers for b in found),
        caption="Bodies by tier",
    )
    expected = m.rotation.host_for if m.rotation is not None else (lambda year: None)
    hosts = _table(
        ["year", "date", "host", "city", "rotation expects"],
        ([s.year, str(s.date), s.host, s.city, expected(s.year)] for s in m.symposia),
        caption="Symposia",
    )
    title = m.name_en + (f" ({m.name_zh})" if m.name_zh else "")
    as_of = f"<p>Data as of {_e(m.as_of)}.</p>" if m.as_of else ""
    return _wrap(title, None, as_of, counts, members, bodies, hosts)


def meeting_html(meeting: Meeting) -> str:
    """A meeting: when, where, who hosted, its theme, attendees, outcomes and sources.

    Args:
        meeting: The meeting.

    Returns:
        An HTML fragment.
    """
    when = str(meeting.date) + (f" to {meeting.end_date}" if meeting.end_date else "")
    next_host = (
        f"{meeting.next_host} ({meeting.next_host_year})" if meeting.next_host and meeting.next_host_year else None
    )
    fields = _fields(
        [
            ("body", _code(meeting.body)),
            ("date", when),
            ("host", meeting.host),
            ("city", meeting.city),
            ("name", meeting.name_en),
            ("Chinese name", meeting.name_zh),
            ("theme", meeting.theme_en),
            ("Chinese theme", meeting.theme_zh),
            ("edition", meeting.edition),
            ("outcomes", _lines(meeting.outcomes)),
            ("plans adopted", _lines(meeting.plans_adopted)),
            ("next host", next_host),
            *_sourcing(meeting),
        ]
    )
    attendees = _table(
        ["person", "post", "role", "note"],
        ([_code(a.person), a.post, a.role, a.note] for a in meeting.attendees),
        caption="Attendees",
    )
    return _wrap(f"Meeting: {meeting.name_en or meeting.id}", meeting.id, fields, attendees)


def person_html(person: Person) -> str:
    """A person as the record holds it: names, aliases with where they come from, identifiers, sources.

    A person record does not know the person's posts; ``m.tenures_of(person)`` does.

    Args:
        person: The person.

    Returns:
        An HTML fragment.
    """
    fields = _fields(
        [
            ("name", person.name_en),
            ("Chinese name", person.name_zh),
            ("aliases", _lines(a.name + (f" ({a.note})" if a.note else "") for a in person.aliases)),
            ("identifiers", _lines(f"{i.scheme}: {i.value}" for i in person.identifiers)),
            *_sourcing(person),
        ]
    )
    return _wrap(f"Person: {person.name_en}", person.id, fields)


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
    )
    return _wrap("Validation report", None, f"<p><strong>{_e(verdict)}</strong></p>", findings)

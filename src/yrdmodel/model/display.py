"""Notebook HTML of what the library works out: a mechanism, rendered from its views, and a validation report.

The records' own HTML, and the helpers both use, are in `yrdmodel.model.html`, beside the records.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from yrdmodel.model.html import Cell, Names, Raw, bilingual, code, escape, field_table, lines, table, wrap
from yrdmodel.model.schema import summarised
from yrdmodel.model.views import body_tree, host_years, source_summary, year_ranges

if TYPE_CHECKING:
    from yrdmodel.model.mechanism import Mechanism
    from yrdmodel.validation.report import ValidationReport

__all__ = ["mechanism_html", "report_html"]


def mechanism_html(m: Mechanism) -> str:
    """A compact mechanism: counts, members, symposium hosts by year (with gaps), bodies and sources folded.

    Args:
        m: The mechanism.

    Returns:
        An HTML fragment.
    """
    name = Names(m)
    kept = summarised(type(m))
    counts = table([c.key for c in kept], [[len(getattr(m, c.field)) for c in kept]])
    members = table(
        ["member", "kind", "membership"],
        (
            [name("member", x.id), x.kind.value, lines(f"{c.since}: {c.status.value}" for c in x.history)]
            for x in m.members
        ),
        caption="Members",
    )
    rows = host_years(m)
    hosts = table(
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
            yield [tier, Raw("&nbsp;&nbsp;" * depth + code(n.body.id)), bilingual(n.body.name_en, n.body.name_zh)]
            yield from tree_rows(n.children, depth + 1)

    bodies = table(["tier", "id", "name"], tree_rows(body_tree(m)), caption="Bodies by tier")
    summary = source_summary(m)
    sources = field_table(
        [
            ("sources by kind", ", ".join(f"{k.value} {n}" for k, n in summary.by_kind)),
            ("records by confidence", ", ".join(f"{c} {n}" for c, n in summary.records_by_confidence)),
            ("no symposium recorded", year_ranges([r.year for r in rows if r.gap])),
        ]
    )
    title = bilingual(m.name_en, m.name_zh) or m.name_en
    as_of = f"<p>Data as of {escape(m.as_of)}.</p>" if m.as_of else ""
    return wrap(title, None, as_of, counts, members, hosts, bodies, sources)


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
    findings = table(
        ["severity", "code", "message", "ids", "possible"],
        (
            [f.severity.value, code(f.code), f.message, ", ".join(f.ids), "possible" if f.possible else ""]
            for f in report.findings
        ),
        caption="Findings",
    )
    return wrap("Validation report", None, f"<p><strong>{escape(verdict)}</strong></p>", findings)

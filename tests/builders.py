"""Builders of small records for the tests: one way to write a tenure, a date or a citation."""

from yrdmodel import Citation, PartialDate, Tenure

D = PartialDate.parse
"""A partial date from its text (``D("2018-05")``)."""

CITE = (Citation("seed-000"),)
"""A citation for records whose source does not matter to the test."""


def tenure(
    post: str,
    person: str,
    start: str | None,
    end: str | None = None,
    *,
    sources: tuple[Citation, ...] = CITE,
    **kw: object,
) -> Tenure:
    """A tenure of ``person`` in ``post`` from ``start`` to ``end`` (dates as text; None for unknown)."""
    return Tenure(
        post=post,
        person=person,
        start=D(start) if start else None,
        end=D(end) if end else None,
        sources=sources,
        **kw,  # type: ignore[arg-type]
    )

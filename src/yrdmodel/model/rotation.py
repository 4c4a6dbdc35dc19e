"""Rotating hosts: a rule (an order of members repeated from an anchor year) plus dated exceptions."""

import enum
from collections.abc import Iterable, Mapping

import attrs

from yrdmodel.model.schema import refers
from yrdmodel.model.sources import Sourced, check_id, check_ids, check_optional_id

__all__ = ["Deviation", "ExceptionKind", "RotationException", "RotationPolicy"]


class ExceptionKind(enum.Enum):
    """How a year departs from the rotation rule."""

    SKIPPED = "skipped"
    """No meeting was held that year."""
    POSTPONED = "postponed"
    """The year's meeting was put off beyond the year."""
    SWAPPED = "swapped"
    """Another member hosts that year (typically two members trade turns)."""


MIN_YEAR, MAX_YEAR = 1, 9999
"""The years a rotation may name: those of a `PartialDate`."""
MAX_INTERVAL = 100
"""The most years a rotation may declare between meetings."""


def _check_year(record: object, attribute: object, year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(f"a rotation's years are {MIN_YEAR}-{MAX_YEAR}, not {year}")


@attrs.frozen(kw_only=True)
class RotationException(Sourced):
    """A year in which the host differs from the rule; it changes only its own year.

    Attributes:
        year: The year concerned.
        kind: How the year departs from the rule.
        host: Who hosts that year instead; None when no meeting is held.
    """

    year: int = attrs.field(validator=_check_year)
    kind: ExceptionKind
    host: str | None = attrs.field(default=None, validator=check_optional_id, metadata=refers("members"))

    def __attrs_post_init__(self) -> None:
        if self.kind is ExceptionKind.SWAPPED and self.host is None:
            raise ValueError(f"a swapped year ({self.year}) needs the host that takes it")


@attrs.frozen
class Deviation:
    """A year whose actual host is not the one the rotation policy expects.

    Attributes:
        year: The year.
        expected: The member id the policy expects (None: no meeting expected).
        actual: The member id that hosted.
    """

    year: int
    expected: str | None
    actual: str


def _check_order(
    policy: "RotationPolicy", attribute: "attrs.Attribute[tuple[str, ...]]", order: tuple[str, ...]
) -> None:
    check_ids(policy, attribute, order)
    if not order:
        raise ValueError("a rotation needs at least one member")
    if len(set(order)) != len(order):
        raise ValueError(f"a member appears twice in the rotation order {order}")


def _check_exceptions(
    policy: "RotationPolicy",
    attribute: "attrs.Attribute[tuple[RotationException, ...]]",
    value: tuple[RotationException, ...],
) -> None:
    years = [e.year for e in value]
    if len(set(years)) != len(years):
        raise ValueError("two rotation exceptions for the same year")


@attrs.frozen(kw_only=True)
class RotationPolicy(Sourced):
    """Who is expected to host a body's meeting in a year.

    The rule: ``order[0]`` hosts in ``anchor_year``, the next member ``interval`` years
    later, and so on round the order, for the years from ``since`` to ``until``.
    An exception overrides the rule for its own year only.

    Attributes:
        body: The body whose meetings rotate.
        order: Member ids in hosting order.
        anchor_year: A year in which ``order[0]`` hosts (years are 1-9999, as in dates).
        interval: Years between meetings: 1 for a yearly meeting, at most 100.
        since: First year the rule governs; earlier meetings are outside it, not deviations.
        until: Last year the rule governs, if it ended.
        exceptions: Years in which the host differs from the rule.

    Examples:
        >>> p = RotationPolicy(body="symposium", order=("shanghai", "anhui", "zhejiang", "jiangsu"),
        ...                    anchor_year=2018, since=2018)
        >>> p.host_for(2026), p.period
        ('shanghai', 4)
    """

    body: str = attrs.field(validator=check_id, metadata=refers("all_bodies"))
    order: tuple[str, ...] = attrs.field(validator=_check_order, metadata=refers("members"))
    anchor_year: int = attrs.field(validator=_check_year)
    interval: int = attrs.field(default=1, validator=[attrs.validators.ge(1), attrs.validators.le(MAX_INTERVAL)])
    since: int | None = attrs.field(default=None, validator=attrs.validators.optional(_check_year))
    until: int | None = attrs.field(default=None, validator=attrs.validators.optional(_check_year))
    exceptions: tuple[RotationException, ...] = attrs.field(default=(), validator=_check_exceptions)

    @property
    def period(self) -> int:
        """Years in one full round of the order."""
        return len(self.order) * self.interval

    @property
    def first_year(self) -> int:
        """The first year the policy governs (``since``, or the anchor year)."""
        return self.anchor_year if self.since is None else self.since

    def governs(self, year: int) -> bool:
        """Whether ``year`` is within the span of years the policy governs."""
        return self.first_year <= year and (self.until is None or year <= self.until)

    def scheduled(self, year: int) -> str | None:
        """The host the rule alone gives for ``year`` (exceptions ignored); None off the interval."""
        if not self.governs(year):
            return None
        steps, offset = divmod(year - self.anchor_year, self.interval)
        return None if offset else self.order[steps % len(self.order)]

    def exception_for(self, year: int) -> RotationException | None:
        """The exception declared for ``year``, if any."""
        return next((e for e in self.exceptions if e.year == year), None)

    def host_for(self, year: int) -> str | None:
        """The member id expected to host in ``year``, exceptions included.

        Returns None for a year the policy does not govern, a year off the interval, and a
        year whose exception says no meeting is held.
        """
        return self._host(year, self.exception_for(year))

    def hosts_for(self, years: Iterable[int]) -> dict[int, str | None]:
        """`host_for` of many years at once, in time linear in the years and the exceptions."""
        by_year = {e.year: e for e in self.exceptions}
        return {year: self._host(year, by_year.get(year)) for year in years}

    def _host(self, year: int, exception: RotationException | None) -> str | None:
        if not self.governs(year):
            return None
        return exception.host if exception is not None else self.scheduled(year)

    def next_after(self, year: int) -> tuple[int, str] | None:
        """The first year after ``year`` with an expected host, and that host; None if the policy has ended.

        Worked out from the rule and the exceptions, not by trying year after year.
        """
        candidate = max(year + 1, self.first_year)
        scheduled = candidate + (self.anchor_year - candidate) % self.interval  # the rule's next year
        for exception in sorted((e for e in self.exceptions if e.year >= candidate), key=lambda e: e.year):
            if exception.year > scheduled:
                break
            if exception.host is not None:
                return self._within(exception.year, exception.host)
            if exception.year == scheduled:  # no meeting that year: the rule's next turn
                scheduled += self.interval
        host = self.scheduled(scheduled) if self.governs(scheduled) else None
        return None if host is None else self._within(scheduled, host)

    def _within(self, year: int, host: str) -> tuple[int, str] | None:
        return None if self.until is not None and year > self.until else (year, host)

    def deviations(self, actual: Mapping[int, str] | Iterable[tuple[int, str]]) -> tuple[Deviation, ...]:
        """Compare actual hosts (year to member id) with the policy; years it does not govern are skipped."""
        pairs = sorted(actual.items() if isinstance(actual, Mapping) else actual)
        expected = self.hosts_for(year for year, _ in pairs)
        return tuple(
            Deviation(year, expected[year], host)
            for year, host in pairs
            if self.governs(year) and expected[year] != host
        )

"""Findings and the report that :meth:`~yrdmodel.Mechanism.validate` returns."""

import enum
from collections.abc import Iterable, Iterator

import attrs

__all__ = ["Finding", "Severity", "ValidationReport"]


class Severity(enum.Enum):
    """How serious a finding is."""

    ERROR = "error"
    """The data contradicts itself or the mechanism's rules."""
    WARNING = "warning"
    """Worth a look: a departure from a rule that may be real, or a problem that only might hold."""


@attrs.frozen
class Finding:
    """One problem found in a mechanism.

    Attributes:
        code: Stable code of the rule (``"tenure-overlap"``); see the validation docs for every code.
        severity: Error or warning. A finding that only might hold is never an error.
        message: What is wrong, in a sentence.
        ids: The ids of the records involved.
        possible: True when partial or unknown dates leave it open whether the problem is real.
    """

    code: str
    severity: Severity
    message: str
    ids: tuple[str, ...] = ()
    possible: bool = False

    def __str__(self) -> str:
        maybe = " (possible)" if self.possible else ""
        return f"{self.severity.value}{maybe} [{self.code}] {self.message}"


def _sorted(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(findings, key=lambda f: (f.severity is not Severity.ERROR, f.code, f.ids)))


@attrs.frozen
class ValidationReport:
    """The findings of one validation run.

    Attributes:
        findings: Every finding, errors first.
    """

    findings: tuple[Finding, ...] = attrs.field(converter=_sorted)

    @property
    def ok(self) -> bool:
        """True when there are no errors (warnings may remain)."""
        return not self.errors

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings of severity error."""
        return self.filter(severity=Severity.ERROR).findings

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The findings of severity warning."""
        return self.filter(severity=Severity.WARNING).findings

    @property
    def codes(self) -> frozenset[str]:
        """The codes that occur."""
        return frozenset(f.code for f in self.findings)

    def filter(
        self, *, code: str | None = None, severity: Severity | None = None, possible: bool | None = None
    ) -> "ValidationReport":
        """A report with only the findings of one code, severity and/or certainty."""
        return ValidationReport(
            f
            for f in self.findings
            if (code is None or f.code == code)
            and (severity is None or f.severity is severity)
            and (possible is None or f.possible == possible)
        )

    def _repr_html_(self) -> str:
        from yrdmodel.interop.display import report_html

        return report_html(self)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def __str__(self) -> str:
        if not self.findings:
            return "valid: no findings"
        head = f"{'valid' if self.ok else 'invalid'}: {len(self.errors)} errors, {len(self.warnings)} warnings"
        return "\n".join([head, *(f"  {f}" for f in self.findings)])

"""Findings and the report that [`validate`][yrdmodel.Mechanism.validate] returns."""

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
        code: Stable code of the rule (``"tenure-overlap"``); `yrdmodel.validation.rules.CODES`
            lists every code with its meaning.
        severity: Error or warning. A finding that only might hold is never an error.
        message: What is wrong, in a sentence.
        ids: The ids of the records involved, the record the finding is about first. Tenures
            are named by `Tenure.id <yrdmodel.Tenure.id>`; a record without an id (the
            rotation policy) by its path.
        possible: True when partial or unknown dates leave it open whether the problem is real.
        path: Where in the data the problem is (``$.tenures[3].person``), for findings about one field.
    """

    code: str
    severity: Severity
    message: str
    ids: tuple[str, ...] = ()
    possible: bool = False
    path: str | None = None

    def __str__(self) -> str:
        maybe = " (possible)" if self.possible else ""
        return f"{self.severity.value}{maybe} [{self.code}] {self.message}"


def _sorted(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(findings, key=lambda f: (f.severity is not Severity.ERROR, f.code, f.ids, f.message)))


@attrs.frozen
class ValidationReport:
    """The findings of one validation run.

    ``ok`` is true when there is no error; warnings (departures from the rotation, gaps
    between plans, problems that only might hold) do not make a mechanism invalid.

    Attributes:
        findings: Every finding, errors first, then by code and ids.

    Examples:
        >>> report = ValidationReport([Finding("missing-source", Severity.ERROR, "li-qiang cites no source", ("li-qiang",))])
        >>> report.ok, len(report.filter(code="missing-source")), len(report.warnings)
        (False, 1, 0)
        >>> print(report)
        invalid: 1 error, 0 warnings
          error [missing-source] li-qiang cites no source
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
        self,
        *,
        code: str | None = None,
        severity: Severity | None = None,
        possible: bool | None = None,
        involving: str | None = None,
    ) -> "ValidationReport":
        """A report with only the findings that match every criterion given.

        Args:
            code: Keep findings of this code.
            severity: Keep findings of this severity.
            possible: Keep only possible (True) or only definite (False) findings.
            involving: Keep findings whose ids include this id.

        Returns:
            A new report.
        """
        return ValidationReport(
            f
            for f in self.findings
            if (code is None or f.code == code)
            and (severity is None or f.severity is severity)
            and (possible is None or f.possible == possible)
            and (involving is None or involving in f.ids)
        )

    def _repr_html_(self) -> str:
        from yrdmodel.model.display import report_html

        return report_html(self)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def __str__(self) -> str:
        if not self.findings:
            return "valid: no findings"
        errors, warnings = len(self.errors), len(self.warnings)
        head = (
            f"{'valid' if self.ok else 'invalid'}: {errors} error{'s' * (errors != 1)}, "
            f"{warnings} warning{'s' * (warnings != 1)}"
        )
        return "\n".join([head, *(f"  {f}" for f in self.findings)])

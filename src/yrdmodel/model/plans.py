"""Plans the mechanism adopts: action plans, the Outline, work plans."""

import enum

import attrs

from yrdmodel.model.dates import PartialDate
from yrdmodel.model.schema import refers
from yrdmodel.model.sources import Sourced, check_id, check_optional_id

__all__ = ["Plan", "PlanEvent", "PlanKind", "PlanStage"]


class PlanKind(enum.Enum):
    """The kinds of plan."""

    THREE_YEAR_ACTION = "three_year_action"
    """A Three-Year Action Plan for YRD Integrated Development."""
    OUTLINE = "outline"
    """The national Outline of the YRD Regional Integration Development Plan."""
    ANNUAL_WORK = "annual_work"
    """A year's work plan (with its key cooperation item list)."""
    WORK_PRIORITIES = "work_priorities"
    """A list of near-term work priorities."""
    OVERALL = "overall"
    """An overall plan for one body or area (e.g. the Demonstration Zone)."""
    IMPLEMENTATION = "implementation"
    """An implementation plan, e.g. for strengthening the Cooperation Office."""


class PlanStage(enum.Enum):
    """How far a plan has gone, as a source reports it; later stages come after earlier ones."""

    REVIEWED = "reviewed"
    """A meeting reviewed (审议) it; the source does not say it was approved."""
    ADOPTED_IN_PRINCIPLE = "adopted_in_principle"
    """A meeting reviewed and approved it in principle (审议并原则通过)."""
    ADOPTED = "adopted"
    """It was adopted or approved (通过, 批准)."""
    ISSUED = "issued"
    """It was issued or released (印发, 发布)."""

    @property
    def rank(self) -> int:
        """The stage's place in the order reviewed < adopted in principle < adopted < issued."""
        return _STAGES.index(self)


_STAGES = tuple(PlanStage)


@attrs.frozen(kw_only=True)
class PlanEvent(Sourced):
    """One step of a plan's status, with the sources that report it.

    Attributes:
        stage: The stage reached.
        date: When, at the precision known.
        meeting: The id of the meeting at which it happened, if one of ours.
        body: The id of our body that took the step (e.g. the office that issued it).
        by: Who took the step, in words, where no meeting or body of ours did.
    """

    stage: PlanStage
    date: PartialDate | None = None
    meeting: str | None = attrs.field(default=None, validator=check_optional_id, metadata=refers("meetings"))
    body: str | None = attrs.field(default=None, validator=check_optional_id, metadata=refers("all_bodies"))
    by: str | None = None


def _check_status(
    plan: "Plan", attribute: "attrs.Attribute[tuple[PlanEvent, ...]]", status: tuple[PlanEvent, ...]
) -> None:
    """Status events come in stage order, and the summary fields agree with them."""
    ranks = [event.stage.rank for event in status]
    if ranks != sorted(ranks):
        raise ValueError("status events must be in stage order: reviewed, adopted in principle, adopted, issued")
    if not status:
        return
    adoption = [e for e in status if e.stage in (PlanStage.ADOPTED_IN_PRINCIPLE, PlanStage.ADOPTED)]
    date, meeting = (adoption[-1].date, adoption[-1].meeting) if adoption else (None, None)
    if (plan.adopted, plan.adopted_at) != (date, meeting):
        raise ValueError(
            f"adopted and adopted_at must be the date and meeting of the adoption in status ({date}, {meeting})"
        )
    issuing = [e for e in status if e.stage is PlanStage.ISSUED]
    date = issuing[-1].date if issuing else None
    if plan.issued != date:
        raise ValueError(f"issued must be the date of the issuing in status ({date})")


def _check_years(plan: "Plan", attribute: "attrs.Attribute[int | None]", last: int | None) -> None:
    if last is not None and plan.first_year is not None and last < plan.first_year:
        raise ValueError(f"last_year {last} is before first_year {plan.first_year}")


@attrs.frozen(kw_only=True)
class Plan(Sourced):
    """A plan adopted by the mechanism or issued for it.

    Attributes:
        id: Stable slug, e.g. ``"three-year-action.2021"``.
        name_en: English title.
        name_zh: Chinese title.
        kind: What kind of plan it is.
        series: Id of the series it belongs to; successive plans of a series should neither
            overlap nor leave a gap.
        first_year: First year the plan covers.
        last_year: Last year the plan covers (inclusive).
        adopted: When it was adopted or approved.
        adopted_at: The id of the meeting that adopted it, if one did.
        adopted_by: Who adopted it, in words, where no meeting of the mechanism did.
        issued: When it was issued.
        issued_by: The id of the body that issued it, if it is one of ours.
        issuer: Who issued it, in words.
        areas: Its areas of cooperation.
        key_fields: Its key fields.
        area_count: How many areas it has, where only the number is known.
        task_count: How many tasks it sets.
        summary: What it covers, in a few sentences.
        status: The steps the sources report, in stage order, each with its date, meeting and
            sources. ``adopted``/``adopted_at`` summarize the adoption (in principle included) and
            ``issued``/``issued_by`` the issuing; a plan a meeting only reviewed has no ``adopted``.
    """

    id: str = attrs.field(validator=check_id)
    name_en: str
    name_zh: str | None = None
    kind: PlanKind
    series: str | None = attrs.field(default=None, validator=check_optional_id)
    first_year: int | None = None
    last_year: int | None = attrs.field(default=None, validator=_check_years)
    adopted: PartialDate | None = None
    adopted_at: str | None = attrs.field(default=None, validator=check_optional_id, metadata=refers("meetings"))
    adopted_by: str | None = None
    issued: PartialDate | None = None
    issued_by: str | None = attrs.field(default=None, validator=check_optional_id, metadata=refers("all_bodies"))
    issuer: str | None = None
    areas: tuple[str, ...] = ()
    key_fields: tuple[str, ...] = ()
    area_count: int | None = None
    task_count: int | None = None
    summary: str | None = None
    status: tuple[PlanEvent, ...] = attrs.field(default=(), validator=_check_status)

    @property
    def stage(self) -> PlanStage | None:
        """The furthest stage the sources report, or None when the plan's status is not recorded."""
        return self.status[-1].stage if self.status else None

    def event(self, stage: PlanStage) -> PlanEvent | None:
        """The recorded step of a stage, or None."""
        return next((e for e in self.status if e.stage is stage), None)

    def in_force(self, year: int) -> bool:
        """Whether ``year`` lies in the plan's period (False when the period is unknown)."""
        if self.first_year is None:
            return False
        return self.first_year <= year <= (self.last_year if self.last_year is not None else self.first_year)

"""The bodies of a mechanism and the tier each belongs to."""

import enum

import attrs

from yrdmodel.model.dates import PartialDate
from yrdmodel.model.schema import refers
from yrdmodel.model.sources import Sourced, check_id, check_optional_id

__all__ = ["Body", "BodyKind", "Count", "Tier"]


class Tier(enum.Enum):
    """The three tiers of the mechanism ("up-down linkage, three-tier operation")."""

    DECISION = "decision"
    """The Main Leaders' Symposium, which decides."""
    COORDINATION = "coordination"
    """The Joint Meeting on Cooperation and Development, which coordinates."""
    EXECUTION = "execution"
    """The joint meeting office, the Regional Cooperation Office and the thematic groups, which execute."""


class BodyKind(enum.Enum):
    """What sort of body a [`Body`][yrdmodel.Body] is."""

    SYMPOSIUM = "symposium"
    """A meeting series of leaders (the main leaders' symposium and the symposia beside it)."""
    JOINT_MEETING = "joint_meeting"
    """A meeting series that coordinates (the joint meeting)."""
    OFFICE = "office"
    """A standing office with staff."""
    GROUP = "group"
    """A thematic cooperation group, or the set of them."""
    FORUM = "forum"
    """A public forum with numbered editions."""
    ALLIANCE = "alliance"
    """An alliance of enterprises or institutions."""
    ZONE = "zone"
    """A territorial body such as a demonstration zone or a corridor."""
    COMPANY = "company"
    """A company set up by the members."""
    COUNCIL = "council"
    """A council or leading group."""
    OTHER = "other"
    """Anything else."""


@attrs.frozen(kw_only=True)
class Count(Sourced):
    """A sourced claim about how many of something there were at a date.

    Attributes:
        value: The number claimed.
        as_of: When the claim held.
    """

    value: int = attrs.field(validator=attrs.validators.ge(0))
    as_of: PartialDate


@attrs.frozen(kw_only=True)
class Body(Sourced):
    """A body of the mechanism, or one related to it.

    Attributes:
        id: Stable slug (``"symposium"``, ``"cooperation-office"``, ``"group.energy"``).
        name_en: English name.
        name_zh: Chinese name, where known.
        kind: What sort of body it is.
        tier: The tier it belongs to; None for related bodies outside the three tiers.
        parent: The id of the body it belongs to, if any.
        founded: When it was set up, at the precision known.
        dissolved: When it ceased, if it did.
        seat: Where it sits.
        description: What it does, in a sentence or two.
        counts: Sourced counts of its parts (e.g. how many thematic groups there were).
    """

    id: str = attrs.field(validator=check_id)
    name_en: str
    name_zh: str | None = None
    kind: BodyKind = BodyKind.OTHER
    tier: Tier | None = None
    parent: str | None = attrs.field(default=None, validator=check_optional_id, metadata=refers("all_bodies"))
    founded: PartialDate | None = None
    dissolved: PartialDate | None = None
    seat: str | None = None
    description: str | None = None
    counts: tuple[Count, ...] = ()

"""The members of a mechanism and the history of their membership."""

import enum

import attrs

from yrdmodel.model.dates import DateLike, PartialDate, Truth, as_date
from yrdmodel.model.people import Identifier
from yrdmodel.model.sources import Sourced, check_id

__all__ = ["Member", "MemberKind", "MembershipChange", "MembershipStatus"]


class MemberKind(enum.Enum):
    """The kind of region a member is; it decides the title of its head of government."""

    MUNICIPALITY = "municipality"
    """A directly administered municipality, headed by a Mayor (Shanghai)."""
    PROVINCE = "province"
    """A province, headed by a Governor."""
    CITY = "city"
    """A city below the province (for mechanisms of cities, such as the G60 corridor), headed by a Mayor."""
    DISTRICT = "district"
    """A district of a city, headed by a District Mayor."""


class MembershipStatus(enum.Enum):
    """A member's standing in the mechanism from a date on."""

    INVITED = "invited"
    """Invited to take part; full membership not (yet) stated."""
    FULL = "full"
    """A full party to the mechanism."""
    LEFT = "left"
    """No longer a party."""


_HEADS = {
    MemberKind.MUNICIPALITY: "Mayor",
    MemberKind.PROVINCE: "Governor",
    MemberKind.CITY: "Mayor",
    MemberKind.DISTRICT: "District Mayor",
}


@attrs.frozen(kw_only=True)
class MembershipChange(Sourced):
    """A dated change of a member's status.

    Attributes:
        since: When the status began, at the precision known.
        status: The status from then on.
        event: What happened, in a sentence.
    """

    since: PartialDate
    status: MembershipStatus
    event: str


@attrs.frozen(kw_only=True)
class Member(Sourced):
    """A member region: Shanghai, Jiangsu, Zhejiang or Anhui in the YRD.

    Attributes:
        id: Stable slug (``"anhui"``).
        name_en: English name.
        name_zh: Chinese name.
        kind: Municipality or province.
        capital: Its capital city, where it differs from its name.
        history: Membership changes, oldest first.
        identifiers: Identifiers in other schemes (``wikidata``), where a source shows them.
    """

    id: str = attrs.field(validator=check_id)
    name_en: str
    name_zh: str
    kind: MemberKind
    capital: str | None = None
    history: tuple[MembershipChange, ...] = ()
    identifiers: tuple[Identifier, ...] = ()

    @property
    def head_of_government(self) -> str:
        """The title of the member's head of government: "Governor", "Mayor" or "District Mayor"."""
        return _HEADS[self.kind]

    def status_on(self, on: DateLike) -> MembershipStatus | None:
        """The status in force on a day, or None before the first change.

        A change dated only to a month or year counts from the last day it may be;
        use [`is_member`][yrdmodel.Member.is_member] for the three-valued answer.
        """
        day = as_date(on).toordinal()
        status = None
        for change in self.history:
            if change.since.hi <= day:
                status = change.status
        return status

    def is_member(self, on: DateLike) -> Truth:
        """Whether the member was a full member on a day (MAYBE inside a change's partial date).

        A member without a recorded history counts as a full member on every day.
        """
        if not self.history:
            return Truth.YES
        day = as_date(on).toordinal()
        before = after = False
        for change in self.history:
            full = change.status is MembershipStatus.FULL
            if change.since.hi <= day:
                before = after = full
            elif change.since.lo <= day:
                after = full
        if before == after:
            return Truth.YES if before else Truth.NO
        return Truth.MAYBE

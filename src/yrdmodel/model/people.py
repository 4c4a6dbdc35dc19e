"""People, the names they go by, and their identifiers elsewhere."""

import attrs

from yrdmodel.model.sources import Sourced, check_id

__all__ = ["Alias", "Identifier", "Person"]


@attrs.frozen
class Alias:
    """Another name a person goes by: a variant spelling, or an error found in a source.

    Attributes:
        name: The name as written.
        note: Where the name comes from (a seed, a web copy) and what kind of variant it is.
    """

    name: str
    note: str | None = None


@attrs.frozen
class Identifier:
    """A person's identifier in another scheme.

    Attributes:
        scheme: The scheme, e.g. ``"wikipedia-en"``.
        value: The identifier in that scheme.
    """

    scheme: str
    value: str


@attrs.frozen(kw_only=True)
class Person(Sourced):
    """A person who held a post or attended a meeting.

    Attributes:
        id: Stable slug from the pinyin name (``"li-qiang"``).
        name_en: Name in pinyin, family name first.
        name_zh: Chinese name, where a source gives it.
        aliases: Other names, each with where it comes from.
        identifiers: Identifiers in other schemes.
    """

    id: str = attrs.field(validator=check_id)
    name_en: str
    name_zh: str | None = None
    aliases: tuple[Alias, ...] = ()
    identifiers: tuple[Identifier, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the person is known by: pinyin, Chinese, then aliases."""
        chinese = (self.name_zh,) if self.name_zh else ()
        return (self.name_en, *chinese, *(a.name for a in self.aliases))

    def _repr_html_(self) -> str:
        from yrdmodel.model.html import person_html

        return person_html(self)

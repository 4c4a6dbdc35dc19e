"""Extending the model in a downstream package: merge a second dataset onto the packaged one.

There are two ways to build on yrdmodel, both with the same classes.

**Add records to the YRD mechanism.** Write the new records (a member, a body, a post, people,
tenures, meetings, plans, and the sources they cite) in a JSON or TOML file of the same schema
as [`yrdmodel.dumps`][yrdmodel.dumps] writes, or build them in Python. They may refer to the packaged
records by id: a new tenure of ``"anhui.governor"``, a new thematic group whose ``parent`` is a
packaged body, a meeting of ``"symposium"``. Then::

    import yrdmodel

    extra = yrdmodel.load("g60-extension.toml", check_references=False)  # checked when merged
    m = yrdmodel.merge(yrdmodel.load(), extra)      # a new Mechanism; the packaged one is unchanged
    m.validate()

- a **member**: a [`Member`][yrdmodel.Member] with a new id (and its posts, if it has leaders);
- a **body**: a [`Body`][yrdmodel.Body] with a new id, its ``tier`` (or None for a related
  body) and, for a part of another body, ``parent``;
- a **post**: a [`Post`][yrdmodel.Post] with a new id and its ``member`` or ``body``;
- **records**: people, tenures, meetings, plans and sources with new ids.

A record whose id the base already has is kept once when it is equal in every field, so an
extension may repeat the records it relies on (the sources it cites, say). When it differs in
any field it is a conflict: [`merge`][yrdmodel.merge] raises [`MergeConflictError`][yrdmodel.MergeConflictError] listing
every conflict, and nothing is overwritten. To *change* a packaged record, make the changed copy
yourself (``attrs.evolve``) and build the mechanism you want with it, deliberately.

**Declare another mechanism.** A cooperation mechanism of other members (the nine cities of the
G60 S&T Innovation Corridor, another city region) is a [`Mechanism`][yrdmodel.Mechanism] of its own:
write it as a complete file and read it with [`yrdmodel.load`][yrdmodel.load], or build it in Python. Every
query, [`validate`][yrdmodel.Mechanism.validate], the Popolo export, the frames and the command line
(``yrdmodel --data FILE``) work on it as on the packaged data.

``examples/downstream`` in the yrdmodel repository is a small package that does both.
"""

from typing import Any

import attrs

from yrdmodel.errors import DataError, MergeConflictError, Problem
from yrdmodel.model.dates import PartialDate
from yrdmodel.model.mechanism import Mechanism
from yrdmodel.model.schema import collections

__all__ = ["merge"]

_SHOWN = 60


def merge(base: Mechanism, extra: Mechanism, *more: Mechanism) -> Mechanism:
    """A new mechanism holding the records of ``base`` and of one or more extra datasets.

    Records are matched by id (a tenure by [`id`][yrdmodel.Tenure.id]). A record with a new id
    is added after the base's records of its kind; a record equal to the one with its id is kept
    once; a record that differs from the one with its id is a conflict. The rotation policy and
    the decision body are taken from the base, or from an extra dataset when the base has none (two
    different ones conflict). The name, Chinese name and ``as_of`` date are the base's.

    Args:
        base: The dataset to extend, e.g. ``yrdmodel.load()``.
        extra: The records to add; they may refer to the base's records by id.
        *more: Further datasets, merged in order.

    Returns:
        The merged mechanism. ``base`` and ``extra`` are not changed.

    Raises:
        MergeConflictError: Some ids name different records; ``.conflicts`` lists every one,
            across all the datasets.
        DataError: The merged records refer to ids that neither dataset holds.

    Examples:
        >>> import yrdmodel
        >>> from yrdmodel import Body, Mechanism, Tier
        >>> extra = Mechanism(name_en="One more group",
        ...                   all_bodies=(Body(id="group.low-altitude", name_en="Low-altitude economy group",
        ...                                    tier=Tier.EXECUTION),))
        >>> merged = yrdmodel.merge(yrdmodel.load(), extra)
        >>> merged.body("group.low-altitude").tier.value
        'execution'
    """
    datasets = (extra, *more)
    conflicts: list[str] = []
    fields: dict[str, Any] = {}
    for c in collections(Mechanism):
        records, found = _merge_records(
            c.noun, getattr(base, c.field), [getattr(x, c.field) for x in datasets], len(datasets) > 1
        )
        fields[c.field] = records
        conflicts.extend(found)
    for name in ("rotation", "decision_body"):  # declared once: the base's, or the first dataset's that has one
        value = getattr(base, name)
        for i, x in enumerate(datasets):
            other = getattr(x, name)
            if other is None or other == value:
                continue
            if value is None:
                value = other
            elif name == "rotation":
                conflicts.append(f"rotation{_which(i, len(datasets) > 1)}: {_differences(value, other)}")
            else:
                conflicts.append(f"{name}{_which(i, len(datasets) > 1)}: {_short(value)} vs {_short(other)}")
        fields[name] = value
    if conflicts:
        raise MergeConflictError(conflicts)
    merged = attrs.evolve(base, **fields)
    _check_references(merged)
    return merged


# Helpers ------------------------------------------------------------------------------------------


def _key(record: Any) -> str:
    return str(record.id)


def _which(index: int, several: bool) -> str:
    return f" (extra dataset {index + 1})" if several else ""


def _merge_records(
    noun: str, base: tuple[Any, ...], extras: list[tuple[Any, ...]], several: bool
) -> tuple[tuple[Any, ...], list[str]]:
    records = list(base)
    seen: dict[str, Any] = {}
    for record in base:
        seen.setdefault(_key(record), record)
    conflicts = []
    for i, extra in enumerate(extras):
        for record in extra:
            key = _key(record)
            known = seen.get(key)
            if known is None:
                seen[key] = record
                records.append(record)
            elif known != record:
                conflicts.append(f"{noun} {key}{_which(i, several)}: {_differences(known, record)}")
    return tuple(records), conflicts


def _differences(old: Any, new: Any) -> str:
    """Which fields differ, with both values: ``name_zh differs: '李强' vs '李 强'``."""
    if type(old) is not type(new):
        return "the records differ"
    names = [f.name for f in attrs.fields(type(old)) if f.init and getattr(old, f.name) != getattr(new, f.name)]
    return (
        "; ".join(f"{name} differs: {_short(getattr(old, name))} vs {_short(getattr(new, name))}" for name in names)
        or "the records differ"
    )


def _short(value: Any) -> str:
    text = repr(str(value)) if isinstance(value, PartialDate) else repr(value)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."


def _check_references(m: Mechanism) -> None:
    from yrdmodel.validation.rules import reference_problems

    problems = [Problem(path, message, "reference") for path, message in reference_problems(m)]
    if problems:
        raise DataError(problems, "the merged dataset")

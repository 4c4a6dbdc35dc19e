"""yrd_g60: an example of building on yrdmodel in a package of your own.

It does the two things a downstream package can do with yrdmodel's classes:

- :func:`load` declares **another mechanism**: the YRD G60 Science and Technology Innovation
  Corridor, whose members are its nine cities (``data/g60.toml``). Every yrdmodel query,
  validation, export and the ``yrdmodel --data FILE`` command line work on it.
- :func:`extension` holds **records added to the YRD dataset** (``data/yrd-extension.toml``),
  which refer to packaged records by id; :func:`yrd_with_g60` merges them onto
  ``yrdmodel.load()`` with :func:`yrdmodel.merge`.

Examples:
    >>> import yrd_g60
    >>> g60 = yrd_g60.load()
    >>> [city.name_en for city in g60.members][:3]
    ['Songjiang', 'Jiaxing', 'Hangzhou']
"""

import functools
from contextlib import AbstractContextManager
from importlib.resources import as_file, files
from pathlib import Path

import yrdmodel
from yrdmodel import Mechanism

__all__ = ["CITIES", "data_file", "extension", "load", "yrd_with_g60"]

CITIES = ("songjiang", "jiaxing", "hangzhou", "jinhua", "suzhou", "huzhou", "xuancheng", "wuhu", "hefei")
"""Member ids of the nine cities of "G60 3.0" (June 2018), in the order the sources list them."""


def _read(name: str) -> bytes:
    return files("yrd_g60").joinpath("data", name).read_bytes()


@functools.cache
def load() -> Mechanism:
    """The G60 corridor as a mechanism of its own: nine member cities, the bodies and sources known.

    Raises:
        yrdmodel.DataError: The packaged file is malformed (a bug in this package).
    """
    return yrdmodel.loads(_read("g60.toml"), format="toml", source="yrd_g60/data/g60.toml")


@functools.cache
def extension() -> Mechanism:
    """The records this package adds to the YRD dataset; alone they refer to ids they do not hold."""
    text = _read("yrd-extension.toml")
    return yrdmodel.loads(text, format="toml", source="yrd_g60/data/yrd-extension.toml", check_references=False)


def yrd_with_g60() -> Mechanism:
    """The packaged YRD dataset with this package's records merged on.

    Raises:
        yrdmodel.MergeConflictError: The packaged dataset now gives one of these ids a different record.
    """
    return yrdmodel.merge(yrdmodel.load(), extension())


def data_file(name: str = "g60.toml") -> AbstractContextManager[Path]:
    """A real file path for one of the package's data files, e.g. for ``yrdmodel --data``.

    Use it as a context manager: ``with yrd_g60.data_file() as path: ...``.
    """
    return as_file(files("yrd_g60").joinpath("data", name))

"""A small, sourced slice of the YRD mechanism for the interop tests (Popolo, frames, CLI, display, merge).

The records are data, in ``tests/data/small_yrd.json``, read with :func:`yrdmodel.loads` like any
user's file. They follow the fact table (``shared/facts/yrd-facts.yaml``) so that the tests speak of
real officeholders and meetings, but only a few of each are kept, as of June 2024. Partial dates are
kept where the fact table has them (Che Jun's Zhejiang tenure ends in "2020-09", Shi Taifeng became
acting governor in "2015-12", the 2013 symposium is known only by its year).
"""

import functools
from pathlib import Path

import yrdmodel
from yrdmodel import Mechanism, PartialDate

__all__ = ["MAIN_LEADERS_2018", "d", "small_yrd"]

DATA = Path(__file__).resolve().parent / "data" / "small_yrd.json"


def d(text: str) -> PartialDate:
    """A partial date from its ISO text."""
    return PartialDate.parse(text)


@functools.cache
def small_yrd() -> Mechanism:
    """The slice of the YRD mechanism, as of June 2024."""
    return yrdmodel.loads(DATA.read_text(encoding="utf-8"), source=DATA.name)


MAIN_LEADERS_2018 = {
    "shanghai.party-secretary": "li-qiang",
    "shanghai.mayor": "ying-yong",
    "jiangsu.party-secretary": "lou-qinjian",
    "jiangsu.governor": "wu-zhenglong",
    "zhejiang.party-secretary": "che-jun",
    "zhejiang.governor": "yuan-jiajun",
    "anhui.party-secretary": "li-jinbin",
    "anhui.governor": "li-guoying",
}
"""Who held the eight main-leader posts at the 2018 symposium in Shanghai (seed 003)."""

"""Finding people by near names: misspellings, toneless pinyin, surnames and Chinese prefixes."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

import yrdmodel
from yrdmodel.cli import main
from yrdmodel.model.lookup import fold_name


@pytest.fixture(scope="module")
def m() -> yrdmodel.Mechanism:
    return yrdmodel.load()


def ids(m: yrdmodel.Mechanism, text: str) -> list[str]:
    return [x.person.id for x in m.find_people(text)]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Li Qiamg", "li-qiang"),  # a typo
        ("Zheng Shanjei", "zheng-shanjie"),  # two letters swapped
        ("Lǐ Qiáng", "li-qiang"),  # tone marks
        ("wuzhenglong", "wu-zhenglong"),  # no space
        ("Wu Zhengrong", "wu-zhenglong"),  # seed 003's spelling, an alias
    ],
)
def test_a_near_miss_finds_the_person_first(m: yrdmodel.Mechanism, typed: str, meant: str) -> None:
    assert ids(m, typed)[0] == meant


def test_a_surname_finds_people_of_that_name(m: yrdmodel.Mechanism) -> None:
    found = ids(m, "Wang")
    assert found
    assert all(x.startswith("wang-") for x in found)
    li = ids(m, "li")
    assert all(x.startswith("li-") for x in li[:3])  # the surname Li before Liu and Ling


def test_a_chinese_surname_finds_people_whose_chinese_name_starts_with_it(m: yrdmodel.Mechanism) -> None:
    found = m.find_people("王")
    assert found
    assert all((x.person.name_zh or "").startswith("王") for x in found)


def test_a_name_nobody_resembles_finds_no_one(m: yrdmodel.Mechanism) -> None:
    assert m.find_people("Xyzzy Qwerty") == ()


def test_the_lookup_error_suggests_near_names(m: yrdmodel.Mechanism) -> None:
    with pytest.raises(yrdmodel.UnknownIdError, match=r"did you mean Li Qiang \(li-qiang\)"):
        m.person("Li Qiamg")


@pytest.mark.parametrize("typed", ["Wang", "li", "王", "Li Qiamg"])
def test_who_suggests_near_names(typed: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["who", typed]) == 2
    err = capsys.readouterr().err
    assert "did you mean" in err
    assert len(err.splitlines()) == 1


def test_who_takes_a_name_in_several_words(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["who", "Wu", "Zhengrong"]) == 0
    assert "Wu Zhenglong" in capsys.readouterr().out


@given(st.sampled_from(yrdmodel.load().people), st.booleans())
def test_every_persons_own_name_ranks_them_first_with_full_score(person: yrdmodel.Person, chinese: bool) -> None:
    m = yrdmodel.load()
    name = person.name_zh if chinese and person.name_zh else person.name_en
    best = m.find_people(name.upper() if not chinese else name)[0]
    assert best.score == 1.0
    assert fold_name(best.name) == fold_name(name)
    assert person in [x.person for x in m.find_people(name) if x.score == 1.0]

"""Merging a downstream dataset onto another: new ids are added, equal records kept once, conflicts all reported."""

import textwrap
from pathlib import Path

import attrs
import pytest

import yrdmodel
from interop_fixtures import d, small_yrd
from yrdmodel import (
    Body,
    BodyKind,
    Citation,
    DataError,
    Mechanism,
    MergeConflictError,
    PartialDate,
    Person,
    RotationPolicy,
    Source,
    SourceKind,
    Tenure,
    Tier,
    YrdModelError,
)

G60_SOURCE = Source(
    id="china-development-2019-07",
    kind=SourceKind.STATE_MEDIA,
    ref="http://changjiang.chinadevelopment.com.cn/kczy/2019/07/1537589.shtml",
    publisher="China Development Network",
)
G60 = Body(
    id="g60-corridor",
    name_en="YRD G60 Science and Technology Innovation Corridor",
    name_zh="长三角G60科创走廊",
    kind=BodyKind.ZONE,
    sources=(Citation(G60_SOURCE.id),),
)
XU_KUNLIN = Person(id="xu-kunlin", name_en="Xu Kunlin", name_zh="许昆林", sources=(Citation("seed-002"),))
XU_AS_GOVERNOR = Tenure(
    post="jiangsu.governor",
    person="xu-kunlin",
    start=d("2021-10-19"),
    end=d("2025-10-09"),
    acting=True,
    sources=(Citation("seed-002"),),
)


def extension(**records: object) -> Mechanism:
    return Mechanism(name_en="An extension", **records)  # type: ignore[arg-type]


class TestNewRecords:
    def test_a_related_body_and_its_source_are_added(self) -> None:
        merged = yrdmodel.merge(small_yrd(), extension(sources=(G60_SOURCE,), all_bodies=(G60,)))
        assert merged.body("g60-corridor").name_zh == "长三角G60科创走廊"
        assert merged.source("china-development-2019-07").publisher == "China Development Network"
        assert merged.all_bodies[: len(small_yrd().all_bodies)] == small_yrd().all_bodies

    def test_a_new_governor_can_use_a_packaged_post(self) -> None:
        merged = yrdmodel.merge(small_yrd(), extension(people=(XU_KUNLIN,), tenures=(XU_AS_GOVERNOR,)))
        holder = merged.holder("jiangsu.governor", "2022-06-01")
        assert holder is not None
        assert holder.name_zh == "许昆林"
        assert merged.validate().ok

    def test_a_thematic_group_can_join_the_packaged_groups(self) -> None:
        group = Body(id="group.science", name_en="Science group", tier=Tier.EXECUTION, parent="thematic-groups")
        merged = yrdmodel.merge(small_yrd(), extension(all_bodies=(group,)))
        assert [b.id for b in merged.children("thematic-groups")] == ["group.energy", "group.science"]

    def test_the_result_is_a_new_mechanism_and_the_base_is_unchanged(self) -> None:
        base = small_yrd()
        before = yrdmodel.dumps(base)
        merged = yrdmodel.merge(base, extension(all_bodies=(attrs.evolve(G60, sources=()),)))
        assert merged is not base
        assert yrdmodel.dumps(base) == before
        assert "g60-corridor" not in {b.id for b in base.all_bodies}

    def test_the_name_and_date_are_the_bases(self) -> None:
        merged = yrdmodel.merge(small_yrd(), extension(as_of=d("2025-10")))
        assert (merged.name_en, merged.as_of) == (small_yrd().name_en, small_yrd().as_of)

    def test_several_extensions_are_merged_in_order(self) -> None:
        merged = yrdmodel.merge(
            small_yrd(),
            extension(people=(XU_KUNLIN,)),
            extension(tenures=(XU_AS_GOVERNOR,)),
        )
        assert merged.tenures_of("xu-kunlin") == (XU_AS_GOVERNOR,)


class TestEqualRecords:
    def test_a_repeated_source_and_person_are_kept_once(self) -> None:
        base = small_yrd()
        repeated = extension(sources=base.sources[:2], people=(base.person("li-qiang"),))
        merged = yrdmodel.merge(base, repeated)
        assert merged.sources == base.sources
        assert merged.people == base.people

    def test_merging_a_dataset_onto_itself_changes_nothing(self) -> None:
        assert yrdmodel.merge(small_yrd(), small_yrd()) == small_yrd()

    def test_a_repeated_tenure_is_matched_by_post_person_and_start(self) -> None:
        base = small_yrd()
        merged = yrdmodel.merge(base, extension(tenures=(base.tenures[0],)))
        assert len(merged.tenures) == len(base.tenures)


class TestConflicts:
    def test_a_different_chinese_name_is_a_conflict(self) -> None:
        li = small_yrd().person("li-qiang")
        with pytest.raises(MergeConflictError) as caught:
            yrdmodel.merge(small_yrd(), extension(people=(attrs.evolve(li, name_zh="李 强"),)))
        assert caught.value.conflicts == ("person li-qiang: name_zh differs: '李强' vs '李 强'",)

    def test_every_conflict_is_listed(self) -> None:
        base = small_yrd()
        che = base.tenures_of("che-jun")[0]
        changed = extension(
            members=(attrs.evolve(base.member("anhui"), capital="Wuhu"),),
            tenures=(attrs.evolve(che, end=PartialDate(2020, 9, 30)),),
            sources=(attrs.evolve(base.source("seed-003"), title="Another title"),),
        )
        with pytest.raises(MergeConflictError) as caught:
            yrdmodel.merge(base, changed)
        conflicts = caught.value.conflicts
        assert len(conflicts) == 3
        assert "member anhui: capital differs: 'Hefei' vs 'Wuhu'" in conflicts
        assert "tenure zhejiang.party-secretary:che-jun:2017-04-26: end differs: '2020-09' vs '2020-09-30'" in conflicts
        assert any(c.startswith("source seed-003: title differs") for c in conflicts)

    def test_the_message_names_every_conflict(self) -> None:
        li = small_yrd().person("li-qiang")
        error = MergeConflictError(["person li-qiang: name_zh differs", "body symposium: tier differs"])
        assert str(error).splitlines() == [
            "2 conflicts",
            "  person li-qiang: name_zh differs",
            "  body symposium: tier differs",
        ]
        with pytest.raises(ValueError, match="1 conflicts"):
            yrdmodel.merge(small_yrd(), extension(people=(attrs.evolve(li, identifiers=()),)))

    def test_conflicts_across_several_extensions_say_which(self) -> None:
        li = small_yrd().person("li-qiang")
        with pytest.raises(YrdModelError) as caught:
            yrdmodel.merge(small_yrd(), extension(), extension(people=(attrs.evolve(li, name_en="Li Q."),)))
        assert isinstance(caught.value, MergeConflictError)
        assert caught.value.conflicts[0].startswith("person li-qiang (extra dataset 2): name_en differs")

    def test_two_extensions_may_not_disagree_with_each_other(self) -> None:
        with pytest.raises(MergeConflictError, match="xu-kunlin"):
            yrdmodel.merge(
                small_yrd(),
                extension(people=(XU_KUNLIN,)),
                extension(people=(attrs.evolve(XU_KUNLIN, name_zh=None),)),
            )


class TestRotation:
    def test_a_base_without_rotation_takes_the_extensions(self) -> None:
        base = attrs.evolve(small_yrd(), rotation=None)
        merged = yrdmodel.merge(base, extension(rotation=small_yrd().rotation))
        assert merged.rotation == small_yrd().rotation
        assert merged.host_deviations() == ()

    def test_a_different_rotation_is_a_conflict(self) -> None:
        other = RotationPolicy(body="symposium", order=("shanghai", "jiangsu", "zhejiang", "anhui"), anchor_year=2018)
        with pytest.raises(MergeConflictError, match=r"rotation: .*order differs"):
            yrdmodel.merge(small_yrd(), extension(rotation=other))


class TestReferences:
    def test_a_tenure_of_a_post_neither_holds_is_refused(self) -> None:
        stray = attrs.evolve(XU_AS_GOVERNOR, post="jiangsu.vice-governor")
        with pytest.raises(DataError) as caught:
            yrdmodel.merge(small_yrd(), extension(people=(XU_KUNLIN,), tenures=(stray,)))
        assert any("jiangsu.vice-governor" in p.message for p in caught.value.problems)


EXTENSION_TOML = textwrap.dedent(
    """\
    name_en = "Jiangsu governors after 2021"

    [[sources]]
    id = "jstv-2021-10-19"
    kind = "state_media"
    ref = "http://news.jstv.com/a/20211019/1634637055146.shtml"

    [[people]]
    id = "xu-kunlin"
    name_en = "Xu Kunlin"
    name_zh = "许昆林"
    sources = [{ source = "jstv-2021-10-19" }]

    [[tenures]]
    post = "jiangsu.governor"
    person = "xu-kunlin"
    start = "2021-10-19"
    end = "2025-10-09"
    acting = true
    sources = [{ source = "jstv-2021-10-19" }]
    """
)


class TestExtensionFiles:
    def test_an_extension_file_may_refer_to_the_packaged_records(self, tmp_path: Path) -> None:
        path = tmp_path / "extension.toml"
        path.write_text(EXTENSION_TOML, encoding="utf-8")
        extra = yrdmodel.load(path, check_references=False)
        assert extra.tenures[0].post == "jiangsu.governor"
        merged = yrdmodel.merge(small_yrd(), extra)
        holder = merged.holder("jiangsu.governor", "2023-01-01")
        assert holder is not None
        assert holder.id == "xu-kunlin"

    def test_the_same_file_alone_is_refused_by_load(self, tmp_path: Path) -> None:
        path = tmp_path / "extension.toml"
        path.write_text(EXTENSION_TOML, encoding="utf-8")
        with pytest.raises(DataError, match=r"jiangsu\.governor"):
            yrdmodel.load(path)

    def test_a_json_extension_is_read_too(self, tmp_path: Path) -> None:
        extra = extension(people=(XU_KUNLIN,))
        path = tmp_path / "extension.json"
        path.write_text(yrdmodel.dumps(extra), encoding="utf-8")
        assert yrdmodel.load(path, check_references=False) == extra

    def test_malformed_records_are_reported_with_their_place(self) -> None:
        bad = EXTENSION_TOML.replace('start = "2021-10-19"', 'start = "19 October 2021"')
        with pytest.raises(DataError) as caught:
            yrdmodel.loads(bad, format="toml", source="extension.toml", check_references=False)
        assert [p.path for p in caught.value.problems] == ["$.tenures[0].start"]
        assert "extension.toml" in str(caught.value)

    def test_text_that_is_not_toml_is_one_clear_error(self) -> None:
        with pytest.raises(DataError, match="not TOML"):
            yrdmodel.loads("name_en = ", format="toml", check_references=False)

    def test_a_missing_file_is_a_data_error(self, tmp_path: Path) -> None:
        with pytest.raises(DataError, match="cannot read"):
            yrdmodel.load(tmp_path / "missing.toml", check_references=False)


class TestThePackagedDataset:
    def test_a_new_body_merges_onto_the_packaged_dataset(self) -> None:
        packaged = yrdmodel.load()
        group = Body(id="group.example-only", name_en="An example group", tier=Tier.EXECUTION)
        merged = yrdmodel.merge(packaged, extension(all_bodies=(group,)))
        assert len(merged.all_bodies) == len(packaged.all_bodies) + 1
        assert merged.people == packaged.people

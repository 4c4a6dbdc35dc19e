"""The G60 corridor's nine cities as a mechanism of their own, and the records added to the YRD dataset."""

import attrs
import pytest
import yrd_g60

import yrdmodel
from yrdmodel import Body, BodyKind, Mechanism, MembershipStatus, MergeConflictError, Truth
from yrdmodel.cli import main


@pytest.fixture(scope="module")
def g60() -> Mechanism:
    return yrd_g60.load()


class TestTheCorridor:
    def test_nine_cities_are_members_in_the_order_the_sources_give(self, g60: Mechanism) -> None:
        assert tuple(x.id for x in g60.members) == yrd_g60.CITIES
        assert [x.name_en for x in g60.members] == [
            "Songjiang",
            "Jiaxing",
            "Hangzhou",
            "Jinhua",
            "Suzhou",
            "Huzhou",
            "Xuancheng",
            "Wuhu",
            "Hefei",
        ]

    def test_songjiang_proposed_the_corridor_in_2016(self, g60: Mechanism) -> None:
        songjiang = g60.member("songjiang")
        assert str(songjiang.history[0].since) == "2016"
        assert songjiang.is_member("2017-01-01") is Truth.YES

    def test_every_city_is_a_member_after_june_2018(self, g60: Mechanism) -> None:
        assert all(x.is_member("2018-07-01") is Truth.YES for x in g60.members)
        assert all(x.status_on("2018-07-01") is MembershipStatus.FULL for x in g60.members)

    def test_within_june_2018_the_later_cities_only_may_have_joined(self, g60: Mechanism) -> None:
        assert g60.member("hefei").is_member("2018-06-15") is Truth.MAYBE
        assert g60.member("hefei").is_member("2018-05-31") is Truth.NO

    def test_the_corridor_is_a_mechanism_with_its_own_name(self, g60: Mechanism) -> None:
        assert (g60.name_en, g60.name_zh) == ("YRD G60 Science and Technology Innovation Corridor", "长三角G60科创走廊")
        assert g60.body("joint-conference-office").kind is BodyKind.OFFICE

    def test_the_data_is_valid_and_every_record_is_sourced(self, g60: Mechanism) -> None:
        report = g60.validate()
        assert report.findings == (), str(report)

    def test_the_popolo_export_has_the_nine_cities(self, g60: Mechanism) -> None:
        popolo = yrdmodel.to_popolo(g60)
        members = [o["id"] for o in popolo["organizations"] if o.get("classification") == "member"]
        assert tuple(members) == yrd_g60.CITIES
        assert tuple(a["id"] for a in popolo["areas"]) == yrd_g60.CITIES

    def test_the_command_line_summarizes_the_corridor(self, capsys: pytest.CaptureFixture[str]) -> None:
        with yrd_g60.data_file() as path:
            assert main(["--data", str(path)]) == 0
        out = capsys.readouterr().out
        assert out.startswith("YRD G60 Science and Technology Innovation Corridor (长三角G60科创走廊)")
        assert "Members (9)" in out
        assert "songjiang" in out
        assert "hefei" in out


class TestTheYrdExtension:
    def test_the_office_joins_the_packaged_corridor(self) -> None:
        merged = yrd_g60.yrd_with_g60()
        office = merged.body("g60-corridor.joint-conference-office")
        assert office.parent == "g60-corridor"
        assert [b.id for b in merged.children("g60-corridor")] == ["g60-corridor.joint-conference-office"]

    def test_the_packaged_dataset_is_unchanged(self) -> None:
        packaged = yrdmodel.load()
        merged = yrd_g60.yrd_with_g60()
        assert "g60-corridor.joint-conference-office" not in {b.id for b in packaged.all_bodies}
        assert len(merged.all_bodies) == len(packaged.all_bodies) + 1
        assert merged.people == packaged.people

    def test_the_merged_dataset_has_no_errors(self) -> None:
        assert yrd_g60.yrd_with_g60().validate().ok

    def test_the_extension_alone_refers_to_records_it_lacks(self) -> None:
        extension = yrd_g60.extension()
        assert extension.all_bodies[0].parent == "g60-corridor"
        assert "g60-corridor" not in {b.id for b in extension.all_bodies}

    def test_a_record_that_disagrees_with_the_packaged_one_is_refused(self) -> None:
        packaged_corridor = yrdmodel.load().body("g60-corridor")
        renamed: Body = attrs.evolve(packaged_corridor, name_en="G60 corridor")
        clash = attrs.evolve(yrd_g60.extension(), all_bodies=(*yrd_g60.extension().all_bodies, renamed))
        with pytest.raises(MergeConflictError, match="body g60-corridor: name_en differs"):
            yrdmodel.merge(yrdmodel.load(), clash)

"""Popolo export: every object conforms to the Popolo JSON schemas, and no person, post or tenure is lost."""

import datetime
import functools
import json
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT3

import yrdmodel
from interop_fixtures import small_yrd
from yrdmodel import Body, BodyKind, Mechanism, Source, SourceKind, Truth
from yrdmodel.interop.popolo import source_url

SCHEMAS = Path(__file__).resolve().parents[1].parent / "shared" / "popolo-schemas"

# Which schema each collection of the export is checked against.
COLLECTIONS = {
    "persons": "person",
    "organizations": "organization",
    "posts": "post",
    "memberships": "membership",
    "events": "event",
    "areas": "area",
}

Json = dict[str, Any]


@functools.cache
def _schemas() -> dict[str, Json]:
    return {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in sorted(SCHEMAS.glob("*.json"))}


@functools.cache
def _registry() -> Registry[Any]:
    """Every Popolo schema, under the address its ``$ref``s use: nothing is fetched from the network."""
    resources = [
        (schema["id"].rstrip("#"), Resource.from_contents(schema, default_specification=DRAFT3))
        for schema in _schemas().values()
    ]
    return Registry().with_resources(resources)


def _format_checker() -> jsonschema.FormatChecker:
    """A format checker that checks URIs without optional packages: a scheme, ASCII, no spaces."""
    checker = jsonschema.FormatChecker(formats=())

    @checker.checks("uri")
    def is_uri(value: object) -> bool:
        if not isinstance(value, str):
            return True
        return bool(urllib.parse.urlsplit(value).scheme) and value.isascii() and not any(c.isspace() for c in value)

    return checker


def validator(kind: str) -> jsonschema.Draft3Validator:
    return jsonschema.Draft3Validator(_schemas()[kind], registry=_registry(), format_checker=_format_checker())


def problems(kind: str, obj: Json) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator(kind).iter_errors(obj)]


def exported_objects(popolo: dict[str, list[Json]]) -> Iterator[tuple[str, Json]]:
    for collection, kind in COLLECTIONS.items():
        for obj in popolo[collection]:
            yield kind, obj


def by_id(objects: list[Json]) -> dict[str, Json]:
    return {obj["id"]: obj for obj in objects}


@pytest.fixture(scope="module")
def popolo() -> dict[str, list[Json]]:
    return yrdmodel.to_popolo(small_yrd())


class TestTheSchemasThemselves:
    def test_the_popolo_schemas_are_found_beside_the_repository(self) -> None:
        assert set(COLLECTIONS.values()) <= set(_schemas())

    def test_the_checker_rejects_an_object_that_breaks_the_schema(self) -> None:
        assert problems("person", {"id": "li-qiang", "other_names": [{"name": 1}]})
        assert problems("membership", {"start_date": "June 2018"})

    def test_the_checker_rejects_a_link_that_is_not_a_uri(self) -> None:
        assert problems("person", {"sources": [{"url": "003_b99ca14925887098.txt"}]})
        assert problems("person", {"sources": [{"url": "https://example.org/即時"}]})


class TestEveryObjectConforms:
    def test_every_exported_object_is_valid_popolo(self, popolo: dict[str, list[Json]]) -> None:
        found = {f"{kind} {obj.get('id')}": problems(kind, obj) for kind, obj in exported_objects(popolo)}
        assert {key: errors for key, errors in found.items() if errors} == {}

    def test_objects_use_only_the_fields_popolo_defines(self, popolo: dict[str, list[Json]]) -> None:
        # One documented extension: an area's category also as ``type``, where EveryPolitician readers look.
        extensions = {"area": {"type"}}
        for kind, obj in exported_objects(popolo):
            assert set(obj) <= set(_schemas()[kind]["properties"]) | extensions.get(kind, set()), (kind, obj["id"])

    def test_the_document_is_plain_json(self, popolo: dict[str, list[Json]]) -> None:
        assert json.loads(json.dumps(popolo, ensure_ascii=False)) == popolo


class TestNothingIsLost:
    def test_every_person_is_exported(self, popolo: dict[str, list[Json]]) -> None:
        assert [p["id"] for p in popolo["persons"]] == [p.id for p in small_yrd().people]

    def test_every_post_is_exported(self, popolo: dict[str, list[Json]]) -> None:
        assert [p["id"] for p in popolo["posts"]] == [p.id for p in small_yrd().posts]

    def test_every_tenure_is_a_membership_linking_person_and_post(self, popolo: dict[str, list[Json]]) -> None:
        memberships = by_id(popolo["memberships"])
        for tenure in small_yrd().tenures:
            assert memberships[tenure.id]["person_id"] == tenure.person
            assert memberships[tenure.id]["post_id"] == tenure.post

    def test_every_member_body_and_meeting_is_exported(self, popolo: dict[str, list[Json]]) -> None:
        m = small_yrd()
        organizations = by_id(popolo["organizations"])
        assert {x.id for x in m.members} | {b.id for b in m.all_bodies} <= set(organizations)
        assert [e["id"] for e in popolo["events"]] == [x.id for x in m.meetings]
        assert [a["id"] for a in popolo["areas"]] == [x.id for x in m.members]


class TestPeople:
    def test_the_chinese_name_and_the_aliases_are_other_names(self, popolo: dict[str, list[Json]]) -> None:
        wu = by_id(popolo["persons"])["wu-zhenglong"]
        assert wu["name"] == "Wu Zhenglong"
        names = {n["name"]: n.get("note") for n in wu["other_names"]}
        assert names["吴政隆"] == "Chinese name"
        assert names["Wu Zhengrong"] == "Spelling used in seed 003."

    def test_identifiers_in_other_schemes_are_kept(self, popolo: dict[str, list[Json]]) -> None:
        li = by_id(popolo["persons"])["li-qiang"]
        assert li["identifiers"] == [{"identifier": "Li_Qiang", "scheme": "wikipedia-en"}]


class TestOrganizations:
    def test_bodies_are_classified_by_tier(self, popolo: dict[str, list[Json]]) -> None:
        organizations = by_id(popolo["organizations"])
        assert organizations["symposium"]["classification"] == "decision"
        assert organizations["joint-meeting"]["classification"] == "coordination"
        assert organizations["cooperation-office"]["classification"] == "execution"
        assert organizations["high-level-forum"]["classification"] == "related"

    def test_a_thematic_group_belongs_to_the_groups_and_the_tiers_to_the_mechanism(
        self, popolo: dict[str, list[Json]]
    ) -> None:
        organizations = by_id(popolo["organizations"])
        assert organizations["group.energy"]["parent_id"] == "thematic-groups"
        assert organizations["thematic-groups"]["parent_id"] == "mechanism"
        assert organizations["mechanism"]["classification"] == "mechanism"
        assert "parent_id" not in organizations["high-level-forum"]

    def test_members_are_organizations_with_an_area(self, popolo: dict[str, list[Json]]) -> None:
        anhui = by_id(popolo["organizations"])["anhui"]
        assert (anhui["classification"], anhui["area_id"]) == ("member", "anhui")
        assert by_id(popolo["areas"])["anhui"]["classification"] == "province"
        assert by_id(popolo["areas"])["shanghai"]["classification"] == "municipality"

    def test_anhui_was_invited_before_it_became_a_full_member(self, popolo: dict[str, list[Json]]) -> None:
        anhui = [ms for ms in popolo["memberships"] if ms.get("member", {}).get("id") == "anhui"]
        assert [(ms["role"], ms["start_date"], ms.get("end_date")) for ms in anhui] == [
            ("invited", "2008-09", "2014-12-01"),  # Popolo's end_date is the last day as invited
            ("full", "2014-12-02", None),
        ]
        assert all(ms["organization_id"] == "mechanism" for ms in anhui)

    def test_a_member_id_that_is_also_a_body_id_is_refused(self) -> None:
        m = small_yrd()
        clash = attrs.evolve(m, all_bodies=(*m.all_bodies, Body(id="anhui", name_en="Anhui office")))
        with pytest.raises(ValueError, match="anhui"):
            yrdmodel.to_popolo(clash)

    def test_the_root_organization_id_can_be_chosen(self) -> None:
        popolo = yrdmodel.to_popolo(small_yrd(), root_id="yrd")
        assert by_id(popolo["organizations"])["yrd"]["classification"] == "mechanism"
        assert by_id(popolo["organizations"])["symposium"]["parent_id"] == "yrd"


class TestPostsAndTenures:
    def test_a_governorship_is_held_in_the_province(self, popolo: dict[str, list[Json]]) -> None:
        post = by_id(popolo["posts"])["jiangsu.governor"]
        assert (post["label"], post["organization_id"], post["area_id"]) == (
            "Governor of Jiangsu",
            "jiangsu",
            "jiangsu",
        )

    def test_an_office_post_is_held_in_the_office(self, popolo: dict[str, list[Json]]) -> None:
        post = by_id(popolo["posts"])["cooperation-office.executive-deputy-director"]
        assert post["organization_id"] == "cooperation-office"

    def test_popolo_end_date_is_the_last_day_in_office(self, popolo: dict[str, list[Json]]) -> None:
        # yrdmodel's end is the first day out (Han Zheng's successor Li Qiang took over on 2017-10-29).
        li = by_id(popolo["memberships"])["shanghai.party-secretary:li-qiang:2017-10-29"]
        assert (li["start_date"], li["end_date"]) == ("2017-10-29", "2022-10-27")
        assert li["organization_id"] == "shanghai"

    def test_a_start_known_to_the_month_keeps_its_precision(self, popolo: dict[str, list[Json]]) -> None:
        shi = by_id(popolo["memberships"])["jiangsu.governor:shi-taifeng:2015-12"]
        assert shi["start_date"] == "2015-12"

    def test_an_end_known_to_the_month_exports_its_last_possible_day_and_says_so(
        self, popolo: dict[str, list[Json]]
    ) -> None:
        che = by_id(popolo["memberships"])["zhejiang.party-secretary:che-jun:2017-04-26"]
        assert che["end_date"] == "2020-09-29"  # left some day in September 2020
        assert "left 2020-09; in office until 2020-09-29 at the latest" in che["label"]

    def test_attested_days_are_kept_in_the_label(self, packaged: tuple[Mechanism, dict[str, list[Json]]]) -> None:
        li = by_id(packaged[1]["memberships"])["shanghai.party-secretary:li-qiang:2017-10-29"]
        assert "seen in office on 2018-06-01, 2021-05-26" in li["label"]

    def test_an_open_tenure_is_current_only_where_the_data_vouches_for_it(
        self, packaged: tuple[Mechanism, dict[str, list[Json]]]
    ) -> None:
        m, popolo = packaged
        assert m.as_of is not None
        for ms in popolo["memberships"]:
            if "post_id" in ms and "end_date" not in ms:
                tenure = next(t for t in m.tenures if t.id == ms["id"])
                assert m.span(tenure).covers(m.as_of.first) is not Truth.NO, ms["id"]

    def test_a_bound_deduced_from_the_seats_is_explained(
        self, packaged: tuple[Mechanism, dict[str, list[Json]]]
    ) -> None:
        # Ruan Qing is seen as the Office's executive deputy director only on 2024-04-13; the one seat
        # was certainly Zhang Zhongwei's from 2024-07-25.
        ruan = by_id(packaged[1]["memberships"])["cooperation-office.executive-deputy-director:ruan-qing"]
        assert "start_date" not in ruan
        assert ruan["end_date"] == "2024-07-24"
        assert "no end recorded; in office until 2024-07-24 at the latest" in ruan["label"]

    def test_a_one_day_meeting_ends_on_its_day(self, popolo: dict[str, list[Json]]) -> None:
        event = by_id(popolo["events"])["symposium.2018"]
        assert (event["start_date"], event["end_date"]) == ("2018-06-01", "2018-06-01")

    def test_areas_carry_their_type_for_everypolitician_readers(self, popolo: dict[str, list[Json]]) -> None:
        assert {a["id"]: a["type"] for a in popolo["areas"]}["shanghai"] == "municipality"

    def test_an_unknown_start_is_left_out(self, popolo: dict[str, list[Json]]) -> None:
        ruan = by_id(popolo["memberships"])["cooperation-office.executive-deputy-director:ruan-qing"]
        assert "start_date" not in ruan
        assert "end_date" not in ruan

    def test_an_acting_start_and_the_confirmation_are_in_the_label(self, popolo: dict[str, list[Json]]) -> None:
        li = by_id(popolo["memberships"])["zhejiang.governor:li-qiang:2012-12-21"]
        assert li["label"] == "acting at first; confirmed 2013"


class TestEvents:
    def test_the_2018_symposium_lists_its_attendees_and_their_posts(self, popolo: dict[str, list[Json]]) -> None:
        event = by_id(popolo["events"])["symposium.2018"]
        assert event["start_date"] == "2018-06-01"
        assert (event["classification"], event["organization_id"], event["location"]) == (
            "symposium",
            "shanghai",
            "Shanghai",
        )
        attendees = {a["id"]: a for a in event["attendees"]}
        assert len(attendees) == 9
        assert attendees["wu-zhenglong"]["memberships"][0]["post_id"] == "jiangsu.governor"
        assert attendees["lian-weiliang"]["memberships"][0]["role"] == "NDRC deputy director"

    def test_a_symposium_known_only_by_its_year_keeps_the_year(self, popolo: dict[str, list[Json]]) -> None:
        event = by_id(popolo["events"])["symposium.2013"]
        assert event["start_date"] == "2013"
        assert event["organization_id"] == "symposium"
        assert event["name"] == "Main Leaders' Symposium 2013"

    def test_the_decided_next_host_is_described(self, popolo: dict[str, list[Json]]) -> None:
        event = by_id(popolo["events"])["symposium.2024"]
        assert "Decided that Jiangsu hosts the next meeting in 2025" in event["description"]
        assert event["end_date"] == "2024-06-06"

    def test_a_forum_edition_is_an_identifier(self, popolo: dict[str, list[Json]]) -> None:
        event = by_id(popolo["events"])["high-level-forum.2024"]
        assert event["identifiers"] == [{"identifier": "6", "scheme": "edition"}]


class TestSources:
    def test_a_web_source_links_to_its_address(self, popolo: dict[str, list[Json]]) -> None:
        event = by_id(popolo["events"])["symposium.2018"]
        assert {"url": "http://m.xinhuanet.com/2018-06/02/c_1122927916.htm", "note": "state_media; Xinhua"} in event[
            "sources"
        ]

    def test_a_seed_file_gets_a_urn_and_its_file_name_in_the_note(self, popolo: dict[str, list[Json]]) -> None:
        link = by_id(popolo["persons"])["li-qiang"]["sources"][0]
        assert link["url"] == "urn:yrdmodel:source:seed-003"
        assert "003_b99ca14925887098.txt" in link["note"]

    def test_non_ascii_addresses_are_percent_encoded(self) -> None:
        sing_tao = small_yrd().source("sing-tao-2022-12-28")
        url = source_url(sing_tao)
        assert url.isascii()
        assert urllib.parse.unquote(url) == sing_tao.ref

    def test_a_description_without_an_address_gets_a_urn(self) -> None:
        excerpt = Source(id="notice", kind=SourceKind.SECONDARY, ref="Excerpt of a notice; no address recorded")
        assert source_url(excerpt) == "urn:yrdmodel:source:notice"

    def test_every_citation_becomes_a_link(self, popolo: dict[str, list[Json]]) -> None:
        m = small_yrd()
        memberships = by_id(popolo["memberships"])
        for tenure in m.tenures:
            assert len(memberships[tenure.id]["sources"]) == len(tenure.sources)


class TestAnotherMechanism:
    def test_a_mechanism_without_members_or_history_exports(self) -> None:
        lone = Mechanism(
            name_en="A forum series",
            all_bodies=(Body(id="forum", name_en="Forum", kind=BodyKind.FORUM),),
        )
        popolo = yrdmodel.to_popolo(lone)
        assert [o["id"] for o in popolo["organizations"]] == ["mechanism", "forum"]
        assert popolo["persons"] == popolo["memberships"] == []


@pytest.fixture(scope="module")
def packaged() -> tuple[Mechanism, dict[str, list[Json]]]:
    m = yrdmodel.load()
    return m, yrdmodel.to_popolo(m)


class TestThePackagedDataset:
    def test_every_exported_object_is_valid_popolo(self, packaged: tuple[Mechanism, dict[str, list[Json]]]) -> None:
        _, popolo = packaged
        found = {f"{kind} {obj.get('id')}": problems(kind, obj) for kind, obj in exported_objects(popolo)}
        assert {key: errors for key, errors in found.items() if errors} == {}

    def test_no_person_post_or_tenure_is_lost(self, packaged: tuple[Mechanism, dict[str, list[Json]]]) -> None:
        m, popolo = packaged
        assert {p["id"] for p in popolo["persons"]} == {p.id for p in m.people}
        assert {p["id"] for p in popolo["posts"]} == {p.id for p in m.posts}
        assert {t.id for t in m.tenures} <= {ms["id"] for ms in popolo["memberships"]}
        assert len(m.tenures) == sum(1 for ms in popolo["memberships"] if "person_id" in ms)

    def test_li_qiang_held_three_posts(self, packaged: tuple[Mechanism, dict[str, list[Json]]]) -> None:
        _, popolo = packaged
        posts = {ms["post_id"] for ms in popolo["memberships"] if ms.get("person_id") == "li-qiang"}
        assert {"zhejiang.governor", "jiangsu.party-secretary", "shanghai.party-secretary"} <= posts


@pytest.fixture(scope="module")
def read(packaged: tuple[Mechanism, dict[str, list[Json]]]) -> Any:
    """The packaged export as everypolitician-popolo reads it."""
    from popolo_data.importer import Popolo  # type: ignore[import-untyped]

    return Popolo(packaged[1])


class TestReadByEveryPoliticianPopolo:
    """The export read by an independent Popolo client (everypolitician-popolo), as a user would."""

    @staticmethod
    def days(m: Mechanism) -> list[datetime.date]:
        assert m.as_of is not None
        as_of = m.as_of.first
        symposia = [s.date.first for s in m.symposia if s.year >= 2018]
        return [*symposia, as_of, as_of + datetime.timedelta(days=1), datetime.date(2015, 6, 1)]

    def test_the_reader_finds_on_each_day_the_holders_the_library_gives(
        self, packaged: tuple[Mechanism, dict[str, list[Json]]], read: Any
    ) -> None:
        m, _ = packaged
        for day in self.days(m):
            leaders = m.leaders(day)
            for post in m.main_leader_posts():
                current = {ms.person_id for ms in read.memberships if ms.post_id == post.id and ms.current_at(day)}
                found = m.holders_with_truth(post.id, day)
                assert current == {t.person for _, t in found}, (day, post.id)
                leader = leaders[post.id]
                if leader is not None and len(found) == 1:
                    assert current == {leader.id}, (day, post.id)

    def test_on_the_as_of_day_the_reader_sees_one_holder_per_main_leader_post(
        self, packaged: tuple[Mechanism, dict[str, list[Json]]], read: Any
    ) -> None:
        m, _ = packaged
        assert m.as_of is not None
        day = m.as_of.first
        for post in m.main_leader_posts():
            current = [ms.person_id for ms in read.memberships if ms.post_id == post.id and ms.current_at(day)]
            leader = m.leaders(day)[post.id]
            assert leader is not None, post.id
            assert current == [leader.id], post.id

    def test_the_reader_sees_one_day_meetings_end_and_area_types(self, read: Any) -> None:
        event = next(e for e in read.events if e.id == "symposium.2018")
        assert event.end_date.latest_date == datetime.date(2018, 6, 1)
        assert {a.id: a.type for a in read.areas}["anhui"] == "province"

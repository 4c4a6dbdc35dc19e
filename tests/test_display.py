"""Notebook display: mechanisms, meetings, people and validation reports as escaped HTML tables."""

from html.parser import HTMLParser

import attrs

import yrdmodel
from interop_fixtures import small_yrd
from yrdmodel import Alias, Attendance, Finding, Meeting, PartialDate, Person, Severity, ValidationReport
from yrdmodel.interop.display import mechanism_html, meeting_html, person_html, report_html

HOSTILE = '<script>alert("x")</script> & Co'


class _Checker(HTMLParser):
    """Collects the tags and the text of an HTML fragment, and whether every tag was closed."""

    VOID = frozenset({"br"})

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.tags: list[str] = []
        self.text: list[str] = []
        self.mismatched: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open.pop() != tag:
            self.mismatched.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(fragment: str) -> _Checker:
    checker = _Checker()
    checker.feed(fragment)
    checker.close()
    assert checker.open == [], "a tag is left open"
    assert checker.mismatched == [], "tags are not well nested"
    return checker


def text_of(fragment: str) -> str:
    return " ".join(parse(fragment).text)


class TestMechanism:
    def test_the_mechanism_shows_its_members_bodies_and_symposia(self) -> None:
        fragment = mechanism_html(small_yrd())
        text = text_of(fragment)
        for expected in (
            "Members",
            "Bodies by tier",
            "Symposia by year",
            "Anhui",
            "2008-09: invited",
            "Wuhu",
            "长三角区域合作机制",
        ):
            assert expected in text
        assert parse(fragment).tags.count("table") == 5

    def test_bodies_are_listed_under_their_tier(self) -> None:
        text = text_of(mechanism_html(small_yrd()))
        assert text.index("decision") < text.index("Main Leaders' Symposium")
        assert text.index("execution") < text.index("Energy group") < text.index("related")

    def test_jupyter_finds_the_html_on_the_mechanism(self) -> None:
        m = small_yrd()
        assert m._repr_html_() == mechanism_html(m)

    def test_names_from_the_data_are_escaped(self) -> None:
        m = small_yrd()
        hostile = attrs.evolve(m, name_en=HOSTILE, members=(attrs.evolve(m.members[0], name_en=HOSTILE),))
        fragment = mechanism_html(hostile)
        assert "<script>" not in fragment
        assert "&lt;script&gt;" in fragment
        assert HOSTILE in text_of(fragment)


class TestMeeting:
    def test_the_2018_symposium_shows_where_and_who(self) -> None:
        meeting = small_yrd().meeting("symposium.2018")
        text = text_of(meeting_html(meeting))
        for expected in (
            "2018-06-01",
            "Shanghai",
            "wu-zhenglong",
            "jiangsu.governor",
            "NDRC deputy director",
            "seed-003",
        ):
            assert expected in text
        assert meeting._repr_html_() == meeting_html(meeting)

    def test_a_two_day_meeting_shows_its_span(self) -> None:
        text = text_of(meeting_html(small_yrd().meeting("symposium.2019")))
        assert "2019-05-22 to 2019-05-23" in text
        assert "长三角：共筑强劲活跃增长极" in text  # noqa: RUF001

    def test_a_decided_next_host_is_shown(self) -> None:
        assert "jiangsu (2025)" in text_of(meeting_html(small_yrd().meeting("symposium.2024")))

    def test_attendee_notes_are_escaped(self) -> None:
        meeting = Meeting(
            id="symposium.2030",
            body="symposium",
            date=PartialDate(2030),
            attendees=(Attendance("someone", note=HOSTILE),),
        )
        fragment = meeting_html(meeting)
        assert "<script>" not in fragment
        assert HOSTILE in text_of(fragment)

    def test_a_meeting_without_attendees_says_so(self) -> None:
        assert "none" in text_of(meeting_html(small_yrd().meeting("symposium.2013")))


class TestPerson:
    def test_wu_zhenglong_shows_the_misspelling_seed_003_uses(self) -> None:
        person = small_yrd().person("Wu Zhengrong")
        text = text_of(person_html(person))
        assert "Wu Zhenglong" in text
        assert "吴政隆" in text
        assert "Wu Zhengrong (Spelling used in seed 003.)" in text
        assert person._repr_html_() == person_html(person)

    def test_identifiers_are_shown(self) -> None:
        assert "wikipedia-en: Li_Qiang" in text_of(person_html(small_yrd().person("li-qiang")))

    def test_an_alias_is_escaped(self) -> None:
        person = Person(id="x", name_en="X", aliases=(Alias(HOSTILE, note="<i>web copy</i>"),))
        fragment = person_html(person)
        assert "<script>" not in fragment
        assert "<i>" not in fragment
        assert HOSTILE in text_of(fragment)


class TestReport:
    def test_a_clean_report_says_valid(self) -> None:
        report = small_yrd().validate()
        assert "valid: no findings" in text_of(report_html(report))
        assert report._repr_html_() == report_html(report)

    def test_findings_are_rows_with_errors_first(self) -> None:
        report = ValidationReport(
            [
                Finding("rotation-deviation", Severity.WARNING, "2020: expected zhejiang", ("symposium.2020",)),
                Finding("tenure-overlap", Severity.ERROR, "a <b> overlap", ("t1", "t2"), possible=False),
            ]
        )
        fragment = report_html(report)
        text = text_of(fragment)
        assert "invalid: 1 errors, 1 warnings" in text
        assert text.index("tenure-overlap") < text.index("rotation-deviation")
        assert "t1, t2" in text
        assert "a <b> overlap" in text
        assert "<b>" not in fragment


class TestThePackagedDataset:
    def test_the_packaged_dataset_displays(self) -> None:
        text = text_of(yrdmodel.load()._repr_html_())
        assert "Wenzhou" in text
        assert "Anhui" in text


class TestEveryRecord:
    """Every record type has a view; with the mechanism, names stand beside ids."""

    def test_every_record_of_the_packaged_data_displays_as_well_formed_html(self) -> None:
        m = yrdmodel.load()
        records: list[
            yrdmodel.Member
            | yrdmodel.Body
            | yrdmodel.Post
            | yrdmodel.Tenure
            | yrdmodel.Person
            | Meeting
            | yrdmodel.Plan
            | yrdmodel.Source
        ] = [
            m.members[0],
            m.all_bodies[0],
            m.posts[0],
            m.tenures[0],
            m.people[0],
            m.meetings[0],
            m.plans[0],
            m.sources[0],
        ]
        for record in records:
            own = record._repr_html_()
            shown = m.show(record)._repr_html_()
            for fragment in (own, shown):
                parse(fragment)
                assert 'style="text-align:left' in fragment
            assert type(record).__name__ in own or "Tenure" in own

    def test_a_person_with_the_mechanism_shows_their_posts(self) -> None:
        m = yrdmodel.load()
        text = text_of(m.show(m.person("li-qiang"))._repr_html_())
        assert "Posts" in text
        assert "Party Secretary of Shanghai" in text
        assert "2017-10-29" in text

    def test_a_meetings_attendees_have_names(self) -> None:
        m = yrdmodel.load()
        text = text_of(m.show(m.symposium(2021))._repr_html_())
        assert "Wu Zhenglong (吴政隆)" in text
        assert "wu-zhenglong" in text

    def test_a_tenure_names_its_person_and_post(self) -> None:
        m = yrdmodel.load()
        tenure = next(t for t in m.tenures if t.person == "li-qiang")
        text = text_of(m.show(tenure)._repr_html_())
        assert "Li Qiang (李强)" in text

    def test_long_lists_fold_into_details(self) -> None:
        m = yrdmodel.load()
        fragment = m._repr_html_()
        assert "<details>" in fragment
        assert "Symposia by year" in text_of(fragment)
        assert "gap: none recorded" in text_of(fragment)

    def test_every_value_is_escaped(self) -> None:
        m = yrdmodel.load()
        body = attrs.evolve(m.all_bodies[0], name_en=HOSTILE, seat=HOSTILE, description=HOSTILE)
        plan = attrs.evolve(m.plans[0], name_en=HOSTILE, areas=(HOSTILE,), summary=HOSTILE)
        source = attrs.evolve(m.sources[0], title=HOSTILE, ref='https://x.example/"><script>')
        post = attrs.evolve(m.posts[0], name_en=HOSTILE)
        member = attrs.evolve(m.members[0], name_en=HOSTILE, capital=HOSTILE)
        tenure = attrs.evolve(m.tenures[0], how_started=HOSTILE, note=HOSTILE)
        for record in (body, plan, source, post, member, tenure):
            for fragment in (record._repr_html_(), m.show(record)._repr_html_()):
                assert "<script>" not in fragment
                assert HOSTILE in text_of(fragment)

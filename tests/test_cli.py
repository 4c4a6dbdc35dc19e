"""The ``yrdmodel`` command line: the summary (the main job), leaders, hosts, who, validate and export."""

import importlib.metadata
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest

import yrdmodel
from interop_fixtures import MAIN_LEADERS_2018, small_yrd
from yrdmodel import ExceptionKind, Mechanism, RotationException
from yrdmodel.cli import main


def write(tmp_path: Path, m: Mechanism, name: str = "yrd.json") -> str:
    path = tmp_path / name
    path.write_text(yrdmodel.dumps(m), encoding="utf-8")
    return str(path)


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """A terminal wide enough that no cell wraps (the 80-column tests set their own width)."""
    monkeypatch.setenv("COLUMNS", "250")


@pytest.fixture
def data(tmp_path: Path) -> str:
    """The small YRD slice as a JSON file."""
    return write(tmp_path, small_yrd())


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    status, out, err = run(capsys, *argv, "--json")
    assert (status, err) == (0, "")
    return json.loads(out)


def one_line_error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    status, out, err = run(capsys, *argv)
    assert status == 2
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("yrdmodel: error: ")
    return lines[0]


class TestSummary:
    def test_no_command_prints_the_summary(self, capsys: pytest.CaptureFixture[str], data: str) -> None:
        assert run(capsys, "--data", data) == run(capsys, "--data", data, "summary")

    def test_the_summary_names_the_tiers_and_their_bodies(self, capsys: pytest.CaptureFixture[str], data: str) -> None:
        status, out, _ = run(capsys, "--data", data)
        assert status == 0
        tiers = out[out.index("Tiers and their bodies") : out.index("Symposium hosts by year")]
        assert tiers.index("Decision") < tiers.index("symposium ") < tiers.index("Coordination")
        assert tiers.index("Coordination") < tiers.index("joint-meeting") < tiers.index("Execution")
        assert tiers.index("Execution") < tiers.index("cooperation-office") < tiers.index("Related bodies")
        assert "high-level-forum" in tiers[tiers.index("Related bodies") :]

    def test_a_thematic_group_is_listed_under_the_groups(self, capsys: pytest.CaptureFixture[str], data: str) -> None:
        _, out, _ = run(capsys, "--data", data)
        lines = out.splitlines()
        groups = next(i for i, line in enumerate(lines) if line.strip().startswith("thematic-groups"))
        assert lines[groups + 1].strip().startswith("group.energy")
        assert len(lines[groups + 1]) - len(lines[groups + 1].lstrip()) > len(lines[groups]) - len(
            lines[groups].lstrip()
        )
        assert "12 as of 2016" in lines[groups]

    def test_the_summary_lists_members_and_anhuis_way_in(self, capsys: pytest.CaptureFixture[str], data: str) -> None:
        _, out, _ = run(capsys, "--data", data)
        anhui = next(line for line in out.splitlines() if line.strip().startswith("anhui"))
        assert "Anhui (安徽)" in anhui
        assert "invited 2008-09; full 2014-12-02" in anhui

    def test_the_summary_gives_hosts_by_year(self, capsys: pytest.CaptureFixture[str], data: str) -> None:
        _, out, _ = run(capsys, "--data", data)
        rows = {line.split()[0]: line for line in out.splitlines() if line.strip()[:4].isdigit()}
        assert "Anhui" in rows["2019"]
        assert "Wuhu" in rows["2019"]
        assert "Jiangsu" in rows["2025"]
        assert "decided at symposium.2024" in rows["2025"]
        assert "before the rule" in rows["2014"]
        assert "Next by the rotation rule: 2026, Shanghai" in out

    def test_the_summary_states_coverage_and_sources_by_kind(
        self, capsys: pytest.CaptureFixture[str], data: str
    ) -> None:
        _, out, _ = run(capsys, "--data", data)
        assert "Data as of 2024-06" in out
        assert "14 tenures (2012-12-21 to 2023-01-03)" in out
        assert "gaps: no symposium recorded for 2015-2017, 2020-2023" in out
        assert "by kind: seed 2, state_media 2, reference 1, secondary 1" in out
        assert "Validation: valid, 0 errors, 0 warnings" in out

    def test_the_summary_as_json(self, capsys: pytest.CaptureFixture[str], data: str) -> None:
        summary = run_json(capsys, "--data", data, "summary")
        assert [x["id"] for x in summary["members"]] == ["shanghai", "jiangsu", "zhejiang", "anhui"]
        assert [b["body"]["id"] for b in summary["tiers"]["execution"]] == ["cooperation-office", "thematic-groups"]
        assert summary["tiers"]["execution"][1]["children"][0]["body"]["id"] == "group.energy"
        hosts = {h["year"]: h["host"] for h in summary["symposium_hosts"] if not h["gap"]}
        assert hosts == {
            2013: None,
            2014: "shanghai",
            2018: "shanghai",
            2019: "anhui",
            2024: "zhejiang",
            2025: "jiangsu",
        }
        gaps = [h["year"] for h in summary["symposium_hosts"] if h["gap"]]
        assert gaps == [2015, 2016, 2017, 2020, 2021, 2022, 2023]
        assert dict(summary["sources"]["by_kind"]) == {"seed": 2, "state_media": 2, "reference": 1, "secondary": 1}
        assert summary["coverage"]["gap_years"] == [2015, 2016, 2017, 2020, 2021, 2022, 2023]

    def test_an_invalid_dataset_says_so_in_the_summary(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        m = small_yrd()
        shifted = attrs.evolve(
            m, meetings=tuple(attrs.evolve(x, host="jiangsu") if x.id == "symposium.2019" else x for x in m.meetings)
        )
        _, out, _ = run(capsys, "--data", write(tmp_path, shifted))
        assert "Validation: valid, 0 errors, 1 warning" in out
        assert "DEVIATION: rule expects Anhui" in out


class TestLeaders:
    def test_the_eight_main_leaders_on_the_day_of_the_2018_symposium(
        self, capsys: pytest.CaptureFixture[str], data: str
    ) -> None:
        status, out, _ = run(capsys, "--data", data, "leaders", "--on", "2018-06-01")
        assert status == 0
        assert out.splitlines()[0] == "Main leaders on 2018-06-01"
        for person in MAIN_LEADERS_2018.values():
            name = small_yrd().person(person).name_en
            assert name in out
        assert "maybe" not in out

    def test_as_json_each_post_has_its_certain_holder(self, capsys: pytest.CaptureFixture[str], data: str) -> None:
        found = run_json(capsys, "--data", data, "leaders", "--on", "2018-06-01")
        holders = {r["post"]: [h["person"] for h in r["holders"] if h["certain"]] for r in found["leaders"]}
        assert holders == {post: [person] for post, person in MAIN_LEADERS_2018.items()}

    def test_a_month_precision_end_is_a_maybe(self, capsys: pytest.CaptureFixture[str], data: str) -> None:
        _, out, _ = run(capsys, "--data", data, "leaders", "--on", "2020-09-15")
        che = next(line for line in out.splitlines() if "Party Secretary of Zhejiang" in line)
        assert "maybe Che Jun" in che
        assert "2020-09" in che

    def test_without_a_day_the_as_of_date_is_used_and_stated(
        self, capsys: pytest.CaptureFixture[str], data: str
    ) -> None:
        _, out, _ = run(capsys, "--data", data, "leaders")
        assert out.splitlines()[0] == "Main leaders on 2024-06-01 (as far as the data knows, on its as_of day)"

    def test_without_a_day_or_an_as_of_date_it_asks_for_one(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        path = write(tmp_path, attrs.evolve(small_yrd(), as_of=None))
        assert "--on" in one_line_error(capsys, "--data", path, "leaders")

    @pytest.mark.parametrize("day", ["2018-06", "June 1", "2018-02-30", "01/06/2018"])
    def test_a_day_that_is_not_a_day_is_a_usage_error(
        self, capsys: pytest.CaptureFixture[str], data: str, day: str
    ) -> None:
        assert "argument --on" in one_line_error(capsys, "--data", data, "leaders", "--on", day)


class TestHosts:
    def test_hosts_follow_the_rotation(self, capsys: pytest.CaptureFixture[str], data: str) -> None:
        status, out, _ = run(capsys, "--data", data, "hosts")
        assert status == 0
        assert out.splitlines()[0] == (
            "Rotation rule for symposium: Shanghai -> Anhui -> Zhejiang -> Jiangsu, repeating, from 2018"
        )
        assert "Deviations: none" in out
        assert "Next by the rule: 2026, Shanghai" in out

    def test_a_host_out_of_turn_is_a_deviation(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        m = small_yrd()
        meetings = tuple(attrs.evolve(x, host="jiangsu") if x.id == "symposium.2019" else x for x in m.meetings)
        path = write(tmp_path, attrs.evolve(m, meetings=meetings))
        _, out, _ = run(capsys, "--data", path, "hosts")
        assert "Deviations (1):" in out
        assert "2019: Jiangsu hosted; the rule expects Anhui" in out
        found = run_json(capsys, "--data", path, "hosts")
        assert found["deviations"] == [{"year": 2019, "expected": "anhui", "actual": "jiangsu"}]

    def test_a_declared_exception_is_shown_and_not_a_deviation(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        m = small_yrd()
        assert m.rotation is not None
        swapped = RotationException(year=2019, kind=ExceptionKind.SWAPPED, host="jiangsu")
        meetings = tuple(attrs.evolve(x, host="jiangsu") if x.id == "symposium.2019" else x for x in m.meetings)
        path = write(
            tmp_path, attrs.evolve(m, meetings=meetings, rotation=attrs.evolve(m.rotation, exceptions=(swapped,)))
        )
        _, out, _ = run(capsys, "--data", path, "hosts")
        assert "exception 2019: swapped, jiangsu hosts" in out
        assert "Deviations: none" in out

    def test_the_years_as_json(self, capsys: pytest.CaptureFixture[str], data: str) -> None:
        found = run_json(capsys, "--data", data, "hosts")
        years = {r["year"]: r for r in found["years"]}
        assert (years[2024]["host"], years[2024]["expected"], years[2024]["deviation"]) == (
            "zhejiang",
            "zhejiang",
            False,
        )
        assert (years[2025]["held"], years[2025]["decided_at"]) == (False, "symposium.2024")
        assert found["next"] == {"year": 2026, "expected": "shanghai"}

    def test_a_dataset_without_a_rule_lists_hosts_only(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        path = write(tmp_path, attrs.evolve(small_yrd(), rotation=None))
        status, out, _ = run(capsys, "--data", path, "hosts")
        assert status == 0
        assert out.startswith("The data declares no rotation rule")
        assert "Deviations: none (no rule to compare with)" in out


class TestWho:
    def test_li_qiangs_career(self, capsys: pytest.CaptureFixture[str], data: str) -> None:
        status, out, _ = run(capsys, "--data", data, "who", "Li Qiang")
        assert status == 0
        posts = [line for line in out.splitlines() if " to " in line]
        assert [[post for post in small_yrd().posts if post.name_en in line] for line in posts] == [
            [small_yrd().post("zhejiang.governor")],
            [small_yrd().post("jiangsu.party-secretary")],
            [small_yrd().post("shanghai.party-secretary")],
        ]
        assert "acting at first; confirmed 2013" in posts[0]
        assert "2018-06-01  symposium.2018  as Party Secretary of Shanghai" in out

    def test_seed_003s_spelling_finds_wu_zhenglong(self, capsys: pytest.CaptureFixture[str], data: str) -> None:
        _, out, _ = run(capsys, "--data", data, "who", "Wu Zhengrong")
        assert out.startswith("Wu Zhenglong (吴政隆)  [wu-zhenglong]")
        assert "also written Wu Zhengrong: Spelling used in seed 003." in out

    def test_a_chinese_name_works_and_json_has_the_tenures(self, capsys: pytest.CaptureFixture[str], data: str) -> None:
        found = run_json(capsys, "--data", data, "who", "李强")
        assert found["id"] == "li-qiang"
        assert [(t["post"], t["start"], t["end"]) for t in found["tenures"]] == [
            ("zhejiang.governor", "2012-12-21", "2016-06-30"),
            ("jiangsu.party-secretary", "2016-06-30", "2017-10-29"),
            ("shanghai.party-secretary", "2017-10-29", "2022-10-28"),
        ]

    def test_an_unknown_name_is_a_usage_error(self, capsys: pytest.CaptureFixture[str], data: str) -> None:
        assert "no person goes by 'Nobody'" in one_line_error(capsys, "--data", data, "who", "Nobody")

    def test_an_ambiguous_name_lists_the_candidates(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        m = small_yrd()
        twin = attrs.evolve(m.person("li-qiang"), id="li-qiang-2", name_zh=None, identifiers=())
        path = write(tmp_path, attrs.evolve(m, people=(*m.people, twin)))
        line = one_line_error(capsys, "--data", path, "who", "Li Qiang")
        assert "li-qiang, li-qiang-2" in line


class TestValidate:
    def test_a_valid_dataset_exits_0(self, capsys: pytest.CaptureFixture[str], data: str) -> None:
        status, out, _ = run(capsys, "validate", data)
        assert (status, out.strip()) == (0, f"{data}: valid: no findings")

    def test_errors_exit_1_and_are_listed(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        m = small_yrd()
        li = m.tenures_of("li-qiang")[2]
        overlap = attrs.evolve(li, person="ying-yong", start=yrdmodel.PartialDate(2018, 1, 1), end=None)
        path = write(tmp_path, attrs.evolve(m, tenures=(*m.tenures, overlap)))
        status, out, _ = run(capsys, "validate", path)
        assert status == 1
        assert "invalid: 1 error" in out
        assert "[tenure-overlap]" in out
        found = json.loads(run(capsys, "validate", path, "--json")[1])
        assert found["ok"] is False
        assert found["findings"][0]["code"] == "tenure-overlap"

    def test_warnings_alone_exit_0(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        m = small_yrd()
        meetings = tuple(attrs.evolve(x, host="jiangsu") if x.id == "symposium.2019" else x for x in m.meetings)
        status, out, _ = run(capsys, "validate", write(tmp_path, attrs.evolve(m, meetings=meetings)))
        assert status == 0
        assert "[rotation-deviation]" in out

    def test_a_malformed_file_lists_every_problem_and_exits_1(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        path = tmp_path / "bad.json"
        path.write_text(
            json.dumps({"name_en": "x", "tenures": [{"post": "a", "person": "b", "start": "2021-13-01", "end": 5}]}),
            encoding="utf-8",
        )
        status, out, _ = run(capsys, "validate", str(path))
        assert status == 1
        assert "$.tenures[0].start" in out
        assert "$.tenures[0].end" in out

    def test_the_file_may_be_given_with_data(self, capsys: pytest.CaptureFixture[str], data: str) -> None:
        assert run(capsys, "--data", data, "validate")[0] == 0

    def test_a_missing_file_is_a_usage_error(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        assert "cannot read the file" in one_line_error(capsys, "validate", str(tmp_path / "missing.json"))


class TestExport:
    def test_json_export_loads_back_to_the_same_mechanism(self, capsys: pytest.CaptureFixture[str], data: str) -> None:
        status, out, _ = run(capsys, "--data", data, "export", "--format", "json")
        assert status == 0
        assert yrdmodel.loads(out) == small_yrd()

    def test_popolo_export(self, capsys: pytest.CaptureFixture[str], data: str) -> None:
        status, out, _ = run(capsys, "--data", data, "export", "--format", "popolo")
        assert status == 0
        assert json.loads(out) == yrdmodel.to_popolo(small_yrd())

    def test_export_to_a_file(self, capsys: pytest.CaptureFixture[str], data: str, tmp_path: Path) -> None:
        target = tmp_path / "popolo.json"
        status, out, _ = run(capsys, "--data", data, "export", "--format", "popolo", "--output", str(target))
        assert (status, out) == (0, "")
        assert {p["id"] for p in json.loads(target.read_text(encoding="utf-8"))["persons"]} == {
            p.id for p in small_yrd().people
        }

    def test_an_unknown_format_is_a_usage_error(self, capsys: pytest.CaptureFixture[str], data: str) -> None:
        assert "invalid choice: 'xml'" in one_line_error(capsys, "--data", data, "export", "--format", "xml")

    def test_an_unwritable_target_is_one_line(
        self, capsys: pytest.CaptureFixture[str], data: str, tmp_path: Path
    ) -> None:
        target = tmp_path / "no-such-dir" / "out.json"
        status, out, err = run(capsys, "--data", data, "export", "--output", str(target))
        assert (status, out) == (3, "")
        assert err.startswith("yrdmodel: error: cannot write")
        assert len(err.splitlines()) == 1


class TestUsageErrors:
    def test_an_unknown_command(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert "invalid choice: 'frobnicate'" in one_line_error(capsys, "frobnicate")

    def test_a_missing_name(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert "NAME" in one_line_error(capsys, "who")

    def test_a_missing_data_file(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        line = one_line_error(capsys, "--data", str(tmp_path / "nope.toml"), "hosts")
        assert "nope.toml" in line
        assert "cannot read the file" in line

    def test_a_malformed_data_file_is_one_line_naming_the_first_problem(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        path = tmp_path / "bad.json"
        path.write_text('{"name_en": "x", "members": [{"id": "Bad Id"}], "posts": 3}', encoding="utf-8")
        line = one_line_error(capsys, "--data", str(path))
        assert "cannot load" in line
        assert "$." in line
        assert "yrdmodel validate FILE" in line

    def test_a_file_that_is_not_json(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        path = tmp_path / "bad.json"
        path.write_text("not json", encoding="utf-8")
        assert "not JSON" in one_line_error(capsys, "--data", str(path), "who", "li-qiang")

    def test_help_exits_0(self, capsys: pytest.CaptureFixture[str]) -> None:
        status, out, _ = run(capsys, "--help")
        assert status == 0
        assert "leaders" in out
        assert "export" in out

    def test_version(self, capsys: pytest.CaptureFixture[str]) -> None:
        status, out, _ = run(capsys, "--version")
        assert (status, out.strip()) == (0, f"yrdmodel {yrdmodel.__version__}")


class TestEntryPoints:
    def test_python_dash_m_runs_the_command_line(self, data: str) -> None:
        done = subprocess.run(
            [sys.executable, "-m", "yrdmodel", "--data", data, "who", "Wu Zhengrong", "--json"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["id"] == "wu-zhenglong"

    def test_python_dash_m_reports_a_bad_date_with_status_2(self, data: str) -> None:
        done = subprocess.run(
            [sys.executable, "-m", "yrdmodel", "--data", data, "leaders", "--on", "someday"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 2
        assert done.stderr.count("\n") == 1
        assert done.stdout == ""

    def test_the_console_script_is_main(self) -> None:
        scripts = importlib.metadata.entry_points(group="console_scripts", name="yrdmodel")
        assert [s.load() for s in scripts] == [main]


class TestThePackagedDataset:
    def test_the_main_job_summarizes_the_packaged_dataset(self, capsys: pytest.CaptureFixture[str]) -> None:
        status, out, err = run(capsys)
        assert (status, err) == (0, "")
        for expected in (
            "Decision",
            "Coordination",
            "Execution",
            "symposium",
            "cooperation-office",
            "Wenzhou",
            "Sources",
        ):
            assert expected in out

    def test_li_qiang_led_shanghai_on_the_day_of_the_2018_symposium(self, capsys: pytest.CaptureFixture[str]) -> None:
        found = run_json(capsys, "leaders", "--on", "2018-06-01")
        shanghai = next(r for r in found["leaders"] if r["post"] == "shanghai.party-secretary")
        assert [h["person"] for h in shanghai["holders"] if h["certain"]] == ["li-qiang"]

    def test_the_packaged_dataset_validates(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert run(capsys, "validate")[0] == 0

    def test_jiangsu_hosts_2025(self, capsys: pytest.CaptureFixture[str]) -> None:
        years = {r["year"]: r["host"] for r in run_json(capsys, "hosts")["years"]}
        assert (years[2021], years[2025]) == ("jiangsu", "jiangsu")

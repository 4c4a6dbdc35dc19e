"""Tidy pandas frames: one row per record, typed date columns, partial dates never given an invented day."""

import datetime
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pendulum
import pytest

import yrdmodel
from interop_fixtures import MAIN_LEADERS_2018, small_yrd
from yrdmodel import Mechanism


def row(frame: pd.DataFrame, column: str, value: str) -> pd.Series:
    found = frame[frame[column] == value]
    assert len(found) == 1, f"{len(found)} rows with {column} == {value!r}"
    return found.iloc[0]


def day(text: str) -> pd.Timestamp:
    return pd.Timestamp(text)


class TestImportCost:
    def test_importing_yrdmodel_does_not_import_pandas(self) -> None:
        code = "import sys, yrdmodel; yrdmodel.load; print('pandas' in sys.modules)"
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        assert out.strip() == "False"

    def test_asking_for_a_frame_imports_pandas(self) -> None:
        code = (
            "import sys; sys.path.insert(0, sys.argv[1]); import yrdmodel; from interop_fixtures import small_yrd; "
            "yrdmodel.plans_frame(small_yrd()); print('pandas' in sys.modules)"
        )
        out = subprocess.run(
            [sys.executable, "-c", code, str(Path(__file__).parent)], capture_output=True, text=True, check=True
        ).stdout
        assert out.strip() == "True"


class TestTenures:
    @pytest.fixture(scope="class")
    @classmethod
    def frame(cls) -> pd.DataFrame:
        return yrdmodel.tenures_frame(small_yrd())

    def test_one_row_per_tenure(self, frame: pd.DataFrame) -> None:
        assert list(frame["tenure"]) == [t.id for t in small_yrd().tenures]

    def test_date_columns_are_typed_dates(self, frame: pd.DataFrame) -> None:
        for name in ("start", "end", "confirmed"):
            assert pd.api.types.is_datetime64_dtype(frame[f"{name}_first"])
            assert pd.api.types.is_datetime64_dtype(frame[f"{name}_last"])
            assert isinstance(frame[f"{name}_precision"].dtype, pd.CategoricalDtype)
        assert list(frame["start_precision"].cat.categories) == ["year", "month", "day"]

    def test_a_day_is_its_own_first_and_last_day(self, frame: pd.DataFrame) -> None:
        li = row(frame, "tenure", "shanghai.party-secretary:li-qiang:2017-10-29")
        assert li["start_first"] == li["start_last"] == day("2017-10-29")
        assert li["start_precision"] == "day"
        assert (li["person_name"], li["member"]) == ("Li Qiang", "shanghai")

    def test_che_jun_left_zhejiang_some_day_in_september_2020(self, frame: pd.DataFrame) -> None:
        che = row(frame, "tenure", "zhejiang.party-secretary:che-jun:2017-04-26")
        assert (che["end_first"], che["end_last"], che["end_precision"]) == (
            day("2020-09-01"),
            day("2020-09-30"),
            "month",
        )

    def test_a_year_precision_confirmation_spans_the_year(self, frame: pd.DataFrame) -> None:
        li = row(frame, "tenure", "zhejiang.governor:li-qiang:2012-12-21")
        assert (li["confirmed_first"], li["confirmed_last"], li["confirmed_precision"]) == (
            day("2013-01-01"),
            day("2013-12-31"),
            "year",
        )

    def test_unknown_dates_are_missing_not_invented(self, frame: pd.DataFrame) -> None:
        ruan = row(frame, "tenure", "cooperation-office.executive-deputy-director:ruan-qing")
        assert pd.isna(ruan["start_first"])
        assert pd.isna(ruan["start_last"])
        assert pd.isna(ruan["start_precision"])
        assert pd.isna(ruan["end_first"])
        assert ruan["attested"] == 1
        assert ruan["body"] == "cooperation-office"

    def test_acting_is_yes_no_or_not_stated(self, frame: pd.DataFrame) -> None:
        assert frame["acting"].dtype == "boolean"
        acting = dict(zip(frame["tenure"], frame["acting"].tolist(), strict=True))
        assert acting["jiangsu.governor:wu-zhenglong:2017-05-31"] is True
        assert acting["shanghai.mayor:ying-yong:2017-01-20"] is False
        assert acting["anhui.governor:li-guoying:2016-09-01"] is pd.NA

    def test_li_qiangs_career_can_be_read_off_the_frame(self, frame: pd.DataFrame) -> None:
        career = frame[frame["person"] == "li-qiang"].sort_values("start_first")
        assert list(career["post"]) == ["zhejiang.governor", "jiangsu.party-secretary", "shanghai.party-secretary"]


class TestMeetings:
    @pytest.fixture(scope="class")
    @classmethod
    def frame(cls) -> pd.DataFrame:
        return yrdmodel.meetings_frame(small_yrd())

    def test_one_row_per_meeting_by_date(self, frame: pd.DataFrame) -> None:
        assert sorted(frame["meeting"]) == sorted(x.id for x in small_yrd().meetings)
        assert frame["date_first"].is_monotonic_increasing

    def test_the_2013_symposium_is_known_only_by_its_year(self, frame: pd.DataFrame) -> None:
        s = row(frame, "meeting", "symposium.2013")
        assert (s["date_first"], s["date_last"], s["date_precision"]) == (day("2013-01-01"), day("2013-12-31"), "year")
        assert pd.isna(s["host"])

    def test_the_2019_symposium_lasted_two_days_in_wuhu(self, frame: pd.DataFrame) -> None:
        s = row(frame, "meeting", "symposium.2019")
        assert (s["date_first"], s["end_date_last"]) == (day("2019-05-22"), day("2019-05-23"))
        assert (s["host"], s["host_name"], s["city"], s["tier"]) == ("anhui", "Anhui", "Wuhu", "decision")

    def test_counts_and_numbers_are_integers_that_may_be_missing(self, frame: pd.DataFrame) -> None:
        assert frame["edition"].dtype == "Int64"
        assert row(frame, "meeting", "high-level-forum.2024")["edition"] == 6
        assert pd.isna(row(frame, "meeting", "high-level-forum.2024")["tier"])
        s2018 = row(frame, "meeting", "symposium.2018")
        assert (s2018["attendees"], s2018["plans_adopted"]) == (9, 1)
        assert row(frame, "meeting", "symposium.2024")["next_host_year"] == 2025

    def test_hosts_by_year_fall_out_of_the_frame(self, frame: pd.DataFrame) -> None:
        symposia = frame[frame["body"] == "symposium"].dropna(subset=["host"])
        assert dict(zip(symposia["year"], symposia["host"], strict=True)) == small_yrd().hosts


class TestPlans:
    def test_the_first_three_year_plan(self) -> None:
        frame = yrdmodel.plans_frame(small_yrd())
        plan = row(frame, "plan", "three-year-action.2018")
        assert (plan["first_year"], plan["last_year"], plan["kind"]) == (2018, 2020, "three_year_action")
        assert (plan["issued_first"], plan["issued_last"], plan["issued_precision"]) == (
            day("2018-07-01"),
            day("2018-07-31"),
            "month",
        )
        assert (plan["area_count"], plan["key_fields"], plan["adopted_at"]) == (12, 7, "symposium.2018")
        assert pd.isna(plan["task_count"])

    def test_a_plan_without_a_period_has_missing_years(self) -> None:
        plan = row(yrdmodel.plans_frame(small_yrd()), "plan", "outline")
        assert pd.isna(plan["first_year"])
        assert pd.isna(plan["last_year"])


class TestLeaders:
    def test_the_eight_main_leaders_at_the_2018_symposium(self) -> None:
        frame = yrdmodel.leaders_frame(small_yrd(), ["2018-06-01"])
        assert dict(zip(frame["post"], frame["person"], strict=True)) == MAIN_LEADERS_2018
        assert set(frame["truth"]) == {"yes"}
        assert set(frame["date"]) == {day("2018-06-01")}
        assert pd.api.types.is_datetime64_dtype(frame["date"])

    def test_the_certain_rows_agree_with_the_leaders_query(self) -> None:
        m = small_yrd()
        on = "2021-10-19"
        frame = yrdmodel.leaders_frame(m, on)
        certain = frame[frame["truth"] == "yes"]
        expected = {post: p.id for post, p in m.leaders(on).items() if p is not None}
        assert dict(zip(certain["post"], certain["person"], strict=True)) == expected

    def test_a_partial_end_leaves_the_holder_open(self) -> None:
        frame = yrdmodel.leaders_frame(small_yrd(), [pendulum.Date(2020, 9, 15)])
        che = row(frame, "post", "zhejiang.party-secretary")
        assert (che["person"], che["truth"]) == ("che-jun", "maybe")

    def test_a_post_no_tenure_covers_has_one_row_with_no_one(self) -> None:
        frame = yrdmodel.leaders_frame(small_yrd(), [datetime.date(2016, 1, 1)])
        shanghai = row(frame, "post", "shanghai.party-secretary")
        assert pd.isna(shanghai["person"])
        assert pd.isna(shanghai["truth"])
        assert row(frame, "post", "jiangsu.governor")["person"] == "shi-taifeng"

    def test_several_days_give_a_long_frame(self) -> None:
        frame = yrdmodel.leaders_frame(small_yrd(), ["2018-06-01", "2024-06-05"])
        assert len(frame[frame["date"] == day("2018-06-01")]) == 8
        assert row(frame[frame["date"] == day("2024-06-05")], "post", "jiangsu.party-secretary")["person"] == (
            "xin-changxing"
        )

    def test_pandas_timestamps_are_days_too(self) -> None:
        frame = yrdmodel.leaders_frame(small_yrd(), pd.date_range("2017-01-01", "2019-01-01", freq="YS"))
        che = frame[frame["post"] == "zhejiang.party-secretary"]
        assert list(che["person"].fillna("")) == ["", "che-jun", "che-jun"]

    def test_a_partial_day_is_refused(self) -> None:
        with pytest.raises(ValueError, match="whole day"):
            yrdmodel.leaders_frame(small_yrd(), ["2018-06"])


class TestEmpty:
    def test_an_empty_mechanism_gives_empty_frames_with_the_same_columns(self) -> None:
        empty = Mechanism(name_en="Nothing yet")
        full = small_yrd()
        for make in (yrdmodel.tenures_frame, yrdmodel.meetings_frame, yrdmodel.plans_frame):
            frame = make(empty)
            assert len(frame) == 0
            assert list(frame.columns) == list(make(full).columns)


class TestThePackagedDataset:
    def test_every_tenure_and_meeting_has_a_row(self) -> None:
        m = yrdmodel.load()
        assert len(yrdmodel.tenures_frame(m)) == len(m.tenures)
        assert len(yrdmodel.meetings_frame(m)) == len(m.meetings)
        assert len(yrdmodel.plans_frame(m)) == len(m.plans)

    def test_li_qiang_led_shanghai_at_the_2018_symposium(self) -> None:
        frame = yrdmodel.leaders_frame(yrdmodel.load(), "2018-06-01")
        assert row(frame, "post", "shanghai.party-secretary")["person"] == "li-qiang"

"""The command line's output: fits 80 columns, colours only on a terminal, Chinese first on request,
and fails writing with one line and a documented exit status (no traceback, no partial file)."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from yrdmodel._term import Layout, display_width, wrap
from yrdmodel.cli import EXIT_BROKEN_PIPE, EXIT_OUTPUT, main

COMMANDS = [
    [],
    ["leaders", "--on", "2021-05-27"],
    ["leaders", "--on", "2014-12-02"],
    ["leaders"],
    ["hosts"],
    ["who", "li-qiang"],
    ["who", "吴政隆"],
    ["validate"],
    ["--help"],
    ["export", "--help"],
    ["--lang", "zh"],
    ["hosts", "--lang", "zh"],
    ["leaders", "--on", "2021-05-27", "--lang", "zh"],
]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda a: " ".join(a) or "summary")
def test_no_line_is_wider_than_an_80_column_terminal(
    argv: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    try:
        status = main(argv)
    except SystemExit as done:  # --help
        status = done.code if isinstance(done.code, int) else 2
    out, _ = capsys.readouterr()
    assert status == 0
    assert out.strip()
    too_wide = [line for line in out.splitlines() if display_width(line) > 80]
    assert too_wide == []


def test_the_summary_in_a_real_80_column_run_has_the_hosts_and_their_gaps() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "yrdmodel"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "COLUMNS": "80"},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert max(display_width(line) for line in done.stdout.splitlines()) <= 80
    assert "gaps: no symposium recorded for" in done.stdout
    assert "\x1b[" not in done.stdout  # not a terminal: no colour


def test_a_long_cell_wraps_inside_its_column() -> None:
    lines = Layout(width=40).table([["2021", "Jiangsu (江苏) hosted the symposium in Wuxi, as the rule expects"]])
    assert all(display_width(x) <= 40 for x in lines)
    assert len(lines) > 1
    assert all(x.startswith(("  2021  ", " " * 8)) for x in lines)


@pytest.mark.parametrize("width", [2, 5, 11, 30])
def test_wrapping_keeps_every_character_and_fits(width: int) -> None:
    text = "Wu Zhenglong 吴政隆 (Governor of Jiangsu) 2017-05-31 to 2021-10-19 averyveryverylongword"
    lines = wrap(text, width)
    assert all(display_width(x) <= width for x in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


@given(st.text(st.sampled_from("ab 王晓东()\uff0c-"), max_size=60), st.integers(2, 30))
@example(" aaa", 3)  # a leading space before a word that fills the width
def test_any_text_wraps_within_the_width_and_loses_no_character(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert all(display_width(x) <= width for x in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


@given(
    st.lists(st.lists(st.text(st.sampled_from("xy 长三角-"), max_size=30), min_size=3, max_size=3), max_size=5),
    st.integers(40, 100),
)
def test_any_table_fits_its_width(rows: list[list[str]], width: int) -> None:
    assert all(display_width(x) <= width for x in Layout(width=width).table(rows))


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert Layout.for_stream(_Terminal()).colour
    assert not Layout.for_stream(io.StringIO()).colour
    monkeypatch.setenv("NO_COLOR", "1")
    assert not Layout.for_stream(_Terminal()).colour


def test_a_maybe_is_coloured_on_a_terminal(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    # Lü Zushan left, and Xia Baolong came, in August 2011: a day of that month is a maybe for both.
    assert main(["leaders", "--on", "2011-08-08"]) == 0
    out = terminal.getvalue()
    assert "\x1b[33m" in next(line for line in out.splitlines() if "maybe Xia Baolong" in line)


def test_lang_zh_puts_chinese_names_first(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "leaders", "--on", "2021-05-27", "--lang", "zh")
    assert "李强 (Li Qiang)" in out
    _, out, _ = run(capsys, "hosts", "--lang", "zh")
    assert "江苏" in next(line for line in out.splitlines() if line.strip().startswith("2021"))


# Write errors ------------------------------------------------------------------------------------


def _yrdmodel(*argv: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "yrdmodel", *argv], text=True, encoding="utf-8", check=False, **kwargs
    )


def _one_line_without_traceback(stderr: str) -> str:
    assert "Traceback" not in stderr
    assert "Exception ignored" not in stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("yrdmodel: error: cannot write")
    return lines[0]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="/dev/full is a Linux device")
@pytest.mark.parametrize("argv", [["export"], ["hosts"], ["export", "--format", "popolo"]])
def test_a_full_disk_is_one_line_and_exit_status_3(argv: list[str]) -> None:
    with open("/dev/full", "w") as full:
        done = _yrdmodel(*argv, stdout=full, stderr=subprocess.PIPE)
    assert done.returncode == EXIT_OUTPUT
    assert "No space left on device" in _one_line_without_traceback(done.stderr)


@pytest.mark.parametrize("argv", [["export"], ["hosts"]])
def test_a_closed_standard_output_is_one_line_and_exit_status_3(argv: list[str]) -> None:
    command = " ".join([sys.executable, "-m", "yrdmodel", *argv])
    done = subprocess.run(["sh", "-c", f"{command} >&-"], capture_output=True, text=True, check=False)
    assert done.returncode == EXIT_OUTPUT
    assert "standard output is closed" in _one_line_without_traceback(done.stderr)


def test_a_broken_pipe_is_silent_with_exit_status_141() -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "yrdmodel", "export"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        process.stdout.close()  # the reader goes away before the first write
        status = process.wait()
        stderr = process.stderr.read().decode()
    assert status == EXIT_BROKEN_PIPE
    assert stderr == ""


def test_a_failed_export_leaves_no_partial_file(tmp_path: Path) -> None:
    target = tmp_path / "yrd.json"
    target.mkdir()  # the rename into place fails: the target is a folder
    (target / "kept.txt").write_text("kept\n", encoding="utf-8")
    done = _yrdmodel("export", "-o", str(target), capture_output=True)
    assert done.returncode == EXIT_OUTPUT
    _one_line_without_traceback(done.stderr)
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["kept.txt", "yrd.json"]


def test_export_to_a_file_says_what_it_wrote(tmp_path: Path) -> None:
    target = tmp_path / "yrd.toml"
    done = _yrdmodel("export", "--format", "toml", "-o", str(target), capture_output=True)
    assert done.returncode == 0
    assert done.stdout == ""
    assert f"{target} ({target.stat().st_size:,} bytes)" in done.stderr

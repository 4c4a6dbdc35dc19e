"""The ``yrdmodel`` command line: a summary of the mechanism, and a few questions asked of it.

Run ``yrdmodel`` (or ``python -m yrdmodel``) for a summary of the packaged dataset; ``--data FILE``
reads your own JSON or TOML file instead. Commands::

    yrdmodel [summary]              tiers and bodies, members, symposium hosts by year, coverage, sources
    yrdmodel leaders --on DATE      who held the eight main-leader posts on a day
    yrdmodel hosts                  symposium hosts against the rotation rule, deviations and gaps
    yrdmodel who NAME               a person's posts and meetings (id, name, alias, Chinese name; near misses)
    yrdmodel validate [FILE]        every validation finding; exit status 1 when there are errors
    yrdmodel export --format FORMAT [-o PATH]   json, toml, popolo, csv, parquet, sqlite, datapackage

``--json`` prints what a command found as JSON, for scripts; ``--lang zh`` puts Chinese names first.
Output fits the terminal's width (``COLUMNS`` when set); colour marks "maybe" and warnings on a
terminal only, and never when ``NO_COLOR`` is set.

Exit status: 0 done; 1 the data has validation errors (``validate``); 2 a usage error, a bad
argument or a file that cannot be loaded; 3 the output cannot be written (disk full, standard
output closed, an unwritable ``-o`` target); 141 standard output was closed by its reader (a broken
pipe, as in ``yrdmodel | head``; 128 + SIGPIPE, as the shell reports a process killed by it). Each
error prints one line saying why.
"""

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn, TextIO

import attrs
import pendulum

from yrdmodel._term import Layout
from yrdmodel.errors import AmbiguousAnswerError, DataError, UnknownIdError
from yrdmodel.io.files import load
from yrdmodel.model.bodies import Tier
from yrdmodel.model.dates import as_date
from yrdmodel.model.mechanism import Mechanism
from yrdmodel.model.posts import Tenure
from yrdmodel.model.views import (
    BodyNode,
    Coverage,
    HostYear,
    body_tree,
    coverage,
    host_years,
    leaders_on,
    source_summary,
    to_data,
    year_ranges,
)
from yrdmodel.validation.report import Severity

__all__ = ["EXIT_BROKEN_PIPE", "EXIT_DATA", "EXIT_OUTPUT", "EXIT_USAGE", "main"]

PROG = "yrdmodel"
EXIT_DATA = 1
"""``validate`` found errors in the data."""
EXIT_USAGE = 2
"""A usage error, a bad argument, or a file that cannot be loaded."""
EXIT_OUTPUT = 3
"""The output cannot be written: disk full, standard output closed, an unwritable ``-o`` target."""
EXIT_BROKEN_PIPE = 141
"""Standard output's reader went away (128 + SIGPIPE)."""

Lines = list[str]
FILE_FORMATS = ("csv", "parquet", "sqlite", "datapackage")
TEXT_FORMATS = ("json", "toml", "popolo")


class UsageError(Exception):
    """A bad argument found after parsing (an unknown person, say): exit status 2."""


class OutputError(Exception):
    """The output cannot be written: exit status 3."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line (``yrdmodel: error: ...``) and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{PROG}: error: {message}\n")


@attrs.frozen
class _Out:
    """What every command renders with: the data, the layout and the language of names."""

    m: Mechanism
    layout: Layout
    lang: str = "en"

    def named(self, name_en: str, name_zh: str | None) -> str:
        if not name_zh:
            return name_en
        return f"{name_zh} ({name_en})" if self.lang == "zh" else f"{name_en} ({name_zh})"

    def member(self, member_id: str | None) -> str:
        if member_id is None:
            return "-"
        try:
            x = self.m.member(member_id)
        except UnknownIdError:
            return member_id
        return x.name_zh if self.lang == "zh" and x.name_zh else x.name_en

    def person(self, person_id: str) -> str:
        try:
            p = self.m.person(person_id)
        except (UnknownIdError, AmbiguousAnswerError):
            return person_id
        return self.named(p.name_en, p.name_zh)

    def post(self, post_id: str) -> str:
        try:
            p = self.m.post(post_id)
        except UnknownIdError:
            return post_id
        return (p.name_zh or p.name_en) if self.lang == "zh" else p.name_en


Json = dict[str, object]
"""What a command prints with ``--json``: built from the views by `to_data`."""
Command = Callable[[_Out, argparse.Namespace], tuple[Json, Lines]]


# Entry point -------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line.

    Args:
        argv: The arguments, without the program name; ``sys.argv[1:]`` when None.

    Returns:
        The exit status: 0 done, 1 validation found errors, 2 a usage error, a bad argument or
        data that cannot be loaded, 3 the output cannot be written, 141 a broken pipe.
    """
    parser = _build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit:
        return exit.code if isinstance(exit.code, int) else EXIT_USAGE
    try:
        status = _run(args)
        _flush()
    except UsageError as error:
        _fail(str(error))
        return EXIT_USAGE
    except OutputError as error:
        _silence_stdout()
        _fail(str(error))
        return EXIT_OUTPUT
    except BrokenPipeError:  # the reader went away (piped into head): say nothing, as cat does
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    return status


def _run(args: argparse.Namespace) -> int:
    command: str = args.command or "summary"
    layout = Layout.for_stream(sys.stdout)
    if command == "validate":
        return _validate(args, layout)
    out = _Out(_load(args.data), layout, getattr(args, "lang", None) or "en")
    if command == "export":
        return _export(out.m, args)
    data, lines = _COMMANDS[command](out, args)
    _emit(json.dumps(data, ensure_ascii=False, indent=2) if args.json else "\n".join(lines))
    return 0


def _build_parser() -> _Parser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--data", metavar="FILE", default=argparse.SUPPRESS, help="a JSON or TOML dataset (default: the packaged one)"
    )
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print JSON, for scripts")
    common.add_argument("--lang", choices=("en", "zh"), default=argparse.SUPPRESS, help="zh: Chinese names first")

    parser = _Parser(
        prog=PROG,
        description="The Yangtze River Delta cooperation mechanism: a summary, and questions asked of the data.",
        epilog="Without a command, prints the summary. Exit status: 0 done, 1 validation errors, "
        "2 usage or data error, 3 output cannot be written, 141 broken pipe.",
    )
    parser.add_argument("--data", metavar="FILE", help="a JSON or TOML dataset (default: the packaged one)")
    parser.add_argument("--json", action="store_true", help="print JSON, for scripts")
    parser.add_argument("--lang", choices=("en", "zh"), default="en", help="zh: Chinese names and titles first")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    commands.add_parser(
        "summary", parents=[common], help="tiers and bodies, members, hosts by year, coverage and sources (default)"
    )
    leaders = commands.add_parser("leaders", parents=[common], help="who held the main-leader posts on a day")
    leaders.add_argument("--on", metavar="DATE", type=_day, help="the day, YYYY-MM-DD (default: the data's as-of date)")
    commands.add_parser("hosts", parents=[common], help="symposium hosts against the rotation rule, with gaps")
    who = commands.add_parser("who", parents=[common], help="a person's posts and meetings")
    who.add_argument(
        "name", metavar="NAME", nargs="+", help="an id, pinyin name, alias or Chinese name (near misses suggested)"
    )
    validate = commands.add_parser("validate", parents=[common], help="check the data; exit status 1 on errors")
    validate.add_argument("file", metavar="FILE", nargs="?", help="the dataset to check (default: --data or packaged)")
    export = commands.add_parser("export", parents=[common], help="write the data as JSON, TOML, Popolo or tables")
    export.add_argument(
        "--format",
        choices=TEXT_FORMATS + FILE_FORMATS,
        default="json",
        metavar="FORMAT",
        help="json (lossless, the default), toml, popolo; tables: csv (a folder or .zip), parquet, sqlite, datapackage",
    )
    export.add_argument("--output", "-o", metavar="PATH", help="write to PATH (needed for the table formats)")
    return parser


def _version() -> str:
    from yrdmodel import __version__

    return __version__


def _day(text: str) -> pendulum.Date:
    try:
        return as_date(text)
    except (ValueError, TypeError) as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


# Output ------------------------------------------------------------------------------------------


def _emit(text: str, stream: TextIO | None = None) -> None:
    """Write a line to standard output (or ``stream``); a failed write raises OutputError."""
    target = stream if stream is not None else sys.stdout
    if target is None:
        raise OutputError("cannot write the output: standard output is closed")
    try:
        try:
            target.write(text + "\n")
        except UnicodeEncodeError:  # a terminal that cannot show Chinese names
            encoding = getattr(target, "encoding", None) or "ascii"
            target.write(text.encode(encoding, "backslashreplace").decode(encoding) + "\n")
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:  # ValueError: the stream was closed
        raise OutputError(f"cannot write the output: {getattr(exc, 'strerror', None) or exc}") from None


def _flush() -> None:
    if sys.stdout is None:
        return
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:
        raise OutputError(f"cannot write the output: {getattr(exc, 'strerror', None) or exc}") from None


def _fail(message: str) -> None:
    if sys.stderr is None:
        return
    with contextlib.suppress(OutputError, OSError):
        _emit(f"{PROG}: error: {' '.join(message.split())}", sys.stderr)


def _silence_stdout() -> None:
    """Point standard output at the null device, so the interpreter's last flush cannot fail again."""
    if sys.stdout is None:
        return
    try:
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), sys.stdout.fileno())
    except (OSError, ValueError):  # not a real file (captured in tests)
        pass


def _span(t: Tenure) -> str:
    """A tenure's dates as the data gives them, with the attested days when a bound is unknown."""
    text = f"{t.start or '(start unknown)'} to {t.end or '(no end known)'}"
    if t.attested and (t.start is None or t.end is None):
        text += "; attested " + ", ".join(str(d) for d in t.attested)
    return text


def _plural(count: int, noun: str, plural: str | None = None) -> str:
    return f"{count} {noun if count == 1 else (plural or noun + 's')}"


# Loading -----------------------------------------------------------------------------------------


def _load(path: str | None) -> Mechanism:
    try:
        return load(path)
    except DataError as error:
        raise UsageError(_one_line(error)) from None


def _one_line(error: DataError) -> str:
    where = f"cannot load {error.source}" if error.source else "cannot load the data"
    first = error.problems[0] if error.problems else "invalid data"
    more = len(error.problems) - 1
    tail = f" (and {_plural(more, 'more problem')}; `{PROG} validate FILE` lists them all)" if more > 0 else ""
    return f"{where}: {first}{tail}"


# summary -----------------------------------------------------------------------------------------


def _summary(out: _Out, args: argparse.Namespace) -> tuple[Json, Lines]:
    m, lay = out.m, out.layout
    trees = {tier: body_tree(m, m.bodies(tier)) for tier in Tier}
    related = body_tree(m, tuple(b for b in m.all_bodies if b.tier is None))
    hosts = host_years(m)
    cover = coverage(m)
    sources = source_summary(m)
    report = m.validate()
    data = {
        "name_en": m.name_en,
        "name_zh": m.name_zh,
        "as_of": to_data(m.as_of),
        "members": to_data(m.members),
        "tiers": {tier.value: to_data(tree) for tier, tree in trees.items()},
        "related_bodies": to_data(related),
        "symposium_hosts": to_data(hosts),
        "coverage": to_data(cover),
        "sources": to_data(sources),
        "validation": {"ok": report.ok, "errors": len(report.errors), "warnings": len(report.warnings)},
    }
    lines = lay.para(out.named(m.name_en, m.name_zh))
    lines += lay.para(
        f"Data as of {m.as_of}; answers about later days rest on no source." if m.as_of else "No as-of date."
    )
    lines += ["", f"Members ({len(m.members)})"]
    lines += lay.table(
        [
            x.id,
            out.named(x.name_en, x.name_zh),
            x.kind.value,
            "; ".join(f"{c.status.value} {c.since}" for c in x.history) or "history not recorded",
        ]
        for x in m.members
    )
    lines += ["", "Tiers and their bodies"]
    for tier, tree in trees.items():
        lines.append(f"  {tier.value.capitalize()}")
        lines += _body_lines(out, tree) or ["    (no bodies recorded)"]
    if related:
        lines.append("  Related bodies (outside the three tiers)")
        lines += _body_lines(out, related)
    lines += ["", "Symposium hosts by year"]
    lines += lay.table(
        (
            [str(h.year), out.member(h.host) if h.host else "-", h.city or "", str(h.date or ""), _note(out, h)]
            for h in hosts
        ),
        header=["year", "host", "city", "date", "rotation"],
        styles=[_row_style(h) for h in hosts],
    ) or ["  (no symposia recorded)"]
    if m.rotation is not None and hosts:
        following = m.rotation.next_after(hosts[-1].year)
        if following is not None:
            lines += lay.para(f"Next by the rotation rule: {following[0]}, {out.member(following[1])}", indent=2)
    lines += ["", "Coverage"]
    lines += _coverage_lines(out, cover)
    lines += ["", f"Sources ({sources.total})"]
    lines += lay.para("by kind: " + ", ".join(f"{kind.value} {n}" for kind, n in sources.by_kind), indent=2)
    lines += lay.para(f"cited by some record: {sources.cited} of {sources.total}", indent=2)
    lines += lay.para("records by confidence: " + ", ".join(f"{c} {n}" for c, n in sources.records_by_confidence), 2)
    verdict = "valid" if report.ok else lay.style("INVALID", "error")
    counts = f"{_plural(len(report.errors), 'error')}, {_plural(len(report.warnings), 'warning')}"
    lines += ["", *lay.para(f"Validation: {verdict}, {counts} (`{PROG} validate` lists them)")]
    return data, lines


def _body_lines(out: _Out, tree: tuple[BodyNode, ...]) -> Lines:
    rows: list[list[str]] = []

    def walk(nodes: tuple[BodyNode, ...], level: int) -> None:
        for node in nodes:
            b = node.body
            extra = [f"under {node.part_of}"] if node.part_of else []
            extra += [f"founded {b.founded}"] if b.founded else []
            extra += [f"in {b.seat}"] if b.seat else []
            extra += [f"{c.value} as of {c.as_of}" for c in b.counts]
            notes = f" [{'; '.join(extra)}]" if extra else ""
            rows.append(["  " * level + b.id, out.named(b.name_en, b.name_zh) + notes])
            walk(node.children, level + 1)

    walk(tree, 0)
    return out.layout.table(rows, indent=4)


def _coverage_lines(out: _Out, c: Coverage) -> Lines:
    lay = out.layout

    def between(value: tuple[object, object] | None) -> str:
        return f" ({value[0]} to {value[1]})" if value else ""

    lines = lay.para(
        f"{_plural(c.people, 'person', 'people')}, {_plural(c.posts, 'post')} "
        f"({_plural(c.main_leader_posts, 'main-leader post')}), {_plural(c.tenures, 'tenure')}{between(c.tenure_dates)}",
        indent=2,
    )
    if c.meetings:
        by_body = ", ".join(f"{body} {n}" for body, n in c.meetings_by_body)
        lines += lay.para(f"{_plural(c.meetings, 'meeting')}{between(c.meeting_dates)}: {by_body}", indent=2)
    else:
        lines += lay.para("no meetings recorded", indent=2)
    if c.symposium_years:
        years = c.symposium_years
        lines += lay.para(f"symposia recorded for {_plural(len(years), 'year')}, {years[0]} to {years[-1]}", indent=2)
        if c.gap_years:
            gaps = f"gaps: no symposium recorded for {year_ranges(c.gap_years)}"
            lines += [lay.style(x, "warning") for x in lay.para(gaps, indent=2)]
    else:
        lines += lay.para("no symposia recorded", indent=2)
    plan_years = f" covering {c.plan_years[0]} to {c.plan_years[1]}" if c.plan_years else ""
    lines += lay.para(f"{_plural(c.plans, 'plan')}{plan_years}", indent=2)
    return lines


# hosts -------------------------------------------------------------------------------------------


def _note(out: _Out, h: HostYear) -> str:
    decided = f"decided at {h.decided_at}; " if h.decided_at and not h.held else ""
    if h.gap:
        return "gap: no symposium recorded" + (f"; rule expects {out.member(h.expected)}" if h.governed else "")
    if not h.governed:
        return decided + ("before the rule" if h.host else "host unknown")
    if h.host is None:
        return decided + f"host unknown; rule expects {out.member(h.expected)}"
    if h.deviation:
        return decided + f"DEVIATION: rule expects {out.member(h.expected) if h.expected else 'no meeting'}"
    return decided + "as the rule expects"


def _row_style(h: HostYear) -> str | None:
    return "warning" if h.deviation else None


def _hosts(out: _Out, args: argparse.Namespace) -> tuple[Json, Lines]:
    m, lay = out.m, out.layout
    rows = host_years(m)
    policy = m.rotation
    deviations = m.host_deviations()
    upcoming = policy.next_after(rows[-1].year if rows else policy.first_year - 1) if policy is not None else None
    data = {
        "rule": to_data(policy),
        "years": to_data(rows),
        "gaps": [r.year for r in rows if r.gap],
        "deviations": to_data(deviations),
        "next": None if upcoming is None else {"year": upcoming[0], "expected": upcoming[1]},
    }
    if policy is None:
        lines = ["The data declares no rotation rule; hosts as recorded:"]
    else:
        order = " -> ".join(out.member(x) for x in policy.order)
        until = f" to {policy.until}" if policy.until else ""
        lines = lay.para(f"Rotation rule for {policy.body}: {order}, repeating, from {policy.first_year}{until}")
        for e in policy.exceptions:
            lines += lay.para(f"exception {e.year}: {e.kind.value}" + (f", {e.host} hosts" if e.host else ""), 2)
    lines.append("")
    lines += lay.table(
        (
            [str(r.year), out.member(r.host) if r.host else "-", r.city or "", out.member(r.expected), _note(out, r)]
            for r in rows
        ),
        header=["year", "actual host", "city", "rule expects", ""],
        styles=[_row_style(r) for r in rows],
    ) or ["  (no symposia recorded)"]
    lines.append("")
    if deviations:
        lines.append(lay.style(f"Deviations ({len(deviations)}):", "warning"))
        for d in deviations:
            lines += lay.para(
                f"{d.year}: {out.member(d.actual)} hosted; the rule expects {out.member(d.expected)}", indent=2
            )
    else:
        lines.append("Deviations: none" + (" (no rule to compare with)" if policy is None else ""))
    gaps = [r.year for r in rows if r.gap]
    if gaps:
        lines += lay.para(f"Gaps (no symposium recorded): {year_ranges(gaps)}")
    if upcoming is not None:
        lines += lay.para(f"Next by the rule: {upcoming[0]}, {out.member(upcoming[1])}")
    return data, lines


# leaders -----------------------------------------------------------------------------------------


def _leaders(out: _Out, args: argparse.Namespace) -> tuple[Json, Lines]:
    m, lay = out.m, out.layout
    on: pendulum.Date | None = args.on
    stated = ""
    if on is None:
        if m.as_of is None:
            raise UsageError("the data has no as-of date: give the day with --on YYYY-MM-DD")
        on = m.as_of.first
        stated = " (as far as the data knows, on its as_of day)"
    found = leaders_on(m, on)
    data = {"date": on.isoformat(), "leaders": to_data(found)}
    table: list[list[str]] = []
    styles: list[str | None] = []
    for r in found:
        if not r.holders:
            table.append([out.post(r.post), "(no record covers the day)", ""])
            styles.append(None)
        for i, h in enumerate(r.holders):
            name = out.person(h.person)
            table.append([out.post(r.post) if i == 0 else "", name if h.certain else f"maybe {name}", _span(h.tenure)])
            styles.append(None if h.certain else "maybe")
    lines = [*lay.para(f"Main leaders on {on.isoformat()}{stated}"), ""]
    lines += lay.table(table, header=["post", "holder", "tenure"], styles=styles) or [
        "  (the data declares no main-leader posts)"
    ]
    if any(not h.certain for r in found for h in r.holders):
        lines += ["", *lay.para("maybe: a date known only to the month or year, or an unknown end, leaves it open.")]
    return data, lines


# who ---------------------------------------------------------------------------------------------


def _who(out: _Out, args: argparse.Namespace) -> tuple[Json, Lines]:
    m, lay = out.m, out.layout
    name = " ".join(args.name)
    try:
        person = m.person(name)
    except UnknownIdError as error:
        if error.suggestions:
            raise UsageError(f"no person goes by {name!r}; did you mean {', '.join(error.suggestions)}?") from None
        raise UsageError(f"no person goes by {name!r} (try an id such as li-qiang, or a Chinese name)") from None
    except AmbiguousAnswerError as error:
        raise UsageError(f"{error}") from None
    tenures = m.tenures_of(person)
    attended = [
        (x, a) for x in sorted(m.meetings, key=lambda x: x.date.sort_key) for a in x.attendees if a.person == person.id
    ]
    data = {
        **to_data(person),
        "tenures": to_data(tenures),
        "meetings": [{"meeting": x.id, "date": str(x.date), **to_data(a)} for x, a in attended],
    }
    lines = lay.para(f"{out.named(person.name_en, person.name_zh)}  [{person.id}]")
    for a in person.aliases:
        lines += lay.para("also written " + a.name + (f": {a.note}" if a.note else ""), indent=2)
    lines += [f"  {i.scheme}: {i.value}" for i in person.identifiers]
    lines += ["", "Posts"]
    lines += lay.table([_span(t), out.post(t.post), _how(t)] for t in tenures) or ["  (no tenures recorded)"]
    lines += ["", "Meetings attended"]
    lines += lay.table(
        [str(x.date), x.id, ("as " + out.post(a.post)) if a.post else (f"as {a.role}" if a.role else "")]
        for x, a in attended
    ) or ["  (none recorded)"]
    cited = ", ".join(c.source for c in person.sources) or "none"
    lines += ["", *lay.para(f"Sources: {cited} (confidence {person.confidence.value})")]
    return data, lines


def _how(t: Tenure) -> str:
    how = [t.how_started or ("acting at first" if t.acting else None)]
    how += [f"confirmed {t.confirmed}" if t.confirmed else None, t.how_ended]
    return "; ".join(x for x in how if x)


# validate and export -----------------------------------------------------------------------------


def _validate(args: argparse.Namespace, layout: Layout) -> int:
    path = args.file or args.data
    try:
        m = load(path)
    except DataError as error:
        unreadable = len(error.problems) == 1 and error.problems[0].message.startswith("cannot read")
        if unreadable:
            raise UsageError(_one_line(error)) from None
        if args.json:
            problems = to_data(error.problems)
            _emit(json.dumps({"ok": False, "loaded": False, "problems": problems}, ensure_ascii=False, indent=2))
        else:
            _emit("\n".join(layout.para(f"invalid: {error}")))
        return EXIT_DATA
    report = m.validate()
    if args.json:
        counts = {"errors": len(report.errors), "warnings": len(report.warnings)}
        found = {"ok": report.ok, "loaded": True, **counts, "findings": to_data(report.findings)}
        _emit(json.dumps(found, ensure_ascii=False, indent=2))
    else:
        where = f"{path}: " if path else "the packaged dataset: "
        lines = layout.para(where + str(report).splitlines()[0])
        for f in report.findings:
            wrapped = layout.para(str(f), indent=2, hang=2)
            severity = f.severity.value
            style = "error" if f.severity is Severity.ERROR else "warning"
            lines += [wrapped[0].replace(severity, layout.style(severity, style), 1), *wrapped[1:]]
        _emit("\n".join(lines))
    return 0 if report.ok else EXIT_DATA


def _export(m: Mechanism, args: argparse.Namespace) -> int:
    from yrdmodel.interop.tables import write_atomic, write_tables

    fmt: str = args.format
    target = Path(args.output) if args.output else None
    if target is None:
        if fmt in FILE_FORMATS:
            raise UsageError(f"--format {fmt} writes files: give the target with -o PATH")
        _emit(_export_text(m, fmt))
        return 0
    try:
        if fmt in FILE_FORMATS:
            written = write_tables(m, fmt, target)
        else:
            written = [write_atomic(target, (_export_text(m, fmt) + "\n").encode("utf-8"))]
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None
    except ImportError as exc:
        raise UsageError(str(exc)) from None
    total = sum(p.stat().st_size for p in written)
    _emit(f"wrote {_plural(len(written), 'file')} ({total:,} bytes) as {fmt}:", sys.stderr)
    for p in written:
        _emit(f"  {p} ({p.stat().st_size:,} bytes)", sys.stderr)
    return 0


def _export_text(m: Mechanism, fmt: str) -> str:
    from yrdmodel.io.files import dumps

    if fmt == "popolo":
        from yrdmodel.interop.popolo import to_popolo

        try:
            return json.dumps(to_popolo(m), ensure_ascii=False, indent=2)
        except ValueError as exc:
            raise UsageError(f"cannot export as Popolo: {exc}") from None
    if fmt == "toml":
        try:
            return dumps(m, format="toml").rstrip("\n")
        except ImportError as exc:
            raise UsageError(str(exc)) from None
    return dumps(m)


_COMMANDS: dict[str, Command] = {"summary": _summary, "leaders": _leaders, "hosts": _hosts, "who": _who}

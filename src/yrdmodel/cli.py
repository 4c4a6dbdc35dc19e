"""The ``yrdmodel`` command line: a summary of the mechanism, and a few questions asked of it.

Run ``yrdmodel`` (or ``python -m yrdmodel``) for a summary of the packaged dataset; ``--data FILE``
reads your own JSON or TOML file instead. Commands::

    yrdmodel [summary]              tiers and bodies, members, symposium hosts by year, coverage, sources
    yrdmodel leaders --on DATE      who held the eight main-leader posts on a day
    yrdmodel hosts                  symposium hosts against the rotation rule, with deviations
    yrdmodel who NAME               a person's posts and meetings (by id, name, alias or Chinese name)
    yrdmodel validate [FILE]        every validation finding; exit status 1 when there are errors
    yrdmodel export --format json|popolo [--output FILE]

``--json`` prints what a command found as JSON, for scripts. Exit status: 0 done, 1 the data
has validation errors (``validate``), 2 a usage error, a bad argument or a file that cannot be
loaded; each of these prints one line saying why.
"""

import argparse
import json
import os
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, NoReturn

import pendulum

from yrdmodel.errors import AmbiguousAnswerError, DataError, UnknownIdError
from yrdmodel.io.files import dumps, load
from yrdmodel.model.bodies import Body, Tier
from yrdmodel.model.dates import PartialDate, Truth, as_date
from yrdmodel.model.mechanism import Mechanism
from yrdmodel.model.members import Member
from yrdmodel.model.posts import Tenure
from yrdmodel.model.sources import SourceKind

__all__ = ["main"]

PROG = "yrdmodel"

Lines = list[str]
Command = Callable[[Mechanism, argparse.Namespace], tuple[Any, Lines]]


class UsageError(Exception):
    """A bad argument found after parsing (an unknown person, say): exit status 2."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line (``yrdmodel: error: ...``) and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{PROG}: error: {message}\n")


# Entry point -------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line.

    Args:
        argv: The arguments, without the program name; ``sys.argv[1:]`` when None.

    Returns:
        The exit status: 0 done, 1 validation found errors, 2 a usage error, a bad argument or
        data that cannot be loaded.
    """
    parser = _build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit:
        return exit.code if isinstance(exit.code, int) else 2
    command: str = args.command or "summary"
    try:
        if command == "validate":
            return _validate(args)
        m = _load(args.data)
        if command == "export":
            return _export(m, args)
        data, lines = _COMMANDS[command](m, args)
        if args.json:
            _emit(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            _emit("\n".join(lines))
    except UsageError as error:
        _fail(str(error))
        return 2
    except BrokenPipeError:  # e.g. piped into head
        _silence_stdout()
        return 1
    return 0


def _build_parser() -> _Parser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--data", metavar="FILE", default=argparse.SUPPRESS, help="a JSON or TOML dataset (default: the packaged one)"
    )
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print JSON, for scripts")

    parser = _Parser(
        prog=PROG,
        description="The Yangtze River Delta cooperation mechanism: a summary, and questions asked of the data.",
        epilog="Without a command, prints the summary. Exit status: 0 done, 1 validation errors, 2 usage or data error.",
    )
    parser.add_argument("--data", metavar="FILE", help="a JSON or TOML dataset (default: the packaged one)")
    parser.add_argument("--json", action="store_true", help="print JSON, for scripts")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    commands.add_parser(
        "summary", parents=[common], help="tiers and bodies, members, hosts by year, coverage and sources (default)"
    )
    leaders = commands.add_parser("leaders", parents=[common], help="who held the main-leader posts on a day")
    leaders.add_argument("--on", metavar="DATE", type=_day, help="the day, YYYY-MM-DD (default: the data's as-of date)")
    commands.add_parser("hosts", parents=[common], help="symposium hosts against the rotation rule")
    who = commands.add_parser("who", parents=[common], help="a person's posts and meetings")
    who.add_argument("name", metavar="NAME", help="an id, pinyin name, alias or Chinese name")
    validate = commands.add_parser("validate", parents=[common], help="check the data; exit status 1 on errors")
    validate.add_argument("file", metavar="FILE", nargs="?", help="the dataset to check (default: --data or packaged)")
    export = commands.add_parser("export", parents=[common], help="write the data as JSON or Popolo JSON")
    export.add_argument("--format", choices=("json", "popolo"), default="json", help="json (lossless) or popolo")
    export.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of standard output")
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


def _emit(text: str, stream: Any = None) -> None:
    stream = stream or sys.stdout
    try:
        stream.write(text + "\n")
    except UnicodeEncodeError:  # a terminal that cannot show Chinese names
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(text.encode(encoding, "backslashreplace").decode(encoding) + "\n")


def _fail(message: str) -> None:
    _emit(f"{PROG}: error: {' '.join(message.split())}", sys.stderr)


def _silence_stdout() -> None:
    with open(os.devnull, "w") as devnull:
        os.dup2(devnull.fileno(), sys.stdout.fileno())


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _table(rows: Iterable[Sequence[str]], header: Sequence[str] | None = None, indent: int = 2) -> Lines:
    """Rows as aligned columns (Chinese characters count two columns wide)."""
    rows = [list(r) for r in rows]
    if header is not None:
        rows.insert(0, list(header))
    if not rows:
        return []
    widths = [max(_width(r[i]) for r in rows if i < len(r)) for i in range(max(len(r) for r in rows))]
    lines = []
    for row in rows:
        cells = [c + " " * (widths[i] - _width(c)) for i, c in enumerate(row)]
        lines.append((" " * indent + "  ".join(cells)).rstrip())
    return lines


def _named(name_en: str, name_zh: str | None) -> str:
    return f"{name_en} ({name_zh})" if name_zh else name_en


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


def _summary(m: Mechanism, args: argparse.Namespace) -> tuple[Any, Lines]:
    members = [_member_row(x) for x in m.members]
    tiers = {tier.value: _tree(m, m.bodies(tier)) for tier in Tier}
    related = _tree(m, tuple(b for b in m.all_bodies if b.tier is None))
    hosts = _host_rows(m)
    coverage = _coverage(m)
    sources = _source_counts(m)
    report = m.validate()
    data: dict[str, Any] = {
        "name_en": m.name_en,
        "name_zh": m.name_zh,
        "as_of": str(m.as_of) if m.as_of else None,
        "members": members,
        "tiers": tiers,
        "related_bodies": related,
        "symposium_hosts": hosts,
        "coverage": coverage,
        "sources": sources,
        "validation": {"ok": report.ok, "errors": len(report.errors), "warnings": len(report.warnings)},
    }
    lines = [_named(m.name_en, m.name_zh)]
    lines.append(f"Data as of {m.as_of}; answers about later days rest on no source." if m.as_of else "No as-of date.")
    lines += ["", f"Members ({len(m.members)})"]
    lines += _table([x["id"], _named(x["name_en"], x["name_zh"]), x["kind"], x["membership"]] for x in members)
    lines += ["", "Tiers and their bodies"]
    for tier in Tier:
        lines.append(f"  {tier.value.capitalize()}")
        lines += _body_lines(tiers[tier.value]) or ["    (no bodies recorded)"]
    if related:
        lines.append("  Related bodies (outside the three tiers)")
        lines += _body_lines(related)
    lines += ["", "Symposium hosts by year"]
    lines += _table(
        ([str(h["year"]), h["host_name"] or "?", h["city"] or "", h["date"] or "", _rotation_note(h)] for h in hosts),
        header=["year", "host", "city", "date", "rotation"],
    ) or ["  (no symposia recorded)"]
    if m.rotation is not None and hosts:
        following = m.rotation.next_after(max(h["year"] for h in hosts))
        if following is not None:
            lines.append(f"  Next by the rotation rule: {following[0]}, {_member_name(m, following[1])}")
    lines += ["", "Coverage"]
    lines += _coverage_lines(coverage)
    lines += ["", f"Sources ({sources['total']})"]
    lines.append("  by kind: " + ", ".join(f"{kind} {n}" for kind, n in sources["by_kind"].items()))
    lines.append(f"  cited by some record: {sources['cited']} of {sources['total']}")
    lines.append(
        "  records by confidence: " + ", ".join(f"{c} {n}" for c, n in sources["records_by_confidence"].items())
    )
    verdict = "valid" if report.ok else "INVALID"
    counts = f"{_plural(len(report.errors), 'error')}, {_plural(len(report.warnings), 'warning')}"
    lines += ["", f"Validation: {verdict}, {counts} (`{PROG} validate` lists them)"]
    return data, lines


def _member_row(x: Member) -> dict[str, Any]:
    history = "; ".join(f"{c.status.value} {c.since}" for c in x.history) or "membership history not recorded"
    return {
        "id": x.id,
        "name_en": x.name_en,
        "name_zh": x.name_zh,
        "kind": x.kind.value,
        "membership": history,
        "history": [{"since": str(c.since), "status": c.status.value, "event": c.event} for c in x.history],
    }


def _tree(m: Mechanism, bodies: tuple[Body, ...]) -> list[dict[str, Any]]:
    """Bodies as a tree: each under its parent when the parent is among ``bodies``, else at the top."""
    within = {b.id for b in bodies}
    placed: set[str] = set()

    def node(b: Body) -> dict[str, Any]:
        placed.add(b.id)
        children = [c for c in m.children(b.id) if c.id in within and c.id not in placed]
        return {
            "id": b.id,
            "name_en": b.name_en,
            "name_zh": b.name_zh,
            "kind": b.kind.value,
            "part_of": b.parent if b.parent not in within else None,
            "founded": str(b.founded) if b.founded else None,
            "seat": b.seat,
            "counts": [{"value": c.value, "as_of": str(c.as_of)} for c in b.counts],
            "children": [node(c) for c in children if c.id not in placed],
        }

    tree = [node(b) for b in bodies if b.parent is None or b.parent not in within]
    tree += [node(b) for b in bodies if b.id not in placed]  # bodies whose parents form a cycle
    return tree


def _body_lines(bodies: list[dict[str, Any]], depth: int = 0) -> Lines:
    rows: list[list[str]] = []

    def walk(items: list[dict[str, Any]], level: int) -> None:
        for b in items:
            extra = [f"under {b['part_of']}"] if b["part_of"] else []
            extra += [f"founded {b['founded']}"] if b["founded"] else []
            extra += [f"in {b['seat']}"] if b["seat"] else []
            extra += [f"{c['value']} as of {c['as_of']}" for c in b["counts"]]
            notes = f"  [{'; '.join(extra)}]" if extra else ""
            rows.append(["  " * level + b["id"], _named(b["name_en"], b["name_zh"]) + notes])
            walk(b["children"], level + 1)

    walk(bodies, depth)
    return _table(rows, indent=4)


def _coverage(m: Mechanism) -> dict[str, Any]:
    years = sorted({s.year for s in m.symposia})
    missing = [y for y in range(years[0], years[-1] + 1) if y not in years] if years else []
    dates = [d for t in m.tenures for d in (t.start, t.end) if d is not None]
    meeting_dates = [x.date for x in m.meetings]
    by_body = Counter(x.body for x in m.meetings)
    plan_years = [y for p in m.plans for y in (p.first_year, p.last_year) if y is not None]
    main = m.main_leader_posts()
    return {
        "people": len(m.people),
        "posts": len(m.posts),
        "main_leader_posts": len(main),
        "tenures": len(m.tenures),
        "tenure_dates": _range(dates),
        "meetings": len(m.meetings),
        "meetings_by_body": dict(by_body.most_common()),
        "meeting_dates": _range(meeting_dates),
        "symposium_years": years,
        "years_without_a_symposium_record": missing,
        "plans": len(m.plans),
        "plan_years": [min(plan_years), max(plan_years)] if plan_years else None,
    }


def _range(dates: Sequence[PartialDate]) -> list[str] | None:
    if not dates:
        return None
    return [str(min(dates, key=lambda d: d.sort_key)), str(max(dates, key=lambda d: (d.hi, int(d.precision))))]


def _coverage_lines(c: dict[str, Any]) -> Lines:
    def between(value: list[str] | None) -> str:
        return f" ({value[0]} to {value[1]})" if value else ""

    lines = [
        f"  {_plural(c['people'], 'person', 'people')}, {_plural(c['posts'], 'post')} "
        f"({c['main_leader_posts']} main-leader posts), {_plural(c['tenures'], 'tenure')}{between(c['tenure_dates'])}",
        *_wrap_items(
            f"  {_plural(c['meetings'], 'meeting')}{between(c['meeting_dates'])}: ",
            [f"{body} {n}" for body, n in c["meetings_by_body"].items()],
        ),
    ]
    if c["symposium_years"]:
        years = c["symposium_years"]
        gaps = year_ranges(c["years_without_a_symposium_record"])
        lines.append(
            f"  symposia recorded for {_plural(len(years), 'year')}, {years[0]} to {years[-1]}"
            + (f"; none recorded for {gaps}" if gaps else "")
        )
    plan_years = f" covering {c['plan_years'][0]} to {c['plan_years'][1]}" if c["plan_years"] else ""
    lines.append(f"  {_plural(c['plans'], 'plan')}{plan_years}")
    return lines


def _wrap_items(head: str, items: Sequence[str], width: int = 100) -> Lines:
    """``head`` then the items joined by commas, wrapped between items (never inside one)."""
    lines, line = [], head
    for i, item in enumerate(items):
        text = item + ("," if i < len(items) - 1 else "")
        if len(line) + len(text) > width and line.strip() and line != head:
            lines.append(line.rstrip())
            line = "    "
        line += text + " "
    lines.append(line.rstrip())
    return lines


def year_ranges(years: Sequence[int], dash: str = "-") -> str:
    """Sorted years as ranges: ``[2006, 2007, 2008, 2010]`` as ``"2006-2008, 2010"``.

    Args:
        years: Years in increasing order.
        dash: What joins the ends of a range.
    """
    runs: list[list[int]] = []
    for y in years:
        if runs and y == runs[-1][-1] + 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}{dash}{r[-1]}" for r in runs)


def _source_counts(m: Mechanism) -> dict[str, Any]:
    from yrdmodel.validation.rules import iter_records

    kinds = Counter(s.kind.value for s in m.sources)
    cited = set(m.cited_sources())
    confidence = Counter(record.confidence.value for _, record in iter_records(m))
    return {
        "total": len(m.sources),
        "by_kind": {kind.value: kinds[kind.value] for kind in SourceKind if kinds[kind.value]},
        "cited": len(cited & {s.id for s in m.sources}),
        "records_by_confidence": {c: confidence[c] for c in ("high", "medium", "low") if confidence[c]},
    }


# hosts -------------------------------------------------------------------------------------------


def _member_name(m: Mechanism, member_id: str | None) -> str:
    if member_id is None:
        return "-"
    try:
        return m.member(member_id).name_en
    except UnknownIdError:
        return member_id


def _host_rows(m: Mechanism) -> list[dict[str, Any]]:
    """One row per year with a symposium, a decided host, or (after the last) the rotation's next year."""
    policy = m.rotation
    by_year: dict[int, list[Any]] = {}
    for s in m.symposia:
        by_year.setdefault(s.year, []).append(s)
    decided = {s.next_host_year: s for s in m.symposia if s.next_host and s.next_host_year}
    rows: list[dict[str, Any]] = []
    for year in sorted(by_year.keys() | decided.keys()):
        meetings = by_year.get(year, [])
        held = meetings[0] if meetings else None
        decision = decided.get(year)
        actual = held.host if held is not None else None
        host = actual or (decision.next_host if decision else None)
        expected = policy.host_for(year) if policy is not None else None
        governed = policy is not None and policy.governs(year)
        rows.append(
            {
                "year": year,
                "meeting": held.id if held else None,
                "date": str(held.date) if held else None,
                "city": held.city if held else None,
                "host": host,
                "host_name": _member_name(m, host) if host else None,
                "held": held is not None,
                "decided_at": decision.id if decision else None,
                "expected": expected,
                "expected_name": _member_name(m, expected) if expected else None,
                "governed_by_rule": governed,
                "deviation": bool(governed and host is not None and host != expected),
            }
        )
    return rows


def _rotation_note(h: dict[str, Any]) -> str:
    decided = f"decided at {h['decided_at']}; " if h["decided_at"] and not h["held"] else ""
    if not h["governed_by_rule"]:
        return decided + "before the rule" if h["host"] else decided + "host unknown"
    if h["host"] is None:
        return decided + f"host unknown; rule expects {h['expected_name']}"
    if h["deviation"]:
        return decided + f"DEVIATION: rule expects {h['expected_name'] or 'no meeting'}"
    return decided + "as the rule expects"


def _hosts(m: Mechanism, args: argparse.Namespace) -> tuple[Any, Lines]:
    rows = _host_rows(m)
    policy = m.rotation
    deviations: list[dict[str, Any]] = [
        {"year": d.year, "expected": d.expected, "actual": d.actual} for d in m.host_deviations()
    ]
    upcoming: dict[str, Any] | None = None
    if policy is not None:
        last = max((r["year"] for r in rows), default=policy.first_year - 1)
        following = policy.next_after(last)
        if following is not None:
            upcoming = {"year": following[0], "expected": following[1]}
    data: dict[str, Any] = {
        "rule": None
        if policy is None
        else {
            "body": policy.body,
            "order": list(policy.order),
            "anchor_year": policy.anchor_year,
            "interval": policy.interval,
            "since": policy.first_year,
            "until": policy.until,
            "exceptions": [{"year": e.year, "kind": e.kind.value, "host": e.host} for e in policy.exceptions],
        },
        "years": rows,
        "deviations": deviations,
        "next": upcoming,
    }
    if policy is None:
        lines = ["The data declares no rotation rule; hosts as recorded:"]
    else:
        order = " -> ".join(_member_name(m, x) for x in policy.order)
        until = f" to {policy.until}" if policy.until else ""
        lines = [f"Rotation rule for {policy.body}: {order}, repeating, from {policy.first_year}{until}"]
        lines += [
            f"  exception {e.year}: {e.kind.value}" + (f", {e.host} hosts" if e.host else "") for e in policy.exceptions
        ]
    lines.append("")
    lines += _table(
        (
            [
                str(r["year"]),
                r["host_name"] or "?",
                r["city"] or "",
                r["expected_name"] or "-",
                _rotation_note(r),
            ]
            for r in rows
        ),
        header=["year", "actual host", "city", "rule expects", ""],
    ) or ["  (no symposia recorded)"]
    lines.append("")
    if deviations:
        lines.append(f"Deviations ({len(deviations)}):")
        lines += [
            f"  {d['year']}: {_member_name(m, d['actual'])} hosted; the rule expects {_member_name(m, d['expected'])}"
            for d in deviations
        ]
    else:
        lines.append("Deviations: none" + (" (no rule to compare with)" if policy is None else ""))
    if upcoming is not None:
        lines.append(f"Next by the rule: {upcoming['year']}, {_member_name(m, upcoming['expected'])}")
    return data, lines


# leaders -----------------------------------------------------------------------------------------


def _leaders(m: Mechanism, args: argparse.Namespace) -> tuple[Any, Lines]:
    on: pendulum.Date | None = args.on
    stated = ""
    if on is None:
        if m.as_of is None:
            raise UsageError("the data has no as-of date: give the day with --on YYYY-MM-DD")
        on = m.as_of.last
        stated = f" (the data's as-of date {m.as_of}; give another day with --on)"
    rows: list[dict[str, Any]] = []
    for post in m.main_leader_posts():
        holders: list[dict[str, Any]] = [
            {
                "person": t.person,
                **_person_names(m, t.person),
                "certain": truth is Truth.YES,
                "tenure": t.id,
                "span": _span(t),
            }
            for truth, t in m.holders_with_truth(post.id, on)
        ]
        rows.append({"post": post.id, "post_name": post.name_en, "member": post.member, "holders": holders})
    data = {"date": on.isoformat(), "leaders": rows}
    table = []
    for r in rows:
        if not r["holders"]:
            table.append([r["post_name"], "(no record covers the day)", ""])
        for i, h in enumerate(r["holders"]):
            name = _named(h["name_en"], h["name_zh"])
            who = name if h["certain"] else f"maybe {name}"
            table.append([r["post_name"] if i == 0 else "", who, h["span"]])
    lines = [f"Main leaders on {on.isoformat()}{stated}", ""]
    lines += _table(table, header=["post", "holder", "tenure"]) or ["  (the data declares no main-leader posts)"]
    if any(not h["certain"] for r in rows for h in r["holders"]):
        lines += ["", "maybe: a date known only to the month or year, or an unknown end, leaves it open."]
    return data, lines


def _person_names(m: Mechanism, person_id: str) -> dict[str, str | None]:
    try:
        p = m.person(person_id)
    except UnknownIdError:
        return {"name_en": person_id, "name_zh": None}
    return {"name_en": p.name_en, "name_zh": p.name_zh}


# who ---------------------------------------------------------------------------------------------


def _who(m: Mechanism, args: argparse.Namespace) -> tuple[Any, Lines]:
    try:
        person = m.person(args.name)
    except UnknownIdError:
        raise UsageError(f"no person goes by {args.name!r} (try an id such as li-qiang, or a Chinese name)") from None
    except AmbiguousAnswerError as error:
        raise UsageError(f"{error}") from None
    tenures = m.tenures_of(person)
    attended = [
        (x, a) for x in sorted(m.meetings, key=lambda x: x.date.sort_key) for a in x.attendees if a.person == person.id
    ]
    data: dict[str, Any] = {
        "id": person.id,
        "name_en": person.name_en,
        "name_zh": person.name_zh,
        "aliases": [{"name": a.name, "note": a.note} for a in person.aliases],
        "identifiers": [{"scheme": i.scheme, "value": i.value} for i in person.identifiers],
        "tenures": [_tenure_data(m, t) for t in tenures],
        "meetings": [
            {"meeting": x.id, "date": str(x.date), "post": a.post, "role": a.role, "note": a.note} for x, a in attended
        ],
        "sources": [c.source for c in person.sources],
        "confidence": person.confidence.value,
    }
    lines = [f"{_named(person.name_en, person.name_zh)}  [{person.id}]"]
    lines += [f"  also written {a.name}" + (f": {a.note}" if a.note else "") for a in person.aliases]
    lines += [f"  {i.scheme}: {i.value}" for i in person.identifiers]
    lines += ["", "Posts"]
    lines += _table(
        ([t["span"], t["post_name"], t["how"]] for t in data["tenures"]),
    ) or ["  (no tenures recorded)"]
    lines += ["", "Meetings attended"]
    lines += _table(
        ([str(x.date), x.id, _attended_as(m, a.post, a.role)] for x, a in attended),
    ) or ["  (none recorded)"]
    lines += ["", "Sources: " + (", ".join(data["sources"]) or "none") + f" (confidence {person.confidence.value})"]
    return data, lines


def _tenure_data(m: Mechanism, t: Tenure) -> dict[str, Any]:
    try:
        post_name = m.post(t.post).name_en
    except UnknownIdError:
        post_name = t.post
    how = [t.how_started or ("acting at first" if t.acting else None)]
    how += [f"confirmed {t.confirmed}" if t.confirmed else None, t.how_ended]
    return {
        "tenure": t.id,
        "post": t.post,
        "post_name": post_name,
        "start": str(t.start) if t.start else None,
        "end": str(t.end) if t.end else None,
        "span": _span(t),
        "how": "; ".join(x for x in how if x),
        "sources": [c.source for c in t.sources],
    }


def _attended_as(m: Mechanism, post: str | None, role: str | None) -> str:
    if post is not None:
        try:
            return "as " + m.post(post).name_en
        except UnknownIdError:
            return "as " + post
    return f"as {role}" if role else ""


# validate and export -----------------------------------------------------------------------------


def _validate(args: argparse.Namespace) -> int:
    path = args.file or args.data
    try:
        m = load(path)
    except DataError as error:
        unreadable = len(error.problems) == 1 and error.problems[0].message.startswith("cannot read")
        if unreadable:
            raise UsageError(_one_line(error)) from None
        if args.json:
            problems = [{"path": p.path, "message": p.message} for p in error.problems]
            _emit(json.dumps({"ok": False, "loaded": False, "problems": problems}, ensure_ascii=False, indent=2))
        else:
            _emit(f"invalid: {error}")
        return 1
    report = m.validate()
    if args.json:
        findings = [
            {
                "code": f.code,
                "severity": f.severity.value,
                "message": f.message,
                "ids": list(f.ids),
                "possible": f.possible,
            }
            for f in report.findings
        ]
        counts = {"errors": len(report.errors), "warnings": len(report.warnings)}
        _emit(
            json.dumps({"ok": report.ok, "loaded": True, **counts, "findings": findings}, ensure_ascii=False, indent=2)
        )
    else:
        where = f"{path}: " if path else "the packaged dataset: "
        _emit(where + str(report))
    return 0 if report.ok else 1


def _export(m: Mechanism, args: argparse.Namespace) -> int:
    if args.format == "popolo":
        from yrdmodel.interop.popolo import to_popolo

        try:
            text = json.dumps(to_popolo(m), ensure_ascii=False, indent=2)
        except ValueError as exc:
            raise UsageError(f"cannot export as Popolo: {exc}") from None
    else:
        text = dumps(m)
    if args.output:
        try:
            Path(args.output).write_text(text + "\n", encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    else:
        _emit(text)
    return 0


_COMMANDS: dict[str, Command] = {"summary": _summary, "leaders": _leaders, "hosts": _hosts, "who": _who}

"""The documentation runs: code blocks in the README and docs, the example scripts, the notebook.

The code blocks are found and run by sybil (its Markdown fence lexer and Python evaluator); the
conventions below are the few lines of parser this file adds.

Conventions for writers of the docs (checked here):

- Every fenced ``python`` block in README.md and docs/**/*.md runs. A page's blocks run in order in
  one namespace, in a temporary working directory, so a later block may use an earlier one's names.
- A ``python`` block directly followed (blank lines aside) by a block opened with
  ````` ```text title="Output" ````` must print exactly that text.
- A block is skipped only when its fence carries a visible title that gives the reason,
  ````` ```python title="Not run: <reason>" `````; it must still compile, and the reason shows on
  the page. Nothing else skips a block.
- A ``bash`` block of a docs page runs too, in the page's working directory after the python blocks
  before it: each line is a ``yrdmodel ...`` command or ``python examples/...``/``python docs/...``
  and must exit with status 0. ``pip install`` lines are installation steps and are not run; any
  other command fails the test. (README.md's shell blocks are install and development steps that
  CI runs itself.)
- Every examples/*.py script runs in a subprocess with a temporary output directory as its argument.
- examples/tour.ipynb is stored without outputs and every cell runs on the python3 kernel.
- docs/data.md is exactly what docs/gen_data_page.py writes from the packaged dataset.
- Every public name is on a reference page and has a docstring.
"""

import ast
import contextlib
import importlib
import inspect
import io
import os
import re
import shlex
import struct
import subprocess
import sys
import types
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sybil import Document, Example, Lexeme, Region
from sybil.evaluators.python import pad
from sybil.parsers.markdown.lexers import RawFencedCodeBlockLexer

import yrdmodel

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
EXAMPLES = ROOT / "examples"
PAGES = sorted([ROOT / "README.md", *DOCS.rglob("*.md")])
SCRIPTS = sorted(EXAMPLES.glob("*.py"))
NOTEBOOK = EXAMPLES / "tour.ipynb"

FENCES = RawFencedCodeBlockLexer(info_pattern=re.compile(r"(?P<info>[^\n]*)$\n", re.MULTILINE))
SKIP = re.compile(r'title="Not run: (?P<reason>[^"]*\S[^"]*)"')
OUTPUT = 'title="Output"'
PYTHON = {"python", "py", "python3"}
SHELL = {"bash", "sh", "shell", "console"}


@dataclass(frozen=True)
class Command:
    """One command line of a shell block."""

    path: Path
    line: int
    argv: tuple[str, ...]

    @property
    def where(self) -> str:
        return _where(self.path, self.line)


@dataclass(frozen=True)
class PythonBlock:
    """A python block, the output it must print (if the page gives one) and why it is skipped (if it is)."""

    source: Lexeme
    output: str | None
    skip: str | None


def _where(path: Path | str, line: int) -> str:
    path = Path(path)
    return f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name}:{line}"


def _language(region: Region) -> str:
    words = str(region.lexemes["info"]).split()
    return words[0].lower() if words else ""


def parse_page(document: Document) -> Iterator[Region]:
    """Sybil parser: a page's python blocks (with their Output block) and, on docs pages, its shell blocks.

    Fenced blocks inside another fenced block (a Markdown example of Markdown) are text, not code.
    """
    lexed = list(FENCES(document))
    blocks = [r for r in lexed if not any(o is not r and o.start <= r.start and r.end <= o.end for o in lexed)]
    for k, region in enumerate(blocks):
        info, language = str(region.lexemes["info"]), _language(region)
        line = document.text.count("\n", 0, region.start) + 1
        if language in PYTHON:
            if "Not run" in info and not SKIP.search(info):
                raise AssertionError(f"{_where(document.path, line)}: a skipped block needs a reason: {info!r}")
            skip = SKIP.search(info)
            output = None
            if k + 1 < len(blocks):
                after = blocks[k + 1]
                adjacent = not document.text[region.end : after.start].strip()
                if adjacent and _language(after) == "text" and OUTPUT in str(after.lexemes["info"]):
                    output = str(after.lexemes["source"])
            region.parsed = PythonBlock(region.lexemes["source"], output, skip["reason"] if skip else None)
            region.evaluator = run_python
            yield region
        elif language in SHELL and Path(document.path).is_relative_to(DOCS):
            region.parsed = commands(Path(document.path), line, str(region.lexemes["source"]))
            region.evaluator = run_commands
            yield region


def commands(path: Path, line: int, code: str) -> list[Command]:
    """The commands of a shell block to run; ``pip install`` lines are left out, anything unknown is an error."""
    found = []
    for offset, text in enumerate(code.splitlines(), start=1):
        words = shlex.split(text, comments=True)
        if not words or words[:2] == ["pip", "install"]:
            continue
        if words[0] == "yrdmodel":
            argv = (sys.executable, "-m", "yrdmodel", *words[1:])
        elif words[0] == "python" and len(words) > 1 and words[1].startswith(("examples/", "docs/")):
            argv = (sys.executable, str(ROOT / words[1]), *words[2:])
        else:
            raise AssertionError(f"{_where(path, line + offset)}: not a command the docs tests can run: {text!r}")
        found.append(Command(path, line + offset, argv))
    return found


def run_command(command: Command, workdir: Path) -> None:
    """Run one shell command of a page; it must succeed."""
    env = {**os.environ, "MPLBACKEND": "Agg", "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(command.argv, cwd=workdir, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"{command.where}: the command fails:\n{done.stdout}\n{done.stderr}"


def run_commands(example: Example) -> None:
    """Sybil evaluator of a shell block: its commands run in the working directory."""
    for command in example.parsed:
        run_command(command, Path.cwd())


def run_python(example: Example) -> None:
    """Sybil evaluator of a python block: it runs (unless skipped) and prints its Output block, if any."""
    block: PythonBlock = example.parsed
    where = _where(example.path, example.line)
    if block.skip is not None:
        compile(block.source, where, "exec")  # a skipped block must still compile
        return
    code = compile(pad(block.source, example.line + block.source.line_offset), example.path, "exec")
    buffer = io.StringIO()
    try:
        with contextlib.redirect_stdout(buffer):
            exec(code, example.namespace)
    except Exception as exc:
        raise AssertionError(f"{where}: the example fails: {exc!r}") from exc
    if block.output is not None:
        got = [line.rstrip() for line in buffer.getvalue().rstrip("\n").splitlines()]
        want = [line.rstrip() for line in block.output.rstrip("\n").splitlines()]
        assert got == want, f"{where}: printed output differs from the page's Output block"


def page(path: Path) -> Document:
    """A page parsed into its examples, which share one namespace."""
    document = Document.parse(str(path), parse_page)
    document.namespace["__name__"] = f"docs:{path.name}"
    return document


def run_page(path: Path, workdir: Path) -> int:
    """Run a page's examples in order, in a working directory; return how many ran (skipped blocks aside)."""
    ran = 0
    with contextlib.chdir(workdir):
        for example in page(path):
            example.evaluate()
            ran += not (isinstance(example.parsed, PythonBlock) and example.parsed.skip is not None)
    return ran


def python_blocks(path: Path) -> list[PythonBlock]:
    """The python blocks of a page."""
    return [e.parsed for e in page(path) if isinstance(e.parsed, PythonBlock)]


PAGES_WITH_CODE = [p for p in PAGES if list(page(p))]


# The extractor itself ------------------------------------------------------------------------------


def test_extractor_finds_blocks_outputs_and_reasoned_skips(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        'Text\n\n```python\nprint(1 + 1)\n```\n\n```text title="Output"\n2\n```\n\n'
        "!!! note\n    ```python\n    x = 3\n    ```\n\n"
        '```python title="Not run: needs a server"\nconnect()\n```\n\n'
        "````markdown\n```python\nnot_a_block()\n```\n````\n\n"
        "```python\nprint(x)\n```\n",
        encoding="utf-8",
    )
    found = python_blocks(page)
    assert [e.source for e in found] == ["print(1 + 1)\n", "x = 3\n", "connect()\n", "print(x)\n"]
    assert [e.output for e in found] == ["2\n", None, None, None]
    assert [e.skip for e in found] == [None, None, "needs a server", None]
    assert run_page(page, tmp_path) == 3


def test_extractor_rejects_a_skip_without_reason(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text('```python title="Not run"\nx = 1\n```\n', encoding="utf-8")
    with pytest.raises(AssertionError, match="needs a reason"):
        python_blocks(page)


def test_a_failing_block_or_a_wrong_output_fails(tmp_path: Path) -> None:
    failing = tmp_path / "failing.md"
    failing.write_text("```python\nraise RuntimeError('boom')\n```\n", encoding="utf-8")
    with pytest.raises(AssertionError, match=r"failing\.md:1: the example fails"):
        run_page(failing, tmp_path)
    wrong = tmp_path / "wrong.md"
    wrong.write_text('```python\nprint("a")\n```\n```text title="Output"\nb\n```\n', encoding="utf-8")
    with pytest.raises(AssertionError, match="printed output differs"):
        run_page(wrong, tmp_path)


def test_shell_blocks_run_known_commands_only(tmp_path: Path) -> None:
    (command,) = commands(DOCS / "page.md", 10, 'pip install "yrdmodel[plot]"\nyrdmodel who "Li Qiang"  # a person\n')
    assert command.argv == (sys.executable, "-m", "yrdmodel", "who", "Li Qiang")
    assert command.line == 12
    run_command(command, tmp_path)
    with pytest.raises(AssertionError, match="the command fails"):
        run_command(Command(DOCS / "page.md", 1, (sys.executable, "-m", "yrdmodel", "who", "Nobody At All")), tmp_path)
    with pytest.raises(AssertionError, match="not a command the docs tests can run"):
        commands(DOCS / "page.md", 1, "rm -rf build\n")


# Pages ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", PAGES_WITH_CODE, ids=[str(p.relative_to(ROOT)) for p in PAGES_WITH_CODE])
def test_page_examples_run(path: Path, tmp_path: Path) -> None:
    assert run_page(path, tmp_path) > 0


def test_the_docs_have_examples_and_skips_are_rare() -> None:
    found = {p.relative_to(ROOT).as_posix(): python_blocks(p) for p in PAGES}
    for expected in ("README.md", "docs/tutorial.md", "docs/how-to/officeholders.md", "docs/how-to/rotation.md"):
        assert found[expected], f"{expected} has no python example"
    skipped = [(p, e.source[:40]) for p, blocks in found.items() for e in blocks if e.skip is not None]
    assert len(skipped) <= 2, f"too many skipped examples: {skipped}"


# Example scripts and the notebook --------------------------------------------------------------------


def test_the_example_scripts_exist() -> None:
    names = {p.name for p in SCRIPTS}
    assert {"who_held_what.py", "rotation_check.py", "validate_my_data.py", "draw_timeline.py"} <= names


@pytest.mark.parametrize("script", SCRIPTS, ids=[p.name for p in SCRIPTS])
def test_example_script_runs(script: Path, tmp_path: Path) -> None:
    env = {**os.environ, "MPLBACKEND": "Agg", "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, str(script), str(tmp_path)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, f"{script.name} failed:\n{done.stdout}\n{done.stderr}"
    assert done.stdout.strip(), f"{script.name} printed nothing"


def test_example_scripts_take_a_dataset_of_your_own(tmp_path: Path) -> None:
    data = tmp_path / "mine.json"
    data.write_text(yrdmodel.dumps(yrdmodel.load()), encoding="utf-8")
    env = {**os.environ, "MPLBACKEND": "Agg", "PYTHONIOENCODING": "utf-8"}
    for script, extra in (
        ("who_held_what.py", ["--on", "2020-09-10", "--person", "Wu Zhengrong"]),
        ("rotation_check.py", []),
        ("validate_my_data.py", []),
        ("export_data.py", []),
        ("draw_timeline.py", ["--start", "2015-01-01"]),
    ):
        done = subprocess.run(
            [sys.executable, str(EXAMPLES / script), str(tmp_path / script[:-3]), "--data", str(data), *extra],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, f"{script} failed:\n{done.stdout}\n{done.stderr}"
    leaders = (tmp_path / "who_held_what" / "leaders.csv").read_text(encoding="utf-8")
    assert "2020-09-10,zhejiang.party-secretary,Che Jun,maybe" in leaders
    assert (tmp_path / "export_data" / "yrd-popolo.json").exists()
    assert (tmp_path / "draw_timeline" / "timeline.png").exists()


def test_validate_my_data_reports_a_broken_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('name_en = "x"\n[[tenures]]\npost = "a"\nperson = "b"\nstart = "2021-13-01"\n', encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / "validate_my_data.py"), "--data", str(broken)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "$.tenures[0].start" in done.stdout


def test_draw_timeline_script_writes_a_png(tmp_path: Path) -> None:
    out = tmp_path / "timeline.png"
    subprocess.run(
        [sys.executable, str(EXAMPLES / "draw_timeline.py"), str(out)],
        cwd=tmp_path,
        env={**os.environ, "MPLBACKEND": "Agg"},
        check=True,
        capture_output=True,
    )
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_notebook_is_stored_without_outputs() -> None:
    nbformat = pytest.importorskip("nbformat")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert len(code) >= 8
    for cell in code:
        assert cell.outputs == [], f"stored output in: {cell.source[:60]!r}"
        assert cell.execution_count is None, f"stored execution count in: {cell.source[:60]!r}"


def test_the_notebook_runs(tmp_path: Path) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb, kernel_name="python3", timeout=600, resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()  # raises CellExecutionError when a cell fails
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.execution_count is not None for c in code)
    errors = [o for c in code for o in c.outputs if o.output_type == "error"]
    assert errors == []
    images = [o for c in code for o in c.outputs if "image/png" in o.get("data", {})]
    assert images, "the timeline cell shows no image"


# Generated pages -----------------------------------------------------------------------------------


def test_the_data_page_matches_the_packaged_dataset(tmp_path: Path) -> None:
    out = tmp_path / "data.md"
    subprocess.run([sys.executable, str(DOCS / "gen_data_page.py"), str(out)], check=True, capture_output=True)
    committed = (DOCS / "data.md").read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == committed, "docs/data.md is stale: run python docs/gen_data_page.py"


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_timeline_image_is_what_the_script_draws(tmp_path: Path) -> None:
    out = tmp_path / "timeline.png"
    subprocess.run(
        [sys.executable, str(DOCS / "gen_timeline.py"), str(out)],
        env={**os.environ, "MPLBACKEND": "Agg"},
        check=True,
        capture_output=True,
    )
    committed = (DOCS / "images" / "timeline.png").read_bytes()
    assert _png_size(out.read_bytes()) == _png_size(committed)
    assert "images/timeline.png" in (DOCS / "how-to" / "timeline.md").read_text(encoding="utf-8")


def test_the_finding_codes_table_lists_every_code() -> None:
    from yrdmodel.validation.rules import CODES

    page = (DOCS / "how-to" / "validate.md").read_text(encoding="utf-8")
    table = page[page.index("## Finding codes") :]
    listed = re.findall(r"^\| `([a-z-]+)` \|", table, flags=re.MULTILINE)
    assert listed == list(CODES), "the codes table of docs/how-to/validate.md differs from the rules"


# Reference -----------------------------------------------------------------------------------------


def _documented() -> set[str]:
    found: set[str] = set()
    for page in (DOCS / "reference").glob("*.md"):
        found.update(re.findall(r"^::: (\S+)", page.read_text(encoding="utf-8"), flags=re.MULTILINE))
    return found


def test_every_public_name_is_on_a_reference_page() -> None:
    wanted = {f"yrdmodel.{name}" for name in yrdmodel.__all__} | {"yrdmodel.strategies"}
    missing = wanted - _documented()
    assert not missing, f"not in docs/reference: {sorted(missing)}"
    unknown = {name for name in _documented() if name.startswith("yrdmodel.")} - wanted
    assert not unknown, f"on a reference page but not public: {sorted(unknown)}"


def _attribute_docstrings(module: types.ModuleType) -> set[str]:
    """Module-level names followed by a docstring (``X = ...`` then ``\"\"\"...\"\"\"``)."""
    tree = ast.parse(inspect.getsource(module))
    names: set[str] = set()
    for node, after in zip(tree.body, tree.body[1:], strict=False):
        targets = (
            node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        )
        if isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant) and isinstance(after.value.value, str):
            names.update(t.id for t in targets if isinstance(t, ast.Name))
    return names


def _own_doc(obj: object) -> str | None:
    doc = vars(obj).get("__doc__") if isinstance(obj, type) else getattr(obj, "__doc__", None)
    return doc if isinstance(doc, str) and doc.strip() and doc.strip() != "An enumeration." else None


def _undocumented(owner: str, names: list[str], namespace: types.ModuleType) -> Iterator[str]:
    for name in names:
        obj = getattr(namespace, name)
        if isinstance(obj, type | types.FunctionType):
            if _own_doc(obj) is None:
                yield f"{owner}.{name}"
            if isinstance(obj, type):
                for attr, value in vars(obj).items():
                    if attr.startswith("_") or not isinstance(value, types.FunctionType | property | classmethod):
                        continue
                    target = value.__func__ if isinstance(value, classmethod) else value
                    if not (target.__doc__ or "").strip():
                        yield f"{owner}.{name}.{attr}"
        elif not isinstance(obj, types.ModuleType):
            module = importlib.import_module(_defining_module(name))
            if name not in _attribute_docstrings(module):
                yield f"{owner}.{name}"


def _defining_module(name: str) -> str:
    """The yrdmodel module whose source assigns ``name`` at the top level."""
    for module in list(sys.modules.values()):
        if (
            isinstance(module, types.ModuleType)
            and module.__name__.startswith("yrdmodel.")
            and name in getattr(module, "__all__", ())
            and re.search(rf"^{name}\b[^=]*=", inspect.getsource(module), flags=re.MULTILINE)
        ):
            return module.__name__
    raise AssertionError(f"cannot find where {name} is defined")


def test_every_public_name_has_a_docstring() -> None:
    strategies = importlib.import_module("yrdmodel.strategies")
    missing = [
        *_undocumented("yrdmodel", list(yrdmodel.__all__), yrdmodel),
        *_undocumented("yrdmodel.strategies", list(strategies.__all__), strategies),
    ]
    assert (strategies.__doc__ or "").strip(), "yrdmodel.strategies has no module docstring"
    assert not missing, f"public names without a docstring: {missing}"

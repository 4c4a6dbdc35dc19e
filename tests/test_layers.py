"""Straight layers: the model imports nothing from the layers above it, and no import cycle crosses layers.

The import graph is read from the source (imports inside functions count; those under
``TYPE_CHECKING`` do not). ``benchmarks/structure.py`` prints the same graph's cycles.
"""

import ast
from collections import defaultdict
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "yrdmodel"

UPPER = ("yrdmodel.interop", "yrdmodel.io", "yrdmodel.cli", "yrdmodel.strategies", "yrdmodel.validation")
ALLOWED = {
    ("yrdmodel.model.mechanism", "yrdmodel.validation.rules"),  # Mechanism.validate(), the one reach upward
}
"""Imports from the model upward that are known; nothing may be added here but by a design decision."""


def module_name(path: Path, root: Path = SRC) -> str:
    """The dotted module name of a file under ``root`` (the src directory)."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def import_graph(root: Path = SRC) -> dict[str, set[str]]:
    """Every import between yrdmodel modules, at load time or inside functions, but not under TYPE_CHECKING."""
    modules = {module_name(p, root): p for p in (root / "yrdmodel").rglob("*.py")}
    graph: dict[str, set[str]] = defaultdict(set)
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                skip.update(id(n) for child in node.body for n in ast.walk(child))
        for node in ast.walk(tree):
            if id(node) in skip:
                continue
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                targets = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            for target in targets:
                if target in modules and target != name:
                    graph[name].add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in list(graph):
        if v not in index:
            visit(v)
    return out


def test_the_model_imports_nothing_from_the_layers_above_it() -> None:
    graph = import_graph()
    upward = {
        (a, b) for a, targets in graph.items() if a.startswith("yrdmodel.model") for b in targets if b.startswith(UPPER)
    }
    assert upward <= ALLOWED, sorted(upward - ALLOWED)


def test_validation_uses_the_model_public_interface() -> None:
    for path in (PACKAGE / "validation").glob("*.py"):
        assert "._index" not in path.read_text(encoding="utf-8"), path.name


def test_the_graph_sees_imports_inside_functions() -> None:
    assert "yrdmodel.validation.rules" in import_graph()["yrdmodel.model.mechanism"]


def test_the_one_import_cycle_is_mechanism_validate() -> None:
    # The notebook HTML of records imports no record class (it finds renderers by class name), and
    # the views import Mechanism for their annotations only, so no other cycle closes.
    assert cycles(import_graph()) == [["yrdmodel.model.mechanism", "yrdmodel.validation.rules"]]

"""Structure figures for issue 13: size per package, largest files, facts written in many places, import cycles.

Run from the repository root: ``python benchmarks/structure.py``. Branch coverage and test run time come from
``python -m pytest --cov=yrdmodel --cov-branch -p no:cacheprovider`` (see the pytest summary line).
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

SRC = Path("src/yrdmodel")

# A fact "written" in a file: the regular expression finds where a file spells it out.
FACTS = {
    "collection list (a line naming 4+ collections)": r"(\"|')(bodies|members|people|posts|tenures|meetings|plans|sources)\1.*"
    r"(\"|')(bodies|members|people|posts|tenures|meetings|plans|sources)\3.*"
    r"(\"|')(bodies|members|people|posts|tenures|meetings|plans|sources)\5.*"
    r"(\"|')(bodies|members|people|posts|tenures|meetings|plans|sources)\7",
    "all_bodies -> bodies file key": r"all_bodies.*[\"']bodies[\"']|[\"']bodies[\"'].*all_bodies|(rename|key)=[\"']bodies",
    "decision body literal 'symposium'": r"[\"']symposium[\"']",
}


def lines(path: Path) -> int:
    """Count a file's lines."""
    return len(path.read_text(encoding="utf-8").splitlines())


def module_name(path: Path) -> str:
    """The dotted module name of a file under src."""
    parts = list(path.relative_to("src").with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def import_graph() -> dict[str, set[str]]:
    """Every import between yrdmodel modules, at load time or inside functions, but not under TYPE_CHECKING."""
    modules = {module_name(p): p for p in SRC.rglob("*.py")}
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


def main() -> None:
    """Print the figures."""
    files = sorted(SRC.rglob("*.py"))
    per_package: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for path in files:
        rel = path.relative_to(SRC)
        package = rel.parts[0] if len(rel.parts) > 1 else "(top)"
        per_package[package][0] += 1
        per_package[package][1] += lines(path)
    print("files and lines per package (src/yrdmodel, *.py):")
    for package, (count, total) in sorted(per_package.items()):
        print(f"  {package:12} {count:3} files {total:6} lines")
    print("largest files (src, tests, docs):")
    everything = [*files, *Path("tests").rglob("*.py"), *Path("docs").rglob("*.py")]
    for path in sorted(everything, key=lines, reverse=True)[:8]:
        print(f"  {lines(path):5} {path}")
    tracked = sorted(p for pattern in ("*.py", "*.md") for top in ("src", "docs") for p in Path(top).rglob(pattern))
    texts = {p.as_posix(): p.read_text(encoding="utf-8") for p in tracked}
    print("places each fact is written in src and docs (files / lines):")
    for fact, pattern in FACTS.items():
        hits = {p: len(re.findall(pattern, t)) for p, t in texts.items()}
        hits = {p: n for p, n in hits.items() if n}
        print(f"  {fact}: {len(hits)} files / {sum(hits.values())} lines  {sorted(hits)}")
    found = cycles(import_graph())
    print(f"import cycles between yrdmodel modules: {len(found)}")
    for comp in found:
        print(f"  {len(comp)} modules: {', '.join(comp)}")


if __name__ == "__main__":
    main()

"""Structure figures for issue 13: size per package, largest files, facts written in many places, import cycles.

Run from the repository root: ``python benchmarks/structure.py``. Branch coverage and test run time come from
``python -m pytest --cov=yrdmodel --cov-branch -p no:cacheprovider`` (see the pytest summary line).
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from test_layers import cycles, import_graph

SRC = Path("src/yrdmodel")

# A fact "written" in a file: the regular expression finds where a file spells it out.
FACTS = {
    "collection list (a line naming 4+ collections)": r"(\"|')(bodies|members|people|posts|tenures|meetings|plans|sources)\1.*"
    r"(\"|')(bodies|members|people|posts|tenures|meetings|plans|sources)\3.*"
    r"(\"|')(bodies|members|people|posts|tenures|meetings|plans|sources)\5.*"
    r"(\"|')(bodies|members|people|posts|tenures|meetings|plans|sources)\7",
    "all_bodies -> bodies file key": r"all_bodies.*[\"']bodies[\"']|[\"']bodies[\"'].*all_bodies|(rename|key)=[\"']bodies",
    "code picking the decision body by its id": r"(==|!=) *(SYMPOSIUM\b|[\"']symposium[\"'])",
}


def lines(path: Path) -> int:
    """Count a file's lines."""
    return len(path.read_text(encoding="utf-8").splitlines())


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
    found = cycles(import_graph(Path("src")))
    print(f"import cycles between yrdmodel modules: {len(found)}")
    for comp in found:
        print(f"  {len(comp)} modules: {', '.join(comp)}")


if __name__ == "__main__":
    main()

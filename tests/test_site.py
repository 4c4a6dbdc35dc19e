"""The built documentation site works offline and finds Chinese words.

Builds the site once (strict) with the docs extra installed; CI runs it after installing ``.[docs]``.
"""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("mkdocs", reason="the site needs the docs extra: pip install -e '.[docs]'")
pytest.importorskip("jieba", reason="Chinese search needs jieba (in the docs extra)")

ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("site")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(target)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return target


def pages(site: Path) -> list[Path]:
    found = sorted(site.rglob("*.html"))
    assert len(found) > 10
    return found


def test_no_page_loads_a_script_from_another_site(site: Path) -> None:
    remote = [
        (p.relative_to(site), src)
        for p in pages(site)
        for src in re.findall(r"<script[^>]*\bsrc=\"([^\"]+)\"", p.read_text(encoding="utf-8"))
        if re.match(r"(https?:)?//", src)
    ]
    assert remote == []


def test_the_diagram_page_draws_with_the_sites_own_mermaid(site: Path) -> None:
    page = (site / "explanation" / "mechanism" / "index.html").read_text(encoding="utf-8")
    assert 'class="mermaid"' in page
    assert re.search(r'<script src="[./]*javascripts/mermaid\.min\.js"', page)
    script = site / "javascripts" / "mermaid.min.js"
    assert script.stat().st_size > 1_000_000
    assert (site / "javascripts" / "mermaid.LICENSE").read_text(encoding="utf-8").startswith("The MIT License")


@pytest.mark.parametrize("word", ["李强", "长三角", "吴政隆", "主要领导座谈会"])
def test_the_search_index_finds_chinese_words(site: Path, word: str) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    separator = re.compile(index["config"]["separator"])
    hits = [d["location"] for d in index["docs"] if word in separator.split(d["title"] + " " + d["text"])]
    assert hits, f"no search hit for {word}"


def test_the_json_schema_is_published(site: Path) -> None:
    schema = json.loads((site / "reference" / "yrdmodel.schema.json").read_text(encoding="utf-8"))
    assert schema["$schema"].endswith("2020-12/schema")

"""The folder layout is the architecture: newstext/ (pure text rules) imports neither path, index/ (the write path)
never imports assistant/ (the read path and the adapters), and no module imports itself back through others."""

from __future__ import annotations

import ast
from pathlib import Path

from assistant.settings import PROJECT_ROOT

PACKAGES = ("assistant", "index", "newstext")


def modules() -> dict[str, Path]:
    """Every module of the project's packages by dotted name."""
    out = {}
    for package in PACKAGES:
        for path in (PROJECT_ROOT / package).rglob("*.py"):
            parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
            out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return out


def imports(path: Path, module: str, top_level_only: bool) -> set[str]:
    """The project modules a file imports (at module level only, or anywhere, type-checking blocks included)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            base = node.module
            if node.level:  # relative: resolve against this module's package
                base = ".".join(module.split(".")[: -node.level] + [node.module])
            found |= {base} | {f"{base}.{alias.name}" for alias in node.names}
    return {name for name in found if name.split(".")[0] in PACKAGES}


def test_index_never_imports_assistant() -> None:
    offenders = {
        name: sorted(i for i in imports(path, name, top_level_only=False) if i.startswith("assistant"))
        for name, path in modules().items()
        if name.startswith("index")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_newstext_imports_neither_path() -> None:
    offenders = {
        name: sorted(i for i in imports(path, name, top_level_only=False) if i.split(".")[0] in ("index", "assistant"))
        for name, path in modules().items()
        if name.startswith("newstext")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_read_path_takes_its_text_rules_from_newstext() -> None:
    """Retrieval and answers read the index's data, but tokenise, split and parse with newstext's rules."""
    moved = {"index.sentences", "index.lexical.terms", "index.lexical.STOPWORDS", "index.meta.site_of"}
    offenders = {
        name: sorted(moved & imports(path, name, top_level_only=False))
        for name, path in modules().items()
        if name.startswith("assistant")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_there_are_no_import_cycles() -> None:
    known = modules()
    graph = {
        name: {i for i in imports(path, name, top_level_only=True) if i in known and i != name}
        for name, path in known.items()
    }
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(path[path.index(nxt) :] + [nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_the_walk_sees_the_project() -> None:
    """Guards the two tests above against passing on an empty or mis-parsed tree."""
    known = modules()
    assert {"index.updater", "assistant.service", "assistant.indexing.service", "newstext.terms"} <= set(known)
    assert "index.plan" in imports(known["index.updater"], "index.updater", top_level_only=True)

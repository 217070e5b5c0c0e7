"""Layers that point one way: the import graph of the ``sitrep`` modules has no cycle.

How the graph is built: every ``sitrep/**/*.py`` (Alembic migrations aside: Alembic loads them
by path, nothing imports them) is parsed with ``ast``; each ``import sitrep.x`` and
``from .x import y`` is an edge from the importing module to the imported one, and
``from package import name`` points at ``package.name`` when that is a module, else at the
package itself. Parent packages are not implied (every module's import would then reach
``sitrep/__init__`` and back).

What counts (decision): **every import that can run**, at module level or inside a function.
A lazy import defers a heavy dependency (spaCy, Dask) but is still a dependency: a lower layer
that imports an upper one inside a function points up just the same (``guard`` importing
``engines`` did). Imports under ``if TYPE_CHECKING:`` never run and are not counted. The graph of
module-level imports alone is checked too, so a failure says which kind of import closed a cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import sitrep

PKG = Path(sitrep.__file__).parent


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PKG.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PKG.rglob("*.py")):
        if "migrations" in path.relative_to(PKG).parts:
            continue
        out[_module_name(path)] = path
    return out


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(name: str, path: Path, modules: dict[str, Path]) -> tuple[set[str], set[str]]:
    """(module-level, function-level) sitrep modules imported by ``name``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    top: set[str] = set()
    lazy: set[str] = set()

    def targets(node: ast.Import | ast.ImportFrom) -> set[str]:
        found: set[str] = set()
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "sitrep" or alias.name.startswith("sitrep."):
                    found.add(alias.name)
            return found
        if node.level:
            base = name.split(".") if is_package else name.split(".")[:-1]
            base = base[: len(base) - (node.level - 1)]
            module = ".".join(base + ([node.module] if node.module else []))
        else:
            module = node.module or ""
        if not (module == "sitrep" or module.startswith("sitrep.")):
            return found
        for alias in node.names:
            sub = f"{module}.{alias.name}"
            found.add(sub if sub in modules else module)
        return found

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for sub in child.orelse:
                    visit(sub, in_function)
                continue
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                (lazy if in_function else top).update(targets(child))
                continue
            visit(child, in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)))

    visit(tree, False)
    return {m for m in top if m in modules and m != name}, {m for m in lazy if m in modules and m != name}


def _graphs() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    modules = _modules()
    top: dict[str, set[str]] = {}
    lazy: dict[str, set[str]] = {}
    for name, path in modules.items():
        top[name], lazy[name] = _imports(name, path, modules)
    return top, lazy


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of ``graph`` as a path (first node repeated at the end), or None."""
    state: dict[str, int] = {}  # 1 on the stack, 2 done
    stack: list[str] = []

    def walk(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt) :] + [nxt]
            if nxt not in state and (found := walk(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := walk(node)):
            return found
    return None


def test_the_graph_is_built_from_real_imports() -> None:
    top, _ = _graphs()
    assert "sitrep.fuse.persist" in top["sitrep.fuse.incremental"]
    assert "sitrep.store.sql" in top["sitrep.store.placement"]  # "from . import sql": the submodule
    assert "sitrep.store" in top["sitrep.fuse.persist"]  # "from ..store import Store": the package


def test_module_level_imports_have_no_cycle() -> None:
    top, _ = _graphs()
    assert _cycle(top) is None, " -> ".join(_cycle(top) or [])


def test_no_cycle_counting_function_level_imports() -> None:
    top, lazy = _graphs()
    both = {m: top[m] | lazy[m] for m in top}
    assert _cycle(both) is None, " -> ".join(_cycle(both) or [])


def test_engines_and_guard_do_not_import_each_other_both_ways() -> None:
    top, lazy = _graphs()
    both = {m: top[m] | lazy[m] for m in top}
    assert "sitrep.engines" not in both["sitrep.guard"], "guard must not import engines (shared code: batches)"


def test_lower_layers_do_not_import_upper_ones() -> None:
    """The store never imports fusion, stories, the web or the report (even lazily)."""
    top, lazy = _graphs()
    both = {m: top[m] | lazy[m] for m in top}
    for low in [m for m in both if m == "sitrep.store" or m.startswith("sitrep.store.")]:
        for up in ("sitrep.fuse", "sitrep.stories", "sitrep.web", "sitrep.report", "sitrep.cli"):
            assert not any(t == up or t.startswith(up + ".") for t in both[low]), (low, up)


def test_nlp_does_not_import_extract() -> None:
    """``sitrep.nlp`` (and its helper modules) read no extractor: patterns are passed in or loaded
    from data. Lazy imports count here: a lazy one is still a dependency of the layer."""
    top, lazy = _graphs()
    for name in [m for m in top if m == "sitrep.nlp" or m.startswith("sitrep.nlp_")]:
        upward = sorted(t for t in top[name] | lazy[name] if t == "sitrep.extract" or t.startswith("sitrep.extract."))
        assert not upward, f"{name} imports {upward}"

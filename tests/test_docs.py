"""Every CLI command and option is documented in the README (datasette/sqlite-utils habit); the
README and docs/ hold no development history and no dangling links."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.main import get_command

from sitrep.cli import app

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
CLI = get_command(app)
COMMANDS = sorted(CLI.commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_documented_with_an_example(name: str) -> None:
    cmd = CLI.commands[name]  # type: ignore[attr-defined]
    assert f"sitrep {name}" in README, f"README does not show `sitrep {name}`"
    assert "Example: sitrep " + name in (cmd.help or ""), f"`sitrep {name} --help` has no example"


@pytest.mark.parametrize(  # type: ignore[attr-defined]
    "name,option",
    [(n, o) for n in COMMANDS for p in CLI.commands[n].params for o in p.opts if o.startswith("--")],
)
def test_option_is_documented(name: str, option: str) -> None:
    assert option in README, f"README does not mention {option} (sitrep {name})"


# -- the docs are for users: no development history, no dangling links ----------------------------

DOC_FILES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
HISTORY = re.compile(r"stop ?[0-9]+|this session|closing note|issue #?[0-9]+", re.IGNORECASE)
# a commit hash: 7-40 hex digits with at least one letter and one digit (not a plain number)
COMMIT = re.compile(r"\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{7,40}\b")
FENCED = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)  # example records carry hex ids
TOP_LEVEL = {p.name for p in ROOT.iterdir()}


def _name(path: Path) -> str:
    return str(path.relative_to(ROOT))


@pytest.mark.parametrize("path", DOC_FILES, ids=_name)
def test_docs_hold_no_development_history(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    found = [m.group(0) for m in HISTORY.finditer(text)]
    assert not found, f"{_name(path)} tells development history: {found}"
    hashes = [m.group(0) for m in COMMIT.finditer(FENCED.sub("", text))]
    assert not hashes, f"{_name(path)} names commits: {hashes}"
    outside = [p for p in re.findall(r"\.\./([\w.-]+)", text) if p not in TOP_LEVEL]
    assert not outside, f"{_name(path)} refers to folders outside the repository: {outside}"


def test_readme_links_to_docs_that_exist() -> None:
    linked = set(re.findall(r"\bdocs/[\w.-]+\.md\b", README))
    assert linked, "README links to no page of docs/"
    missing = sorted(p for p in linked if not (ROOT / p).is_file())
    assert not missing, f"README links to missing pages: {missing}"


@pytest.mark.parametrize("path", DOC_FILES, ids=_name)
def test_relative_links_resolve(path: Path) -> None:
    text = FENCED.sub("", path.read_text(encoding="utf-8"))
    targets = re.findall(r"\]\(([^)#\s]+\.md)(?:#[^)]*)?\)", text)
    missing = [t for t in targets if "://" not in t and not (path.parent / t).is_file()]
    assert not missing, f"{_name(path)} links to missing pages: {missing}"

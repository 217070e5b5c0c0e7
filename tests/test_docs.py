"""Every CLI command and option is documented in the README (datasette/sqlite-utils habit)."""

from __future__ import annotations

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

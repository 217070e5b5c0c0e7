"""Composed corpora shared by tests that need many small, distinct articles on disk."""

from __future__ import annotations

import random
from pathlib import Path

TOWNS = ["Kunduz", "Herat", "Ghazni", "Kandahar", "Mazar-i-Sharif", "Jalalabad"]


def attack_reports(root: Path, n: int, *, seed: int = 3, name: str = "corpus") -> Path:
    """``n`` one-event reports (dateline, casualty count, a quote), each different, in ``root/name``."""
    rng = random.Random(seed)
    d = root / name
    d.mkdir()
    for i in range(n):
        town = rng.choice(TOWNS)
        (d / f"k{i:03d}.txt").write_text(
            f"Fighting near {town}, report {i}\n\nKABUL, July {i % 28 + 1} - Taliban fighters attacked a police "
            f"checkpoint near {town} on Monday, killing {i % 7 + 1} officers, a provincial spokesman said.\n\n"
            f'"We will not abandon the district," the governor said of attack number {i}.\n',
            encoding="utf-8",
        )
    return d

"""Statement lexicons, loaded and compiled once per process from ``sitrep/data/statements``."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, tuple[str, float]]  # lemma -> (intent, weight)
    forms: dict[str, str]  # inflected form -> lemma
    verb_re: re.Pattern[str]  # any inflected reporting verb form, whole word
    cues: list[tuple[re.Pattern[str], str, float]]
    priority: dict[str, int]
    roles: frozenset[str]
    leader_roles: tuple[str, ...]
    outlets: dict[str, str]
    outlet_re: re.Pattern[str]
    outlet_words: frozenset[str]
    organization_words: frozenset[str]  # 'Foundation', 'Institute': an organisation's name ends so
    channels: list[tuple[re.Pattern[str], str]]
    person_pronouns: frozenset[str]
    org_pronouns: frozenset[str]
    group_pronouns: frozenset[str]  # 'those surveyed', 'some', 'both': an unnamed group speaks
    sent_end: re.Pattern[str]  # a sentence's end: not the period of an initial or an abbreviated title
    determiners: frozenset[str]  # 'One attendee', 'Two officials': a description, though capitalized
    quantity_words: frozenset[str]  # 'nearly half', 'about a third': how many spoke, not who
    answers: frozenset[str]  # 'said yes', 'said the same': short words that are what was said
    speech_nouns: tuple[str, ...]
    medium_nouns: tuple[str, ...]  # "said in an interview that ...": where words were said, besides speech_nouns
    platform_nouns: frozenset[str]  # "said ... on Sunday's show": a programme the words went out on
    speaking_nouns: frozenset[str]
    person_nouns: frozenset[str]  # 'the judge', 'the candidate': one person, besides the roles
    people_plurals: frozenset[str]  # 'Witnesses said': people of a kind, no name
    quote_verbs: frozenset[str]  # reporting only with a clause: 'recalled that ...', 'joked that ...'
    purpose_heads: frozenset[str]  # 'took to Twitter to say ...': the head's subject says it
    receiving_verbs: frozenset[str]  # 'received a letter saying ...': the subject did not write it
    title_small_words: frozenset[str]  # 'of', 'the': lower case in a title ('Echoes From the Border')
    raising_verbs: frozenset[str]  # 'the fighting threatens to spread': said of things too
    aside_participles: frozenset[str]  # '..., citing a report': what was done with the words, after them
    judgement_nouns: frozenset[str]  # '..., a claim his rivals reject': the words named and judged after them
    claim_nouns: dict[str, str]  # "the army's claim that ...": a claim noun -> the reporting verb it stands for


def _inflect(lemma: str) -> list[str]:
    """Regular English inflections of a reporting verb (irregular ones come from the data)."""
    if lemma.endswith("e"):
        return [lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return [lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    if lemma.endswith(("s", "sh", "ch")):
        return [lemma, lemma + "es", lemma + "ed", lemma + "ing"]
    return [lemma, lemma + "s", lemma + "ed", lemma + "ing"]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = json.loads(
        resources.files("sitrep.data").joinpath("statements/lexicon.json").read_text(encoding="utf-8")
    )
    verbs = {k: (v[0], float(v[1])) for k, v in raw["verbs"].items()}
    forms: dict[str, str] = {}
    for lemma in [*verbs, *raw.get("quote_verbs", [])]:
        for f in [*_inflect(lemma), *raw["irregular"].get(lemma, [])]:
            forms.setdefault(f, lemma)
    alt = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    outlets = {k.lower(): v for k, v in raw["outlets"].items()}
    oalt = "|".join(re.escape(k) for k in sorted(outlets, key=len, reverse=True))
    return Lexicon(
        verbs=verbs,
        forms=forms,
        verb_re=re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", re.IGNORECASE),
        cues=[(re.compile(r, re.IGNORECASE), i, float(w)) for r, i, w in raw["cues"]],
        priority={k: n for n, k in enumerate(raw["intent_priority"])},
        roles=frozenset(r.lower() for r in raw["roles"]),
        leader_roles=tuple(raw["leader_roles"]),
        outlets=outlets,
        outlet_re=re.compile(rf"(?<![\w-])(?:{oalt})(?![\w-])", re.IGNORECASE),
        outlet_words=frozenset(raw["outlet_words"]),
        organization_words=frozenset(raw.get("organization_words", [])),
        channels=[(re.compile(r, re.IGNORECASE), c) for r, c in raw["channels"]],
        person_pronouns=frozenset(raw["pronouns_person"]),
        org_pronouns=frozenset(raw["pronouns_org"]),
        group_pronouns=frozenset(raw.get("pronouns_group", [])),
        determiners=frozenset(raw.get("determiners", [])),
        quantity_words=frozenset(raw.get("quantity_words", [])),
        sent_end=re.compile(
            r"(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\bU\.S)"
            + "".join(rf"(?<!\b{re.escape(a)})" for a in raw.get("title_abbreviations", []))
            + r"[.!?\u2026](?=\s|$)"
        ),
        answers=frozenset(raw.get("answers", [])),
        speech_nouns=tuple(raw["speech_nouns"]),
        medium_nouns=tuple(raw["medium_nouns"]),
        platform_nouns=frozenset(raw.get("platform_nouns", [])),
        speaking_nouns=frozenset(raw["speaking_nouns"]),
        person_nouns=frozenset(raw["person_nouns"]),
        people_plurals=frozenset(raw.get("people_plurals", [])),
        quote_verbs=frozenset(raw.get("quote_verbs", [])) - frozenset(verbs),
        purpose_heads=frozenset(raw.get("purpose_heads", [])),
        receiving_verbs=frozenset(raw.get("receiving_verbs", [])),
        title_small_words=frozenset(raw.get("title_small_words", [])),
        raising_verbs=frozenset(raw.get("raising_verbs", [])),
        aside_participles=frozenset(raw.get("aside_participles", [])),
        judgement_nouns=frozenset(raw.get("judgement_nouns", [])),
        claim_nouns=dict(raw.get("claim_nouns", {})),
    )

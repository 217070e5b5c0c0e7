"""The actor registry: canonical actors, aliases, types and countries, loaded from data files.

Owner: actors/places helper. Contract (used by events and statements):
- ``ActorRegistry.default(extra_files=())``
- ``registry.match(text, country=None) -> Actor | None``: a noun phrase or name -> actor, or None
- ``registry.find(text, country=None) -> list[tuple[int, int, Actor]]``: every alias occurrence
- ``registry.generic(kind, country) -> Actor``: ACLED-style generic actors for any country
- ``ruler_patterns() -> list[dict]``: spaCy entity-ruler patterns for actor names

Named actors live in ``sitrep/data/actors/actors.yaml``; generic names ("Military Forces of X",
"Protesters (X)") are built for every country from ``data/gazetteer/countries.tsv`` and the
demonym table ``data/actors/demonyms.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from ..model import Actor
from .gazetteer_data import DATA_DIR
from .phrase_finder import PhraseFinder
from .user_data import user_files
from .yaml_files import load_yaml

ACTOR_DIR = DATA_DIR / "actors"

#: Generic ACLED actor kinds: name pattern and type.
GENERIC = {
    "military": ("Military Forces of {c}", "state forces"),
    "police": ("Police Forces of {c}", "state forces"),
    "government": ("Government of {c}", "government"),
    "protesters": ("Protesters ({c})", "protesters"),
    "rioters": ("Rioters ({c})", "rioters"),
    "civilians": ("Civilians ({c})", "civilians"),
    "unidentified": ("Unidentified Armed Group ({c})", "political militia"),
    "gang": ("Unidentified Gang ({c})", "political militia"),
}

_MAX_MATCHED = 50_000  # phrases remembered with their actor; a bound on memory
#: Head nouns that map to a generic kind, longest first (data/actors/heads.yaml).
HEADS: dict[str, tuple[str, ...]] = {
    kind: tuple(sorted((str(w).lower() for w in words), key=len, reverse=True))
    for kind, words in load_yaml((ACTOR_DIR / "heads.yaml").read_text(encoding="utf-8")).items()
}
#: The same heads by their last word, in the order ``match`` tries them (kinds in file order,
#: longest first): a phrase can only end with a head that ends with its own last word.
_HEADS_BY_LAST: dict[str, list[tuple[str, str]]] = {}
for _kind, _heads in HEADS.items():
    for _head in _heads:
        _HEADS_BY_LAST.setdefault(_head.split()[-1], []).append((_kind, _head))
_STATE_MODIFIERS = {"security", "government", "state", "national", "local", "federal", "pro-government"}
#: Countries whose ACLED names take an article.
_THE = {"United States", "United Kingdom", "Democratic Republic of Congo", "Republic of Congo",
        "Central African Republic", "Philippines", "Netherlands", "United Arab Emirates",
        "Gambia", "Comoros", "Maldives", "Bahamas", "Czech Republic", "Dominican Republic"}
#: Group heads: "<actor> fighters" is the actor itself.
_MEMBER_HEADS = ("fighters", "fighter", "militants", "militant", "insurgents", "insurgent", "rebels",
                 "rebel", "members", "member", "forces", "gunmen", "commanders", "commander",
                 "spokesman", "spokesperson", "leaders", "leader", "militia", "militiamen", "group",
                 "officers", "officer", "personnel", "unit", "units", "agents", "groups", "elements",
                 "patrol", "patrols", "convoy", "convoys", "troops", "soldiers")
_DET = re.compile(r"^(?:the|a|an|some|several|many|dozens of|hundreds of|two|three|four|five|\d+|"
                  r"at least \d+|more than \d+|suspected|alleged|armed|heavily armed|local)\s+", re.I)
_POSS = re.compile(r"^(?:the group's|the|its|their|his|her)\s+", re.I)


def country_table() -> dict[str, str]:
    rows = (DATA_DIR / "gazetteer" / "countries.tsv").read_text(encoding="utf-8").splitlines()
    return {r.split("\t")[0]: r.split("\t")[1] for r in rows if r}


@lru_cache(maxsize=1)
def load_demonyms() -> dict[str, list[str]]:
    """ISO2 -> demonyms, from the hand-made table."""
    data = load_yaml((ACTOR_DIR / "demonyms.yaml").read_text(encoding="utf-8"))
    return {str(k): [str(x) for x in v] for k, v in data.items()}


class ActorRegistry:
    """Named actors with aliases plus generic ACLED actors for every country."""

    def __init__(self) -> None:
        self._aliases: dict[str, list[tuple[Actor, frozenset[str]]]] = {}
        self.countries = country_table()  # ISO2 -> short name
        self._by_name = {v.lower(): v for v in self.countries.values()}
        self._demonym: dict[str, str] = {}  # demonym (lower) -> country name
        for cc, dems in load_demonyms().items():
            if cc in self.countries:
                for d in dems:
                    self._demonym[d.lower()] = self.countries[cc]
        for name in self.countries.values():
            self._demonym.setdefault(name.lower(), name)
        self._finder: PhraseFinder | None = None
        # aliases written in capitals or with a capital inside ("IS", "AA", "LeT"), as written: case counts
        self._acronyms: dict[str, set[str]] = {}
        #: actor name -> the one country an actor of no country acts in (its entry's single
        #: context): "the Saudi-led coalition" acts in Yemen
        self.theatre: dict[str, str] = {}
        self._matched: dict[tuple[str, str | None], Actor | None] = {}
        #: aliases written as a proper name of two words or more ("Gulf Clan", "Arakan Army")
        self.proper_names: set[str] = set()

    @classmethod
    def default(cls, extra_files: Iterable[Path | str] = ()) -> ActorRegistry:
        """The packaged actors, then the user's (``user_data``), then ``extra_files``."""
        extra = tuple(str(p) for p in [*user_files("actors/actors.yaml"), *extra_files])
        return _default(extra)

    def load_file(self, path: Path | str) -> None:
        """Add actors from a YAML/JSON file (same shape as data/actors/actors.yaml); later files win."""
        data = load_yaml(Path(path).read_text(encoding="utf-8")) or {}
        for entry in data.get("actors", []):
            actor = Actor(entry["name"], entry.get("type"), entry.get("country"))
            only = {_key(a) for a in entry.get("only_contexts", [])}
            ctx = frozenset(entry.get("contexts") or ())
            if not actor.country and len(ctx) == 1:
                self.theatre[actor.name] = next(iter(ctx))
            for alias in [entry["name"], *entry.get("aliases", [])]:
                if _proper_name(alias):
                    self.proper_names.add(alias)
                key = _key(alias)
                if _is_acronym(alias):
                    self._acronyms.setdefault(key, set()).add(alias)
                cond = ctx if key in only else frozenset()
                self._aliases.setdefault(key, [])
                self._aliases[key] = [(actor, cond)] + [x for x in self._aliases[key] if x[1] != cond]
        self._finder = None
        self._matched.clear()

    def _written_as(self, key: str, text: str) -> bool:
        return _written_as_alias(self._acronyms.get(key, set()), text)

    def _get(self, key: str, country: str | None) -> Actor | None:
        """The actor an alias names; one bound to the country in hand first ("SNA" in Somalia is
        its army, elsewhere the Syrian National Army)."""
        entries = self._aliases.get(key, [])
        name = self.country_name(country) if country and any(cond for _, cond in entries) else None
        if name is not None:
            bound = next((actor for actor, cond in entries if name in cond), None)
            if bound is not None:
                return bound
        return next((actor for actor, cond in entries if not cond), None)

    def country_name(self, country: str | None) -> str | None:
        """Canonical short name for a country name or demonym."""
        if not country:
            return None
        c = country.strip()
        # (not an ISO code: text writes "MP" for a member of parliament and "IO" for the
        # opposition, not the Northern Mariana Islands or the British Indian Ocean Territory; the
        # codes news uses for countries, "US" and "UK", are among the demonyms)
        return self._by_name.get(c.lower()) or self._demonym.get(c.lower())

    def generic(self, kind: str, country: str | None) -> Actor:
        """ACLED generic actor: generic("military", "Afghanistan") -> Military Forces of Afghanistan."""
        name = self.country_name(country)
        pattern, atype = GENERIC[kind]
        if name is None:
            base = pattern.split(" ({c})")[0].replace(" of {c}", "")
            return Actor(base, atype, None)
        cname = f"the {name}" if name in _THE and "{c})" not in pattern else name
        return Actor(pattern.format(c=cname), atype, name)

    def match(self, text: str, country: str | None = None) -> Actor | None:
        """The actor a noun phrase names, or None (unknown beats a guess)."""
        key = (text, country)
        if key in self._matched:  # the same phrases are asked for again and again in a document
            return self._matched[key]
        if len(self._matched) >= _MAX_MATCHED:
            self._matched.clear()
        actor = self._matched[key] = self._match(text, country)
        return actor

    def _match(self, text: str, country: str | None) -> Actor | None:
        phrase = _norm(text)
        for _ in range(3):
            phrase = _DET.sub("", _POSS.sub("", phrase)).strip()
        if not phrase:
            return None
        if phrase in self._acronyms:
            written = re.search(re.escape(phrase), text, re.I)
            if written is None or not self._written_as(phrase, written.group(0)):
                return None  # "is" is a verb, "IS" the group; "aa" is not the Arakan Army
        for cand in (phrase, _singular(phrase)):
            hit = self._get(cand, country)
            if hit:
                return hit
        words = phrase.split()
        # "<actor> fighters", "Taliban's commanders"
        if len(words) > 1 and words[-1] in _MEMBER_HEADS:
            hit = self._get(" ".join(words[:-1]).removesuffix("'s"), country)
            if hit:
                return hit
            if words[0].startswith("pro-"):  # "pro-Houthi fighters": the side the data calls "pro-Houthi forces"
                hit = self._get(" ".join([*words[:-1], "forces"]), country)
                if hit:
                    return hit
        # "<demonym> troops" / "Nigerian police" / "protesters"
        for kind, head in _HEADS_BY_LAST.get(words[-1], ()):
            if phrase == head or phrase.endswith(" " + head):
                mod = phrase[: len(phrase) - len(head)].strip()
                mod_country = self.country_name(mod) if mod else None
                if (mod and not mod_country and kind in ("military", "police", "government")
                        and mod not in _STATE_MODIFIERS):
                    continue  # "rebel forces", "Wagner troops": not the state's
                return self.generic(kind, mod_country or country)
        return None

    def find(self, text: str, country: str | None = None) -> list[tuple[int, int, Actor]]:
        """Every alias occurrence in ``text`` (word-bounded, longest first, no overlaps)."""
        if self._finder is None:
            self._finder = PhraseFinder(self._aliases, word=r"[\w-]")
        out: list[tuple[int, int, Actor]] = []
        for start, end in self._finder.finditer(text):
            key = _key(text[start:end])
            if key in self._acronyms and not self._written_as(key, text[start:end]):
                continue  # "it is over" names no Islamic State
            actor = self._get(key, country)
            if actor:
                out.append((start, end, actor))
        return out


def _written_as_alias(forms: set[str], text: str) -> bool:
    """An acronym as one of its aliases writes it, or in capitals ("JaS" is not "JAS"; "LET" in a
    headline is "LeT")."""
    return text in forms or text.isupper() and text in {f.upper() for f in forms}


def _is_acronym(alias: str) -> bool:
    """Short, written in capitals ("IS", "AQ", "U.N.") or with a capital inside ("LeT", "JeM"):
    matched only so ("Let Yet Kone village" names no Lashkar-e-Taiba)."""
    letters = [c for c in alias if c.isalpha()]
    return 0 < len(letters) <= 4 and (all(c.isupper() for c in letters) or any(c.isupper() for c in letters[1:]))


def _norm(text: str) -> str:
    text = text.replace("’", "'").strip().strip(".,;:\"")
    return re.sub(r"\s+", " ", text).lower()


def _key(alias: str) -> str:
    """Registry key of an alias: normalized, without a leading article (match() strips it too)."""
    return re.sub(r"^the ", "", _norm(alias))


def _singular(phrase: str) -> str:
    if phrase.endswith("ies"):
        return phrase[:-3] + "y"
    if phrase.endswith("s") and not phrase.endswith("ss"):
        return phrase[:-1]
    return phrase


@lru_cache(maxsize=8)
def _default(extra: tuple[str, ...]) -> ActorRegistry:
    reg = ActorRegistry()
    reg.load_file(ACTOR_DIR / "actors.yaml")
    for path in extra:
        reg.load_file(path)
    return reg


#: words a group's proper name holds in lower case ("Volunteers for the Defence of the Homeland")
_NAME_PARTICLES = frozenset({"of", "for", "the", "and", "al", "el", "de", "del", "la", "du", "des"})
#: ACLED's generic names, built for every country: they hold a country's name the places need
_GENERIC_NAME = re.compile(r"^(?:Military Forces|Police Forces|Government) of ")


def _proper_name(alias: str) -> bool:
    """Written as a name: two words or more, each capitalized or a particle, no ACLED generic
    ("Military Forces of Russia") and no demonym first ("Afghan forces" is a description)."""
    words = alias.split()
    return (
        len(words) >= 2
        and all(w[0].isupper() or w[0].isdigit() or w.lower() in _NAME_PARTICLES for w in words)
        and not _GENERIC_NAME.match(alias)
        and ":" not in alias
        and "(" not in alias
        and words[0].lower() not in _demonym_words()
    )


@lru_cache(maxsize=1)
def _demonym_words() -> frozenset[str]:
    return frozenset(d.lower() for dems in load_demonyms().values() for d in dems)


def ruler_patterns() -> list[dict[str, object]]:
    """ORG patterns for multiword actor names spaCy splits or tags as places, facilities or
    persons ("the Gulf Clan" as a facility): the registry's proper names, and a few more."""
    # (and names the rule above leaves out: a lower-case word, a hyphen, a demonym first, one word)
    more = ["Haqqani network", "ISIS-K", "al-Shabaab", "Syrian Democratic Forces", "Hayat Tahrir al-Sham",
            "Afghan National Army", "Afghan National Police", "UNAMA"]
    names = sorted(ActorRegistry.default().proper_names | set(more))
    return [{"label": "ORG", "pattern": n} for n in names]

"""The model's attribute rules (tag map, lemma and POS exceptions) matched by table, not Matcher.

spaCy's ``AttributeRuler`` runs a ``Matcher`` of all its patterns (179 in the English models)
at every token: about a tenth of sitrep's parsing time. Its patterns only test a token's TAG,
LOWER, DEP and IS_SPACE, so whether a pattern's token matches depends on those four values
alone; ``TableMatch`` decides that once per distinct combination and remembers it. It finds
the matches ``AttributeRuler.match`` finds, in its order, and the ruler's own
``set_annotations`` gives every token the same attributes (a test compares both on parsed text).

``install`` puts the registered component ``sitrep_table_attributes`` in the ruler's place in
the pipeline (it holds the ruler for its rules and annotations). A model whose rules test
anything else keeps the ruler and its Matcher.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from spacy.language import Language

if TYPE_CHECKING:
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc

FACTORY = "sitrep_table_attributes"

_COLUMNS: list[int | str] = ["TAG", "LOWER", "DEP", "IS_SPACE"]  # the token values a rule may test, as Doc.to_array reads them
_MAX_REMEMBERED = 200_000  # distinct (tag, lower, dep, is_space) combinations; a safety bound


def _predicate(attr: str, spec: Any) -> Callable[[tuple[Any, ...]], bool] | None:
    """A test of a token's value of ``attr`` as the Matcher reads ``spec`` (None: unsupported)."""
    pos = _COLUMNS.index(attr)
    if not isinstance(spec, dict):
        return lambda v: v[pos] == spec
    if len(spec) != 1:
        return None
    (op, arg), = spec.items()
    if op == "IN":
        values = set(arg)
        return lambda v: v[pos] in values
    if op == "NOT_IN":
        values = set(arg)
        return lambda v: v[pos] not in values
    if op == "REGEX":
        rx = re.compile(arg)
        return lambda v: rx.search(v[pos]) is not None
    return None


def _token_test(token_spec: dict[str, Any]) -> Callable[[tuple[Any, ...]], bool] | None:
    tests = []
    for attr, spec in token_spec.items():
        test = _predicate(attr, spec) if attr in _COLUMNS else None
        if test is None:
            return None
        tests.append(test)
    return lambda v: all(t(v) for t in tests)


class TableMatch:
    """A pipeline component: the attribute ruler's rules matched by table (see the module)."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        compiled = _compile(ruler)
        if compiled is None:
            raise ValueError("the attribute rules test more than TAG, LOWER, DEP and IS_SPACE")
        self._tests, self._firsts = compiled
        self._remembered: dict[tuple[int, ...], tuple[frozenset[int], tuple[tuple[int, int, int, int], ...]]] = {}

    def __call__(self, doc: Doc) -> Doc:
        self.ruler.set_annotations(doc, self.match(doc))
        return doc

    def _passed(self, ids: tuple[int, ...]) -> tuple[frozenset[int], tuple[tuple[int, int, int, int], ...]]:
        """The tests a token with these values passes, and the patterns it can start."""
        known = self._remembered.get(ids)
        if known is None:
            if len(self._remembered) >= _MAX_REMEMBERED:
                self._remembered.clear()
            strings = self.ruler.vocab.strings
            tag, lower, dep, space = ids
            values = (strings[tag] if tag else "", strings[lower], strings[dep] if dep else "", bool(space))
            hits = frozenset(i for i, t in enumerate(self._tests) if t(values))
            known = self._remembered[ids] = (hits, tuple(f for f in self._firsts if f[2] in hits))
        return known

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """What ``AttributeRuler.match`` returns: (attr id, match id, start, end), sorted."""
        tokens = [self._passed(tuple(row)) for row in doc.to_array(_COLUMNS).tolist()]
        n = len(tokens)
        matches = set()
        for start, (_, starts) in enumerate(tokens):
            for attr_id, match_id, first, width in starts:
                if start + width <= n and all(first + k in tokens[start + k][0] for k in range(1, width)):
                    matches.add((attr_id, match_id, start, start + width))
        return sorted(matches)


def _compile(
    ruler: AttributeRuler,
) -> tuple[list[Callable[[tuple[Any, ...]], bool]], list[tuple[int, int, int, int]]] | None:
    """The token tests of every rule in one list, and per pattern (attr id, match id, index of its
    first test, width); None when a rule needs the Matcher."""
    rules: list[tuple[int, int, list[list[Callable[[tuple[Any, ...]], bool]]]]] = []
    for attr_id in range(len(ruler.attrs)):
        match_id = ruler.vocab.strings.add(str(attr_id))
        _, patterns = ruler.matcher.get(match_id)
        compiled = []
        for pattern in patterns:
            if any("OP" in tok for tok in pattern):
                return None
            token_tests = [_token_test(tok) for tok in pattern]
            supported = [t for t in token_tests if t is not None]
            if not token_tests or len(supported) != len(token_tests):
                return None
            compiled.append(supported)
        rules.append((attr_id, match_id, compiled))
    tests: list[Callable[[tuple[Any, ...]], bool]] = []
    firsts: list[tuple[int, int, int, int]] = []
    for attr_id, match_id, compiled in rules:
        for pattern_tests in compiled:
            firsts.append((attr_id, match_id, len(tests), len(pattern_tests)))
            tests.extend(pattern_tests)
    return tests, firsts


@Language.factory(FACTORY, default_config={"source": "attribute_ruler"})
def make_table_match(nlp: Language, name: str, source: str) -> TableMatch:
    """Built from the pipeline's attribute ruler ``source`` (still in the pipeline when this runs)."""
    return TableMatch(cast("AttributeRuler", nlp.get_pipe(source)))


def install(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Put the table match in the place of the pipeline's attribute ruler; False (nothing
    changed) when there is none or its rules need the Matcher."""
    if name not in nlp.pipe_names or _compile(cast("AttributeRuler", nlp.get_pipe(name))) is None:
        return False
    nlp.add_pipe(FACTORY, name="table_attributes", before=name, config={"source": name})
    nlp.remove_pipe(name)
    return True

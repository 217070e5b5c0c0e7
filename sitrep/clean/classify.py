"""A line classifier for plain-text scrapes: which lines are page furniture, not the article.

Every rule reads general features of one line (length, word count, terminal punctuation,
capitalisation, UI-like vocabulary, comma-separated short items, digits only) or of its place
in the page (before the first or after the last sentence-like line, repeated from earlier,
glued to a photo credit). Prose lines (sentence-like) are only ever marked by the strongest
signals (a teaser or caption prefix, a copyright notice in the tail), so article sentences,
quotes and one-sentence paragraphs stay in the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import dateline as dl
from .lines import Line, all_caps, caps_ratio, ends_terminal, is_prose, norm, split_lines, tokens
from .vocab import Vocab, load

_DIGITS_ONLY = re.compile(r"[\d\s.,:;/|()+%#*kKmM×x-]+")
_LABEL_VALUE = re.compile(r"^(?P<label>[^\W\d_][\w .'-]{0,28}?)\s*[:#]\s*(?P<value>\S.{0,80})$")
_SEPARATORS = re.compile(r"\s[|»>•·/]\s|\s?[|»•·]\s?")
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)\s*,?\s*(?P<name>[^\W\d_][\w&.'’ -]{1,40}?)"
    r"\s*(?:[.,|]|\ball rights\b|$)",
    re.I,
)
_NUMBER = re.compile(r"\d[\d.,]*[km]?")
MAX_SHORT = 12  # words: UI, caption-context and tail rules never touch longer non-prose lines


@dataclass
class Classified:
    """The lines of a page with kinds, plus what the classifier found on the way."""

    lines: list[Line]
    title: Line | None = None
    dateline: Line | None = None
    extra: list[tuple[int, int, str]] = field(default_factory=list)  # spans inside body lines
    wire: tuple[int, int, str, str | None] | None = None  # inline dateline: start, end, text, agency
    outlet: str | None = None


def classify(text: str) -> Classified:
    """Give each non-blank line of ``text`` a boilerplate kind, or None for the article body."""
    v = load()
    lines = list(split_lines(text))
    prose = [is_prose(ln) for ln in lines]
    for ln, p in zip(lines, prose, strict=True):
        ln.kind = _local_kind(ln, p, v)
    _mark_repeats(lines, prose)
    _mark_caption_context(lines, prose)
    body = [i for i, ln in enumerate(lines) if prose[i] and ln.kind is None]
    first = body[0] if body else len(lines)
    last = body[-1] if body else -1
    result = Classified(lines)
    result.title = _head(lines, first, v)
    if body:
        for ln in lines[last + 1 :]:
            if ln.kind is None and (not (is_prose(ln) or _quoted_words(ln, v)) or _footer_phrase(ln, v)):
                ln.kind = _ui_kind(ln, v) or "footer"
    result.dateline = next((ln for ln in lines if ln.kind == "dateline" and dl.parse(ln.text)), None)
    result.dateline = result.dateline or next((ln for ln in lines if ln.kind == "dateline"), None)
    if body:
        lead = lines[first]
        m = dl.wire_dateline(lead.text)
        if m:
            result.wire = (
                lead.start,
                lead.start + len(m.group(0).rstrip()),
                m.group(0).strip(),
                m.group("agency") or None,
            )
            result.extra.append((lead.start, result.wire[1], "dateline"))
    result.outlet = _outlet(lines, result.wire)
    return result


def _local_kind(ln: Line, prose: bool, v: Vocab) -> str | None:
    """Rules that need only the line itself."""
    text = ln.text
    if ln.long:
        return None
    low = text.lower()
    if ln.n_words <= 40 and low.startswith(v.teaser_prefixes):
        return "teaser"
    if ln.n_words <= 60 and low.startswith(v.caption_prefixes):
        return "caption"
    if "©" in text and ln.n_words <= 25:
        return "footer" if _COPYRIGHT.search(text) or "rights reserved" in low else "caption"
    if prose:
        return None
    if dl.is_dateline(text):
        return "dateline"
    if any(c.isdigit() for c in text) and _DIGITS_ONLY.fullmatch(text):
        return "share_widget" if ln.index < 10 else "metadata"
    if _footer_phrase(ln, v):
        return "footer"
    if ln.n_words <= MAX_SHORT and any(t in low for t in v.credit_terms):
        return "caption"
    if ln.n_words <= MAX_SHORT and low.startswith(v.byline_prefixes):
        return "metadata"
    kind = _label_kind(text, v)
    if kind:
        return kind
    if _is_tag_list(text, v):
        return "tag_list"
    kind = _ui_kind(ln, v)
    if kind:
        return kind
    if _is_section(ln, v):
        return "section_label"
    if _is_breadcrumb(text):
        return "navigation"
    return None


def _quoted_words(ln: Line, v: Vocab) -> bool:
    """A short closing line that quotes someone ('"We will win," he said.') or tells one more
    fact of the story ("The TTP claimed responsibility.", "Police are investigating."): the
    article's last words, not a page's footer."""
    if ln.n_words < 3 or not ends_terminal(ln.text) or ln.text.endswith(("...", "…")):
        return False
    words = {w.lower().strip(".,") for w in ln.words}
    quoted = any(q in ln.text for q in ('"', "\u201c", "\u201d")) and bool(words & v.reporting_verbs)
    return quoted or ln.text[:1].isupper() and bool(words & v.closing_verbs)


def _footer_phrase(ln: Line, v: Vocab) -> bool:
    low = ln.text.lower()
    return ln.n_words <= 25 and any(p in low for p in v.footer_phrases)


def _label_kind(text: str, v: Vocab) -> str | None:
    """ "News ID: 314510", "Tags: Taliban, NATO", "Source: ..." style label lines."""
    m = _LABEL_VALUE.match(text)
    if not m:
        return None
    label = m.group("label").strip().lower()
    if label in v.tag_labels:
        return "tag_list"
    if label in v.metadata_labels:
        return "metadata"
    value = m.group("value")
    if len(label.split()) <= 3 and sum(c.isdigit() for c in value) >= max(1, len(value) // 2):
        return "metadata"
    return None


def _is_tag_list(text: str, v: Vocab) -> bool:
    """Short comma-separated terms with no sentence grammar: a keyword/tag list."""
    if len(text) > 200 or ends_terminal(text) and not text.endswith(")"):
        return False
    items = [s.strip() for s in re.split(r"[,;]", text)]
    if len(items) < 3 or any(not s for s in items):
        return False
    for s in items:
        words = s.split()
        if len(words) > 4 or any(w.lower() in v.function_words for w in words):
            return False
    return True


def _ui_kind(ln: Line, v: Vocab) -> str | None:
    """Lines made of interface words (share, login, listen, comments...), not of news."""
    if ln.n_words > MAX_SHORT or is_prose(ln):
        return None
    low = ln.text.lower()
    toks = tokens(ln.text, v.ui_words)
    if not toks:
        return "navigation" if ln.text.strip() else None
    if (
        any(t in v.share_words for t in toks)
        and len(toks) <= 6
        and all(t in v.ui_words or _NUMBER.fullmatch(t) for t in toks)
    ):
        return "share_widget"
    if any(p in low for p in v.ui_phrases):
        return "navigation"
    known = sum(1 for t in toks if t in v.ui_words or _NUMBER.fullmatch(t))
    strong = any(t in v.ui_strong or t in v.share_words for t in toks)
    if strong and len(toks) <= 8 and known / len(toks) >= 0.6:
        return "navigation"
    return None


def _is_section(ln: Line, v: Vocab) -> bool:
    """ "World News", "BREAKING NEWS": a few words from the section vocabulary, no sentence."""
    if not 1 <= ln.n_words <= 4 or ends_terminal(ln.text) or any(c.isdigit() for c in ln.text):
        return False
    return all(w.lower() in v.section_words for w in tokens(ln.text))


def _is_breadcrumb(text: str) -> bool:
    """ "Home | World | Asia" or "News » Asia »": short segments between separators."""
    parts = [p for p in _SEPARATORS.split(text) if p.strip()]
    seps = len(_SEPARATORS.findall(text))
    if seps < 1 or not parts:
        return False
    return (
        (seps >= 2 or len(parts) <= 2) and all(len(p.split()) <= 4 for p in parts) and not ends_terminal(text)
    )


def _mark_repeats(lines: list[Line], prose: list[bool]) -> None:
    """A short headline-like line printed again later is a repeated block (first copy kept).

    Repeated prose (a pull quote restating a body quote) stays body: statements may cite both.
    """
    seen: dict[str, Line] = {}
    for ln, p in zip(lines, prose, strict=True):
        if ln.long:
            continue
        key = norm(ln.text)
        if not key:
            continue
        earlier = seen.get(key)
        if earlier is None:
            seen[key] = ln
        elif ln.kind is None and not p and ln.n_words <= 30:
            ln.kind = "repeated" if earlier.kind is None else earlier.kind


def _mark_caption_context(lines: list[Line], prose: list[bool]) -> None:
    """A short unpunctuated line glued to a photo credit is that photo's caption."""
    for i in range(1, len(lines)):
        ln, prev = lines[i], lines[i - 1]
        if (
            ln.kind == "caption"
            and not ln.blank_before
            and prev.kind is None
            and not prose[i - 1]
            and prev.n_words <= MAX_SHORT
            and not ends_terminal(prev.text)
        ):
            prev.kind = "caption"


def _headline_like(ln: Line) -> bool:
    return (
        3 <= ln.n_words <= 30
        and not ln.text.endswith((".", ":", ";", ","))
        and not is_prose(ln)
        and any(c.isalpha() for c in ln.text)
    )


def _head(lines: list[Line], first: int, v: Vocab) -> Line | None:
    """Pick the headline among the lines before the first body sentence; label the rest.

    Short lines above the headline are section or navigation labels; an all-caps label of a
    few words ("BREAKING NEWS") is never a headline.
    """
    title: Line | None = None
    for ln in lines[:first]:
        if ln.kind is not None:
            continue
        if title is None and _headline_like(ln) and not (all_caps(ln.text) and ln.n_words <= 4):
            title = ln
            continue
        if title is None and ln.n_words <= 4 and not ends_terminal(ln.text):
            ln.kind = "section_label" if caps_ratio(ln.words) >= 0.99 else "navigation"
    return title


def _outlet(lines: list[Line], wire: tuple[int, int, str, str | None] | None) -> str | None:
    """The outlet, where the page names it: a copyright notice, else a wire agency tag."""
    for ln in reversed(lines):
        if ln.kind == "footer" and not ln.long:
            m = _COPYRIGHT.search(ln.text)
            if m and m.group("name").strip():
                return m.group("name").strip()
    if wire and wire[3] and len(wire[3].split()) <= 3:
        return wire[3].strip()
    return None


def local_kind(ln: Line, prose: bool) -> str | None:
    """The kind the one-line rules give ``ln`` (None: nothing about the line itself says so)."""
    return _local_kind(ln, prose, load())


def guess_kind(ln: Line, region: str) -> str:
    """The kind of a line already known to be boilerplate (HTML pages): best guess by rules."""
    kind = _local_kind(ln, is_prose(ln), load())
    if kind:
        return kind
    if region == "tail":
        return "footer"
    return "navigation" if region == "head" or ln.n_words <= 6 else "teaser"

"""HTML pages: visible text with lxml, and trafilatura's body mapped back as spans."""

from __future__ import annotations

from sitrep.clean import clean
from sitrep.clean.html import visible_text
from sitrep.clean.htmlbody import align
from sitrep.model import Document

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>Militants attack checkpoint near Kunduz | The Frontier Post</title>
<meta property="og:title" content="Militants attack checkpoint near Kunduz">
<meta property="og:site_name" content="The Frontier Post">
<meta property="article:published_time" content="2021-06-14T08:30:00Z">
<style>.x{color:red}</style><script>var tracking = "Share this now";</script></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/login">Login</a></li></ul></nav>
<div class="share"><a>Facebook</a> <a>Twitter</a> <a>WhatsApp</a> <span>1.2K shares</span></div>
<article>
<h1>Militants attack checkpoint near Kunduz</h1>
<p class="date">Published: June 14, 2021 08:30 GMT</p>
<p>Militants attacked a police checkpoint on the outskirts of Kunduz early on Monday, killing at least six officers, provincial officials said.</p>
<p>"The attackers came from three directions and the fighting lasted two hours," said a police
   spokesman, who asked not to be named because he was not <em>authorised</em> to speak to the media.</p>
<p>The provincial governor said reinforcements had been sent to the area and that the situation was now under control.</p>
<p>No group immediately claimed responsibility for the attack, which came a day after a roadside bomb killed two civilians in the same district.</p>
<p>Local residents said the sound of gunfire could be heard across the city for much of the night.</p>
</article>
<footer><p>© 2021 The Frontier Post. All rights reserved.</p><p><a>Privacy policy</a> | <a>Terms of use</a></p></footer>
<noscript>Enable JavaScript</noscript>
</body></html>
"""

BODY = [
    "Militants attacked a police checkpoint on the outskirts of Kunduz early on Monday",
    '"The attackers came from three directions and the fighting lasted two hours," said a police spokesman',
    "not authorised to speak to the media.",
    "The provincial governor said reinforcements had been sent to the area",
    "No group immediately claimed responsibility for the attack",
    "Local residents said the sound of gunfire could be heard across the city for much of the night.",
]


def test_visible_text_blocks_and_drops() -> None:
    text = visible_text(PAGE)
    assert "var tracking" not in text and "color:red" not in text and "Enable JavaScript" not in text
    assert "The Frontier Post</title>" not in text
    lines = text.split("\n")
    assert lines[:3] == ["Home", "World", "Login"]
    assert "Facebook Twitter WhatsApp 1.2K shares" in lines
    # whitespace inside an inline run collapses; inline tags do not break lines
    assert any(ln.startswith('"The attackers came') and ln.endswith("to speak to the media.") for ln in lines)
    assert "said a police spokesman, who" in text


def test_visible_text_br_comments_hidden_and_broken_markup() -> None:
    assert visible_text("<p>one<br>two<br><br>three</p>") == "one\ntwo\n\nthree"
    assert visible_text("<div>a<!-- hidden note -->b</div><p hidden>secret</p>") == "ab"
    assert visible_text('<p style="display: none">x</p><p>y') == "y"
    assert visible_text("<p>unclosed <b>bold <div>block</p>") .split("\n") == ["unclosed bold", "block"]
    assert visible_text("") == ""


def test_visible_text_deep_and_wide() -> None:
    deep = "<html><body>" + "<div>" * 20_000 + "deep" + "</div>" * 20_000 + "<p>after</p></body></html>"
    assert visible_text(deep) == "deep\nafter"
    wide = "<html><body>" + "".join(f"<p>para {i} <span>x</span></p>" for i in range(100_000)) + "</body></html>"
    text = visible_text(wide)  # its time budget: benchmarks/bench_hostile.py
    assert text.count("\n") == 99_999 and text.endswith("para 99999 x")


def test_html_clean_spans() -> None:
    text = visible_text(PAGE)
    cleaned = clean(Document(id="p", text=text, raw_html=PAGE))
    marked = {text[s.start:s.end]: s.kind for s in cleaned.boilerplate}
    assert marked.get("Home") and marked.get("Login")
    assert marked.get("Facebook Twitter WhatsApp 1.2K shares") == "share_widget"
    assert marked.get("© 2021 The Frontier Post. All rights reserved.") == "footer"
    assert "Privacy policy | Terms of use" in marked
    assert marked.get("Published: June 14, 2021 08:30 GMT") == "dateline"
    for sent in BODY:
        i = text.index(sent)
        assert not cleaned.is_boilerplate(i, i + len(sent)), sent
    assert cleaned.title == "Militants attack checkpoint near Kunduz"
    assert cleaned.title_span is not None
    assert text[cleaned.title_span[0]:cleaned.title_span[1]] == cleaned.title
    assert not cleaned.is_boilerplate(*cleaned.title_span)
    assert cleaned.published == "2021-06-14"
    assert cleaned.outlet == "The Frontier Post"
    assert cleaned.dateline_value == "2021-06-14T08:30"


def test_published_ignores_body_dates() -> None:
    page = ("<html><body><h1>Clashes in the north</h1>"
            + "<p>Fighting that began on March 3, 2019 continued through the week, officials said on Tuesday.</p>" * 5
            + "</body></html>")
    cleaned = clean(Document(id="q", text=visible_text(page), raw_html=page))
    assert cleaned.published is None


def test_align_is_tolerant_and_forward() -> None:
    text = "Menu\nThe  army said\n on Monday it had won.\nShare\n- Second point here.\nFooter"
    spans = align(text, ["The army said on Monday it had won.", "- Second point here.", "not in the page"])
    assert [text[a:b] for a, b in spans] == ["The  army said\n on Monday it had won.", "Second point here."]


def test_html_without_article_falls_back_to_classifier() -> None:
    page = "<html><body><div>Home</div><div>Login</div></body></html>"
    text = visible_text(page)
    cleaned = clean(Document(id="r", text=text, raw_html=page))
    assert all(text[s.start:s.end] in {"Home", "Login"} for s in cleaned.boilerplate)
    assert len(cleaned.boilerplate) == 2

"""Article text and metadata from an HTML page, via the stdlib parser (event-driven: it never recurses)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

# fmt: off
SKIP_TAGS = frozenset({
    "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "svg", "iframe", "template",
    "title", "button",
})
BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "blockquote", "pre", "ul", "ol", "li", "dl", "dt", "dd",
    "table", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "hr", "address", "details",
    "summary", "body",
})
VOID_TAGS = frozenset({"br", "hr", "img", "meta", "link", "input", "source", "wbr", "area", "base", "col"})
# fmt: on
CELL_TAGS = frozenset({"td", "th"})
MIN_SCOPE_SHARE = 0.3  # <article>/<main> text is preferred only if it holds this share of the page's text
_SPACES = re.compile(r"[ \t\r\f\v]+")
_AROUND_NEWLINE = re.compile(r" *\n *")


@dataclass(frozen=True)
class HtmlDoc:
    """What an HTML page gives an article: its text (paragraphs split by blank lines) and metadata."""

    text: str
    title: str = ""
    date: str = ""
    url: str = ""


def extract_html(markup: str) -> HtmlDoc:
    """Parse a page, keeping the article's prose and its title, date and url."""
    parser = _ArticleParser()
    parser.feed(markup)
    parser.close()
    return parser.result()


class _ArticleParser(HTMLParser):
    """Collect paragraphs (preferring those inside <article>, then <main>) and page metadata."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip_depth = 0
        self.scope = {"article": 0, "main": 0}
        self.paragraphs: list[tuple[str, bool, bool]] = []  # (text, in <article>, in <main>)
        self.current: list[str] = []
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] | None = None
        self.h1_parts: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Track skipped regions, scopes and paragraph breaks; read metadata from attributes."""
        self._read_metadata(tag, {k: v or "" for k, v in attrs})
        if tag in VOID_TAGS:
            self._void(tag)
            return
        if tag == "title" and self.title_parts is None and not self.skip_depth:
            self.title_parts = []  # not an <svg>'s <title>
        elif tag == "h1" and self.h1_parts is None:
            self.h1_parts = []  # even inside a skipped <header>
        if tag in SKIP_TAGS:
            self.skip_depth += 1
        elif tag in BLOCK_TAGS:
            self._break()
        elif tag in CELL_TAGS:
            self.current.append(" ")
        if tag in self.scope:
            self.scope[tag] += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Self-closing tags open nothing (<svg/> must not start a skipped region)."""
        self._read_metadata(tag, {k: v or "" for k, v in attrs})
        self._void(tag)

    def handle_endtag(self, tag: str) -> None:
        """Close what handle_starttag opened, tolerating stray end tags."""
        if tag in SKIP_TAGS:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in BLOCK_TAGS:
            self._break()
        if tag in self.scope:
            self._break()
            self.scope[tag] = max(0, self.scope[tag] - 1)
        if tag == "title" and self.title_parts is not None and "title" not in self.meta:
            self.meta["title"] = "".join(self.title_parts)
        elif tag == "h1" and self.h1_parts is not None and "h1" not in self.meta:
            self.meta["h1"] = "".join(self.h1_parts)

    def handle_data(self, data: str) -> None:
        """Text goes to the current paragraph unless inside a skipped element."""
        if self.title_parts is not None and "title" not in self.meta:
            self.title_parts.append(data)
        if self.h1_parts is not None and "h1" not in self.meta:
            self.h1_parts.append(data)
        if not self.skip_depth:
            self.current.append(data.replace("\n", " "))

    def _void(self, tag: str) -> None:
        """Line breaks for <br>, paragraph breaks for <hr>."""
        if tag == "br" and not self.skip_depth:
            self.current.append("\n")
        elif tag == "hr":
            self._break()

    def _break(self) -> None:
        """End the current paragraph."""
        text = _AROUND_NEWLINE.sub("\n", _SPACES.sub(" ", "".join(self.current)))
        self.current = []
        if text.strip():
            self.paragraphs.append((text.strip(), self.scope["article"] > 0, self.scope["main"] > 0))

    def _read_metadata(self, tag: str, attrs: dict[str, str]) -> None:
        """Keep the first og:title, og:url, canonical link, published time and <time datetime>."""
        key = ""
        if tag == "meta":
            name = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
            key = {"og:title": "og:title", "og:url": "og:url", "article:published_time": "published",
                   "datepublished": "published"}.get(name, "")  # fmt: skip
            value = attrs.get("content", "")
        elif tag == "link" and "canonical" in attrs.get("rel", "").lower().split():
            key, value = "canonical", attrs.get("href", "")
        elif tag == "time" and attrs.get("datetime"):
            key, value = "time", attrs["datetime"]
        if key and value.strip() and key not in self.meta:
            self.meta[key] = value.strip()

    def result(self) -> HtmlDoc:
        """The article's paragraphs and the best metadata found."""
        self._break()
        chosen = self._main_paragraphs()
        meta = self.meta
        title = " ".join((meta.get("og:title") or meta.get("title") or meta.get("h1") or "").split())
        if chosen and title and " ".join(chosen[0].split()) == title:
            chosen = chosen[1:]  # the headline repeated as the first paragraph
        return HtmlDoc(
            text="\n\n".join(chosen),
            title=title,
            date=meta.get("published") or meta.get("time", ""),
            url=meta.get("og:url") or meta.get("canonical", ""),
        )

    def _main_paragraphs(self) -> list[str]:
        """Paragraphs in <article>, else <main>, else the page (a scope with too little text is a teaser)."""
        everything = [p for p, _, _ in self.paragraphs]
        total = sum(len(p) for p in everything)
        for scope in (1, 2):
            inside = [p[0] for p in self.paragraphs if p[scope]]
            if inside and sum(len(p) for p in inside) >= MIN_SCOPE_SHARE * total:
                return inside
        return everything

"""Which HTML extractor keeps the article and drops the furniture: our stdlib cleaner vs trafilatura (what the
loader now uses first) on saved news pages.

    .venv/bin/python scripts/compare_html_extractors.py [FOLDER ...]   (default: the test fixtures' pages)

A page's article text is `PAGE.txt` beside it when present, else its <article> paragraphs outside comment
sections. Per page and in total: words kept, of which article words and furniture (bylines, comments, related
links, banners), and the share of the article's distinct words kept.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from index.html_text import extract_html  # noqa: E402
from index.ingest.extract import extract_page  # noqa: E402

DEFAULT = [ROOT / "tests" / "index" / "ingest" / "fixtures" / "news"]
_WORD = re.compile(r"[^\W_]+")
_ARTICLE = "//article//p[not(ancestor::*[contains(@class, 'comment') or contains(@id, 'comment')])]"


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def article_text(page: Path, markup: str) -> str:
    """The reference: PAGE.txt, else the page's article paragraphs."""
    reference = page.with_suffix(".txt")
    if reference.exists():
        return reference.read_text(encoding="utf-8")
    from lxml import html

    return " ".join(" ".join(p.itertext()) for p in html.fromstring(markup).xpath(_ARTICLE))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path, default=DEFAULT)
    folders = parser.parse_args().folders
    totals = {name: [0, 0, 0.0, 0] for name in ("stdlib", "trafilatura")}
    print(f"{'page':28} {'extractor':12} {'kept':>5} {'article':>8} {'furniture':>10} {'recall':>7}")
    for page in sorted(p for folder in folders for p in folder.glob("*.htm*")):
        markup = page.read_text(encoding="utf-8", errors="replace")
        truth = set(words(article_text(page, markup)))
        if not truth:
            continue
        extracted = extract_page(markup, "")
        for name, text in (("stdlib", extract_html(markup).text), ("trafilatura", extracted.text if extracted else "")):
            kept = words(text)
            article = sum(w in truth for w in kept)
            recall = len(truth & set(kept)) / len(truth)
            t = totals[name]
            t[0], t[1], t[2], t[3] = t[0] + len(kept), t[1] + article, t[2] + recall, t[3] + 1
            print(f"{page.name[:28]:28} {name:12} {len(kept):5} {article:8} {len(kept) - article:10} {recall:7.2f}")
    for name, (kept_n, article_n, recall_sum, pages) in totals.items():
        if pages:
            print(f"{'TOTAL (' + str(pages) + ' pages)':28} {name:12} {kept_n:5} {article_n:8} "
                  f"{kept_n - article_n:10} {recall_sum / pages:7.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

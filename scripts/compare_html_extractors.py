"""Which HTML extractor keeps the article and drops the furniture: our stdlib cleaner vs trafilatura (what the
loader now uses first) on saved news pages.

    .venv/bin/python scripts/compare_html_extractors.py [FOLDER ...]   (default: the test fixtures' pages)

Two modes, chosen per folder:

* A folder with an `evaldata.json` is scored the way trafilatura's own benchmark scores extractors
  (tests/evaluate.py + tests/eval_common.py in github.com/adbar/trafilatura): for each page the file lists
  snippets that must be extracted ("with") and boilerplate that must not ("without"); after whitespace
  normalisation a "with" snippet found is a true positive, missing a false negative; a "without" snippet found
  is a false positive, absent a true negative. Per page and in total: those counts, precision, recall, F1,
  accuracy, words kept and milliseconds per page (best of 3 runs), for three extractors: `stdlib` (index/html_text.py),
  `trafilatura` (index/ingest/extract.py, the loader's settings) and `loader` (what index/loaders.py keeps:
  trafilatura's text when it returns one, else the stdlib cleaner's). Each is scored on title + body, as the
  loader stores both.
* Any other folder: a page's article text is `PAGE.txt` beside it when present, else its <article>
  paragraphs outside comment sections; per page and in total: words kept, of which article words and
  furniture (bylines, comments, related links, banners), and the share of the article's distinct words kept.

The real pages (kept out of the repository: third-party text) go in `.eval/html-pages/` (gitignored):

* pages: `tests/cache/NAME.html` of adbar/trafilatura, here as shipped in the trafilatura 0.9.3 sdist on PyPI
  (`pip download --no-deps --no-binary :all: trafilatura==0.9.3`, then `tar xzf trafilatura-0.9.3.tar.gz`
  and copy `trafilatura-0.9.3/tests/cache/NAME.html`); recent sdists (1.12.2) leave tests/cache out; the
  repository's copies have the same length, except spiegel.de.albtraum (revised since);
* snippets: the pages' entries of `tests/evaldata.py` in adbar/trafilatura (commit b6808306670d), as JSON
  `{url: {"file": NAME.html, "with": [...], "without": [...]}}` in `.eval/html-pages/evaldata.json`.

trafilatura is Apache-2.0 today (its 0.9.3 sdist says GPL-3.0-or-later); the pages' text belongs to
their publishers, so neither pages nor snippets are committed. reports/issue-15-extractors.md lists the pages.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from index.html_text import extract_html  # noqa: E402
from index.ingest.extract import extract_page  # noqa: E402

DEFAULT = [ROOT / "tests" / "index" / "ingest" / "fixtures" / "news"]
EVALDATA = "evaldata.json"
_WORD = re.compile(r"[^\W_]+")
_SPACE = re.compile(r"\s+")
_ARTICLE = "//article//p[not(ancestor::*[contains(@class, 'comment') or contains(@id, 'comment')])]"


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def norm(text: str) -> str:
    """Whitespace-normalised, as trafilatura's evaluation compares snippets (case and punctuation kept)."""
    return _SPACE.sub(" ", text).strip()


def count(item: dict, text: str) -> tuple[int, int, int, int]:
    """(tp, fn, fp, tn) of one page: its "with" snippets found/missing, its "without" snippets found/absent."""
    found = norm(text)
    tp = sum(norm(s) in found for s in item["with"])
    fp = sum(norm(s) in found for s in item["without"])
    return tp, len(item["with"]) - tp, fp, len(item["without"]) - fp


@dataclass
class Tally:
    """Snippet counts, words and time summed over pages, and the scores they give."""

    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0
    words: int = 0
    seconds: float = 0.0
    pages: int = 0

    def add(self, counts: tuple[int, int, int, int], kept: int, seconds: float) -> None:
        tp, fn, fp, tn = counts
        self.tp, self.fn, self.fp, self.tn = self.tp + tp, self.fn + fn, self.fp + fp, self.tn + tn
        self.words, self.seconds, self.pages = self.words + kept, self.seconds + seconds, self.pages + 1

    def scores(self) -> tuple[float, float, float, float]:
        """Precision, recall, F1 and accuracy (0.0 where a denominator is empty)."""
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp + self.fp + self.fn else 0.0
        total = self.tp + self.fn + self.fp + self.tn
        return precision, recall, f1, (self.tp + self.tn) / total if total else 0.0


def _stdlib(markup: str, url: str) -> str:
    doc = extract_html(markup)
    return f"{doc.title}\n{doc.text}"


def _trafilatura(markup: str, url: str) -> str:
    page = extract_page(markup, url)
    return f"{page.title}\n{page.text}" if page else ""


def _loader(markup: str, url: str) -> str:
    """What index/loaders.py `_read_html` keeps: trafilatura's article, else the stdlib cleaner's text."""
    doc = extract_html(markup)
    page = extract_page(markup, doc.url or url)
    return f"{page.title or doc.title}\n{page.text}" if page else f"{doc.title}\n{doc.text}"


EXTRACTORS: dict[str, Callable[[str, str], str]] = {"stdlib": _stdlib, "trafilatura": _trafilatura, "loader": _loader}
REPEAT = 3  # each page's time is the best of this many runs: the machine is shared, so single runs are noisy
_HEAD = "| page | extractor | with found | with missed | without found | without absent | words | ms |"


def _row(page: str, name: str, t: Tally) -> str:
    return f"| {page} | {name} | {t.tp} | {t.fn} | {t.fp} | {t.tn} | {t.words} | {1000 * t.seconds:.0f} |"


def _timed(extract: Callable[[str, str], str], markup: str, url: str) -> tuple[float, str]:
    start = time.perf_counter()
    text = extract(markup, url)
    return time.perf_counter() - start, text


def score_folder(folder: Path, evaldata: dict[str, dict]) -> dict[str, Tally]:
    """Score every extractor on the folder's listed pages, printing one row per page and extractor."""
    for extract in EXTRACTORS.values():  # imports and lazy set-up are not the first page's time
        extract("<html><body><article><p>warm up</p></article></body></html>", "")
    totals = {name: Tally() for name in EXTRACTORS}
    print(_HEAD + "\n" + "|---" * 8 + "|")
    for url, item in sorted(evaldata.items(), key=lambda kv: kv[1]["file"]):
        page = folder / item["file"]
        if not page.exists():
            print(f"missing page: {page}", file=sys.stderr)
            continue
        markup = page.read_text(encoding="utf-8", errors="replace")
        for name, extract in EXTRACTORS.items():
            seconds, text = min(_timed(extract, markup, url) for _ in range(REPEAT))
            one = Tally()
            one.add(count(item, text), len(words(text)), seconds)
            totals[name].add((one.tp, one.fn, one.fp, one.tn), one.words, one.seconds)
            print(_row(page.stem, name, one))
    print(
        "\n| extractor | pages | precision | recall | F1 | accuracy | with found/all | without found/all "
        "| words/page | ms/page |\n" + "|---" * 10 + "|"
    )
    for name, t in totals.items():
        if t.pages:
            p, r, f1, acc = t.scores()
            print(
                f"| {name} | {t.pages} | {p:.3f} | {r:.3f} | {f1:.3f} | {acc:.3f} | {t.tp}/{t.tp + t.fn} "
                f"| {t.fp}/{t.fp + t.tn} | {t.words / t.pages:.0f} | {1000 * t.seconds / t.pages:.0f} |"
            )
    return totals


def article_text(page: Path, markup: str) -> str:
    """The reference: PAGE.txt, else the page's article paragraphs."""
    reference = page.with_suffix(".txt")
    if reference.exists():
        return reference.read_text(encoding="utf-8")
    from lxml import html

    return " ".join(" ".join(p.itertext()) for p in html.fromstring(markup).xpath(_ARTICLE))


def word_recall(folders: list[Path]) -> None:
    """The reference-text mode: words kept, article vs furniture, share of the article's words kept."""
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
            print(
                f"{'TOTAL (' + str(pages) + ' pages)':28} {name:12} {kept_n:5} {article_n:8} "
                f"{kept_n - article_n:10} {recall_sum / pages:7.2f}"
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path, default=DEFAULT)
    folders = parser.parse_args().folders
    plain = [folder for folder in folders if not (folder / EVALDATA).exists()]
    for folder in folders:
        if folder not in plain:
            score_folder(folder, json.loads((folder / EVALDATA).read_text(encoding="utf-8")))
    if plain:
        word_recall(plain)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Loading every supported format into Articles, and turning every kind of bad input into a LoadError."""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from index.decode import DecodeError, read_text
from index.loaders import iter_articles
from index.meta import url_date
from index.types import Article, LoadError

ROOT = Path(__file__).resolve().parents[2]
SUPPORTED_LIST = ".jsonl.gz, .jsonl, .json, .txt, .md, .markdown, .html, .htm"
BODY = "The council voted on Tuesday to approve the new budget after a long debate."


def load(*paths: Path, home: Path | None = None) -> tuple[list[Article], list[LoadError]]:
    """Run the loader to the end, splitting articles from errors; ids relative to `home` (default: the first
    path's folder, as if it were the articles folder)."""
    home = home or (paths[0] if paths[0].is_dir() else paths[0].parent)
    items = list(iter_articles(list(paths), home=home))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, LoadError)]


def write(path: Path, content: str | bytes) -> Path:
    """Create a test input (and its folders)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def jsonl(*rows: object) -> str:
    """JSONL text for the given rows."""
    return "".join(json.dumps(r) + "\n" for r in rows)


# --- default articles -------------------------------------------------------------------------------


def test_default_articles_load_with_ids_titles_and_clean_bodies() -> None:
    articles, errors = load(ROOT / "articles")
    assert errors == []
    first, second = articles
    assert first.id == "000_19d6c775b7450330"
    assert first.title == "Russia’s Collapse Exposed: Can Ukraine Capitalize on Putin’s Pain?"
    assert first.text.startswith("As Russia faces")
    assert first.text.endswith("the world must watch closely.")
    assert "Copied!" not in first.text and "Leave a Reply" not in first.text
    assert (first.url, first.date, first.source) == ("", "", "file")
    assert first.origin == str(ROOT / "articles" / "000_19d6c775b7450330.txt")
    assert second.id == "004_d7e9291a4c230370"
    assert second.title == ""
    assert second.text.startswith("A string of victories")


# --- plain text and markdown --------------------------------------------------------------------------


def test_text_file_headline_becomes_title_and_leaves_the_body(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", f"Council approves budget\n\n{BODY}\n")
    [article], errors = load(tmp_path)
    assert errors == []
    assert article == Article(
        id="a", text=BODY, title="Council approves budget", source="file", origin=str(tmp_path / "a.txt")
    )


def test_a_day_on_a_line_of_its_own_by_the_headline_becomes_the_date(tmp_path: Path) -> None:
    """A saved article's headline with its day below ("…\n2026-11-13\n\n…") lost both: the headline stayed in the
    body as its first line, untitled and undated."""
    write(tmp_path / "a.txt", f"Council approves budget\n2026-11-13\n\n{BODY}\n")
    write(tmp_path / "b.txt", f"Council approves budget\n\nPublished: Friday, Nov. 13, 2026\n\n{BODY}\n")
    write(tmp_path / "c.md", f"# Council approves budget\nNovember 13, 2026\n\n{BODY}\n")
    write(tmp_path / "d.txt", f"2026-11-13\nCouncil approves budget\n\n{BODY}\n")
    articles, errors = load(tmp_path)
    assert errors == []
    assert [(a.title, a.date, a.text) for a in articles] == [("Council approves budget", "2026-11-13", BODY)] * 4
    write(tmp_path / "a.txt", f"Council approves budget\nThe vote came on Nov. 13, 2026.\n\n{BODY}\n")  # a sentence
    assert load(tmp_path / "a.txt")[0][0].date == ""


def test_a_byline_and_a_day_under_the_headline_are_no_body_text(tmp_path: Path) -> None:
    """An article copied with its byline and day under the headline ("By Jane Doe, Staff Writer", "Nov. 13, 2026")
    was indexed untitled and undated, all three lines as body text; Windows line ends or a legacy encoding change
    nothing of it. A line opening with "By" that is a sentence stays."""
    write(tmp_path / "a.txt", f"COUNCIL APPROVES BUDGET\nBy Jane Doe, Staff Writer\nNov. 13, 2026\n\n{BODY}\n")
    legacy = f"Café council approves budget\r\nNov. 13, 2026\r\n\r\n{BODY}\r\n"
    (tmp_path / "b.txt").write_bytes(legacy.encode("cp1252"))
    write(tmp_path / "c.txt", f"Council approves budget\n\nBy Jane Doe\n\n{BODY}\n")
    write(tmp_path / "d.txt", f"Council approves budget\nBy the way, it passed.\n\n{BODY}\n")
    a, b, c, d = load(tmp_path)[0]
    assert (a.title, a.date, a.text) == ("COUNCIL APPROVES BUDGET", "2026-11-13", BODY)
    assert (b.title, b.date, b.text) == ("Café council approves budget", "2026-11-13", BODY)
    assert (c.title, c.date, c.text) == ("Council approves budget", "", BODY)
    assert (d.title, d.date, d.text) == ("", "", f"Council approves budget\nBy the way, it passed.\n\n{BODY}")


def test_front_matter_or_labelled_lines_give_the_title_day_and_address(tmp_path: Path) -> None:
    """A Markdown article saved with front matter ("---", "title:", "date:", "url:", "---") kept it all as body text,
    untitled and undated; "Title: …" and "Date: …" lines above a text file's body gave the title "Title: …"."""
    write(tmp_path / "a.md", f'---\ntitle: "Council approves budget"\ndate: 2026-11-13T09:30:00Z\n'
                             f"url: https://news.example.com/budget\ntags:\n  - council\n---\n\n"
                             f"# Council approves budget\n\n{BODY}\n")  # fmt: skip
    write(tmp_path / "b.txt", f"Title: Council approves budget\nDate: November 13, 2026\n\n{BODY}\n")
    write(tmp_path / "c.md", f"---\n\n{BODY}\n\n---\n\nMore.\n")  # a rule, no front matter
    write(tmp_path / "e.md", f"---\nauthor: Jane Doe\ntags:\n  - council\n---\n\n{BODY}\n")  # no title, no day
    write(tmp_path / "d.txt", f"Note: read this\n\n{BODY}\n")  # a label of no header field: a headline, as before
    a, b, c, d, e = load(tmp_path)[0]
    assert (e.title, e.date, e.text) == ("", "", BODY)
    assert (a.title, a.date, a.url, a.source, a.text) == (
        "Council approves budget", "2026-11-13", "https://news.example.com/budget", "news.example.com", BODY
    )
    assert (b.title, b.date, b.text) == ("Council approves budget", "2026-11-13", BODY)
    assert (c.title, c.date, c.text) == ("", "", f"---\n\n{BODY}\n\n---\n\nMore.")
    assert (d.title, d.date, d.text) == ("Note: read this", "", BODY)


def test_json_exports_of_other_tools_keep_their_title_day_and_address(tmp_path: Path) -> None:
    """An export's own field names ("headline", "link", "pubDate", "publishedAt") were read as no title, address or
    day, a Unix time as no day, and a NewsAPI file ({"articles": [...]}) was one entry without text, indexing
    nothing."""
    write(tmp_path / "a.json", json.dumps({"headline": "Budget passes", "articleBody": BODY,
                                           "datePublished": "2026-11-13T10:00:00Z", "link": "https://ex.com/a"}))
    write(tmp_path / "b.json", json.dumps([{"title": "B", "content": BODY, "pubDate": "Fri, 13 Nov 2026 10:00 GMT"}]))
    write(tmp_path / "c.json", json.dumps({"status": "ok", "articles": [{"title": "C", "content": BODY,
                                           "publishedAt": "2026-11-13T08:00:00Z", "url": "https://ex.com/c"}]}))
    write(tmp_path / "d.json", json.dumps({"status": "ok", "count": 0}))
    epochs = [{"title": "E", "text": BODY, "published": 1794996000}, {"title": "F", "text": BODY, "date": 1794996e6}]
    write(tmp_path / "e.jsonl", "\n".join(map(json.dumps, epochs)))  # Unix times, in seconds and milliseconds
    articles, errors = load(tmp_path)
    assert [(a.title, a.url, a.date, a.text) for a in articles] == [
        ("Budget passes", "https://ex.com/a", "2026-11-13", BODY),
        ("B", "", "2026-11-13", BODY),
        ("C", "https://ex.com/c", "2026-11-13", BODY),
        ("E", "", "2026-11-18", BODY),
        ("F", "", "2026-11-18", BODY),
    ]
    [error] = errors
    assert error.path == tmp_path / "d.json" and error.message.startswith("no article text: none of 'text'")


def test_ids_are_relative_paths_without_extension_and_walk_is_sorted(tmp_path: Path) -> None:
    for name in ("b.txt", "a/z.md", "a/deeper/c.TXT", "d.jsonl.gz"):
        content = BODY if not name.endswith(".gz") else gzip.compress(jsonl({"text": BODY}).encode())
        write(tmp_path / name, content)
    articles, errors = load(tmp_path)
    assert errors == []
    assert [a.id for a in articles] == ["a/deeper/c", "a/z", "b", "d#1"]


def test_a_file_given_directly_is_identified_by_its_name(tmp_path: Path) -> None:
    path = write(tmp_path / "sub" / "000_19d6c775b7450330.txt", BODY)
    [article], _ = load(path)
    assert article.id == "000_19d6c775b7450330"


def test_hidden_entries_and_other_extensions_are_skipped_silently(tmp_path: Path) -> None:
    write(tmp_path / "keep.txt", BODY)
    for name in (".hidden.txt", ".git/x.txt", "notes.pdf", "image.png", "data.csv", "README"):
        write(tmp_path / name, BODY)
    articles, errors = load(tmp_path)
    assert ([a.id for a in articles], errors) == (["keep"], [])


def test_markdown_heading_marks_are_stripped_from_the_title(tmp_path: Path) -> None:
    write(tmp_path / "a.md", f"# Council approves budget #\n\n{BODY}\n\n## Reaction\n\nPeople cheered.")
    write(tmp_path / "b.md", f"## Heading straight above\n{BODY}")
    a, b = load(tmp_path)[0]
    assert a.title == "Council approves budget"
    assert a.text == f"{BODY}\n\n## Reaction\n\nPeople cheered."
    assert (b.title, b.text) == ("Heading straight above", BODY)


# --- HTML -----------------------------------------------------------------------------------------------


PAGE = """<!DOCTYPE html><html><head>
<title>Budget passes | The Daily</title>
<meta property="og:title" content="Council approves &amp; signs budget">
<meta property="og:url" content="https://www.daily.example.com/budget">
<meta property="article:published_time" content="2024-01-05T10:00:00Z">
<style>body { color: red }</style><script>var ad = "<p>buy</p>";</script>
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<article><h1>Council approves &amp; signs budget</h1>
<p>The council voted on Tuesday
to approve the new budget.</p><div>Critics said it was rushed<br>and too large.</div>
<aside>Related: other stories</aside><form>Email <input name="e"><button>Sign me up</button></form>
<noscript>Enable JS</noscript><iframe src="x">frame</iframe><svg><title>icon</title></svg>
</article><footer>Copyright 2024</footer></body></html>"""


def test_html_article_text_and_metadata(tmp_path: Path) -> None:
    write(tmp_path / "page.html", PAGE)
    [article], errors = load(tmp_path)
    assert errors == []
    assert article.title == "Council approves & signs budget"
    lead = "The council voted on Tuesday to approve the new budget."
    assert article.text == f"{lead}\n\nCritics said it was rushed\nand too large."
    assert (article.url, article.date, article.source) == (
        "https://www.daily.example.com/budget",
        "2024-01-05",
        "daily.example.com",
    )


def test_html_fallbacks_title_tag_h1_canonical_and_time(tmp_path: Path) -> None:
    write(
        tmp_path / "a.htm",
        '<html><head><title> Plain  title </title><link rel="canonical" href="https://news.example.org/a"></head>'
        f'<body><p>Posted <time datetime="2023-12-31T23:00">New Year</time></p><p>{BODY}</p></body></html>',
    )
    write(tmp_path / "b.html", f"<body><h1>Only an h1</h1><p>{BODY}</p></body>")
    write(tmp_path / "c.html", f"<body><p>Short headline</p><p>{BODY}</p></body>")
    a, b, c = load(tmp_path)[0]
    assert (a.title, a.url, a.source, a.date) == (
        "Plain title",
        "https://news.example.org/a",
        "news.example.org",
        "2023-12-31",
    )
    assert (b.title, b.text) == ("Only an h1", BODY)
    assert (c.title, c.text) == ("Short headline", BODY)


def test_deeply_nested_html_does_not_blow_the_stack(tmp_path: Path) -> None:
    depth = 20_000
    write(tmp_path / "deep.html", "<div><span>" * depth + BODY + "</span></div>" * depth)
    [article], errors = load(tmp_path)
    assert (article.text, errors) == (BODY, [])


# --- JSON and JSONL feeds ---------------------------------------------------------------------------


def test_jsonl_feed_ids_metadata_and_origins(tmp_path: Path) -> None:
    rows = [
        {
            "id": 42,
            "url": "https://www.cnn.com/a",
            "title": " A  title ",
            "text": BODY,
            "retrieved": "2024-01-05",
        },
        {
            "url": "https://usatoday.com/b",
            "text": BODY,
            "published": "2023-02-03T04:05:06Z",
            "retrieved": "2024-01-05",
        },
        {"text": BODY, "date": "Tue, 05 Mar 2024 10:00:00 GMT"},
        {"id": "x", "text": BODY + "\u2028" + BODY, "date": "yesterday"},
    ]
    raw_rows = "".join(json.dumps(r, ensure_ascii=False) + "\r\n" for r in rows)
    path = write(tmp_path / "feeds" / "feed.jsonl", raw_rows)
    a, b, c, d = load(tmp_path)[0]
    assert (a.id, a.title, a.url, a.source, a.date) == (
        "feeds/feed#42",
        "A title",
        "https://www.cnn.com/a",
        "cnn.com",
        "2024-01-05",
    )
    assert b.id == "feeds/feed#" + hashlib.sha1(b"https://usatoday.com/b").hexdigest()[:12]
    assert (b.source, b.date, b.title) == ("usatoday.com", "2023-02-03", "")
    assert (c.id, c.source, c.date) == ("feeds/feed#3", "file", "2024-03-05")
    assert (d.id, d.date, d.text) == ("feeds/feed#x", "", f"{BODY}\n{BODY}")
    assert [x.origin for x in (a, b, c, d)] == [f"{path}:{n}" for n in range(1, 5)]


def test_publication_date_comes_before_the_fetch_date(tmp_path: Path) -> None:
    """A published field wins, then the url's own /YYYY/MM/DD/, and only then the day it was fetched."""
    rows = [
        {
            "id": "p",
            "url": "https://www.cnn.com/2022/11/27/asia/x/index.html",
            "text": BODY,
            "published": "2023-01-02",
            "retrieved": "2024-01-05",
        },
        {
            "id": "u",
            "url": "https://www.cnn.com/2022/11/27/asia/x/index.html",
            "text": BODY + " More.",
            "retrieved": "2024-01-05",
        },
        {"id": "r", "url": "https://www.cnn.com/asia/x", "text": BODY + " Other.", "retrieved": "2024-01-05"},
        {"id": "bad", "url": "https://a.example/2024/13/45/x", "text": BODY + " Else."},
    ]
    write(tmp_path / "feed.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
    articles, errors = load(tmp_path)
    assert not errors
    assert {a.id.removeprefix("feed#"): a.date for a in articles} == {
        "p": "2023-01-02",
        "u": "2022-11-27",
        "r": "2024-01-05",
        "bad": "",
    }


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://www.usatoday.com/story/news/world/2024/01/13/taiwan/72215343007/", "2024-01-13"),
        ("https://example.com/news/2024-03-05-budget-vote", "2024-03-05"),
        ("https://example.com/2023/02/30/no-such-day", ""),
        ("https://example.com/20240105/digits-only", ""),
        ("https://example.com/?d=2024/01/05/", ""),  # only the path counts
        ("http://[::1", ""),
        ("", ""),
    ],
)
def test_url_date(url: str, day: str) -> None:
    assert url_date(url) == day


def test_json_single_object_and_list(tmp_path: Path) -> None:
    write(tmp_path / "one.json", json.dumps({"title": "One", "text": BODY, "url": "http://one.example/x"}))
    write(tmp_path / "many.json", json.dumps([{"text": BODY}, "not an object", {"id": "k", "text": BODY}]))
    articles, errors = load(tmp_path)
    assert [a.id for a in articles] == ["many#0", "many#k", "one"]  # a file of one article is where it is
    assert articles[2].title == "One"
    assert [(e.path.name, e.message) for e in errors] == [
        ("many.json", "entry 1: expected a JSON object, got a string")
    ]


def test_feed_texts_are_cleaned(tmp_path: Path) -> None:
    text = f"{BODY}\n\nAdvertisement\n\n{BODY}\r\n\r\n\r\n\r\n{BODY}  "
    write(tmp_path / "f.jsonl", jsonl({"id": "a", "text": text}))
    [article], _ = load(tmp_path)
    assert article.text == f"{BODY}\n\n{BODY}\n\n{BODY}"


def test_gzipped_feed_streams_and_a_corrupt_one_is_reported(tmp_path: Path) -> None:
    good = gzip.compress(jsonl(*({"id": f"g{i}", "text": BODY} for i in range(3))).encode())
    write(tmp_path / "a_good.jsonl.gz", good)
    write(tmp_path / "b_truncated.jsonl.gz", good[: len(good) - 12])
    write(tmp_path / "c_garbage.jsonl.gz", b"this is not gzip data at all")
    articles, errors = load(tmp_path)
    assert [a.id for a in articles][:3] == ["a_good#g0", "a_good#g1", "a_good#g2"]
    assert [e.path.name for e in errors] == ["b_truncated.jsonl.gz", "c_garbage.jsonl.gz"]
    assert all(e.message.startswith("corrupt gzip file") for e in errors)


# --- bad input ----------------------------------------------------------------------------------------


def test_bad_jsonl_lines_are_reported_with_line_numbers_and_the_rest_loads(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "ok1", "text": BODY}),
        '{"id": "broken", "text": ',
        "",
        json.dumps(["a", "list"]),
        json.dumps({"id": "no-text", "title": "T"}),
        json.dumps({"id": "only-boilerplate", "text": "Copied!\n\nAdvertisement"}),
        json.dumps({"id": "ok2", "text": BODY}),
    ]
    path = write(tmp_path / "feed.jsonl", "\n".join(lines))
    articles, errors = load(path)
    assert [a.id for a in articles] == ["feed#ok1", "feed#ok2"]
    assert [(e.line, e.message.split(":")[0]) for e in errors] == [
        (2, "line 2"),
        (4, "line 4"),
        (5, "line 5"),
        (6, "line 6"),
    ]
    assert "invalid JSON" in errors[0].message
    assert "expected a JSON object, got a list" in errors[1].message
    assert "no article text: none of 'text'" in errors[2].message
    assert "no article text" in errors[3].message
    assert str(errors[0]).startswith(f"{path}:2: line 2: invalid JSON")


def test_each_kind_of_bad_file_is_reported_and_the_good_files_still_load(tmp_path: Path) -> None:
    write(tmp_path / "a_empty.txt", "")
    write(tmp_path / "b_blank.md", "  \n\n \n")
    write(tmp_path / "c_binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    write(tmp_path / "d_controls.html", bytes([1, 2, 3, 4, 5, 6, 14, 15, 16]) * 100)
    write(tmp_path / "e_boilerplate.txt", "Copied!\n\nShare this:\n\nAdvertisement\n")
    write(tmp_path / "f_bad.json", '{"text": "unterminated')
    write(tmp_path / "g_scalar.json", "42")
    write(tmp_path / "h_good.txt", BODY)
    pdf = write(tmp_path / "notes.pdf", b"%PDF-1.7")  # skipped in the folder; named directly, it is reported
    articles, errors = load(tmp_path, tmp_path / "missing.txt", pdf)
    assert [a.id for a in articles] == ["h_good"]
    assert [(e.path.name, e.message) for e in errors] == [
        ("a_empty.txt", "empty file"),
        ("b_blank.md", "empty file"),
        ("c_binary.txt", "binary file, not text"),
        ("d_controls.html", "binary file, not text"),
        ("e_boilerplate.txt", "no article text (empty after cleaning)"),
        ("f_bad.json", "invalid JSON at line 1: Unterminated string starting at"),
        ("g_scalar.json", "expected a JSON object or a list of objects, got a number"),
        ("missing.txt", "cannot read: no such file or folder"),
        ("notes.pdf", f"unsupported file type (expected one of {SUPPORTED_LIST})"),
    ]


def test_unreadable_files_and_folders_are_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "a_locked.txt", BODY)
    write(tmp_path / "b_locked" / "x.txt", BODY)
    write(tmp_path / "c_ok.txt", BODY)
    real_read_bytes, real_iterdir = Path.read_bytes, Path.iterdir

    def read_bytes(self: Path) -> bytes:
        if self.name == "a_locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    def iterdir(self: Path) -> Iterator[Path]:
        if self.name == "b_locked":
            raise PermissionError(13, "Permission denied", str(self))
        return real_iterdir(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.setattr(Path, "iterdir", iterdir)
    articles, errors = load(tmp_path)
    assert [a.id for a in articles] == ["c_ok"]
    assert [(e.path.name, e.message) for e in errors] == [
        ("a_locked.txt", "cannot read: Permission denied"),
        ("b_locked", "cannot read folder: Permission denied"),
    ]


def test_reading_a_directory_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DecodeError, match="is a directory"):
        read_text(tmp_path)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Café “naïve” résumé — costs €5. ".encode("cp1252") * 3, "Café “naïve” résumé — costs €5."),
        ("Der Bürgermeister sagte, die Straße sei gesperrt.".encode("latin-1"), "Der Bürgermeister sagte"),
        ("Президент заявил, что переговоры продолжатся в четверг.".encode("cp1251"), "Президент заявил"),
        ("UTF-16 with a BOM: “quotes” and Ελληνικά".encode("utf-16"), "UTF-16 with a BOM: “quotes”"),
        ("\ufeffUTF-8 with a BOM: “quotes”".encode(), "UTF-8 with a BOM: “quotes”"),
    ],
)
def test_non_utf8_text_is_decoded_not_rejected(tmp_path: Path, data: bytes, expected: str) -> None:
    write(tmp_path / "legacy.txt", data)
    [article], errors = load(tmp_path)
    assert errors == []
    assert article.text.startswith(expected)


def test_loader_is_lazy_and_keeps_going_after_errors(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "")
    write(tmp_path / "b.txt", BODY)
    items = iter_articles([tmp_path / "nope", tmp_path])
    assert isinstance(next(items), LoadError)
    assert isinstance(next(items), LoadError)
    assert isinstance(next(items), Article)
    assert next(items, None) is None

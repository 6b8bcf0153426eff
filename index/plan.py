"""Decide what an update changes: compare loaded articles with the whole store by id and by text.

Two rules keep an update from losing anything. A stored article is removed only when its file lies in the
scanned scope, was looked at, and no longer holds it: an unreadable file or folder, and an empty folder
(an unmounted disk looks like one), keep what is stored under them. And a story has one id for life: a
copy of a stored story, from whatever file or run, merges into it (its url kept) instead of renaming it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from index.locations import file_key, is_under, keys_of
from index.records import ManifestEntry
from index.text_key import text_key
from index.types import Article, LoadError, Skipped

_POSITION = re.compile(r"(?<=.)[:#]\d+$")  # a line or entry number; article file names end in an extension
StoredLookup = Callable[[str], Article | None]  # a stored article by id (ArticleStore.article)


def origin_file(article: Article) -> str:
    """The absolute file an article came from (origin is 'path', 'path:line' or 'path#entry')."""
    return file_key(Path(_POSITION.sub("", article.origin)))


def stored_hash(article: Article, urls: list[str], signature: str) -> str:
    """The hash kept in the manifest: content, merged urls and index settings; any change re-indexes."""
    return hashlib.sha256(f"{article.content_hash}|{'|'.join(urls)}|{signature}".encode()).hexdigest()[:32]


@dataclass
class Plan:
    """What an update will do; also what --dry-run prints."""

    added: list[Article] = field(default_factory=list)
    updated: list[Article] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)  # human-readable, one per merged copy
    urls: dict[str, dict[str, str]] = field(default_factory=dict)  # article id -> its urls -> their files
    errors: list[LoadError] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # human-readable: stored articles kept because unseen
    articles: dict[str, Article] = field(default_factory=dict)  # every article found, by the id it lives under

    @property
    def changes(self) -> int:
        """Articles that need writing or deleting."""
        return len(self.added) + len(self.updated) + len(self.removed)




class _Planner:
    """One planning pass: loaded items grouped by text, each group resolved to the id it lives under."""

    def __init__(self, manifest: Mapping[str, ManifestEntry], roots: list[Path], stored: StoredLookup) -> None:
        self.manifest = manifest
        self.scope = keys_of(roots)
        self.stored = stored
        self.by_key: dict[str, str] = {}  # text key -> stored id (an older store may hold two: the first id wins)
        for article_id in sorted(manifest, reverse=True):
            self.by_key[manifest[article_id].text_key] = article_id
        self.plan = Plan()

    def load(self, items: Iterable[Article | LoadError | Skipped], allow_removal: bool) -> dict[str, list[Article]]:
        """Sort the loader's output; returns the loaded articles grouped by text key, in first-seen order."""
        plan, groups, ids = self.plan, dict[str, list[Article]](), dict[str, Article]()
        self.shelters: dict[Path, str] = {}  # path -> why: what is stored under these paths stays
        for item in items:
            if isinstance(item, LoadError):
                plan.errors.append(item)
                why = "could not be read" if item.line is None else "has unreadable entries"
                self.shelters.setdefault(item.path, why)
            elif isinstance(item, Skipped):
                plan.skipped.append(item)
                if item.empty_folder and not allow_removal:
                    self.shelters.setdefault(item.path, "is empty (not mounted?); --allow-removal empties it")
            elif item.id in ids:  # one feed that gives two entries one id
                first = ids[item.id].origin
                plan.duplicates.append(f"{item.origin}: duplicate id {item.id!r} (first in {first}); skipped")
            else:
                ids[item.id] = item
                groups.setdefault(text_key(item.text), []).append(item)
        self.loaded_ids = set(ids)
        return groups

    def resolve(self, key: str, group: list[Article]) -> Article:
        """The article a group of copies lives as: a copy already stored under its own id, else the stored story
        with this text (its id kept; owned by this copy unless its own file lies outside this run), else the first."""
        own = next((a for a in group if (e := self.manifest.get(a.id)) and e.text_key == key), None)
        if own is not None:
            return own
        stored_id = self.by_key.get(key)
        if stored_id is None or stored_id in self.loaded_ids:
            return group[0]
        if is_under(self.manifest[stored_id].file, self.scope):  # renamed, re-homed or moved: same story, same id
            return dataclasses.replace(group[0], id=stored_id)
        stored = self.stored(stored_id)  # its file is elsewhere and still owns it: merge this copy's url only
        return stored if stored is not None else group[0]

    def urls(self, article: Article, group: list[Article], entry: ManifestEntry | None) -> dict[str, str]:
        """Every url of a story, main one first, with the file it came from: this run's copies, and stored urls
        whose copies lie outside this run's scope (a copy gone from the scope takes its url with it)."""
        found = {article.url: origin_file(article)} if article.url else {}
        for copy in group:
            if copy.url:
                found.setdefault(copy.url, origin_file(copy))
        for url in entry.urls if entry else ():
            file = entry.url_files.get(url, entry.file) if entry else ""
            if url not in found and not is_under(file, self.scope):
                found[url] = file
        return found

    def classify(self, groups: dict[str, list[Article]], signature: str, full: bool) -> None:
        """Added / updated / unchanged for each resolved group; duplicates noted with the id they merged into."""
        plan = self.plan
        for key, group in groups.items():
            article = self.resolve(key, group)
            entry = self.manifest.get(article.id)
            plan.articles[article.id] = article
            plan.urls[article.id] = self.urls(article, group, entry)
            for copy in group:
                if copy is not article and copy.origin != article.origin:
                    plan.duplicates.append(f"{copy.origin}: same text as {article.id!r}; indexed once, url kept")
            if entry is None:
                plan.added.append(article)
            elif (
                full
                or entry.hash != stored_hash(article, list(plan.urls[article.id]), signature)
                or entry.file != origin_file(article)  # moved or renamed: the store must know its file now
            ):
                plan.updated.append(article)
            else:
                plan.unchanged.append(article.id)
        seen = set(plan.articles)
        shelters = [(keys_of([path]), path) for path in self.shelters]
        kept: dict[Path, int] = {}
        for article_id, entry in self.manifest.items():
            if article_id in seen or not is_under(entry.file, self.scope):
                continue
            shelter = next((path for keys, path in shelters if is_under(entry.file, keys)), None)
            if shelter is None:
                plan.removed.append(article_id)
            else:
                kept[shelter] = kept.get(shelter, 0) + 1
        plan.kept = [f"{path} {self.shelters[path]}: kept its {n} stored article(s)" for path, n in kept.items()]


def make_plan(
    items: Iterable[Article | LoadError | Skipped],
    manifest: Mapping[str, ManifestEntry],
    roots: list[Path],
    signature: str,
    full: bool = False,
    allow_removal: bool = False,
    stored: StoredLookup | None = None,
) -> Plan:
    """Sort loaded articles into added / updated / unchanged; stored ones in scope that were looked for and
    not found are removed. `full` re-indexes every article found; it never widens what may be removed."""
    planner = _Planner(manifest, roots, stored or (lambda _id: None))
    groups = planner.load(items, allow_removal)
    planner.classify(groups, signature, full)
    return planner.plan

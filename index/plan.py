"""Decide what an update changes: compare loaded articles with the manifest by id and content hash."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from index.types import Article, LoadError

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_POSITION = re.compile(r"(?<=.)[:#]\d+$")  # a line or entry number; article file names end in an extension


def text_key(text: str) -> str:
    """A key equal for copies of one story that differ only in case, spacing or punctuation."""
    return hashlib.sha1(_NON_WORD.sub(" ", text.lower()).strip().encode()).hexdigest()


def file_key(path: Path) -> str:
    """A file's absolute path with its folders resolved but not the file itself: a link keeps its own key."""
    path = path.absolute()
    return str(path.parent.resolve() / path.name)


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
    duplicates: list[str] = field(default_factory=list)  # human-readable, one per skipped copy
    urls: dict[str, list[str]] = field(default_factory=dict)  # article id -> all its urls
    errors: list[LoadError] = field(default_factory=list)

    @property
    def changes(self) -> int:
        """Articles that need writing or deleting."""
        return len(self.added) + len(self.updated) + len(self.removed)


def _in_scope(file: str, roots: list[Path]) -> bool:
    path = Path(file)
    return any(path == root or root in path.parents for root in roots)


def make_plan(
    items: Iterable[Article | LoadError],
    manifest: Mapping[str, tuple[str, str]],
    roots: list[Path],
    signature: str,
    full: bool = False,
) -> Plan:
    """Sort loaded articles into added / updated / unchanged; in-scope stored ones not seen are removed."""
    plan = Plan()
    seen: dict[str, Article] = {}
    by_text: dict[str, str] = {}
    failed_files: set[str] = set()
    for item in items:
        if isinstance(item, LoadError):
            plan.errors.append(item)
            failed_files.update({file_key(item.path), str(item.path.resolve())})  # resolved: older manifests
            continue
        if item.id in seen:
            plan.duplicates.append(
                f"{item.origin}: duplicate id {item.id!r} (first in {seen[item.id].origin}); skipped"
            )
            continue
        key = text_key(item.text)
        if key in by_text:
            first = by_text[key]
            plan.duplicates.append(f"{item.origin}: same text as {first!r}; indexed once, url kept")
            if item.url and item.url not in plan.urls[first]:
                plan.urls[first].append(item.url)
            continue
        seen[item.id] = item
        by_text[key] = item.id
        plan.urls[item.id] = [item.url] if item.url else []
    resolved_roots = [Path(key) for r in roots for key in {str(r.resolve()), file_key(r)}]
    for article_id, article in seen.items():
        stored = manifest.get(article_id)
        if stored is None:
            plan.added.append(article)
        elif full or stored[0] != stored_hash(article, plan.urls[article_id], signature):
            plan.updated.append(article)
        else:
            plan.unchanged.append(article_id)
    for article_id, (_, file) in manifest.items():
        if article_id in seen or file in failed_files:
            continue  # a file that failed to load keeps its articles: nothing is lost on bad input
        if _in_scope(file, resolved_roots):
            plan.removed.append(article_id)
    return plan

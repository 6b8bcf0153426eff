"""Where an article comes from: file keys, path-derived ids that never collide, and scope checks."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

OUTSIDE_PREFIX = "@"  # ids of files outside the articles folder: '@' + a hash of their folder + '/' + name
FOLDER_HASH_CHARS = 8


def file_key(path: Path) -> str:
    """A file's absolute path with its folders resolved but not the file itself: a link keeps its own key."""
    path = path.absolute()
    return str(path.parent.resolve() / path.name)


def file_id(path: Path, home: Path | None, suffix: str, keep_suffix: bool = False) -> str:
    """A file article's id: its path under the articles folder, else its folder's hash and its name.

    Unique across folders (two `story.txt` in two folders are two articles) and the same whichever folder
    or file argument the file was reached through, so re-runs and other scan roots never rename it. The
    extension is dropped unless a sibling shares the stem (`a.txt` and `a.md` are two articles).
    """
    location = Path(file_key(path))
    name = location.name if keep_suffix or not suffix else location.name[: len(location.name) - len(suffix)]
    if home is not None:
        try:
            return (location.parent.relative_to(home.resolve()) / name).as_posix()
        except ValueError:
            pass
    folder = hashlib.sha1(str(location.parent).encode("utf-8", "surrogatepass")).hexdigest()[:FOLDER_HASH_CHARS]
    return f"{OUTSIDE_PREFIX}{folder}/{name}"


def keys_of(paths: Iterable[Path]) -> list[Path]:
    """Both the resolved and the link-keeping key of each path, for scope checks against stored file keys."""
    return [Path(key) for p in paths for key in {str(p.resolve()), file_key(p)}]


def is_under(file: str, roots: list[Path]) -> bool:
    """True when a stored file key is one of the roots or lies below one."""
    path = Path(file)
    return any(path == root or root in path.parents for root in roots)

"""Where a feed item's article file lives, and writing it atomically so the indexer never reads half a file."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

NAME_CHARS = 16  # hex sha1 characters of the url in a file name


def article_path(out_dir: Path, feed_id: str, url: str) -> Path:
    """out_dir/feed_id/<sha1(url)[:16]>.json: one stable file per story url, so a story is written once."""
    digest = hashlib.sha1(url.encode("utf-8", "surrogatepass")).hexdigest()[:NAME_CHARS]
    return out_dir / feed_id / f"{digest}.json"


def write_article(path: Path, article: dict[str, str]) -> Path:
    """Write the article JSON through a hidden temp file (the loader skips dot files) renamed into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            json.dump(article, stream, ensure_ascii=False, indent=1)
            stream.write("\n")
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return path

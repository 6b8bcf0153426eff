"""Save uploaded article files into the articles folder safely: plain names, known formats, bounded size, and
content the loader can read (a binary or empty file is refused before anything is written)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from index.loaders import SUPPORTED, iter_articles
from index.types import Article, LoadError

MAX_UPLOAD_FILES = 100
_CHUNK = 1024 * 1024


class UploadRejected(ValueError):
    """An upload the server will not store; `status` is the HTTP code to answer with (422 or 413)."""

    def __init__(self, message: str, status: int = 422) -> None:
        super().__init__(message)
        self.status = status


def safe_name(name: str | None) -> str:
    """The file name to store, or UploadRejected: no folders, no '..', no hidden files, a supported format."""
    name = (name or "").strip()
    if not name:
        raise UploadRejected("an uploaded file has no name")
    if "/" in name or "\\" in name or ".." in name or "\x00" in name:
        raise UploadRejected(f"{name!r}: file names may not contain path separators or '..'")
    if name.startswith("."):
        raise UploadRejected(f"{name!r}: hidden file names (starting with '.') are not indexed")
    if not any(name.lower().endswith(ext) and len(name) > len(ext) for ext in SUPPORTED):
        raise UploadRejected(f"{name!r}: unsupported file type (allowed: {', '.join(SUPPORTED)})")
    return name


def _copy_bounded(src: BinaryIO, dst: BinaryIO, name: str, limit: int) -> None:
    copied = 0
    while block := src.read(_CHUNK):
        copied += len(block)
        if copied > limit:
            raise UploadRejected(f"{name!r} is larger than the upload limit of {limit} bytes", status=413)
        dst.write(block)


def _check_readable(staged: Path, name: str) -> None:
    """Run the real loader over a staged upload: one that yields no article (binary, empty, malformed) is refused
    with the loader's reason, worded with the upload's name, never the server's path."""
    items = list(iter_articles([staged]))
    if not any(isinstance(i, Article) for i in items):
        reasons = [i.message for i in items if isinstance(i, LoadError)] or ["no article text"]
        raise UploadRejected(f"{name!r}: {reasons[0]}")


def save_uploads(files: Sequence[tuple[str | None, BinaryIO]], folder: Path, limit: int) -> list[Path]:
    """All files or none: check every name, stage each copy under a hidden temp name, then move them in place."""
    if len(files) > MAX_UPLOAD_FILES:
        raise UploadRejected(f"too many files in one upload ({len(files)}; the limit is {MAX_UPLOAD_FILES})", 413)
    names = [safe_name(name) for name, _ in files]
    if len(set(names)) != len(names):
        raise UploadRejected("the same file name was uploaded twice")
    folder.mkdir(parents=True, exist_ok=True)
    staged: list[Path] = []
    try:
        for name, (_, stream) in zip(names, files, strict=True):
            fd, staging = tempfile.mkstemp(prefix=".upload-", suffix=f"-{name}", dir=folder)  # hidden: not indexed
            staged.append(Path(staging))
            with os.fdopen(fd, "wb") as out:
                _copy_bounded(stream, out, name, limit)
            _check_readable(Path(staging), name)
    except BaseException:
        for tmp in staged:
            tmp.unlink(missing_ok=True)
        raise
    targets = [folder / name for name in names]
    for tmp, target in zip(staged, targets, strict=True):
        os.replace(tmp, target)
    return targets


def save_paths(paths: Sequence[str | Path], folder: Path, limit: int) -> list[Path]:
    """The same for files already on disk (the chat UI's upload box hands over temp file paths)."""
    opened = [open(p, "rb") for p in paths]  # noqa: SIM115 -- closed below, after all are saved
    try:
        return save_uploads([(Path(p).name, fh) for p, fh in zip(paths, opened, strict=True)], folder, limit)
    finally:
        for fh in opened:
            fh.close()

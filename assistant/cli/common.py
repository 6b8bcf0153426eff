"""What every command shares: exit codes, owning the embedded store, and progress (bars, or lines in a log)."""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections.abc import Callable

from assistant.settings import Settings
from index.owner import Owner, claim

_UNITS = {"embedding": "chunk", "loading": "article", "chunking": "article"}

# Exit codes of `assistant index` (and every command): what a cron job or script can branch on.
EXIT_OK = 0  # everything given was read and applied
EXIT_PARTIAL = 1  # some inputs failed to load (each named on stderr); everything else was applied
EXIT_USAGE = 2  # the command line itself is wrong (argparse), or the settings are (SettingsError)
EXIT_REFUSED = 3  # nothing written: another update runs, the safety stop, or a store or server that is unavailable


def tqdm_progress(log_every_s: float, clock: Callable[[], float] = time.monotonic):  # type: ignore[no-untyped-def]
    """A progress callback: one tqdm bar per stage on a terminal; in a log (cron, CI, `2> file`), where bars do
    not draw, a plain line per stage at most every log_every_s seconds, so a long update never looks stalled."""
    if not sys.stderr.isatty():
        return log_progress(log_every_s, clock)
    from tqdm import tqdm

    bars: dict[str, tqdm] = {}

    def progress(stage: str, done: int, total: int) -> None:
        for other in [s for s in bars if s != stage]:  # a new stage: the earlier ones are over
            bars.pop(other).close()
        bar = bars.get(stage)
        if bar is None:
            bar = bars[stage] = tqdm(
                total=total or None, desc=stage, unit=_UNITS.get(stage, "step"), file=sys.stderr, leave=False
            )
        if total and bar.total != total:
            bar.total = total
        bar.update(done - bar.n)
        if total and done >= total:
            bars.pop(stage).close()

    return progress


def log_progress(every_s: float, clock: Callable[[], float] = time.monotonic) -> Callable[[str, int, int], None]:
    """Progress as plain lines on stderr, once a stage has run every_s seconds: then at most a line every every_s
    seconds and one at its end. Quick updates stay as quiet as before."""
    since: dict[str, float] = {}  # per stage: when it started, then when its last line was printed
    spoken: set[str] = set()  # stages that printed a line and have yet to print their end

    def progress(stage: str, done: int, total: int) -> None:
        now, finished = clock(), bool(total) and done >= total
        last = since.setdefault(stage, now)
        due = stage in spoken if finished else now - last >= every_s
        if not due:
            return
        if finished:
            since[stage] = math.inf  # never due again
            spoken.discard(stage)
        else:
            since[stage] = now
            spoken.add(stage)
        unit = _UNITS.get(stage, "step")
        count = f"{done}/{total} {unit}s ({done / total:.0%})" if total else f"{done} {unit}s"
        print(f"{stage}: {count}", file=sys.stderr, flush=True)

    return progress


def own_store(settings: Settings) -> None:
    """Own the embedded store for this command, waiting (with a note) while another CLI process has it."""
    if settings.chroma_host:
        return

    def waiting(owner: Owner | None) -> None:
        who = owner.describe() if owner else "another process"
        print(f"waiting for {who} to finish with the index…", file=sys.stderr, flush=True)

    claim(settings.data_dir, "cli", on_wait=waiting)


def port(value: str) -> int:
    """An argparse type: a TCP port number."""
    port = int(value)
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{value} is not a port number (1-65535)")
    return port

"""What every command shares: exit codes, owning the embedded store, and progress bars."""

from __future__ import annotations

import argparse
import sys

from assistant.settings import Settings
from index.owner import Owner, claim

# Exit codes of `assistant index` (and every command): what a cron job or script can branch on.
EXIT_OK = 0  # everything given was read and applied
EXIT_PARTIAL = 1  # some inputs failed to load (each named on stderr); everything else was applied
EXIT_USAGE = 2  # the command line itself is wrong (argparse), or the settings are (SettingsError)
EXIT_REFUSED = 3  # nothing written: another update runs, the safety stop, or a store or server that is unavailable


def tqdm_progress():  # type: ignore[no-untyped-def]
    """A progress callback drawing one tqdm bar per stage on stderr (a count while the total is unknown)."""
    from tqdm import tqdm

    bars: dict[str, tqdm] = {}
    units = {"embedding": "chunk", "loading": "article", "chunking": "article"}

    def progress(stage: str, done: int, total: int) -> None:
        for other in [s for s in bars if s != stage]:  # a new stage: the earlier ones are over
            bars.pop(other).close()
        bar = bars.get(stage)
        if bar is None:
            bar = bars[stage] = tqdm(
                total=total or None, desc=stage, unit=units.get(stage, "step"), file=sys.stderr, leave=False,
                disable=None,  # no bars when stderr is not a terminal (cron, logs): only the messages
            )
        if total and bar.total != total:
            bar.total = total
        bar.update(done - bar.n)
        if total and done >= total:
            bars.pop(stage).close()

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

"""The per-host pacer on a fake clock: slots are spaced from the start and from the end of each request."""

from __future__ import annotations

from index.ingest.pacing import HostPacer


class Clock:
    """A clock that only moves when someone sleeps or work is simulated."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, s: float) -> None:
        self.now += s


def test_back_to_back_requests_to_one_host_wait_the_interval() -> None:
    clock = Clock()
    pacer = HostPacer(1.0, clock, clock.sleep)
    assert pacer.wait("a.example") == 0.0
    assert pacer.wait("a.example") == 1.0
    assert pacer.wait("b.example") == 0.0  # another host is not held up


def test_a_slow_answer_pushes_the_next_slot_past_its_end() -> None:
    clock = Clock()
    pacer = HostPacer(1.0, clock, clock.sleep)
    pacer.wait("a.example")
    clock.now += 2.5  # the request took 2.5 s
    pacer.finished("a.example")
    started = clock.now
    pacer.wait("a.example")
    assert clock.now - started == 1.0


def test_a_crawl_delay_longer_than_the_interval_is_kept_after_the_request_too() -> None:
    clock = Clock()
    pacer = HostPacer(1.0, clock, clock.sleep)
    pacer.wait("a.example", 3.0)
    clock.now += 0.5
    pacer.finished("a.example")
    assert pacer.wait("a.example") == 3.0

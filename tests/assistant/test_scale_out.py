"""Scale-out on real engines, as separate processes: a real PostgreSQL, a real `chroma run`, two app replicas
(`assistant serve`) and indexers (`assistant index`) sharing them.

Both replicas answer alike; an update through one is seen by the other without a restart; queries during an
update never see a mixed state; a second writer is refused while one runs; a writer killed mid-update leaves
every replica on the old state and the next update converges; a database or Chroma server that goes down is
a 503 naming it, and the replicas recover by themselves when it returns.

Every process is the real command line over the test profile's fake embedder (tests/fake_cli.py): what is under
test is the shared store, Chroma server, lock and change-log, and each replica must give the same answer as the
other, which the fake's deterministic vectors decide as well as the model's would, without loading the model in
every process. An update's embedding sleeps a model's time per chunk (FAKE_UPDATE_SECONDS_PER_TEXT), so that a
second writer and a SIGKILL land while it runs."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import httpx
import psycopg
import pytest
from index_testkit import FAKE_CLI
from news_collection import articles as synthetic_articles
from pg_testkit import PostgresServer, available, postgres_server
from ports import free_port

from assistant.settings import PROJECT_ROOT

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not available(), reason="PostgreSQL server programs (initdb, pg_ctl) not installed"),
]
QUESTION = "Who said the housing plan would ease a shortage?"
GLACIER = "What did the glacier inquiry hear from witness 12?"
REPLICA_PACE_S = 0.05  # per chunk of an update through a replica (about 60 chunks: seconds for the second writer)
KILLED_PACE_S = 0.1  # per chunk of the indexer that is killed (about 540 chunks: far longer than the test waits)


@dataclass
class Cluster:
    """The shared engines and the two replicas' urls, plus how to run an indexer like theirs."""

    root: Path
    pg: PostgresServer
    db_url: str
    chroma_port: int
    chroma: subprocess.Popen
    replicas: list[str] = field(default_factory=list)
    servers: list[subprocess.Popen] = field(default_factory=list)

    def env(self, name: str, pace: float = 0.0) -> dict[str, str]:
        """One process's environment: the shared engines and articles folder, its own data directory; `pace`:
        seconds per chunk that its updates' embedding takes (fake_cli.py)."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
        return env | {
            "ASSISTANT_DATABASE_URL": self.db_url, "ASSISTANT_CHROMA_HOST": "127.0.0.1",
            "ASSISTANT_CHROMA_PORT": str(self.chroma_port), "ASSISTANT_DATA_DIR": str(self.root / name),
            "ASSISTANT_ARTICLES_DIR": str(self.root / "articles"), "HF_HUB_OFFLINE": "1",
            "ANONYMIZED_TELEMETRY": "False", "GRADIO_ANALYTICS_ENABLED": "False", "PYTHONUNBUFFERED": "1",
            "PYTHONPATH": str(PROJECT_ROOT),  # this working tree's code, whatever the install includes
            "FAKE_UPDATE_SECONDS_PER_TEXT": str(pace),
        }

    def indexer(self, name: str = "indexer", pace: float = 0.0) -> subprocess.Popen:
        """`assistant index --json` as its own process (cwd: no stray .env file)."""
        return subprocess.Popen(
            [sys.executable, str(FAKE_CLI), "index", "--json"], env=self.env(name, pace), cwd=self.root,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )

    def start_chroma(self) -> None:
        chroma = Path(sys.executable).parent / "chroma"
        self.chroma = subprocess.Popen(
            [str(chroma), "run", "--path", str(self.root / "chroma"), "--host", "127.0.0.1",
             "--port", str(self.chroma_port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
        )
        wait_for(lambda: httpx.get(f"http://127.0.0.1:{self.chroma_port}/api/v2/heartbeat").status_code == 200)

    def shown(self, job: dict) -> str:
        """A job that is not what a test expects, in full, with the end of the replicas' logs (an assertion's
        message: read only when it fails; a failed job's error would otherwise be cut short)."""
        logs = "".join(f"\n--- {p.name}:\n{p.read_text()[-3000:]}" for p in sorted(self.root.glob("replica-*.log")))
        return json.dumps(job, indent=1) + logs

    def db(self, sql: str) -> list[tuple]:
        with psycopg.connect(self.db_url, autocommit=True) as conn:
            return conn.execute(sql).fetchall()


def wait_for(check, timeout: float = 120.0, what: str = "a condition") -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while True:
        try:
            if check():
                return
        except (httpx.HTTPError, psycopg.Error):
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.2)


def write_articles(folder: Path, items: list[dict[str, str]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for item in items:
        (folder / f"{item['id']}.json").write_text(json.dumps(item), encoding="utf-8")


def long_articles(prefix: str, count: int, sentences: int = 60) -> list[dict[str, str]]:
    """Long distinct articles: enough chunks that embedding them takes a while (a window to act in)."""
    return [
        {"id": f"{prefix}-{i}", "title": f"{prefix} report {i}", "url": f"https://wire.example/{prefix}/{i}",
         "text": " ".join(f"The {prefix} inquiry number {i} heard witness {j} describe event {i * 1000 + j} in detail."
                          for j in range(sentences))}
        for i in range(count)
    ]  # fmt: skip


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    """PostgreSQL + `chroma run` + an initial index by an indexer process + two replicas, each on its own port."""
    root = tmp_path_factory.mktemp("scale-out")
    for src in (PROJECT_ROOT / "articles").glob("*.txt"):
        (root / "articles").mkdir(exist_ok=True)
        (root / "articles" / src.name).write_bytes(src.read_bytes())
    write_articles(root / "articles" / "wire", synthetic_articles(60))
    with postgres_server() as pg:
        c = Cluster(root, pg, pg.create_database("news"), free_port(), None)  # type: ignore[arg-type]
        c.start_chroma()
        try:
            first = c.indexer()
            out, err = first.communicate(timeout=600)
            assert first.returncode == 0, err
            assert json.loads(out)["added"] == 62
            for name in ("replica-a", "replica-b"):
                port = free_port()
                c.servers.append(subprocess.Popen(
                    [sys.executable, str(FAKE_CLI), "serve", "--port", str(port)],
                    env=c.env(name, REPLICA_PACE_S), cwd=root,
                    stdout=subprocess.DEVNULL, stderr=(root / f"{name}.log").open("w"),
                ))
                c.replicas.append(f"http://127.0.0.1:{port}")
            for url in c.replicas:
                wait_for(lambda url=url: httpx.get(f"{url}/api/health").json().get("ready") is True,
                         what=f"replica {url}")  # fmt: skip
            yield c
        finally:
            for proc in [*c.servers, c.chroma]:
                proc.terminate()
            for proc in [*c.servers, c.chroma]:
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    proc.kill()


def ask(url: str, question: str = QUESTION) -> dict:
    response = httpx.post(f"{url}/api/query", json={"question": question, "as_of": "2023-06-01"}, timeout=60)
    assert response.status_code == 200, response.text
    return dict(response.json())


def cited(response: dict) -> list[tuple]:
    return [(c["article_id"], c["start"], c["end"], c["quote"]) for c in response["citations"]]


def health(url: str) -> httpx.Response:
    return httpx.get(f"{url}/api/health", timeout=30)


def test_both_replicas_answer_the_same_question_with_the_same_citations(cluster: Cluster) -> None:
    a, b = (ask(url) for url in cluster.replicas)
    assert not a["refused"] and a["citations"]
    assert (a["answer"], cited(a)) == (b["answer"], cited(b))
    assert [p["chunk_id"] for p in a["passages"]] == [p["chunk_id"] for p in b["passages"]]
    assert health(cluster.replicas[0]).json()["articles"] == health(cluster.replicas[1]).json()["articles"] == 62


def test_an_update_through_one_replica_reaches_the_other_and_no_query_sees_a_mixed_state(cluster: Cluster) -> None:
    replica_a, replica_b = cluster.replicas
    before = health(replica_b).json()["articles"]
    new = long_articles("harbour", 12, sentences=30)
    stop, seen, errors = threading.Event(), [], []

    def query_loop(url: str) -> None:
        with httpx.Client(timeout=60) as client:
            while not stop.is_set():
                r = client.post(f"{url}/api/query", json={"question": "What did the harbour inquiry hear?"})
                h = client.get(f"{url}/api/health")
                if r.status_code != 200 or h.status_code != 200:
                    errors.append((url, r.status_code, h.status_code, r.text[:200]))
                    continue
                seen.append(h.json()["articles"])
                for c in r.json()["citations"]:  # every cited span is the stored text's, whichever state it saw
                    got = client.get(f"{url}/api/articles/{quote(c['article_id'], safe='/')}")
                    if got.status_code != 200 or got.json()["text"][c["start"] : c["end"]] != c["quote"]:
                        errors.append((url, "quote", c, got.status_code, got.text[:200]))

    threads = [threading.Thread(target=query_loop, args=(url,)) for url in cluster.replicas for _ in range(2)]
    for t in threads:
        t.start()
    files = [("files", (f"{a['id']}.json", json.dumps(a).encode(), "application/json")) for a in new]
    job = httpx.post(f"{replica_a}/api/index", files=files, timeout=120)
    assert job.status_code == 202, job.text
    job_id = job.json()["job_id"]

    def writing() -> bool:
        state = httpx.get(f"{replica_a}/api/jobs/{job_id}").json()
        assert state["state"] in ("queued", "running", "done"), cluster.shown(state)
        return state["state"] == "done" or state["stage"] not in ("", "loading")

    wait_for(writing, what="the update to reach its writing stages")
    second = httpx.post(f"{replica_b}/api/index", timeout=60)  # another writer, on the other replica
    running = httpx.get(f"{replica_a}/api/jobs/{job_id}").json()["state"]
    assert second.status_code == 409 or running != "running", second.text
    if running == "running":
        assert "another update of the database" in second.json()["detail"]
    wait_for(lambda: httpx.get(f"{replica_a}/api/jobs/{job_id}").json()["state"] != "running", what="the update")
    time.sleep(1.0)
    stop.set()
    for t in threads:
        t.join(timeout=120)
    final = httpx.get(f"{replica_a}/api/jobs/{job_id}").json()
    assert final["state"] == "done", cluster.shown(final)
    assert errors == []
    assert set(seen) <= {before, before + 12} and before + 12 in seen, "a count between the two states"
    answer_b = ask(replica_b, "What did the harbour inquiry number 3 hear?")
    assert any(c["article_id"].startswith("harbour-") for c in answer_b["citations"]), answer_b
    assert health(replica_b).json()["articles"] == before + 12


def test_a_killed_indexer_leaves_the_old_state_and_the_next_update_converges(cluster: Cluster) -> None:
    before = [ask(url) for url in cluster.replicas]
    count = health(cluster.replicas[0]).json()["articles"]
    write_articles(cluster.root / "articles" / "glacier", long_articles("glacier", 60))
    indexer = cluster.indexer(pace=KILLED_PACE_S)
    wait_for(lambda: cluster.db("SELECT value FROM meta WHERE key = 'sweep_pending'") == [("1",)],
             what="the indexer to start writing vectors")  # fmt: skip
    second = cluster.indexer("indexer-2")
    _, err = second.communicate(timeout=300)
    assert second.returncode == 3 and "another update of the database" in err, err
    assert indexer.poll() is None, "the first indexer finished before the second tried: make its batch larger"
    indexer.send_signal(signal.SIGKILL)
    indexer.wait(timeout=30)

    for url, old in zip(cluster.replicas, before, strict=True):
        assert health(url).json()["articles"] == count, "the killed update published nothing"
        assert cited(ask(url)) == cited(old)
        assert not any(p["article_id"].startswith("glacier/") for p in ask(url, GLACIER)["passages"])

    rerun = cluster.indexer()
    out, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err
    assert json.loads(out)["added"] == 60
    chunks = cluster.db("SELECT COUNT(*) FROM chunks")[0][0]
    vectors = httpx.get(
        f"http://127.0.0.1:{cluster.chroma_port}/api/v2/tenants/default_tenant/databases/default_database/collections"
    ).json()
    assert len(vectors) == 1, "replicas and indexers share one collection"
    counted = httpx.get(
        f"http://127.0.0.1:{cluster.chroma_port}/api/v2/tenants/default_tenant/databases/default_database"
        f"/collections/{vectors[0]['id']}/count"
    ).json()
    assert counted == chunks, "the interrupted run's vectors were swept"
    for url in cluster.replicas:
        assert health(url).json()["articles"] == count + 60
        assert any(p["article_id"].startswith("glacier/") for p in ask(url, GLACIER)["passages"])


def test_a_server_that_goes_down_is_a_503_naming_it_and_replicas_recover(cluster: Cluster) -> None:
    url = cluster.replicas[1]
    expected = cited(ask(url))
    cluster.pg.stop()
    try:
        for replica in cluster.replicas:
            down = health(replica)
            assert down.status_code == 503 and "cannot reach the database at 127.0.0.1" in down.json()["detail"]
            query = httpx.post(f"{replica}/api/query", json={"question": QUESTION}, timeout=60)
            assert query.status_code == 503 and "database" in query.json()["detail"], query.text
    finally:
        cluster.pg.start()
    wait_for(lambda: health(url).status_code == 200, what="recovery after the database returned")
    assert cited(ask(url)) == expected

    cluster.chroma.kill()
    cluster.chroma.wait(timeout=30)
    try:
        down = health(url)
        assert down.status_code == 503 and "cannot reach the Chroma server" in down.json()["detail"], down.text
        query = httpx.post(f"{url}/api/query", json={"question": QUESTION}, timeout=60)
        assert query.status_code == 503 and "Chroma server" in query.json()["detail"], query.text
    finally:
        cluster.start_chroma()
    wait_for(lambda: health(url).status_code == 200, what="recovery after Chroma returned")
    assert cited(ask(url)) == expected

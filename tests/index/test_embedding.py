"""The bundled model's embedder: how many threads a call takes, and that the vectors do not depend on it."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest
import torch

from index.embedding import SentenceTransformerEmbedder, answering, bundled_model_dir

SENTENCES = [
    "Ukrainian drone strikes torched the Rostov rail terminal and a nearby power station on July 23, 2025.",
    "The Wagner group was founded by Yevgeny Prigozhin, a former caterer to the Kremlin.",
    "Wagner fighters pulled out of the city of Bakhmut after months of fighting.",
    "Economic sanctions threaten a third of Russia's budget, analysts said in London on Tuesday.",
]


@pytest.fixture(scope="module")
def two_threads() -> Iterator[SentenceTransformerEmbedder]:
    """The real model on two threads, whatever the session's embedder was given; the caller's count restored."""
    before = torch.get_num_threads()
    yield SentenceTransformerEmbedder(bundled_model_dir(), threads=2)
    torch.set_num_threads(before)


def test_a_query_takes_one_thread_and_an_answers_sentences_take_all(two_threads: SentenceTransformerEmbedder) -> None:
    two_threads.embed(["Who founded Wagner?"])
    assert torch.get_num_threads() == 1
    two_threads.embed(SENTENCES)
    assert torch.get_num_threads() == 2


def test_beside_another_question_every_call_takes_one_thread(two_threads: SentenceTransformerEmbedder) -> None:
    with answering(), answering():  # two questions in flight in this process
        two_threads.embed(SENTENCES)
        assert torch.get_num_threads() == 1
    two_threads.embed(SENTENCES)
    assert torch.get_num_threads() == 2


def test_the_vectors_are_the_same_on_one_thread_or_two(two_threads: SentenceTransformerEmbedder) -> None:
    alone = two_threads.embed(SENTENCES)
    with answering(), answering():
        beside = two_threads.embed(SENTENCES)
    assert np.allclose(alone, beside, atol=1e-5)
    assert np.allclose(np.linalg.norm(alone, axis=1), 1.0, atol=1e-5)


def test_loading_the_model_draws_no_progress_bar(capfd: pytest.CaptureFixture[str]) -> None:
    """Every CLI command loads the model: a bar of its weights loading was drawn each time ("Loading weights: 100%");
    transformers' bars stay as they were for others."""
    from transformers.utils import logging as hf_logging

    shown = hf_logging.is_progress_bar_enabled()
    SentenceTransformerEmbedder(bundled_model_dir(), threads=1)
    out, err = capfd.readouterr()
    assert "Loading weights" not in out + err and "it/s" not in err
    assert hf_logging.is_progress_bar_enabled() == shown

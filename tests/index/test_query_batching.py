"""Concurrent query embeddings: batched while the engine is busy, identical texts once.

A fake engine stands in for the model: it records each call and blocks until the test
lets it go, so the test decides exactly which questions arrive while it is busy.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from index.query_batching import QueryBatcher


class GatedEngine:
    """Embeds a text as [len(text)], one call at a time, each call held until released."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []
        self.started = threading.Semaphore(0)
        self.gate = threading.Semaphore(0)
        self.fail_next = False

    def __call__(self, texts: list[str]) -> list[list[float]]:
        self.calls.append(list(texts))
        self.started.release()
        assert self.gate.acquire(timeout=10), "the test never released the engine"
        if self.fail_next:
            self.fail_next = False
            raise RuntimeError("engine failed")
        return [[float(len(text))] for text in texts]


@pytest.fixture
def pool() -> Iterator[ThreadPoolExecutor]:
    with ThreadPoolExecutor(max_workers=16) as executor:
        yield executor


def _wait_until(condition: object, timeout: float = 10.0) -> None:
    """Spin until the batcher has queued what the test expects (no timing asserted)."""
    done = threading.Event()
    for _ in range(int(timeout / 0.005)):
        if condition():  # type: ignore[operator]
            return
        done.wait(0.005)
    raise AssertionError("condition never held")


def test_a_question_alone_is_embedded_at_once_alone(pool: ThreadPoolExecutor) -> None:
    engine = GatedEngine()
    batcher = QueryBatcher(engine, max_batch=16)
    engine.gate.release()
    assert batcher.embed("một câu hỏi") == [11.0]
    assert engine.calls == [["một câu hỏi"]]


def test_questions_arriving_while_the_engine_is_busy_share_the_next_call(
    pool: ThreadPoolExecutor,
) -> None:
    engine = GatedEngine()
    batcher = QueryBatcher(engine, max_batch=16)
    first = pool.submit(batcher.embed, "a")
    assert engine.started.acquire(timeout=10)  # "a" is in the engine
    waiting = [pool.submit(batcher.embed, "b" * n) for n in range(2, 7)]
    _wait_until(lambda: len(batcher._queued) == 5)
    for _ in range(2):
        engine.gate.release()
    assert first.result(timeout=10) == [1.0]
    assert [f.result(timeout=10) for f in waiting] == [[float(n)] for n in range(2, 7)]
    assert engine.calls[0] == ["a"]
    assert sorted(engine.calls[1]) == ["bb", "bbb", "bbbb", "bbbbb", "bbbbbb"]
    assert len(engine.calls) == 2


def test_identical_concurrent_questions_are_embedded_once(pool: ThreadPoolExecutor) -> None:
    engine = GatedEngine()
    batcher = QueryBatcher(engine, max_batch=16)
    running = [pool.submit(batcher.embed, "same") for _ in range(3)]
    assert engine.started.acquire(timeout=10)
    queued = [pool.submit(batcher.embed, "other") for _ in range(4)]
    _wait_until(lambda: "other" in batcher._queued)
    engine.gate.release()
    engine.gate.release()
    assert {tuple(f.result(timeout=10)) for f in running} == {(4.0,)}
    assert {tuple(f.result(timeout=10)) for f in queued} == {(5.0,)}
    assert engine.calls == [["same"], ["other"]]
    assert batcher.embedded == 2


def test_a_batch_never_exceeds_its_limit(pool: ThreadPoolExecutor) -> None:
    engine = GatedEngine()
    batcher = QueryBatcher(engine, max_batch=2)
    first = pool.submit(batcher.embed, "x")
    assert engine.started.acquire(timeout=10)
    rest = [pool.submit(batcher.embed, "y" * n) for n in range(1, 6)]
    _wait_until(lambda: len(batcher._queued) == 5)
    for _ in range(4):
        engine.gate.release()
    assert first.result(timeout=10) == [1.0]
    assert [f.result(timeout=10) for f in rest] == [[float(n)] for n in range(1, 6)]
    assert [len(call) for call in engine.calls] == [1, 2, 2, 1]


def test_one_at_a_time_by_default_but_identical_questions_still_share(
    pool: ThreadPoolExecutor,
) -> None:
    engine = GatedEngine()
    batcher = QueryBatcher(engine)
    first = pool.submit(batcher.embed, "a")
    assert engine.started.acquire(timeout=10)
    queued = [pool.submit(batcher.embed, text) for text in ("bb", "bb", "ccc")]
    _wait_until(lambda: len(batcher._queued) == 2)
    for _ in range(3):
        engine.gate.release()
    assert [f.result(timeout=10) for f in (first, *queued)] == [[1.0], [2.0], [2.0], [3.0]]
    assert engine.calls[0] == ["a"]
    assert sorted(engine.calls[1:]) == [["bb"], ["ccc"]]


def test_a_failed_call_fails_its_waiters_and_the_next_question_still_works(
    pool: ThreadPoolExecutor,
) -> None:
    engine = GatedEngine()
    batcher = QueryBatcher(engine, max_batch=16)
    engine.fail_next = True
    failing = [pool.submit(batcher.embed, "hỏng") for _ in range(2)]
    assert engine.started.acquire(timeout=10)
    engine.gate.release()
    for future in failing:
        with pytest.raises(RuntimeError, match="engine failed"):
            future.result(timeout=10)
    engine.gate.release()
    assert batcher.embed("hỏng") == [4.0]  # not remembered: asked again, embedded again


def test_a_batch_of_real_e5_queries_equals_the_queries_one_by_one() -> None:
    from index.embedders import E5Embedder

    questions = ["Đội dân phòng có bao nhiêu người?", "Ai ký chỉ thị?", "Thời hạn nộp báo cáo"]
    embedder = E5Embedder()
    alone = [embedder.embed_query(q) for q in questions]
    together = embedder._embed_queries(questions)
    for a, b in zip(alone, together, strict=True):
        assert max(abs(x - y) for x, y in zip(a, b, strict=True)) < 1e-4

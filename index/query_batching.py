"""Query embeddings under concurrency: one model call for everything waiting, each text once.

A question's embedding is the slowest step of an ask that the keyword side does not
settle (~12-25 ms on these machines), and the engine runs one call at a time. With many
officers asking at once, each embedding used to wait for all those queued ahead of it.
`QueryBatcher` lets whoever finds the engine free embed the questions queued so far (up
to `max_batch`) in one call, and a question asked again while its vector is being
computed waits for that vector instead of queueing a second copy (single flight).

Nothing waits for a batch to fill: a question arriving at an idle engine is embedded at
once, alone. Batches form only from questions that would have queued anyway. They pay
only if the engine embeds a batch faster than its questions one by one; the bundled e5
engine did not, measurably, on 2 cores (bench/README.md), so its default is one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future

Vector = list[float]
EmbedMany = Callable[[list[str]], Sequence[Vector]]


class QueryBatcher:
    """Embeds concurrent queries together and identical concurrent queries once.

    Args:
        embed_many: embeds a list of query texts in one model call, in order.
        max_batch: most queries per call; 1 turns batching off (single flight remains).
    """

    def __init__(self, embed_many: EmbedMany, max_batch: int = 1) -> None:
        if max_batch < 1:
            raise ValueError("max_batch must be at least 1")
        self._embed_many = embed_many
        self.max_batch = max_batch
        self._turn = threading.Condition()
        self._queued: dict[str, Future[Vector]] = {}  # waiting for a call, in arrival order
        self._running: dict[str, Future[Vector]] = {}  # in the call now being made
        self._busy = False
        self.calls = 0  # model calls made, for benchmarks and tests
        self.embedded = 0  # texts those calls embedded

    def embed(self, text: str) -> Vector:
        """The vector of one query, possibly computed together with others' queries."""
        with self._turn:
            future = self._running.get(text) or self._queued.get(text)
            if future is None:
                future = self._queued[text] = Future()
            while not future.done():
                if self._busy:
                    self._turn.wait()
                    continue
                batch = self._take_batch()
                self._busy = True
                self._turn.release()
                try:
                    self._run(batch)
                finally:
                    self._turn.acquire()
                    self._busy = False
                    for queued in batch:
                        del self._running[queued]
                    self._turn.notify_all()
        return future.result()

    def _take_batch(self) -> dict[str, Future[Vector]]:
        """The oldest queued texts, moved to running (called holding the lock)."""
        texts = list(self._queued)[: self.max_batch]
        batch = {text: self._queued.pop(text) for text in texts}
        self._running.update(batch)
        return batch

    def _run(self, batch: dict[str, Future[Vector]]) -> None:
        """One model call for the batch; its outcome, vectors or error, goes to every waiter."""
        try:
            vectors = list(self._embed_many(list(batch)))
            if len(vectors) != len(batch):
                raise RuntimeError(f"{len(vectors)} vectors for {len(batch)} queries")
            self.calls += 1
            self.embedded += len(batch)
            for future, vector in zip(batch.values(), vectors, strict=True):
                future.set_result(list(vector))
        except Exception as error:  # noqa: BLE001 - each waiter re-raises it
            for future in batch.values():
                if not future.done():
                    future.set_exception(error)
        finally:  # interrupted: nobody may wait for a vector that will never come
            for future in batch.values():
                if not future.done():
                    future.set_exception(RuntimeError("query embedding was interrupted"))

"""Asks admitted a few at a time, in the order they came (`PA_ASK_CONCURRENCY`).

Answering a question with the extractive answerer is CPU work that holds the interpreter
lock. Sixteen asks answered side by side do not finish sooner than sixteen answered in
turn: they take the lock from each other (and from the event loop that reads requests and
writes responses), so a few of them wait far longer than their turn. Admitting them one
at a time, first come first served, keeps each ask's wait to the asks ahead of it.

The gate is plain ASGI middleware around the ask routes, so a streamed answer keeps its
slot until its last byte is sent, and the other routes (health, documents, jobs, the chat
page) are never held up behind it.
"""

from __future__ import annotations

import asyncio
from collections import deque

from assistant.api.guards import ASGIApp, Receive, Scope, Send
from assistant.ask_workers import ask_worker_count
from assistant.settings import Settings

ASK_ROUTES = frozenset(
    {("POST", "/v1/ask"), ("POST", "/v1/search"), ("POST", "/v1/chat/completions")}
)


class FifoGate:
    """At most `slots` holders at once; the others are admitted in the order they asked.

    A freed slot is handed straight to the longest waiter, so a late comer never takes
    it first (which `asyncio.Semaphore` does not promise).
    """

    def __init__(self, slots: int) -> None:
        if slots < 1:
            raise ValueError("a gate needs at least one slot")
        self.slots = slots
        self.active = 0
        self._waiters: deque[asyncio.Future[None]] = deque()

    @property
    def waiting(self) -> int:
        """How many are waiting for a slot."""
        return sum(not w.done() for w in self._waiters)

    async def acquire(self) -> None:
        if self.active < self.slots and not self._waiters:
            self.active += 1
            return
        turn: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.append(turn)
        try:
            await turn
        except asyncio.CancelledError:
            if turn.done() and not turn.cancelled():  # admitted as it was cancelled
                self.release()
            else:
                self._waiters.remove(turn)
            raise

    def release(self) -> None:
        """Hand the slot to the longest waiter, or free it."""
        while self._waiters:
            turn = self._waiters.popleft()
            if not turn.done():
                turn.set_result(None)  # the slot passes on: `active` stays the same
                return
        self.active -= 1


class AskGate:
    """ASGI middleware: the ask routes through a `FifoGate`, everything else straight on."""

    def __init__(self, app: ASGIApp, gate: FifoGate) -> None:
        self.app = app
        self.gate = gate

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        route = (scope.get("method"), scope.get("path", "").rstrip("/"))
        if scope["type"] != "http" or route not in ASK_ROUTES:
            await self.app(scope, receive, send)
            return
        await self.gate.acquire()
        try:
            await self.app(scope, receive, send)
        finally:
            self.gate.release()


def ask_slots(settings: Settings) -> int:
    """Asks answered at once: the setting, else one per process answering them for the
    extractive answerer (CPU-bound: the server's own, or each ask worker) and no limit
    (0) for a chat model, whose asks mostly wait on the model."""
    configured = settings.api.ask_concurrency
    if configured is not None:
        return configured
    return max(1, ask_worker_count(settings)) if settings.llm.backend == "extractive" else 0

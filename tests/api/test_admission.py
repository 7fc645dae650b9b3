"""Asks admitted a few at a time, first come first served (`PA_ASK_CONCURRENCY`)."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI

from assistant.api.admission import FifoGate, ask_slots
from assistant.settings import Settings
from tests.api.conftest import AppFactory, services_of

WAIT_S = 60  # how long a step may take before the test gives up (a bound, not a speed)


async def settle() -> None:
    """Let every task that can run, run."""
    for _ in range(20):
        await asyncio.sleep(0)


async def holder(gate: FifoGate, name: str, inside: list[str], leave: asyncio.Event) -> None:
    await gate.acquire()
    inside.append(name)
    try:
        await leave.wait()
    finally:
        gate.release()


def test_waiters_are_admitted_in_the_order_they_came() -> None:
    async def scenario() -> list[str]:
        gate, inside = FifoGate(1), []
        leave = {name: asyncio.Event() for name in "abcd"}
        tasks = []
        for name in "abc":
            tasks.append(asyncio.create_task(holder(gate, name, inside, leave[name])))
            await settle()
        assert inside == ["a"] and gate.waiting == 2
        leave["a"].set()
        await asyncio.sleep(0)
        # A late comer arriving as the slot is freed queues behind b and c.
        tasks.append(asyncio.create_task(holder(gate, "d", inside, leave["d"])))
        await settle()
        assert inside == ["a", "b"]
        for name in "bcd":
            leave[name].set()
            await settle()
        await asyncio.gather(*tasks)
        assert gate.active == 0 and gate.waiting == 0
        return inside

    assert asyncio.run(scenario()) == ["a", "b", "c", "d"]


def test_no_more_than_its_slots_are_inside_at_once() -> None:
    async def scenario() -> None:
        gate, inside = FifoGate(2), []
        leave = {name: asyncio.Event() for name in "abcde"}
        tasks = [asyncio.create_task(holder(gate, n, inside, leave[n])) for n in "abcde"]
        await settle()
        assert inside == ["a", "b"] and gate.waiting == 3
        leave["b"].set()
        await settle()
        assert inside == ["a", "b", "c"] and gate.active == 2
        for name in "acde":
            leave[name].set()
        await asyncio.gather(*tasks)
        assert inside == ["a", "b", "c", "d", "e"] and gate.active == 0

    asyncio.run(scenario())


def test_a_waiter_that_gives_up_loses_its_turn_but_not_the_slot() -> None:
    async def scenario() -> None:
        gate, inside = FifoGate(1), []
        leave = {name: asyncio.Event() for name in "abc"}
        tasks = {n: asyncio.create_task(holder(gate, n, inside, leave[n])) for n in "abc"}
        await settle()
        tasks["b"].cancel()  # a client that hung up while waiting
        await settle()
        assert gate.waiting == 1
        leave["a"].set()
        await settle()
        assert inside == ["a", "c"]
        leave["c"].set()
        await asyncio.gather(tasks["a"], tasks["c"])
        assert gate is not None and gate.active == 0

    asyncio.run(scenario())


def test_one_ask_at_a_time_per_answering_process_unless_configured() -> None:
    settings = Settings().with_overrides(api={"ask_workers": 0})
    assert ask_slots(settings) == 1
    assert ask_slots(settings.with_overrides(api={"ask_workers": 3})) == 3
    assert ask_slots(settings.with_overrides(api={"ask_concurrency": 5})) == 5
    assert ask_slots(settings.with_overrides(llm={"backend": "openai"})) == 0


def wait_until(condition: Any) -> None:
    deadline = time.monotonic() + WAIT_S
    while not condition():
        assert time.monotonic() < deadline, "the server did not get there"
        time.sleep(0.01)


@pytest.mark.slow
def test_the_server_answers_asks_in_the_order_they_came(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = make_app(ask_concurrency=1)
    assistant = services_of(client).assistant
    answering, release_first = [], threading.Event()
    real_stream = assistant.stream

    def stream(question: str, *args: Any, **kwargs: Any) -> Iterator[Any]:
        answering.append(question)
        if question.startswith("một"):
            release_first.wait(WAIT_S)
        return real_stream(question, *args, **kwargs)

    monkeypatch.setattr(assistant, "stream", stream)
    app: FastAPI = client.app  # type: ignore[assignment]
    gate: FifoGate | None = getattr(app.state, "ask_gate", None)
    statuses: dict[str, int] = {}

    def queued(n: int) -> bool:
        """n asks are waiting their turn, or one got past the first while it is answered."""
        return len(answering) > 1 or (gate is not None and gate.waiting == n)

    def ask(question: str, path: str = "/v1/ask") -> None:
        body = {"question": question} if path == "/v1/ask" else {"query": question}
        statuses[question] = client.post(path, json=body).status_code

    questions = ["một: tổ hòa giải?", "hai: Điện Biên?", "ba: hòa giải viên?"]
    threads = [threading.Thread(target=ask, args=(q,)) for q in questions]
    threads.append(threading.Thread(target=ask, args=("bốn: hòa giải", "/v1/search")))
    try:
        threads[0].start()
        wait_until(lambda: answering == questions[:1])
        for waiting, thread in enumerate(threads[1:], start=1):
            thread.start()
            wait_until(lambda n=waiting: queued(n))  # type: ignore[misc]
        assert client.get("/healthz").status_code == 200  # other routes are not held up
        assert answering == questions[:1]  # the others wait while the first is answered
    finally:
        release_first.set()
        for thread in threads:
            thread.join(WAIT_S)
    assert answering == questions
    assert set(statuses.values()) == {200} and len(statuses) == 4
    assert gate is not None and gate.active == 0

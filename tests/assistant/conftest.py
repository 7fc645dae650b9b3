"""Fixtures for the assistant tests: a fake OpenAI-compatible server and the real client on it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from langchain_openai import ChatOpenAI

from assistant.llm import make_chat_model
from assistant.settings import LLMSettings
from tests.fakes import FakeOpenAIServer, running_server
from tests.fakes.openai_server import MODEL


@pytest.fixture(scope="session")
def _openai_server_session() -> Iterator[FakeOpenAIServer]:
    # One server for the session: starting uvicorn per test would dominate the test time.
    with running_server() as server:
        yield server


@pytest.fixture
def openai_server(_openai_server_session: FakeOpenAIServer) -> FakeOpenAIServer:
    """The fake server with no script and no recorded requests."""
    _openai_server_session.reset()
    return _openai_server_session


@pytest.fixture
def llm_settings(openai_server: FakeOpenAIServer) -> LLMSettings:
    return LLMSettings(
        backend="openai", llm_model=MODEL, llm_base_url=openai_server.base_url, llm_timeout_s=10
    )


@pytest.fixture
def chat_model(llm_settings: LLMSettings) -> ChatOpenAI:
    """The real ChatOpenAI client, made by our factory, pointed at the fake server."""
    model = make_chat_model(llm_settings)
    assert isinstance(model, ChatOpenAI)
    return model

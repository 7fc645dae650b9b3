"""Fakes for what cannot run here, each speaking the real protocol of what it stands for."""

from tests.fakes.openai_server import FakeOpenAIServer, RecordedRequest, running_server

__all__ = ["FakeOpenAIServer", "RecordedRequest", "running_server"]

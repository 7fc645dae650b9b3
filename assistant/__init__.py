"""Answering questions about the indexed documents: retrieval, answer builders, settings.

The public names are exported here; they are imported on first use so that importing one
small module (``assistant.answers``) does not load the index and its embedder.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.answers import Answer, AnswerBuilder, Citation
    from assistant.extractive import ExtractiveAnswerer
    from assistant.filters import SearchFilters
    from assistant.live_index import IndexService
    from assistant.pipeline import Assistant, build_assistant
    from assistant.settings import Settings, get_settings

_EXPORTS = {
    "Answer": "assistant.answers",
    "AnswerBuilder": "assistant.answers",
    "Citation": "assistant.answers",
    "ExtractiveAnswerer": "assistant.extractive",
    "SearchFilters": "assistant.filters",
    "IndexService": "assistant.live_index",
    "Assistant": "assistant.pipeline",
    "build_assistant": "assistant.pipeline",
    "Settings": "assistant.settings",
    "get_settings": "assistant.settings",
}

__all__ = [
    "Answer",
    "AnswerBuilder",
    "Assistant",
    "Citation",
    "ExtractiveAnswerer",
    "IndexService",
    "SearchFilters",
    "Settings",
    "build_assistant",
    "get_settings",
]


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'assistant' has no attribute {name!r}")
    return getattr(import_module(_EXPORTS[name]), name)

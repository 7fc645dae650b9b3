"""The OpenAI chat-completions shapes the compatible routes speak (the fields clients use).

Unknown request fields (temperature, max_tokens, user...) are accepted and ignored, as a
tool written for OpenAI sends them; `filters` and `top_k` are our extensions.
"""

from __future__ import annotations

import time
import uuid
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.answers import Answer, Citation
from assistant.api.schemas import MAX_TEXT_CHARS
from assistant.filters import SearchFilters

MODEL_ID = "policy-assistant"
_LENIENT = ConfigDict(extra="ignore")


class ContentPart(BaseModel):
    model_config = _LENIENT

    type: str
    text: str | None = None


class ChatMessage(BaseModel):
    model_config = _LENIENT

    role: Literal["system", "developer", "user", "assistant", "tool"]
    content: str | list[ContentPart] | None = None

    @property
    def text(self) -> str:
        if isinstance(self.content, list):
            return "".join(part.text or "" for part in self.content if part.type == "text")
        return self.content or ""


class StreamOptions(BaseModel):
    model_config = _LENIENT

    include_usage: bool = False


class ChatCompletionRequest(BaseModel):
    """An OpenAI chat-completions request; the last message is the question."""

    model_config = ConfigDict(
        extra="ignore",
        json_schema_extra={
            "examples": [
                {
                    "model": MODEL_ID,
                    "messages": [
                        {"role": "user", "content": "Điện Biên có bao nhiêu tổ hòa giải?"}
                    ],
                }
            ]
        },
    )

    model: str = Field(description=f"Must be `{MODEL_ID}`.")
    messages: list[ChatMessage] = Field(min_length=1, max_length=100)
    stream: bool = False
    stream_options: StreamOptions | None = None
    filters: SearchFilters | None = Field(None, description="Extension: restrict the search.")
    top_k: Annotated[int | None, Field(ge=1, le=50, description="Extension: passages used.")] = None


class AssistantMessage(BaseModel):
    role: Literal["assistant"] = "assistant"
    content: str = Field(max_length=MAX_TEXT_CHARS * 10)


class Choice(BaseModel):
    index: int = 0
    message: AssistantMessage
    finish_reason: Literal["stop"] = "stop"


class Usage(BaseModel):
    prompt_tokens: int
    completion_tokens: int
    total_tokens: int


class ChatCompletion(BaseModel):
    """An OpenAI chat completion, plus `citations` and the full `answer` as extensions."""

    id: str
    object: Literal["chat.completion"] = "chat.completion"
    created: int
    model: str = MODEL_ID
    choices: list[Choice]
    usage: Usage
    citations: list[Citation] = Field(description="Extension: the sources `[n]` points to.")
    answer: Answer = Field(description="Extension: the answer as `POST /v1/ask` returns it.")


class ModelCard(BaseModel):
    id: str = MODEL_ID
    object: Literal["model"] = "model"
    created: int = 0
    owned_by: str = "policy-assistant"


class ModelList(BaseModel):
    object: Literal["list"] = "list"
    data: list[ModelCard]


def completion_id() -> str:
    return f"chatcmpl-{uuid.uuid4().hex[:24]}"


def chunk(
    cid: str, delta: dict[str, Any], finish: str | None = None, **extra: Any
) -> dict[str, Any]:
    """One `chat.completion.chunk` of a streamed completion."""
    return {
        "id": cid,
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": MODEL_ID,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
        **extra,
    }

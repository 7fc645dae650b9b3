"""Request and response models of the HTTP API, in families by feature.

Requests forbid unknown fields and do not coerce types (`"top_k": "5"` or `true` is an
error), so a typo in a tool's request is a 422 that names it rather than a silent default.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.answers import Answer
from assistant.filters import SearchFilters
from assistant.jobs import Job
from assistant.passages import Passage
from index.catalog import DocumentRecord
from index.records import DocumentMetadata

# A hard ceiling for any text field; the question limit itself comes from the settings.
MAX_TEXT_CHARS = 20_000
_REQUEST = ConfigDict(extra="forbid", strict=True)

TopK = Annotated[int | None, Field(ge=1, le=50, description="How many passages to use (1-50).")]


Responses = dict[int | str, dict[str, Any]]  # the `responses=` of a route, for /docs


class ErrorResponse(BaseModel):
    """What every 4xx/5xx of the `/v1` API returns (the OpenAI routes use OpenAI's shape)."""

    detail: str = Field(description="What was wrong, in one line.")


# --- ask ---------------------------------------------------------------------------------------
class ChatTurn(BaseModel):
    """One earlier message of the conversation."""

    model_config = _REQUEST

    role: Literal["user", "assistant"]
    content: str = Field(max_length=MAX_TEXT_CHARS)


class AskRequest(BaseModel):
    """A question, optionally with the conversation so far and search filters."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        json_schema_extra={
            "examples": [
                {"question": "Tỉnh Điện Biên có bao nhiêu tổ hòa giải?", "top_k": 5},
                {
                    "question": "Còn Sóc Trăng thì sao?",
                    "history": [
                        {"role": "user", "content": "Điện Biên có bao nhiêu công an xã?"},
                        {"role": "assistant", "content": "Điện Biên có 116 công an xã [1]."},
                    ],
                    "filters": {"kind": "tin bài"},
                },
            ]
        },
    )

    question: str = Field(
        min_length=1, max_length=MAX_TEXT_CHARS, description="The question, in Vietnamese."
    )
    history: list[ChatTurn] = Field(
        default_factory=list, max_length=50, description="Earlier messages, oldest first."
    )
    filters: SearchFilters | None = Field(
        None, description="Restrict the search to some documents."
    )
    top_k: TopK = None
    stream: bool = Field(
        False, description="Send server-sent events: `delta` pieces of text, then the `answer`."
    )


class AskResponse(Answer):
    """The answer with its numbered citations (`[n]` in the text points to `citations[n-1]`)."""


# --- search ------------------------------------------------------------------------------------
class SearchRequest(BaseModel):
    """A search for passages, without an answer."""

    model_config = _REQUEST

    query: str = Field(min_length=1, max_length=MAX_TEXT_CHARS, description="What to look for.")
    filters: SearchFilters | None = None
    top_k: TopK = None


class MetadataOut(BaseModel):
    """What a document says about itself."""

    title: str
    issued_on: str | None = Field(None, description="ISO date, as precise as the document says.")
    year: int | None = None
    province: str | None = None
    district: str | None = None
    kind: str | None = Field(None, description="chỉ thị, nghị quyết, báo cáo, tin bài...")
    directive_numbers: list[str] = Field(description="Document numbers the document cites.")

    @classmethod
    def of(cls, metadata: DocumentMetadata) -> MetadataOut:
        return cls(**metadata.to_dict())


class PassageOut(BaseModel):
    """One retrieved passage and where it sits in its (cleaned) document."""

    chunk_id: str
    document: str = Field(description="File name of the document.")
    title: str
    heading: str = Field(description="The article or section the passage belongs to.")
    text: str
    start: int = Field(description="Offset of the passage in the cleaned document.")
    end: int
    score: float = Field(description="Fused relevance, 0..1.")
    dense_score: float | None = Field(None, description="Cosine similarity, when found densely.")
    keyword_score: float | None = Field(None, description="Normalised BM25, when found by words.")
    metadata: MetadataOut

    @classmethod
    def of(cls, passage: Passage) -> PassageOut:
        return cls(
            chunk_id=passage.chunk_id, document=passage.source, title=passage.title,
            heading=passage.heading, text=passage.text, start=passage.start, end=passage.end,
            score=round(passage.score, 4), dense_score=passage.dense_score,
            keyword_score=passage.keyword_score, metadata=MetadataOut.of(passage.metadata),
        )  # fmt: skip


class SearchResponse(BaseModel):
    query: str
    restored_query: str | None = Field(None, description="The query with diacritics restored.")
    passages: list[PassageOut]
    timings_ms: dict[str, float]


# --- documents and jobs ------------------------------------------------------------------------
class DocumentOut(BaseModel):
    """An indexed document."""

    id: str = Field(description="The document's file name: use it in /v1/documents/{id}.")
    file_type: str = Field(description="txt, md, html, pdf or docx, as read from the content.")
    sha256: str = Field(description="Of the file's bytes.")
    size: int = Field(description="File size in bytes.")
    chunk_count: int
    indexed_at: str
    metadata: MetadataOut

    @classmethod
    def of(cls, record: DocumentRecord) -> DocumentOut:
        return cls(
            id=record.source, file_type=record.file_type, sha256=record.sha256, size=record.size,
            chunk_count=record.chunk_count, indexed_at=record.indexed_at,
            metadata=MetadataOut.of(record.metadata),
        )  # fmt: skip


class DocumentList(BaseModel):
    count: int
    index_version: int = Field(description="Bumped by every committed index change.")
    documents: list[DocumentOut]


class JobOut(BaseModel):
    """An index write running in the background; poll `GET /v1/jobs/{id}`."""

    id: str
    kind: Literal["upload", "delete", "rebuild", "sync", "reindex"]
    state: Literal["queued", "running", "succeeded", "failed"]
    done: int = Field(description="Documents processed so far.")
    total: int = Field(description="Documents to process (0 until known).")
    message: str
    result: dict[str, Any] = Field(description="What the job did, once finished.")
    created_at: str
    finished_at: str | None

    @classmethod
    def of(cls, job: Job) -> JobOut:
        return cls(**job.to_dict())


class JobList(BaseModel):
    jobs: list[JobOut]


# --- feedback and health -----------------------------------------------------------------------
class FeedbackRequest(BaseModel):
    """A rating of one answer, as returned by `POST /v1/ask`."""

    model_config = _REQUEST

    rating: Literal["up", "down"]
    question: str = Field(min_length=1, max_length=MAX_TEXT_CHARS)
    answer: Answer
    comment: str = Field("", max_length=2000)


class FeedbackCreated(BaseModel):
    id: int


class FeedbackItem(BaseModel):
    id: int
    rating: Literal["up", "down"]
    question: str
    answer: str
    citations: list[dict[str, Any]]
    refused: bool
    backend: str
    comment: str
    created_at: str


class FeedbackExport(BaseModel):
    count: int
    items: list[FeedbackItem]


class Health(BaseModel):
    status: Literal["ok"] = "ok"


class Readiness(BaseModel):
    """Whether questions are answered from a loaded index, and which."""

    ready: bool
    documents: int
    chunks: int
    index_version: int
    generation: str | None
    startup_job: JobOut | None = Field(description="The job indexing the folder at start.")
    ask_workers: list[int] = Field(
        default_factory=list,
        description="Process ids of the ask workers answering questions (PA_ASK_WORKERS); "
        "empty when the server answers them itself.",
    )

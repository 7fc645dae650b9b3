"""One typed configuration for the whole service, read from `PA_*` environment variables.

Each section is its own `BaseSettings` with the flat `PA_` prefix, so the variable names
operators type stay short (`PA_DATA_DIR`, `PA_LLM`, `PA_API_KEYS`) while the code reads
`settings.index.data_dir`, `settings.llm.backend`.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

_ENV = SettingsConfigDict(env_prefix="PA_", extra="ignore", populate_by_name=True)


def _split_csv(value: Any) -> Any:
    if isinstance(value, str):
        return [item.strip() for item in value.split(",") if item.strip()]
    return value


class DocumentSettings(BaseSettings):
    model_config = _ENV

    documents_dir: Path = Field(
        Path("documents"), description="Folder of source documents the index is built from."
    )
    max_upload_mb: float = Field(20, gt=0, description="Largest document accepted by upload (MB).")
    watch: bool = Field(False, description="Pick up files dropped into the documents folder.")
    watch_interval_s: float = Field(2.0, gt=0, description="How often --watch scans the folder.")


class IndexSettings(BaseSettings):
    model_config = _ENV

    data_dir: Path = Field(Path("data"), description="Runtime data: index, caches, feedback.")
    chroma_url: str | None = Field(
        None, description="Use a Chroma server (`chroma run`) at this URL instead of embedded."
    )
    database_url: str | None = Field(
        None,
        description="A postgresql:// URL: replicas keep catalog, jobs, conversations, "
        "feedback and audit there instead of SQLite files under the data dir.",
    )
    follow_interval_s: float = Field(
        1.0, gt=0, description="With a database URL: how often a replica checks the catalog."
    )
    writer_wait_s: float = Field(
        600.0, ge=0, description="With a database URL: how long a write waits for another's."
    )
    chunk_chars: int = Field(
        900, ge=200, le=4000, description="Target chunk size in characters (whole sentences)."
    )
    embedding_cache_dir: Path | None = Field(
        None, description="Where passage vectors are cached (default: <data dir>/embeddings)."
    )
    context_prefix: bool = Field(
        True,
        description="Prefix each chunk's embedded text with its title, place and article heading.",
    )


class EmbeddingSettings(BaseSettings):
    model_config = _ENV

    embedder: Literal["e5", "sentence-transformers"] = Field(
        "e5", description="Embedding backend; `e5` is the bundled offline multilingual-e5-small."
    )
    embedding_model: str = Field(
        "",
        description="Model name or local path for sentence-transformers (ignored by `e5`).",
    )
    embed_batch_size: int = Field(16, ge=1, le=512, description="Texts embedded per call.")
    query_batch: int = Field(
        1,
        ge=1,
        le=256,
        description="Most concurrent questions embedded in one call (1 = one at a time); "
        "identical concurrent questions are embedded once either way. The bundled e5 "
        "engine gained nothing measurable from batches of short queries on 2 cores.",
    )
    embed_threads: int = Field(
        0, ge=0, le=256, description="Threads of the bundled e5 engine (0 = one per core)."
    )


class RetrievalSettings(BaseSettings):
    model_config = _ENV

    fusion: Literal["weighted", "rrf"] = Field(
        "weighted", description="How dense and keyword rankings are fused."
    )
    dense_weight: float = Field(
        0.4,
        ge=0,
        le=1,
        description="Weight of the dense side in fusion (the keyword sides share the rest).",
    )
    top_k: int = Field(5, ge=1, le=50, description="Passages returned by default.")
    candidates: int = Field(
        40, ge=5, le=500, description="Candidates each retriever contributes to fusion."
    )
    dense_skip_margin: float = Field(
        1.15,
        ge=0,
        description="Skip the dense side when the best keyword document scores this many "
        "times the next one (saves the query embedding); 0 = always run it.",
    )
    restore_diacritics: bool = Field(
        True, description="Restore diacritics of questions typed without them."
    )
    reranker_model: str = Field(
        "",
        description="Optional cross-encoder (sentence-transformers) name or path to rerank with.",
    )


class LLMSettings(BaseSettings):
    model_config = _ENV

    backend: Literal["extractive", "openai", "ollama", "llamacpp"] = Field(
        "extractive",
        validation_alias="PA_LLM",
        description="Answer builder: offline extractive (default) or a LangChain chat model.",
    )
    llm_model: str = Field("", description="Chat model name (openai/ollama) or GGUF path.")
    llm_base_url: str | None = Field(None, description="Base URL of the chat model server.")
    llm_api_key: SecretStr = Field(
        SecretStr("not-needed"), description="API key for an OpenAI-compatible server."
    )
    llm_temperature: float = Field(0.0, ge=0, le=2, description="Sampling temperature.")
    llm_timeout_s: float = Field(60.0, gt=0, description="Timeout of one LLM call.")
    llm_max_tokens: int = Field(512, ge=16, description="Longest answer the LLM may write.")
    llm_max_answer_chars: int = Field(
        1200, ge=100, description="Stop the LLM's answer after this many characters."
    )
    llm_repeat_ngram: int = Field(
        4, ge=2, le=20, description="Words in the n-grams watched for a looping LLM answer."
    )
    llm_repeat_limit: int = Field(
        3, ge=2, description="Stop the LLM's answer when one n-gram has come this many times."
    )


class APISettings(BaseSettings):
    model_config = _ENV

    host: str = Field("127.0.0.1", description="Address the server binds to.")
    port: int = Field(8000, ge=1, le=65535, description="Port the server listens on.")
    api_keys: Annotated[list[SecretStr], NoDecode] = Field(
        default_factory=list, description="Comma-separated keys; when set, writes need one."
    )
    require_key_for_read: bool = Field(False, description="Also require a key for reads.")
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list, description="Comma-separated origins allowed by CORS."
    )
    max_question_chars: int = Field(2000, ge=10, description="Longest question accepted.")
    max_body_kb: int = Field(
        1024, ge=16, description="Largest request body other than an upload (KB), JSON included."
    )
    ask_concurrency: int | None = Field(
        None,
        ge=0,
        description="Asks (/v1/ask, /v1/search, /v1/chat/completions) answered at once by one "
        "server process; the others wait their turn, first come first served. Unset: 1 with "
        "the extractive answerer (CPU-bound), no limit with a chat model. 0: no limit.",
    )

    ask_workers: int | None = Field(
        None,
        ge=0,
        le=64,
        description="Processes answering asks beside the server (0: the server answers them "
        "itself). Unset: one per core on two cores or more with the extractive answerer, "
        "which holds the interpreter lock (one process uses one core however many asks "
        "wait); none with a chat model, whose asks wait on the model. Each worker holds its "
        "own copy of the index in memory. With workers, the server starts `chroma run` on "
        "the data dir's vectors unless PA_CHROMA_URL names a server.",
    )

    _split = field_validator("api_keys", "cors_origins", mode="before")(_split_csv)


class Settings(BaseModel):
    """The whole configuration; sections mirror the packages that read them.

    A plain model: each section reads its own `PA_*` variables, so `PA_LLM` names the
    answer backend rather than colliding with the `llm` section.
    """

    documents: DocumentSettings = Field(default_factory=DocumentSettings)
    index: IndexSettings = Field(default_factory=IndexSettings)
    embedding: EmbeddingSettings = Field(default_factory=EmbeddingSettings)
    retrieval: RetrievalSettings = Field(default_factory=RetrievalSettings)
    llm: LLMSettings = Field(default_factory=LLMSettings)
    api: APISettings = Field(default_factory=APISettings)

    def with_overrides(self, **sections: dict[str, Any]) -> Settings:
        """A copy with some fields of some sections replaced (None values are ignored)."""
        updates = {}
        for name, fields in sections.items():
            fields = {k: v for k, v in fields.items() if v is not None}
            if fields:
                section = getattr(self, name)
                # Re-validate so a CLI string becomes a Path, a bad value an error.
                updates[name] = type(section)(**{**section.model_dump(), **fields})
        return self.model_copy(update=updates)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read from the environment on first use."""
    return Settings()

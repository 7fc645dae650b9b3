"""Fixtures shared by every test tier: paths, settings in temp dirs, a seed index."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from assistant.live_index import IndexService
from assistant.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "documents"
SHARED = REPO.parent / "shared"
ALQAC = SHARED / "bench" / "alqac2022"


def make_settings(data_dir: Path, documents_dir: Path, cache_dir: Path | None = None) -> Settings:
    """Settings for a test: everything under temp dirs, nothing from the environment, asks
    answered in the test's own process (the ask workers' tests start workers themselves)."""
    return Settings().with_overrides(
        documents={"documents_dir": documents_dir},
        index={"data_dir": data_dir, "embedding_cache_dir": cache_dir, "chroma_url": ""},
        api={"ask_workers": 0},
    )


@pytest.fixture(scope="session")
def embedding_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One vector cache for the session: each passage is embedded once across tests."""
    return tmp_path_factory.mktemp("embedding-cache")


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    """A writable copy of the seed documents."""
    target = tmp_path / "documents"
    shutil.copytree(SEEDS, target)
    return target


@pytest.fixture(scope="session")
def seed_service(
    tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path
) -> Iterator[IndexService]:
    """An index of the five seed documents with the real bundled embedder (read-only use)."""
    data_dir = tmp_path_factory.mktemp("seed-index")
    service = IndexService(make_settings(data_dir, SEEDS, embedding_cache))
    service.sync()
    yield service
    service.close()

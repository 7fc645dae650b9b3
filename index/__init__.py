"""Turning documents into an index: loaders, cleaning, Vietnamese text, chunking, extraction,
embedders, stores (Chroma and the keyword index) and the incremental builder.

The public names are exported here and imported on first use, so that importing one small
module (``index.vietnamese``) does not load Chroma or the embedder.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from index.builder import IndexBuilder, IndexConfig, SyncReport
    from index.catalog import Catalog, DocumentRecord
    from index.extraction import Extraction, extract
    from index.records import Chunk, CleanDocument, DocumentMetadata
    from index.snapshot import IndexSnapshot

_EXPORTS = {
    "IndexBuilder": "index.builder",
    "IndexConfig": "index.builder",
    "SyncReport": "index.builder",
    "Catalog": "index.catalog",
    "DocumentRecord": "index.catalog",
    "Extraction": "index.extraction",
    "extract": "index.extraction",
    "Chunk": "index.records",
    "CleanDocument": "index.records",
    "DocumentMetadata": "index.records",
    "IndexSnapshot": "index.snapshot",
}

__all__ = [
    "Catalog",
    "Chunk",
    "CleanDocument",
    "DocumentMetadata",
    "DocumentRecord",
    "Extraction",
    "IndexBuilder",
    "IndexConfig",
    "IndexSnapshot",
    "SyncReport",
    "extract",
]


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'index' has no attribute {name!r}")
    return getattr(import_module(_EXPORTS[name]), name)

"""Keeping a catalog's extractions in step with the extraction code.

Extraction runs at index time on each new document version (the builder stores it with
the document). When the extraction code changes, or a catalog predates extraction, the
committed documents are read again in place from the cleaned text the catalog keeps:
their chunks and vectors do not depend on extraction, so no new generation is needed.
"""

from __future__ import annotations

import hashlib
import logging
from functools import cache
from pathlib import Path

from index.catalog import Catalog
from index.extraction import Extraction, extract
from index.records import CleanDocument

logger = logging.getLogger(__name__)

META_KEY = "extraction"  # the catalog meta key holding the fingerprint its extractions have


@cache
def extraction_fingerprint() -> str:
    """Changes whenever the code extraction runs (or the text helpers it uses) changes."""
    from index import abbreviations, extraction, gazetteer, metadata, sentences, vietnamese

    helpers = (abbreviations, gazetteer, metadata, sentences, vietnamese)
    paths = sorted(Path(extraction.__file__ or "").parent.glob("*.py"))
    digest = hashlib.sha256()
    for path in [*paths, *(Path(module.__file__ or "") for module in helpers)]:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def extract_safely(document: CleanDocument) -> Extraction:
    """The document's extraction; a fault in an extractor never keeps it out of the index."""
    try:
        return extract(document)
    except Exception:
        logger.exception("extraction failed on %s; an empty one is stored", document.source)
        return Extraction()


def refresh_extractions(catalog: Catalog) -> int:
    """Read the committed documents again if their extractions are not the current code's.

    One transaction, so readers see every old extraction or every new one, never a mix.
    Returns how many documents were read again (0 when already current).
    """
    current = extraction_fingerprint()
    if catalog.get_meta(META_KEY) == current:
        return 0
    extractions = {
        record.source: extract_safely(
            CleanDocument(
                record.source, record.sha256, record.file_type, record.text, record.metadata
            )
        )
        for record in catalog.documents()
    }
    catalog.replace_extractions(extractions, {META_KEY: current})
    return len(extractions)

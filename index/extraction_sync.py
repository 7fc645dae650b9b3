"""Keeping a catalog's extractions in step with the extraction code.

Extraction runs at index time on each new document version (the builder stores it with
the document). When the extraction code changes, or a catalog predates extraction, the
committed documents are read again in place from the cleaned text the catalog keeps:
their chunks and vectors do not depend on extraction, so no new generation is needed.
"""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

from index.catalog import Catalog
from index.code_fingerprint import code_digest
from index.extraction import Extraction, extract
from index.records import CleanDocument

logger = logging.getLogger(__name__)

META_KEY = "extraction"  # the catalog meta key holding the fingerprint its extractions have


def extraction_code() -> tuple[str, ...]:
    """Where extraction starts: each module of `index.extraction`, and the metadata reader."""
    package = Path(__file__).parent / "extraction"
    parts = [f"index.extraction.{path.stem}" for path in sorted(package.glob("[!_]*.py"))]
    return ("index.extraction", *parts, "index.metadata")


@cache
def extraction_fingerprint() -> str:
    """Changes whenever the code extraction runs (or the text helpers it uses) changes."""
    return code_digest(extraction_code())


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

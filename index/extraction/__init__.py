"""Extraction at index time: a document's identity, its duty items and its figures.

Pure functions over one clean document; the builder stores the result per document
version in the catalog, and the register, the figures table and the answerer read it.
"""

from __future__ import annotations

from index.extraction.duties import read_duties
from index.extraction.figures import read_figures
from index.extraction.identity import read_identity
from index.extraction.records import (
    DocumentIdentity,
    DocumentReference,
    DutyItem,
    Extraction,
    Figure,
)
from index.records import CleanDocument

__all__ = [
    "DocumentIdentity",
    "DocumentReference",
    "DutyItem",
    "Extraction",
    "Figure",
    "extract",
]


def extract(document: CleanDocument) -> Extraction:
    """Everything extraction reads out of one clean document."""
    identity = read_identity(document.text, document.metadata, document.file_type)
    return Extraction(
        identity=identity,
        duties=read_duties(document.text),
        figures=read_figures(document.text, identity),
    )

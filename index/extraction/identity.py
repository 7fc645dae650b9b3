"""A document's identity: kind, number, issuer, date, signer, subject, place, references."""

from __future__ import annotations

from index.extraction.records import DocumentIdentity
from index.records import DocumentMetadata


def read_identity(text: str, metadata: DocumentMetadata, file_type: str = "txt") -> DocumentIdentity:
    """The identity of a document from its cleaned text (and what metadata already read)."""
    return DocumentIdentity(kind=metadata.kind, province=metadata.province)

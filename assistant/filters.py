"""Search filters: locality, year range, document kind, cited directive number, document."""

from __future__ import annotations

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, model_validator

from index.catalog import DocumentRecord
from index.metadata import directive_key
from index.snapshot import IndexSnapshot
from index.vietnamese import fold


class SearchFilters(BaseModel):
    """Restrict a search to some documents. Unknown filter names are an error."""

    model_config = ConfigDict(extra="forbid")

    locality: str | None = Field(
        None, max_length=100, description="Province or district, with or without diacritics."
    )
    kind: str | None = Field(
        None, max_length=40, description="Document kind: chỉ thị, nghị quyết, báo cáo, tin bài..."
    )
    year_from: int | None = Field(None, ge=1900, le=2100, description="Earliest year, inclusive.")
    year_to: int | None = Field(None, ge=1900, le=2100, description="Latest year, inclusive.")
    directive: str | None = Field(
        None, max_length=60, description="A directive number the document cites, e.g. 31-CT/TU."
    )
    document: str | None = Field(None, max_length=300, description="One document's file name.")

    @model_validator(mode="after")
    def _years_in_order(self) -> SearchFilters:
        if self.year_from and self.year_to and self.year_from > self.year_to:
            raise ValueError("year_from is after year_to")
        return self

    def is_empty(self) -> bool:
        return not any(self.model_dump().values())

    def admits(self, document: DocumentRecord) -> bool:
        """Whether a document passes every filter that is set."""
        meta = document.metadata
        if self.document and document.source != self.document:
            return False
        if self.locality:
            wanted = fold(self.locality).strip()
            places = [fold(p) for p in (meta.province, meta.district) if p]
            if not any(wanted == place or wanted in place.split(", ") for place in places):
                return False
        if self.kind and fold(meta.kind or "") != fold(self.kind).strip():
            return False
        if self.year_from or self.year_to:
            if meta.year is None:
                return False
            if self.year_from and meta.year < self.year_from:
                return False
            if self.year_to and meta.year > self.year_to:
                return False
        if self.directive:
            wanted_key = directive_key(self.directive)
            if wanted_key not in {directive_key(n) for n in meta.directive_numbers}:
                return False
        return True

    def chunk_mask(self, snapshot: IndexSnapshot) -> np.ndarray:
        """Which chunks of the snapshot belong to admitted documents."""
        admitted = {s for s, record in snapshot.documents.items() if self.admits(record)}
        return np.fromiter(
            (s in admitted for s in snapshot.sources), dtype=bool, count=len(snapshot)
        )

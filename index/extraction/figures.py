"""Figures stated in a text: the value as written and as a number, with what it counts."""

from __future__ import annotations

from index.extraction.records import DocumentIdentity, Figure


def read_figures(text: str, identity: DocumentIdentity | None = None) -> tuple[Figure, ...]:
    """Every figure of a text with its counted noun, place, period and comparison."""
    return ()

"""Duty items of directives and plans: which body must do what, by when."""

from __future__ import annotations

from index.extraction.records import DutyItem


def read_duties(text: str) -> tuple[DutyItem, ...]:
    """The items of a directive or plan that give a named body a task."""
    return ()

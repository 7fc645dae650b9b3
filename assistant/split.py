"""The one fixed split of every question set into a fit half and a check half.

Rules and weights are developed on the fit half only; figures are quoted on the check half.
The split goes by document, so that no document of the check half was read while fitting:
an answerable question follows its first source, an unanswerable one (no source) follows a
hash of its id. A question set of law articles (one article a file) is thereby split by
article.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Literal

Half = Literal["fit", "check"]
HALVES: tuple[Half, ...] = ("fit", "check")


def half_of_key(key: str) -> Half:
    """The half a document name (or an unanswerable question's id) falls in: stable across
    machines and Python versions (a hash of its UTF-8 bytes, not `hash()`)."""
    return "fit" if hashlib.sha256(key.encode("utf-8")).digest()[0] % 2 == 0 else "check"


def half_of(question_id: str, sources: Sequence[str]) -> Half:
    """The half of a question: its first source's, or its id's when it has no source."""
    return half_of_key(sources[0] if sources else f"id:{question_id}")

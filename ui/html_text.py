"""Text as the page shows it: escaped for HTML, dates and kinds as Vietnamese write them.

Every piece of document or user text goes through `esc`: documents are uploaded by people
and the page renders HTML.
"""

from __future__ import annotations

import html
import re


def esc(text: str) -> str:
    """Text made safe to place inside HTML, line breaks kept as <br>.

    Spaces at the ends are kept: a fragment between two [n] links needs them.
    """
    escaped = html.escape(text, quote=True)
    return re.sub(r"[ \t]*\n\s*", "<br>", escaped)


def format_date(date: str | None) -> str:
    """ISO date as Vietnamese write it: "2019-04-23" -> "23/04/2019", "2023-03" -> "03/2023"."""
    if not date:
        return "không rõ"
    parts = date.split("-")
    return "/".join(reversed(parts)) if all(p.isdigit() for p in parts) else date


def format_kind(kind: str | None) -> str:
    return kind[:1].upper() + kind[1:] if kind else "không rõ"

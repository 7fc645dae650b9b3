"""Times as officers read them: Vietnam's clock, day first."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

VIETNAM = timezone(timedelta(hours=7), "ICT")  # no daylight saving time


def added_text(stamp: str | None) -> str | None:
    """A UTC time stamp as Vietnamese read it, in Vietnam's time: "03/12/2026 16:15"."""
    try:
        moment = datetime.fromisoformat(stamp or "")
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(VIETNAM).strftime("%d/%m/%Y %H:%M")

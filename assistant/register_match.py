"""How the register's filters match: places, words and periods, with or without diacritics."""

from __future__ import annotations

import re
from functools import lru_cache

from index.gazetteer import find_localities
from index.vietnamese import WORD_RE, fold

# Unit words written before a place name; a filter matches the name with or without one.
_UNIT_RE = re.compile(r"^(?:tinh|thanh pho|tp\.?|huyen|quan|thi xa)\s+")
_YEAR_RE = re.compile(r"\b(19|20)\d{2}\b")


def _bare(place: str) -> str:
    return _UNIT_RE.sub("", fold(place).strip())


class PlaceQuery:
    """A province or district as typed ("dien bien", "huyện Mường Nhé", "TP HCM")."""

    def __init__(self, typed: str) -> None:
        named = {fold(locality.name) for locality in find_localities(typed)}
        self.names = named | {_bare(typed)}

    def matches(self, *places: str | None) -> bool:
        """Whether any of `places` (a name, or "district, province") is the one typed, or
        a district of it ("Vị Xuyên" is in "Hà Giang")."""
        for place in places:
            for part in (place or "").split(","):
                if part.strip() and not self.names.isdisjoint(_names(part)):
                    return True
        return False


@lru_cache(maxsize=4096)
def _names(place: str) -> frozenset[str]:
    """A place's folded name, with the province of a district the gazetteer knows."""
    # A bare district name may also be a commune's or a word: tried with unit words too.
    for unit in ("", "huyện ", "thị xã ", "thành phố ", "quận "):
        found = [loc.province for loc in find_localities(unit + place.strip()) if loc.province]
        if found:
            return frozenset({_bare(place), *map(fold, found)})
    return frozenset({_bare(place)})


def contains_words(text: str, wanted: str, whole_phrase: bool = True) -> bool:
    """Whether the words of `wanted` occur in `text`, diacritics and case aside.

    With `whole_phrase`, as one run of whole words ("dân phòng" in "Đội Dân phòng", not
    "dân" in "dân cư phòng"); otherwise each word anywhere, as a word or the start of one.
    """
    words, among = _words(wanted), _words(text)
    if not words:
        return True
    if not whole_phrase:
        return all(any(w.startswith(word) for w in among) for word in words)
    size = len(words)
    return any(among[i : i + size] == words for i in range(len(among) - size + 1))


def period_matches(period: str | None, wanted: str, document_year: int | None) -> bool:
    """Whether a figure's period is the one asked for.

    A figure with no period of its own matches a year its document was issued in.
    """
    if period:
        return contains_words(period, wanted)
    years = [int(m.group()) for m in _YEAR_RE.finditer(wanted)]
    return bool(years) and document_year in years


def year_of(issued_on: str | None) -> int | None:
    """The year of an ISO date ("2024-03-15" -> 2024)."""
    head = (issued_on or "")[:4]
    return int(head) if head.isdigit() else None


def _words(text: str) -> list[str]:
    return [fold(word) for word in re.findall(rf"\d+(?:[.,/]\d+)*|{WORD_RE.pattern}", text)]

"""Provinces, districts and directive numbers named in a question or a passage.

The finders are the index's own (`index.metadata`, `index.gazetteer`), so a question and the
documents' metadata agree on what names a place or a document.
"""

from __future__ import annotations

import re
from functools import lru_cache

from index.gazetteer import CENTRAL_CITIES
from index.metadata import directive_key, find_directive_numbers, find_localities, find_provinces
from index.vietnamese import TOKEN_RE, WORD_RE, fold


def _as_typed(text: str) -> str:
    """A question typed all in lower case ("số đội dân phòng điện biên", or one whose marks
    were restored) is read as if typed without marks: the gazetteer then finds lower-case
    place names, with its stricter rules for names that are also common words. Capitals
    only in abbreviations ("... bao nhiêu vụ TNGT") do not make it typed with capitals."""
    capitalised = any(w[0].isupper() and not w.isupper() for w in TOKEN_RE.findall(text))
    return text if capitalised else fold(text)


def provinces_in(text: str) -> list[str]:
    """Provinces a text names ("dien bien" -> "Điện Biên"); a district does not name its own."""
    return find_provinces(_as_typed(text))


def districts_in(text: str) -> list[str]:
    """District-level places a text names: "Điện Biên Đông", "Tuyên Hóa". In a question all
    in lower case only after their unit word ("huyện cao phong"): many district names are
    also everyday words there ("là gì")."""
    typed = _as_typed(text)
    names = [loc.name for loc in find_localities(typed) if loc.level == "district"]
    if typed is text or typed == text:  # typed with capitals, or without marks at all
        return names
    return [name for name in names if _UNIT_BEFORE_RE(fold(name).lower()).search(typed)]


def _UNIT_BEFORE_RE(name: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:huyen|quan|thi xa|thanh pho|tp)\.? {re.escape(name)}\b")


# The kinds of a district-level unit before a name (folded): a province may have a district
# and a town of one name ("huyện A" and "thị xã A"), two places.
_UNIT_KINDS = (
    ("huyen", r"huyen|h\."),
    ("thi_xa", r"thi xa|tx\.?"),
    ("thanh_pho", r"thanh pho|tp\.?"),
    ("quan", r"(?<!co )quan"),
)
_KIND_BEFORE_RE = re.compile(
    "|".join(rf"(?P<{kind}>\b(?:{spelled}))\s*$" for kind, spelled in _UNIT_KINDS)
)
UNIT_REACH = 12  # characters before a name its unit may take ("thanh pho ")


def _kind_before(folded: str, at: int) -> str | None:
    """The kind of unit written right before `at` in a folded text ("thi_xa" in "thị xã A"),
    None when the name stands bare."""
    found = _KIND_BEFORE_RE.search(folded, max(0, at - UNIT_REACH), at)
    return found.lastgroup if found else None


def _kinds_before(folded: str, name: str) -> set[str | None]:
    """The unit kind written before each mention of the name in a folded text."""
    pattern = re.compile(rf"\b{re.escape(fold(name).lower())}\b")
    return {_kind_before(folded, m.start()) for m in pattern.finditer(folded)}


@lru_cache(maxsize=256)  # the question's side, read for each clause judged
def _kinds_named(question: str, name: str) -> frozenset[str | None]:
    return frozenset(_kinds_before(fold(question).lower(), name))


def named_as_another_unit(question: str, localities: tuple[str, ...], text: str) -> bool:
    """Each district-level place the question names with its unit ("thị xã A") is named in
    the text only with another unit ("Huyện A"): two places of one name, not the asked."""
    said = fold(text).lower()
    for name in localities:
        asked = _kinds_named(question, name)
        told = _kinds_before(said, name)
        if None in asked or len(asked) != 1 or not told or None in told or told & asked:
            return False
    return bool(localities)


def places_named(text: str) -> set[str]:
    """Every province and district a text names, with the province of each district named
    (a copy: callers may change it)."""
    return set(_places_named(text))


# The checks of one question read the same clauses, paragraphs and titles again for each
# candidate (a clause's paragraph for each clause in it): the gazetteer reads each once.
PLACES_CACHE_SIZE = 4096


@lru_cache(maxsize=PLACES_CACHE_SIZE)
def _places_named(text: str) -> frozenset[str]:
    places: set[str] = set()
    for locality in find_localities(text):
        places.add(locality.name)
        if locality.province:
            places.add(locality.province)
    return frozenset(places)


def place_with_unit(province: str) -> str:
    """A province named as a text names it: "tỉnh Cao Bằng", "thành phố Hồ Chí Minh"."""
    return f"{'thành phố' if province in CENTRAL_CITIES else 'tỉnh'} {province}"


def directive_keys_in(text: str) -> set[str]:
    """Comparable keys of the document numbers a text cites ("25-NQ/TW" and "25/NQ-TW" agree)."""
    return {directive_key(number) for number in find_directive_numbers(text)}


def name_syllables(text: str) -> list[str]:
    """Capitalised syllables of names ("Sóc Trăng", "HĐND"), not a question's first word alone."""
    words = WORD_RE.findall(text)
    return [
        word
        for i, word in enumerate(words)
        if word[:1].isupper() and (i > 0 or (len(words) > 1 and words[1][:1].isupper()))
    ]


def named_units(text: str) -> list[str]:
    """Runs of capitalised syllables ("Công an tỉnh Sóc Trăng", "HĐND") in the question."""
    runs: list[list[str]] = []
    previous_end = -1
    for match in TOKEN_RE.finditer(text):
        word = match.group()
        if not word[:1].isupper():
            previous_end = -1
            continue
        if runs and previous_end >= 0 and text[previous_end : match.start()] == " ":
            runs[-1].append(word)
        else:
            runs.append([word])
        previous_end = match.end()
    return [" ".join(run) for run in runs if len(run) > 1 or (run[0].isupper() and len(run[0]) > 1)]

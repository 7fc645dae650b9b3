"""Vietnam's provinces and districts, found in documents and in questions.

The names come from `data/places.json`, written by `scripts/build_places.py` from the
`vietnamadminunits` library: the 63 provinces before the 1 July 2025 merger with all their
districts, and the 34 provinces after it (documents of both periods are indexed).

Names are matched on whole words. In a text written with diacritics a place name must be
capitalised and spelled with its own tones ("Hòa Bình" is a province, "hòa bình" is peace);
in a question typed without diacritics ("dien bien") the folded form is enough. A district
whose name is also a province's, a commune's or an everyday phrase counts only after its unit
word ("huyện Châu Thành", "thành phố Vinh").
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib.resources import files
from typing import Any, NamedTuple

from index.vietnamese import WORD_RE, canonical_syllable, fold_syllable, looks_unaccented, nfc


def _load() -> dict[str, Any]:
    text = files("index").joinpath("data", "places.json").read_text(encoding="utf-8")
    places: dict[str, Any] = json.loads(text)
    return places


_PLACES = _load()
PROVINCES = tuple(p["name"] for p in _PLACES["provinces"])  # the 63, north to south
# Every name a province is written under, its own and former ones -> the province.
PROVINCE_NAMES = {
    alias: p["name"] for p in _PLACES["provinces"] for alias in [p["name"], *p["former_names"]]
}
PROVINCES_2025 = tuple(p["name"] for p in _PLACES["provinces_2025"])  # the 34
# Old province -> the province it is part of since 1 July 2025 (only those merged away).
MERGED_2025 = {
    p["name"]: p["after_2025"] for p in _PLACES["provinces"] if p["after_2025"] != p["name"]
}
MERGER_2025 = "2025-07"  # provinces merged on 1 July 2025


def province_on(name: str, issued_on: str | None) -> str:
    """The province a place of province `name` belongs to in a document of that date: after
    the merger, Bến Tre's places are the new Vĩnh Long's (its old name now a ward's)."""
    return MERGED_2025.get(name, name) if after_merger(issued_on) else name


def after_merger(issued_on: str | None) -> bool:
    """A document of that date speaks of the 34 provinces of 1 July 2025 and after."""
    return bool(issued_on and issued_on[:7] >= MERGER_2025)


# Said with "thành phố"/"TP" these are still province-level (centrally-run cities).
CENTRAL_CITIES = frozenset(
    p["name"] for p in _PLACES["provinces"] + _PLACES["provinces_2025"] if p["unit"] == "thành phố"
)

_COMMUNE_WORDS = {
    *("xã", "phường", "thị trấn", "thôn", "bản", "xóm", "ấp", "khóm", "khu phố", "tiểu khu"),
}
# CAH: Công an huyện; "huyện đảo": an island district ("huyện đảo Phú Quý")
_DISTRICT_WORDS = {"huyện", "huyện đảo", "quận", "thị xã", "thành phố", "tp", "tx", "cah"}
_PROVINCE_WORDS = {"tỉnh"}
# What must precede a name that needs its unit word: "TP Hồ Chí Minh" (not the person).
_NEEDED_PREFIX = {"district": {"huyện"}, "province": {"huyện", "tỉnh"}}
# Typed without diacritics "ban" and "to" are everyday words, not "bản" and "tổ".
_LOOSE_COMMUNE_WORDS = {"xa", "phuong", "thi tran", "thon", "xom", "ap", "khom", "khu pho"}
_GAPS = frozenset({"", "-", "–"})
_PREFIX_GAPS = frozenset({"", ".", "-"})  # "TP.HCM", "TP. Điện Biên Phủ"
# A route, bridge, river or pass named after places ("tuyến Quản Lộ - Phụng Hiệp", "đường
# Hà Nội", "cầu Cần Thơ"): the names in it are the feature's, no place spoken of.
_NAMES_A_FEATURE_RE = re.compile(
    r"(?:\b(?:[Tt]uyến|[Đđ]ường|[Qq]uốc lộ|[Tt]ỉnh lộ|[Cc]ao tốc|[Cc]ầu|[Ss]ông|[Đđ]èo|[Kk]ênh)"
    r"(?: (?:[A-ZĐ][\w]*|\d+[A-Z]?))*(?: ?[-–] ?)?) ?$"
)
_FEATURE_REACH = 60  # characters back: the feature's word and the names before this one


def _names_a_feature(text: str, at: int) -> bool:
    return _NAMES_A_FEATURE_RE.search(text, max(at - _FEATURE_REACH, 0), at) is not None


# Between the items of a list of places: "huyện A, B và C".
LIST_GAP_RE = re.compile(r"\s*(?:,|,?\s+(?:và|va))\s+")


@dataclass(frozen=True)
class Locality:
    """A place named in a text: a province, or a district with its province when known."""

    name: str
    level: str  # "province" | "district"
    province: str | None


@dataclass(frozen=True)
class _Entry:
    name: str
    level: str
    province: str | None
    prefixed_only: bool
    canonical: tuple[str, ...] | None  # None: known only without diacritics, any accents do
    # Typed without diacritics it is an everyday word ("van ban"): then only after its unit word.
    loose_prefixed_only: bool = False
    # Districts of other provinces with the same name ("Châu Thành"): told apart by context.
    provinces: tuple[str, ...] = ()


class _Token(NamedTuple):  # a NamedTuple: built for every word of every document
    text: str
    start: int
    end: int
    canonical: str
    folded: str


def _key(name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    canonical = tuple(canonical_syllable(w) for w in WORD_RE.findall(nfc(name)))
    return canonical, tuple(fold_syllable(w) for w in canonical)


MIN_INITIALS = 3  # "BR-VT", "TTH"; two letters name several provinces


def _all_initials(name: str) -> str:
    return "".join(fold_syllable(w)[0] for w in WORD_RE.findall(nfc(name))).lower()


_INITIALS_TAKEN = Counter(_all_initials(p["name"]) for p in _PLACES["provinces"])


def _initials(name: str) -> str | None:
    """A province of three syllables or more by its initials, split where its name is
    hyphenated: "Bà Rịa - Vũng Tàu" -> "br vt", "Thừa Thiên Huế" -> "tth"; None for a shorter
    name ("QN" is Quảng Nam, Quảng Ninh and Quảng Ngãi alike) or initials another shares."""
    parts = [
        "".join(fold_syllable(w)[0] for w in WORD_RE.findall(nfc(part)))
        for part in re.split(r"\s+[-–]\s+", name)
    ]
    if sum(len(p) for p in parts) < MIN_INITIALS or _INITIALS_TAKEN["".join(parts).lower()] > 1:
        return None
    return " ".join(parts).lower()


def _province_entries() -> Iterator[tuple[str, _Entry]]:
    for province in _PLACES["provinces"]:
        name = province["name"]
        prefixed = province["needs_unit_word"]
        abbreviations = province["abbreviations"]  # "HCM" is read only after "TP" ("TP.HCM")
        for alias in [name, *province["former_names"]]:
            yield alias, _Entry(name, "province", name, prefixed, _key(alias)[0])
            # Written as one word without diacritics: "Kontum", "Daklak", "Hanoi".
            compact = "".join(_key(alias)[1])
            if len(_key(alias)[1]) > 1:
                yield compact, _Entry(name, "province", name, prefixed, (compact,))
        initials = _initials(name)
        # "BR-VT", "BRVT": a long name by its initials
        if initials is not None and initials.replace(" ", "").upper() not in abbreviations:
            parts = tuple(initials.split())
            yield initials, _Entry(name, "province", name, False, parts)
            yield "".join(parts), _Entry(name, "province", name, False, ("".join(parts),))
        for abbreviation in province["abbreviations"]:  # "TP.HCM", "TPHCM"
            abbreviation = abbreviation.lower()
            yield abbreviation, _Entry(name, "province", name, True, (abbreviation,))
            yield f"tp{abbreviation}", _Entry(name, "province", name, False, (f"tp{abbreviation}",))


def _district_entries() -> Iterator[tuple[str, _Entry]]:
    by_name: dict[str, list[dict[str, Any]]] = {}
    for district in _PLACES["districts"]:
        by_name.setdefault(district["name"], []).append(district)
    for name, districts in by_name.items():
        provinces = tuple(d["province"] for d in districts)
        prefixed = any(d["needs_unit_word"] for d in districts)
        loose_prefixed = any(d["folds_to_a_word"] for d in districts)
        province = provinces[0] if len(provinces) == 1 else None
        canonical = _key(name)[0]
        entry = _Entry(name, "district", province, prefixed, canonical, loose_prefixed, provinces)
        yield name, entry
    for former in _PLACES["former_districts"]:  # "thị xã Cửa Lò": named as written
        yield former["folded"], _Entry("", "district", former["province"], True, None)


@lru_cache(maxsize=1)
def _index() -> dict[str, list[tuple[tuple[str, ...], _Entry]]]:
    """Entries by the folded form of their first word, longest names first."""
    index: dict[str, list[tuple[tuple[str, ...], _Entry]]] = {}
    for name, entry in [*_province_entries(), *_district_entries()]:
        _, folded = _key(name)
        index.setdefault(folded[0], []).append((folded, entry))
    for candidates in index.values():
        # Longest name first; for the same name a district ("huyện Quảng Ninh") before the province.
        candidates.sort(key=lambda item: (-len(item[0]), item[1].level != "district"))
    return index


@lru_cache(maxsize=1)
def _folded_provinces() -> frozenset[tuple[str, ...]]:
    """Province names as folded word tuples: what an unmarked name is read as first."""
    return frozenset(_key(name)[1] for name, _ in _province_entries())


def _tokens(text: str) -> list[_Token]:
    tokens = []
    for m in WORD_RE.finditer(text):
        canonical = canonical_syllable(m.group())
        tokens.append(_Token(m.group(), m.start(), m.end(), canonical, fold_syllable(canonical)))
    return tokens


def _joined(text: str, tokens: list[_Token], i: int, j: int, gaps: frozenset[str] = _GAPS) -> bool:
    """True when tokens i..j-1 are one name: only spaces or a hyphen between them."""
    return all(text[tokens[k].end : tokens[k + 1].start].strip() in gaps for k in range(i, j - 1))


def _prefix(text: str, tokens: list[_Token], i: int, loose: bool) -> str:
    """The administrative word just before token i ("xã", "huyện", "thị xã", ...), or ""."""
    for width in (2, 1):
        if i - width < 0 or not _joined(text, tokens, i - width, i + 1, _PREFIX_GAPS):
            continue
        words = tokens[i - width : i]
        # "H. Nghĩa Hành", as tables and officers shorten "huyện"; not a name's initial
        # ("Nguyễn Văn H. Long An").
        initial = i >= 2 and tokens[i - 2].text[0].isupper()
        shortened = text[words[0].end : tokens[i].start].strip() == "."
        if width == 1 and words[0].text == "H" and shortened and not initial:
            return "huyện"
        if loose:
            phrase = " ".join(t.folded for t in words)
            if phrase in _LOOSE_COMMUNE_WORDS:
                return "xã"
            if phrase in {"huyen", "huyen dao", "quan", "thi xa", "thanh pho", "tp", "tx", "cah"}:
                return "huyện"
            if phrase == "tinh":
                return "tỉnh"
            continue
        phrase = " ".join(t.canonical for t in words)
        for level_words, level in (
            (_COMMUNE_WORDS, "xã"),
            (_DISTRICT_WORDS, "huyện"),
            (_PROVINCE_WORDS, "tỉnh"),
        ):
            if phrase in level_words:
                return level
    return ""


def _ends_a_name(text: str, tokens: list[_Token], i: int) -> bool:
    """True when token i follows a capitalised word of the same name ("Nguyễn Đức Thọ").

    A capitalised word opening the text or after a full stop, colon or dash is a sentence's
    first word ("Tại Thạch Hà"); an acronym or a word in capitals ("UBND Thạch Hà", "Ở THẠCH
    HÀ") is not a person's name.
    """
    if i == 0 or text[tokens[i - 1].end : tokens[i].start] != " ":
        return False
    before = tokens[i - 1].text
    if not before[0].isupper() or before.isupper():
        return False
    return i - 1 > 0 and text[tokens[i - 2].end : tokens[i - 1].start].strip(" ,") == ""


MIN_BARE_SPELLED_SYLLABLES = 3


def _match_at(
    tokens: list[_Token], i: int, text: str, loose: bool, prefix: str
) -> tuple[int, _Entry] | None:
    # A name written with its marks first ("huyện Thạnh Hóa" is Long An's district, not
    # Thanh Hóa); then, after a unit word, one whose marks are wrong.
    exact = _match_marked(tokens, i, text, loose, prefix, tolerant=False)
    if exact is not None or loose:
        return exact
    found = _match_marked(tokens, i, text, loose, prefix, tolerant=True)
    # ... or, without one, a name of three syllables and more, spelled as people write it
    # ("Hoàng Su Phí" for "Hoàng Su Phì"): so long a run of capitals is no common word.
    if found is not None and (prefix or found[0] - i >= MIN_BARE_SPELLED_SYLLABLES):
        return found
    return None


def _match_marked(
    tokens: list[_Token], i: int, text: str, loose: bool, prefix: str, tolerant: bool
) -> tuple[int, _Entry] | None:
    for folded, entry in _index().get(tokens[i].folded, []):
        j = i + len(folded)
        if j > len(tokens) or tuple(t.folded for t in tokens[i:j]) != folded:
            continue
        if not _joined(text, tokens, i, j):
            continue
        prefixed_only = entry.prefixed_only or (loose and entry.loose_prefixed_only)
        if prefixed_only and prefix not in _NEEDED_PREFIX[entry.level]:
            continue
        if (
            loose
            and entry.level == "district"
            and prefix != "huyện"
            and folded in _folded_provinces()
        ):
            continue  # "thanh hoa" typed without marks is the province, not Thạnh Hóa (Long An)
        span = tokens[i:j]
        if (
            loose
            and not prefix
            and not span[0].text[0].isupper()
            and any(t.text[0].isupper() for t in span[1:])
        ):
            continue  # "cho Don Bien phong": a name typed with capitals opens at its capital
        # After its unit word a name may carry a wrong mark ("huyện Sông Hình" restored from
        # "huyen Song Hinh"): the unit word says a place is meant.
        marked = entry.canonical in (None, tuple(t.canonical for t in span)) or tolerant
        if not loose and (not marked or not all(t.text[0].isupper() for t in span)):
            continue
        if entry.level == "district" and not prefix and not loose and _ends_a_name(text, tokens, i):
            continue
        return j, entry
    return None


# Between a district and the province it is of: "Châu Thành Tây Ninh", "Châu Thành, tỉnh
# Tây Ninh", "Châu Thành (Tây Ninh)".
_OF_PROVINCE_GAP_RE = re.compile(r"\s*[,(]?\s*(?:(?:tỉnh|tinh|Tỉnh|Tinh)\s+)?")


def _followed_by_its_province(
    tokens: list[_Token], i: int, text: str, loose: bool
) -> tuple[int, _Entry] | None:
    """A district that needs its unit word, read without it where its own province's name
    follows: the province says a place is meant, and which of the districts sharing the
    name ("Châu Thành" of Tây Ninh, not of Long An)."""
    found = _match_marked(tokens, i, text, loose, "huyện", tolerant=False)
    if found is None or found[1].level != "district" or not found[1].prefixed_only:
        return None
    j, entry = found
    gap = _OF_PROVINCE_GAP_RE.match(text, tokens[j - 1].end)
    after = gap.end() if gap else tokens[j - 1].end
    k = next((n for n in range(j, min(j + 2, len(tokens))) if tokens[n].start == after), None)
    if k is None:
        return None
    province = _match_marked(tokens, k, text, loose, "tỉnh", tolerant=False)
    if province is None or province[1].level != "province":
        return None
    own = entry.provinces or (entry.province,)
    return (j, replace(entry, province=province[1].name)) if province[1].name in own else None


def _locality(entry: _Entry, prefix: str, written: list[_Token]) -> Locality:
    if not entry.name:
        return Locality(" ".join(t.text.capitalize() for t in written), "district", entry.province)
    if entry.level == "province" and prefix == "huyện" and entry.name not in CENTRAL_CITIES:
        # "thành phố Hà Tĩnh", "huyện Điện Biên": a district-level unit of that province.
        return Locality(entry.name, "district", entry.province)
    return Locality(entry.name, entry.level, entry.province)


@dataclass(frozen=True)
class PlaceSpan:
    """Where a text names a province or district, as the gazetteer spells it, and whether a
    unit word ("huyện", "tỉnh", "TX", "CAH") says a place is meant."""

    start: int
    end: int
    name: str
    with_unit: bool


def place_spans(text: str) -> list[PlaceSpan]:
    """Each province or district a text names: "huyen Song Hinh" holds "Sông Hinh" at 6-15
    after its unit word (the restorer writes it so)."""
    return [
        PlaceSpan(start, end, locality.name, bool(prefix))
        for locality, _, start, end, prefix in _located(nfc(text))
    ]


def _mentions(text: str) -> Iterator[tuple[Locality, _Entry]]:
    for locality, entry, _, _, _ in _located(nfc(text)):
        yield locality, entry


def _located(text: str) -> Iterator[tuple[Locality, _Entry, int, int, str]]:
    loose = looks_unaccented(text)
    tokens = _tokens(text)
    i, listed_after = 0, -1  # where a list of districts may go on ("huyện A, B và C")
    index = _index()
    while i < len(tokens):
        if tokens[i].folded not in index or not (loose or tokens[i].text[0].isupper()):
            i += 1
            continue
        prefix = _prefix(text, tokens, i, loose)
        if not prefix and not loose and _names_a_feature(text, tokens[i].start):
            i += 1  # "tuyến Quản Lộ - Phụng Hiệp", "cầu Cần Thơ": a road's or bridge's name
            continue
        if not prefix and LIST_GAP_RE.fullmatch(text, listed_after, tokens[i].start):
            prefix = "huyện"  # the list's unit word: "các huyện Mỹ Tú, Kế Sách"
        found = _match_at(tokens, i, text, loose, prefix)
        if found is None and not prefix:
            found = _followed_by_its_province(tokens, i, text, loose)
            prefix = "huyện" if found is not None else prefix
        if found is None:
            i += 1
            continue
        j, entry = found
        if prefix != "xã":  # a commune sharing the name ("xã Thanh Hóa" in Tuyên Hóa) is skipped
            locality = _locality(entry, prefix, tokens[i:j])
            listed_after = tokens[j - 1].end if locality.level == "district" else -1
            yield locality, entry, tokens[i].start, tokens[j - 1].end, prefix
        i = j


def bare_districts(text: str) -> list[PlaceSpan]:
    """The districts a text would name if a unit word stood before them: "Ninh Sơn" in
    "Ninh Sơn thu giữ ..." (a name also a commune's, read alone as none). Two syllables or
    more, written as the gazetteer spells them (any case for a text without diacritics)."""
    loose = looks_unaccented(text)
    tokens = _tokens(text)
    found = []
    i = 0
    while i < len(tokens):
        match = _match_marked(tokens, i, text, loose, "huyện", tolerant=False)
        if match is None or match[1].level != "district" or match[0] - i < 2:
            i += 1
            continue
        j, entry = match
        locality = _locality(entry, "huyện", tokens[i:j])
        found.append(PlaceSpan(tokens[i].start, tokens[j - 1].end, locality.name, False))
        i = j
    return found


def locality_mentions(text: str) -> Iterator[Locality]:
    """Every place mention in order, repeats included (for counting).

    A district name several provinces share ("huyện Châu Thành") takes the province the
    text names among them, and no province when it names none or several.
    """
    mentions = list(_mentions(text))
    named = {loc.province for loc, _ in mentions if loc.level == "province"}
    for locality, entry in mentions:
        candidates = [p for p in entry.provinces if p in named]
        if locality.province is None and len(candidates) == 1:
            locality = replace(locality, province=candidates[0])
        yield locality


def find_localities(text: str) -> list[Locality]:
    """Places named in a text, first mention first, without repeats."""
    return list(dict.fromkeys(locality_mentions(text)))


def find_provinces(text: str) -> list[str]:
    """Provinces named in a text ("dien bien" -> "Điện Biên"), first mention first.

    A district is not its province: "Điện Biên Đông" alone does not name "Điện Biên", while
    "thành phố Hà Tĩnh" or "huyện Điện Biên" do (the unit carries the province's name).
    """
    names = [
        loc.name if loc.level == "province" else loc.province
        for loc in locality_mentions(text)
        if loc.level == "province" or loc.name == loc.province
    ]
    return list(dict.fromkeys(n for n in names if n))

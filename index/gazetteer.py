"""Vietnam's provinces and some districts, found in documents and in questions.

Names are matched on whole words. In a text written with diacritics a place name must be
capitalised and spelled with its own tones ("Hòa Bình" is a province, "hòa bình" is peace);
in a question typed without diacritics ("dien bien") the folded form is enough.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from index.vietnamese import WORD_RE, canonical_syllable, fold_syllable, looks_unaccented, nfc

# The 63 provinces and centrally-run cities before the 2025 merger, with other spellings.
_PROVINCES = """
Hà Nội|Hanoi; Hồ Chí Minh*|HCM*|TPHCM|Sài Gòn; Hải Phòng; Đà Nẵng; Cần Thơ; Hà Giang; Cao Bằng;
Bắc Kạn|Bắc Cạn; Tuyên Quang; Lào Cai; Điện Biên; Lai Châu; Sơn La; Yên Bái; Hòa Bình;
Thái Nguyên; Lạng Sơn; Quảng Ninh; Bắc Giang; Phú Thọ; Vĩnh Phúc; Bắc Ninh; Hải Dương; Hưng Yên;
Thái Bình; Hà Nam; Nam Định; Ninh Bình; Thanh Hóa; Nghệ An; Hà Tĩnh; Quảng Bình; Quảng Trị;
Thừa Thiên Huế|Huế; Quảng Nam; Quảng Ngãi; Bình Định; Phú Yên; Khánh Hòa; Ninh Thuận;
Bình Thuận; Kon Tum|Kontum; Gia Lai; Đắk Lắk|Đắc Lắc|Đăk Lăk|Daklak; Đắk Nông|Đăk Nông;
Lâm Đồng; Bình Phước; Tây Ninh; Bình Dương; Đồng Nai; Bà Rịa - Vũng Tàu|Bà Rịa|BR-VT; Long An;
Tiền Giang; Bến Tre; Trà Vinh; Vĩnh Long; Đồng Tháp; An Giang; Kiên Giang; Hậu Giang;
Sóc Trăng; Bạc Liêu; Cà Mau
"""
PROVINCES = tuple(group.split("|")[0].strip().rstrip("*") for group in _PROVINCES.split(";"))
# Said with "thành phố"/"TP" these are still province-level (centrally-run cities).
CENTRAL_CITIES = frozenset(
    {"Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Thừa Thiên Huế"}
)

# Districts (and district-level towns and cities) whose province is certain. "*" marks names
# that are only a district when written after "huyện", "thị xã" or "thành phố": on their own
# they are a province or too common a commune name.
_DISTRICTS = """
Điện Biên: Điện Biên Phủ, Mường Lay, Điện Biên*, Điện Biên Đông, Mường Ảng, Mường Chà,
  Mường Nhé, Nậm Pồ, Tủa Chùa, Tuần Giáo
Quảng Bình: Đồng Hới, Ba Đồn, Bố Trạch, Lệ Thủy, Minh Hóa, Quảng Ninh*, Quảng Trạch, Tuyên Hóa
Sóc Trăng: Vĩnh Châu, Ngã Năm, Cù Lao Dung, Kế Sách, Long Phú, Mỹ Tú, Mỹ Xuyên, Thạnh Trị, Trần Đề
Hà Tĩnh: Hồng Lĩnh, Kỳ Anh, Can Lộc, Cẩm Xuyên, Đức Thọ, Hương Khê, Hương Sơn, Lộc Hà,
  Nghi Xuân, Thạch Hà, Vũ Quang
Nghệ An: Vinh*, Cửa Lò
Thanh Hóa: Sầm Sơn
Quảng Ninh: Hạ Long, Móng Cái, Cẩm Phả, Uông Bí
Đắk Lắk: Buôn Ma Thuột
Gia Lai: Pleiku
Lâm Đồng: Đà Lạt, Bảo Lộc
Khánh Hòa: Nha Trang, Cam Ranh
Bình Định: Quy Nhơn
Bà Rịa - Vũng Tàu: Vũng Tàu
Đồng Nai: Biên Hòa
Bình Dương: Thủ Dầu Một
Tiền Giang: Mỹ Tho
Kiên Giang: Rạch Giá, Phú Quốc
An Giang: Long Xuyên, Châu Đốc
Đồng Tháp: Cao Lãnh, Sa Đéc
Phú Thọ: Việt Trì
Hà Nam: Phủ Lý
Quảng Trị: Đông Hà
Quảng Nam: Tam Kỳ, Hội An
Phú Yên: Tuy Hòa
Bình Thuận: Phan Thiết
Hậu Giang: Vị Thanh
Bình Phước: Đồng Xoài
Đắk Nông: Gia Nghĩa
Lào Cai: Sa Pa
"""

# The 2025 merger (34 provincial units): old province -> the province it is now part of.
MERGED_2025 = {
    "Hà Giang": "Tuyên Quang", "Yên Bái": "Lào Cai", "Bắc Kạn": "Thái Nguyên",
    "Vĩnh Phúc": "Phú Thọ", "Hòa Bình": "Phú Thọ", "Bắc Giang": "Bắc Ninh",
    "Thái Bình": "Hưng Yên", "Hải Dương": "Hải Phòng", "Hà Nam": "Ninh Bình",
    "Nam Định": "Ninh Bình", "Quảng Bình": "Quảng Trị", "Quảng Nam": "Đà Nẵng",
    "Kon Tum": "Quảng Ngãi", "Bình Định": "Gia Lai", "Ninh Thuận": "Khánh Hòa",
    "Đắk Nông": "Lâm Đồng", "Bình Thuận": "Lâm Đồng", "Phú Yên": "Đắk Lắk",
    "Bình Dương": "Hồ Chí Minh", "Bà Rịa - Vũng Tàu": "Hồ Chí Minh", "Bình Phước": "Đồng Nai",
    "Long An": "Tây Ninh", "Sóc Trăng": "Cần Thơ", "Hậu Giang": "Cần Thơ",
    "Bến Tre": "Vĩnh Long", "Trà Vinh": "Vĩnh Long", "Tiền Giang": "Đồng Tháp",
    "Bạc Liêu": "Cà Mau", "Kiên Giang": "An Giang",
}  # fmt: skip

_COMMUNE_WORDS = {
    "xã",
    "phường",
    "thị trấn",
    "thôn",
    "bản",
    "xóm",
    "ấp",
    "khóm",
    "khu phố",
    "tiểu khu",
}
_DISTRICT_WORDS = {"huyện", "quận", "thị xã", "thành phố", "tp"}
_PROVINCE_WORDS = {"tỉnh"}
# What must precede a name marked "*": "TP Hồ Chí Minh" (not the person), "thành phố Vinh".
_NEEDED_PREFIX = {"district": {"huyện"}, "province": {"huyện", "tỉnh"}}
# Typed without diacritics "ban" and "to" are everyday words, not "bản" and "tổ".
_LOOSE_COMMUNE_WORDS = {"xa", "phuong", "thi tran", "thon", "xom", "ap", "khom", "khu pho"}
_GAPS = frozenset({"", "-", "–"})
_PREFIX_GAPS = frozenset({"", ".", "-"})  # "TP.HCM", "TP. Điện Biên Phủ"


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
    canonical: tuple[str, ...]


class _Token(NamedTuple):  # a NamedTuple: built for every word of every document
    text: str
    start: int
    end: int
    canonical: str
    folded: str


def _key(name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    canonical = tuple(canonical_syllable(w) for w in WORD_RE.findall(nfc(name)))
    return canonical, tuple(fold_syllable(w) for w in canonical)


@lru_cache(maxsize=1)
def _index() -> dict[str, list[tuple[tuple[str, ...], _Entry]]]:
    """Entries by the folded form of their first word, longest names first."""
    entries: list[tuple[str, _Entry]] = []
    for group in _PROVINCES.split(";"):
        names = [n.strip() for n in group.split("|")]
        province = names[0].rstrip("*")
        for alias in names:
            canonical, _ = _key(alias.rstrip("*"))
            entry = _Entry(province, "province", province, alias.endswith("*"), canonical)
            entries.append((alias.rstrip("*"), entry))
    for line in re.split(r"\n(?=\S)", _DISTRICTS.strip()):
        province, _, districts = line.partition(":")
        for raw in districts.split(","):
            name = raw.strip().rstrip("*")
            canonical, _ = _key(name)
            entry = _Entry(name, "district", province, raw.strip().endswith("*"), canonical)
            entries.append((name, entry))
    index: dict[str, list[tuple[tuple[str, ...], _Entry]]] = {}
    for name, entry in entries:
        _, folded = _key(name)
        index.setdefault(folded[0], []).append((folded, entry))
    for candidates in index.values():
        # Longest name first; for the same name a district ("huyện Quảng Ninh") before the province.
        candidates.sort(key=lambda item: (-len(item[0]), item[1].level != "district"))
    return index


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
        if loose:
            phrase = " ".join(t.folded for t in words)
            if phrase in _LOOSE_COMMUNE_WORDS:
                return "xã"
            if phrase in {"huyen", "quan", "thi xa", "thanh pho", "tp"}:
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


def _match_at(
    tokens: list[_Token], i: int, text: str, loose: bool, prefix: str
) -> tuple[int, _Entry] | None:
    for folded, entry in _index().get(tokens[i].folded, []):
        j = i + len(folded)
        if j > len(tokens) or tuple(t.folded for t in tokens[i:j]) != folded:
            continue
        if not _joined(text, tokens, i, j):
            continue
        if entry.prefixed_only and prefix not in _NEEDED_PREFIX[entry.level]:
            continue
        span = tokens[i:j]
        if not loose and (
            tuple(t.canonical for t in span) != entry.canonical
            or not all(t.text[0].isupper() for t in span)
        ):
            continue
        return j, entry
    return None


def _locality(entry: _Entry, prefix: str) -> Locality:
    if entry.level == "province" and prefix == "huyện" and entry.name not in CENTRAL_CITIES:
        # "thành phố Hà Tĩnh", "huyện Điện Biên": a district-level unit of that province.
        return Locality(entry.name, "district", entry.province)
    return Locality(entry.name, entry.level, entry.province)


def locality_mentions(text: str) -> Iterator[Locality]:
    """Every place mention in order, repeats included (for counting)."""
    text = nfc(text)
    loose = looks_unaccented(text)
    tokens = _tokens(text)
    i = 0
    index = _index()
    while i < len(tokens):
        if tokens[i].folded not in index or not (loose or tokens[i].text[0].isupper()):
            i += 1
            continue
        prefix = _prefix(text, tokens, i, loose)
        found = _match_at(tokens, i, text, loose, prefix)
        if found is None:
            i += 1
            continue
        j, entry = found
        if prefix != "xã":  # a commune sharing the name ("xã Thanh Hóa" in Tuyên Hóa) is skipped
            yield _locality(entry, prefix)
        i = j


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

"""Abbreviations of Vietnamese public-security and administration texts, and their expansion.

"bảo vệ ANTQ" becomes "bảo vệ ANTQ (an ninh Tổ quốc)", so a question typed with the abbreviation
finds passages that spell it out and the other way round. Used on questions and on chunk text.
"""

from __future__ import annotations

import re

from index.vietnamese import fold

ABBREVIATIONS: dict[str, str] = {
    # Security and order
    "ANTT": "an ninh trật tự",
    "ANTQ": "an ninh Tổ quốc",
    "ANQG": "an ninh quốc gia",
    "ANND": "an ninh nhân dân",
    "ANCS": "an ninh cơ sở",
    "TTATXH": "trật tự an toàn xã hội",
    "TTXH": "trật tự xã hội",
    "ATXH": "an toàn xã hội",
    "ATGT": "an toàn giao thông",
    "TTATGT": "trật tự an toàn giao thông",
    "TTĐT": "trật tự đô thị",
    "PCCC": "phòng cháy chữa cháy",
    "CNCH": "cứu nạn cứu hộ",
    "PCTP": "phòng chống tội phạm",
    "TNGT": "tai nạn giao thông",
    "VPPL": "vi phạm pháp luật",
    "VPHC": "vi phạm hành chính",
    "GPLX": "giấy phép lái xe",
    "ATTP": "an toàn thực phẩm",
    "BVANTT": "bảo vệ an ninh trật tự",
    "TNXH": "tệ nạn xã hội",
    "PPHS": "phạm pháp hình sự",
    "BLHS": "Bộ luật Hình sự",
    "CCCD": "căn cước công dân",
    "KCN": "khu công nghiệp",
    "XCTP": "xuất cảnh trái phép",
    "NCTP": "nhập cảnh trái phép",
    "XNC": "xuất nhập cảnh",
    "ANM": "an ninh mạng",
    "PCMT": "phòng chống ma túy",
    "PCTN": "phòng chống tham nhũng",
    "TTHC": "thủ tục hành chính",
    "GLTM": "gian lận thương mại",
    "XKLĐ": "xuất khẩu lao động",
    "CSDL": "cơ sở dữ liệu",
    "ĐDĐT": "định danh điện tử",
    "VNeID": "định danh điện tử",  # the app of the account: "kích hoạt VNeID mức 2"
    "GPMB": "giải phóng mặt bằng",
    "QPTD": "quốc phòng toàn dân",
    "QP-AN": "quốc phòng - an ninh",
    "BVANTQ": "bảo vệ an ninh Tổ quốc",
    "BVDP": "bảo vệ dân phố",
    # Police
    "CA": "công an",  # "Trưởng CA huyện", "CA tỉnh"
    "CBCS": "cán bộ, chiến sĩ",  # "bố trí 120 CBCS"
    "CAND": "Công an nhân dân",
    "CAX": "công an xã",
    "CAP": "công an phường",
    "CAH": "công an huyện",
    "CAT": "công an tỉnh",
    "CATP": "công an thành phố",
    "CSGT": "cảnh sát giao thông",
    "CSKV": "cảnh sát khu vực",
    "CSCĐ": "cảnh sát cơ động",
    "CSHS": "cảnh sát hình sự",
    "CSĐT": "cảnh sát điều tra",
    "CSND": "Cảnh sát nhân dân",
    "QLHC": "quản lý hành chính",
    "BĐBP": "Bộ đội Biên phòng",
    "CKQT": "Cửa khẩu quốc tế",  # "Đồn Biên phòng CKQT A"
    "CKQG": "Cửa khẩu quốc gia",
    "BCA": "Bộ Công an",
    "BQP": "Bộ Quốc phòng",
    "QĐND": "Quân đội nhân dân",
    "CHQS": "Chỉ huy quân sự",
    "BCHQS": "Bộ Chỉ huy quân sự",
    "CH": "Chỉ huy",  # "Bộ CH BĐBP", "Bộ CH Quân sự tỉnh"
    "ĐUCA": "Đảng ủy Công an",
    "TAND": "Tòa án nhân dân",
    "VKSND": "Viện kiểm sát nhân dân",
    # Government, Party and mass organisations
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "MTTQ": "Mặt trận Tổ quốc",
    "UBMTTQ": "Ủy ban Mặt trận Tổ quốc",
    "BCĐ": "Ban Chỉ đạo",
    "BTV": "Ban Thường vụ",
    "BCH": "Ban Chấp hành",
    "TW": "Trung ương",
    "HĐTV": "Hội đồng thành viên",
    "VPUB": "Văn phòng Ủy ban nhân dân",
    "CQDN": "cơ quan, doanh nghiệp",
    "BHXH": "bảo hiểm xã hội",
    "BHYT": "bảo hiểm y tế",
    "CCB": "Cựu chiến binh",
    "LHPN": "Liên hiệp Phụ nữ",
    "HLHPN": "Hội Liên hiệp Phụ nữ",
    "LĐLĐ": "Liên đoàn Lao động",
    "BQL": "Ban Quản lý",
    "GHPGVN": "Giáo hội Phật giáo Việt Nam",
    # Offices of the state outside the provincial departments: "Cục QLTT", "NHNN chi nhánh"
    "QLTT": "Quản lý thị trường",
    "NHNN": "Ngân hàng Nhà nước",
    "NHCSXH": "Ngân hàng Chính sách xã hội",
    "KBNN": "Kho bạc Nhà nước",
    "ĐTN": "Đoàn Thanh niên",
    # Provincial departments ("Sở GD&ĐT"). Written once: the same initials typed with other
    # separators or none ("Sở GDĐT", "Sở LĐ,TB&XH", "Sở TN-MT") are one abbreviation.
    "GD&ĐT": "Giáo dục và Đào tạo",
    "GD ĐT": "Giáo dục và Đào tạo",  # typed apart: "so gd dt"
    "GTVT": "Giao thông vận tải",
    "LĐTB&XH": "Lao động - Thương binh và Xã hội",
    "TT&TT": "Thông tin và Truyền thông",
    "VHTTDL": "Văn hóa, Thể thao và Du lịch",
    "KH&CN": "Khoa học và Công nghệ",
    "KH&ĐT": "Kế hoạch và Đầu tư",
    "TN&MT": "Tài nguyên và Môi trường",
    "NN&PTNT": "Nông nghiệp và Phát triển nông thôn",
    "KT-XH": "kinh tế - xã hội",
    "VH-XH": "văn hóa - xã hội",
    "CNH-HĐH": "công nghiệp hóa - hiện đại hóa",
    # Places and schools
    "TP": "thành phố",
    "TX": "thị xã",
    "THPT": "trung học phổ thông",
    "THCS": "trung học cơ sở",
}

# A Vietnamese syllable, without its marks: an abbreviation typed in lower case ("cat", "tu")
# that reads as one is an ordinary word and is left alone.
_SYLLABLE_RE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
    r"[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?"
)
# What joins the initials of a compound name: "KH&CN", "LĐ-TB&XH", "LĐ,TB&XH".
_SEPARATORS_RE = re.compile(r"[,&\-]")
# Initials this many or more may be typed with any of those separators between them, or none;
# shorter ones only as listed ("C-A" is no "CA").
_MIN_SEPARABLE = 4


def _initials(short: str) -> str:
    """The letters of an abbreviation, folded, without separators: "LĐ,TB&XH" -> "ldtbxh"."""
    return _SEPARATORS_RE.sub("", fold(short))


def _pattern(short: str) -> str:
    """The forms an abbreviation is typed in: "Đ" also as "D", and, for long initials, with
    any separators between the letters ("TN&MT", "TN-MT", "TNMT")."""
    letters = _SEPARATORS_RE.sub("", short)
    if len(letters) < _MIN_SEPARABLE or " " in short or not letters.isupper():
        return re.escape(short).replace("Đ", "[ĐD]")
    separator = f"{_SEPARATORS_RE.pattern}?"
    return separator.join(re.escape(letter).replace("Đ", "[ĐD]") for letter in letters)


_BY_INITIALS = {_initials(short): (short, expansion) for short, expansion in ABBREVIATIONS.items()}
_ALTERNATIVES = sorted(ABBREVIATIONS, key=len, reverse=True)
# Not inside a word, and not a part of a document number ("31-CT/TU", "11/2021/NQ-HĐND",
# "236/KH-CAH"), which is glued to its neighbours by "/", "-" or ".".
_ABBREVIATION_RE = re.compile(
    r"(?<![\w/.\-])(?:" + "|".join(_pattern(a) for a in _ALTERNATIVES) + r")(?!\w|[/.\-]\w)",
    re.IGNORECASE,
)


def _already_spelled_out(text: str, start: int, end: int, expansion: str) -> bool:
    """True when the expansion stands right beside it: "PCCC (phòng cháy chữa cháy)" or
    "phòng cháy chữa cháy (PCCC)", in any case and with or without diacritics."""
    folded = fold(expansion)
    after = fold(text[end : end + len(expansion) + 4]).lstrip()
    before = fold(text[max(0, start - len(expansion) - 4) : start]).rstrip()
    return after.startswith(f"({folded})") or before.endswith(f"{folded} (")


# An abbreviation whose body depends on the level named after it: the province's military
# command is a "Bộ Chỉ huy", a district's or a commune's a "Ban Chỉ huy" ("BCHQS huyện A",
# "BCHQS các xã"). A province-level city's is a "Bộ" too, so "thành phố" does not decide.
_BELOW_PROVINCE_RE = re.compile(
    r"\s+(?:cac |cap )?(?:huyen|quan|thi xa|thi tran|xa|phuong)\b", re.IGNORECASE
)
_BELOW_PROVINCE: dict[str, str] = {"BCHQS": "Ban Chỉ huy quân sự"}


def _expansion(token: str, after: str = "") -> str | None:
    """The expansion of a matched abbreviation (`after`: the text that follows it, for one
    whose expansion depends on the level named there), or None when, typed in lower case,
    it reads as an ordinary word."""
    folded = _initials(token)
    if not token.isupper() and _SYLLABLE_RE.fullmatch(folded):
        return None
    short, expansion = _BY_INITIALS[folded]
    if short in _BELOW_PROVINCE and _BELOW_PROVINCE_RE.match(fold(after[:20])):
        return _BELOW_PROVINCE[short]
    return expansion


def _following(match: re.Match[str]) -> str:
    return match.string[match.end() : match.end() + 20]


def _expand(match: re.Match[str]) -> str:
    token = match.group()
    expansion = _expansion(token, _following(match))
    if expansion is None or _already_spelled_out(
        match.string, match.start(), match.end(), expansion
    ):
        return token
    return f"{token} ({expansion})"


def expand_abbreviations(text: str) -> str:
    """Write the expansion after each known abbreviation: "ANTQ" -> "ANTQ (an ninh Tổ quốc)".

    Abbreviations typed in lower case or without "Đ" ("hdnd", "HDND") count too, unless they
    read as an ordinary word; parts of document numbers ("NQ-HĐND", "KH-CAH") are never touched.
    """
    return _ABBREVIATION_RE.sub(_expand, text)


def abbreviations_in(text: str) -> list[tuple[str, str]]:
    """The known abbreviations a text uses, as written, each with its expansion: "số vụ TNGT"
    gives ("TNGT", "tai nạn giao thông"); one typed in lower case that reads as an ordinary
    word ("ca", "tu") is none."""
    found = []
    for match in _ABBREVIATION_RE.finditer(text):
        expansion = _expansion(match.group(), _following(match))
        if expansion is not None:
            found.append((match.group(), expansion))
    return found


def spelled_out_in(text: str) -> list[tuple[str, str]]:
    """The known abbreviations whose expansion a text writes out (in any case, marks or
    not), each with that expansion: "tai nạn giao thông" gives ("TNGT", "tai nạn giao
    thông"). Not those that read as an ordinary word once lower-cased ("CA"): a clause's
    "cá" is no "công an"."""
    words = _spaced_words(text)
    return [
        (short, expansion)
        for short, expansion in ABBREVIATIONS.items()
        if _spaced_words(expansion) in words and not _SYLLABLE_RE.fullmatch(fold(short).lower())
    ]


def _spaced_words(text: str) -> str:
    """The text's words folded and lower-cased, one space apart and one around."""
    return " " + " ".join(_WORD_RE.findall(fold(text).lower())) + " "


_WORD_RE = re.compile(r"\w+")


def _spelled(match: re.Match[str]) -> str:
    return _expansion(match.group(), _following(match)) or match.group()


def spell_out(text: str) -> str:
    """Each known abbreviation replaced by its expansion: "bao nhiêu vụ TNGT" -> "bao nhiêu
    vụ tai nạn giao thông", for reading what a question counts."""
    return _ABBREVIATION_RE.sub(_spelled, text)

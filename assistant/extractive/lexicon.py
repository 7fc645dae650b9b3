"""Word lists of Vietnamese administrative and legal language the answerer reads by, and the
patterns passages write answers in (names of bodies, penalties, dates, conditions, bounds).

All in canonical form (lower case, one tone placement). General to the language and the
genre, never to particular questions.
"""

from __future__ import annotations

import re

from index.vietnamese import UPPER_LETTERS, canonical, fold

NAME_WORD = rf"[{UPPER_LETTERS}][^\W\d_]*"
# A unit of area or volume, one word though it holds a digit: "m3", "m2", "km2", "ha2".
SQUARED_UNIT = r"(?<!\w)(?:k?m|ha)[23](?!\w)"


def _words(listing: str) -> frozenset[str]:
    return frozenset(listing.split())


# Function words: they carry the grammar of a question, not what it is about.
STOP_WORDS = _words(
    """
    à ạ ai anh bao bằng bị bởi cả các cái cần cho có cùng của cũng đã đang đây đấy để
    đều đó được gì hay hãy hoặc hơn khi là lại lên mà mấy mình mỗi một nào này nên nếu
    ngay như nhiêu những nữa ở phải qua ra rằng rất rồi sao sau sẽ so tại theo thế thì
    thôi trên trong từ tới vẫn vào vì với vậy về đâu nhé ơi xin hỏi biết muốn tôi chúng
    ta đến nay và
    """
)

# Words that end the counted noun phrase after "bao nhiêu": "bao nhiêu đồng chí | làm ...";
# "bao nhiêu | một tháng", "bao nhiêu | mỗi người" ask a rate, not a number of months.
UNIT_STOPS = _words(
    """
    là được đã có của ở tại trong thì mà làm đối với và khi nếu theo để so kể trở từ đến
    các những này đó cho bị trên dưới sau trước hay hoặc không đang sẽ phải cần được
    nhằm thuộc gồm một mỗi còn xuống tăng giảm
    """
)
# Nouns that open with one of those words: "bao nhiêu đối tượng", "bao nhiêu kg cần sa",
# "bao nhiêu bị can" (a defendant, not "bị" of the passive), "vi phạm nồng độ cồn" (typed
# without marks, "nong do" is no "nóng đó"), or whose second word folds as one does:
# "co so" is "cơ sở" (not "có số"), "phong tro" "phòng trọ" (not "trở").
UNIT_STOP_NOUNS = frozenset(
    (
        "đối tượng",
        "cần sa",
        "bị can",
        "bị hại",
        "bị thương",  # "bao nhiêu người bị thương": the casualties, not "người" of any kind
        "bị nạn",
        "nồng độ",
        "độ cồn",
        "cơ sở",
        "phòng trọ",
        "nhà trọ",
        "ma túy",  # typed without marks "ma" is also "mà": "bao nhieu vu ma tuy"
    )
)

# Content words so common in laws and reports that they hardly tell sentences apart.
LOW_WEIGHT_WORDS = _words(
    """
    người quy định trường hợp luật bộ pháp năm tỉnh huyện xã thực hiện thể sự việc điều
    đối
    """
)

# What "bao lâu" is answered in.
DURATION_UNITS = ("năm", "tháng", "ngày", "giờ", "tuần", "phút", "lần")

# Words telling that an unqualified "bao nhiêu" asks for an amount of money.
MONEY_CUES = (
    "tiền",
    "phạt tiền",
    "trị giá",
    "giá trị",
    "thu lợi",
    "thiệt hại",
    "lương",
    "mức phạt",
    "kinh phí",
    "ngân sách",
    "chi phí",
    # allowances: "tổ viên được hỗ trợ bao nhiêu một tháng" asks an amount
    "hỗ trợ",
    "bồi dưỡng",
    "phụ cấp",
    "thù lao",
    # rewards: "mức thưởng tố giác bao nhiêu" (not "thưởng" alone: typed without marks it is
    # the "thương" of "bị thương")
    "mức thưởng",
    "được thưởng",
    "khen thưởng",
    # prices: "mua với giá bao nhiêu, giá bán lại bao nhiêu" (not "giá" alone: typed without
    # marks it is the "gia" of "tham gia", "gia đình")
    "giá bán",
    "giá mua",
    "mua vào",
    "bán ra",
    "với giá",
    "giá bao nhiêu",
)

# Words that may stand between a number and the noun it counts: "2.000 đồng chí Công an xã".
CLASSIFIERS = _words(
    """
    đồng chí người cán bộ lượt hộ cái con chiếc đội tổ ban lớp vụ trường hợp đơn vị cơ
    sở chiến sĩ đảng viên hội viên đoàn viên thành viên cá thể
    """
)

# Words before "nào"/"gì" that are not the asked noun: "phải làm gì", "có quyền gì".
ASKED_NOUN_SKIP = _words(
    """
    có là được phải cần làm những các về của theo thuộc loại bị
    """
)

# Vietnamese number words, for "một lần", "mười tám tuổi", "ba mươi ngày", "một phần hai".
NUMBER_WORDS = _words(
    """
    một hai ba bốn tư năm lăm sáu bảy bẩy tám chín mười mươi mốt trăm nghìn ngàn triệu
    tỷ linh lẻ rưỡi nửa
    """
)

# Titles that stand before a person's name in reports.
PERSON_TITLES = (
    "đồng chí",
    "ông",
    "bà",
    "đại tá",
    "thượng tá",
    "trung tá",
    "thiếu tá",
    "đại úy",
    "thiếu tướng",
    "trung tướng",
    "thượng tướng",
    "đại tướng",
    "giám đốc",
    "phó giám đốc",
    "chủ tịch",
    "phó chủ tịch",
    "bí thư",
    "phó bí thư",
    "trưởng",
    "phó trưởng",
)

# Heads of the names of bodies and authorities: "Bộ Công an", "Tòa án nhân dân", "Ủy ban".
AUTHORITY_WORDS = (
    "bộ",
    "chính phủ",
    "thủ tướng",
    "tòa án",
    "ủy ban",
    "ban",
    "cơ quan",
    "công an",
    "quốc hội",
    "nhà nước",
    "viện kiểm sát",
    "hội đồng",
    "sở",
    "phòng",
    "cục",
    "người đứng đầu",
    "chủ quản",
    "lực lượng",
    "doanh nghiệp",
)

# Asked nouns that call for a body or authority as the answer ("cơ quan nào", "Bộ nào").
AUTHORITY_ASKED = frozenset(
    ("cơ quan", "đơn vị", "bộ", "bộ phận", "tổ chức", "chủ thể", "ban", "lực lượng", "cấp", "phía")
)

# Asked nouns that call for a measure ("biện pháp gì", "những giải pháp nào"), and the verbs
# a directive's or a report's task opens with ("2. Tăng cường tuần tra, ..."), as patterns:
# "giao" assigns a task, "giao thông" is traffic.
MEASURE_ASKED = frozenset(("biện pháp", "giải pháp", "phương hướng", "hành động", "cách làm"))
TASK_VERBS = (
    "tăng cường", "đẩy mạnh", "chỉ đạo", "tổ chức", "triển khai", "thực hiện", "kiểm tra",
    "xử lí", "tuyên truyền", "phối hợp", "nâng cao", "rà soát", "tập trung", "kiên quyết",
    "duy trì", "xây dựng", "quán triệt", "huy động", "bố trí", "chủ động", "siết chặt",
    "phát động", "thành lập", "vận động", "nhân rộng", "ngăn chặn", "phòng ngừa", "đấu tranh",
    "truy quét", "quản lí", "hướng dẫn", "phát huy", "ứng dụng", "trang bị", "bảo đảm",
    "tiếp tục", "lắp đặt", "tuần tra", "xử phạt", r"giao(?! thông)",
)  # fmt: skip

# Asked nouns that call for a penalty ("bị hình phạt nào") and how penalties are written.
PENALTY_ASKED = frozenset(("hình phạt", "mức phạt", "hình thức xử phạt", "chế tài"))
PENALTIES = (
    "phạt tù", "phạt tiền", "cải tạo không giam giữ", "cảnh cáo", "tử hình", "tù chung thân",
    "trục xuất", "cấm đảm nhiệm", "cấm hành nghề", "quản chế", "đình chỉ hoạt động",
)  # fmt: skip


# How passages write what is asked: names of people and bodies, penalties, dates, definitions,
# lists, conditions and bounds.
PERSON_RE = re.compile(
    rf"\b(?i:{'|'.join(sorted(PERSON_TITLES, key=len, reverse=True))})\s+"
    rf"({NAME_WORD}(?:\s+{NAME_WORD}){{1,3}})"
)
# A person police news names with no title: by the year of birth ("Lò Văn A (SN 1990, trú
# ...)", "Nguyễn Thị B, sinh năm 1985") or as the one leading ("do Trần Văn C cầm đầu").
_FULL_NAME = rf"{NAME_WORD}(?:\s+{NAME_WORD}){{1,3}}"
NAMED_PERSON_RE = re.compile(  # the name is group 1 or 2
    rf"\b({_FULL_NAME})\s*(?:\(|,\s*)(?:SN|sinh năm)\b"
    rf"|\bdo\s+({_FULL_NAME})\s+(?:cầm đầu|chủ mưu|điều hành|đứng đầu)\b"
)
BODY_RE = re.compile(
    r"\b(?:Bộ(?! luật)|Chính phủ|Thủ tướng|Tòa án|Toà án|Ủy ban|Uỷ ban|Ban|Quốc hội|Nhà nước|"
    r"Viện kiểm sát|Hội đồng|Công an|Sở|Cục|Công chứng viên|Người đứng đầu|Lực lượng)\b"
)
AUTHORITY_RE = re.compile(
    rf"{BODY_RE.pattern}|\b(?:cơ quan|tổ chức|người|lực lượng|chủ sở hữu|bên)\s+\w+"
)
PENALTY_RE = re.compile(rf"\b(?:{'|'.join(PENALTIES)})\b", re.IGNORECASE)
MINISTRY_RE = re.compile(rf"\bBộ (?!luật\b){NAME_WORD}")
# Who a rule names when "ai" is asked: a person, a relative, a party, a body.
ROLE_RE = re.compile(
    r"\b(?:người|cha|mẹ|vợ|chồng|con|cá nhân|pháp nhân|chủ sở hữu|bên|cơ quan|tổ chức)\b"
)
# A target named (folded): "chỉ tiêu", "mục tiêu đặt ra", "kế hoạch giao", "phấn đấu".
TARGET_NAMED_RE = re.compile(r"\b(?:chi tieu|muc tieu|ke hoach|phan dau)\b")
FULL_DATE_RE = re.compile(
    r"\b\d{1,2}\s*[/-]\s*\d{1,2}\s*[/-]\s*\d{2,4}\b|\bngày \d{1,2} tháng \d{1,2}"
)
PARTIAL_DATE_RE = re.compile(r"\btháng \d{1,2}\s*[/-]\s*\d{4}\b|\b(?:năm|quý [IV]+ ?-?) ?\d{4}\b")
TIME_WORDS_RE = re.compile(
    r"\b(?:kể từ|từ) (?:ngày|thời điểm|khi)\b|\bthời điểm\b|\btrước khi\b|\bsau khi\b|\bkhi\b"
)
ARTICLE_NUMBER_RE = re.compile(
    r"\b(?:điều|khoản|điểm|chương|mục)\s+\d+|\bthứ \d+|^\d+\.", re.IGNORECASE
)
PERCENT_RE = re.compile(r"\d+(?:[.,]\d+)?\s?%")
DEFINITION_RE = re.compile(r"^(?:\d+\.\s*|[a-zđ]\)\s*)?([^,;:]{2,90}?)\s+là\s+")
LIST_RE = re.compile(r"\b(?:bao gồm|gồm|sau đây|như sau|như:)", re.IGNORECASE)
# The kinds of place a question asks for ("những phường nào", "địa bàn nào"), and two or more
# places named in a list with their kind: "các phường A, B và C", "thị xã A, huyện B".
PLACE_KINDS = (
    "tỉnh", "huyện", "xã", "phường", "quận", "thị xã", "thị trấn", "thành phố", "đặc khu",
    "địa phương", "địa bàn", "tỉnh thành", "nơi",
)  # fmt: skip
PLACE_NOUNS = frozenset(f(kind) for kind in PLACE_KINDS for f in (canonical, fold))
UNNAMED_PLACES = frozenset(("địa phương", "địa bàn", "tỉnh thành", "nơi"))  # kinds, not units
UNNAMED_PLACE_NOUNS = frozenset(f(kind) for kind in UNNAMED_PLACES for f in (canonical, fold))
PLACE_UNITS = tuple(kind for kind in PLACE_KINDS if kind not in UNNAMED_PLACES)  # "huyện", "xã"
_PLACE_KIND = r"(?:tỉnh|huyện|xã|phường|quận|thị xã|thị trấn|thành phố|đặc khu|TP\.?)"
_PLACE_NAME = rf"{NAME_WORD}(?: {NAME_WORD}){{0,3}}"
_LOWER_WORD = rf"(?![{UPPER_LETTERS}])[^\W\d_]+"  # "các huyện biên giới A, B"
_ITS_FIGURE = r"(?: \([^()]{1,30}\))?"  # "huyện A (9 vụ), huyện B (7 vụ)": each with its count
# A place named with its kind: "xã Hòa Thắng", "Thành phố Gia Nghĩa" (a commune too, which
# the gazetteer does not list).
PLACE_NAMED_RE = re.compile(rf"\b(?i:{_PLACE_KIND}) {_PLACE_NAME}")
PLACES_LISTED_RE = re.compile(
    rf"\b(?:các|những) {_PLACE_KIND}(?: {_LOWER_WORD}){{0,3}} {_PLACE_NAME}{_ITS_FIGURE}"
    rf"(?:(?:, | và | hoặc ){_PLACE_NAME}{_ITS_FIGURE})+"
    rf"|\b{_PLACE_KIND} {_PLACE_NAME}{_ITS_FIGURE}"
    rf"(?:(?:, | và | hoặc ){_PLACE_KIND} {_PLACE_NAME}{_ITS_FIGURE})+"
)
# Where a clause states a condition, and where its consequence begins.
CONDITION_MARKER = r"\b(?:nếu|(?<!sau )(?<!trước )khi|trường hợp|điều kiện)\b"  # not "sau khi"
CONSEQUENCE_MARKER = r"\bthì\b"
# How a clause says when something takes effect: "kể từ thời điểm mở thừa kế".
MOMENT = r"\b(?:kể từ|từ thời điểm|thời điểm|trước khi|sau khi)\b"

# How a clause states a bound: "tối đa không quá 01 tháng tiền lương", "ít nhất bằng".
STATED_BOUNDS = {
    "max": r"\b(?:tối đa|không quá|không vượt quá|cao nhất|nhiều nhất|trở xuống)\b",
    "min": r"\b(?:tối thiểu|ít nhất|không dưới|không thấp hơn|thấp nhất|trở lên)\b",
}

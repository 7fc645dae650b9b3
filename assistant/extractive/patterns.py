"""How Vietnamese questions ask: the phrases that give a question's type, bound and subject.

Written once in canonical Vietnamese; `question` also matches them on the folded
form of a question typed without diacritics.
"""

from __future__ import annotations


def _any(*alternatives: str) -> str:
    return "|".join(alternatives)


# A follow-up's opening: "Thế còn ...", "Vậy còn ...", "Còn ...".
_FOLLOW_UP = r"(?:(?:thế |vậy )?còn |vậy )?"


# First or last in a ranking: "nhiều vụ cháy nhất", "thấp nhất".
RANKED = r"\b(?:nhiều|ít|cao|thấp|lớn|nhỏ)\b.*\bnhất\b"

# (type name, pattern) in the order they are tried: "những khó khăn ... là gì" is a list
# before it is a definition, "có bao nhiêu ... không" a count before a yes-no question.
TYPE_PATTERNS: tuple[tuple[str, str], ...] = (
    # "... mua bán người ký ngày nào": trafficking in persons, then when it was signed.
    (
        "signer",
        _any(
            r"\b(?:ai|người nào|đồng chí nào|lãnh đạo nào) (?:đã |đứng tên )?kí\b",
            # "Chủ tịch HĐND nào ký ...": a holder of a post asked by "nào"
            r"\b(?:chủ tịch|bí thư|giám đốc|trưởng)\b[^?]{0,30}?\bnào (?:đã )?kí\b",
            r"(?<!mua bán )\bngười kí\b",
            r"\bkí\b.*\bai\b",
        ),
    ),
    # (not "xe mấy": typed without marks, "xe may" is "xe máy", a motorbike)
    ("count", _any(r"\bbao nhiêu\b", r"\bbao lâu\b", r"(?<!\bxe )\bmấy\b")),
    (
        "time",
        _any(
            r"\b(?:khi|lúc|ngày|hôm|tháng|năm|thời điểm|thời gian|giờ|khung giờ) nào\b",
            r"\bbao giờ\b",
            # "hạn chót UBND huyện nộp báo cáo": a deadline searched for, its date.
            r"^(?:hạn chót|hạn cuối|thời hạn)\b",
        ),
    ),
    # "Vì sao ...?", "Nguyên nhân (chủ yếu) ... là gì?": the clause giving the cause.
    ("reason", _any(r"\b(?:vì sao|tại sao|do đâu|lí do|nguyên nhân)\b")),
    (
        "topic",
        _any(
            r"\b(?:vấn đề|nội dung|mục đích|chủ đề) gì\b",
            r"\bnội dung (?:chính )?là gì\b",  # "CT 21-CT/TU nội dung là gì?"
            r"\bnói về\b",
            r"\bvề (?:việc |điều |cái |cai )?gì\b",  # ("cai": "cái" typed bare, restored so)
            # "Số 52/BC-CAX là báo cáo gì?": what the named document is.
            r"\blà (?:một )?(?:báo cáo|kế hoạch|chỉ thị|nghị quyết|quyết định|văn bản|"
            r"công văn|thông báo|hướng dẫn|tờ trình|thông tư|nghị định) gì\b",
            # "NQ 14/2024 tỉnh A quy định những gì?": what the named document is about.
            r"\b(?:nghị quyết|nq|quyết định|qđ|chỉ thị|kế hoạch|thông tư|công văn)\b[^?]*"
            r"\bquy định (?:về )?(?:những )?gì\b",
            # "QĐ 15/QĐ-UBND ban hành cái gì?": what the named decision issues.
            r"\b(?:nghị quyết|nq|quyết định|qđ|chỉ thị|kế hoạch|thông tư|công văn)\b[^?]*"
            r"\bban hành (?:cái |cai )?gì\b",
        ),
    ),
    # "X ở tỉnh A và ở tỉnh B khác nhau thế nào?", "So sánh X ở A và B": what each place
    # says of X, not a manner; read before "thế nào" makes it one.
    ("other", _any(r"\bkhác nhau\b", r"\bso sánh\b", r"\bgiống nhau\b", r"\bkhác gì\b")),
    (
        "list",
        _any(
            r"\bnhững \w+(?: \w+){0,5} nào\b",
            r"\b(?:có|gồm|đề ra|nêu) những \w+(?: \w+){0,3} gì\b",
            r"\b(?:bao gồm|gồm) (?:những )?(?:gì|ai|nào)\b",
            r"\bliệt kê\b",
            r"\bnhững (?:gì|ai)\b",
            r"^những \w+.* là gì\b",
            # "các huyện xảy ra nhiều vụ cháy nhất": the places first in a ranking
            rf"^(?:các|những) \w+\b.*{RANKED}",
        ),
    ),
    (
        "person",
        _any(
            r"\blà ai\b",
            r"\bai là\b",
            r"^ai\b",
            r"\b(?:do|của|cho|với|những) ai\b",
            r"\bai (?:chịu|có|phải|được|công bố)\b",
            # "Đường dây A ai cầm đầu?", "Hội nghị B ai chủ trì?": who did it, asked after
            r"\bai (?:cầm đầu|đứng đầu|chủ trì|chỉ huy|chỉ đạo|phụ trách|lãnh đạo|điều hành)\b",
            # "Trưởng phòng X tên gì?" (not "Chiến dịch có tên gì?")
            r"\b(?:trưởng|giám đốc|chủ tịch|bí thư)\b.*\b(?:tên|họ tên|họ và tên) (?:là )?gì\b",
        ),
    ),
    # "... nhiều nhất là đâu?": the place, as "ở đâu" asks it.
    (
        "place",
        _any(
            r"\b(?:ở|tại|là) đâu\b",
            r"\b(?:nơi|địa điểm|địa bàn) nào\b",
            # a search for the place with the most: "nơi thu giữ nhiều ma túy nhất 2024"
            r"^\W*(?:nơi|địa bàn|địa phương)\b[^?]*\bnhất\b",
        ),
    ),
    (
        "definition",
        _any(
            r"\b(?:được gọi|được hiểu|nghĩa) là gì\b",
            r"\blà gì\b",
            r"\bđịnh nghĩa\b",
            r"\bđược hiểu (?:như )?thế nào\b",
            r"\blà (?:người|việc|hành vi) (?:như )?thế nào\b",
            r"\b(?:được tính|được coi|được xem)? ?là\W*$",  # "một năm được tính là?"
        ),
    ),
    ("action", r"\blàm gì\b"),
    (
        "yes_no",
        _any(
            r"\b(?:hay|hoặc) không\b",
            r"\bphải không\b",
            r"\bcó phải\b",
            r"^có\b.*\bkhông\W*$",
            r"\b(?:có|được)\b.*\bkhông\W*$",
            # "... có giao nhiệm vụ cho B không hay chỉ đề nghị?": yes, or the other way
            r"\b(?:có|được)\b.*\bkhông,? hay (?:chỉ|là)\b",
            r"\b(?:đã|có|được|đạt)\b.*\bchưa\W*$",  # "Xã A (đã) đạt chỉ tiêu ... chưa?"
            r"\b(?:đạt|hoàn thành|vượt)\b.*\bkhông\W*$",  # "Chỉ tiêu X năm 2030 đạt không?"
        ),
    ),
    (
        "manner",
        _any(
            r"\bthế nào\b",
            r"\bra sao\b",
            r"\bcách nào\b",
            # a search for the methods: "Thủ đoạn của nhóm trộm A?" ("thủ đoạn gì": which)
            r"^\W*(?:thủ đoạn|phương thức|cách thức)\b(?![^?]*\b(?:gì|nào)\b)",
        ),
    ),
    ("which", r"\b\w+ (?:nào|gì)\b"),
    # Typed as a search, with no asking word: "số vụ tai nạn giao thông 6 tháng đầu năm",
    # or so as a follow-up: "Thế còn số người bị thương ở huyện B?".
    ("count", rf"^{_FOLLOW_UP}(?:tổng )?số (?:lượng )?(?!\d)\w"),
)
# The counted noun of such a question: the words after "số".
COUNT_PHRASE = rf"^{_FOLLOW_UP}(?:tổng )?số (?:lượng )?"

# Figures compared: "tỉnh nào có nhiều tổ tự quản hơn", "cao hơn", "khác nhau thế nào".
COMPARISON = _any(r"\b(?:nhiều|ít|cao|thấp|lớn|nhỏ)\b.*\bhơn\b", r"\bkhác nhau\b", r"\bso sánh\b")
COMPARED_UNIT = r"\b(?:nhiều|ít) (?!hơn\b)([\w, ]{1,60}?) (?:hơn|nhất)\b"
# "số người chết cao nhất", "tỉ lệ kích hoạt thấp hơn": the figure named before its rank.
RATED_UNIT = (
    r"\b(?:số|tỉ lệ) (?:lượng )?(?!nào\b)([\w ]{1,60}?) (?:là )?(?:cao|thấp|lớn|nhỏ) (?:hơn|nhất)\b"
)
# "trị giá hàng buôn lậu lớn nhất": a value ranked, named with its word ("Trị giá hàng").
VALUED_UNIT = (
    r"\b((?:tổng )?(?:trị giá|giá trị) [\w ]{1,60}?) (?:là )?(?:cao|thấp|lớn|nhỏ) (?:hơn|nhất)\b"
)
# "Số hộ để ... ở A và ở B khác nhau thế nào?": the figure of each place counts "hộ".
CONTRASTED_UNIT = r"\bsố (?:lượng )?(\w+)\b.*\b(?:khác nhau|so sánh|giống nhau|khác gì)\b"
CONTRASTED_UNIT_BEFORE = r"\b(?:so sánh|khác nhau về)\b.*?\bsố (?:lượng )?(\w+)\b"

# A question about the tasks of a body named in it: it names a document or a task word.
# "Phòng PC08 làm gì": a duty question when what is asked of is a body (`bodies.body_of`).
WHAT_TO_DO = r"\blàm (?:những )?(?:việc )?gì\b"
DUTY_CUE = _any(
    r"\b(?:giao|nhiệm vụ|trách nhiệm|yêu cầu)\b",
    # ("cần" is no need in "Cần Thơ", "Cần Giờ", "Cần Đước", "Cần Giuộc", read alike in
    # lower case)
    r"\b(?:chỉ thị|kế hoạch|nghị quyết|quyết định|quy chế|ct|kh|nq)\b.*"
    r"\b(?:phải|cần) (?!(?:thơ|giờ|đước|giuộc)\b)\w+",
)

# Phrases that only say how the question asks; never content to look for.
MARKER_PHRASES = (
    "bao nhiêu", "bao lâu", "là gì", "là ai", "như thế nào", "thế nào", "ra sao", "khi nào",
    "bao giờ", "ở đâu", "hay không", "phải không", "cho biết", "mô tả", "liệt kê", "định nghĩa",
    "tối đa", "tối thiểu", "lên đến", "lên tới", "cao nhất", "thấp nhất", "ít nhất", "nhiều nhất",
    "nhiều hơn", "ít hơn", "quy định như thế nào về", "quy định thế nào về", "quy định về",
    "quy định những gì", "quy định điều gì", "quy định gì", "khác nhau", "so sánh",
    "giống nhau", "khác gì",
)  # fmt: skip

# Which end of a "từ ... đến ..." range is asked for; "lên đến 05 năm" gives a value, not asks.
MAX_BOUND = _any(
    r"\b(?:tối đa|lên đến|lên tới|cao nhất|không quá|nhiều nhất)\b(?! \d)",
    r"\bđến (?:bao nhiêu|bao lâu|mấy)\b",
)
MIN_BOUND = r"\b(?:tối thiểu|ít nhất|thấp nhất|không thấp hơn|không dưới|từ đủ)\b(?! \d)"
RANGE_BOUND = r"\btừ (?:bao nhiêu|bao lâu|mấy)(?: \w+)? đến (?:bao nhiêu|bao lâu|mấy)\b"

# A question asking under which condition something holds: "khi nào", "trong trường hợp nào".
CONDITION_ASKED = r"\b(?:khi|lúc) nào\b|\btrường hợp nào\b|\bđiều kiện (?:nào|gì)\b"
# "Theo Bộ luật Hình sự năm 2017," / "Điều 36," name where a rule is, not what it says.
# "pháp luật" is law in general, and a law's name holds no "và", "không", "hoặc".
LAW_REFERENCE = (
    r"(?<!pháp )\b(?:bộ luật|luật)(?: (?!năm\b|và\b|hoặc\b|không\b)[^\W\d]+){0,4}?"
    r"(?: năm)? ?(?:\d{4})?"
    r"(?=\s*[,.?;:]|\s+(?:thì|quy định|có|được|là|về)\b|$)"
)
ARTICLE_REFERENCE = r"\bđiều (\d+[a-zđ]?)\b"
YEAR = r"\b((?:19|20)\d{2})\b"
# "so với năm 2018", "so với cùng kỳ năm 2022", "so với Tết Tân Sửu năm 2021", "(cùng kỳ
# năm 2023 là 36.120 bao)": the year compared with (a few words may name the period), not
# the one spoken of.
# ... or set beside it in parentheses with its figure: "11 vụ (năm 2022: 6 vụ)", "(năm học
# 2021 - 2022: 08 vụ)", the span's second year taken with it.
COMPARED_YEAR = (  # ... after a part of it too: "so với quý III/2023", "cùng kỳ quý IV năm 2023"
    r"(?:\b(?:so với(?: [\w/]+){0,6}?|cùng k[ìỳ](?: [\w/]+){0,3}?)[ /]"
    r"|\((?:cả )?năm(?: học)? (?=\d{4}(?:\s*[-–]\s*\d{4})?\s*(?::|là)\s*\d))"
    r"((?:19|20)\d{2})(?:\s*[-–]\s*(?:19|20)\d{2}(?=\s*(?::|là)))?\b"
)

# The closing "không" of a yes-no question asks; a "không" inside it negates and counts.
TRAILING_PARTICLE = r"\b(?:hay|hoặc)? ?(?:không|chưa)\W*$"

# What a definition question defines: quoted, or standing before "là gì" / "được hiểu".
SUBJECT_QUOTED = r"[\"“”']([^\"“”']{2,80})[\"“”']"
SUBJECT_BEFORE = (
    r"([^,;:?]{2,80}?)\s+(?:là gì|được hiểu|là (?:người|việc|hành vi)? ?(?:như )?thế nào"
    r"|có nghĩa là|(?:được tính|được coi|được xem) là\W*$)"
)
GIVEN_DEFINITION = r"\bđược gọi là\b"  # the question gives the definition, asks for the term
DEFINITION_LEAD = r"^(?:định nghĩa|khái niệm)(?: của| về)?\s+"

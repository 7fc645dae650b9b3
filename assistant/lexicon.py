"""Word lists of Vietnamese administrative and legal language the answerer reads by.

All in canonical form (lower case, one tone placement). General to the language and the
genre, never to particular questions.
"""

from __future__ import annotations

# Every upper-case letter Vietnamese writes ("Đ", "Ủ", "Ạ"...): regex ranges such as "À-Ỹ"
# also take in lower-case letters, so the class is spelled out.
UPPER_LETTERS = "".join(
    ch for ch in map(chr, range(0x41, 0x1EFF)) if ch.isalpha() and ch.isupper() and ch.lower() != ch
)
NAME_WORD = rf"[{UPPER_LETTERS}][^\W\d_]*"


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

# Words that end the counted noun phrase after "bao nhiêu": "bao nhiêu đồng chí | làm ...".
UNIT_STOPS = _words(
    """
    là được đã có của ở tại trong thì mà làm đối với và khi nếu theo để so kể trở từ đến
    các những này đó cho bị trên dưới sau trước hay hoặc không đang sẽ phải cần được
    nhằm thuộc gồm
    """
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
)

# Words that may stand between a number and the noun it counts: "2.000 đồng chí Công an xã".
CLASSIFIERS = _words(
    """
    đồng chí người cán bộ lượt hộ cái con chiếc đội tổ ban lớp vụ trường hợp đơn vị cơ
    sở chiến sĩ đảng viên hội viên đoàn viên thành viên
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

# Asked nouns that call for a body or authority as the answer.
AUTHORITY_ASKED = _words(
    """
    cơ quan đơn vị bộ bộ phận tổ chức chủ thể ban lực lượng cấp phía ai
    """
)

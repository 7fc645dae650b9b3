"""Which of the clauses scoring close to the best one answers what was asked.

The learned score ranks clauses by how much of the question they hold; some questions ask
for one thing a clause holding fewer of their words gives: "… do ai chủ trì?" the person
beside "chủ trì", "… có hiệu lực từ ngày nào?" the date beside "hiệu lực", "Làm thế nào …
được?" the means a story tells after what was achieved, "khi nào" the date of the best
clause's own sentence. They decide between clauses that answer, but for `means_after`,
which brings in the clause after the best one in its passage: the means, in words of its own,
often shares too few of the question's words to pass the coverage test alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from assistant.extractive.candidates import Candidate, Ranking
from assistant.extractive.evidence import clause_tokens, means_evidence, time_evidence
from assistant.extractive.labels import METHODS
from assistant.extractive.question import QuestionAnalysis, QuestionType
from assistant.extractive.scoring import PARAMETERS
from assistant.extractive.structured import names_person
from assistant.extractive.years import paragraph_before
from index.vietnamese import canonical, fold

# What a person or a date is asked for: "… do ai chủ trì?" (the verb after "ai"), "Trưởng
# Công an xã A là ai?" (the role before "là ai"), "… có hiệu lực từ ngày nào?" (the verb
# before the date asked).
_PERSON_VERB_RE = re.compile(r"\b(?:do |bởi |boi )?ai (\w+(?: \w+)?)\W*$")
_ROLE_RE = re.compile(r"^([^,?]{3,60}?)(?:,[^?]*)? (?:là|la) ai\W*$")
_TIME_VERB_RE = re.compile(
    r"((?:\w+ ){1,2})(?:từ |vào |tu |vao )?"
    r"(?:ngày|ngay|thời điểm|thoi diem|khi|lúc|luc) (?:nào|nao)"
)
# Who leads a ring, however it is said: "cầm đầu", "đứng đầu", "chủ mưu", "trùm" (folded: a
# fast typist's "ai cam dau" may be restored with a wrong mark, "cấm đầu").
_LEADER_RE = re.compile(r"\b(?:cam dau|dung dau|chu muu|dieu hanh|trum)\b")
LEADER = "cầm đầu"
_TIME_VERB_SKIP = frozenset(
    {"có", "được", "là", "đã", "sẽ", "phải", "cần", "co", "duoc", "la", "da", "se", "phai", "can"}
)


def asked_action(analysis: QuestionAnalysis) -> str | None:
    """The words a clause answering who or when must hold, in the question's form."""
    normal = fold if analysis.form == "folded" else canonical
    text = normal(analysis.text).lower()
    if analysis.type == QuestionType.PERSON:
        if _LEADER_RE.search(fold(text)):  # "kẻ cầm đầu đường dây ... là ai"
            return LEADER
        match = _PERSON_VERB_RE.search(text) or _ROLE_RE.search(text)
        return match.group(1).strip() if match else None
    if analysis.type == QuestionType.TIME:
        match = _TIME_VERB_RE.search(text)
        if match is None:
            return None
        # ... not a name closing what is asked of: "cao điểm ... Tam Nông từ ngày nào" asks
        # no clause naming "Tam Nông" beside a date (a dateline names it so).
        typed = re.findall(r"\w+", analysis.text)[1:]  # (the first is capitalised anyway)
        names = {normal(word) for word in typed if word[:1].isupper()}
        words = [w for w in match.group(1).split() if w not in _TIME_VERB_SKIP | names]
        return " ".join(words) or None
    return None


def told_before(candidate: Candidate, ranking: Ranking, form: str) -> bool:
    """The numbers the question gives stand earlier in the clause's paragraph ("Ngày …, tỉnh
    A tổ chức hội nghị sơ kết 6 tháng … Ông B chủ trì hội nghị")."""
    values = {t for t in ranking.weights if t[:1].isdigit()}
    told = set(clause_tokens(paragraph_before(candidate), form == "folded").compared)
    return values <= told | candidate.words


def does_asked(candidate: Candidate, action: str, analysis: QuestionAnalysis) -> bool:
    """The clause holds the asked verb or role and what is asked: a person's name, a date."""
    normal = fold if analysis.form == "folded" else canonical
    if action == LEADER:  # "Đứng đầu nhóm là Trần Văn A", "B ... cầm đầu nhóm"
        said = fold(candidate.clause.text).lower()
        return bool(_LEADER_RE.search(said)) and names_person(candidate.clause.text)
    if action not in normal(candidate.clause.text).lower():
        return False
    if analysis.type == QuestionType.TIME:
        return time_evidence(analysis, candidate.clause.text) >= PARAMETERS.evidence.partial_date
    return names_person(candidate.clause.text)


def same_sentence(one: Candidate, other: Candidate) -> bool:
    return one.view is other.view and one.clause.sentence_start == other.clause.sentence_start


def means_after(best: Candidate, candidates: Sequence[Candidate]) -> list[Candidate]:
    """The first clause after the best one in its passage that says by what means: a story
    tells what was achieved, then how ("Để người dân đồng thuận thì …"), in words of its own."""
    later = [
        c
        for c in candidates
        if c.view is best.view and c.index > best.index and means_evidence(c.clause.text) >= 1.0
    ]
    return [min(later, key=lambda c: c.index)] if later else []


# A question about how offenders act (folded): "thủ đoạn ... ra sao", "đường dây ... bằng
# cách nào", "các đối tượng ... thế nào" ... (not "kẻ" or "bọn" alone, which fold to the
# "kế" of "kế hoạch" and the "bốn" of a count)
_OFFENDERS_ASKED_RE = re.compile(
    r"\b(?:thu doan|doi tuong|duong day|bang nhom|nhom doi tuong|trum|phuong thuc)\b"
)
# ... is told in a sentence whose subject they are, as an officer quoted describes them:
# '"Các đối tượng đóng gói ...', "Chúng thường ...", "Đường dây này hoạt động ...".
_OFFENDERS_SUBJECT_RE = re.compile(
    r"(?:^|[:,\"“])\s*(?:cac |nhung )?"
    # (not the police speaking: "Chúng tôi đã lập 03 chốt ...")
    r"(?:doi tuong|chung(?! toi\b| ta\b)|bon|nhom (?:nay|doi tuong)|duong day(?: nay)?)"
    # doing, not done to or telling ("bị bắt", "được xác định", "khai nhận")
    r" (?!bi\b|duoc\b|la\b|nay\b|khai\b|cam dau\b)\w+"  # (nor "đối tượng cầm đầu là ...")
)


# ... asked however the question is typed: "dùng thủ đoạn gì", "chiêu gì", "cách gì".
_HOW_ASKED_RE = re.compile(r"\b(?:thu doan|chieu|(?:bang )?cach (?:gi|nao)|phuong thuc)\b")
_HOW_TYPES = (QuestionType.WHICH, QuestionType.OTHER, QuestionType.LIST)


def asks_offenders_manner(analysis: QuestionAnalysis) -> bool:
    """ "Đường dây ... ngụy trang hàng bằng cách nào?", "... dùng thủ đoạn gì?": how the
    offenders act."""
    folded = fold(analysis.text).lower()
    if not _OFFENDERS_ASKED_RE.search(folded):
        return False
    how = analysis.type in _HOW_TYPES and _HOW_ASKED_RE.search(folded) is not None
    return analysis.type == QuestionType.MANNER or how


# How a budget is shared between levels (folded): "kinh phí ... chia giữa tỉnh và huyện thế
# nào", "ngân sách các cấp phân chia theo tỷ lệ nào".
_SHARING_RE = re.compile(r"\b(?:chia|phan chia|phan bo|phan cap)\b")
_BUDGET_RE = re.compile(r"\b(?:kinh phi|ngan sach|chi phi)\b")
# ... told by each level's share: "ngân sách tỉnh bảo đảm 60%, ngân sách cấp huyện 40%", or
# one share for every level ("mỗi cấp bảo đảm 50%").
_SHARE_RE = re.compile(r"\d+(?:,\d+)?\s?%")
_EACH_LEVEL_RE = re.compile(r"\bmoi cap\b")


def asks_share(analysis: QuestionAnalysis) -> bool:
    """The question asks how a budget is shared between the levels paying it."""
    folded = fold(analysis.text).lower()
    return bool(_SHARING_RE.search(folded) and _BUDGET_RE.search(folded))


def states_share(text: str) -> bool:
    """The clause gives the budget's share each level pays."""
    folded = fold(text).lower()
    if "ngan sach" not in folded:
        return False
    shares = len(_SHARE_RE.findall(folded))
    return shares >= 2 or (shares == 1 and _EACH_LEVEL_RE.search(folded) is not None)


# ... or in an item a report labels so: "- Thủ đoạn: cho vay trả góp ngày ...", "- Phương
# thức, thủ đoạn: ...".
# ("Thủ đoạn chủ yếu của nhóm này: ...": a few words may qualify the label)
_METHODS_LABEL_RE = re.compile(rf"^\W*(?:{'|'.join(map(fold, METHODS))})(?:,? \w+){{0,5}}\s*:")


# ... not what is done to them: "Đường dây đưa người ... vừa bị triệt phá" (folded).
# (not "... đến khi bị phát hiện", told of its doings)
_ACTED_UPON_RE = re.compile(r"\b(?:vua|da|moi) bi (?:triet pha|bat|bat giu|khoi to|xu l[iy])\b")


# Words announcing the offenders' ways (folded): "hoạt động rất tinh vi:", "thủ đoạn là ...".
_METHODS_NAMED_RE = re.compile(rf"\b(?:{'|'.join(map(fold, METHODS))}|tinh vi|manh khoe)\b")


# A tally of what they did, not how (folded): "đường dây này đã cho hơn 1.500 lượt người
# vay", "đến khi bị bắt đã bán khoảng 300 khẩu súng": "đã", a verb of what came of it, then
# the count (not the means they used: "đã sử dụng 6 tàu cá hoán cải").
_TALLY_RE = re.compile(
    r"\bda (?:gay ra|thuc hien|ban|tieu thu|chiem doat|lua|dua|cho|giao dich|xuat ban"
    r"|loi keo|trom|cuop|thu loi|nhan|van chuyen|phat trien)\b"
    r"(?: \w+){0,2}? (?:hon |khoang |gan |it nhat |tong cong )?\d"
)


def tells_tally(text: str) -> bool:
    """The clause counts what the offenders did, the count standing for how they work."""
    return _TALLY_RE.search(fold(text).lower()) is not None


# The way an act is done, said right after the act's words: "ngụy trang là hàng mây tre",
# "vận chuyển bằng xe khách", "giấu dưới dạng ...". (Read with marks where the question has
# them: folded, "lá" is "là".)
_MANNER_AFTER = r" (?:là|bằng|dưới dạng|dưới vỏ bọc)\b"
# ... asked as a manner ("bằng cách nào", "như thế nào"), not by the ways' label ("thủ đoạn
# gì", which asks how they work at large)
_ACT_MANNER_ASKED_RE = re.compile(r"\b(?:bang cach nao|(?:nhu )?the nao|ra sao)\b")
_WAYS_LABEL_RE = re.compile(r"\b(?:thu doan|phuong thuc|cach thuc)\b")
_FRAME_WORDS = frozenset(("các", "đối", "tượng", "đường", "dây", "như", "thế", "nào", "bằng"))


def states_asked_manner(analysis: QuestionAnalysis, text: str) -> bool:
    """The clause says how the question's own act is done, with the act's two words as the
    question has them ("... ngụy trang hàng bằng cách nào" by "..., ngụy trang là hàng mây
    tre"): a narrative telling the very thing asked, though it names no offenders as such.
    Only of an act asked as a manner: "thủ đoạn gì" asks how they work at large."""
    asked = fold(analysis.text).lower()
    if not _ACT_MANNER_ASKED_RE.search(asked) or _WAYS_LABEL_RE.search(asked):
        return False
    form = fold if analysis.form == "folded" else canonical
    words = form(analysis.text).lower().split()
    told = form(text).lower()
    after = form(_MANNER_AFTER)
    frame = {form(word) for word in _FRAME_WORDS}
    return any(
        re.search(rf"\b{re.escape(first)} {re.escape(second)}{after}", told)
        for first, second in pairwise(words)
        if not {first, second} & frame and first.isalpha() and second.isalpha()
    )


def tells_offenders_ways(text: str) -> bool:
    """The clause tells how the offenders work: what they do, not the tally of it."""
    return tells_offenders_doing(text) and not tells_tally(text)


def names_methods(text: str) -> bool:
    """The clause names the offenders' ways as such, before telling them."""
    return _METHODS_NAMED_RE.search(fold(text).lower()) is not None


def tells_offenders_doing(text: str) -> bool:
    """The clause tells what the offenders do, they being its subject, or is the item a
    report labels as their methods."""
    folded = fold(text).lower()
    if _METHODS_LABEL_RE.match(folded):
        return True
    return bool(_OFFENDERS_SUBJECT_RE.search(folded)) and not _ACTED_UPON_RE.search(folded)

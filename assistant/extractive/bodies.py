"""The body a duty question names, and whether a clause gives that body a task.

"Kế hoạch của tỉnh A giao Sở B nhiệm vụ gì?", "Theo Chỉ thị X, Sở B phải làm gì?",
"Đảng ủy cơ quan C được Chỉ thị X giao những việc gì?": the body is read from where the
question puts it, without the document and places named around it, and compared with the
clauses folded and with abbreviations spelled out ("UBND" = "Ủy ban nhân dân").
"""

from __future__ import annotations

import re

from assistant.extractive.entities import places_named
from index.abbreviations import spell_out
from index.gazetteer import bare_districts, place_spans
from index.vietnamese import fold

# Where a duty question puts its body, on the folded question. A folded "giao" is also the
# first word of "giáo dục", "giáo hội", "giao thông", "giao dịch", "giao lưu", and the last
# of "Phật giáo", "tôn giáo", "Công giáo": no task given there.
_BODY_PATTERNS = tuple(
    re.compile(p)
    for p in (
        r"(?:^|, )(?P<body>[^,]+?) duoc (?:chi thi|ke hoach|nghi quyet|quyet dinh|ct|kh|nq|qd)\b"
        r".*\bgiao\b",
        r"(?<!\bban )(?<!\bchuyen )(?<!\bphat )(?<!\bton )(?<!\bcong )"
        r"\bgiao (?!thong\b|duc\b|hoi\b|dich\b|luu\b|nhiem vu\b|trach nhiem\b|viec\b|nhung\b"
        r"|lam\b|thuc hien\b)"
        r"(?:cho )?(?P<body>.+?) "
        r"(?:nhung |cac )?(?:nhiem vu|viec|lam|thuc hien|trach nhiem)\b",
        r"\byeu cau (?P<body>.+?) (?:phai )?(?:lam|thuc hien)\b",
        r"(?:^|, )(?P<body>[^,]+?) (?:co (?:bi|duoc) giao|co|duoc giao|bi giao) "
        r"(?:nhung )?(?:nhiem vu|viec|trach nhiem)\b",
        # ... "được giao gì", "được giao làm gì", "được giao thực hiện những việc gì"
        r"(?:^|, )(?P<body>[^,]+?) (?:duoc|bi) giao (?:(?:lam|thuc hien) )?(?:nhung )?"
        r"(?:viec )?gi\b",
        r"(?:^|, )(?P<body>[^,]+?) (?:phai|can|duoc yeu cau|duoc de nghi)\b",
    )
)
# "X làm gì": tried last, and a duty question only when X is a body (below).
_WHAT_TO_DO = re.compile(r"(?:^|, )(?P<body>[^,]+?) (?:se )?lam (?:nhung )?(?:viec )?gi\b")
# "X làm gì" asks a duty only when X is a body: its kind opens it ("Sở", "Phòng", "Công an",
# "Ủy ban" ...) or it carries a unit's code ("PC08", "PA05", "K02").
_BODY_KIND_RE = re.compile(  # ("so với", folded, compares: no "Sở"; "lý" folds to "li")
    r"^(?:cac )?(?:so(?! voi\b)|phong|cong an|uy ban|cuc|chi cuc|trung tam|toa an|mat tran|dang uy"
    r"|bo (?:chi huy|doi|tu lenh|cong an)|vien kiem sat|doan thanh nien|lien doan"
    r"|ban (?:chi dao|chi huy|an toan|tuyen giao|dan van|thuong vu|quan li|tri su|dai dien)"
    r"|doi (?:canh sat|dan phong|cong tac|tuan tra|phong chay)"
    r"|hoi (?:lien hiep|nong dan|cuu chien binh|phu nu|dong|chu thap do)|hiep hoi"
    r"|(?:tinh|thanh|huyen) doan"
    r"|dai phat thanh|ngan hang|kho bac|bao hiem xa hoi|dien luc|buu dien|vuon quoc gia"
    r"|don (?:bien phong|cong an)|hai doan|hat kiem lam)\b"
)
UNIT_CODE_RE = re.compile(r"\b[a-z]{1,3}\d{2}\b")  # "pc08", "pa05", "k02" (folded)
# "giao Sở X kiểm tra những gì": a body (by its kind), the task's verb, what is asked.
_GIVEN_TASK_RE = re.compile(
    r"\bgiao (?:cho )?(?P<body>" + _BODY_KIND_RE.pattern.lstrip("^") + r".+?)"
    r" \w+(?: \w+)? (?:nhung )?(?:gi|viec gi)\b"
)
# "Chỉ thị X giao nhiệm vụ gì cho Công an tỉnh?": the body after "cho", closing the question.
_GIVEN_TO_RE = re.compile(
    r"\bgiao (?:nhung )?(?:nhiem vu|viec|trach nhiem)(?: gi| nao)? cho (?P<body>"
    + _BODY_KIND_RE.pattern.lstrip("^")
    + r"(?:(?!\b(?:khong|hay|chua)\b)[^,])*)$"  # not "... cho Tỉnh Đoàn không hay ...?"
)
# "Sở X chịu trách nhiệm những gì (trong quy chế A)?", "Đồn B có trách nhiệm gì": the body
# (by its kind) before the duty asked.
_ITS_DUTIES_RE = re.compile(
    r"(?:^|, )(?P<body>" + _BODY_KIND_RE.pattern.lstrip("^") + r"[^,]*?)"
    r" (?:chiu|co|phai chiu) trach nhiem (?:nhung )?(?:gi|viec gi)\b"
)
# "Nhiệm vụ của Phòng PC06 trong Kế hoạch X": a search for a body's tasks (by its kind or
# code: not "Nhiệm vụ trọng tâm năm 2025").
_TASKS_OF_RE = re.compile(
    r"^(?:cac )?(?:nhiem vu|trach nhiem)(?: cua)? (?P<body>(?:"
    + _BODY_KIND_RE.pattern.lstrip("^")
    + r"|[a-z]{1,3}\d{2}\b)[^,]*?)(?= (?:trong|theo)\b|$)"
)
# Words around a body that name the document or the question, not the body.
_DOCUMENT_RE = re.compile(
    r"\b(?:theo |trong )?(?:chi thi|ke hoach|nghi quyet|quyet dinh|cong van|van ban|kh|ct|nq)"
    r"(?: so)?(?: [\w/.-]*\d[\w/.-]*)?(?: nam \d{4})?(?: cua [^,]*?)?(?= |$)"
)
# A comma between levels of administration: "Chủ tịch UBND các xã, phường, thị trấn".
_LEVELS = r"(?:xa|phuong|huyen|quan|thi tran|thi xa|thanh pho|tinh)"
_LEVEL_LIST_RE = re.compile(rf"\b({_LEVELS}),(?= {_LEVELS}\b)")
_LEADING = frozenset({"theo", "trong", "thi", "da", "se", "co", "duoc", "cua", "nhung", "cac"})
# A body named with its level ("Bộ đội Biên phòng tỉnh") is named without it in its province's
# own documents just as often.
_TRAILING = frozenset(
    {"tinh", "thanh", "pho", "tp", "huyen", "cua", "da", "se", "co", "duoc", "o", "tai", "tren"}
)
# "Ủy ban MTTQ (Mặt trận Tổ quốc)": the spelled-out form alone is compared.
_SPELLED_OUT_RE = re.compile(r"\b[A-ZĐ][A-ZĐ&]+[\w&-]* \(([^()]+)\)")
_ASKING = re.compile(r"\b(?:nao|gi|ai)\b")
# "yêu cầu vận động hộ gia đình làm gì": what follows the verb is whom the task is done for
# or to, not the body given it; the question asks what is to be done.
_ACTED_ON_RE = re.compile(
    r"^(?:van dong|tuyen truyen|huong dan|ho tro|kiem tra|xu li|xu ly|giup|nhac nho) "
)
PLACE_WORDS = 4  # a place written after a body: "tp hcm", "tinh ba ria vung tau"
# How far into an item its owner stands: "3. Sở B chủ trì, ..." or "Đề nghị Ủy ban C ...".
OWNER_REACH = 60


def body_of(question: str, bodies_only: bool = False) -> str | None:
    """The body a duty question names, folded and spelled out; None when it asks which, or
    (`bodies_only`, for a question naming no document or task) when what it names is not
    a body's kind or a unit's code."""
    spelled = _spelled_out(question)
    folded = " ".join(re.findall(r"\w+|,", fold(spelled).lower())).replace(" ,", ",")
    folded = re.sub(r"[?!.]+\s*$", "", folded).strip()
    folded = _LEVEL_LIST_RE.sub(r"\1", folded)  # "các xã, phường" is one body, not two clauses
    patterns = (*_BODY_PATTERNS, _GIVEN_TASK_RE, _GIVEN_TO_RE, _ITS_DUTIES_RE, _TASKS_OF_RE)
    for pattern in (*patterns, _WHAT_TO_DO):
        match = pattern.search(folded)
        if not match:
            continue
        body = _DOCUMENT_RE.sub(" ", match.group("body").replace(",", " "))
        body = _without_places(body, question)
        if _ASKING.search(body) or _ACTED_ON_RE.search(body):
            return None  # "giao cơ quan nào ...": the body is what is asked
        words = _without_trailing_place(body.split())
        while words and words[-1] in _TRAILING:
            words.pop()
        while words and words[0] in _LEADING:
            words.pop(0)
        body = _NATIONAL_RE.sub(" ", " ".join(words)).strip()
        body = " ".join(body.split())
        if bodies_only and not (_BODY_KIND_RE.search(body) or UNIT_CODE_RE.search(body)):
            return None  # "Người dân làm gì": not a body given a task
        if body:
            return body
    return None


# The end of a yes/no question, or its other way asked after it ("... không hay chỉ đề
# nghị?"), folded.
_ASKED_END = r"(?:,? hay (?:chi|la) [^,]*)?\W*$"
# "Sở B có được giao (chủ trì) nhiệm vụ ... không": the body before the question's verb,
# after what the question opens with ("Trong kế hoạch A, Sở B có được giao ..."); or "Chỉ
# thị A có giao nhiệm vụ cho Sở B không", "có giao Sở B chủ trì ... không": the body it
# is given to.
_TASKED_RE = re.compile(
    # ("... có bị UBND tỉnh giao ...": the body giving it named between)
    r"(?:^|, )(?P<body>[^,]+?) (?:co )?(?:(?:duoc|bi)(?: \w+){0,6}? giao(?! thong\b)|co nhiem vu"
    # "... có phải chịu trách nhiệm ...", "... có phải là một bên ký quy chế ..."
    r"|co trach nhiem|co phai chiu trach nhiem|co phai la (?:mot )?ben)\b"
    # "Sở B có (phải là cơ quan) chủ trì ... không": whether it leads is asked of its items
    # (not "có phối hợp với A ... không", which a clause naming both tells).
    r"|(?:^|, )(?P<leads>[^,]+?) co (?:phai )?(?:(?:la )?(?:co quan|don vi|luc luong) )?"
    r"chu tri\b"
    # ("giao nhiệm vụ trực tiếp cho", "giao riêng cho": how it is given, said between)
    r"|\bgiao (?:nhiem vu |trach nhiem |viec )?(?:(?:truc tiep|rieng|cu the) )?"
    r"cho (?P<given>[^,]+?)"
    r"(?: (?:nhiem vu|trach nhiem|chu tri|phoi hop)\b[^,]*)? (?:hay )?khong"
    + _ASKED_END
    # ... or "có giao Sở B chủ trì ... không", the task named after it.
    + r"|\bgiao (?!thong\b|duc\b|hoi\b|dich\b|luu\b)(?P<named>[^,]+?) (?:chu tri|phoi hop)\b[^,]*"
    r" (?:hay )?khong" + _ASKED_END
)


def tasked_body(question: str) -> str | None:
    """The body a yes/no question asks whether it was given a task ("Ủy ban MTTQ tỉnh có
    được giao nhiệm vụ nào không?" -> "mat tran to quoc"), as `body_of` gives it; None when
    what it names is not a body."""
    spelled = _spelled_out(question)
    folded = fold(spelled).lower()
    match = _TASKED_RE.search(folded)
    if match is None:
        return None
    group = next(name for name, value in match.groupdict().items() if value)
    start, end = match.span(group)
    # ... up to what the task is about: "cho Tỉnh Đoàn trong chống đua xe không".
    about = _ABOUT_RE.search(folded, start, end)
    end = about.start() if about is not None else end
    # ... as typed, so its places are read ("Thừa Thiên Huế")
    named = spelled[start:end] if len(folded) == len(spelled) else folded[start:end]
    return body_of(f"{named} làm gì", bodies_only=True)


# Where a body named in a yes/no question gives way to what its task is about (folded).
_ABOUT_RE = re.compile(r" (?:trong|ve|de|khi|doi voi)\b")


# "... đề nghị Sở Y tế làm gì", "kiến nghị Sở B những gì": the body a proposal is made to.
_ADDRESSED_RE = re.compile(
    r"\b(?:de nghi|kien nghi|de xuat)(?: voi)? (?P<body>.+?) (?:lam|nhung|cac|viec)\b"
)


def addressee(question: str) -> str | None:
    """The body a question asks what was proposed to ("Công an xã đề nghị Sở Y tế làm gì?"
    -> "so y te"), folded and spelled out as `body_of` gives it; None when the
    question names none (or names what, not whom: "đề xuất những gì")."""
    spelled = _spelled_out(question)
    folded = fold(spelled).lower()
    match = _ADDRESSED_RE.search(folded)
    if match is None or len(folded) != len(spelled):
        return None
    return body_of(f"{spelled[match.start('body') : match.end('body')]} làm gì", bodies_only=True)


def _without_places(body: str, question: str) -> str:
    """The body without the provinces and districts the question names ("Sở B tỉnh A"),
    by their names and as written ("Thừa Thiên Huế" is the province "Huế")."""
    spans = [*place_spans(question), *bare_districts(question)]  # ... or typed bare: "CA A"
    written = {question[span.start : span.end] for span in spans}
    # ("công an" holds no place: typed without marks, "cong an thi xa" reads "Ân Thi")
    body = body.replace("cong an", "cong_an")
    for place in sorted({*places_named(question), *written}, key=len, reverse=True):
        body = re.sub(rf"\b{re.escape(fold(place).lower())}\b", " ", body)
    return " ".join(body.replace("cong_an", "cong an").split())


def _without_trailing_place(words: list[str]) -> list[str]:
    """The body's words without a place written after it as the question abbreviates it:
    "liên đoàn lao động tp hcm", "sở tư pháp tỉnh br vt" (its own city's or province's
    body is named without the place in that place's documents)."""
    # (not a unit word closing the body's own name, "công an thị xã", whose "an thi" is
    # a district's name elsewhere: a place's name follows its unit)
    if words and words[-1] in _UNIT_WORDS_LAST:
        return words
    for size in range(1, min(PLACE_WORDS, len(words) - 1) + 1):  # the shortest that is one
        if places_named(" ".join(words[-size:])):
            return words[:-size]
    return words


_UNIT_WORDS_LAST = frozenset(("xa", "huyen", "tinh", "quan", "phuong", "tran", "pho", "tp", "tx"))


def _spelled_out(text: str) -> str:
    """Abbreviations replaced by what they stand for, however typed ("Sở GD&ĐT", "so gd
    dt"), one already spelled out beside it written once ("MTTQ (Mặt trận Tổ quốc)")."""
    return spell_out(_SPELLED_OUT_RE.sub(r"\1", text))


# A document's number or a date: "Tờ trình số 1127/TTr-CAT-PC07" names no body PC07.
_NUMBERED_RE = re.compile(r"[^\s(),;]*\d[^\s(),;]*/[^\s(),;]+")


def folded_text(text: str) -> str:
    """A clause as bodies are compared in: abbreviations spelled out, folded, lower case;
    without the numbers of documents, which hold their drafting unit's code."""
    spelled = _spelled_out(_NUMBERED_RE.sub(" ", text))
    return " ".join(w for w in _NATIONAL_RE.sub(" ", fold(spelled).lower()).split() if w)


# The country in a body's full name, written or not ("Ngân hàng Nhà nước (Việt Nam) Chi
# nhánh tỉnh A", "Ủy ban MTTQ (Việt Nam) tỉnh"), and what is not a word (folded).
_NATIONAL_RE = re.compile(r"\bviet nam\b|\W+")


def _named_as(body: str) -> str:
    """What names the body in a text: its unit code when it has one ("PC08" names "Phòng
    Cảnh sát giao thông (PC08)" and "Phòng PC08 Công an tỉnh" alike), else all of it."""
    code = UNIT_CODE_RE.search(body)
    return code.group() if code else body


# "Các phòng nghiệp vụ Công an tỉnh": the police departments, each named with its code
# ("Phòng Cảnh sát kinh tế (PC03)", "Phòng Cảnh sát môi trường (PC05)"), all folded.
_DEPARTMENTS_ASKED_RE = re.compile(r"^(?:cac )?phong nghiep vu\b")
# ... opening the text (after an item's letter), its brackets folded away
_DEPARTMENT_RE = re.compile(r"^\W*(?:[a-z]\W+)?phong(?: [a-z]+){1,15} p[a-z]\d{2}\b")


def asks_departments(body: str) -> bool:
    """The body asked is the police departments together: "các phòng nghiệp vụ"."""
    return _DEPARTMENTS_ASKED_RE.match(body) is not None


def names_body(body: str, text: str) -> bool:
    """The text names the body (word for word, folded; by its code when it has one); two
    bodies asked together ("VKSND và TAND tỉnh"), each of them; asked the departments
    together, any of them."""
    folded = f" {folded_text(text)} "
    if asks_departments(body):
        return _DEPARTMENT_RE.match(folded) is not None
    return all(_found_at(_named_as(part), folded) >= 0 for part in _bodies_in(body))


MAX_INSERTED_WORDS = 2  # words a text's fuller name of a body adds between the asked ones


def _found_at(named: str, folded: str) -> int:
    """Where the body's name stands in the text (folded, space-padded): word for word, or
    with a word or two the fuller name adds ("Ban Quản lý Khu bảo tồn thiên nhiên A" asked
    as "Ban quản lý Khu bảo tồn A"); -1 when it does not."""
    at = folded.find(f" {named} ")
    if at >= 0:
        return at
    words = named.split()
    if len(words) < 3:
        return -1  # (a short name, "sở y tế", is named whole)
    gap = rf"(?: \w+){{0,{MAX_INSERTED_WORDS}}} "
    found = re.search(rf" {gap.join(map(re.escape, words))} ", folded)
    return found.start() if found is not None else -1


def _bodies_in(body: str) -> list[str]:
    """The bodies "A và B" names, when both sides are bodies ("viện kiểm sát nhân dân và tòa
    án nhân dân"); the body itself otherwise ("sở lao động thương binh và xã hội")."""
    parts = body.split(" va ")
    if len(parts) == 2 and all(_BODY_KIND_RE.match(part) for part in parts):
        return parts
    return [body]


# The unit a code closes in parentheses ("phòng cảnh sát quản lý hành chính về trật tự xã
# hội (pc06)"), folded: its kind, then its name (whose one comma may be "phòng, chống":
# "phòng an ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao (pa05)"); or the body
# whose unit a parenthesis names, closing with the code ("công an tỉnh (phòng cảnh sát pccc
# và cnch - pc07)").
_UNIT_NAMED_BEFORE = (
    r"\b(?:phong|doi|cuc|trung tam|cong an)\b(?:[^,;:()]|,(?= chong\b)){{0,90}}"
    r"\((?:[^()]{{0,80}}\W)?\s*{code}\s*\)"
)
# ... given the task by name, its name holding commas ("chỉ đạo Phòng Cảnh sát phòng cháy,
# chữa cháy và cứu nạn, cứu hộ (PC07) bố trí ...").
_UNIT_TASKED = (
    r"\b(?:chi dao|giao cho|giao|yeu cau|de nghi) (?:phong|doi|cuc|trung tam|cong an)\b"
    r"[^;:()]{{0,90}}\(\s*{code}\s*\)"
)


def owns(body: str, text: str) -> bool:
    """The body stands where an item names its owner: near its start, and not only as a
    body to work with ("phối hợp với Sở B")."""
    folded = f" {folded_text(text)} "
    body = _bodies_in(body)[0]  # of two asked together, the first stands as the owner
    at = _found_at(_named_as(body), folded)
    if at < 0:
        return False
    before = folded[:at]
    if re.search(r"\b(?:chi dao|giao cho|giao|yeu cau|de nghi)\s*$", before):
        return True  # "B chỉ đạo Liên đoàn Lao động tỉnh thành lập ...": the task is its
    code = _named_as(body)
    if UNIT_CODE_RE.fullmatch(code):
        # A code in parentheses after the unit's full name: "Chỉ đạo Phòng Cảnh sát quản lý
        # hành chính về trật tự xã hội (PC06) kiểm tra ...": the name opens where the owner
        # stands.
        raw = fold(text).lower()
        if re.search(_UNIT_TASKED.format(code=re.escape(code)), raw):
            return True
        named = re.search(_UNIT_NAMED_BEFORE.format(code=re.escape(code)), raw)
        if named is not None:
            at, before = named.start(), raw[: named.start()]
            if re.search(r"\b(?:chi dao|giao cho|giao|yeu cau|de nghi)\s*$", before):
                return True
    if at > OWNER_REACH and text.rstrip().endswith(":"):
        # A lead-in opening with what it carries out: "Thực hiện Chỉ thị số ... về ..., Công
        # an huyện A đã triển khai các biện pháp:": its last part's subject owns the items.
        last = f" {folded_text(text.rsplit(',', 1)[-1])} " if "," in text else ""
        return last.find(f" {_named_as(body)} ") == 0
    return at <= OWNER_REACH and not re.search(r"\b(?:phoi hop|voi)\s*$", before)

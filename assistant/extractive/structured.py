"""Answers read from a document's structure: a named body's duties and who signed it.

A duty question ("Kế hoạch X giao Sở B nhiệm vụ gì?") is answered by the items that name
Sở B as their owner, each cited, in document order; a signer question by the line of the
signature block that names the signer. Both refuse rather than quote something else:
an item about another body is not an answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.extractive.bodies import asks_departments, folded_text, names_body, owns
from assistant.extractive.candidates import Candidate, Ranking
from assistant.extractive.lexicon import STOP_WORDS
from assistant.extractive.passage_views import PassageView, quotable
from assistant.extractive.question import QuestionAnalysis
from assistant.extractive.sentences import ITEM_MARKER_RE
from assistant.extractive.tables import cells
from assistant.extractive.years import item_heading
from index.extraction.bodies import ASKING_LEAD_RE, read_owners
from index.extraction.duties import ARTICLE_PREFIX
from index.extraction.records import DutyItem
from index.signatures import SIGNED_MARK_RE
from index.vietnamese import UPPER_LETTERS, fold

# A personal name: two to four capitalised syllables ("Nguyễn Văn An").
# (A middle name may be one letter: "Vàng A Dình", "Giàng A Lử".)
_NAME_RE = re.compile(r"\b[A-ZĐ][a-zà-ỹđ]+(?: [A-ZĐ][a-zà-ỹđ]*(?![\w.])){1,3}")
# A suspect's name as news writes it, the given name cut to its initial: "Nguyễn Văn H.".
_INITIALLED_RE = re.compile(r"\b[A-ZĐ][a-zà-ỹđ]+(?: [A-ZĐ][a-zà-ỹđ]+){1,2} [A-ZĐ]\.(?!\w)")
# A signature block's lines ("KT. CHỦ TỊCH", "T/M BAN THƯỜNG VỤ") or a sentence saying who
# signed ("do đồng chí ... ký").
_SIGNING_RE = re.compile(
    r"\b(?:ký|kí)\b|\b(?:KT|TM|T/M)\.?\s|\b(?:CHỦ TỊCH|BÍ THƯ|GIÁM ĐỐC|TRƯỞNG)\b"
)
MAX_ITEMS = 3
SIGNING_REACH = 3  # lines from a signing title ("KT. CHỦ TỊCH") down to the signer's name
# Lines of a signature block above the name: "KT.", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Đã ký)".
SIGNING_BLOCK_LINES = 5
# Capitalised words that open the names of bodies, places and documents, not of people.
_NOT_PERSON = frozenset(
    [
        "Công",
        "Ủy",
        "Uỷ",
        "Sở",
        "Ban",
        "Phòng",
        "Bộ",
        "Hội",
        "Đảng",
        "Tỉnh",
        "Huyện",
        "Xã",
        "Thành",
        "Thị",
        "Chỉ",
        "Kế",
        "Nghị",
        "Quyết",
        "Trung",
        "Văn",
        "Đội",
        "Tổ",
        "Cục",
        "Viện",
        "Tòa",
        "Mặt",
        "Liên",
        "Đoàn",
        "Cảnh",
        "An",
        "Ngày",
        "Theo",
        "Tại",
        "Trường",
        "Khu",
        "Thôn",
        "Bản",
    ]
)
_TITLED_RE = re.compile(
    r"\b(?:đồng chí|ông|bà|anh|chị|Đại tá|Thượng tá|Trung tá|Thiếu tá|Đại úy|Thượng úy"
    r"|Trung úy|Bí thư|Chủ tịch|Giám đốc|Trưởng|Phó)\s+(?:[\w ]{0,40}?\s)?"
    r"(?P<name>[A-ZĐ][a-zà-ỹđ]+(?: [A-ZĐ][a-zà-ỹđ]*(?![\w.])){1,3})"
)
# Words that open a title or a body, never a name: "Phó Trưởng Công an xã" names nobody.
_NOT_NAME_OPENERS = frozenset(("Trưởng", "Phó", "Chủ", "Giám", "Bí", "Chỉ", "Đội", "Thủ"))


def duty_clauses(
    analysis: QuestionAnalysis, views: Sequence[PassageView], ranking: Ranking
) -> list[list[tuple[PassageView, int]]]:
    """The items that give the asked body a task, best scored first, each read on to the
    end of its item (the task after "Sở B:" or "Sở B chủ trì, ...")."""
    body = analysis.body
    if body is None:
        return []
    groups: list[tuple[tuple[bool, bool], list[tuple[PassageView, int]]]] = []
    seen: set[tuple[int, int]] = set()
    for candidate in ranking.candidates:
        view, index = candidate.view, candidate.index
        # Items under a heading giving the body its part ("Điều 9. Trách nhiệm của Đồn
        # Biên phòng") first: a title naming it among others ("Phối hợp giữa A và B")
        # gives it no task of its own.
        headed = _under_its_heading(body, candidate)
        if (id(view), index) in seen or not (headed or _owned_by(body, view, index)):
            continue
        group = _item(view, index)
        seen.update((id(view), i) for _, i in group)
        # ... then a lead-in naming it with the items it leads ("B đã triển khai các biện
        # pháp:" / "- ..."), before a sentence that only names it.
        # (its items: not a speaker's "... cho biết:" and the sentences quoted)
        listed = (
            len(group) > 1
            and view.clauses[index].text.rstrip().endswith(":")
            and not view.clauses[group[1][1]].text.lstrip().startswith(('"', "“"))
        )
        groups.append(((not headed, not listed), group))
    groups.sort(key=lambda pair: pair[0])
    return [group for _, group in groups[:MAX_ITEMS]]


def register_duty_clauses(
    analysis: QuestionAnalysis,
    views: Sequence[PassageView],
    ranking: Ranking,
    duties_of: Callable[[str], Sequence[DutyItem]],
    line_before: Callable[[PassageView], list[tuple[PassageView, int]]] = lambda view: [],
) -> list[list[tuple[PassageView, int]]]:
    """The asked body's duty items as extraction read them at index time (an item may span
    chunks retrieval cut apart), as the clauses that hold them, best scored item first.
    `line_before(view)` gives the last clause of the passage before the view's, if known."""
    body = analysis.body
    if body is None:
        return []
    order = {(id(c.view), c.index): rank for rank, c in enumerate(ranking.candidates)}
    groups: list[tuple[tuple[bool, int], tuple[str, str], list[tuple[PassageView, int]]]] = []
    for source in dict.fromkeys(view.passage.source for view in views):
        in_source = [view for view in views if view.passage.source == source]
        for duty in duties_of(source):
            # (the departments asked together: each item opening with one, by its code)
            departments = asks_departments(body) and names_body(body, duty.text)
            if not departments and not any(
                _same_body(body, owner) for owner in (duty.body, *duty.co_bodies)
            ):
                continue
            group = [
                (view, index)
                for view in in_source
                for index, clause in enumerate(view.clauses)
                if clause.start < duty.end and duty.start < clause.end and not clause.carried
            ]
            if group and read_owners(duty.text, 0, len(duty.text)) is None:
                # A paragraph under the line naming its bodies ("7. Đề nghị Ủy ban MTTQ tỉnh
                # và Hội A" / "Vận động hội viên ..."): that line says whose, and how;
                # at a passage's start, it closes the passage before.
                view, first = group[0]
                above = [(view, first - 1)] if first > 0 else line_before(view)
                line = above[0][0].clauses[above[0][1]].text if above else ""
                line = ITEM_MARKER_RE.sub("", line, count=1)  # "7. Đề nghị ..."
                owners = read_owners(line, 0, len(line), with_task=False)
                named = (owners.body, *owners.co_bodies) if owners else ()
                # Only where it says how the body is asked ("Đề nghị"): a bare "3. Sở Y tế"
                # above adds nothing to the task.
                if ASKING_LEAD_RE.match(line) and any(_same_body(body, o) for o in named):
                    group.insert(0, above[0])
            if group:
                best = min(order.get((id(v), i), len(order)) for v, i in group)
                # The body's own article ("Điều 9. Trách nhiệm của X" / "a) ...") before an
                # item elsewhere that names it among others.
                own_article = duty.section.startswith(ARTICLE_PREFIX)
                groups.append(((not own_article, best), (source, _item_of(duty)), group))
    return _by_item(groups)


def _item_of(duty: DutyItem) -> str:
    """The numbered item a duty's numbering path falls under: "IV.2" of "IV.2.c" (a part's
    Roman number is no item), "Điều 9" of "Điều 9.a"; an unnumbered sentence is its own."""
    labels = duty.section.split(".")
    for at, label in enumerate(labels):
        if label.isdigit() or label.startswith(ARTICLE_PREFIX):
            return ".".join(labels[: at + 1])
    return f"{duty.section}@{duty.start}"


def _by_item(
    groups: list[tuple[tuple[bool, int], tuple[str, str], list[tuple[PassageView, int]]]],
) -> list[list[tuple[PassageView, int]]]:
    """The groups of the best `MAX_ITEMS` items, best first, and all of an item's points
    ("2. Công an tỉnh:" / "a) ..." ... "d) ..."): a body's tasks under its own item are one
    answer, however many points they run to; its best point first (the one the question is
    about), then the others in the document's order."""
    best: dict[tuple[str, str], tuple[tuple[bool, int], list[tuple[PassageView, int]]]] = {}
    for rank, item, group in groups:
        if item not in best or rank < best[item][0]:
            best[item] = (rank, group)
    kept = sorted(best, key=lambda item: best[item][0])[:MAX_ITEMS]
    in_order = sorted(groups, key=lambda g: g[2][0][0].clauses[g[2][0][1]].start)
    return [
        group
        for item in kept
        for group in [best[item][1]]
        + [group for _, own, group in in_order if own == item and group is not best[item][1]]
    ]


# Function words as a folded question holds them, which tell no task apart.
_FOLDED_STOPS = frozenset(fold(word).lower() for word in STOP_WORDS)
# A lead role asked of a body (folded): "có phải cơ quan chủ trì ... không", "có được giao
# làm nòng cốt ... không", "là cơ quan thường trực", "đầu mối".
_LEAD_ROLE_RE = re.compile(r"\b(?:chu tri|nong cot|thuong truc|dau moi)\b")


# ... not which task it leads: "có được giao chủ trì nhiệm vụ nào không", "việc gì".
_WHICH_TASK_RE = re.compile(r"\b(?:nao|gi)\b")


def role_asked(analysis: QuestionAnalysis) -> bool:
    """A lead role is asked of a body: "Hội B có phải đơn vị chủ trì ... không"."""
    asked = fold(analysis.text).lower()
    return (
        analysis.body is not None
        and bool(_LEAD_ROLE_RE.search(asked))
        and not _WHICH_TASK_RE.search(asked)
    )


def role_holders(
    analysis: QuestionAnalysis,
    groups: Sequence[Sequence[tuple[PassageView, int]]],
    ranking: Ranking,
) -> list[tuple[PassageView, int]]:
    """For "Hội B có phải đơn vị chủ trì kế hoạch không": the clauses of the documents
    naming Hội B's items that give that role to another body ("Giao Công an tỉnh chủ trì,
    ..."), which tell the answer as Hội B's own item ("phối hợp") does not; those naming
    more of the question's other words ("kế hoạch") first, then by score. Empty when the
    question asks no lead role."""
    role = _LEAD_ROLE_RE.search(fold(analysis.text).lower())
    if not role_asked(analysis) or role is None or analysis.body is None:  # (for the types)
        return []
    places = " ".join((*analysis.provinces, *analysis.localities))
    asked = set(folded_text(analysis.text).split()) - set(analysis.body.split())
    asked -= set(role.group().split()) | _FOLDED_STOPS | set(folded_text(places).split())
    sources = {view.passage.source for group in groups for view, _ in group}
    taken = {(id(view), index) for group in groups for view, index in group}
    found: list[tuple[int, int, tuple[PassageView, int]]] = []
    for rank, candidate in enumerate(ranking.candidates):
        view, index = candidate.view, candidate.index
        if view.passage.source not in sources or (id(view), index) in taken:
            continue
        text = candidate.clause.text
        if cells(text) is not None:
            continue  # "| Nội dung | ... | Đơn vị chủ trì |": a column's name, no body's role
        # Any lead role answers: "Là cơ quan thường trực ... thực hiện Chỉ thị" tells who
        # leads a directive asked "đơn vị chủ trì thực hiện Chỉ thị".
        if _LEAD_ROLE_RE.search(folded_text(text)) and not owns(analysis.body, text):
            # ... the words its whole item says: "a) Chủ trì ... thực hiện Kế hoạch; chỉ đạo
            # ... kiểm tra các cơ sở cầm đồ" for "chủ trì KH về cơ sở cầm đồ".
            item = " ".join(view.clauses[i].text for _, i in _item(view, index))
            found.append((-len(asked & set(folded_text(item).split())), rank, (view, index)))
    return [clause for *_, clause in sorted(found, key=lambda f: f[:2])]


def _same_body(asked: str, owner: str) -> bool:
    """The asked body is the owner, or names it more or less fully ("Sở Y tế" / "Sở Y tế
    tỉnh"), compared folded with abbreviations spelled out."""
    written = folded_text(owner)
    return names_body(asked, owner) or (bool(written) and f" {written} " in f" {asked} ")


def _owned_by(body: str, view: PassageView, index: int) -> bool:
    clause = view.clauses[index]
    if cells(clause.text) is not None:
        return False  # "| Xã A | 14 | 10 |": a table's row gives figures, not tasks
    if owns(body, clause.text):
        return True
    lead_in = clause.lead_in
    return lead_in is not None and owns(body, view.clauses[lead_in].text)


# A heading giving a body the items under it (folded, its article's number left out):
# "Điều 9. Trách nhiệm của Đồn Biên phòng", "2. Nhiệm vụ của Công an xã".
_DUTIES_HEADING_RE = re.compile(
    r"^\W*(?:(?:dieu|muc|phan) \w+\W+|\w{1,4}[.)]\s*)?(?:trach nhiem|nhiem vu)(?: cua)? (.+?)\W*$"
)


def _under_its_heading(body: str, candidate: Candidate) -> bool:
    """The clause is an item under a heading giving the body its items ("Điều 9. Trách
    nhiệm của Đồn Biên phòng" / "a) Chủ trì ..."), named more or less fully."""
    if not candidate.clause.marker:
        return False
    heading = _DUTIES_HEADING_RE.match(fold(item_heading(candidate, nearest=True)).lower())
    return heading is not None and _same_body(body, heading.group(1))


def _item(view: PassageView, index: int) -> list[tuple[PassageView, int]]:
    """The clause and the ones after it up to the next item of the list."""
    group = [(view, index)]
    for following in range(index + 1, len(view.clauses)):
        clause = view.clauses[following]
        if clause.marker in ("number", "letter") or clause.heading:
            break
        if quotable(clause, view.passage):
            group.append((view, following))
    return group


def signed_under(
    views: Sequence[PassageView], is_title: Callable[[str], bool]
) -> tuple[PassageView, int] | None:
    """The name signed under a title line in capitals that `is_title` accepts ("TRƯỞNG
    CÔNG AN XÃ" then "Thiếu tá Nguyễn Văn A"), within a signature block's reach."""
    for view in views:
        if not view.eligible:
            continue
        for index, clause in enumerate(view.clauses):
            if not (clause.text.isupper() and is_title(clause.text)):
                continue
            for below in range(index + 1, min(index + 1 + SIGNING_REACH, len(view.clauses))):
                if names_person(view.clauses[below].text):
                    return view, below
    return None


def signing_block(view: PassageView, name: int) -> list[int]:
    """The signature block ending at the signer's name: the title lines above it within
    reach ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Đã ký)"), so the answer says in what capacity.
    A block laid out beside the "Nơi nhận:" list may come interleaved with its items ("- Như
    trên;" between "PHÓ TRƯỞNG CÔNG AN HUYỆN" and the name): those are passed over, and the
    name is quoted first, its title lines after it."""
    block = [name]
    read = 0
    for above in range(name - 1, max(name - 1 - 2 * SIGNING_BLOCK_LINES, -1), -1):
        text = _signing_column(view.clauses[above].text)
        if text is None or read == SIGNING_BLOCK_LINES:
            break
        if _RECIPIENT_ITEM_RE.match(text):
            continue
        read += 1
        if not text or text.isupper() or SIGNED_MARK_RE.fullmatch(text):
            block.insert(0, above)
        else:
            break
    while block[0] != name and not _signing_column(view.clauses[block[0]].text):
        block.pop(0)  # an empty row opens no block
    if block[-1] - block[0] == len(block) - 1:  # one run of lines: quoted as one
        return block
    return [name, *block[:-1]]  # the name first, then the capacity it signed in


def closing_signing_lines(view: PassageView, tabled: bool) -> list[int]:
    """The signature block's title lines closing a passage ("KT. CHỦ TỊCH", "PHÓ CHỦ
    TỊCH"), for a signer's name that opens the next one (a chunk cut inside the block);
    laid out as the name is (`tabled`: rows of the table beside "Nơi nhận:", whose heading
    above is no title). Empty when the passage does not close with any."""
    lines: list[int] = []
    for above in range(len(view.clauses) - 1, -1, -1):
        line = view.clauses[above].text.strip()
        text = _signing_column(line)
        if text is None or len(lines) == SIGNING_BLOCK_LINES or ("|" in line) != tabled:
            break
        if _RECIPIENT_ITEM_RE.match(text) or not text:
            continue
        if not (text.isupper() or SIGNED_MARK_RE.fullmatch(text)):
            break
        lines.insert(0, above)
    return lines


# An item of the "Nơi nhận:" list ("- Như trên;", "- Lưu: VT, TH."), which may carry the
# block's "(đã ký)" on its line.
_RECIPIENT_ITEM_RE = re.compile(r"^[-+•]\s")


def _signing_column(line: str) -> str | None:
    """What a line of the signature block says: the line, or in a table laid out as two
    columns ("| Nơi nhận: | KT. GIÁM ĐỐC |") its last column, "" for an empty row; None
    for a table's rule row."""
    line = line.strip()
    if not line.startswith("|"):
        return line
    row = cells(line)
    return row[-1] if row is not None else None


def names_person(text: str) -> bool:
    """The text names a person: a name after a title ("đồng chí", "Đại tá", "Chủ tịch"), or
    three or four capitalised words that do not open a body's or a place's name."""
    for match in _TITLED_RE.finditer(text):
        first = match.group("name").split()[0]
        if first not in _NOT_PERSON and first not in _NOT_NAME_OPENERS:
            return True
    for match in (*_NAME_RE.finditer(text), *_INITIALLED_RE.finditer(text)):
        words = match.group().split()
        if len(words) >= 3 and words[0] not in _NOT_PERSON | _NOT_NAME_OPENERS:
            return True
    return False


def body_named(analysis: QuestionAnalysis, views: Sequence[PassageView]) -> bool:
    """Some passage names the asked body at all."""
    body = analysis.body
    return body is not None and any(names_body(body, view.passage.text) for view in views)


def signer_clause(
    views: Sequence[PassageView], signer: str | None
) -> tuple[PassageView, int] | None:
    """The clause naming the signer: extraction's, else a person's name on a signing line or
    just under one ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Lê Văn A"); the last one in the document
    (the signature block closes it)."""
    found: tuple[PassageView, int] | None = None
    if signer and signer.isupper():
        signer = None  # a body's line read as the signer ("CÔNG AN THÀNH PHỐ"): no name
    for view in sorted(views, key=lambda v: v.passage.start):
        since_signing = SIGNING_REACH + 1
        for index, clause in enumerate(view.clauses):
            recipient = _RECIPIENT_ITEM_RE.match(clause.text.strip())
            if recipient and not _SIGNING_RE.search(clause.text) and not names_person(clause.text):
                continue  # the "Nơi nhận:" list laid out beside the block, between its lines
            since_signing = 0 if _SIGNING_RE.search(clause.text) else since_signing + 1
            if signer:
                if signer in clause.text:
                    found = (view, index)
            elif since_signing <= SIGNING_REACH and names_person(clause.text):
                found = (view, index)
    return found


def joint_block(view: PassageView, block: list[int]) -> list[int]:
    """A signature block with the one signed beside it, for a document two bodies sign (a
    "quy chế phối hợp"): laid out side by side, the other signer's title lines and name
    come just above this one's ("... | GIÁM ĐỐC", "Đại tá A"). Read up over signature
    lines only (titles in capitals, "(đã ký)", names); the block alone where no other name
    is among them."""
    start = min(block)
    above = start
    for index in range(start - 1, max(start - 1 - 2 * SIGNING_BLOCK_LINES, -1), -1):
        text = view.clauses[index].text.strip()
        parts = [part.strip() for part in text.split("|")]
        if not all(_signature_line(part) for part in parts):
            break
        above = index
    others = [i for i in range(above, start) if _signed_name(view.clauses[i].text)]
    if not others:
        return block
    return [*range(above, start), *block] if block[0] == start else [*block, *range(above, start)]


def _signature_line(text: str) -> bool:
    """A line of a signature block: a title in capitals, "KT.", "(đã ký)", a signer's name."""
    return (
        not text
        or text.isupper()
        or SIGNED_MARK_RE.fullmatch(text) is not None
        or (_signed_name(text) and len(text.split()) <= MAX_SIGNER_WORDS)
    )


# A name alone on a signature block's line: two to four capitalised words ("Đoàn Văn A",
# whose family name also opens bodies' names elsewhere: "Đoàn Thanh niên").
_CAPITAL, _SMALL = f"[{UPPER_LETTERS}]", f"[^\\W\\d_{UPPER_LETTERS}]"
_SIGNED_NAME_RE = re.compile(rf"{_CAPITAL}{_SMALL}+(?: {_CAPITAL}{_SMALL}*){{1,3}}")


def _signed_name(text: str) -> bool:
    """A signature block's line naming its signer."""
    return names_person(text) or _SIGNED_NAME_RE.fullmatch(text.strip()) is not None


MAX_SIGNER_WORDS = 7  # "Thượng tá Nguyễn Văn A": a name line, not a sentence naming one

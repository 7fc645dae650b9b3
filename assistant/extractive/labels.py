"""What a report files under a label: "Đối tượng dùng thủ đoạn gì?", "gặp những khó khăn
gì?", "kiến nghị những gì?".

Reports and news put these under a word of their own: a heading ("III. KHÓ KHĂN, VƯỚNG
MẮC", "**5. Đề xuất, kiến nghị**") with its items below, a lead-in ("Các thủ đoạn chủ yếu
gồm:", "Thủ đoạn của các đối tượng: ..."), or a sentence naming it ("vướng mắc chủ yếu hiện
nay là ..."). The answer is what stands under the label, not the clause that best repeats
the question's other words (which is usually the report's opening figure).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.extractive.candidates import Candidate, Ranking
from assistant.extractive.evidence import CAUSE_STATED
from assistant.extractive.passage_views import PassageView, is_heading_line, one_paragraph
from assistant.extractive.question import QuestionAnalysis, QuestionType
from assistant.extractive.sentences import BARE_ITEM_CHARS, ITEM_MARKER_RE, rest_of_sentence
from index.vietnamese import canonical, fold

# What a report gives as causes: "3. Nguyên nhân" over items, "có nhiều nguyên nhân, chủ
# yếu là:"; asked by a question of reasons too ("vì sao ..., nguyên nhân chính là gì?").
CAUSES = ("nguyên nhân",)
# What a report proposes, and to whom: "Đề nghị Sở Tài chính ...".
PROPOSALS = ("kiến nghị", "đề xuất", "đề nghị")
# How offenders work, asked by the label or by "bằng cách nào", "hoạt động thế nào".
METHODS = ("thủ đoạn", "phương thức", "cách thức")
# What was done or is to be done: "có giải pháp gì" is answered by "Các biện pháp đã triển
# khai:" with its items, or by the items under "III. GIẢI PHÁP".
MEASURES = ("giải pháp", "biện pháp")
# What stands in the way: a report's own part ("III. KHÓ KHĂN, VƯỚNG MẮC").
DIFFICULTIES = ("khó khăn", "vướng mắc", "hạn chế", "tồn tại", "bất cập")
# Words a report labels a part with, each with the words it is filed under alike.
LABEL_GROUPS: tuple[tuple[str, ...], ...] = (
    METHODS,
    DIFFICULTIES,
    PROPOSALS,
    ("bài học", "kinh nghiệm"),
    MEASURES,
    ("tội danh", "tội(?! phạm)"),  # "khởi tố về tội gì": "về tội “Buôn lậu”", not "tội phạm"
    CAUSES,
)
# Methods are told without their label too: "các đối tượng thường lợi dụng đêm tối, ...".
_TOLD_AS = {
    # ... or as what the ring did together: "A cùng đồng bọn lập 20 trang mạng giả ..."
    "thủ đoạn": r"\b(?:đối tượng|kẻ gian|băng nhóm|nhóm này)\b[^.;:]{0,30}?\bthường\b"
    r"|\bcùng (?:đồng bọn|đồng phạm)\b",
}
# Labels said only with what they name in quotes: a law is full of "tội ... là".
_QUOTED_ONLY = frozenset(("tội danh",))
# Question types that ask for a labelled part: not a count, a date, a person or a duty.
_LABEL_TYPES = frozenset(
    {
        QuestionType.WHICH,
        QuestionType.LIST,
        QuestionType.OTHER,
        QuestionType.DEFINITION,
        QuestionType.TOPIC,
        QuestionType.MANNER,
    }
)
LEAD_WORDS = 6  # the label opens a lead-in within this many words: "Các thủ đoạn ... gồm:"
MAX_LABEL_ITEMS = 6  # items quoted under a heading, at most
HEADED_CLAUSES = 3 * MAX_LABEL_ITEMS  # clauses read under a heading, its items' own lines too
PARAGRAPH_CHARS = 600  # a paragraph from the sentence naming the label, quoted up to this
# "vướng mắc chủ yếu hiện nay là ...", "thủ đoạn của các đối tượng rất tinh vi: ...": the
# label, a few words, then what it is; or the label and what it names in quotes ("về tội
# “Buôn lậu”").
_NAMED_AS = r"\b{label}\b(?:[^.;:]{{0,50}}?(?:\b(?:là|gồm|như)\b|:(?:\s*\w|\s*$))|\s*[\"“])"
_QUOTED_AS = r"\b{label}\b\s*[\"“]"


@dataclass(frozen=True)
class AskedLabel:
    words: tuple[str, ...]  # as written: ("khó khăn", "vướng mắc", ...)
    implied: bool = False  # asked by the question's kind ("vì sao"), not by the label's word
    # Another label the question names with it ("nguyên nhân của hạn chế ..."): a heading
    # filing both ("III. HẠN CHẾ VÀ NGUYÊN NHÂN") answers with all its items.
    beside: tuple[str, ...] = ()

    @property
    def quoted_only(self) -> bool:
        return self.words[0] in _QUOTED_ONLY

    def in_text(self, text: str) -> bool:
        """A document names the label: read with its marks ("đêm tối" is no "tội")."""
        lowered = canonical(text).lower()
        return any(re.search(rf"\b{canonical(word)}\b", lowered) for word in self.words)

    def named_in(self, text: str) -> bool:
        """The text tells what stands under the label: "vướng mắc chủ yếu là ...", "về tội
        “Buôn lậu”", "các đối tượng thường ..." (methods)."""
        lowered = canonical(text).lower()
        said = _QUOTED_AS if self.quoted_only else _NAMED_AS
        told = _TOLD_AS.get(self.words[0])
        if told is not None and re.search(canonical(told), lowered):
            return True
        return any(re.search(said.format(label=canonical(word)), lowered) for word in self.words)


def asked_label(analysis: QuestionAnalysis) -> AskedLabel | None:
    """The label a question asks what stands under: "thủ đoạn gì", "những khó khăn nào",
    "kiến nghị những gì", or opens with ("Các thủ đoạn ... là gì?", a search "thu doan khai
    thac cat ..."); not "được đề nghị phối hợp việc gì", which asks a body's task, nor a law's
    "chấm dứt tồn tại trong trường hợp nào"."""
    folded = fold(analysis.text).lower()
    for group in LABEL_GROUPS:
        proposals = group is PROPOSALS
        # What was proposed to a body is asked as its task: "đề nghị Sở Y tế làm gì".
        if analysis.type not in _LABEL_TYPES and not (
            (proposals and analysis.type == QuestionType.DUTY)
            or (group is CAUSES and analysis.type == QuestionType.REASON)
        ):
            continue
        for label in (fold(word) for word in group):
            asked = [
                rf"(?<!\bduoc )\b{label} (?:nhung |cac )?(?:gi|nao)\b",
                rf"^\W*(?:cac |nhung )?{label}\b",
                # "hoạt động với phương thức, thủ đoạn ra sao": the label asked as a manner.
                rf"\b{label} (?:nhu )?(?:ra sao|the nao)\b",
                # "nguyên nhân chính là gì", "thủ đoạn chủ yếu gồm những gì"
                rf"(?<!\bduoc )\b{label}(?: \w+){{0,2}}? (?:la|gom) (?:nhung |cac )?(?:gi|nao)\b",
            ]
            if group is METHODS:  # "... bằng cách nào", "hoạt động thế nào", "dùng chiêu
                # (trò) gì": the methods; "trộm cắp xe máy diễn ra thế nào", "gây án ra sao"
                # too (not "tình hình ... diễn ra thế nào", which asks how things stand)
                asked.append(
                    r"\bbang cach nao\b|\bhoat dong(?:,[^?]*)? (?:nhu )?(?:the nao|ra sao)\b"
                    r"|\b(?:dung|bang) (?:nhung )?cach (?:gi|nao)\b"  # "dùng cách gì để ..."
                    r"|\bchieu (?:tro |lua )?(?:gi|nao)\b"
                    r"|^(?!.*\btinh hinh\b).*\b(?:dien ra|gay an) (?:nhu )?(?:the nao|ra sao)\b"
                )
            if group is MEASURES:  # "làm thế nào để kích hoạt cho người già": what was done
                asked.append(r"\blam (?:the nao|sao|cach nao|gi) de\b")
            if proposals:  # "kiến nghị Sở Tư pháp những gì": to whom, then what
                asked.append(rf"(?<!\bduoc )\b{label}(?: \S+){{1,6}}? (?:nhung |cac )?(?:gi|nao)\b")
            if any(re.search(pattern, folded) for pattern in asked):
                return AskedLabel(group, beside=_labels_beside(folded, group))
    if analysis.type == QuestionType.REASON:  # "vì sao ... tăng": a report files its causes
        return AskedLabel(CAUSES, implied=True)
    return None


def _labels_beside(folded: str, group: tuple[str, ...]) -> tuple[str, ...]:
    """The words of the other labels a question names (read folded)."""
    return tuple(
        word
        for other in LABEL_GROUPS
        if other is not group
        for word in other
        if re.search(rf"\b{fold(word)}\b", folded)
    )


def labelled_block(
    label: AskedLabel, ranking: Ranking, agrees: Callable[[Candidate], bool]
) -> list[tuple[PassageView, int]]:
    """The clauses under the label in the best-scoring passage that labels one (of the asked
    year and place, as `agrees` tells): a heading's items (the clause may be one of them, or
    the heading may be the passage's own), a lead-in with its items, or the paragraph from
    the sentence naming the label; empty when no passage labels it."""
    # A label written ("- Phương thức, thủ đoạn: ...") before one told in words ("đối tượng
    # cầm đầu thường ở ..."), which a better-scoring clause may hold in passing.
    told: list[tuple[PassageView, int]] = []
    pool = [c for c in ranking.candidates if c.view.eligible and agrees(c)]
    if label.implied and pool:
        # Asked "vì sao X" with no word of cause: first a reason given in words ("X vì sợ
        # ...") by a clause about X as much as the best one is, then a part filed as causes.
        # (A cause stated, "nguyên nhân chủ yếu là ...", before a bare "vì".)
        # ("do" only of the very best: "thiệt hại do cháy" says what, not why.)
        close = [c for c in pool if c.score >= IMPLIED_SCORE_SHARE * pool[0].score]
        tiers = ((_stated, close), (_given, close), (_given_by_do, close[:IMPLIED_DO_REACH]))
        for given, reach in tiers:
            if given is _given_by_do:
                # ... before a "do" said of another matter in the clause ("- Tỷ lệ X còn thấp;
                # còn 0,4% hồ sơ trễ hạn do ..."), the item filed as the cause right after it
                # ("- Nguyên nhân: địa bàn rộng, ...")
                views = list({id(c.view): c.view for c in ranking.candidates}.values())
                for candidate in reach:
                    if _given_by_do(_part_most_asked(candidate.clause.text, ranking)):
                        continue
                    cause = _cause_item_after(candidate, views, label)
                    if cause is not None:
                        return [(cause[0], i) for i in _told_from(*cause)]
            for candidate in reach:
                if given(candidate.clause.text):
                    view, index = candidate.view, candidate.index
                    return [(view, i) for i in _told_from(view, index, own_clause=True)]
    for candidate in pool:
        view, index = candidate.view, candidate.index
        heading = _heading_above(view, index)
        above = _heading_text(view, heading) if heading is not None else ""
        # (a table's header row names its columns: "Thủ đoạn | Số vụ" files nothing)
        labelled = above and not label.quoted_only and label.in_text(above)
        if heading is not None and labelled and "|" not in above:
            if _heads_more_than(above, label):
                # "III. HẠN CHẾ, NGUYÊN NHÂN": the items under its part naming the label
                # ("2. Nguyên nhân: ..."), not the shortcomings or results listed first.
                own = _opening_label(view, heading + 1, label)
                if own is not None:
                    return [(view, i) for i in _told_from(view, own)]
                # ... or, asked of both ("nguyên nhân của những hạn chế"), its items, where
                # no item opens with the asked label: the causes are filed with the rest.
                if label.beside and AskedLabel(label.beside).in_text(above):
                    items = _items_under(view, heading)
                    if items:
                        return [(view, i) for i in items]
            else:
                items = _items_under(view, heading)
                if items:
                    return [(view, i) for i in items]
        text = view.clauses[index].text
        # "... tăng 5 vụ, chủ yếu do ...": the cause of what was asked.
        if label.words == CAUSES and not label.implied and _stated(text):
            return [(view, i) for i in _told_from(view, index, own_clause=True)]
        if label.words == CAUSES and not view.clauses[index].is_lead_in:
            continue  # a cause told in a sentence is the clause giving it, not its paragraph
        # (nor a row of one: "Thủ đoạn khác | 9" counts cases; asked "vì sao", a sentence
        # naming causes in passing far below the best clause: "...; nguyên nhân do sét đánh")
        opens = _opens_with(text, label) and not label.quoted_only
        if opens and (not label.implied or view.clauses[index].is_lead_in):
            return [(view, i) for i in _told_from(view, index)]
        if not told and label.named_in(text):
            told = [(view, i) for i in _told_from(view, index)]
    return told


def _part_most_asked(text: str, ranking: Ranking) -> str:
    """The part of the clause between semicolons that holds most of the question's weight."""
    form = fold if ranking.folded else canonical

    def weight(part: str) -> float:
        words = set(re.findall(r"\w+", form(part).lower()))
        return sum(w for term, w in ranking.weights.items() if term in words)

    return max(text.split(";"), key=weight)


def _cause_item_after(
    candidate: Candidate, views: Sequence[PassageView], label: AskedLabel
) -> tuple[PassageView, int] | None:
    """The clause right after the candidate's sentence, in its passage or the next one of
    its document, when it opens with the causes label ("- Nguyên nhân: ..."): the cause of
    what that sentence tells."""
    view = candidate.view
    end = view.clauses[max(rest_of_sentence(view.clauses, candidate.index))].end
    following = [
        (clause.start, n, i)
        for n, other in enumerate(views)
        if other.passage.source == view.passage.source
        for i, clause in enumerate(other.clauses)
        if clause.start >= end
    ]
    if not following:
        return None
    _, n, index = min(following)
    after = views[n]
    text = after.clauses[index].text
    if is_heading_line(text) or not _opens_with(text, label):
        return None
    return after, index


def _heads_more_than(heading: str, label: AskedLabel) -> bool:
    """The heading names another part before the asked label: "HẠN CHẾ VÀ NGUYÊN NHÂN"; for
    causes, any part: "I. TÌNH HÌNH VÀ NGUYÊN NHÂN" heads the results first (not "3.
    Nguyên nhân của hạn chế", the label's own part). Measures are filed under headings
    naming their purpose as often ("Kết quả và giải pháp ...")."""
    opening = canonical(heading.strip().strip("#* ")).lower()
    # ... after its number ("II.", "3.", "b)") and a determiner ("III. CÁC BIỆN PHÁP ...")
    opening = re.sub(
        r"^(?:(?:[ivxlc]+|\d{1,2}|[a-zđ])[.)]\s*)?(?:(?:các|những|một số)\s+)?", "", opening
    )
    if any(opening.startswith(canonical(word)) for word in label.words):
        return False
    if label.words == CAUSES:
        return True
    return any(AskedLabel(group).in_text(heading) for group in LABEL_GROUPS if group != label.words)


def _opening_label(view: PassageView, start: int, label: AskedLabel) -> int | None:
    """The first clause from `start` opening with the label: "2. Nguyên nhân: ..."."""
    return next(
        (i for i in range(start, len(view.clauses)) if _opens_with(view.clauses[i].text, label)),
        None,
    )


def _opens_with(text: str, label: AskedLabel) -> bool:
    """The text, not a table's row, names the label in its first words ("Các thủ đoạn chủ
    yếu gồm:", "2. Nguyên nhân: ...")."""
    opening = " ".join(ITEM_MARKER_RE.sub("", text.strip()).split()[:LEAD_WORDS])
    return label.in_text(opening) and "|" not in text


def _stated(text: str) -> bool:
    """A cause stated: "nguyên nhân chủ yếu là ...", "tăng do ..."."""
    return re.search(CAUSE_STATED, canonical(text)) is not None


def _given(text: str) -> bool:
    """A reason given with "vì" or "bởi": "không khai báo vì ngại ..."."""
    return re.search(r"\b(?:vì|bởi)\b", canonical(text)) is not None


def _given_by_do(text: str) -> bool:
    """A state said to come from something with "do": "chưa đạt chỉ tiêu do nhiều người làm
    việc ở tỉnh khác", "nghiêm trọng do xe chạy quá nhanh" ("do" alone names a doer as
    often: "vi phạm do người chưa thành niên thực hiện", "do Công an xã chủ trì")."""
    return re.search(_STATE_FROM_RE, canonical(text)) is not None


# A state, then "do" and its source, in one clause (read canonical): not "tăng cường".
_STATE_FROM_RE = (
    r"\b(?:tăng(?! cường)|giảm|chưa|không|còn|thấp|cao|nghiêm trọng|phức tạp|chậm|hạn chế)\b"
    r"[^.;()]{0,60}?\bdo\b"
)

IMPLIED_SCORE_SHARE = 0.9  # "vì sao": clauses scoring this share of the best one, at least
IMPLIED_DO_REACH = 2  # ... and a reason given by "do" in the best two of them only


# A list item's marker, "(1)" included: what a list cut by retrieval goes on with.
_ITEM_RE = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|\(?[a-zđ]\)|[-+•–*])\s")


def is_marked_item(text: str) -> bool:
    """The text opens with a list item's marker: "(2)", "b)", "- "."""
    return _ITEM_RE.match(text) is not None


def continued_items(
    view: PassageView, after: int, room: int, kind: str = "", bare: bool = False
) -> list[int]:
    """The list items of the passage that go on a list cut at document offset `after`: of
    the list's marker `kind` when it has one ("b)" after "a)", not the next "4."); with
    `bare` (right after its lead-in), a web page's items too, short lines with no marker."""
    items: list[int] = []
    for i, clause in enumerate(view.clauses):
        if clause.start < after:
            continue
        other_kind = bool(kind) and clause.marker != kind
        unmarked = not _ITEM_RE.match(clause.text)
        if unmarked and bare and len(clause.text) < BARE_ITEM_CHARS:
            unmarked = False
        if len(items) >= room or unmarked or other_kind:
            break
        if is_heading_line(clause.text, lead_in=True):
            break
        items.append(i)
    return items


def paragraph_after(view: PassageView, after: int) -> list[int]:
    """The clauses of the passage's first paragraph starting at document offset `after` or
    later (up to `PARAGRAPH_CHARS`): what a heading ending the passage before heads."""
    first = next((i for i, c in enumerate(view.clauses) if c.start >= after), None)
    if first is None:
        return []
    if is_marked_item(view.clauses[first].text):
        # ... or its items ("- Trộm cắp xe máy: ...", "- Cướp giật: ..."), up to the
        # next heading: each item's own label is no heading of its own
        items: list[int] = []
        for i in range(first, min(len(view.clauses), first + HEADED_CLAUSES)):
            text = view.clauses[i].text
            if is_heading_line(text, lead_in=True) and not is_marked_item(text):
                break
            items.append(i)
        return items
    return _told_from(view, first)


def ends_passage(block: list[tuple[PassageView, int]]) -> bool:
    """The block runs to the passage's end: its list may go on in the next passage."""
    view, last = block[-1]
    return last == len(view.clauses) - 1


def _heading_above(view: PassageView, index: int) -> int | None:
    """The heading the clause stands under in the passage (its own index when it is one),
    -1 when it stands under one above the passage, None when under none."""
    for i in range(index, -1, -1):
        if is_heading_line(view.clauses[i].text, lead_in=True):
            return i
    return -1 if _heading_text(view, -1) else None


def _heading_text(view: PassageView, heading: int) -> str:
    """The heading's text; for -1, the line just above the passage when it is a heading
    (where retrieval cut a section below its heading), else the passage's heading."""
    if heading >= 0:
        return view.clauses[heading].text
    above = view.preceding.strip().rsplit("\n", 1)[-1] if view.preceding else ""
    return above if is_heading_line(above, lead_in=True) else view.passage.heading or view.section


# An item opening with its own label: "- Trộm cắp xe máy: đối tượng ...".
_ITEM_LABEL_RE = re.compile(r"^\W*([^:;.]{3,60}):")


def items_of_asked_kind(
    block: list[tuple[PassageView, int]], ranking: Ranking, label: AskedLabel
) -> list[tuple[PassageView, int]]:
    """Of a block's items each opening with its own label ("- Trộm cắp tài sản: ...", "-
    Cướp giật: ..."), the one whose label holds most of the question's words (but the asked
    label's own), when one does, with what stands before the first item (its heading) and
    its own lines after it; else the block as it is."""
    form = fold if ranking.folded else canonical
    asked = {w for word in label.words for w in form(word).lower().split()}
    weights_of = {term: w for term, w in ranking.weights.items() if term not in asked}

    def weight(n: int) -> float | None:
        view, index = block[n]
        text = view.clauses[index].text
        own = _ITEM_LABEL_RE.match(text)
        if own is None:
            return None  # no item of its own: a heading, or an item's next line
        after = block[n + 1] if n + 1 < len(block) else None
        if (
            not text[own.end() :].strip()
            and after
            and is_marked_item(after[0].clauses[after[1]].text)
        ):
            return None  # "- Nguyên nhân chủ yếu:" over its items "+ ...": their lead-in
        words = set(re.findall(r"\w+", form(own.group(1)).lower()))
        return sum(w for term, w in weights_of.items() if term in words)

    weights = [weight(n) for n in range(len(block))]
    labelled = [w for w in weights if w is not None]
    best = max(labelled, default=0.0)
    if len(labelled) < 2 or best == 0.0 or labelled.count(best) > 1:
        return block
    kept, current = [], None  # the weight of the item a clause belongs to (None: before any)
    for item, own in zip(block, weights, strict=True):
        current = own if own is not None else current
        if current is None or current == best:
            kept.append(item)
    return kept


def _items_under(view: PassageView, heading: int) -> list[int]:
    """The clauses after a heading, up to the next heading."""
    items: list[int] = []
    for i in range(heading + 1, len(view.clauses)):
        clause = view.clauses[i]
        if (
            is_heading_line(clause.text, lead_in=True)
            or _BARE_SECTION_RE.fullmatch(clause.text)  # "IV." cut from its heading
            or clause.label
            or len(items) >= MAX_LABEL_ITEMS
        ):
            break
        items.append(i)
    return items


_BARE_SECTION_RE = re.compile(r"\s*(?:(?:PHẦN|Phần) )?[IVXLC]+\.?\s*")  # "IV.", "PHẦN IV."


def _told_from(view: PassageView, index: int, own_clause: bool = False) -> list[int]:
    """A lead-in with the items it introduces; else the clause's sentence and the rest of
    its paragraph, up to `PARAGRAPH_CHARS`; with `own_clause`, the clause to its sentence's
    end (a long sentence's "...; nguyên nhân chủ yếu là do ..." gives the cause where it
    says it, and the sentences after it tell other things)."""
    clause = view.clauses[index]
    if clause.is_lead_in and not clause.carried:
        items = [i for i, c in enumerate(view.clauses) if c.lead_in == index][:MAX_LABEL_ITEMS]
        # ... up to the next heading ("4. Quản lý cư trú"), which opens another part
        heading = next(
            (n for n, i in enumerate(items) if is_heading_line(view.clauses[i].text)), None
        )
        items = items[:heading]
        if items:
            return [index, *items]
    if own_clause:
        return rest_of_sentence(view.clauses, index)
    first = min(i for i, c in enumerate(view.clauses) if c.sentence_start == clause.sentence_start)
    told = [first]
    text, offset = view.passage.text, view.passage.start
    for i in range(first + 1, len(view.clauses)):
        between = text[view.clauses[i - 1].end - offset : view.clauses[i].start - offset]
        span = view.clauses[i].end - view.clauses[first].start
        if "\n" in between or span > PARAGRAPH_CHARS:
            break
        told.append(i)
    return told


# A cause told as one side of two (folded): "nguyên nhân khách quan", "nguyên nhân chủ quan".
_CAUSE_SIDE_RE = re.compile(r"\bnguyen nhan (khach|chu) quan\b")


def other_side_of_cause(view: PassageView, index: int) -> list[int]:
    """For a cause told as one side ("Nguyên nhân chủ quan: ..."), the sentence of its
    paragraph telling the other ("Về khách quan, có nguyên nhân khách quan: ..."): "vì sao"
    is answered by both. Empty when the clause tells no side or the paragraph no other."""
    side = _CAUSE_SIDE_RE.search(fold(view.clauses[index].text).lower())
    if side is None:
        return []
    other = "chu" if side[1] == "khach" else "khach"
    told = next(
        (
            i
            for i, clause in enumerate(view.clauses)
            if (found := _CAUSE_SIDE_RE.search(fold(clause.text).lower()))
            and found[1] == other
            and one_paragraph(view, i, index)
        ),
        None,
    )
    if told is None:
        return []
    # ... its whole sentence: "Có nguyên nhân khách quan:" leads in to the causes.
    opening = view.clauses[told].sentence_start
    return [i for i, clause in enumerate(view.clauses) if clause.sentence_start == opening]

"""Vietnamese sentences and clauses with exact character offsets.

An answer quotes the sentence (or the clause of it) that holds the answer and cites its
offsets, so the cut must never fall inside "1.908", "3/2019", "TP. Điện Biên Phủ", "v.v."
or "Điều 12." and must follow how legal texts are built: numbered clauses ("1.", "2."),
lettered points ("a)", "b)") under a lead-in ending with ":", and long lists joined by ";".
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from index.sentences import sentence_spans, strip_span

# What opens a list item: "1.", "a)", "đ)", "-", "+", "•".
ITEM_MARKER_RE = re.compile(r"^(?:(\d+)\.(?!\d)|([a-zđ])\)|([-+•–]))\s*")
# Inside a long sentence: a new item "; b) " / ": 1. " or a plain "; " / ": " joint.
_CLAUSE_JOINT_RE = re.compile(r"(?<=[;:])\s+")
_HEADING_RE = re.compile(r"^\s*(?:Điều|Chương|Mục|Phần)\s+[\dIVXLC]+[a-zđ]?\s*[.:]", re.IGNORECASE)

# An article told whole on its name's line is longer than a name: "Điều 1. Tặng Bằng khen
# ... cho 18 tập thể và 27 cá nhân ... (có danh sách kèm theo)." is what the decision says.
ARTICLE_NAME_CHARS = 120


def article_told_whole(sentence: str) -> bool:
    """An "Điều N. ..." sentence that is the article's content, not its name: long, and
    ending as a sentence does."""
    sentence = sentence.strip()
    return len(sentence) > ARTICLE_NAME_CHARS and sentence.endswith((".", ";"))


# A sentence longer than this is cut into its ";" / ":" clauses.
LONG_SENTENCE_CHARS = 220


@dataclass(frozen=True)
class Clause:
    """A sentence, or a clause of a long one, at its exact place in the document.

    `start`/`end` are document offsets (`document[start:end] == text`). `lead_in` is the
    index, in the same list, of the clause that introduces the list this one is an item of
    ("... thì bị phạt tù từ 03 năm đến 10 năm:" for "a) Làm chết người;").
    """

    start: int
    end: int
    text: str
    sentence_start: int
    sentence_end: int
    lead_in: int | None = None
    heading: bool = False
    carried: bool = False  # a lead-in the passage's heading carries: not in the passage's text
    label: bool = False  # names or lists, says nothing: an item of "Nơi nhận:" (never quoted)

    @property
    def is_lead_in(self) -> bool:
        return self.carried or self.text.endswith(":")

    @property
    def marker(self) -> str:
        """The item kind: "number", "letter", "bullet", or "" for plain text."""
        match = ITEM_MARKER_RE.match(self.text)
        if not match:
            return ""
        return "number" if match.group(1) else "letter" if match.group(2) else "bullet"


def _sentence_clauses(text: str, start: int, end: int, long_chars: int) -> list[tuple[int, int]]:
    """The sentence itself, or its clauses cut after ";" and ":" when it is a long list."""
    if end - start <= long_chars or not re.search(r"[;:]\s", text[start:end]):
        return [(start, end)]
    pieces: list[tuple[int, int]] = []
    cursor = start
    for joint in _CLAUSE_JOINT_RE.finditer(text, start, end):
        before = text[start : joint.start()]
        if before.count("(") > before.count(")"):
            continue  # "(chỉ tiêu giao: 70%)": a joint inside brackets cuts no clause
        if text[cursor : joint.start()].strip():
            pieces.append(strip_span(text, cursor, joint.start()))
        cursor = joint.end()
    if text[cursor:end].strip():
        pieces.append(strip_span(text, cursor, end))
    return pieces


BARE_ITEM_CHARS = 120  # an unmarked item on a line of its own is shorter than this


def _link_lead_ins(clauses: list[Clause], bare: Collection[int] = ()) -> list[Clause]:
    """Point each list item at the clause ending with ":" that introduces it.

    Items are the clauses of the lead-in's own sentence after the ":", then following
    sentences opening with the same kind of marker ("a)", "b)"... or "1.", "2."...), with
    any clause cut from an item's sentence, or (`bare`: indexes of short lines of their own
    with no final stop, as a web page's list items come without markers) a run of such
    lines; anything else closes the list.
    """
    linked: list[Clause] = []
    lead: int | None = None
    item_kind = ""
    for index, clause in enumerate(clauses):
        kind = clause.marker or ("line" if index in bare else "")
        if lead is not None and not _continues_list(clause, linked, kind, item_kind):
            lead, item_kind = None, ""
        if lead is not None:
            if clause.sentence_start != linked[-1].sentence_start:
                item_kind = item_kind or kind
            clause = Clause(**{**clause.__dict__, "lead_in": lead})
        linked.append(clause)
        if clause.is_lead_in:
            lead, item_kind = len(linked) - 1, ""
    return linked


def rest_of_sentence(clauses: Sequence[Clause], index: int) -> list[int]:
    """The clause and the clauses after it cut from the same sentence ("c) Phòng B kiểm tra
    ...;" / "bố trí 07 xe ...")."""
    sentence = clauses[index].sentence_start
    return [i for i in range(index, len(clauses)) if clauses[i].sentence_start == sentence]


def _continues_list(clause: Clause, linked: list[Clause], kind: str, item_kind: str) -> bool:
    if clause.sentence_start == linked[-1].sentence_start:
        return True  # a clause cut from the lead-in's or an item's own sentence
    return bool(kind) and kind == (item_kind or kind)


def split_clauses(
    text: str, offset: int = 0, long_chars: int = LONG_SENTENCE_CHARS, carried_lead_in: str = ""
) -> list[Clause]:
    """Sentences of `text`, long list-like ones cut into clauses, with document offsets.

    Args:
        text: a passage, exactly as it stands in the cleaned document.
        offset: where the passage starts in the document.
        long_chars: sentences longer than this are cut at ";" and ":".
        carried_lead_in: the clause the passage's first points belong to when the passage
            starts with a lettered point ("2. Phạm tội ... thì bị phạt tù từ 02 năm đến 07
            năm:" for "b) ..."); it comes first, `carried`, with an empty span at the start.
    """
    clauses: list[Clause] = []
    point = ITEM_MARKER_RE.match(text.lstrip())
    if carried_lead_in and point and point.group(2):  # a lettered point: "b) ..."
        clauses.append(
            Clause(offset, offset, carried_lead_in, offset - 1, offset - 1, carried=True)
        )
    for s_start, s_end in sentence_spans(text):
        heading = bool(_HEADING_RE.match(text, s_start)) and not article_told_whole(
            text[s_start:s_end]
        )
        for c_start, c_end in _sentence_clauses(text, s_start, s_end, long_chars):
            clauses.append(
                Clause(
                    start=offset + c_start,
                    end=offset + c_end,
                    text=text[c_start:c_end],
                    sentence_start=offset + s_start,
                    sentence_end=offset + s_end,
                    heading=heading,
                )
            )
    return _link_lead_ins(clauses, _bare_items(text, offset, clauses))


def _bare_items(text: str, offset: int, clauses: list[Clause]) -> set[int]:
    """Indexes of clauses that are short lines of their own with no final stop, or with
    the stop closing a run of items ended with ";" ("126 SIM;" / "480 triệu đồng.")."""
    bare = set()
    for index, clause in enumerate(clauses):
        start, end = clause.start - offset, clause.end - offset
        alone = start > 0 and text[start - 1] == "\n" and (end >= len(text) or text[end] == "\n")
        stops = clause.text.rstrip().endswith(".")
        closes = stops and index - 1 in bare and clauses[index - 1].text.rstrip().endswith(";")
        short = len(clause.text) < BARE_ITEM_CHARS and (not stops or closes)
        if alone and short and not clause.carried:
            bare.add(index)
    return bare


def heading_lead_in(heading: str) -> str:
    """The lead-in a chunk's heading carries on its second line, for a chunk that starts
    with points cut off from their clause ("Điều 418. ...\n2. Phạm tội ...:"); else ""."""
    _, _, rest = heading.partition("\n")
    return rest.strip()


def trim_points(text: str) -> list[int]:
    """Offsets in `text` where a quote may be trimmed: after ", " and "; " joints."""
    return [match.end() for match in re.finditer(r"[,;]\s+", text)]

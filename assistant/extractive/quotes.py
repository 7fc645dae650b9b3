"""Turning the answering clause into quotes: what it needs around it to be read (its list,
its sentence, its lead-in, the rest of a definition, its article's heading), merged when the
clauses follow each other in the document, trimmed to the part that holds the answer when too
long, and written out with [n] markers.

A quote is always a verbatim span of the cleaned document, so its citation's
`quote == document[start:end]` and every number in the answer is copied, never re-typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.extractive.candidates import Candidate
from assistant.extractive.evidence import asked_evidence, novelty
from assistant.extractive.passage_views import PassageView, one_paragraph
from assistant.extractive.question import QuestionAnalysis, QuestionType
from assistant.extractive.rankings import asks_extreme_places, ranks_places
from assistant.extractive.sentences import Clause, rest_of_sentence, trim_points
from index.vietnamese import fold

ELLIPSIS = "…"
LEAD_IN_MAX_CHARS = 300  # longer lead-ins are not repeated before a list item
MIN_LEAD_IN_WORDS = 3  # "Trong đó:", "Cụ thể:" lead in to items and say nothing of them
LIST_BLOCK_CHARS = 500  # a list (lead-in and items) this short is quoted whole
SENTENCE_MAX_CHARS = 500  # a sentence cut into clauses is quoted whole when it fits the budget
RESTATING_NOVELTY = 0.25  # a sentence this little new to the question is read on
HELD_EVIDENCE = 0.5  # a quote holding less of what was asked than this...
HEADING_EVIDENCE = 0.8  # ... is led by its heading when the heading holds this much
# A definition goes on after its first sentence: "X là ... . X bao gồm ...".
WHOLE_LINE_TYPES = (QuestionType.DEFINITION,)


@dataclass(frozen=True)
class Quote:
    """A verbatim span of one passage's document, with whether it was cut short.

    `lead` is the lead-in of the points quoted when the passage's heading carries it (the
    passage starts at a point cut off from its clause): shown before the quote, not cited.
    """

    view: PassageView
    start: int  # document offsets
    end: int
    cut_head: bool = False
    cut_tail: bool = False
    lead: str = ""

    @property
    def text(self) -> str:
        passage = self.view.passage
        return passage.text[self.start - passage.start : self.end - passage.start]

    @property
    def shown_chars(self) -> int:
        """Length of the quote as the answer shows it, its lead-in included."""
        return len(self.text) + (len(self.lead) + 3 if self.lead else 0)


def with_context(analysis: QuestionAnalysis, best: Candidate) -> list[int]:
    """Indexes of the clauses to quote for the best one: its whole list (lead-in and items)
    or its whole sentence when short, else the lead-in it depends on."""
    clauses, index = best.view.clauses, best.index
    clause = clauses[index]
    lead = index if clause.is_lead_in else clause.lead_in
    if lead is not None:
        block = [lead, *(i for i, c in enumerate(clauses) if c.lead_in == lead and not c.label)]
        if _span_chars(clauses, block) <= LIST_BLOCK_CHARS:
            return block
        if lead == index:  # the items that fit, in order
            room = LIST_BLOCK_CHARS - len(clause.text)
            fitting = [i for i in block[1:] if (room := room - len(clauses[i].text) - 2) >= 0]
            return [index, *fitting]
        # ... the item whole where a long one was cut at ";" ("c) Phòng B kiểm tra ...;" /
        # "bố trí 07 xe ..."), as far as its sentence goes within bounds
        item = rest_of_sentence(clauses, index)
        if _span_chars(clauses, item) > SENTENCE_MAX_CHARS:
            item = [index]
        # ... after its lead-in when that is short, but says something ("Trong đó:" does not)
        told = len(clauses[lead].text.split()) >= MIN_LEAD_IN_WORDS
        return [lead, *item] if told and len(clauses[lead].text) <= LEAD_IN_MAX_CHARS else item
    sentence = [i for i, c in enumerate(clauses) if c.sentence_start == clause.sentence_start]
    # A count, a date, a ranking of places: the sentence holding it, not what follows.
    focused = analysis.type in (QuestionType.COUNT, QuestionType.TIME) or (
        asks_extreme_places(analysis) and ranks_places(clause.text)
    )
    # A change asked, told by a sentence opening with what it compares ("So với cùng kỳ năm
    # 2030: giảm 05 vụ ..."): the figures it compares are the sentence's before.
    compared = []
    if _CHANGE_ASKED_RE.search(fold(analysis.text).lower()):
        compared = _compared_before(best.view, sentence[0])
    if compared and focused:
        return [*compared, index]
    sentence = [*compared, *sentence]
    if not focused and clause.sentence_end - clause.sentence_start <= SENTENCE_MAX_CHARS:
        if analysis.type in WHOLE_LINE_TYPES:
            return _read_on(best.view, sentence, within_line=True)
        if novelty(analysis, " ".join(clauses[i].text for i in sentence)) < RESTATING_NOVELTY:
            return _read_on(best.view, sentence, within_line=False)
        return [*sentence, *quotation_rest(best.view, sentence)]
    if focused and _CHANGE_ASKED_RE.search(fold(analysis.text).lower()):
        # "bao nhiêu vụ, so với cùng kỳ?": the change, where the figure's clause does not
        # give it, is read on to in its sentence ("...; so với cùng kỳ giảm 6 vụ").
        changed = (i for i in sentence if i > index and tells_change(clauses[i].text))
        upto = next(changed, None)
        run = list(range(index, (upto or index) + 1))
        if upto and not tells_change(clause.text):
            return run if _span_chars(clauses, run) <= SENTENCE_MAX_CHARS else [index, upto]
        # ... or in the next sentence, when it opens comparing ("... thiệt hại 12 tỷ đồng.
        # So với năm 2030: giảm 06 vụ (-11,11%), ...")
        after = sentence[-1] + 1
        if upto is None and not tells_change(clause.text) and after < len(clauses):
            following = clauses[after].text
            if (
                one_paragraph(best.view, sentence[-1], after)
                and _COMPARING_OPENING_RE.match(fold(following).lower())
                and tells_change(following)
            ):
                return [index, after]
    return [index]


# A sentence opening with what it compares with (folded): "So với năm 2023: ...", "So với
# cùng kỳ, ...".
_COMPARING_OPENING_RE = re.compile(r"^\W*so (?:voi|sanh voi)\b")
_DIGIT_RE = re.compile(r"\d")


def _compared_before(view: PassageView, first: int) -> list[int]:
    """For a sentence (opening at clause `first`) that opens comparing, the clauses of the
    sentence before it in its paragraph when that one gives figures; else none."""
    clauses = view.clauses
    if first == 0 or not _COMPARING_OPENING_RE.match(fold(clauses[first].text).lower()):
        return []
    start = clauses[first - 1].sentence_start
    before = [i for i in range(first) if clauses[i].sentence_start == start]
    told = " ".join(clauses[i].text for i in before)
    return before if one_paragraph(view, before[-1], first) and _DIGIT_RE.search(told) else []


# A change asked beside a figure (folded): "so với cùng kỳ", "tăng hay giảm", "tăng/giảm".
# (folded; "so cùng kỳ" typed short, or restored "số cùng kỳ")
_CHANGE_ASKED_RE = re.compile(r"\bso (?:voi|sanh|cung k[yi])\b|\btang hay giam\b|\btang\W+giam\b")
# A change told with its size (folded): "tăng 04 vụ", "giảm 2,5%", "(+12,3%)".
_CHANGE_TOLD_RE = re.compile(
    r"\b(?:tang|giam)\s+(?:[^\W\d]+\s+){0,2}\d|\(\s*[+\-−]\s*\d"
    r"|\b(?:cung k[iy]|nam (?:19|20)\d{2})(?: nam (?:19|20)\d{2})?\s*(?:la|:)\s*\d"
)


def tells_change(text: str) -> bool:
    """The text tells a change with its size, not only that something rose; or the figure
    compared with, beside the figure asked ("(cùng kỳ năm 2026 là 2,41 tỷ đồng)")."""
    return _CHANGE_TOLD_RE.search(fold(text).lower()) is not None


def part_context(
    analysis: QuestionAnalysis, parts: Sequence[Candidate], budget: int
) -> list[list[int]]:
    """Clauses to quote for each part of an answer drawn from several places or documents:
    each with its context when all fit the budget together, else each reduced to its
    sentence (or the clause alone when the sentence is longer than its share), so that every
    part is shown and cited rather than the first alone."""
    full = [with_context(analysis, part) for part in parts]
    if sum(_span_chars(p.view.clauses, b) for p, b in zip(parts, full, strict=True)) <= budget:
        return full
    share = budget // max(len(parts), 1)
    reduced = []
    for part in parts:
        clauses, clause = part.view.clauses, part.view.clauses[part.index]
        sentence = [i for i, c in enumerate(clauses) if c.sentence_start == clause.sentence_start]
        fits = clause.sentence_end - clause.sentence_start <= share
        reduced.append(sentence if fits else [part.index])
    return reduced


def quotation_rest(view: PassageView, chosen: list[int]) -> list[int]:
    """The clauses after the chosen ones up to the closing mark of a speaker's quotation
    they are in, read on as `_read_on` does within a line: an officer's account ("... cho
    biết: "Các đối tượng ... . Hàng được giấu trong ... "") goes on past its first
    sentence. Empty when they are in none, or it closes with them."""
    clauses, text, offset = view.clauses, view.passage.text, view.passage.start
    line_start = text.rfind("\n", 0, clauses[chosen[0]].start - offset) + 1
    read = text[line_start : clauses[chosen[-1]].end - offset]
    if not (read.count('"') % 2 == 1 or read.count("“") > read.count("”")):
        return []
    rest = _read_on(view, chosen, within_line=True)[len(chosen) :]
    closed = (k for k, i in enumerate(rest) if _QUOTE_CLOSED_RE.search(clauses[i].text))
    closing = next(closed, None)
    return rest if closing is None else rest[: closing + 1]


_QUOTE_CLOSED_RE = re.compile(r"[\"”]\W*$")


def quotation_opening(view: PassageView, chosen: list[int]) -> list[int]:
    """The clauses before the chosen ones back to the opening mark of the quotation they
    are in, on the same line: an account whose later sentence was chosen ("... cho biết:
    "Các đối tượng chọn ... . Sau khi trộm, chúng ..."") is quoted from its start. Empty
    when they are in none, it opens with them, or its start is further than the list
    budget allows."""
    clauses, text, offset = view.clauses, view.passage.text, view.passage.start
    first = clauses[chosen[0]].start - offset
    line_start = text.rfind("\n", 0, first) + 1
    before = text[line_start:first]
    opening = max(before.rfind('"') if before.count('"') % 2 == 1 else -1, before.rfind("“"))
    if opening < 0 or before.rfind("”") > opening:
        return []
    opened_at = line_start + opening
    earlier = [
        i
        for i in range(chosen[0])
        if clauses[i].end - offset > opened_at and clauses[i].start - offset >= line_start
    ]
    if not earlier or clauses[chosen[-1]].end - clauses[earlier[0]].start > LIST_BLOCK_CHARS:
        return []
    return earlier


def _read_on(view: PassageView, chosen: list[int], within_line: bool) -> list[int]:
    """The chosen clauses and those after them, within the list budget, up to the end of the
    line or (`within_line=False`) up to the next numbered clause: a definition goes on ("X là
    ... . X bao gồm ..."), and so does a clause that only restates the question ("1. Cá nhân
    có quyền đối với hình ảnh của mình.")."""
    clauses, text, offset = view.clauses, view.passage.text, view.passage.start
    chosen = list(chosen)
    while chosen[-1] + 1 < len(clauses):
        after = clauses[chosen[-1] + 1]
        gap = text[clauses[chosen[-1]].end - offset : after.start - offset]
        ends = "\n" in gap if within_line else after.marker == "number" or after.heading
        if ends or after.end - clauses[chosen[0]].start > LIST_BLOCK_CHARS:
            break
        chosen.append(chosen[-1] + 1)
    return chosen


def with_heading(analysis: QuestionAnalysis, quote: Quote) -> Quote:
    """The quote led by its passage's heading when only the heading holds what was asked:
    "Điều 37. Trách nhiệm của Bộ Quốc phòng" for its point "5. Kiểm tra, thanh tra ..."."""
    heading = quote.view.passage.heading.partition("\n")[0].strip()
    if quote.lead or not heading or heading in quote.text:
        return quote
    held = asked_evidence(analysis, quote.text)
    if held is None or held >= HELD_EVIDENCE:
        return quote
    if (asked_evidence(analysis, heading) or 0.0) < HEADING_EVIDENCE:
        return quote
    return Quote(quote.view, quote.start, quote.end, lead=heading)


def _span_chars(clauses: list[Clause], block: list[int]) -> int:
    """Characters of consecutive clauses quoted together, a carried lead-in included."""
    first = clauses[block[0]]
    return clauses[block[-1]].end - first.start + (len(first.text) if first.carried else 0)


def merge_clauses(chosen: Sequence[tuple[PassageView, int]]) -> list[Quote]:
    """One quote per run of clauses that follow each other in a passage.

    Quotes come in the order their clauses were chosen (the answering clause first), each
    quote reading in document order.
    """
    rank = {item: i for i, item in reversed(list(enumerate(chosen)))}
    quotes: list[tuple[int, Quote]] = []
    previous: tuple[PassageView, int] | None = None
    for view, index in sorted(rank, key=lambda item: (id(item[0]), item[1])):
        clause = view.clauses[index]
        order = rank[(view, index)]
        if (
            previous
            and previous[0] is view
            and (index == previous[1] + 1 or view.clauses[previous[1]].carried)
        ):
            first, quote = quotes[-1]
            start = clause.start if quote.start == quote.end else quote.start
            quotes[-1] = (min(first, order), Quote(view, start, clause.end, lead=quote.lead))
        else:
            lead = clause.text if clause.carried else ""
            quotes.append((order, Quote(view, clause.start, clause.end, lead=lead)))
        previous = (view, index)
    # A carried lead-in is shown with the points it introduces, never quoted alone.
    kept = [(order, quote) for order, quote in quotes if quote.end > quote.start]
    return [quote for _, quote in sorted(kept, key=lambda pair: pair[0])]


def trim(quote: Quote, limit: int, value: Callable[[str], float]) -> Quote:
    """The best-valued run of the quote's ", "/"; "-separated pieces within `limit` chars.

    Args:
        quote: the quote to shorten; returned as is when it fits.
        limit: most characters the trimmed quote may have.
        value: how much a piece of text answers the question (higher is better).
    """
    text = quote.text
    if len(text) <= limit:
        return quote
    cuts = [0, *trim_points(text), len(text)]
    best: tuple[float, int, int, int, int] | None = None
    for i in range(len(cuts) - 1):
        for j in range(i + 1, len(cuts)):
            piece = text[cuts[i] : cuts[j]].strip()
            if len(piece) > limit:
                break
            # Most value; on a tie the earlier start (where the subject is), then the longer.
            candidate = (value(piece), -cuts[i], len(piece), cuts[i], cuts[j])
            if best is None or candidate[:3] > best[:3]:
                best = candidate
    if best is None:  # not one piece fits: keep the head, cut at a word boundary
        head = text[:limit].rsplit(" ", 1)[0]
        return Quote(
            quote.view, quote.start, quote.start + len(head), quote.cut_head, True, quote.lead
        )
    begin, finish = best[3], best[4]
    piece = text[begin:finish]
    begin += len(piece) - len(piece.lstrip())
    finish -= len(piece) - len(piece.rstrip())
    return Quote(
        quote.view,
        quote.start + begin,
        quote.start + finish,
        cut_head=quote.cut_head or begin > 0,
        cut_tail=quote.cut_tail or finish < len(text),
        lead=quote.lead,
    )


def render(quotes: Sequence[Quote]) -> list[str]:
    """The answer text as pieces, one per quote: the quote verbatim, then its "[n]".

    A quote keeps its own full stop ("... 21.023 đội viên. [1]") so that the sentence reads
    exactly as in the document; a clause cut at ";" or "," ends with "[n]." instead, and
    "…" marks where a quote was cut short.
    """
    pieces = []
    for n, quote in enumerate(quotes, start=1):
        body = quote.text.rstrip()
        if quote.cut_head:
            body = ELLIPSIS + body
        if quote.cut_tail:
            body = re.sub(r"[\s;:,]+$", "", body) + ELLIPSIS
        if quote.lead:  # a lead-in the index cut short ends without its ":"
            lead = quote.lead if quote.lead.endswith((":", ".")) else quote.lead + ELLIPSIS
            body = f"{lead} {'' if quote.cut_head else ELLIPSIS + ' '}{body}"
        if body.endswith((".", "!", "?", "…")):
            pieces.append(f"{body} [{n}]")
        else:
            pieces.append(re.sub(r"[\s;:,]+$", "", body) + f" [{n}].")
    return [piece if i == 0 else " " + piece for i, piece in enumerate(pieces)]

"""The offline answer builder: quotes the sentence (or clause) that answers, with citations.

It reads the question (type, counted unit, entities, the values and conditions it gives),
scores every clause of the retrieved passages (a lower-ranked document must outscore the
first one clearly), takes the best one that holds what was asked, refines it to the point or
clause that holds the question's own condition, adds what that clause needs to be understood
(the lead-in of a list item, even one its passage's heading carries, the items of a lead-in,
the rest of a definition, the heading that names what the clause does not) and, when the
question asks for an upper bound, the clause with the highest one; close seconds are quoted
only when they fit beside it. It says plainly that the documents do not answer when the place
or directive asked about is in none of the passages, when nothing of the asked type is there,
or when too little of the question is covered: a wrong number or an invented citation is
worse than no answer.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import islice

from assistant.answers import (
    Answer,
    AnswerDelta,
    AnswerEvent,
    Citation,
    RelatedPassage,
    source_ref_fields,
)
from assistant.extractive.across import asks_places, per_place, place_of
from assistant.extractive.asks import (
    BARE_TAIL_TERMS,
    joined,
    names_document,
    place_labels,
    sets_target,
    split_asks,
    split_places,
    split_years,
    standalone_tail,
    subject_terms,
    with_event,
    with_subject,
    with_target_subject,
)
from assistant.extractive.bodies import UNIT_CODE_RE, addressee, asks_departments, names_body
from assistant.extractive.candidates import (
    Candidate,
    Ranking,
    builds_on_another,
    narrows,
    read_with_narrowed,
    score_candidates,
    singles_out,
)
from assistant.extractive.counting import (
    EVENT_COUNTERS,
    MONEY,
    counting_verbs,
    counts_a_part,
    counts_another_noun,
    counts_asked_part,
    counts_by_verb,
    counts_head,
    counts_noun_as_asked,
    counts_only_the_whole,
    qualifier_share,
    states_count,
    unit_head,
    unit_share,
    without_item_number,
)
from assistant.extractive.district_units import with_district_units
from assistant.extractive.documents import (
    NATIONAL_ISSUERS,
    DocumentLibrary,
    asks_document,
    described_document,
    document_keys,
    extends,
    kinds_numbered,
    matches_number,
    own_keys,
    pinned_document,
    provinces_sharing,
    tells_subject,
    whole_document,
    yeared_keys,
)
from assistant.extractive.entities import directive_keys_in, place_with_unit, places_named
from assistant.extractive.evidence import (
    asked_evidence,
    asks_means,
    asks_measure,
    clause_tokens,
    measure_evidence,
    names_several,
    time_evidence,
    unit_values,
)
from assistant.extractive.former_rates import (
    MONEY_RE,
    RATE_ASKED_RE,
    former_rate_clauses,
    split_former,
)
from assistant.extractive.labels import (
    CAUSES,
    DIFFICULTIES,
    MAX_LABEL_ITEMS,
    METHODS,
    PROPOSALS,
    asked_label,
    continued_items,
    ends_passage,
    is_marked_item,
    items_of_asked_kind,
    labelled_block,
    other_side_of_cause,
    paragraph_after,
)
from assistant.extractive.leaders import asked_role, leader_clauses
from assistant.extractive.lexicon import (
    FULL_DATE_RE,
    MEASURE_ASKED,
    PLACE_NOUNS,
    UNNAMED_PLACE_NOUNS,
)
from assistant.extractive.lists import named_parts
from assistant.extractive.near_miss import near_miss_text
from assistant.extractive.passage_views import (
    PassageView,
    is_heading_line,
    read_passages,
    section_before,
)
from assistant.extractive.patterns import RANKED
from assistant.extractive.periods import first_period_at, period_as_written, periods_in
from assistant.extractive.preferences import (
    LEADER,
    asked_action,
    asks_offenders_manner,
    asks_share,
    does_asked,
    means_after,
    names_methods,
    same_sentence,
    states_asked_manner,
    states_share,
    tells_offenders_doing,
    tells_offenders_ways,
    told_before,
)
from assistant.extractive.question import (
    PROVINCE_NAMES_FOLDED,
    QuestionAnalysis,
    QuestionType,
    analyse,
    communes_as_written,
    finds,
)
from assistant.extractive.quotes import (
    Quote,
    merge_clauses,
    part_context,
    quotation_opening,
    quotation_rest,
    render,
    tells_change,
    trim,
    with_context,
    with_heading,
)
from assistant.extractive.rankings import asks_extreme_places, listed_extreme, ranks_places
from assistant.extractive.row_naming import names_other_role, names_payee
from assistant.extractive.scoring import PARAMETERS, clause_weights
from assistant.extractive.seized import asks_seized, lists_seized, seized_clauses
from assistant.extractive.sentences import ITEM_MARKER_RE, Clause
from assistant.extractive.structured import (
    body_named,
    closing_signing_lines,
    duty_clauses,
    joint_block,
    names_person,
    register_duty_clauses,
    role_asked,
    role_holders,
    signed_under,
    signer_clause,
    signing_block,
)
from assistant.extractive.tables import (
    TableCell,
    asked_change,
    asked_extreme,
    asked_verdict,
    by_table,
    cells,
    changed_tables,
    column_values,
    commune_cells,
    extreme_cells,
    heads_table,
    judged_rows,
    judges_targets,
    labels_are_no_places,
    labels_named_as_asked,
    labels_place,
    named_cells,
    named_places,
    number_value,
    numbered_rows,
    of_asked_kind,
    period_ranked,
    place_cells,
    rate_cells,
    rows_of_asked_tier,
    searched_cells,
    set_aside,
    total_cells,
    verdict_rows,
    year_rows,
)
from assistant.extractive.totals import asks_total, total_line
from assistant.extractive.years import (
    asks_former_province,
    commune_agrees,
    first_item,
    former_provinces,
    item_heading,
    list_lead_in,
    names_commune,
    paragraph_before,
    period_agrees,
    place_agrees,
    plan_agrees,
    previous_paragraph,
    read_with_lead_in,
    says_name,
    section_heading,
    section_of,
    sentence_of,
    table_caption,
    target_agrees,
    year_agrees,
)
from assistant.extractive.yes_no import asks_happened, verdict
from assistant.passages import Passage
from index.abbreviations import spell_out
from index.document_kinds import DOCUMENT_KINDS, names_motto
from index.extraction.bodies import read_owners
from index.extraction.numbers import NUMBER_RE, SCALES
from index.gazetteer import PROVINCES_2025, find_localities, find_provinces, place_spans
from index.metadata import LETTER_SUBJECT_RE, find_date, find_directive_numbers
from index.vietnamese import canonical, fold

REFUSAL_TEXT = "Các tài liệu đã lập chỉ mục không có thông tin này."

# Thresholds, each documented in `scoring.AnswererParameters`.
MIN_COVERAGE = PARAMETERS.min_coverage
MIN_COUNT_EVIDENCE = PARAMETERS.min_count_evidence
MIN_QUALIFIER_SHARE = PARAMETERS.min_qualifier_share
EXTRA_SCORE_RATIO = PARAMETERS.extra_score_ratio
# Rows of a table a filter keeps ("những huyện nào tăng"): each is short, all are the answer.
MAX_TABLE_ROWS = 8
EXTRA_OTHER_DOCUMENT_RATIO = PARAMETERS.extra_other_document_ratio
MAX_RELATED = PARAMETERS.max_related
# "Hạn gửi báo cáo là ngày nào?", "chậm nhất khi nào?": a deadline, answered by a clause
# that sets one ("báo cáo trước ngày 30/11", "chậm nhất ngày ...", "hạn cuối ...").
DEADLINE = r"\b(?:hạn|thời hạn|chậm nhất|trước ngày nào)\b"
DEADLINE_GIVEN = r"\b(?:trước ngày|chậm nhất|hạn chót|hạn cuối|thời hạn|trước \d)"
# "Diễn ra từ ngày nào đến ngày nào?", "khai mạc ngày mấy?": a day, answered by a clause
# that names one ("từ ngày 02/3 đến ngày 30/4", "ngày 15 tháng 8").
DAY_ASKED = r"\b(?:ngày nào|ngày mấy|ngày bao nhiêu|hôm nào)\b"
_DAY_RE = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}(?![\d,])|\bngày \d{1,2}\b", re.IGNORECASE)
# "cao hơn", "nhiều ... hơn": figures compared, each part of the answer gives one.
MORE_OR_LESS = r"\b(?:nhiều|ít|cao|thấp|lớn|nhỏ)\b.*\bhơn\b"
# "ban hành ngày nào", "ký ngày nào": when the document itself was issued.
ISSUED = r"\b(?:ban hành|kí)\b"
_ISSUED_RE = re.compile(ISSUED)  # ... and where a clause tells it, read canonical
# Offices whose holder a "... là ai?" question asks for by name.
OFFICE_TITLES = r"\b(?:giám đốc|trưởng|chủ tịch|bí thư|chỉ huy|thủ trưởng|phó|đội trưởng)\b"
PLACES_CACHE_SIZE = 4096  # documents whose places are kept between questions
MAX_SHARING = 3  # provinces answered for when they share the document number asked
# What a document lays down, as against what it is about, when or by whom it was issued:
# asked of a document the evidence only cites, these are not answered from the citing one.
_CONTENT_ASKED = frozenset(
    {
        QuestionType.COUNT,
        QuestionType.DUTY,
        QuestionType.MANNER,
        QuestionType.ACTION,
        QuestionType.LIST,
        QuestionType.REASON,
    }
)
# A clause giving a number of at least this share of the counted noun's words needs only
# this share of the question's coverage: the rest of a count question is mostly its place
# and period, which are checked on their own.
COUNTED_NOUN_SHARE = 1.0
COUNTED_NOUN_COVERAGE = 0.6
# The best few clauses reread for what the question names: a count's counted noun, a
# manner's act told, a target's verdict.
REREAD_CANDIDATES = 5
# A duty item is quoted whole, with all its points ("4. Đảng ủy Công an tỉnh lãnh đạo Công an
# tỉnh: a) ... d) ..."), up to this many characters: a deadline asked of often stands in a
# later point.
DUTY_CHAR_BUDGET = 1000
# What a report files under a label ("Khó khăn, vướng mắc"): its items, quoted whole.
LABEL_CHAR_BUDGET = 800
MIN_QUOTE_ROOM = 120  # characters a first quote keeps however long its heading
# "quyết định nào", "văn bản nào": the answer names a document by its number.
DOCUMENT_NOUNS = frozenset(
    f(noun)
    for noun in ("quyết định", "chỉ thị", "nghị quyết", "kế hoạch", "văn bản", "thông tư")
    for f in (canonical, fold)
)
REFINE_MIN_MISSING = PARAMETERS.refine_min_missing
REFINE_MIN_EXPLAINED = PARAMETERS.refine_min_explained
REFINE_MAX_LOSS = PARAMETERS.refine_max_loss


class ExtractiveAnswerer:
    """Answers by quoting the passages verbatim, with a numbered citation per quote."""

    name = "extractive"

    def __init__(
        self,
        max_quotes: int = 3,
        char_budget: int = 500,
        min_coverage: float = MIN_COVERAGE,
        library: DocumentLibrary | None = None,
        min_confidence: float | None = None,
    ):
        self.max_quotes = max_quotes
        self.char_budget = char_budget
        self.min_coverage = min_coverage
        self.library = library  # whole documents, for a question that names one by number
        # Below this learned probability the best clause is not quoted (None: the shipped one).
        self.min_confidence = min_confidence
        self._places_cache: dict[tuple[str, int], set[str]] = {}

    def build(self, question: str, passages: Sequence[Passage]) -> Answer:
        current = split_former(question)
        if current is not None:  # "mức X theo nghị quyết mới so với nghị quyết cũ"
            return self._with_former_rate(question, current, passages)
        years = split_years(question)
        if len(years) > 1:  # "… năm 2024 so với năm 2022 thế nào?": each year's figure
            return joined(question, [self._build_one(part, passages) for part in years])
        places = split_places(question)
        if len(places) > 1:  # "So sánh X của huyện A và phường B": each place's figure
            # (each part read as a question of its own: "..., chỉ tiêu là bao nhiêu" too),
            # labelled by its place as answers across documents are
            answers = [self.build(part, passages) for part in places]
            return joined(
                question,
                [
                    _of_place(a, label)
                    for a, label in zip(answers, place_labels(places), strict=True)
                ],
            )
        parts = two_parts(question)
        if len(parts) == 1:
            return self._build_one(question, passages)
        head, second_part = parts
        first = analyse(head)
        first_answer = self._build_one(head, passages)
        numbered_duty = first.type == QuestionType.DUTY and bool(first.directive_keys)
        bare = analyse(split_asks(question)[1])  # the second part as typed, before it borrows
        if numbered_duty and first_answer.refused and len(bare.terms) <= BARE_TAIL_TERMS:
            # "KH số X giao Công an huyện nhiệm vụ gì, hạn nào?" asks the deadline of the tasks
            # of a plan the documents do not hold: with those refused, a clause found for
            # its few words alone (one citing the plan) is no answer.
            return first_answer.model_copy(update={"question": question})
        return joined(question, [first_answer, self._build_one(second_part, passages)])

    def _with_former_rate(self, question: str, current: str, passages: Sequence[Passage]) -> Answer:
        """The rate asked (`current`: the question without its comparison), then the
        sentence of the same document giving the rate it replaced."""
        new = self._build_one(current, passages)
        if not _gives_rate(new):
            # "mức X theo NQ mới?" read alone may find the clause repealing the old one, which
            # gives no rate: the rates' table may lie in a part retrieval did not bring (its
            # rows name the thing asked, not the resolutions compared) ...
            first = new.citations[0].document if new.citations else None
            first = first or next((p.source for p in passages), None)
            whole = whole_document(first, passages, self.library) if first else []
            read = sum(p.source == first for p in passages)
            again = self._build_one(current, whole) if len(whole) > read else new
            # ... or the whole question, its former resolution named, finds the rate.
            new = again if _gives_rate(again) else self._build_one(question, passages)
        source = new.citations[0].document if new.citations else None
        if source is None:
            return new.model_copy(update={"question": question})
        analysis = analyse(current)
        views = read_passages(
            analysis, whole_document(source, passages, self.library), self._document_about
        )
        clauses = former_rate_clauses(analysis, views, source, new.answer)
        if not clauses:
            return new.model_copy(update={"question": question})
        old = self._answer(current, merge_clauses(clauses), views)
        return joined(question, [new, old])

    def _build_one(
        self, question: str, passages: Sequence[Passage], per_province: bool = True
    ) -> Answer:
        analysis = analyse(question)
        completed = with_district_units(question, passages, analysis.type, asks_document(analysis))
        if completed != question:  # "Ninh Sơn thu giữ ...": the district the documents name
            analysis = analyse(completed)
        answer = self._build(question, analysis, passages, per_province)
        # Refused with nothing of the kind asked (not a near miss, which cites what the
        # documents do have): the answer may lie in a part retrieval did not bring.
        nothing = answer.refused and not answer.citations
        whole = self._whole_of_asked_place(analysis, passages) if nothing else None
        if whole is not None:
            again = self._build(question, analysis, whole, per_province)
            answer = answer if again.refused else again
        answer = self._only_as_cited(question, analysis, passages, answer)
        return answer.model_copy(update={"question_type": analysis.type.value})

    def _only_as_cited(
        self,
        question: str,
        analysis: QuestionAnalysis,
        passages: Sequence[Passage],
        answer: Answer,
    ) -> Answer:
        """A document the question numbers that no retrieved document is, only one cites
        ("Căn cứ Nghị quyết số X ...", a related link): what it lays down is not in the
        evidence, and a figure, task or measure of the citing document answers nothing
        about it. The answer stands when a clause it cites is read with the number: in its
        paragraph ("Theo quyết định, tỉnh có ..."), the heading over it, its section or its
        document's title ("Kết quả thực hiện Kế hoạch số X"); else it is refused, citing the
        mention: "Tài liệu chỉ nhắc đến văn bản số X [1]"."""
        if answer.refused or not asks_document(analysis) or analysis.type not in _CONTENT_ASKED:
            return answer
        if not any(matches_number(document_keys(p), analysis) for p in passages):
            return answer  # no document carries the number: nothing is known of it
        if any(self._numbered_as_asked(passage, analysis) for passage in passages):
            return answer
        if any(self._names_number(self._under(c), analysis) for c in answer.citations):
            return answer
        views = read_passages(analysis, passages, self._document_about)
        for view in views:
            for index, clause in enumerate(view.clauses):
                number = self._names_number(clause.text, analysis)
                if number:
                    quote = merge_clauses([(view, index)])[0]
                    return self._refusal(
                        question, views, (quote, f"Tài liệu chỉ nhắc đến văn bản số {number}")
                    )
        return self._refusal(question, views)

    def _numbered_as_asked(self, passage: Passage, analysis: QuestionAnalysis) -> bool:
        """The passage's document is the one the question numbers (`_own_number`), or, where
        no header gave it a number, the first number its text gives is the one asked."""
        if self._own_number(passage.source, [passage], analysis):
            return True
        extraction = self.library.extraction_of(passage.source) if self.library else None
        if extraction is not None and extraction.identity.number:
            return False
        first = passage.metadata.directive_numbers[:1]
        return matches_number(directive_keys_in(" ".join(first)), analysis)

    def _under(self, citation: Citation) -> str:
        """What a cited clause is read with: its paragraph or table ("UBND tỉnh ban hành
        Quyết định số X ... Theo quyết định, tỉnh có 4.351 Tổ ...") and the heading line
        right over it ("6. Chỉ tiêu theo Kế hoạch số X" over the table)."""
        text = self.library.text_of(citation.document) if self.library is not None else ""
        start, end = citation.start, citation.end
        if not text:  # read within the passage alone
            text, start, end = citation.passage, 0, len(citation.passage)
        opens = text.rfind("\n\n", 0, start)
        closes = text.find("\n\n", end)
        block = text[opens + 2 if opens >= 0 else 0 : closes if closes >= 0 else None]
        above = text[: max(opens, 0)].rstrip().rsplit("\n", 1)[-1]
        heading = above if is_heading_line(above) and not above.lstrip().startswith("|") else ""
        # ... and what the document and the section are about: "Kết quả thực hiện Kế hoạch
        # số X", "III. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CỦA KẾ HOẠCH SỐ X"
        return "\n".join((citation.title, section_before(text, start), heading, block))

    @staticmethod
    def _names_number(text: str, analysis: QuestionAnalysis) -> str | None:
        """The number asked as the text writes it, with the kind before it ("Nghị quyết số
        X"), when the text names it."""
        for number in find_directive_numbers(text):
            if matches_number(directive_keys_in(number), analysis):
                return number
        return None

    def _whole_of_asked_place(
        self, analysis: QuestionAnalysis, passages: Sequence[Passage]
    ) -> list[Passage] | None:
        """The passages with the rest of the retrieved document that is the only one of the
        place the question names ("phường A tháng 11 ...": the ward's report); None when
        there is no such document or nothing more of it."""
        names = {fold(n).lower() for n in (*analysis.localities, *analysis.provinces)}
        names |= set(analysis.communes)
        if self.library is None or not passages or not names:
            return None

        def of_place(source: str, title: str) -> bool:
            about = fold(f"{title} {self._document_about(source)}").lower()
            return any(says_name(about, name) for name in names)

        sources = {p.source: p.metadata.title for p in passages}
        fitting = [s for s, title in sources.items() if of_place(s, title)]
        if len(fitting) > 1 and analysis.years:
            # ... of the year asked too: the commune's report of 2025, not the district's
            # directive of 2024 that bore the same name
            years = {p.source: p.metadata.year for p in passages}
            fitting = [s for s in fitting if years[s] in analysis.years]
        if len(fitting) > 1 and analysis.communes:
            # ... or the one about it as a commune ("Công an xã A"), where the district of
            # the same name has a document too ("huyện A" before the 2025 merger)
            communal = [
                s
                for s in fitting
                if all(
                    names_commune(fold(f"{sources[s]} {self._document_about(s)}").lower(), n)
                    for n in analysis.communes
                )
            ]
            fitting = communal or fitting
        if len(fitting) != 1:
            return None
        own = fitting[0]  # ... ranked first or not: another province's table may outrank it
        whole = whole_document(own, passages, self.library)
        if len(whole) == sum(p.source == own for p in passages):
            return None
        return whole + [p for p in passages if p.source != own]

    def _build(
        self,
        question: str,
        analysis: QuestionAnalysis,
        passages: Sequence[Passage],
        per_province: bool = True,
        rereads: bool = True,
    ) -> Answer:
        pinned = pinned_document(analysis, passages, self.library)
        # Asked what a number is about, a document only cited by that number counts too,
        # also one retrieval ranked below the document carrying it.
        cited = _asks_about_document(analysis)
        if pinned and cited and per_province:
            passages = [*passages, *self._citing_passages(analysis, passages)]
        sharing = provinces_sharing(analysis, passages, self.library, cited) if pinned else []
        if per_province and len(sharing) > 1:  # "Chỉ thị số 05/CT-UBND": A's and B's, each cited
            each = []
            for province in sharing[:MAX_SHARING]:
                # Named with its unit, as the question reader knows a city ("thành phố Hồ
                # Chí Minh", not the person); a part is never split again.
                place = place_with_unit(province)  # typed as the question is, accents or not
                named = f"{question} ({fold(place) if analysis.form == 'folded' else place})"
                part = self._build_one(named, passages, per_province=False)
                # Whose document each part is from, as the table and place answers label it.
                each.append(part.model_copy(update={"answer": f"{province}: {part.answer}"}))
            return joined(question, each)
        if pinned is not None and _of_another_province(analysis, pinned, passages):
            return self._other_documents_number(question, analysis, pinned, passages)
        if pinned is None and not asks_document(analysis):
            pinned = described_document(analysis, passages)
        if pinned is not None:  # the document named by number or described, read whole
            passages = whole_document(pinned, passages, self.library)
        # Places named anywhere in a document matter only to a question that names one.
        places = self._document_places if analysis.localities or analysis.provinces else None
        whole = self.library.text_of if self.library is not None else None
        views = read_passages(analysis, passages, self._document_about, places, whole)
        ranking = score_candidates(analysis, views)
        staged = numbered_rows(analysis, views)
        if staged.absent:  # "Giai đoạn 4" of a plan whose table has three
            return self._refusal(question, views, None)
        if staged.rows:  # "Giai đoạn 2 kéo dài đến ngày nào?", "... làm gì": that stage's row
            quotes = [merge_clauses([row])[0] for row in staged.rows[: self.max_quotes]]
            return self._answer(question, quotes, views)
        # "Ai ký KH 77/KH-UBND?" where no document is that plan (one only cites it): the
        # citing document's signature is no answer; a clause saying who signed it may be.
        cited_only = bool(analysis.directive_keys) and not self._own_number(
            pinned, passages, analysis
        )
        # "Chỉ thị A đặt ra chỉ tiêu gì?": what A itself sets, as its duties are.
        sets = bool(analysis.directive_keys) and _asks_what_document_sets(analysis)
        if analysis.type == QuestionType.DUTY or sets:
            numbered_otherwise = self._numbered_otherwise(pinned, passages, analysis)
            of_another_year = pinned is not None and not self._of_asked_years(
                analysis, pinned, views
            )  # "Chỉ thị 05 năm 2027": not the 2030 directive of that number
            if numbered_otherwise or of_another_year:
                # "Chỉ thị A giao Sở B nhiệm vụ gì?" where a document only cites A ("thay
                # thế Chỉ thị số A"): its own tasks are not A's.
                return self._refusal(question, views)
        if analysis.type == QuestionType.DUTY:
            # "Công an xã đề nghị Sở Y tế làm gì?": the report's proposals to it.
            proposed = self._labelled(question, analysis, views, ranking)
            return proposed or self._duties(question, analysis, views, ranking)
        if analysis.type == QuestionType.SIGNER and cited_only:
            told = _told_signed(analysis, ranking)
            if told is None:
                return self._refusal(question, views)
            return self._answer(question, merge_clauses([(told.view, told.index)]), views)
        if analysis.type == QuestionType.SIGNER:  # the named document's, else the first's
            signed = pinned or next((v.passage.source for v in views if v.eligible), None)
            if signed is not None and pinned is None and self.library is not None:
                # The signature closes the document, where retrieval seldom reaches.
                document = whole_document(signed, passages, self.library)
                views = read_passages(analysis, document, self._document_about, places, whole)
            if signed is not None and not self._of_asked_years(analysis, signed, views):
                return self._refusal(question, views)  # "báo cáo năm 2022": the 2023 one's
            if signed is not None and not self._issued_by_asked_commune(analysis, signed, views):
                return self._refusal(question, views)  # "KH số X của UBND xã A": B's plan
            if signed is not None:
                return self._signer(question, signed, views)
        if pinned is not None and _asks_issuer(analysis):  # "Báo cáo số X là của cơ quan nào?"
            header = _issuer_lines(pinned, views)
            if header and _asks_document_period(analysis):
                # "..., kỳ nào?": the title says what the report covers ("... 9 tháng")
                header += [line for line in _title_lines(pinned, views) if line not in header]
            if header:
                return self._answer(question, merge_clauses(header), views)
        if pinned is not None and _asks_in_force(analysis):
            # "NQ X có hiệu lực khi nào?": the document's own clause ("Nghị quyết này có hiệu
            # lực từ ngày ..."), not one about a law it rests on or a resolution it repeals.
            stating = [c for c in ranking.candidates if _states_own_force(c, pinned)]
            # ... said of itself ("Nghị quyết này có hiệu lực ...") before a bare mention
            own = next((c for c in stating if _SELF_REFERENCE_RE.search(c.clause.text)), None)
            own = own or next(iter(stating), None)
            if own is not None:
                answer = self._answer(
                    question, self._fit(analysis, [[(own.view, own.index)]]), views
                )
                # ... with its date as dates are typed, where the clause writes it in words
                # (the whole document where known, else the passages read)
                written = (
                    self.library.text_of(pinned)
                    if self.library is not None
                    else " ".join(v.passage.text for v in views)
                )
                day = _force_date(analysis, own.clause.text, written)
                return (
                    answer.model_copy(update={"answer": f"{day}. {answer.answer}"})
                    if day
                    else answer
                )
        if pinned is not None and _asks_about_document(analysis):
            dated = analysis.type == QuestionType.TIME
            topic = analysis.type == QuestionType.TOPIC or _asks_document_period(analysis)
            own = self._own_mention(pinned, ranking, dated, analysis.directive_keys, topic)
            if own is not None and not dated and _NUMBER_LINE_RE.match(own.clause.text):
                own = None  # "Số: 218/KH-CAT — Gia Lai, ngày ...": its number, not its subject
            if own is not None:  # "Kế hoạch X về việc gì / ban hành ngày nào?"
                answer = self._answer(
                    question, self._fit(analysis, [[(own.view, own.index)]]), views
                )
                # ... its dateline's day ("Lai Châu, ngày 12 tháng 3 năm 2031") as dates are
                # typed, the document's own way where it writes that day in figures
                in_words = re.search(r"\d{1,2} tháng \d{1,2} năm \d{4}", own.clause.text)
                day = None
                if dated and in_words is not None:
                    text = self.library.text_of(pinned) if self.library is not None else ""
                    day = _day_in_figures(own.clause.text[in_words.start() :], text)
                if day is None:
                    return answer
                return answer.model_copy(update={"answer": f"{day}. {answer.answer}"})
            titled = _title_lines(pinned, views) if topic else []
            year = titled[0][0].passage.metadata.year if titled else None
            if analysis.years and year is not None and year not in analysis.years:
                titled = []  # "Kế hoạch số X năm 2023": not the 2024 plan of that number
            if titled:  # a report naming itself nowhere but in its title: "BÁO CÁO / Tổng kết"
                quotes = merge_clauses(titled)
                # ... said with the body that issued it: a title seldom names its place.
                issuer = self._issuer_of(pinned)
                unnamed = issuer and fold(issuer).lower() not in fold(quotes[0].text).lower()
                said_by = [issuer, *[None] * len(quotes[1:])] if unnamed else []
                return self._answer(question, quotes, views, said_by)
        role = asked_role(analysis)
        led = leader_clauses(role, views) if role else []
        if led:  # "Ai cầm đầu đường dây?": the clause saying who, with the full name
            return self._answer(question, [merge_clauses([item])[0] for item in led], views)
        # "Tang vật thu giữ gồm những gì?": the clauses saying so; not "thu giữ nhiều nhất
        # huyện nào", a ranking.
        if asks_seized(analysis) and asked_extreme(analysis) is None:
            seized = seized_clauses(analysis, ranking, self.max_quotes)
            told = seized[0] if seized else None
            first = next((v.passage.source for v in views if v.eligible), None)
            source = told.view.passage.source if told is not None else first
            if source is not None and not (told and lists_seized(told.clause.text)):
                # "..., thu giữ hơn 4,8 kg vảy tê tê" (a headline), or nothing, where the page
                # lists all it seized ("Tại các địa điểm này, cơ quan công an thu giữ:" /
                # items) in a part retrieval did not bring
                after = self._unread(analysis, source, views)
                reread = score_candidates(analysis, views + after) if after else ranking
                listed = seized_clauses(analysis, reread, self.max_quotes) if after else []
                if listed and lists_seized(listed[0].clause.text):
                    seized, views, ranking = listed, views + after, reread
            if seized:
                groups = [[(c.view, c.index)] for c in seized]
                last = seized[-1]
                # Its items further on: all of them, or the rest of them where the passage ends
                # inside the list ("Tang vật thu giữ gồm:" / "212 thẻ ngân hàng;" / cut).
                listing = last.clause.is_lead_in or (
                    last.clause.lead_in is not None and last.index == len(last.view.clauses) - 1
                )
                if listing:
                    more = self._list_continued(analysis, (last.view, last.index), views)
                    groups += [[item] for item in more]
                return self._answer(question, self._fit(analysis, groups), views)
        proposals = _proposal_items(analysis, ranking, pinned)
        if proposals:  # "Cơ quan nào chỉ được đề nghị phối hợp?": its "Đề nghị B ..." items
            groups = [[(c.view, c.index)] for c in proposals[: self.max_quotes]]
            # (each item whole, as a body's duties are: the bodies named are the answer)
            return self._answer(question, self._fit(analysis, groups, whole_items=True), views)
        place_list = _place_items(analysis, views, ranking)
        if place_list:  # "xảy ra ở những xã nào?": "Các vụ việc phát hiện tại:" / "- xã A: 7 vụ;"
            quotes = [merge_clauses([item])[0] for item in place_list[: self.max_quotes]]
            return self._answer(question, quotes, views)
        # "thủ đoạn gì", "những khó khăn nào": what is filed under it; "Huyện B có bao
        # nhiêu vụ ...?" read from a table's row; "Thủ đoạn nào gây thiệt hại nhiều nhất?"
        # from a table's column first, whatever is filed under "Thủ đoạn".
        readers = [self._labelled, self._from_table]
        for read in reversed(readers) if asked_extreme(analysis) else readers:
            read_answer = read(question, analysis, views, ranking)
            if read_answer is not None:
                return read_answer
        best = self._answering_clause(analysis, views, ranking)
        offenders = asks_offenders_manner(analysis)
        doing = best is not None and tells_offenders_ways(best.clause.text)
        # One of the best few clauses telling how the very act asked is done ("..., ngụy trang
        # là hàng mây tre" for "ngụy trang hàng bằng cách nào") answers, before any account.
        act_told = self._asked_act_told(analysis, ranking) if offenders else None
        best = act_told or best
        opened_as_ways = doing and best is not None and names_methods(best.clause.text)
        if offenders and not opened_as_ways and act_told is None:
            account = self._offenders_account(analysis, views, ranking, best)
            # (a doing found already gives way only to the one opened as their ways)
            if account is not None and (not doing or names_methods(account[0].clause.text)):
                best, views, ranking = account
        candidates = ranking.candidates
        if best is None and asks_extreme_places(analysis):
            first = next((v.passage.source for v in views if v.eligible), None)
            item = _extreme_of_list(analysis, views, first)
            if item is not None:  # "Huyện A: 1.105 hộ" the highest of its list
                return self._answer(question, merge_clauses([item]), views)
        if best is None:
            holder = self._office_signed(analysis, views)
            if holder is not None:  # "Trưởng Công an xã là ai?": under "TRƯỞNG CÔNG AN XÃ"
                return self._answer(question, merge_clauses([holder]), views)
            near = self._near_miss(analysis, views, ranking)
            if near is not None and rereads and _of_asked_year(analysis, near[1]):
                # "Quý II xảy ra 05 vụ" in a part of the report retrieval did not bring
                # (its words are the paragraph's before it): the document is read whole
                # before its "6 tháng" figure is given as all it has.
                source = near[0].view.passage.source
                unread = self._unread_passages(source, passages)
                if unread:
                    document = [*passages, *unread]
                    return self._build(question, analysis, document, False, rereads=False)
            return self._refusal(question, views, near)
        which_document = _asks_which_document(analysis)
        if asks_places(analysis) or which_document:
            answers = self._answers(analysis, ranking)
            parts = per_place(analysis, candidates, answers, self.max_quotes)
            if len(parts) > 1 or which_document:  # each place or document with its own clause
                blocks = part_context(analysis, parts, self.char_budget)
                groups = [[(c.view, i) for i in b] for c, b in zip(parts, blocks, strict=True)]
                quotes = self._fit(analysis, groups)
                labels: list[str | None]
                if which_document:
                    labels = [self._document_name(q.view.passage) for q in quotes]
                else:
                    labels = [place_of(analysis, q) for q in quotes]
                answer = self._answer(question, quotes, views, labels)
                total = (
                    total_line(analysis, [q.text for q in quotes]) if asks_total(analysis) else None
                )
                if total:  # a sum only of the cited parts, shown with them
                    answer = answer.model_copy(update={"answer": f"{total}. {answer.answer}"})
                return answer
        # A ranking's places are read from the one clause ranking them, not each elsewhere.
        ranked = asks_extreme_places(analysis) and ranks_places(best.clause.text)
        # "Những huyện nào ... nhiều nhất?" led in by "Các huyện có nhiều ... nhất gồm:": its
        # items are the places asked, each, not only the highest of them.
        ranked = ranked or (
            analysis.type == QuestionType.LIST
            and best.clause.is_lead_in
            and _ranks_places(best.clause.text)
        )
        if asks_extreme_places(analysis) and not ranked:
            item = _extreme_of_list(analysis, views, best.view.passage.source)
            if item is not None:  # "Huyện A: 1.105 hộ" the highest of its list
                # ... or, "những huyện nào ... nhiều nhất", each place its lead-in ranks so
                led = _ranked_items(analysis, *item)
                if led:
                    groups = [[entry] for entry in led]
                    return self._answer(
                        question, self._fit(analysis, groups, whole_items=True), views
                    )
                return self._answer(question, merge_clauses([item]), views)
        listed = [] if ranked else self._listed(analysis, views, ranking, pinned)
        if listed:  # "Những mô hình nào ...": each named one, from the clause naming it
            groups = [[(c.view, c.index)] for c in listed]
            return self._answer(question, self._fit(analysis, groups, whole_items=True), views)
        items = _sibling_items(best) if analysis.type == QuestionType.LIST else []
        if len(items) > 1:  # "áp dụng với những đối tượng nào": "1. ...", "2. ...", "3. ..."
            groups = [[(best.view, i)] for i in items]
            return self._answer(question, self._fit(analysis, groups, whole_items=True), views)
        confidence = self._confidence(best)
        floor = min(best.asked or 0.0, MIN_COUNT_EVIDENCE)  # a refinement keeps the asked value
        # ... of the year, period, place and kind asked, as the best is: not a target set
        # beside the figure reached ("- 100% cơ sở ... ký cam kết trong năm 2026").
        held = self._answers(analysis, ranking, covering=False)
        best = act_told or more_specific(  # (the asked act told is as specific as it gets)
            ranking,
            best,
            lambda c: _answers_type(analysis, c) and (c.asked or 0.0) >= floor and held(c),
        )
        groups = self._expand(analysis, best, candidates)
        # "đạt bao nhiêu so với chỉ tiêu": the figure, then the target's verdict
        judged = self._target_verdict(analysis, best, candidates)
        if judged is not None and all(judged not in group for group in groups):
            groups.insert(1, [judged])
        if offenders and tells_offenders_doing(best.clause.text):
            # '... cho biết: "Các đối tượng ... . Hàng được chia nhỏ ..."': the account whole
            quoted = [i for v, i in groups[0] if v is best.view]
            rest = quotation_rest(best.view, quoted) if quoted else []
            groups[0] += [(best.view, i) for i in rest if (best.view, i) not in groups[0]]
            # ... from its opening mark, when a later sentence of it was the best
            opened = quotation_opening(best.view, sorted(quoted)) if quoted else []
            groups[0] = [(best.view, i) for i in opened if (best.view, i) not in groups[0]] + (
                groups[0]
            )
        end = len(best.view.clauses) - 1
        if best.index < end and is_heading_line(best.clause.text) and _heads_its_text(analysis):
            # "4. Sở B" over "Bố trí ...": a heading says less than the paragraph it heads.
            under = paragraph_after(best.view, best.clause.end)
            if under:
                head = [(best.view, best.index), *((best.view, i) for i in under)]
                groups = [head, *groups[1:]]
        # The list quoted: the best clause's own, or the one it is an item of when measures
        # or a list are asked ("những biện pháp gì": "- Lập 5 tổ tuần tra ...").
        listing = analysis.type == QuestionType.LIST or _asks_measures(analysis)
        # A lead-in or heading closing its passage ("Lý do chủ yếu:", "4. Sở B") says nothing
        # itself, whatever was asked: what it leads in to opens the next passage.
        closing_lead_in = best.index == end and (
            best.clause.is_lead_in or is_heading_line(best.clause.text)
        )
        lead = (
            (best.index if best.clause.is_lead_in else best.clause.lead_in)
            if listing or closing_lead_in
            else None
        )
        if lead is not None and lead in (end, best.view.clauses[end].lead_in):
            # "... triển khai các biện pháp:" closes the passage, or its items run on to the
            # passage's end: the rest of them open the next.
            continued = self._list_continued(analysis, (best.view, end), views)
            # (a lead-in closing its passage alone says less than the items it leads in to)
            opening = (
                []
                if closing_lead_in and continued and groups[0] == [(best.view, end)]
                else groups[:1]
            )
            groups = [*opening, *([item] for item in continued), *groups[1:]]
        quotes = self._fit(analysis, groups)
        answer = self._answer(question, quotes, views)
        said = verdict(analysis, quotes[0].text)  # "Có" / "Không" only as the clause says it
        text = f"{said}. {answer.answer}" if said else answer.answer
        return answer.model_copy(update={"confidence": confidence, "answer": text})

    def _with_points(
        self,
        analysis: QuestionAnalysis,
        group: list[tuple[PassageView, int]],
        views: list[PassageView],
    ) -> list[tuple[PassageView, int]]:
        """A duty item that is a lead-in ("2. Sở Y tế chỉ đạo các bệnh viện:")
        with its points ("a) ...", "b) ..."), where the tasks are; those retrieval cut off
        from the document's next passage."""
        view, index = group[-1]
        if len(group) != 1:
            return group
        clause = view.clauses[index]
        if is_heading_line(clause.text) and index == len(view.clauses) - 1:
            # "3. Sở B" closing its passage: the tasks under it open the next one.
            return group + self._list_continued(analysis, group[-1], views)
        if is_heading_line(clause.text) and ITEM_MARKER_RE.match(clause.text):
            # "5. Đề nghị Hội B" over its paragraph: the tasks are the paragraph's.
            return group + [(view, i) for i in paragraph_after(view, clause.end)]
        if not clause.is_lead_in:
            return group
        points = [(view, i) for i, c in enumerate(view.clauses) if c.lead_in == index]
        if not points or ends_passage(points):
            points += self._list_continued(analysis, (points or group)[-1], views)
        return group + points[:MAX_LABEL_ITEMS]

    def _list_continued(
        self, analysis: QuestionAnalysis, last: tuple[PassageView, int], views: list[PassageView]
    ) -> list[tuple[PassageView, int]]:
        """The items of the document's next passage going on a list that ends a passage;
        the next passage's view joins `views` so that it can be cited."""
        view, index = last
        if self.library is None:
            return []
        end = view.clauses[index].end
        others = [
            p
            for p in self.library.passages_of(view.passage.source)
            if p.chunk_id != view.passage.chunk_id
        ]
        following = [p for p in others if p.start < end < p.end] or [
            p for p in others if p.start >= end
        ]
        if not following:
            return []
        nxt = min(following, key=lambda p: p.start)
        [next_view] = read_passages(analysis, [nxt], self._document_about)
        kind = view.clauses[index].marker if view.clauses[index].lead_in is not None else ""
        # "Tang vật thu giữ gồm:", items to follow; or its items so far with no marker (a web
        # page's list): what follows goes on with short lines alike.
        clause = view.clauses[index]
        bare = clause.is_lead_in or (
            clause.lead_in is not None and not kind and not is_marked_item(clause.text)
        )
        # (a numbered title closed with a stop heads too: "2. Tình hình tội phạm.")
        numbered = ITEM_MARKER_RE.match(clause.text.strip("*# "))
        titled = numbered is not None and numbered.group(1) is not None
        if is_heading_line(clause.text) or (titled and is_heading_line(clause.text.rstrip(". "))):
            # "Thủ đoạn ngày càng tinh vi" / its text, or its items ("- Trộm cắp xe máy:" /
            # its text / "- Cướp giật:" / ...)
            items = paragraph_after(next_view, end)
        else:
            items = continued_items(next_view, end, MAX_LABEL_ITEMS, kind, bare=bare)
        if items:
            views.append(next_view)
        return [(next_view, i) for i in items]

    def _confidence(self, candidate: Candidate) -> float | None:
        if candidate.features is None:
            return None
        return round(clause_weights().confidence(candidate.features), 4)

    def _threshold(self) -> float:
        if self.min_confidence is not None:
            return self.min_confidence
        return clause_weights().min_confidence

    def _citing_passages(
        self, analysis: QuestionAnalysis, passages: Sequence[Passage]
    ) -> list[Passage]:
        """The passages naming the asked number in the documents that cite it and that
        retrieval did not bring (at most `MAX_SHARING` documents), scored as the lowest."""
        # Optional: a library that keeps no index of numbers (a plain `DocumentLibrary`)
        # leaves the answer to the passages retrieval brought.
        citing = getattr(self.library, "sources_citing", None)
        if self.library is None or citing is None or analysis.provinces or analysis.localities:
            return []
        if any(set(key.split("/")) & NATIONAL_ISSUERS for key in analysis.directive_keys):
            return []  # every province cites "12-NQ/TW": no second document of that number
        seen = {p.source for p in passages}
        floor = min((p.score for p in passages), default=0.0)
        found: list[Passage] = []
        sources = [s for key in sorted(analysis.directive_keys) for s in citing(key)]
        for source in [s for s in dict.fromkeys(sources) if s not in seen][:MAX_SHARING]:
            found += [
                replace(p, score=floor)
                for p in self.library.passages_of(source)
                if directive_keys_in(p.text) & analysis.directive_keys
            ]
        return found

    def _labelled(
        self,
        question: str,
        analysis: QuestionAnalysis,
        views: list[PassageView],
        ranking: Ranking,
    ) -> Answer | None:
        """What a report files under the label asked ("thủ đoạn gì", "kiến nghị những gì"):
        of proposals made to a named body ("đề nghị Sở Y tế làm gì"), the items naming
        it; None when no passage labels it (or, asked as a body's task, none names it)."""
        label = asked_label(analysis)
        if label is None:
            return None
        agrees = self._answers(analysis, ranking, covering=False)
        block = labelled_block(label, ranking, agrees)
        source = next((v.passage.source for v in views if v.eligible), None)
        if not block and label.words in (METHODS, DIFFICULTIES) and source is not None:
            # "- Thủ đoạn chủ yếu: ..." or "III. KHÓ KHĂN, VƯỚNG MẮC" in a part of the best
            # report retrieval did not bring (it names the offence as the report does). Not
            # targets, which a brought clause tells in words as often.
            views = views + self._unread(analysis, source, views)
            ranking = score_candidates(analysis, views)
            block = labelled_block(label, ranking, self._answers(analysis, ranking, covering=False))
        if not block and label.words == CAUSES and not _states_cause(ranking):
            # "Nguyên nhân của tình hình trên: ..." in a part of the best documents retrieval
            # did not bring, where no brought clause gives a cause in words.
            sources = list(dict.fromkeys(v.passage.source for v in views if v.eligible))
            unread = [v for s in sources[:CAUSE_SOURCES] for v in self._unread(analysis, s, views)]
            more = score_candidates(analysis, views + unread)
            block = labelled_block(label, more, self._answers(analysis, more, covering=False))
            if block:
                views = views + unread
        if block and ends_passage(block):  # the list goes on where retrieval cut it
            block += self._list_continued(analysis, block[-1], views)
            head_view, head = block[0]
            said = head_view.clauses[head]
            if (
                len(block) > 1
                and block[1][0] is not head_view
                and (is_heading_line(said.text) or said.is_lead_in)
            ):
                block = block[1:]  # a heading or lead-in says less than the text it heads
        if block:  # "Thủ đoạn ... cho biết: "Các đối tượng ...": the officer's account whole
            view, last = block[-1]
            if view.clauses[last].text.rstrip().endswith(":") and last + 1 < len(view.clauses):
                block.append((view, last + 1))  # "... cho biết:" says who, its quote what
            rest = quotation_rest(view, [i for v, i in block if v is view])
            block += [(view, i) for i in rest]
        to = addressee(analysis.text) if label.words == PROPOSALS else None
        named = [(v, i) for v, i in block if to and names_body(to, v.clauses[i].text)]
        if named or analysis.type == QuestionType.DUTY:
            block = named
        if not block:
            return None
        # "thủ đoạn cướp giật": the item filed under that kind, of items each labelled
        block = items_of_asked_kind(block, ranking, label)
        if label.words == CAUSES:  # "Nguyên nhân chủ quan: ..." and its other side beside it
            view, first = block[0]
            sides = [(view, i) for i in other_side_of_cause(view, first) if (view, i) not in block]
            block = sorted(block + sides, key=lambda item: item[1]) if sides else block
        groups = [[item] for item in block]
        quotes = self._fit(analysis, groups, whole_items=True, budget=LABEL_CHAR_BUDGET)
        return self._answer(question, quotes, views)

    def _duties(
        self,
        question: str,
        analysis: QuestionAnalysis,
        views: list[PassageView],
        ranking: Ranking,
    ) -> Answer:
        """The items that give the asked body a task; a refusal when none names it."""
        eligible = [view for view in views if view.eligible]
        groups: list[list[tuple[PassageView, int]]] = []
        if self.library is not None:
            library = self.library

            def registered(read: list[PassageView]) -> list[list[tuple[PassageView, int]]]:
                return register_duty_clauses(
                    analysis,
                    read,
                    ranking,
                    lambda source: library.extraction_of(source).duties,
                    lambda view: self._line_before(analysis, view),
                )

            groups = registered(eligible)
            several = analysis.body is not None and asks_departments(analysis.body)
            if (several or not groups) and eligible:
                # "5. Sở B" ending a passage, its task in the next one retrieval did not bring;
                # the departments asked together: each one's items, where retrieval cut them
                source = eligible[0].passage.source
                groups = registered(eligible + self._unread(analysis, source, eligible))
        if not groups and body_named(analysis, eligible):
            groups = duty_clauses(analysis, eligible, ranking)
        if not groups:
            return self._refusal(question, views)
        groups = [self._with_points(analysis, group, views) for group in groups]
        # "Hội B có phải đơn vị chủ trì ... không": Hội B's own part, then who does lead.
        holders: list[tuple[PassageView, int]] = []
        if role_asked(analysis):
            # ... read in the whole document: a plan's lead body stands at the head of its
            # tasks, often in a part retrieval did not bring beside a partner's item.
            source = groups[0][0][0].passage.source
            read = views + self._unread(analysis, source, views)
            holders = role_holders(analysis, groups, score_candidates(analysis, read))
        if holders:
            own = _one_paragraph(groups[0])  # a page's prose runs on past the body's part
            groups = [own, self._with_owner(analysis, *holders[0]), *groups[1:]]
        return self._answer(question, self._fit(analysis, groups, whole_items=True), views)

    def _with_owner(
        self, analysis: QuestionAnalysis, view: PassageView, index: int
    ) -> list[tuple[PassageView, int]]:
        """An item's clause, after the line naming its owner when it names none itself
        ("1. Công an tỉnh (cơ quan thường trực)" over "a) Chủ trì, ...")."""
        clause = view.clauses[index]
        text = ITEM_MARKER_RE.sub("", clause.text, count=1)
        if read_owners(text, 0, len(text)) is not None:
            return [(view, index)]
        if clause.lead_in is not None:
            above = [(view, clause.lead_in)]
        else:
            above = [(view, index - 1)] if index > 0 else self._line_before(analysis, view)
        if not above:
            return [(view, index)]
        line = ITEM_MARKER_RE.sub("", above[0][0].clauses[above[0][1]].text.strip("#* "), count=1)
        owners = read_owners(line, 0, len(line), with_task=False)
        return [*above, (view, index)] if owners is not None else [(view, index)]

    def _line_before(
        self, analysis: QuestionAnalysis, view: PassageView
    ) -> list[tuple[PassageView, int]]:
        """The last clause of the document's passage just before the view's."""
        if self.library is None:
            return []
        start = view.passage.start
        earlier = [p for p in self.library.passages_of(view.passage.source) if p.end <= start]
        if not earlier:
            return []
        before = read_passages(analysis, [max(earlier, key=lambda p: p.start)])
        return [(before[0], len(before[0].clauses) - 1)] if before and before[0].clauses else []

    @staticmethod
    def _office_signed(
        analysis: QuestionAnalysis, views: list[PassageView]
    ) -> tuple[PassageView, int] | None:
        """For "Trưởng Công an xã ... là ai?": the name signed under that office's title."""
        if analysis.type != QuestionType.PERSON or not asks_office(analysis):
            return None
        return signed_under(views, lambda title: holds_office_asked(analysis, title, False))

    def _own_number(
        self, source: str | None, passages: Sequence[Passage], analysis: QuestionAnalysis
    ) -> bool:
        """The document is the one the question numbers, not one citing that number."""
        own = self._own_keys(source, passages)
        return own is not None and matches_number(own, analysis)

    def _own_keys(self, source: str | None, passages: Sequence[Passage]) -> set[str] | None:
        """The document's own number's keys (empty when unknown); None without a passage."""
        passage = next((p for p in passages if p.source == source), None)
        if passage is None:
            return None
        extraction = self.library.extraction_of(passage.source) if self.library else None
        return own_keys(passage, extraction)

    def _numbered_otherwise(
        self, source: str | None, passages: Sequence[Passage], analysis: QuestionAnalysis
    ) -> bool:
        """The document named by the question's number has a number of its own, another:
        it only cites the one asked ("thay thế Chỉ thị số A")."""
        own = self._own_keys(source, passages) if analysis.directive_keys else None
        return bool(own) and not matches_number(own or set(), analysis)

    def _of_asked_years(
        self, analysis: QuestionAnalysis, source: str, views: list[PassageView]
    ) -> bool:
        """The document is of each year the question names: issued in it or titled with it."""
        own = [v for v in views if v.passage.source == source]
        if not own or not analysis.years:
            return True
        meta = own[0].passage.metadata
        issued = self.library.extraction_of(source).identity.issued_on if self.library else None
        told = f"{meta.title} {meta.issued_on or ''} {issued or ''}"
        return all(meta.year == year or str(year) in told for year in analysis.years)

    def _signer(self, question: str, source: str, views: list[PassageView]) -> Answer:
        """The signature block's line naming who signed the pinned document."""
        signer = self.library.extraction_of(source).identity.signer if self.library else None
        found = signer_clause([v for v in views if v.passage.source == source], signer)
        if found is None:
            return self._refusal(question, views)
        view, index = found
        block = [(view, i) for i in joint_block(view, signing_block(view, index))]
        if block[0] == (view, 0):  # the name opens its passage: its titles close the one before
            before = [
                v
                for v in views
                if v.passage.source == source and v.passage.end <= view.passage.start
            ]
            if before:
                previous = max(before, key=lambda v: v.passage.start)
                # (the name first, then the capacity it signed in, as `signing_block` does)
                tabled = "|" in view.clauses[0].text
                block += [(previous, i) for i in closing_signing_lines(previous, tabled)]
        return self._answer(question, merge_clauses(block), views)

    def stream(self, question: str, passages: Sequence[Passage]) -> Iterator[AnswerEvent]:
        answer = self.build(question, passages)
        for piece in re.findall(r"\S+\s*|\s+", answer.answer):
            yield AnswerDelta(piece)
        yield answer

    @staticmethod
    def _target_verdict(
        analysis: QuestionAnalysis,
        best: Candidate,
        candidates: list[Candidate],
    ) -> tuple[PassageView, int] | None:
        """Asked how a figure stands against its target ("đạt bao nhiêu so với chỉ tiêu"), the
        report's verdict line on that target ("- 100% tàu cá lắp VMS: đạt 98,70% - chưa
        đạt."), of the best clause's document, year and place, when the best gives the figure
        only."""
        if not _matches(TARGET_MET, analysis.text, analysis.form) or _judges_target(
            best.clause.text
        ):
            return None
        for candidate in candidates[:REREAD_CANDIDATES]:
            same = candidate.view.passage.source == best.view.passage.source
            held = year_agrees(analysis, candidate) and place_agrees(analysis, candidate)
            if same and held and _judges_target(candidate.clause.text):
                return candidate.view, candidate.index
        return None

    def _asked_act_told(self, analysis: QuestionAnalysis, ranking: Ranking) -> Candidate | None:
        """Of the best few clauses of the asked place and time, the first saying how the
        question's own act is done (`states_asked_manner`): the act and its manner are what
        it covers, whatever share of the question's other words it repeats."""
        answers = self._answers(analysis, ranking, covering=False)
        return next(
            (
                candidate
                for candidate in ranking.candidates[:REREAD_CANDIDATES]
                if states_asked_manner(analysis, candidate.clause.text) and answers(candidate)
            ),
            None,
        )

    def _offenders_account(
        self,
        analysis: QuestionAnalysis,
        views: list[PassageView],
        ranking: Ranking,
        best: Candidate | None,
    ) -> tuple[Candidate, list[PassageView], Ranking] | None:
        """For "Thủ đoạn của đường dây ...": an officer's account of how the ring works ('...
        cho biết: "Các đối tượng ..."') in the best clause's news, though it repeats few of
        the question's words; the news read whole, past what retrieval brought. With the
        views and ranking it was found in; None when the news tells none."""
        first = next((v.passage.source for v in views if v.eligible), None)
        source = best.view.passage.source if best is not None else first
        if source is None:
            return None
        unread = self._unread(analysis, source, views)
        whole = views + unread
        reranked = score_candidates(analysis, whole) if unread else ranking
        placed = self._answers(analysis, reranked, covering=False)
        told = [
            candidate
            for candidate in reranked.candidates
            if candidate.view.passage.source == source
            and tells_offenders_ways(candidate.clause.text)
            and placed(candidate)
        ]
        # ... the one the officer opens as their ways ("Các đối tượng hoạt động rất tinh vi:
        # ..."), over a further doing told after it ("Nhóm này còn ...").
        told.sort(key=lambda candidate: not names_methods(candidate.clause.text))
        return (told[0], whole, reranked) if told else None

    def _answering_clause(
        self, analysis: QuestionAnalysis, views: list[PassageView], ranking: Ranking
    ) -> Candidate | None:
        """The best clause that holds what was asked and covers enough of the question."""
        if not any(view.eligible for view in views) or not _years_present(analysis, views):
            return None
        answers = self._answers(analysis, ranking)
        answering = [c for c in ranking.candidates if answers(c)]
        holding = answering[:REREAD_CANDIDATES]
        if not holding:
            return None
        best_confidence = self._confidence(holding[0])
        if best_confidence is not None and best_confidence < self._threshold():
            return None  # too unlike the clauses that answered on the fit half
        # Of the best few scoring close to the best: the one holding the numbers the question
        # gives ("bị phạt tù đến 07 năm" belongs to the clause saying "07 năm"), then the one
        # counting the very noun asked ("vụ phạm tội về X", not "vụ vi phạm"), then the best.
        # For "khi nào", the one giving a date: "… tổ chức tổng kiểm tra …; kiên quyết …,
        # hoàn thành trong quý IV năm 2023" is answered by its last clause, not its first.
        close = [c for c in holding if c.score >= EXTRA_SCORE_RATIO * holding[0].score]
        if analysis.type == QuestionType.MANNER and asks_means(analysis):
            close += means_after(holding[0], ranking.candidates)
        # A cause stated, or an item of the causes a lead-in announces ("Nguyên nhân ... là:").
        stated = PARAMETERS.lead_in_asked_share if analysis.type == QuestionType.REASON else 1.0
        if analysis.type == QuestionType.REASON:  # "Nguyên nhân của tình hình trên: ..."
            # ... looked for past the best few: the clauses telling the situation score high.
            close += [c for c in answering if (c.asked or 0.0) >= stated and c not in close]
        # "Những huyện nào nhiều vụ cháy nhất?": the clause ranking places by their figures
        # ("tập trung tại huyện A (9 vụ), huyện B (8 vụ)"), not the one telling the total.
        ranking_places = asks_extreme_places(analysis)
        if ranking_places:
            close += [c for c in holding if ranks_places(c.clause.text) and c not in close]
        # "Hội nghị ... do ai chủ trì?": the clause naming a person beside "chủ trì", over the
        # one that only tells of the meeting (and names the body holding it); "... có hiệu
        # lực từ ngày nào?": the date beside "hiệu lực", not the date of issue.
        acting = asked_action(analysis)
        # ... looked for past the best few: the person beside "cầm đầu" may score low.
        doing = {id(c) for c in answering if acting and does_asked(c, acting, analysis)}
        close += [c for c in answering if id(c) in doing and c not in close]
        counting = analysis.type == QuestionType.COUNT
        # "xã A bắt bao nhiêu vụ": the clause naming the commune, looked for past the best few.
        if counting:
            close += [c for c in holding if _names_communes(analysis, c) and c not in close]
        # "khám phá được bao nhiêu vụ": the number after that verb, over the one "xảy ra";
        # looked for past the best few only when none of them has it. (A table's row names
        # no verb: the best clause being one, the table answers.)
        in_table = "|" in holding[0].clause.text
        verbs = counting_verbs(analysis) if counting and not in_table else set()
        by_verb = {id(c) for c in holding if verbs and counts_by_verb(verbs, c.clause.text)}
        close += _past_best_few(close, holding, by_verb)
        # "bao nhiêu vụ tai nạn giao thông": "85 vụ TNGT", the noun right after the number,
        # over a clause holding its words apart ("406 vụ va chạm giao thông; 03 vụ tai nạn").
        # (Not a headline's few words: "9 tháng, 63 vụ lừa đảo qua mạng" tells no more.)
        tight = {
            id(c)
            for c in holding
            if counting
            and not is_heading_line(c.clause.text)
            and counts_noun_as_asked(analysis, read_with_narrowed(c, analysis))
        }
        close += _past_best_few(close, holding, tight)
        # "quý II có bao nhiêu vụ": the clause naming that part of the year itself ("riêng quý
        # II xảy ra 12 vụ"), over the sentence after it that goes on with the paragraph's
        # whole period ("Đã khởi tố 30 vụ") and only borrows the quarter from the paragraph.
        part = counting and analysis.period not in (None, "whole-year")
        told_part = {
            id(c) for c in holding if part and analysis.period in periods_in(c.clause.text)
        }
        close += _past_best_few(close, holding, told_part)
        # "đã đạt chỉ tiêu ... chưa?": the clause giving the figure reached, not the cause.
        aiming = _matches(TARGET_MET, analysis.text, analysis.form)
        if aiming:
            close += [c for c in holding if c not in close and _FIGURE_RE.search(c.clause.text)]
        # "đặt chỉ tiêu gì về X": the target set ("Mục tiêu đến hết năm 2025: ...; 100% hộ ...
        # ký cam kết trước ngày 31/12/2024"), not the figure reached so far.
        targeting = (
            not aiming
            and analysis.type != QuestionType.REASON
            and bool(_TARGET_ASKED_RE.search(fold(analysis.text).lower()))
        )
        # "được bao nhiêu %" of what was done: where the best is a task striving for a figure
        # ("Phấn đấu đạt 95% ..."), the clauses telling one reached, looked for past the best few.
        reached = counting and not targeting and not aiming
        if reached and _aims(holding[0]):
            close += [c for c in holding if c not in close and not _aims(c)]
        # "X so với năm trước thế nào": the report's account of X against the year before
        # ("Phát hiện 57 vụ, tăng 12 vụ (+26,67%) so với ..."), over a target's verdict line
        # giving the change in passing ("- Giảm 10% số vụ X: chưa đạt (tăng 26,67%).").
        changing = (
            not aiming
            and not targeting
            and bool(_CHANGE_ASKED_RE.search(fold(analysis.text).lower()))
        )
        if changing and holding and _judges_target(holding[0].clause.text):  # past the best few
            told = (c for c in holding if not _judges_target(c.clause.text))
            close += [c for c in told if c not in close and tells_change(c.clause.text)]
        # "Tháng 10 xã A có vụ cháy nào không?": the clause saying whether one happened ("không
        # xảy ra cháy, nổ"), looked for past the best few (a table of the month's other
        # figures holds more of the question's words).
        happened = asks_happened(analysis)
        if happened:  # (of the asked place and time, however few of the question's words)
            of_asked = self._answers(analysis, ranking, covering=False)
            said = (c for c in ranking.candidates if verdict(analysis, c.clause.text))
            close += [c for c in said if c not in close and of_asked(c)]
        dating = analysis.type == QuestionType.TIME
        # "vì sao", "hoạt động thế nào": the one stating a cause or holding the asked verb.
        # "biện pháp gì", "yêu cầu ... làm gì": the one that is a task.
        stating = analysis.type in (QuestionType.REASON, QuestionType.MANNER) or asks_measure(
            analysis
        )
        tasked = analysis.type == QuestionType.ACTION
        # "Đường dây ... bằng cách nào?": the sentence telling what the offenders do, looked
        # for past the best few (the one telling of the ring's arrest covers more words).
        offenders = asks_offenders_manner(analysis)
        offenders_doing = {
            id(c) for c in answering if offenders and tells_offenders_ways(c.clause.text)
        }
        close += [c for c in answering if id(c) in offenders_doing and c not in close]
        # "Kinh phí ... chia giữa tỉnh và huyện thế nào?": the clause giving each level's
        # share, not the total nor the one naming "các cấp" (looked for past the best few).
        sharing = asks_share(analysis)
        close += [
            c for c in answering if sharing and states_share(c.clause.text) and c not in close
        ]
        # "Xã A được lập từ những đơn vị nào?": the clause naming the units merged, not the
        # one telling how the commune's police was formed from "03 xã cũ".
        origin = bool(_ORIGIN_ASKED_RE.search(fold(analysis.text).lower()))
        if origin:
            merged = [c for c in holding if _names_merged(c.clause.text) >= MIN_MERGED_NAMES]
            close += [c for c in merged if c not in close]
        # "Xã A nay thuộc tỉnh nào?": the clause naming the province it is in since the 2025
        # merger ("trực thuộc Thành phố Hồ Chí Minh"), not the one naming where it came from.
        # "Xã A trước 1/7/2025 thuộc tỉnh nào?": the one naming the former ("tỉnh B (cũ)").
        asked = fold(analysis.text).lower()
        current = bool(_CURRENT_ASKED_RE.search(asked))
        former = not current and bool(_FORMER_ASKED_RE.search(asked))
        if current or former:
            # ... looked for among the clauses of the asked place and time however few of the
            # question's words they hold ("tỉnh An Giang (mới) được hình thành trên cơ sở
            # hợp nhất ..." names no commune)
            placed = self._answers(analysis, ranking, covering=False)
            names = _names_current_province if current else _names_former_province
            now = (c for c in ranking.candidates if names(c) and placed(c))
            close += [c for c in islice(now, REREAD_CANDIDATES) if c not in close]
        return max(
            close,
            key=lambda c: (
                c.features is None
                or not c.features.missing_value
                or (id(c) in doing and told_before(c, ranking, analysis.form)),
                # ... over the passage's other figures ("- Xã A: 14 vụ;" in a list).
                counting and _names_communes(analysis, c),
                not (changing and _judges_target(c.clause.text)),
                happened and verdict(analysis, c.clause.text) is not None,
                sharing and states_share(c.clause.text),
                # ... the share of the district asked ("Đối với thành phố A, mỗi cấp bảo
                # đảm 50%") over the province's rule
                sharing and _names_localities(analysis, c),
                id(c) in by_verb,
                id(c) in tight,
                id(c) in told_part,
                unit_share(analysis, _counted_text(c, analysis)) if counting else 0.0,
                aiming
                and bool(_FIGURE_RE.search(c.clause.text))
                and not _AIMED_RE.search(fold(c.clause.text).lower()),
                # ... and of those, the one setting it beside its target: "đạt 61%, chưa đạt
                # chỉ tiêu 70%" over a task's "đến ngày 30/9 đạt 70%".
                aiming and bool(_TARGET_WORD_RE.search(fold(c.clause.text).lower())),
                # ... the target's own figure told ("(chỉ tiêu giao: 80%)"), not only "chưa đạt
                # chỉ tiêu".
                aiming and bool(_TARGET_FIGURE_RE.search(fold(c.clause.text).lower())),
                targeting and _sets_target(c),
                dating
                and time_evidence(analysis, c.clause.text) >= PARAMETERS.evidence.partial_date,
                id(c) in doing,
                # "… tổng kiểm tra …; …, hoàn thành trong quý IV": the date of the best
                # clause's own sentence, not another event's date nearby.
                dating and same_sentence(c, holding[0]),
                id(c) in offenders_doing,
                stating and (c.asked or 0.0) >= stated,
                tasked and measure_evidence(c.clause.text) >= 1.0,
                ranking_places and ranks_places(c.clause.text),
                # ... the more of them named, the better ("thị trấn A và các xã B, C" over
                # "xã A thuộc tỉnh B (mới)")
                _merged_count(analysis, c.clause.text) if origin else 0,
                current and _names_current_province(c),
                former and _names_former_province(c),
                # A figure asked of what was done ("được bao nhiêu %") is the one reached, not
                # the target a plan aims at ("Phấn đấu đạt 95% ...").
                not (reached and _aims(c)),
                c.score,
            ),
        )

    def _answers(
        self,
        analysis: QuestionAnalysis,
        ranking: Ranking,
        timed: bool = True,
        covering: bool = True,
    ) -> Callable[[Candidate], bool]:
        """Whether a clause may answer: covers enough (read with the sentence before it:
        "Hiện cả thôn có 14 loa truyền thanh" follows the sentence naming the thôn), of the
        asked year and place (`timed=False`: of any year and period), of the asked kind."""
        ranking_places = asks_extreme_places(analysis)
        leads = asked_action(analysis) == LEADER
        origin = bool(_ORIGIN_ASKED_RE.search(fold(analysis.text).lower()))
        proposed = analysis.type in (QuestionType.WHICH, QuestionType.LIST) and bool(
            _PROPOSED_ASKED_RE.search(fold(analysis.text).lower())
        )
        # A count asked of a facility or a holiday: from a passage naming it, not the
        # province's count over all its industrial zones, nor another Tết's.
        facilities = _asked_facilities(analysis)
        new_years = _asked_new_years(analysis)
        # "riêng chợ A có mấy vụ": A's own figure, told by the clause naming it, not a figure
        # of the whole its passage tells of A and others.
        singled = bool(facilities) and _SINGLED_OUT_RE.search(analysis.text) is not None
        # ... as a road is: a passage naming "Quốc lộ 12A" among others tells the province's
        # figure, the clause naming it that road's.
        singled = singled or (bool(facilities) and _names_road(analysis))

        def names_facilities(candidate: Candidate) -> bool:
            if not facilities and not new_years:
                return True  # (most questions name neither: nothing to read)
            told = fold(candidate.view.about).lower()  # the passage, its title and place
            if singled:
                told = fold(read_with_lead_in(candidate)).lower()
            if not all(name.search(told) for name in facilities):
                return False
            if not new_years:
                return True
            # A holiday's figure is told where it is named: the clause's sentence or lead-in,
            # the paragraph before ("Trong dịp Tết A (từ ... đến ...):"), the title or
            # subject; not a passage naming it only to compare ("..., so với Tết A giảm 04
            # nhóm").
            around = (
                read_with_lead_in(candidate),
                sentence_of(candidate),
                paragraph_before(candidate),
                previous_paragraph(candidate),
                list_lead_in(candidate),  # "Trong đợt Tết A (...), ... nổi lên:" / "- ..."
                section_heading(candidate),  # "I. TÌNH HÌNH DỊP TẾT A"
                section_of(candidate),  # ... above the passage retrieval cut
                candidate.view.passage.metadata.title or "",
                self._opening(candidate.view.passage.source),  # a letter's "V/v ..." lines
            )
            held = _COMPARED_WITH_RE.sub(" ", fold(" ".join(around)).lower())
            return all(name.search(held) for name in new_years)

        def covers(candidate: Candidate) -> bool:
            if candidate.coverage >= self.min_coverage:
                return True
            # The document's own number, the question naming it ("CT 09-CT/TU ... trước
            # ngày nào"): every clause of the document is of that number, as of its title.
            numbered = " ".join(
                number
                for number in candidate.view.passage.metadata.directive_numbers
                if analysis.directive_keys and directive_keys_in(number) & analysis.directive_keys
            )
            if numbered:
                share = ranking.share_beyond(candidate, numbered)
                if candidate.coverage + PARAMETERS.heading_share * share >= self.min_coverage:
                    return True
            naming = _counted_noun_named(analysis, candidate)
            if naming is not None:  # the noun itself is the question
                # ... named in the clause, or only in the heading over it
                share = PARAMETERS.lead_in_share * ranking.share_beyond(candidate, naming)
                return candidate.coverage + share >= COUNTED_NOUN_COVERAGE * self.min_coverage
            needed = self.min_coverage
            if ranking_places and ranks_places(candidate.clause.text):
                # The ranking is what is asked, and what it ranks is told just before it:
                # "... bắt giữ 27 vụ vận chuyển pháo. Các vụ việc tập trung ở huyện A (9 vụ)".
                needed = COUNTED_NOUN_COVERAGE * self.min_coverage
            if (
                analysis.type in (QuestionType.LIST, QuestionType.WHICH)
                and analysis.asked_noun
                and analysis.asked_noun not in PLACE_NOUNS  # (places listed: their own rule)
                and names_several(analysis.asked_noun, candidate.clause.text)
            ):
                # "Những cảng cá nào ...": the clause naming several ("các cảng cá A, B và
                # C") is what is asked, whatever else the question names.
                needed = COUNTED_NOUN_COVERAGE * self.min_coverage
            if proposed and _PROPOSED_ITEM_RE.match(candidate.clause.text):
                # "Cơ quan nào chỉ được đề nghị phối hợp": the item proposing a task to its
                # bodies ("6. Đề nghị Ủy ban MTTQ tỉnh, ... phối hợp ...") is what is asked.
                needed = COUNTED_NOUN_COVERAGE * self.min_coverage
            if _SELF_REFERENCE_RE.search(candidate.clause.text):
                # "Nghị quyết này ... có hiệu lực từ ...": the document it names is the one
                # its title describes, as the question does ("Nghị quyết mức hỗ trợ ...").
                title = candidate.view.passage.metadata.title
                share = ranking.share_beyond(candidate, title)
                if candidate.coverage + share >= self.min_coverage:
                    return True
            if origin and _names_merged(candidate.clause.text) >= MIN_MERGED_NAMES:
                # "Xã A được lập từ những đơn vị nào?": the clause naming the units merged,
                # in its own words ("trên cơ sở sắp xếp ... của thị trấn A, xã B và xã C").
                needed = COUNTED_NOUN_COVERAGE * self.min_coverage
            if leads and does_asked(candidate, LEADER, analysis):
                # "Đứng đầu đường dây là A": the ring it leads was told before, by name.
                needed = COUNTED_NOUN_COVERAGE * self.min_coverage
            # The effect a cause is asked of, the ring a leader is asked of: told first.
            if analysis.type == QuestionType.REASON or leads:
                before = paragraph_before(candidate)
                if _opens_passage(candidate):  # ... in the paragraph retrieval cut before it
                    before = f"{candidate.view.preceding} {before}"
                elif not before.strip():  # ... in the paragraph before: "Nguyên nhân của
                    before = previous_paragraph(candidate)  # tình hình trên là do ..."
            elif candidate.index == 0:  # what it counts may be in the heading cut above it
                before = item_heading(candidate)
                if not before:
                    return False
            elif analysis.period is not None and analysis.period in periods_in(
                candidate.clause.text
            ):
                # The part of the year asked, told after the whole's figures: "6 tháng xảy
                # ra 40 vụ TNGT ...; so với cùng kỳ ... Riêng quý II xảy ra 18 vụ": what it
                # counts is named earlier in the paragraph, not always in the clause before.
                previous = candidate.view.clauses[candidate.index - 1].text
                before = f"{paragraph_before(candidate)} {previous} {item_heading(candidate)}"
                # "- Riêng quý IV: ... 118 vụ", "- Quý III: xảy ra 17 vụ" after "- 9 tháng:
                # xảy ra 53 vụ phạm pháp hình sự": a part of what the list's first item counts.
                if narrows(candidate.clause) or _item_of_a_period(candidate.clause):
                    before = f"{before} {first_item(candidate)}"
                if _opens_passage(candidate):  # ... or before the cut retrieval made in it
                    before = f"{candidate.view.preceding} {before}"
            else:  # ... and an item's clause, what the heading over the items says
                before = (
                    f"{candidate.view.clauses[candidate.index - 1].text} {item_heading(candidate)}"
                )
            share = ranking.share_beyond(candidate, before)
            return candidate.coverage + PARAMETERS.lead_in_share * share >= needed

        def answers(candidate: Candidate) -> bool:
            return (
                (not covering or covers(candidate))
                and names_facilities(candidate)
                and (not timed or year_agrees(analysis, candidate))
                and (not timed or period_agrees(analysis, candidate))
                and place_agrees(analysis, candidate)
                and commune_agrees(analysis, candidate)
                and (not timed or plan_agrees(analysis, candidate))
                and target_agrees(analysis, candidate)
                and _holds_asked_kind(analysis, candidate)
                and not heads_table(candidate.view, candidate.index)
            )

        return answers

    def _listed(
        self,
        analysis: QuestionAnalysis,
        views: list[PassageView],
        ranking: Ranking,
        pinned: str | None,
    ) -> list[Candidate]:
        """The clauses naming each thing a list question asks for; when they come from one
        document, that document is read whole for the ones retrieval left out."""
        within = self._within_reach(analysis, ranking)
        listed = named_parts(analysis, ranking.candidates, within, self.max_quotes)
        sources = {c.view.passage.source for c in listed}
        if len(sources) != 1 or pinned is not None or self.library is None:
            return listed
        (source,) = sources
        passages = whole_document(source, [v.passage for v in views], self.library)
        whole = read_passages(analysis, passages, self._document_about)
        reread = score_candidates(analysis, whole)
        return named_parts(analysis, reread.candidates, lambda c: True, self.max_quotes) or listed

    def _within_reach(
        self, analysis: QuestionAnalysis, ranking: Ranking
    ) -> Callable[[Candidate], bool]:
        """A clause of the asked year and place from a document that answers: a part of a
        list need not repeat the question's words ("mô hình “X”" under a heading naming the
        commune)."""
        answers = self._answers(analysis, ranking)
        sources = {c.view.passage.source for c in ranking.candidates if answers(c)}
        return lambda c: (
            c.view.passage.source in sources
            and year_agrees(analysis, c)
            and place_agrees(analysis, c)
        )

    def _expand(
        self, analysis: QuestionAnalysis, best: Candidate, candidates: list[Candidate]
    ) -> list[list[tuple[PassageView, int]]]:
        """The clauses to quote, as groups of (passage, clause index), most needed first: the
        best one with what it needs to be read, the highest bound asked for, close seconds."""
        groups = [[(best.view, i) for i in with_context(analysis, best)]]
        if analysis.type == QuestionType.COUNT and analysis.bound == "max":
            groups.append(_highest_bound(analysis, best, candidates))
        for other in candidates:
            if len(groups) >= self.max_quotes + 2 or other.score < EXTRA_SCORE_RATIO * best.score:
                break
            # Another document must score nearly as well to be quoted beside the best one.
            elsewhere = other.view.passage.source != best.view.passage.source
            if elsewhere and other.score < EXTRA_OTHER_DOCUMENT_RATIO * best.score:
                continue
            # A second definition quoted defines the same term as the first.
            defines = analysis.type != QuestionType.DEFINITION or (
                (other.asked or 0.0) >= (best.asked or 0.0)
            )
            aimed = plan_agrees(analysis, other)  # not a target beside the figure reached
            # A close second holds to the asked year, period, place and commune as the best does.
            held = (
                year_agrees(analysis, other)
                and period_agrees(analysis, other)
                and place_agrees(analysis, other)
                and commune_agrees(analysis, other)
            )
            if other is not best and defines and aimed and held and _answers_type(analysis, other):
                # A list's lead-in comes with its items: "Đồ vật tạm giữ gồm:" says nothing.
                listed = other.clause.is_lead_in and analysis.type == QuestionType.LIST
                shown = with_context(analysis, other) if listed else [other.index]
                groups.append([(other.view, i) for i in shown])
        return groups

    def _fit(
        self,
        analysis: QuestionAnalysis,
        groups: list[list[tuple[PassageView, int]]],
        whole_items: bool = False,
        budget: int | None = None,
    ) -> list[Quote]:
        """Quotes of the first group and of each further group that still fits the budget
        with the ones before; the first is trimmed to the part that answers when too long
        (a duty item from its start: its first words name what the body must do)."""
        budget = budget or (DUTY_CHAR_BUDGET if whole_items else self.char_budget)
        value = (lambda text: 0.0) if whole_items else _answer_value(analysis)
        chosen: list[tuple[PassageView, int]] = []
        for group in groups:
            # Chunks overlap: a clause of the next chunk may be one already quoted.
            said = {_said_as(view, index) for view, index in chosen}
            fresh = [item for item in group if item not in chosen and _said_as(*item) not in said]
            if chosen and fresh:
                trial = merge_clauses(chosen + fresh)
                if len(trial) > self.max_quotes or (
                    sum(quote.shown_chars for quote in trial) > budget
                ):
                    continue
            chosen += fresh
        first, *others = merge_clauses(chosen)
        first = with_heading(analysis, first)
        room = max(budget - (first.shown_chars - len(first.text)), MIN_QUOTE_ROOM)
        kept = [trim(first, room, value)]
        for quote in others:  # the heading shown may leave no room for a second quote
            if sum(q.shown_chars for q in kept) + quote.shown_chars <= budget:
                kept.append(quote)
        return kept

    def _answer(
        self,
        question: str,
        quotes: list[Quote],
        views: list[PassageView],
        labels: Sequence[str | None] = (),
    ) -> Answer:
        """The quotes as the answer, each with its citation; `labels` say before each quote
        which document or place it is from ("Văn bản nào ...?", "Tỉnh nào ...?")."""
        pieces = render(quotes)
        labels = labels or self._self_named(question, quotes)
        if labels:
            pieces = [
                f"{piece[: len(piece) - len(piece.lstrip())]}{label}: {piece.lstrip()}"
                if label
                else piece
                for label, piece in zip(labels, pieces, strict=True)
            ]
        citations = [
            Citation(
                n=n,
                quote=quote.text,
                start=quote.start,
                end=quote.end,
                **source_ref_fields(quote.view.passage),
            )
            for n, quote in enumerate(quotes, start=1)
        ]
        cited = {id(quote.view) for quote in quotes}
        related = [_related(view) for view in views if id(view) not in cited][:MAX_RELATED]
        return Answer(
            question=question,
            answer="".join(pieces),
            refused=False,
            citations=citations,
            related=related,
        )

    def _self_named(self, question: str, quotes: list[Quote]) -> list[str | None]:
        """Asked of one document by number and quoting another that names itself only as
        "Quyết định này" ("... thay thế Quyết định số 20/QĐ-UBND"): that one's number, said
        before its quote, for the reader to know which document speaks."""
        if self.library is None or not any(_SELF_REFERENCE_RE.search(q.text) for q in quotes):
            return []  # (the question read again only where a quote names itself)
        asked = analyse(question).directive_keys
        if not asked:
            return []
        labels: list[str | None] = []
        for quote in quotes:
            itself = _SELF_REFERENCE_RE.search(quote.text)
            number = self.library.extraction_of(quote.view.passage.source).identity.number
            if itself is None or not number or directive_keys_in(number) & asked:
                labels.append(None)
                continue
            kind = itself.group().rsplit(" ", 1)[0]
            labels.append(f"{kind[:1].upper()}{kind[1:]} số {number}")
        return labels if any(labels) else []

    def _own_mention(
        self,
        source: str,
        ranking: Ranking,
        dated: bool = False,
        asked: frozenset[str] = frozenset(),
        subject: bool = False,
    ) -> Candidate | None:
        """The best clause of a document naming its own number: where it says what it is,
        who issued it and when ("Ngày ..., UBND tỉnh A ban hành Kế hoạch số X về ...").
        Asked when (`dated`): the best such clause giving a date, else the document's own
        dateline ("Cao Bằng, ngày 05 tháng 12 năm 2024"), else the best such clause. Asked
        what about (`subject`): of a document of that number, only a clause telling its
        subject (its title tells it otherwise)."""
        own_clauses = [c for c in ranking.candidates if c.view.passage.source == source]
        if not own_clauses:
            return None
        extraction = self.library.extraction_of(source) if self.library else None
        # A page retelling a document (news) has no number of its own, and a report citing
        # another ("Kế hoạch số 214/KH-CAT ngày 12/3/2024") has another: the number asked,
        # and its own dateline says nothing of when that was issued.
        own = own_keys(own_clauses[0].view.passage, extraction)
        retold = bool(asked) and bool(own) and not own & set(asked)
        titled = bool(own) and not retold  # its own number: its title tells what about
        if retold or not own:
            own = set(asked)
        mentions = [c for c in own_clauses if own & directive_keys_in(c.clause.text)]
        if dated:  # the date beside the number, a date of its issue, the dateline, any date
            beside = [c for c in mentions if _NUMBER_DATED_RE.search(c.clause.text)]
            dates = [c for c in mentions if FULL_DATE_RE.search(c.clause.text)]
            # "Ngày 22/4/2024, UBND tỉnh ban hành Chỉ thị số 08/CT-UBND ...": the date told
            # before the word of issuing (a date after it is a deadline: "... báo cáo trước").
            issued = [c for c in dates if _dated_issue(c.clause.text)]
            datelines = [
                c for c in own_clauses if not retold and _DATELINE_RE.match(c.clause.text.strip())
            ]
            # ... or a portal's attribute table's row: "Ngày ban hành | 12/04/2027".
            rows = [c for c in own_clauses if not retold and _ISSUE_ROW_RE.match(c.clause.text)]
            found = beside or issued or rows or datelines or dates
            if titled:  # its own number: its header says when, over "(Kèm theo KH số X ngày ...)"
                found = issued or rows or datelines or beside or dates
            if found:
                return found[0]
        # ... else the mention telling what it is about: "Kế hoạch số X ngày ... của UBND tỉnh
        # A về ...", not a heading naming it bare ("Kết quả thực hiện Kế hoạch số X").
        about = [c for c in mentions if tells_subject(c.clause.text, own)]
        if subject and titled and not about:
            return None  # "(Kèm theo Quyết định số X ...)" names it, says nothing of what about
        return (about or mentions)[0] if mentions else None

    def _document_about(self, source: str) -> str:
        """Who issued a document and what about, as extraction read it."""
        if self.library is None:
            return ""
        identity = self.library.extraction_of(source).identity
        return " ".join(part for part in (identity.issuer, identity.subject) if part)

    def _document_places(self, source: str) -> set[str]:
        """Every place a document names anywhere (read once per document version)."""
        if self.library is None:
            return set()
        text = self.library.text_of(source)
        key = (source, hash(text))
        if key not in self._places_cache:
            if len(self._places_cache) > PLACES_CACHE_SIZE:
                self._places_cache.clear()
            self._places_cache[key] = places_named(text)
        return self._places_cache[key]

    def _issued_by_asked_commune(
        self, analysis: QuestionAnalysis, source: str, views: list[PassageView]
    ) -> bool:
        """ "Ai ký kế hoạch X của UBND xã A?": the document is the commune's (its issuer,
        title or opening lines name it); any document when no commune issues it asked."""
        if not analysis.communes or not _ISSUED_BY_COMMUNE_RE.search(fold(analysis.text).lower()):
            return True
        opening = self._opening(source) or next(
            (
                v.passage.text[:OPENING_CHARS]
                for v in views
                if v.passage.source == source and v.passage.start == 0
            ),
            "",
        )  # (without the library, the opening passage when retrieval brought it)
        meta = next((v.passage.metadata for v in views if v.passage.source == source), None)
        told = f"{self._issuer_of(source) or ''} {meta.title if meta else ''} {opening}"
        said = fold(told).lower()
        return any(says_name(said, commune) for commune in analysis.communes)

    def _opening(self, source: str) -> str:
        """A document's header: its issuer, number and subject, wrapped over lines as
        written ("V/v triển khai ... bảo đảm" / "ANTT dịp Tết A")."""
        return self.library.text_of(source)[:OPENING_CHARS] if self.library else ""

    def _issuer_of(self, source: str) -> str | None:
        """The body that issued a document, as extraction read it from its header."""
        identity = self.library.extraction_of(source).identity if self.library else None
        return identity.issuer if identity else None

    def _document_name(self, passage: Passage) -> str:
        """A document as officers name it: its kind and number ("Chỉ thị số 13/CT-UBND"),
        from extraction, else from its metadata, else its title."""
        identity = self.library.extraction_of(passage.source).identity if self.library else None
        meta = passage.metadata
        kind = (identity.kind if identity else None) or meta.kind
        number = identity.number if identity and identity.number else None
        if number is None and kind and kind != "tin bài" and meta.directive_numbers:
            number = meta.directive_numbers[0]
        if kind and number:
            return f"{kind[:1].upper()}{kind[1:]} số {number}"
        return meta.title or passage.source

    def _near_miss(
        self, analysis: QuestionAnalysis, views: list[PassageView], ranking: Ranking
    ) -> tuple[Quote, str] | None:
        """The clause that would answer but for the year or period asked, and what it has."""
        if not (analysis.years or analysis.period) or not any(v.eligible for v in views):
            return None
        untimed = self._answers(analysis, ranking, timed=False)
        for candidate in ranking.candidates[:REREAD_CANDIDATES]:
            if not untimed(candidate):
                continue
            confidence = self._confidence(candidate)
            if confidence is not None and confidence < self._threshold():
                return None
            said = near_miss_text(analysis, candidate)
            if said is None:
                return None
            quote = merge_clauses([(candidate.view, candidate.index)])[0]
            return quote, said
        return None

    def _from_table(
        self,
        question: str,
        analysis: QuestionAnalysis,
        views: list[PassageView],
        ranking: Ranking,
    ) -> Answer | None:
        """A district's count (or each compared district's), a named row's value, or the
        rows with the most or least, read from the column of a table counting the asked noun,
        in a table of the asked year, period and place; each row quoted with the column it
        is read in, then the header row."""
        extreme = asked_extreme(analysis)
        counts = analysis.type == QuestionType.COUNT
        by_place = bool(analysis.localities) and (counts or analysis.compares)
        verdicts = asked_verdict(analysis)
        if verdicts is not None:  # "Chỉ tiêu nào không đạt?": the rows judged so
            for view in views:
                picked = verdict_rows(view, verdicts) if view.eligible else []
                head = _table_head(ranking, picked[0]) if picked else None
                if (
                    head is not None
                    and year_agrees(analysis, head)
                    and place_agrees(analysis, head)
                ):
                    rest = _rest_of_table(picked, views, lambda v: verdict_rows(v, verdicts))
                    return self._rows_answer(question, (picked + rest)[:MAX_TABLE_ROWS], views)
        judged = self._judged(analysis, views, ranking)  # "Chỉ tiêu X có đạt không?": X's row
        if judged is not None:
            # ... and the report's sentence giving the figures reached, where it has one
            best = self._answering_clause(analysis, views, ranking)
            told = (
                [(best.view, best.index)]
                if best is not None
                and cells(best.clause.text) is None
                and re.search(r"\d", best.clause.text)
                and best.view.passage.source == judged[0].view.passage.source
                else []
            )
            answer = self._rows_answer(question, judged, views, told)
            said = verdict(analysis, judged[0].value_text, of_asked=True)  # "Chưa đạt": "Không"
            return (
                answer.model_copy(update={"answer": f"{said}. {answer.answer}"}) if said else answer
            )
        rated = rate_cells(analysis, views)  # "mức hỗ trợ tổ phó tổ tự quản": its row
        head = _table_head(ranking, rated[0]) if rated else None
        if head is not None and year_agrees(analysis, head) and place_agrees(analysis, head):
            return self._rows_answer(question, rated[: self.max_quotes - 1], views)
        if analysis.type == QuestionType.OTHER:  # "lượt khách Bãi A 2023": a row's cell
            for view in views:
                searched = searched_cells(analysis, view) if view.eligible else []
                head = _table_head(ranking, searched[0]) if searched else None
                # The place asked is the row's ("huyện B" its label) or the table's.
                row_named = bool(searched) and bool(place_cells(analysis, searched[:1]))
                # ... not another place's row ("Xã A" of a table in the report of "huyện A")
                other_place = bool(searched) and not row_named and labels_place(searched[0].label)
                if (
                    head is not None
                    and year_agrees(analysis, head)
                    and period_agrees(analysis, head)
                    and (row_named or (place_agrees(analysis, head) and not other_place))
                ):
                    return self._rows_answer(question, searched[: self.max_quotes - 1], views)
        change = asked_change(analysis) if asks_places(analysis) else None
        if change is not None:  # "Những huyện nào có số vụ ... tăng so với năm 2023?"
            return self._changed_rows(question, analysis, views, ranking, change)
        if extreme is None and not (by_place or counts):
            return None
        found = self._table_rows(question, analysis, views, ranking, by_place)
        source = next((v.passage.source for v in views if v.eligible), None)
        unread = extreme is not None or by_place
        if found is not None or not unread or source is None or self.library is None:
            return found
        # "Đơn vị nào ... nhiều nhất", "Huyện A có bao nhiêu ...": the table of the best
        # document retrieval did not reach (its rows repeat few of the question's words).
        more = self._unread(analysis, source, views)
        return self._table_rows(
            question, analysis, more, score_candidates(analysis, more), by_place, views + more
        )

    def _table_rows(
        self,
        question: str,
        analysis: QuestionAnalysis,
        views: list[PassageView],
        ranking: Ranking,
        by_place: bool,
        cited: list[PassageView] | None = None,
    ) -> Answer | None:
        """The first table of the views with the asked column: the asked place's row, the
        rows with the most or least, or the row the question names; `cited` are the views
        the answer may cite (`views` and the ones it was read with)."""
        extreme = asked_extreme(analysis)
        tables: Iterable[tuple[PassageView, list[TableCell]]] = (
            (view, values)
            for view in views
            if view.eligible
            for values in by_table(column_values(analysis, view))
        )
        if extreme is not None:  # "tuyến nào ... nhiều nhất": a table of routes first
            tables = sorted(tables, key=lambda table: not labels_named_as_asked(analysis, table[1]))
        for view, values in tables:
            head = _table_head(ranking, values[0])
            by_year = year_rows(values)  # "Năm nào ... nhiều nhất": the rows are the years
            if by_year and analysis.years:  # "giai đoạn 2021-2023": each year of the span
                first, last = min(analysis.years), max(analysis.years)
                span = range(first, last + 1)
                values = [c for c in values if not c.label.isdigit() or int(c.label) in span]
            timed = by_year or (head is not None and year_agrees(analysis, head))
            if head is None or not values or not (timed and period_agrees(analysis, head)):
                continue
            communes = commune_cells(analysis, values) if extreme is None else []
            if extreme is None and by_place and not (communes or commune_agrees(analysis, head)):
                continue  # "xã A huyện B": not the district's row of a report naming no xã A
            # A former province asked of the new one's table ("Khu vực A cũ | 52 | ..."):
            # the row naming it says whose figure it is, not the header.
            own_row = extreme is None and asks_former_province(analysis)
            summed = extreme is None and asks_total(analysis)
            totals = total_cells(values) if summed else []
            if summed and not totals and place_agrees(analysis, head):
                # ... in the part of a long table retrieval did not bring: its last rows.
                pool = views + self._unread(analysis, view.passage.source, views)
                rest = _rest_of_table(values, pool, lambda v: column_values(analysis, v))
                totals = total_cells(rest)
                cited = (cited or views) + [v for v in pool if v not in views] if totals else cited
            if totals and place_agrees(analysis, head):
                if self._said_whole(analysis, views, ranking, totals):
                    return None  # "phát hiện 215 vụ ... (tăng 12 vụ)": said whole, in words
                picked = totals  # "Tổng số ... là bao nhiêu?": the "Cộng" row, not a part's
            elif extreme is None and by_place:  # the commune's row, else the district's
                picked = communes or place_cells(analysis, values)
            elif not own_row and not place_agrees(analysis, head):
                continue
            elif extreme is not None:  # over the whole table, its parts retrieval cut apart
                if not rows_of_asked_tier(analysis, values):
                    continue
                ranked = period_ranked(analysis, values)
                if ranked is None or labels_are_no_places(analysis, values):
                    continue  # "Huyện nào ... nhiều nhất": not a table of quarters, of goods
                values = ranked
                # ... and those it did not bring: the most is often in a part no word reached.
                pool = views + self._unread(analysis, view.passage.source, views)
                rest = _rest_of_table(values, pool, lambda v: column_values(analysis, v))
                compared = set_aside(analysis, of_asked_kind(analysis, values + rest))
                compared = named_places(analysis, compared)
                picked = extreme_cells(compared, extreme)
                if picked:
                    shown = (cited or views) + [v for v in pool if v not in views]
                    # "Những huyện nào không ... vụ nào": every row counting none
                    most = MAX_TABLE_ROWS if extreme == "zero" else self.max_quotes - 1
                    return self._rows_answer(question, picked[:most], shown)
                continue
            else:  # "tổ phó được hỗ trợ bao nhiêu": the row the question names
                picked = named_cells(analysis, values)
            if picked and self._said_in_prose(analysis, views, ranking, picked[0]):
                return None  # "toàn tỉnh xử lý 52 vụ/70 đối tượng, tăng 6 vụ": said whole
            if picked:
                return self._rows_answer(question, picked[: self.max_quotes - 1], cited or views)
        return None

    def _said_whole(
        self,
        analysis: QuestionAnalysis,
        views: list[PassageView],
        ranking: Ranking,
        totals: list[TableCell],
    ) -> bool:
        """The clause that would answer in prose gives the total row's figure (in any of its
        columns) as a number of the asked noun: a total told in words says what it counts
        and how it changed, where the column read may be another's."""
        best = self._prose_answer(analysis, views, ranking)
        if best is None:
            return False
        text = without_item_number(best.clause.text)  # "2. Đối tượng ...": counts nothing
        if not (counts_head(analysis, text) and unit_share(analysis, text) >= COUNTED_NOUN_SHARE):
            return False
        return bool(_total_row_amounts(totals) & _amounts(text))

    def _said_in_prose(
        self,
        analysis: QuestionAnalysis,
        views: list[PassageView],
        ranking: Ranking,
        cell: TableCell,
    ) -> bool:
        """The clause that would answer in prose gives the cell's very figure: it is quoted
        instead of the row, since it says what the figure counts and how it changed."""
        best = self._prose_answer(analysis, views, ranking)
        return best is not None and cell.value_text in NUMBER_RE.findall(best.clause.text)

    def _prose_answer(
        self, analysis: QuestionAnalysis, views: list[PassageView], ranking: Ranking
    ) -> Candidate | None:
        """The clause that would answer in prose, when it is no table row."""
        best = self._answering_clause(analysis, views, ranking)
        return best if best is not None and cells(best.clause.text) is None else None

    def _judged(
        self, analysis: QuestionAnalysis, views: list[PassageView], ranking: Ranking
    ) -> list[TableCell] | None:
        """The targets table's row naming the target asked: in the passages retrieval
        brought, else, when one of them holds a targets table, in the rest of the first
        document (the table runs over chunks retrieval did not bring)."""
        judged = judged_rows(analysis, views)
        source = next((v.passage.source for v in views if v.eligible), None)
        if not judged and source is not None and judges_targets(views):
            more = self._unread(analysis, source, views)
            judged = judged_rows(analysis, more)
            ranking = score_candidates(analysis, views + more)  # the rows read ranked too
        if not judged:
            return None
        head = _table_head(ranking, judged[0])
        if head is None or not (year_agrees(analysis, head) and place_agrees(analysis, head)):
            return None
        return judged

    def _unread_passages(self, source: str, passages: Sequence[Passage]) -> list[Passage]:
        """The document's passages not among those given."""
        if self.library is None:
            return []
        seen = {passage.chunk_id for passage in passages}
        return [p for p in self.library.passages_of(source) if p.chunk_id not in seen]

    def _unread(
        self, analysis: QuestionAnalysis, source: str, views: list[PassageView]
    ) -> list[PassageView]:
        """The document's passages retrieval did not bring, read for the question."""
        if self.library is None:
            return []
        unread = self._unread_passages(source, [view.passage for view in views])
        places = self._document_places if analysis.localities or analysis.provinces else None
        return read_passages(analysis, unread, self._document_about, places, self.library.text_of)

    def _rows_answer(
        self,
        question: str,
        picked: list[TableCell],
        views: list[PassageView],
        told: Sequence[tuple[PassageView, int]] = (),
    ) -> Answer:
        """Each picked row quoted with the column it is read in, then the clauses `told` of
        it in prose, then the header row."""
        items = [*((cell.view, cell.row) for cell in picked), *told]
        labels: list[str | None] = [f"{c.column}, {c.label} = {c.value_text}" for c in picked]
        labels += [None] * len(told)
        if picked[0].header >= 0:
            items.append((picked[0].view, picked[0].header))
            labels.append(None)
        quotes = [merge_clauses([item])[0] for item in items]
        return self._answer(question, quotes, views, labels)

    def _changed_rows(
        self,
        question: str,
        analysis: QuestionAnalysis,
        views: list[PassageView],
        ranking: Ranking,
        change: str,
    ) -> Answer | None:
        """The rows of the table of the asked year and place that best names the asked noun
        whose change column moves the asked way, each quoted with its label and change, then
        the header row."""
        tables = [t for v in views if v.eligible for t in changed_tables(analysis, v, change)]
        tables.sort(key=lambda table: -table[0])  # the best match first, else in rank order
        for _, picked in tables:
            if not picked:
                continue
            head = _table_head(ranking, picked[0])
            if head is None or not (
                year_agrees(analysis, head)
                and period_agrees(analysis, head)
                and place_agrees(analysis, head)
            ):
                continue
            rest = _rest_of_table(picked, views, lambda v: _changed_cells(analysis, v, change))
            return self._rows_answer(question, (picked + rest)[:MAX_TABLE_ROWS], views)
        return None

    def _other_documents_number(
        self, question: str, analysis: QuestionAnalysis, source: str, passages: Sequence[Passage]
    ) -> Answer:
        """ "Kế hoạch số 45/KH-UBND của tỉnh B" when only tỉnh A's plan has that number:
        refused, saying whose document the number is, cited where the document names it."""
        own = whole_document(source, passages, self.library)
        views = read_passages(analysis, own, self._document_about)
        keys = analysis.directive_keys
        found = next(
            (
                (view, i)
                for view in views
                for i, clause in enumerate(view.clauses)
                if directive_keys_in(clause.text) & keys
            ),
            None,
        )
        meta = own[0].metadata if own else None
        if found is None or meta is None or meta.province is None:
            return self._refusal(question, views)
        quote = merge_clauses([found])[0]
        return self._refusal(question, views, (quote, f"Văn bản số này là của {meta.province}"))

    def _refusal(
        self, question: str, views: list[PassageView], near: tuple[Quote, str] | None = None
    ) -> Answer:
        """ "The documents do not say", and what they do say when it is a near miss ("Tài
        liệu chỉ có số liệu năm 2022 [1]"), cited, still as a refusal."""
        if near is not None:
            quote, said = near
            answer = self._answer(question, [quote], views)
            text = f"{REFUSAL_TEXT} {said} [1]."
            return answer.model_copy(update={"answer": text, "refused": True})
        related = [_related(view) for view in views[:MAX_RELATED]]
        return Answer(question=question, answer=REFUSAL_TEXT, refused=True, related=related)


def more_specific(
    ranking: Ranking, best: Candidate, accept: Callable[[Candidate], bool]
) -> Candidate:
    """A clause of the same passage that holds the details of the question the best one lacks.

    A question about an aggravated case ("... mà làm chết người thì bị phạt thế nào?") restates
    the general clause 1 and adds a condition found only in a later clause or item; that
    clause, read with clause 1, is the answer.
    """
    total = sum(ranking.weights.values()) or 1.0
    missing = ranking.missing(best)
    missing_weight = sum(missing.values())
    if missing_weight / total < REFINE_MIN_MISSING:
        return best
    for other in ranking.candidates:
        if other.view is not best.view or other is best or not accept(other):
            continue
        if not builds_on_another(other):  # a sibling clause with a subject of its own
            continue
        explained = sum(w for t, w in missing.items() if t in other.words)
        if (
            explained / missing_weight >= REFINE_MIN_EXPLAINED
            and ranking.reach(other) >= ranking.reach(best) - REFINE_MAX_LOSS
        ):
            return other
    return best


def _of_another_province(
    analysis: QuestionAnalysis, source: str, passages: Sequence[Passage]
) -> bool:
    """The question gives the number of a document and a province, or a district of one
    province only ("Chỉ thị 12-CT/HU của Huyện ủy Thanh Ba"), and the one document with
    that number is of another province."""
    meta = next((p.metadata for p in passages if p.source == source), None)
    districts = [loc for loc in find_localities(analysis.text) if loc.level == "district"]
    asked = set(analysis.provinces) | {loc.province for loc in districts if loc.province}
    if meta is None or meta.province is None or not asked:
        return False
    return meta.province not in asked


def _related(view: PassageView) -> RelatedPassage:
    return RelatedPassage(**source_ref_fields(view.passage))


# An official document's place and date line: "Cao Bằng, ngày 05 tháng 12 năm 2024".
_DATELINE_RE = re.compile(r"^[^\d,]{2,60},\s*ngày \d{1,2} tháng \d{1,2} năm \d{4}")
# A document's number with its date: "Chỉ thị số 12/CT-UBND ngày 05/12/2024".
_NUMBER_DATED_RE = re.compile(
    r"\d+[/-][\w/.-]*[A-ZĐ][\w/.-]*,?\s+(?:ban hành\s+)?ngày\s+\d{1,2}"
    r"(?:\s*[/-]\s*\d{1,2}\s*[/-]\s*\d{4}| tháng \d{1,2} năm \d{4})"
)
# A document naming itself: "Nghị quyết này", "Chỉ thị này", "Luật này".
_SELF_REFERENCE_RE = re.compile(
    r"\b(?:[Nn]ghị quyết|[Cc]hỉ thị|[Kk]ế hoạch|[Qq]uyết định|[Tt]hông tư|[Nn]ghị định|[Ll]uật|"
    r"[Pp]háp lệnh|[Bb]ộ luật) này\b"
)


def _said_as(view: PassageView, index: int) -> tuple[str, str]:
    """A clause as its document says it, whichever overlapping chunk holds it."""
    return view.passage.source, view.clauses[index].text.strip()


def _extreme_of_list(
    analysis: QuestionAnalysis, views: list[PassageView], source: str | None
) -> tuple[PassageView, int] | None:
    """The highest (or lowest) place of a list of places with their figures in one document."""
    return listed_extreme(analysis, [v for v in views if v.eligible and v.passage.source == source])


def _ranked_items(
    analysis: QuestionAnalysis, view: PassageView, index: int
) -> list[tuple[PassageView, int]]:
    """ "Những huyện nào ... nhiều nhất?" of an item led in by "Các địa bàn có nhiều vụ
    nhất:": every item under it; none when one place is asked or the lead-in ranks
    nothing."""
    lead_in = view.clauses[index].lead_in
    if analysis.type != QuestionType.LIST or lead_in is None:
        return []
    if not _ranks_places(view.clauses[lead_in].text):
        return []
    items = []
    for i in range(lead_in + 1, len(view.clauses)):
        clause = view.clauses[i]
        if clause.lead_in != lead_in or not re.search(r"\d", clause.text):
            break  # (each item gives its figure: the next section's heading ends the list)
        items.append(i)
    return [(view, i) for i in items[:MAX_LIST_ITEMS]]


# A lead-in of the places with many ("Các địa bàn phát hiện nhiều vụ việc:"), as one of
# the most ("Các huyện có nhiều vụ nhất:"), ranks the places it lists (read folded, as a
# document typed without marks writes it).
_MANY_PLACES_RE = re.compile(
    r"\b(?:cac|nhung) (?:dia ban|dia phuong|huyen|quan|xa|phuong|tinh|don vi)\b.*\bnhieu\b"
)


def _ranks_places(lead_in: str) -> bool:
    """A lead-in ranks the places under it: "Các huyện có nhiều vụ nhất:", "Các địa bàn
    phát hiện nhiều vụ việc trong 11 tháng:"."""
    return _matches(RANKED, lead_in, "canonical") or bool(
        _MANY_PLACES_RE.search(fold(lead_in).lower())
    )


# An item of a numbered or lettered list: "1. Người ...", "b) Sở Y ...".
_ITEM_RE = re.compile(r"^\s*(?:(\d{1,2})\.|([a-zđ])\))\s")
MAX_LIST_ITEMS = 6


def _sibling_items(best: Candidate) -> list[int]:
    """The clause indexes of the list the best clause is an item of: from its first item
    to its last, in its passage, as far as they follow one another ("1.", "2.", ...)."""
    clauses = best.view.clauses

    def marker(index: int) -> tuple[str, int] | None:
        match = _ITEM_RE.match(clauses[index].text)
        if match is None:
            return None
        number, letter = match.groups()
        return ("n", int(number)) if number else ("a", ord(letter))

    def follows(earlier: int, later: int) -> bool:
        a, b = marker(earlier), marker(later)
        return a is not None and b is not None and b == (a[0], a[1] + 1)

    if marker(best.index) is None or best.clause.text.rstrip().endswith(":"):
        return []  # an item opening a list of its own ("2. ... bao gồm:") is read with it
    first = best.index
    while first > 0 and follows(first - 1, first):
        first -= 1
    items = [first]
    for index in range(first + 1, len(clauses)):
        if follows(items[-1], index):
            items.append(index)
        elif marker(index) is not None:
            break  # another list
    return items[:MAX_LIST_ITEMS]


def _told_signed(analysis: QuestionAnalysis, ranking: Ranking) -> Candidate | None:
    """The best clause saying who signed the asked document, for one the documents only
    cite: it names a person, "ký", and the document's kind ("Nghị quyết do Chủ tịch HĐND
    tỉnh A ký ban hành")."""
    kinds = kinds_numbered(analysis)
    for candidate in ranking.candidates:
        text = candidate.clause.text
        folded = fold(text).lower()
        signed = re.search(r"\b(?:ký|kí)\b", text) and any(kind in folded for kind in kinds)
        if candidate.view.eligible and signed and names_person(text):
            return candidate
    return None


# The words scaling an amount, folded ("tỷ" and "tỉ" both read "ti"): "12,35 tỷ đồng", a
# column "(triệu đồng)".
_SCALES = {fold(word): value for word, value in SCALES.items()}
_SCALE_WORD = "|".join(_SCALES)
_AMOUNT_RE = re.compile(rf"(\d+(?:[.,]\d+)*)(?:\s*({_SCALE_WORD})\b)?")
_COLUMN_SCALE_RE = re.compile(rf"\(({_SCALE_WORD}) dong")


def _amounts(text: str) -> set[float]:
    """The numbers of a text as values, an amount scaled by its word ("12,35 tỷ")."""
    return {
        round(number_value(m.group(1)) * _SCALES.get(m.group(2) or "", 1.0), 3)
        for m in _AMOUNT_RE.finditer(fold(text).lower())
    }


def _total_row_amounts(totals: list[TableCell]) -> set[float]:
    """The figures of the total rows in every column, scaled by the column's unit ("Kinh
    phí (triệu đồng)": 12.350 is 12,35 tỷ)."""
    found: set[float] = set()
    for cell in totals:
        row = cells(cell.view.clauses[cell.row].text) or []
        header = cells(cell.header_text) or []
        for i, value in enumerate(row):
            if not _AMOUNT_RE.fullmatch(value):
                continue
            unit = _COLUMN_SCALE_RE.search(fold(header[i]).lower()) if i < len(header) else None
            found.add(round(number_value(value) * (_SCALES[unit.group(1)] if unit else 1.0), 3))
    return found


def _of_asked_year(analysis: QuestionAnalysis, near: str) -> bool:
    """A near miss of the asked year, another part of it ("Tài liệu chỉ có số liệu 9 tháng
    đầu năm 2024" for "quý III 2024"): the part asked may be told in the same report."""
    told = set(re.findall(r"\b(?:19|20)\d{2}\b", near))
    asked = {str(year) for year in analysis.years}
    return analysis.period not in (None, "whole-year") and (not asked or told == asked)


# A commune's body named as a document's issuer (folded): "của UBND xã A", "của Công an
# phường B", "do Đảng ủy xã C ban hành".
_ISSUED_BY_COMMUNE_RE = re.compile(
    r"\b(?:cua|do)\s+(?:ubnd|uy ban nhan dan|cong an|ca|dang uy|hdnd)\s+(?:xa|phuong|thi tran)\b"
)
OPENING_CHARS = 400  # a document's header: its issuer's lines and number


# A portal's attribute row giving the day a document was issued or signed, with the date.
_ISSUE_ROW_RE = re.compile(
    rf"^\W*(?:Ngày ban hành|Ngày ký|Ngày văn bản)\s*\|\s*{FULL_DATE_RE.pattern}", re.IGNORECASE
)


CAUSE_SOURCES = 2  # the best documents whose unread parts are read for their causes
# A cause given in words, read as written ("vì" folds as the "vi" of "vi phạm"): "vì ...",
# "nguyên nhân", "bởi ..." ("do" is as often what an effect is of: "chết do TNGT").
_CAUSE_WORDS_RE = re.compile(r"\b(?:nguyên nhân|vì|bởi)\b", re.IGNORECASE)


def _states_cause(ranking: Ranking) -> bool:
    """The best few clauses give a cause in words."""
    best = ranking.candidates[:REREAD_CANDIDATES]
    return any(_CAUSE_WORDS_RE.search(canonical(c.clause.text)) for c in best)


def _opens_passage(candidate: Candidate) -> bool:
    """The clause is in its passage's first paragraph (which may have begun before it)."""
    passage = candidate.view.passage
    return "\n" not in passage.text[: max(candidate.clause.start - passage.start, 0)]


def _dated_issue(text: str) -> bool:
    """The text tells on which date a document was issued: a date, then "ban hành"/"ký"."""
    date = FULL_DATE_RE.search(text)
    issued = _ISSUED_RE.search(canonical(text))
    return date is not None and issued is not None and date.start() < issued.start()


def _rest_of_table(
    own: list[TableCell],
    views: list[PassageView],
    read: Callable[[PassageView], list[TableCell]],
) -> list[TableCell]:
    """The rows of the same column (as `read` reads them) in the other passages of `own`'s
    document: a long table is cut into several passages, each read with the table's header."""
    view = own[0].view
    column, seen = own[0].column, {cell.label for cell in own}
    # The same table, read under its header: not another table with a column of that name.
    header = cells(own[0].header_text)
    rest: list[TableCell] = []
    for other in views:
        if other is view or not other.eligible or other.passage.source != view.passage.source:
            continue
        for cell in read(other):
            if (
                cell.column == column
                and cell.label not in seen
                and cells(cell.header_text) == header
            ):
                seen.add(cell.label)
                rest.append(cell)
    return rest


def _table_head(ranking: Ranking, cell: TableCell) -> Candidate | None:
    """The candidate of a cell's header row, or of its first row when the header stands in
    the passage before: where the table's year, period and place are read."""
    first = cell.header
    if first < 0:  # the passage opens inside the table: its first row stands under the caption
        rows = (i for i, clause in enumerate(cell.view.clauses) if cells(clause.text) is not None)
        first = next(rows, cell.row)
    return next((c for c in ranking.candidates if c.view is cell.view and c.index == first), None)


def _changed_cells(analysis: QuestionAnalysis, view: PassageView, change: str) -> list[TableCell]:
    return [cell for _, cells in changed_tables(analysis, view, change) for cell in cells]


def _years_present(analysis: QuestionAnalysis, views: list[PassageView]) -> bool:
    """A year the question asks about ("lương cơ sở năm 2024") must be in some passage."""
    for year in analysis.years:
        if not any(
            str(year) in f"{view.about} {view.section} {view.heading_before}"
            or view.passage.metadata.year == year
            for view in views
        ):
            return False
    return True


def _needs_number(analysis: QuestionAnalysis) -> bool:
    """ "bao nhiêu tổ hòa giải" or "bao nhiêu tiền" can only be answered by a number of tổ
    hòa giải or of đồng; "bao lâu" may be answered in words ("bằng thời gian ... chỉ định")."""
    counted = analysis.counted
    if analysis.compares:  # "tỉnh nào có nhiều tổ X hơn": each part a number of tổ X
        return bool(counted.unit)
    return analysis.type == QuestionType.COUNT and bool(
        counted.written or counted.before_number or counted.unit
    )


def _of_place(answer: Answer, label: str) -> Answer:
    """The answer opened with the place it is of ("Huyện A: ..."), unless refused or already
    so labelled."""
    if answer.refused or not label or answer.answer.startswith(label):
        return answer
    return answer.model_copy(update={"answer": f"{label}: {answer.answer}"})


# What is added to an amount, asked (folded): "tăng thêm bao nhiêu", "được cộng thêm bao nhiêu".
_ADDED_ASKED_RE = re.compile(r"\b(?:tang|cong|ho tro|duoc) them\b")


def searched_parts(question: str) -> list[str]:
    """`two_parts` where the second part names a subject of its own ("..., 9 tháng 2031 bao
    nhiêu vụ Y"): a thing the first part's passages may not tell of, to be searched alone.
    A bare follow-on ("..., chức vụ gì?", "thu tiền ra sao?") asks of the first's subject,
    whose passages the whole question found: the question alone."""
    parts = split_asks(question)
    if len(parts) < 2:
        return parts
    head, tail = parts
    second = analyse(tail)
    if subject_terms(tail, second.terms) <= BARE_TAIL_TERMS:
        return [question]
    return _standing_parts(head, tail, second)


def two_parts(question: str) -> list[str]:
    """A question asking two things as its two parts, each standing alone (the second with
    the first's subject, place, period and counted noun where it names none of its own),
    or the question alone."""
    parts = split_asks(question)
    if len(parts) == 1:
        return parts
    head, tail = parts
    return _standing_parts(head, tail, analyse(tail))


def _standing_parts(head: str, tail: str, second: QuestionAnalysis) -> list[str]:
    """The two parts `split_asks` cut, the second (`tail`, read as `second`) made to stand
    alone."""
    first = analyse(head)
    unit = (first.counted.as_typed or first.unit) if second.unit is None else None
    # "Mức hỗ trợ một lần bao nhiêu tiền, người nghèo được cộng thêm bao nhiêu?": what is
    # added is read as asked, bare (it may be a share: "tăng thêm 30%"), not as "bao
    # nhiêu đồng", which a budget's "(triệu đồng)" matches, nor with the first's words
    # (its place: "ở tỉnh A", where the second names its own, "ở huyện B")
    added = unit_head(first) in ("dong", "tien") and bool(
        _ADDED_ASKED_RE.search(fold(tail).lower())
    )
    if added:
        unit = None
    # A second part naming its own document ("..., KH 152 đặt chỉ tiêu bao nhiêu?") is
    # of that document's time, not of the year the first part's figure is of.
    own_time = bool(second.years) or names_document(tail)
    context = _context_of(first, head, with_years=not own_time, with_period=second.period is None)
    terms = subject_terms(tail, second.terms)
    if not added and ((unit is None and not second.counted.unit) or sets_target(head)):
        tail = with_subject(head, tail, terms)
    elif not added:
        tail = with_target_subject(head, tail, terms)
        tail = with_event(first.counted.as_typed, tail, terms)
    return [head, standalone_tail(tail, context, unit)]


def _context_of(
    analysis: QuestionAnalysis, head: str, with_years: bool = True, with_period: bool = True
) -> str:
    """What the first part of a double question names: documents, places, communes, years
    (not a target's deadline) and the part of the year (not when the second part names its
    own: "chỉ tiêu đến 2030 ..., cuối 2027 đạt bao nhiêu"; "9 tháng ..., riêng quý III ...")."""
    numbers = find_directive_numbers(head)
    kinds = re.findall(r"(?i)\b(chỉ thị|kế hoạch|nghị quyết|quyết định)\b", head)[:1]
    # The period first: after a commune's name, "Cả năm" would read as more of the name.
    period = period_as_written(head) if with_period else None
    parts = [period] if period is not None else []
    parts += [*kinds, *numbers, *analysis.localities, *analysis.provinces]
    parts += communes_as_written(head)
    if with_years:
        # Not a target's deadline ("đến 2026 phải có bao nhiêu %"): "hiện nay được mấy xã"
        # after it asks of now.
        deadlines = {int(year) for year in _DEADLINE_YEAR_RE.findall(head)}
        parts += [str(year) for year in analysis.years if year not in deadlines]
    # ... in the form the question is typed in: "Bắc Ninh" restored before words typed
    # without marks would make the part read as accented, its other words unmatched.
    return fold(" ".join(parts)) if analysis.form == "folded" else " ".join(parts)


# A year a target is set for: "đến 2026", "đến hết năm 2026", "trước năm 2026".
_DEADLINE_YEAR_RE = re.compile(
    r"\b(?:đến|den|trước|truoc)\s+(?:(?:hết|het)\s+)?(?:(?:năm|nam)\s+)?((?:19|20)\d{2})\b",
    re.IGNORECASE,
)


def _past_best_few(
    close: list[Candidate], holding: list[Candidate], marked: set[int]
) -> list[Candidate]:
    """The marked clauses (by id) beyond the best few, when none of those is marked."""
    if any(id(c) in marked for c in close):
        return []
    return [c for c in holding if id(c) in marked and c not in close]


def _counted_noun_named(analysis: QuestionAnalysis, candidate: Candidate) -> str | None:
    """A count question's clause giving a number of (most of) the very noun asked: "" when
    the clause (with its lead-in) names it, the heading over its items when only that does
    ("a) Phạm pháp hình sự" over "- Tháng 11: xảy ra 04 vụ"), None when neither does."""
    if not _needs_number(analysis):
        return None
    text = read_with_lead_in(candidate)
    if states_count(analysis, text) and unit_share(analysis, text) >= COUNTED_NOUN_SHARE:
        return ""
    heading = ITEM_MARKER_RE.sub("", item_heading(candidate, nearest=True), count=1)
    text = f"{heading} {text}"
    named = unit_share(analysis, text) >= COUNTED_NOUN_SHARE
    return heading if heading and named and states_count(analysis, text) else None


# A search for measures: "Các biện pháp của Công an tỉnh ...", "giải pháp kéo giảm ...".
_MEASURES_SEARCHED_RE = re.compile(
    rf"^(?:cac |nhung )?(?:{'|'.join(re.escape(fold(k).lower()) for k in MEASURE_ASKED)})\b"
)


def _counted_text(candidate: Candidate, analysis: QuestionAnalysis) -> str:
    """The clause as read for what it counts: after its lead-in, or after the item it
    narrows ("- Riêng tháng 9: 4 vụ" counts the noun of the item before it)."""
    if candidate.clause.lead_in is not None:
        return read_with_lead_in(candidate)
    return read_with_narrowed(candidate, analysis)


def _heads_its_text(analysis: QuestionAnalysis) -> bool:
    """A heading found best is read with the paragraph under it; not when a title or a
    heading's name is what is asked ("Kế hoạch A về việc gì")."""
    return analysis.type not in (QuestionType.TOPIC, QuestionType.DEFINITION)


def _asks_measures(analysis: QuestionAnalysis) -> bool:
    """ "biện pháp gì", or a search opening with the measures it looks for."""
    searched = _MEASURES_SEARCHED_RE.match(fold(analysis.text).lower()) is not None
    return asks_measure(analysis) or searched


def _names_localities(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """The clause itself names each district or city the question names."""
    said = fold(candidate.clause.text).lower()
    names = [fold(name).lower() for name in analysis.localities]
    return bool(names) and all(says_name(said, name) for name in names)


def _names_communes(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """The clause itself names each commune the question names."""
    # Not a province's name after "xã" ("công an xã Bình Dương": the province's).
    names = [name for name in analysis.communes if name not in PROVINCE_NAMES_FOLDED]
    said = fold(candidate.clause.text).lower()
    return bool(names) and all(says_name(said, name) for name in names)


# Cases counted bare, their counter followed by no name (folded): "Quý II xảy ra 19 vụ,
# giảm ...", "... 12 trường hợp."
_BARE_CASES_RE = re.compile(r"\b\d+(?:[.,]\d+)* (?:vu|truong hop)\b(?! [^\W\d_])")


def _counts_bare_cases(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """An offence asked by its name alone ("PPHS quý II bao nhiêu", "trộm cắp ... ra sao")
    counted bare in a paragraph that named it before: "Xảy ra 41 vụ phạm pháp hình sự ...
    Quý II xảy ra 19 vụ, giảm 03 vụ" counts the same offence."""
    if unit_head(analysis) in (*EVENT_COUNTERS, "nguoi", "dong", "tien", None):
        return False
    if not _BARE_CASES_RE.search(fold(candidate.clause.text).lower()):
        return False
    passage = candidate.view.passage
    before = passage.text[: max(candidate.clause.start - passage.start, 0)]
    paragraph = fold(before[before.rfind("\n") + 1 :]).lower()
    # ... named as cases ("vụ phạm pháp hình sự"), not as people the cases had ("nạn nhân")
    offence = re.escape(fold(analysis.counted.unit or "").lower())
    return re.search(rf"\b(?:vu|truong hop) {offence}\b", paragraph) is not None


def _read_up_to(candidate: Candidate) -> str:
    """The passage up to the end of the clause, with the document's title: what a reader has
    been told of the thing the clause counts; with the heading line a chunk's cut left just
    before the passage ("2. Tội phạm về trật tự xã hội" / "9 tháng xảy ra 40 vụ ...")."""
    passage = candidate.view.passage
    head = passage.text[: max(candidate.clause.end - passage.start, 0)]
    title, heading = passage.metadata.title or "", passage.heading or ""
    # ... and the paragraph's start, where the cut fell inside it ("6 tháng xảy ra 23 vụ tai
    # nạn giao thông ..." / "Quý II xảy ra 05 vụ")
    cut = candidate.view.preceding if _opens_passage(candidate) else ""
    # ... and a part singled out of what its section counts ("I. TÌNH HÌNH TAI NẠN GIAO
    # THÔNG" / ... / "Riêng tháng 12/2031 xảy ra 19 vụ, ...")
    if singles_out(candidate.clause):
        cut = f"{candidate.view.section} {cut}"
    return f"{title} {heading} {candidate.view.heading_above} {cut} {head}"


# A change asked (read folded): "tăng hay giảm", "so với cùng kỳ ra sao", "tăng giảm thế nào",
# "so với năm trước thế nào".
# ... or typed as a search, the question ending at what it is compared with: "X 2024 so
# với 2023".
_CHANGE_ASKED_RE = re.compile(
    r"\b(?:tang hay giam|giam hay tang|tang giam (?:the nao|ra sao|nhu the nao)"
    r"|so (?:voi )?(?:cung k[iy]|nam (?:19|20)\d{2}|(?:nam|ky|mua) (?:truoc|ngoai))"
    r"\W*(?:thi )?(?:the nao|ra sao|nhu the nao)"
    r"|(?:19|20)\d{2} so voi (?:cung k[iy]|(?:nam )?(?:19|20)\d{2})\W*$"
    # a search closing with what it is compared with: "X 9 tháng xã A so với cùng kỳ 2030"
    r"|so voi cung k[iy](?: nam)?(?: (?:19|20)\d{2})?\W*$)"
)


# A rate asked per period (folded): "mức hỗ trợ hằng tháng", "được bao nhiêu một ngày" ...
_RATE_PER_PERIOD_RE = re.compile(
    r"\bmuc (?:ho tro|chi|phu cap|boi duong|thu lao)\b.*\b(?:hang|moi|mot) (?:thang|ngay)\b"
    r"|\b(?:hang|moi|mot) (?:thang|ngay)\b.*\bmuc (?:ho tro|chi|phu cap|boi duong|thu lao)\b"
)
# ... is an amount per something ("950.000 đồng/người/tháng", "80.000 đồng mỗi ngày"), or
# one the clause calls the rate ("mức hỗ trợ hằng tháng ... 1.500.000 đồng").
_RATE_GIVEN_RE = re.compile(
    r"\bdong\s*/\s*\w|\bdong (?:cho )?(?:moi|mot|hang) (?:nguoi|thang|ngay|ca|buoi)\b"
    r"|\bmuc\b"
)


def _one_paragraph(group: list[tuple[PassageView, int]]) -> list[tuple[PassageView, int]]:
    """An item's clauses up to its first paragraph's end, past a heading naming its owner
    ("7. Đề nghị Hội B" / "Phối hợp vận động ..."): a news page's paragraph about a
    body, not the page's paragraphs after it."""
    kept = group[:1]
    for (view, index), (next_view, following) in itertools.pairwise(group):
        clause, after = view.clauses[index], next_view.clauses[following]
        start = view.passage.start
        gap = view.passage.text[clause.end - start : after.start - start]
        if next_view is not view or ("\n" in gap and not is_heading_line(clause.text)):
            break
        kept.append((next_view, following))
    return kept


def _asks_rate_of_money(analysis: QuestionAnalysis) -> bool:
    """A rate of money asked: "mức hỗ trợ ... là bao nhiêu", "được bồi dưỡng bao nhiêu"."""
    return unit_head(analysis) in MONEY and bool(RATE_ASKED_RE.search(fold(analysis.text).lower()))


def _rate_context(candidate: Candidate) -> str:
    """What names whom a clause's rate is paid to: the passage read up to it with the
    document's title, a row's table caption, and the text and headings a chunk's cut left
    above the passage (within its reach)."""
    view = candidate.view
    above = f"{view.section} {view.heading_before} {view.above}"
    return f"{above} {table_caption(candidate)} {_read_up_to(candidate)}"


def _rate_per_counted(analysis: QuestionAnalysis, text: str) -> bool:
    """The text gives an amount per the counted noun ("9.000.000 đồng/tàu") where a number
    of it is asked ("bao nhiêu tàu cá"), not an amount."""
    head = unit_head(analysis)
    if head is None or head in ("dong", "tien"):
        return False
    return re.search(rf"\bdong\s*/\s*{re.escape(head)}\b", fold(text).lower()) is not None


def _holds_asked_kind(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """The clause holds the kind of thing asked: a number of the counted noun, a person's
    name for "ai", a document number for "văn bản / quyết định nào"."""
    if _needs_number(analysis):
        text = candidate.clause.text
        if cells(text) is not None and unit_share(analysis, text) < COUNTED_NOUN_SHARE:
            return False  # "| Huyện B | 96 | ...": a place's row, read by its column only
        if qualifier_share(analysis, _read_up_to(candidate)) < MIN_QUALIFIER_SHARE:
            return False  # a number of another kind of the counted noun ("vụ" of what)
        if counts_another_noun(analysis, read_with_lead_in(candidate)) and not counts_asked_part(
            analysis, text, paragraph_before(candidate) or previous_paragraph(candidate)
        ):
            return False  # "214 vụ TNGT" when "vụ cháy" is asked
        if counts_only_the_whole(analysis, read_with_lead_in(candidate), _read_up_to(candidate)):
            return False  # "146 trường hợp vi phạm" when those of "nồng độ cồn" are asked
        if counts_a_part(analysis, text):
            return False  # "Trong 47 vụ TNGT có 17 vụ liên quan đến ..." when all are asked
        if _rate_per_counted(analysis, text) and not counts_head(analysis, text):
            return False  # "tối đa 9.000.000 đồng/tàu" is no number of boats
        if (
            _RATE_PER_PERIOD_RE.search(fold(analysis.text).lower())
            and cells(text) is None
            and not _RATE_GIVEN_RE.search(fold(read_with_lead_in(candidate)).lower())
        ):
            return False  # "mức hỗ trợ hằng tháng": per person or month, not a budget's total
        if _asks_rate_of_money(analysis) and (
            not names_payee(analysis, _rate_context(candidate))
            or names_other_role(analysis, read_with_lead_in(candidate))
        ):
            return False  # "mức hỗ trợ Đội trưởng Đội dân phòng": not another team's leader
        return (
            (candidate.asked or 0.0) >= MIN_COUNT_EVIDENCE
            or states_count(analysis, read_with_lead_in(candidate))
            or _counts_bare_cases(analysis, candidate)
        )
    changed = _CHANGE_ASKED_RE.search(fold(analysis.text).lower())
    if changed and analysis.type != QuestionType.REASON:  # (why it rose: its cause is asked)
        # "X tăng hay giảm so với cùng kỳ?": the clause telling by how much ("tăng 04 vụ
        # (+19,0%)"), not one saying only that it rose.
        return tells_change(candidate.clause.text)
    if analysis.compares and _matches(MORE_OR_LESS, analysis.text, analysis.form):
        # "nơi nào cao hơn": a figure, not a document's number ("Nghị quyết số 03/2024/...")
        return bool(re.search(r"\d", re.sub(r"\S*\d/\S*", " ", candidate.clause.text)))
    if analysis.type == QuestionType.PERSON:  # a name; for a rule's "ai", the people it names
        if names_person(candidate.clause.text):
            return holds_office_asked(analysis, read_with_lead_in(candidate))
        return not _asks_office_holder(analysis) and (candidate.asked or 0.0) >= MIN_COUNT_EVIDENCE
    if _asks_cited_document(analysis):
        return _cites_other_document(analysis, candidate.clause.text)
    if analysis.type == QuestionType.TIME and _matches(DEADLINE, analysis.text, analysis.form):
        return _matches(DEADLINE_GIVEN, candidate.clause.text, "canonical")
    if analysis.type == QuestionType.TIME and _matches(DAY_ASKED, analysis.text, analysis.form):
        return _DAY_RE.search(candidate.clause.text) is not None
    return True


# Whether a target was met, or what was reached against it: "đã đạt chỉ tiêu ... chưa",
# "có hoàn thành kế hoạch không", "đạt bao nhiêu so với chỉ tiêu", "có đạt chỉ tiêu X
# không, đạt bao nhiêu".
TARGET_MET = (
    r"\b(?:đạt|vượt|hoàn thành)\b.*\b(?:chỉ tiêu|kế hoạch|mục tiêu)\b.*\b(?:chưa|không)\W*$"
    r"|\bso với (?:chỉ tiêu|mục tiêu)\b"
    r"|\b(?:chỉ tiêu|mục tiêu)\b.*\bđạt (?:được )?bao nhiêu\b"
)
# A number written with its thousands grouped: "3.104", "3.900.000" in a table's cell.
_GROUPED_NUMBER = r"\b\d{1,3}(?:\.\d{3})+\b"
# A figure reached: "61,5%", "40/52", "3.104 hồ sơ", "18 khẩu"; not "mức độ 2", a date.
_FIGURE_RE = re.compile(
    rf"\d+(?:,\d+)?\s*%|(?<![/\d])\d+/\d+(?![/\d])|{_GROUPED_NUMBER}|\b\d{{2,}}\s+[^\W\d]"
)
# A figure striven for (folded): "phấn đấu đạt 95%", "phải đạt"; ... or planned, "dự kiến".
_STRIVEN = r"\b(?:phan dau|phai dat)\b"
_STRIVEN_RE = re.compile(_STRIVEN)
_AIMED_RE = re.compile(rf"{_STRIVEN}|\bdu kien\b")  # a target set, not reached
# Where a place is now (folded): "nay thuộc tỉnh nào", "hiện nay thuộc đâu", "sau sáp nhập
# thuộc tỉnh, thành phố nào".
_CURRENT_ASKED_RE = re.compile(
    r"\b(?:hien nay|hien tai|hien|bay gio|nay|gio|sau (?:sap nhap|sap xep|hop nhat))"
    r"(?: \w+){0,2}? thuoc (?:ve )?(?:tinh|thanh pho|dau|don vi)"
)


def _merged_count(analysis: QuestionAnalysis, text: str) -> int:
    """How many units merged the clause names, of the kind asked ("những tỉnh nào"), when it
    names enough to tell the merger."""
    folded = fold(analysis.text).lower()
    asked = _MERGED_KIND_ASKED_RE.search(folded)
    kinds: tuple[str, ...] | None = (_KINDS[asked.group(1)],) if asked else None
    if kinds is None and _COMMUNE_FORMED_RE.search(folded):
        kinds = _COMMUNE_KINDS  # "xã A được sắp xếp từ những đơn vị nào": communes, not provinces
    named = _names_merged(text, kinds)
    return named if named >= MIN_MERGED_NAMES else 0


# A commune's origin asked (folded): "xã A (mới) được sắp xếp / thành lập từ ...".
_COMMUNE_FORMED_RE = re.compile(
    r"\b(?:xa|phuong|thi tran)\b[^,?]*?\b(?:nhap|sap nhap|hop nhat|thanh lap|lap|sap xep)\b"
)
_COMMUNE_KINDS = ("xã", "phường", "thị trấn", "các xã", "các phường")


# Where a place was before the 2025 merger (folded): "trước 1/7/2025 thuộc tỉnh nào",
# "trước sáp nhập thuộc đâu", "trước đây thuộc tỉnh nào".
_FORMER_ASKED_RE = re.compile(r"\btruoc\b(?: [\w/]+){0,3}? thuoc (?:ve )?(?:tinh|thanh pho|dau)\b")


def _gives_rate(answer: Answer) -> bool:
    """The answer quotes an amount of money or a grouped number: a rate, not the clause
    telling which resolution set it."""
    said = fold(answer.answer).lower()
    return bool(MONEY_RE.search(said) or _GROUPED_NUMBER_RE.search(said))


def _names_former_province(candidate: Candidate) -> bool:
    """The clause names a province as it was before the merger: "tỉnh B (cũ)"."""
    return bool(former_provinces(candidate.clause.text))


def _names_current_province(candidate: Candidate) -> bool:
    """The clause names a province of the 34 after the 2025 merger as it is now: "trực
    thuộc Thành phố Hồ Chí Minh", "Xã A, tỉnh An Giang ...", not "tỉnh Kiên Giang cũ"."""
    text = candidate.clause.text
    former = former_provinces(text)
    return any(
        name in PROVINCES_2025 and fold(name).lower() not in former for name in find_provinces(text)
    )


# A unit's origin asked (folded): "được nhập từ những đơn vị nào", "mới được lập từ những xã
# nào", "sáp nhập từ đâu".
_ORIGIN_ASKED_RE = re.compile(
    r"\b(?:nhap|sap nhap|hop nhat|thanh lap|lap|sap xep|hinh thanh)\b"
    r"(?: \w+){0,2} (?:tu|tren co so) (?:nhung |cac )?(?:\w+ ){0,4}?(?:nao|dau)\b"
    # ... "tỉnh A (mới) sau sáp nhập gồm những tỉnh nào"
    r"|\b(?:sap nhap|hop nhat|sap xep)\b(?: \w+){0,2} gom (?:nhung |cac )?\w+ nao\b"
)
# A unit merged, named: "thị trấn Tứ Kỳ", "xã Minh Đức", "các xã Chiềng Châu, Nà Phòn"; not
# its police ("Công an xã Minh Đức"), merged into the new commune's police.
_MERGED_NAME_RE = re.compile(
    r"(?<!Công an )\b(?:xã|phường|thị trấn|huyện|tỉnh|các xã|các phường)\s+"
    r"(?:[A-ZĐ]\w*(?:\s+[A-ZĐ]\w*)*(?:,\s*|\s+và\s+)?)+"
)
MIN_MERGED_NAMES = 2  # a merger joins two units at least


def _names_merged(text: str, kinds: tuple[str, ...] | None = None) -> int:
    """How many units a clause names by their names (a count, "03 xã cũ", names none); of
    the `kinds` only ("tỉnh"), when given."""
    return sum(
        len(re.split(r",\s*|\s+và\s+", m.group(0).split(maxsplit=1)[1].strip(" ,")))
        for m in _MERGED_NAME_RE.finditer(text)
        if kinds is None or m.group(0).startswith(kinds)
    )


# The kind of unit a merger question asks for (folded): "hợp nhất từ những tỉnh nào".
_MERGED_KIND_ASKED_RE = re.compile(r"\b(tinh|huyen|xa|phuong)\b(?: \w+)? nao\b")
_KINDS = {"tinh": "tỉnh", "huyen": "huyện", "xa": "xã", "phuong": "phường"}


# A facility or named thing a count is asked of, its name in capitals: "KCN Đồng Văn III",
# "cảng cá Cửa Sót", "làng gốm Phù Lãng", "Đồn Biên phòng Hòa Hiệp", "chợ Đầm", "phía
# Lào" (the side that handed people over, named as the passage must name it); not a
# district named with such a word ("Chợ Mới", "Bến Cầu"); nor a river or a pass an event
# took place on ("trên sông Hậu"), which a commune's report need not name. The kind may be
# typed without diacritics, and go on in a few lower-case words ("làng nghề", "đồn biên
# phòng cửa khẩu").
_FACILITY_KINDS = (
    "KCN", "CCN", "khu công nghiệp", "cụm công nghiệp", "khu kinh tế", "cảng", "làng",
    "đồn biên phòng", "đồn", "cửa khẩu", "bến", "chợ", "công ty", "nhà máy", "khu du lịch",
    "bãi biển", "phía", "đền", "chùa", "khu di tích", "sân bay", "bệnh viện",
    "quốc lộ", "QL", "tỉnh lộ",
)  # fmt: skip
# ... typed without diacritics, those that fold to no common word ("chợ" folds to "cho"),
# and the abbreviations typed in lower case ("kcn Song Cong").
_FOLDED_KINDS = (
    "khu cong nghiep", "cum cong nghiep", "cua khau", "cong ty", "phia", "quoc lo", "tinh lo",
    "kcn", "ccn",
)  # fmt: skip
# "riêng chợ A", "riêng tại đền B": one facility singled out of a whole.
_SINGLED_OUT_RE = re.compile(r"\b(?:[Rr]iêng|[Rr]ieng)\s+(?:(?:tại|ở|tai|o)\s+)?\w")


def _kind_pattern(kind: str) -> str:
    """A kind as typed, each word's first letter in either case ("Đồn Biên phòng")."""
    return r"\s+".join(
        f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}" if w[0].islower() else re.escape(w)
        for w in kind.split()
    )


_FACILITY_RE = re.compile(
    r"(?<!\w)(?:" + "|".join(_kind_pattern(k) for k in (*_FACILITY_KINDS, *_FOLDED_KINDS)) + ")"
    # ... "làng gốm", "đồn biên phòng cửa khẩu"; not "bến xe ở HN", a place after a word
    r"(?:\s+(?!(?:ở|tại|của|có|và|trên|trong|thuộc|theo|với|cho|là|về|do|được)\b)[a-zđà-ỹ]+){0,3}?"
    r"((?:\s+(?:[A-ZĐ][^\W\d_]*|[IVX]{1,4}\b|\d{1,3}[A-Z]?\b))+)"  # "Quốc lộ 1A"
)


# A lunar new year named (folded): "Tết Ất Tỵ", "Tết Nguyên đán Giáp Thìn".
_NEW_YEAR_RE = re.compile(
    r"\btet (?:nguyen dan )?((?:giap|at|binh|dinh|mau|k[iy]|canh|tan|nham|quy) "
    r"(?:ty|suu|dan|mao|thin|ti|ngo|mui|than|dau|tuat|hoi))\b"
)


# What a figure is compared with, to the clause's end (folded): "so với Tết A năm 2024 giảm
# 04 nhóm", "so với cùng kỳ ...".
_COMPARED_WITH_RE = re.compile(r"\bso voi [^,.;:()]*")


def _asked_new_years(analysis: QuestionAnalysis) -> list[re.Pattern[str]]:
    """ "Dịp Tết Ất Tỵ ... bao nhiêu vụ?": the holiday a count is asked of, by its year's
    name, which a passage answering (or its document's title) names; a count of another
    holiday or of the year is not its figure."""
    if analysis.type != QuestionType.COUNT:
        return []
    # ... not the one it is compared with: "Số vụ dịp Tết A so với Tết B tăng hay giảm?"
    asked = _COMPARED_WITH_RE.sub(" ", fold(analysis.text).lower())
    return [re.compile(rf"\b{name}\b") for name in _NEW_YEAR_RE.findall(asked)]


# A question opening with the event it asks of (folded): "vụ ...", "đường dây ...", "buổi ...".
_EVENT_OPENING_RE = re.compile(r"\W*(?:vu|duong day|buoi|dot|nhom|chuyen an)\b")


def _asked_facilities(analysis: QuestionAnalysis) -> list[re.Pattern[str]]:
    """ "KCN A xảy ra mấy vụ cháy?": the facilities a count is asked of, each as the pattern
    of its name (folded) that a passage answering must hold; none for an event asked of
    ("vụ lừa đảo ở KCN A có bao nhiêu người bị hại"), which the facility only names and its
    story need not repeat."""
    if analysis.type != QuestionType.COUNT or _EVENT_OPENING_RE.match(fold(analysis.text).lower()):
        return []
    spans = place_spans(analysis.text)
    return [
        _facility_pattern(m)
        for m in _FACILITY_RE.finditer(analysis.text)
        if not any(span.start <= m.start() < span.end for span in spans)  # "huyện Chợ Đồn"
        and not _names_place(m.group())
        and not _ABBREVIATED_RE.match(m.group(1).strip())
    ]


# A road named by its number (folded): "quốc lộ 12A", written "QL12A" or "QL.12A" as often.
_ROAD_RE = re.compile(r"^(?:quoc lo|ql|tinh lo)\b")


def _names_road(analysis: QuestionAnalysis) -> bool:
    """The question names a road by its kind: "Quốc lộ 12A", "QL9"."""
    return any(
        _ROAD_RE.match(fold(m.group()).lower()) for m in _FACILITY_RE.finditer(analysis.text)
    )


def _facility_pattern(match: re.Match[str]) -> re.Pattern[str]:
    """What a passage must hold to name the facility: its name (folded), and a road's
    number with its kind ("9" alone is any figure)."""
    name = " ".join(fold(match.group(1)).lower().split())
    road = _ROAD_RE.match(fold(match.group()).lower())
    if road and re.fullmatch(r"\d{1,3}[a-z]?", name):
        kind = "(?:quoc lo|ql)" if road.group() in ("quoc lo", "ql") else road.group()
        return re.compile(rf"\b{kind}\W{{0,2}}{name}\b")
    return re.compile(rf"\b{re.escape(name)}\b")


# An abbreviation after the kind ("làng nghề VP", "KCN NQ 21"): a place or a document, no
# facility's name.
_ABBREVIATED_RE = re.compile(r"[A-ZĐ]{1,3}\b")


def _names_place(phrase: str) -> bool:
    """ "huyện Cầu Giấy", "Chợ Mới", "Bến Cầu": a district's name, not a facility's (a bare
    name two provinces' districts share is known with its unit word)."""
    name = fold(phrase).lower().strip()
    found = [loc.name for loc in find_localities(f"huyện {phrase.strip()}")]
    return any(fold(place).lower() == name for place in [*found, *places_named(phrase)])


_TARGET_WORD_RE = re.compile(r"\b(?:chi tieu|muc tieu)\b")
# A target's verdict (folded): "...: chưa đạt", "(đạt)", "..., chưa đạt chỉ tiêu", "...: đạt
# 98,70% - chưa đạt"; not a rate reached, "(đạt 89,13%)".
_VERDICT_RE = re.compile(
    r"(?:[:(]|\s[-–])\s*(?:chua |khong )?dat\b(?!\s*(?:\d|duoc))"
    r"|\b(?:chua|khong) dat chi tieu\b"
)


def _judges_target(text: str) -> bool:
    """The clause gives a target's verdict: "- Giảm 10% số vụ X: chưa đạt (tăng 26,67%)."."""
    return _VERDICT_RE.search(fold(text).lower()) is not None


_TARGET_FIGURE_RE = re.compile(r"\b(?:chi tieu|muc tieu)\b[^.;]{0,40}?\d")


# The target itself asked (folded): "đặt chỉ tiêu gì", "chỉ tiêu đặt ra thế nào", "mục tiêu
# là bao nhiêu"; not "vì sao chưa đạt chỉ tiêu", which asks a cause.
_TARGET_ASKED_RE = re.compile(
    r"\b(?:chi tieu|muc tieu)\b[^?,;]*?\b(?:gi|nao|the nao|ra sao|bao nhieu|may)\b"
)


_GROUPED_NUMBER_RE = re.compile(_GROUPED_NUMBER)


def _aims(candidate: Candidate) -> bool:
    """The clause strives for a figure ("Phấn đấu đạt 95% trước ngày ..."; not a budget
    "dự kiến"), and tells none reached."""
    said = fold(candidate.clause.text).lower()
    return bool(_STRIVEN_RE.search(said)) and not _REACHED_SO_FAR_RE.search(said)


def _sets_target(candidate: Candidate) -> bool:
    """The clause sets a target: its sentence or lead-in says so ("Mục tiêu ...", "phấn
    đấu", "chỉ tiêu"), and it tells no figure reached ("mới có", "đã đạt")."""
    said = fold(candidate.clause.text).lower()
    if _REACHED_SO_FAR_RE.search(said):
        return False
    lead_in = candidate.clause.lead_in
    context = candidate.view.clauses[lead_in].text if lead_in is not None else ""
    told = fold(f"{context} {sentence_of(candidate)}").lower()
    return bool(_TARGET_WORD_RE.search(told) or _AIMED_RE.search(told))


_REACHED_SO_FAR_RE = re.compile(r"\b(?:moi (?:co|dat|duoc)|da dat|dat duoc)\b")


def _matches(pattern: str, text: str, form: str) -> bool:
    """The pattern (written in canonical Vietnamese) found in the text, read in its form."""
    folded = form == "folded"
    return finds(pattern, fold(text) if folded else canonical(text), folded)


# What a document named by its number covers: "kỳ nào", "kỳ báo cáo", "về việc gì".
_DOCUMENT_PERIOD_ASKED = (
    r"\bk[ìỳ] (?:nào|báo cáo|gì)\b|\bvề (?:việc |vấn đề )?gì\b"
    # ... or what a report reports on: "Báo cáo X báo cáo kết quả trong giai đoạn nào"
    r"|\b(?:báo cáo|sơ kết|tổng kết)\b[^?]*\bgiai đoạn nào\b"
)
# Who issued a document named by its number: "là của cơ quan nào", "đơn vị nào ban hành",
# or by the issuing police's level: "của CA huyện nào", "của CAX nào".
ISSUER_ASKED = (
    r"\b(?:của|do) (?:cơ quan|đơn vị|(?:huyện|tỉnh|thành|quận|thị|đảng) ủy|ủy ban|ubnd|hđnd"
    r"|(?:công an|ca)(?: (?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn))?"
    r"|cax|cap|cah|caq|cat) nào\b|\b(?:cơ quan|đơn vị|ai) (?:nào )?ban hành\b"
)
# Kinds of body a question asks by (folded).
_BODY_KINDS = r"(?:co quan|don vi|to chuc|luc luong|nganh)"
# "Cơ quan nào (chỉ) được đề nghị phối hợp", "những tổ chức chỉ được 'đề nghị'", "KH X đề
# nghị những tổ chức nào phối hợp" (folded): the bodies a document proposes tasks to rather
# than gives them, its "Đề nghị B ..." items ...
_PROPOSED_ASKED_RE = re.compile(
    rf"\b(?:duoc|chi) \W?de nghi\b|\bde nghi (?:nhung |cac )?{_BODY_KINDS} nao\b"
)
# ... asked by the kind of body ("cơ quan nào", "những tổ chức").
_BODY_ASKED_RE = re.compile(rf"\b{_BODY_KINDS} nao\b|\b(?:nhung|cac) {_BODY_KINDS}\b")
_PROPOSED_ITEM_RE = re.compile(r"^\W*(?:\d+[.)]|[a-zđ]\)|[-+•])?\s*\**Đề nghị\b")
# ... proposed to bodies named by their kind only: "Đề nghị các cơ quan, đơn vị phối hợp".
_PROPOSED_TO_ALL_RE = re.compile(r"Đề nghị (?:các|những) (?:cơ quan|đơn vị|tổ chức|sở|ngành)")
# The number line closing an official header: "Số: 1268/BC-CAT-PV01", "Số 15-CT/HU".
_NUMBER_LINE_RE = re.compile(r"^\W*Số\s*(?::|\d+[-/]\S*[A-ZĐ])")
HEADER_LINES = 4  # the issuing body's lines above the number, at most
MIN_TITLE_CHARS = 20  # a line this long ending the title is its title line, not a stray word


def _asks_issuer(analysis: QuestionAnalysis) -> bool:
    return _matches(ISSUER_ASKED, analysis.text, analysis.form)


def _issuer_lines(source: str, views: list[PassageView]) -> list[tuple[PassageView, int]]:
    """The document's header naming its issuer, down to its number line ("CÔNG AN TỈNH A /
    Số: 1268/BC-CAT-PV01"), from the passage opening the document."""
    for view in views:
        if view.passage.source != source or view.passage.start != 0:
            continue
        for index, clause in enumerate(view.clauses[: HEADER_LINES + 1]):
            if _NUMBER_LINE_RE.match(clause.text):
                return [(view, i) for i in range(index + 1)]
    return []


MIN_PLACE_ITEMS = 2  # a list of one place is no list of places


def _proposal_items(
    analysis: QuestionAnalysis, ranking: Ranking, pinned: str | None = None
) -> list[Candidate]:
    """For "cơ quan nào chỉ được đề nghị (phối hợp)": the items of the asked documents
    opening "Đề nghị B ..." (a body a plan may not give tasks to is proposed them), in rank
    order, of the asked year and place; of the document named by its number, if one is."""
    folded = fold(analysis.text).lower()
    if analysis.type not in (QuestionType.WHICH, QuestionType.LIST) or not (
        _PROPOSED_ASKED_RE.search(folded) and _BODY_ASKED_RE.search(folded)
    ):
        return []  # (not "Tỉnh đoàn được đề nghị tổ chức chương trình gì": what, not who)
    return [
        c
        for c in ranking.candidates
        if c.view.eligible
        and _PROPOSED_ITEM_RE.match(c.clause.text.lstrip("#* "))
        # (not the heading over them: "5. Đề nghị các cơ quan phối hợp" names no body)
        and not (is_heading_line(c.clause.text) and _PROPOSED_TO_ALL_RE.search(c.clause.text))
        and pinned in (None, c.view.passage.source)
        and year_agrees(analysis, c)
        and place_agrees(analysis, c)
    ]


def _place_items(
    analysis: QuestionAnalysis, views: list[PassageView], ranking: Ranking
) -> list[tuple[PassageView, int]]:
    """For "ở những xã nào", "các huyện nào": the first list (in rank order of its lead-in)
    whose items (most of them) open with the asked kind of place ("Phát hiện tại:" / "- xã A: 7 vụ;"
    / "- xã B: 5 vụ;"), its lead-in holding some of the question's words; those items, in
    order. Not for a ranking, which the table and ranking readers answer."""
    kind = analysis.asked_noun
    if (
        analysis.type not in (QuestionType.LIST, QuestionType.WHICH)
        or kind not in PLACE_NOUNS
        or kind in UNNAMED_PLACE_NOUNS
        or asked_extreme(analysis) is not None
    ):
        return []
    opening = re.compile(rf"^[\W\d]*{re.escape(fold(kind).lower())}\s+\w")
    for candidate in ranking.candidates:
        view, index = candidate.view, candidate.index
        if not candidate.clause.is_lead_in or candidate.own_coverage <= 0:
            continue
        # (a table's rows are no list of places: "| Xã A | 04 | ..." counts, and the rows
        # are all the table's, whatever the question asks of them)
        items = [
            j for j, c in enumerate(view.clauses) if c.lead_in == index and cells(c.text) is None
        ]
        named = [j for j in items if opening.match(fold(view.clauses[j].text).lower())]
        # ... most of them: "- Các xã còn lại: 3 vụ" may close the list
        if len(named) >= MIN_PLACE_ITEMS and 3 * len(named) >= 2 * len(items):
            return [(view, j) for j in named]
    return []


def _title_lines(source: str, views: list[PassageView]) -> list[tuple[PassageView, int]]:
    """The document's title as its opening passage writes it, with its kind's line above
    ("BÁO CÁO" / "Tổng kết công tác ... năm 2024"): what the document says it is about."""
    for view in views:
        if view.passage.source != source or view.passage.start != 0:
            continue
        subject = _letter_subject_lines(view)
        if subject:
            return subject
        title = fold(view.passage.metadata.title).lower().strip()
        for index, clause in enumerate(view.clauses):
            line = fold(clause.text).lower().strip(" #*")
            # ... or begins it, where the metadata keeps a long title cut short; or is its
            # first line, where the title goes on over lines ("Kết quả ... năm 2024;" /
            # "phương hướng, nhiệm vụ ...")
            # ... or, after its kind's line, begins where the title goes on past the kind
            # ("THÔNG BÁO" / "Kết luận của ...", a long title kept cut short)
            above = fold(view.clauses[index - 1].text).lower().strip(" #*") if index else ""
            rest = title.removeprefix(above).strip() if above and title.startswith(above) else ""
            whole = (
                title.endswith(line)
                or (len(title) >= MIN_TITLE_CHARS and line.startswith(title))
                or (line in title and not clause.text.isupper())  # not a header's body
                or (len(rest) >= MIN_TITLE_CHARS and line.startswith(rest))
            )
            if names_motto(clause.text):
                continue  # the header's motto, read as the title where the header was
            if len(line) >= MIN_TITLE_CHARS and whole:
                kind = view.clauses[index - 1].text if index else ""
                first = (
                    index - 1 if kind.isupper() and title.startswith(fold(kind).lower()) else index
                )
                return [(view, i) for i in range(first, _title_end(view, index) + 1)]
    return _kind_line_title(source, views)


def _letter_subject_lines(view: PassageView) -> list[tuple[PassageView, int]]:
    """A letter's subject under its number ("V/v triển khai ...;" / "thành lập ..."): the
    "V/v" line and the lines its wrapping cut from it."""
    for index, clause in enumerate(view.clauses):
        if LETTER_SUBJECT_RE.match(clause.text.strip()):
            return [(view, i) for i in range(index, _title_end(view, index) + 1)]
    return []


def _title_end(view: PassageView, index: int) -> int:
    """The last of the lines a title starting at clause `index` goes on over."""
    last = index
    while last + 1 < len(view.clauses) and _goes_on_title(
        view.clauses[last].text, view.clauses[last + 1].text
    ):
        last += 1
    return last


# An official document's kind line above (or opening) its subject: "CHỈ THỊ", "KẾ HOẠCH".
_KIND_LINE_RE = re.compile(
    rf"^(?:{'|'.join(kind.upper() for kind in sorted(DOCUMENT_KINDS))})"
    r"(?P<qualified>(?:\s+\S+)*?)(?:$|\s+(?:của|CỦA|về|V/v|giữa|GIỮA)\b)"
)  # ... qualified in capitals: "QUY CHẾ PHỐI HỢP giữa ...", "BÁO CÁO SƠ KẾT" (checked below)


def _kind_line_title(source: str, views: list[PassageView]) -> list[tuple[PassageView, int]]:
    """Where no line matches the title as read ("CHỈ THỊ" / "CỦA BAN THƯỜNG VỤ TỈNH ỦY" /
    "về ..., cut over lines"), the kind line of the opening passage and the lines going on
    from it."""
    for view in views:
        if view.passage.source != source or view.passage.start != 0:
            continue
        for index, clause in enumerate(view.clauses):
            kind_line = _KIND_LINE_RE.match(clause.text.strip(" #*"))
            qualified = kind_line["qualified"] if kind_line else None
            if not kind_line or (qualified and not qualified.isupper()):
                continue
            last = index
            bare = len(clause.text.strip(" #*").split()) <= 2
            if bare and index + 1 < len(view.clauses):  # "KẾ HOẠCH" / "Bảo đảm an toàn ..."
                subject = view.clauses[index + 1].text.strip(" #*")
                if subject and not _NOT_SUBJECT_RE.match(subject):
                    last += 1
            while last + 1 < len(view.clauses) and _goes_on_kind_line(
                view.clauses[last].text, view.clauses[last + 1].text
            ):
                last += 1
            if last > index or not bare:
                return [(view, i) for i in range(index, last + 1)]
    return []


# What follows a bare kind line and is not its subject: the grounds, a section, an item.
_NOT_SUBJECT_RE = re.compile(r"^(?:Căn cứ|Thực hiện|[IVX]+\.|\d+\.|[a-zđ]\)|-)")


def _goes_on_kind_line(line: str, following: str) -> bool:
    """Under a kind line, its issuer in capitals ("CỦA BAN THƯỜNG VỤ TỈNH ỦY") and its
    subject ("về ...", lines running on) go on the title."""
    following = following.strip(" #*")
    if following.startswith("CỦA "):  # "CỦA BAN THƯỜNG VỤ TỈNH ỦY về ..."
        return True
    return _goes_on_title(line, following)


TITLE_LINE_CHARS = 160  # a title's further line is shorter than this


def _goes_on_title(line: str, following: str) -> bool:
    """The next line goes on a title cut over lines: the title line ends with a comma, or
    the next one opens in lower case or with a quote ("... đua xe trái phép," / "“bão
    đường” và ..."), and ends with no full stop, as a title does."""
    following = following.strip()
    if not following or len(following) > TITLE_LINE_CHARS or following.endswith("."):
        return False
    cut = _OPEN_PHRASE_END_RE.search(line.rstrip())  # "... trong thực hiện" / "Đề án 06, ..."
    return (
        line.rstrip().endswith((",", ";"))
        or following[0].islower()
        or following[0] in "\"“'"
        or cut is not None
    )


# A title line ending inside a phrase, on a word that takes what follows: "... trong thực
# hiện", "... về", "... của".
_OPEN_PHRASE_END_RE = re.compile(
    r"\b(?:về|của|và|trong|thực hiện|đối với|với|tại|cho|giữa|trên)$", re.IGNORECASE
)


# Read as the question is typed ("hieu luc" folded); "áp dụng đến khi nào" asks until when
# the document is in force, "áp dụng từ ngày nào" from when (not "mức hỗ trợ / chế độ áp
# dụng từ khi nào", which asks when what it sets applies).
_IN_FORCE = (
    r"\bhiệu lực\b|\báp dụng (?:đến|tới)\b"
    r"|^(?:(?!\b(?:mức|chế độ|chính sách|hỗ trợ)\b).)*\báp dụng (?:kể )?từ\b"
)


def _asks_in_force(analysis: QuestionAnalysis) -> bool:
    """ "... có hiệu lực khi nào / từ ngày nào?" of a document named by its number."""
    return analysis.type == QuestionType.TIME and _matches(_IN_FORCE, analysis.text, analysis.form)


# "Nghị quyết này có hiệu lực (thi hành) (kể) từ ngày 22 tháng 7 năm 2024": the date the
# document itself takes effect, right after the words saying so (its passing told between:
# "Nghị quyết này được HĐND tỉnh ... thông qua ngày ... và có hiệu lực từ ngày ...").
_OWN_FORCE_RE = re.compile(
    rf"(?:{_SELF_REFERENCE_RE.pattern}(?: được [^.;]{{0,150}}? và)?"
    # ... or, its passing told first, named by its kind alone: "Nghị quyết đã được ..."
    # (or bare: "Nghị quyết có hiệu lực từ ngày ...")
    rf"|^[^.;]{{0,10}}\b(?:Nghị quyết|Chỉ thị|Quyết định|Quy chế)"
    rf"(?: (?:đã )?được [^.;]{{0,150}}? và)?)"
    r" có hiệu lực (?:thi hành )?(?:kể )?từ (?:ngày )?\d"
)


# Where the date a document ends in force stands: "... đến hết ngày 30 tháng 6 năm 2033".
_FORCE_END_RE = re.compile(r"\bđến (?:hết )?(?:ngày )?(?=\d)")
_ENDS_ASKED = r"\b(?:đến|tới|hết hiệu lực)\b"  # "áp dụng đến khi nào", "hết hiệu lực khi nào"


def _force_date(analysis: QuestionAnalysis, text: str, document: str = "") -> str | None:
    """The date a clause says the document takes effect (or, asked until when, ends; asked
    from when to when, both: "01/08/2031 - 31/12/2034"), in figures where the clause writes
    it in words ("ngày 15 tháng 3 năm 2032"): as the `document` writes that day in figures
    elsewhere ("15/3/2032" or "15/03/2032"), else "15/03/2032"; None when the clause writes
    it in figures already or names none."""
    start = _OWN_FORCE_RE.search(text)
    if start is None:
        return None
    told = text[start.end() - 1 :]  # from the date's first digit
    first = _day_in_figures(told, document)
    end = (
        _FORCE_END_RE.search(told) if _matches(_ENDS_ASKED, analysis.text, analysis.form) else None
    )
    if end is None:
        return first
    last = _day_in_figures(told[end.end() :], document)
    if first and last and _matches(_SPAN_ASKED, analysis.text, analysis.form):
        return f"{first} - {last}"
    return last


# "áp dụng từ ngày nào đến ngày nào": both ends of the time in force asked.
_SPAN_ASKED = r"\btừ\b.*\b(?:đến|tới)\b"


def _day_in_figures(told: str, document: str) -> str | None:
    """The day written in words that opens `told`, in figures as the `document` writes it
    (else "15/03/2032"); None when `told` opens with none."""
    written = re.match(r"\d{1,2} tháng \d{1,2} năm \d{4}", told)
    if written is None:
        return None  # "15/3/2032" as typed already
    # (its own date only: not one of a resolution it replaces, further on)
    found = find_date(f"ngày {written.group()}")
    if found is None:
        return None
    for match in _DAY_IN_FIGURES_RE.finditer(document):  # the document's own way
        if find_date(match.group()) == found:
            return match.group()
    return "/".join(reversed(found.split("-")))


_DAY_IN_FIGURES_RE = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}/\d{4}(?![\d/])")


def _states_own_force(candidate: Candidate, source: str) -> bool:
    """A clause of the document saying when it itself takes effect, with the date."""
    text = candidate.clause.text
    return candidate.view.passage.source == source and _OWN_FORCE_RE.search(text) is not None


def _asks_document_period(analysis: QuestionAnalysis) -> bool:
    """ "Báo cáo số X kỳ nào?": the period a named report covers, which its title says (not
    "ai ký báo cáo", typed "ky bao cao", which asks a person)."""
    if analysis.type in (QuestionType.PERSON, QuestionType.SIGNER, QuestionType.COUNT):
        return False  # ("Kỳ báo cáo năm 2024 tiếp nhận bao nhiêu người": the figure's period)
    return _matches(_DOCUMENT_PERIOD_ASKED, analysis.text, analysis.form)


# What a document sets, asked of it (folded): "đặt ra chỉ tiêu gì", "đề ra những giải pháp
# nào"; not which of its targets were met ("chỉ tiêu nào chưa đạt": a report's verdicts).
_SETS_ASKED_RE = re.compile(
    r"\b(?:dat ra|de ra|neu ra|xac dinh|dua ra)(?: \w+){0,2}? "
    r"(?:chi tieu|muc tieu|nhiem vu|giai phap|bien phap|yeu cau)\b(?: \w+){0,3}? (?:gi|nao)\b"
)
_MET_ASKED_RE = re.compile(r"\b(?:dat|vuot|hoan thanh)\b(?! ra)")


def _asks_what_document_sets(analysis: QuestionAnalysis) -> bool:
    """The question asks the targets, tasks or measures a document sets."""
    asked = fold(analysis.text).lower()
    return (
        analysis.type in (QuestionType.WHICH, QuestionType.LIST, QuestionType.OTHER)
        and _SETS_ASKED_RE.search(asked) is not None
        and _MET_ASKED_RE.search(_SETS_ASKED_RE.sub(" ", asked)) is None
    )


def _asks_about_document(analysis: QuestionAnalysis) -> bool:
    """The question asks what the named document is about, or when it was issued; not by
    when it asks another to be issued ("hạn chót UBND ban hành kế hoạch thực hiện CT X")."""
    if analysis.type == QuestionType.TOPIC or _asks_document_period(analysis):
        return True
    return (
        analysis.type == QuestionType.TIME
        and _matches(ISSUED, analysis.text, analysis.form)
        and not _matches(DEADLINE, analysis.text, analysis.form)
    )


# An office asked for by its title: "Trưởng phòng", "Phó Giám đốc", "Chủ tịch UBND".
# (Read folded: a question typed without diacritics asks the same office.)
_OFFICE_RE = re.compile(
    r"\b(pho )?(giam doc|truong phong|truong cong an|chu tich|bi thu|chi huy truong|"
    r"doi truong|truong ban|truong doan|thu truong)\b"
)


OFFICE_REACH = 60  # characters around an office's title where its holder and unit stand


def asks_office(analysis: QuestionAnalysis) -> bool:
    """The question names an office by its title ("Trưởng phòng PC04 ... là ai?")."""
    return _OFFICE_RE.search(fold(spell_out(analysis.text)).lower()) is not None


def holds_office_asked(analysis: QuestionAnalysis, text: str, held: bool = True) -> bool:
    """A name given for "Trưởng phòng X là ai?" is the holder's: the clause names the office
    as asked (not its deputy, "Phó Trưởng phòng X", nor another unit's, "Trưởng phòng Y")
    with the person holding it right beside it (`held`; a signature title only names it)."""
    question = fold(spell_out(analysis.text)).lower()
    asked = _OFFICE_RE.search(question)
    if asked is None:
        return True
    deputy, title = bool(asked.group(1)), asked.group(2)
    # Whose office, when the question names the unit by its code ("Trưởng phòng PC07"): a
    # title followed by another code ("Trưởng phòng CSGT (PC08)") is another unit's.
    asked_code = UNIT_CODE_RE.search(question[asked.end() : asked.end() + OFFICE_REACH])
    spelled = fold(spell_out(text)).lower()
    for m in _OFFICE_RE.finditer(spelled):
        if m.group(2) != title or bool(m.group(1)) != deputy:
            continue
        after = spelled[m.end() : m.end() + OFFICE_REACH]
        code = UNIT_CODE_RE.search(after)
        if asked_code and code and code.group() != asked_code.group():
            continue
        if not held:  # a signature block's title: its holder is read on the lines below
            return True
        # ... held by the person named right beside it: "Đại tá A, Trưởng phòng X", or
        # under it ("TRƯỞNG CÔNG AN XÃ / Thiếu tá B"), not across a ";" in a list of roles.
        before = spelled[max(m.start() - OFFICE_REACH, 0) : m.start()].split(";")[-1]
        following = spelled[m.end() : m.end() + OFFICE_REACH].split(";")[0]
        start = m.start() - len(before)
        # "A, Trưởng phòng ...", "A - Giám đốc ...", "A ... làm Trưởng ban"
        beside = before.rstrip().endswith((",", "-", "–", "—", " lam", " la", " giu"))
        if (beside and names_person(text[start : m.start()])) or (
            names_person(text[m.end() : m.end() + len(following)])
        ):
            return True
    return False


def _asks_office_holder(analysis: QuestionAnalysis) -> bool:
    """ "Giám đốc Công an tỉnh A là ai?": a person holding an office, answered by a name."""
    return _matches(OFFICE_TITLES, analysis.text, analysis.form)


def _asks_cited_document(analysis: QuestionAnalysis) -> bool:
    """ "Kế hoạch X triển khai quyết định nào?": a document the named one cites."""
    return (
        analysis.type == QuestionType.WHICH
        and analysis.asked_noun in DOCUMENT_NOUNS
        and asks_document(analysis)
    )


def _asks_which_document(analysis: QuestionAnalysis) -> bool:
    """ "Văn bản nào yêu cầu ...?": the documents themselves are the answer."""
    return (
        analysis.type in (QuestionType.WHICH, QuestionType.LIST)
        and analysis.asked_noun in DOCUMENT_NOUNS
        and not asks_document(analysis)
    )


def _cites_other_document(analysis: QuestionAnalysis, text: str) -> bool:
    """The clause cites a document by number other than the ones the question names
    (wholly, or by number, year and kind: "Nghị quyết 18/2024")."""
    asked = yeared_keys(analysis.text)
    return any(
        key not in analysis.directive_keys and not extends(key, asked)
        for key in directive_keys_in(text)
    )


def _answers_type(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    if _needs_number(analysis):
        return _holds_asked_kind(analysis, candidate)
    if asks_extreme_places(analysis):  # quoted beside a ranking: another ranking
        return ranks_places(candidate.clause.text)
    return candidate.asked is None or candidate.asked > 0.0


def _highest_bound(
    analysis: QuestionAnalysis, best: Candidate, candidates: list[Candidate]
) -> list[tuple[PassageView, int]]:
    """For "lên đến / tối đa bao nhiêu năm": the clause of the same passage with the highest
    number of the asked unit, when it is higher than the best clause's."""
    top = max(unit_values(analysis, best.clause.text), default=0.0)
    extra: list[tuple[PassageView, int]] = []
    for other in candidates:
        if other.view is not best.view:
            continue
        highest = max(unit_values(analysis, other.clause.text), default=0.0)
        if highest > top:
            top, extra = highest, [(other.view, other.index)]
    return extra


def _answer_value(analysis: QuestionAnalysis) -> Callable[[str], float]:
    """How much a piece of a clause answers: question words held, plus the asked thing."""
    folded = analysis.form == "folded"

    def value(text: str) -> float:
        words = set(clause_tokens(text, folded).compared)
        held = sum(w for t, w in analysis.terms.items() if t in words)
        return held + 3.0 * (asked_evidence(analysis, text) or 0.0)

    return value


def _item_of_a_period(clause: Clause) -> bool:
    """A list item opening with the part of the year it tells ("- Quý III: xảy ra 17 vụ")."""
    told = ITEM_MARKER_RE.sub("", clause.text, count=1)
    return bool(clause.marker) and first_period_at(told) == 0

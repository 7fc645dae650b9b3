"""The faithfulness guard: a generated sentence stands only if the passages it cites hold it.

A sentence's checkable facts are its figures (numbers and dates), document numbers and
proper names. Each must be found in one of the passages the sentence cites, compared after
the project's Vietnamese normalisation: "1.908" = "1908", "06/3/2023" = "ngày 6 tháng 3 năm
2023", "Hoà Bình" = "Hòa Bình", "UBND" = "Ủy ban nhân dân". Most of its words must be there
too, so a cited sentence cannot be prose the passage never said.

The guard knows nothing of models or streams: `llm_answerer` asks it about one sentence at
a time, and keeps, drops or replaces what the model wrote.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from assistant.citations import MARKER_RE
from assistant.passages import Passage
from index.metadata import directive_key, find_directive_numbers
from index.vietnamese import WORD_RE, canonical_syllable, fold, fold_syllable, nfc

GROUNDING_LABELS: dict[str, str] = {
    "verified": "Đã đối chiếu: số liệu, ngày tháng, số hiệu văn bản và tên riêng trong câu trả "
    "lời đều có trong đoạn được trích dẫn.",
    "partly": "Đã đối chiếu một phần: các câu không khớp với đoạn được trích dẫn đã bị lược bỏ.",
    "fallback": "Câu trả lời của mô hình ngôn ngữ không khớp với tài liệu nên không được dùng; "
    "dưới đây là trích dẫn nguyên văn từ tài liệu.",
}


def grounding_label(grounding: str | None) -> str | None:
    """What an officer is told about how an answer was checked (None: nothing to say)."""
    return GROUNDING_LABELS.get(grounding or "")


@dataclass(frozen=True)
class GuardParameters:
    """The guard's thresholds."""

    min_word_share: float = 0.5
    """Share of a sentence's syllables that its cited passages must contain. Rewording keeps
    most syllables of Vietnamese prose; a sentence the passage never said keeps few."""

    min_initials_length: int = 2
    """Shortest abbreviation that may be matched by the initials of the passage's words
    ("UBND" = "Ủy ban nhân dân", "TP" = "thành phố")."""

    min_new_words: int = 2
    """Words (a figure counts as two) a sentence must add to the question and the prompt's
    own rules: less is the model repeating what it was told, not answering."""


PARAMETERS = GuardParameters()

# Dates in the forms documents write them, all rewritten to "d/m/yyyy" or "m/yyyy".
_FULL_DATE_RES = (
    re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:năm\s+|[/-]\s*)(\d{4})", re.I),
    re.compile(r"(?<![\d.,/-])(\d{1,2})\s*[/-]\s*(\d{1,2})\s*[/-]\s*(\d{4})(?![\d/])"),
)
_MONTH_RE = re.compile(r"tháng\s+(\d{1,2})\s*(?:năm\s+|[/-]\s*)(\d{4})(?![\d/])", re.I)
# A figure: "1.908", "99,92", "3/2019", "6/3/2023" (after the dates above are rewritten).
_FIGURE_RE = re.compile(r"\d+(?:[.,]\d+)*(?:/\d+)*")
# "." or "," before exactly three digits groups thousands; otherwise it is a decimal point.
_THOUSANDS_RE = re.compile(r"[.,](?=\d{3}(?!\d))")
_MARKUP_RE = re.compile(r"</?[A-Za-z_][\w-]*(?:\s[^<>]{0,200})?/?>")
# A list item's own number ("1.", "2)") is layout, not a figure.
_ITEM_NUMBER_RE = re.compile(r"^\s*(?:\d{1,2}[.)]|[-+•–*])\s+")
# Number words a passage may use where a sentence writes digits ("hai" = 2). "một" and
# "năm" (also "a" and "year") would make "1" and "5" match everywhere, so they are not read.
_NUMBER_WORDS = {"hai": "2", "ba": "3", "bốn": "4", "sáu": "6", "bảy": "7", "tám": "8",
                 "chín": "9", "mười": "10"}  # fmt: skip
_NUMBER_WORD_RE = re.compile(rf"\b({'|'.join(_NUMBER_WORDS)})\b")


def _number_key(number: str) -> str:
    """One written form of a number: "1.908" -> "1908", "99,92" -> "99.92", "06" -> "6"."""
    grouped = _THOUSANDS_RE.sub("", number).replace(",", ".")
    whole, dot, decimals = grouped.partition(".")
    return (whole.lstrip("0") or "0") + (dot + decimals if decimals else "")


def _with_dates_rewritten(text: str) -> str:
    def full(m: re.Match[str]) -> str:
        return f"{int(m[1])}/{int(m[2])}/{m[3]}"

    for pattern in _FULL_DATE_RES:
        text = pattern.sub(full, text)
    return _MONTH_RE.sub(lambda m: f"tháng {int(m[1])}/{m[2]}", text)


def figures(text: str) -> list[str]:
    """The figures of a text, each in one comparable form ("6/3/2023", "1908", "99.92")."""
    text = _ITEM_NUMBER_RE.sub("", _with_dates_rewritten(nfc(text)))
    return ["/".join(_number_key(part) for part in m.split("/")) for m in _FIGURE_RE.findall(text)]


def _figure_forms(text: str) -> set[str]:
    """Every figure of a passage, with the parts a sentence may quote alone: "6/3/2023"
    also gives "3/2023", "2023", "6" and "3"."""
    forms: set[str] = set()
    for figure in figures(text):
        parts = figure.split("/")
        forms.update(parts)
        forms.update("/".join(parts[i:]) for i in range(len(parts)))
    forms.update(_NUMBER_WORDS[w] for w in _NUMBER_WORD_RE.findall(nfc(text).lower()))
    return forms


@dataclass(frozen=True)
class NameRun:
    """Capitalised words in a row ("Công an tỉnh" gives none; "Điện Biên" gives one)."""

    words: tuple[str, ...]
    opens_sentence: bool  # its first word may be capitalised only because it opens the sentence


def name_runs(text: str) -> list[NameRun]:
    """Runs of capitalised words, single spaces apart, in a sentence."""
    runs: list[list[re.Match[str]]] = []
    previous: re.Match[str] | None = None
    for match in WORD_RE.finditer(text):
        if not match.group()[:1].isupper():
            previous = None
            continue
        if previous is not None and text[previous.end() : match.start()] == " ":
            runs[-1].append(match)
        else:
            runs.append([match])
        previous = match
    return [
        NameRun(tuple(m.group() for m in run), _opens_sentence(text[: run[0].start()]))
        for run in runs
    ]


def _opens_sentence(before: str) -> bool:
    head = MARKER_RE.sub("", before).rstrip(" \"'“‘(")
    return not head or head.endswith((".", ":", "!", "?", "\n", "-", "–", "•", ";", ")"))


def _is_abbreviation(word: str) -> bool:
    return len(word) > 1 and word.isupper()


@dataclass
class PassageFacts:
    """What a passage says, in the forms sentences are compared in."""

    text: str

    @cached_property
    def figures(self) -> set[str]:
        return _figure_forms(self.text)

    @cached_property
    def document_numbers(self) -> set[str]:
        return {directive_key(n) for n in find_directive_numbers(self.text)}

    @cached_property
    def words(self) -> list[str]:
        return [canonical_syllable(w) for w in WORD_RE.findall(nfc(self.text))]

    @cached_property
    def spaced(self) -> str:
        """ " w1 w2 ... ": a name is found as " name " inside it."""
        return f" {' '.join(self.words)} "

    @cached_property
    def folded_words(self) -> set[str]:
        return {fold_syllable(w) for w in self.words}

    @cached_property
    def initials(self) -> str:
        return "".join(fold_syllable(w)[:1] for w in self.words)

    @cached_property
    def lowered(self) -> str:
        return nfc(self.text).lower()

    @cached_property
    def plain_words(self) -> set[str]:
        return set(WORD_RE.findall(self.lowered))

    def has_name(self, words: Sequence[str]) -> bool:
        # Most names are written as the passage writes them: a plain search settles those
        # without putting the whole passage into canonical form.
        written = re.escape(" ".join(words).lower())
        if re.search(rf"(?<!\w){written}(?!\w)", self.lowered):
            return True
        return f" {' '.join(canonical_syllable(w) for w in words)} " in self.spaced

    def has_word(self, word: str) -> bool:
        lower = word.lower()
        return lower in self.plain_words or fold_syllable(canonical_syllable(lower)) in (
            self.folded_words
        )

    def has_abbreviation(self, word: str) -> bool:
        if self.has_name([word]):
            return True
        return len(word) >= PARAMETERS.min_initials_length and fold(word) in self.initials


@dataclass(frozen=True)
class Verdict:
    """Whether one generated sentence stands, and if not, why."""

    supported: bool
    reason: str = ""
    missing: tuple[str, ...] = field(default=())


def _has_figure(cited: Iterable[PassageFacts], figure: str) -> bool:
    return any(figure in facts.figures for facts in cited)


def _has_name(cited: Iterable[PassageFacts], words: Sequence[str]) -> bool:
    return any(facts.has_name(words) for facts in cited)


def _has_abbreviation(cited: Iterable[PassageFacts], word: str) -> bool:
    return any(facts.has_abbreviation(word) for facts in cited)


def _run_supported(run: NameRun, cited: Sequence[PassageFacts]) -> bool:
    """A run is found whole, or as its abbreviations and the stretches of other capitalised
    words between them; a sentence's first word may be an ordinary word ("Theo", "Toàn")."""
    if _has_name(cited, run.words):
        return True
    words = run.words[1:] if run.opens_sentence else run.words
    stretch: list[str] = []
    for word in [*words, ""]:
        if word and not _is_abbreviation(word):
            stretch.append(word)
            continue
        if stretch and not _has_name(cited, stretch):
            return False
        stretch = []
        if word and not _has_abbreviation(cited, word):
            return False
    return True


def _word_share(sentence: str, cited: Sequence[PassageFacts]) -> float:
    words = WORD_RE.findall(nfc(sentence))
    if not words:
        return 1.0
    return sum(any(facts.has_word(w) for facts in cited) for w in words) / len(words)


def check_sentence(sentence: str, cited: Sequence[PassageFacts]) -> Verdict:
    """Whether the passages a sentence cites hold its figures, document numbers and names.

    Args:
        sentence: one generated sentence; its [n] markers are ignored.
        cited: the facts of the passages its markers point at (none: it is uncited).
    """
    if not cited:
        return Verdict(False, "uncited")
    text = MARKER_RE.sub(" ", sentence)
    if text.rstrip().endswith("?"):
        return Verdict(False, "question")  # a question asked back (or echoed) answers nothing
    if _MARKUP_RE.search(text):
        return Verdict(False, "markup")  # the prompt's tags or a web page's, echoed
    missing = [f for f in figures(text) if not _has_figure(cited, f)]
    if missing:
        return Verdict(False, "figure", tuple(missing))
    numbers = find_directive_numbers(text)
    if numbers:  # a passage's own numbers are read only when a sentence cites one
        known = set().union(*(facts.document_numbers for facts in cited))
        numbers = [n for n in numbers if directive_key(n) not in known]
    if numbers:
        return Verdict(False, "document number", tuple(numbers))
    names = [" ".join(r.words) for r in name_runs(text) if not _run_supported(r, cited)]
    if names:
        return Verdict(False, "name", tuple(names))
    if _word_share(text, cited) < PARAMETERS.min_word_share:
        return Verdict(False, "wording")
    return Verdict(True)


def cited_passages(sentence: str, passages: Sequence[Passage]) -> list[int]:
    """The passage numbers (1-based, as the model was shown them) a sentence's markers give."""
    numbers: list[int] = []
    for marker in MARKER_RE.finditer(sentence):
        for given in (int(n) for n in re.findall(r"\d+", marker.group())):
            if 1 <= given <= len(passages) and given not in numbers:
                numbers.append(given)
    return numbers


class Guard:
    """Checks the sentences of one answer against the passages it was written from.

    Args:
        passages: the passages, numbered from 1 as the model was shown them.
        asked: the question and the prompt's rules: a sentence must say more than these.
    """

    def __init__(self, passages: Sequence[Passage], asked: str = "") -> None:
        self.passages = passages
        self._facts: dict[int, PassageFacts] = {}
        self._asked = _folded_words(asked) | set(figures(asked))

    def facts(self, given: int) -> PassageFacts:
        if given not in self._facts:
            self._facts[given] = PassageFacts(shown_text(self.passages[given - 1]))
        return self._facts[given]

    def check(self, sentence: str, citing: str | None = None) -> Verdict:
        """The verdict on a sentence, against the passages its own markers cite, or those
        of `citing`, the sentence whose marker closes it."""
        numbers = cited_passages(citing if citing is not None else sentence, self.passages)
        verdict = check_sentence(sentence, [self.facts(n) for n in numbers])
        if verdict.supported and self._adds(sentence) < PARAMETERS.min_new_words:
            return Verdict(False, "echo")
        return verdict

    def _adds(self, sentence: str) -> int:
        text = MARKER_RE.sub(" ", sentence)
        new_figures = set(figures(text)) - self._asked
        return len(_folded_words(text) - self._asked) + 2 * len(new_figures)


def _folded_words(text: str) -> set[str]:
    return {fold_syllable(canonical_syllable(w)) for w in WORD_RE.findall(nfc(text))}


def shown_text(passage: Passage) -> str:
    """The passage as the model was shown it: its text, and the title, date and place of
    its block's attributes, which a sentence may rightly repeat."""
    meta = passage.metadata
    issued = ""
    if meta.issued_on:  # ISO "2023-03-06" as documents write it, "6/3/2023"
        issued = "/".join(p.lstrip("0") or "0" for p in reversed(meta.issued_on.split("-")))
    header = [meta.title, issued, meta.district or "", meta.province or ""]
    return "\n".join([*(part for part in header if part), passage.text])

"""The register of directives and the table of figures, read from index-time extraction.

A `Register` is a read-only view of one index snapshot: every document with its identity
(kind, number, issuer, date, place, subject), the duties each directive gives, which
documents carry it out, and every figure the documents state. It serves the HTTP API,
the chat page and the answerer alike, so it knows nothing of HTTP.

Identity fields the extractor could not read fall back to what the document's metadata
says (kind, date, place); a document's number never does, because the numbers in the
metadata are the ones it *cites*. Every duty and figure carries its document and its
offsets in the cleaned text, so anything shown can be cited.

    register = Register.of(index.snapshot())
    register.directives(kind="chỉ thị", place="dien bien", year=2024)
    register.lookup("07/CT-UBND", place="Hà Giang")  # numbers repeat across provinces
    figures_csv(register.figures(noun="đội dân phòng"))
"""

from __future__ import annotations

import csv
import io
import weakref
from collections.abc import Iterable, Mapping, Sequence

from assistant.register_match import PlaceQuery, contains_words, period_matches
from assistant.register_records import (
    DirectiveDetail,
    DirectiveEntry,
    Duty,
    DutyGroup,
    FigureEntry,
    Referrer,
)
from index.catalog import DocumentRecord
from index.extraction import DocumentReference, DutyItem, Extraction, Figure
from index.metadata import directive_key
from index.snapshot import IndexSnapshot
from index.vietnamese import fold

__all__ = [
    "CSV_COLUMNS",
    "DirectiveDetail",
    "DirectiveEntry",
    "Duty",
    "DutyGroup",
    "FigureEntry",
    "Referrer",
    "Register",
    "figures_csv",
    "group_duties",
]

CSV_COLUMNS = (
    "document", "title", "noun", "value_text", "value", "unit", "total", "place", "period",
    "comparison", "compared_to", "start", "end", "sentence",
)  # fmt: skip

_REGISTERS: weakref.WeakKeyDictionary[IndexSnapshot, Register] = weakref.WeakKeyDictionary()


class Register:
    """Directives and figures of one index snapshot; every method is a pure read."""

    def __init__(
        self, documents: Mapping[str, DocumentRecord], extractions: Mapping[str, Extraction]
    ) -> None:
        self._documents = documents
        self._extractions = {s: extractions.get(s) or Extraction() for s in documents}
        entries = (_entry(documents[s], self._extractions[s]) for s in documents)
        self.entries = sorted(entries, key=lambda e: (e.issued_on or "", e.document), reverse=True)
        self._by_source = {entry.document: entry for entry in self.entries}
        self._referrers = self._index_references()

    @classmethod
    def of(cls, snapshot: IndexSnapshot) -> Register:
        """The register of a snapshot, built once per snapshot."""
        register = _REGISTERS.get(snapshot)
        if register is None:
            register = _REGISTERS[snapshot] = cls(snapshot.documents, snapshot.extractions)
        return register

    def directives(
        self,
        kind: str | None = None,
        place: str | None = None,
        year: int | None = None,
        issuer: str | None = None,
        text: str | None = None,
    ) -> list[DirectiveEntry]:
        """Documents passing every filter given, newest first.

        Args:
            kind: document kind ("chỉ thị"), with or without diacritics.
            place: province or district ("dien bien", "huyện Mường Nhé").
            year: year of issue.
            issuer: words of the issuing body ("UBND tỉnh", "cong an").
            text: words to find in the number, title, subject or issuer.
        """
        places = PlaceQuery(place) if place else None
        return [
            entry
            for entry in self.entries
            if (not kind or fold(entry.kind or "") == fold(kind).strip())
            and (places is None or places.matches(entry.district, entry.province))
            and (year is None or entry.year == year)
            and (not issuer or contains_words(entry.issuer or "", issuer))
            and (not text or _mentions_all(entry, text))
        ]

    def lookup(
        self, number: str, place: str | None = None, year: int | None = None
    ) -> list[DirectiveDetail]:
        """Every document with this number ("31-CT/TU" = "31/CT-TU"), narrowed by place
        and year: numbers repeat across provinces and years. Empty when none has it."""
        key = directive_key(number)
        places = PlaceQuery(place) if place else None
        return [
            self._detail(entry)
            for entry in self.entries
            if entry.number and directive_key(entry.number) == key
            and (places is None or places.matches(entry.district, entry.province))
            and (year is None or entry.year == year)
        ]  # fmt: skip

    def figures(
        self,
        noun: str | None = None,
        place: str | None = None,
        period: str | None = None,
        source: str | None = None,
    ) -> list[FigureEntry]:
        """Figures passing every filter given, by document and position.

        Args:
            noun: words of what is counted ("dân phòng" finds "Đội Dân phòng").
            place: province or district; a figure with no place of its own has its
                document's.
            period: words of the period ("2024", "6 tháng đầu năm"); a figure with no
                period of its own matches a year its document was issued in.
            source: one document's file name.
        """
        places = PlaceQuery(place) if place else None
        found = []
        for entry in sorted(self.entries, key=lambda e: e.document):
            if source and entry.document != source:
                continue
            for figure in self._extractions[entry.document].figures:
                item = self._figure(entry, figure)
                if (
                    (not noun or contains_words(item.noun, noun))
                    and (places is None or places.matches(item.place))
                    and (not period or period_matches(figure.period, period, entry.year))
                ):
                    found.append(item)
        return found

    def nouns(self) -> list[str]:
        """The counted nouns of every figure, most frequent first (one spelling each)."""
        counts: dict[str, tuple[int, str]] = {}
        for extraction in self._extractions.values():
            for figure in extraction.figures:
                count, spelling = counts.get(fold(figure.noun), (0, figure.noun))
                counts[fold(figure.noun)] = (count + 1, spelling)
        return [spelling for _, spelling in sorted(counts.values(), key=lambda c: -c[0])]

    def detail(self, source: str) -> DirectiveDetail | None:
        """One document's identity, duties by body and referrers (None if not indexed)."""
        entry = self._by_source.get(source)
        return self._detail(entry) if entry else None

    def _detail(self, entry: DirectiveEntry) -> DirectiveDetail:
        duties = self._extractions[entry.document].duties
        key = directive_key(entry.number) if entry.number else ""
        namesakes = [e for e in self.entries if e.number and directive_key(e.number) == key]
        referrers = tuple(
            r
            for r in (self._referrers.get(key, []) if key else [])
            if r.directive.document != entry.document and entry in _meant(r, namesakes)
        )
        return DirectiveDetail(entry, group_duties(entry.document, duties), referrers)

    def _figure(self, entry: DirectiveEntry, figure: Figure) -> FigureEntry:
        text = self._documents[entry.document].text
        start, end = figure.sentence_start, figure.sentence_end
        if end <= start:
            start, end = figure.start, figure.end
        return FigureEntry(
            entry.document, entry.title, figure.value_text, figure.value, figure.noun,
            figure.unit, figure.total, figure.place or entry.place, figure.period,
            figure.comparison, figure.compared_to, figure.start, figure.end,
            text[start:end].strip(), start, end,
        )  # fmt: skip

    def _index_references(self) -> dict[str, list[Referrer]]:
        referrers: dict[str, list[Referrer]] = {}
        for entry in self.entries:
            references = self._extractions[entry.document].identity.references
            for reference in _unique(references):
                referrer = Referrer(entry, reference.relation, reference.start, reference.end)
                referrers.setdefault(directive_key(reference.number), []).append(referrer)
        return referrers


def group_duties(document: str, items: Iterable[DutyItem]) -> tuple[DutyGroup, ...]:
    """Duties grouped by owner body, bodies in order of first mention (spelling-insensitive)."""
    groups: dict[str, tuple[str, list[Duty]]] = {}
    for item in sorted(items, key=lambda d: d.start):
        duty = Duty(item.body, item.text, document, item.start, item.end, item.section,
                    item.co_bodies, item.deadline)  # fmt: skip
        for body in (item.body, *item.co_bodies):
            groups.setdefault(fold(body).strip(), (body, []))[1].append(duty)
    return tuple(DutyGroup(body, tuple(duties)) for body, duties in groups.values())


def figures_csv(figures: Sequence[FigureEntry]) -> str:
    """The figures as CSV text with a header row (`CSV_COLUMNS`), one figure a row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for figure in figures:
        row = [getattr(figure, column) for column in CSV_COLUMNS]
        writer.writerow("" if value is None else value for value in row)
    return out.getvalue()


def _entry(record: DocumentRecord, extraction: Extraction) -> DirectiveEntry:
    identity, meta = extraction.identity, record.metadata
    return DirectiveEntry(
        document=record.source,
        title=meta.title or record.source,
        kind=identity.kind or meta.kind,
        number=identity.number,
        issuer=identity.issuer,
        issued_on=identity.issued_on or meta.issued_on,
        signer=identity.signer,
        signer_title=identity.signer_title,
        subject=identity.subject,
        province=identity.province or meta.province,
        # The metadata's district only if it lies in the province the identity names.
        district=identity.district
        or (meta.district if identity.province in (None, meta.province) else None),
    )


def _meant(referrer: Referrer, namesakes: list[DirectiveEntry]) -> list[DirectiveEntry]:
    """Which of the documents sharing a number a reference to it means: not one issued
    after the referring document, and one of its own province when there is one."""
    by = referrer.directive
    earlier = [
        e for e in namesakes if not (e.issued_on and by.issued_on and e.issued_on > by.issued_on)
    ]
    local = [e for e in earlier if by.province and e.province == by.province]
    return local or earlier


def _mentions_all(entry: DirectiveEntry, words: str) -> bool:
    fields = (entry.number, entry.title, entry.subject, entry.issuer, entry.kind)
    return contains_words(" ".join(f for f in fields if f), words, whole_phrase=False)


def _unique(references: Iterable[DocumentReference]) -> list[DocumentReference]:
    """One reference per number (a plan names the directive it carries out many times)."""
    first: dict[str, DocumentReference] = {}
    for reference in references:
        first.setdefault(directive_key(reference.number), reference)
    return list(first.values())

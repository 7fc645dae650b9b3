"""How well the extractive answerer picks the answering sentence; prints figures.

    .venv/bin/python bench/answer_picker_bench.py [--failures N] [--only alqac|seeds]

ALQAC 2022 (JAIST, VNU-UET): the answerer gets the gold article alone, then the gold
article among the 4 others a throwaway BM25 ranks next (ordered by that BM25 score).
Questions are split by the parity of their number: even ones were looked at while the
answerer was written, odd ones were not.

Seeds: each news page is cut into paragraphs; the answerer gets the 5 paragraphs the
throwaway BM25 ranks first for each question of eval/dev.jsonl. Unaccented questions are
passed as typed (the pipeline restores them first).
"""

from __future__ import annotations

import argparse
import json
import math
import re
import statistics
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.answers import Answer
from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.passages import Passage
from index.metadata import extract_metadata
from index.records import DocumentMetadata
from index.vietnamese import TOKEN_RE, canonical, fold, has_diacritics

SHARED = Path(__file__).resolve().parents[2] / "shared"
if not SHARED.exists():
    SHARED = Path("/work/shared")
ALQAC = SHARED / "bench" / "alqac2022"


class Bm25:
    """Plain Okapi BM25 over canonical (or folded, for unaccented queries) syllables."""

    def __init__(self, texts: Sequence[str], k1: float = 1.5, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        self.docs = {
            form: [Counter(TOKEN_RE.findall(f(t))) for t in texts]
            for form, f in (("canonical", canonical), ("folded", fold))
        }
        self.lengths = [sum(c.values()) for c in self.docs["canonical"]]
        self.average = sum(self.lengths) / max(len(self.lengths), 1)
        self.df = {form: Counter(w for c in docs for w in c) for form, docs in self.docs.items()}

    def scores(self, query: str) -> list[float]:
        form = "canonical" if has_diacritics(query) else "folded"
        terms = TOKEN_RE.findall(canonical(query) if form == "canonical" else fold(query))
        n = len(self.lengths)
        result = []
        for counts, length in zip(self.docs[form], self.lengths, strict=True):
            score = 0.0
            for term in set(terms):
                tf = counts.get(term, 0)
                if tf:
                    idf = math.log(
                        1 + (n - self.df[form][term] + 0.5) / (self.df[form][term] + 0.5)
                    )
                    norm = tf + self.k1 * (1 - self.b + self.b * length / self.average)
                    score += idf * tf * (self.k1 + 1) / norm
            result.append(score)
        return result


def contains_all(answer: str, expected: Sequence[str]) -> bool:
    text = unicodedata.normalize("NFC", answer).casefold()
    return all(unicodedata.normalize("NFC", e).casefold() in text for e in expected)


@dataclass
class Tally:
    answers: list[tuple[dict, Answer]]
    milliseconds: list[float]

    def accuracy(self) -> float:
        return _share(contains_all(a.answer, q["answer_contains"]) for q, a in self.answers)

    def refusals(self) -> float:
        return _share(a.refused for _, a in self.answers)

    def mean_length(self) -> float:
        return statistics.mean(len(a.answer) for _, a in self.answers if not a.refused)


def _share(flags: Iterable[bool]) -> float:
    values = list(flags)
    return sum(values) / len(values) if values else float("nan")


def _run(answerer: ExtractiveAnswerer, items: list[tuple[dict, list[Passage]]]) -> Tally:
    tally = Tally([], [])
    for question, passages in items:
        began = time.perf_counter()
        answer = answerer.build(question["question"], passages)
        tally.milliseconds.append((time.perf_counter() - began) * 1000)
        tally.answers.append((question, answer))
    return tally


def _article_passage(source: str, text: str, score: float) -> Passage:
    lines = text.split("\n")
    meta = DocumentMetadata(title=lines[1].strip() if len(lines) > 1 else "", kind="luật")
    return Passage(f"{source}#0", source, text, 0, len(text), score, meta, heading=lines[0].strip())


def alqac_items(top: int, with_gold: bool = True) -> list[tuple[dict, list[Passage]]]:
    """Each question with its gold article alone (top=1), or with the articles the throwaway
    BM25 ranks next, ordered by that score; `with_gold=False` leaves the gold article out."""
    questions = [json.loads(line) for line in (ALQAC / "questions.jsonl").open(encoding="utf-8")]
    sources = sorted(p.name for p in (ALQAC / "documents").glob("*.txt"))
    texts = {
        s: unicodedata.normalize("NFC", (ALQAC / "documents" / s).read_text("utf-8"))
        for s in sources
    }
    bm25 = Bm25([texts[s] for s in sources]) if top > 1 else None
    items = []
    for question in questions:
        gold = question["sources"][0]
        if bm25 is None:
            items.append((question, [_article_passage(gold, texts[gold], 1.0)]))
            continue
        scores = dict(zip(sources, bm25.scores(question["question"]), strict=True))
        others = sorted((s for s in sources if s != gold), key=scores.__getitem__, reverse=True)
        picked = [gold, *others[: top - 1]] if with_gold else others[:top]
        chosen = sorted(picked, key=scores.__getitem__, reverse=True)
        high = max(scores[s] for s in chosen) or 1.0
        items.append((question, [_article_passage(s, texts[s], scores[s] / high) for s in chosen]))
    return items


def _paragraphs(source: str, text: str, meta: DocumentMetadata) -> list[Passage]:
    return [
        Passage(f"{source}#{i}", source, m.group(), m.start(), m.end(), 0.0, meta)
        for i, m in enumerate(re.finditer(r"[^\n]+", text))
        if len(m.group().strip()) > 40
    ]


def seed_items(top: int = 5) -> list[tuple[dict, list[Passage]]]:
    paragraphs: list[Passage] = []
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        text = unicodedata.normalize("NFC", path.read_text("utf-8"))
        meta = extract_metadata(text, path.name)
        paragraphs += _paragraphs(path.name, text, meta)
    bm25 = Bm25([p.text for p in paragraphs])
    items = []
    for line in (SHARED / "eval" / "dev.jsonl").open(encoding="utf-8"):
        question = json.loads(line)
        scores = bm25.scores(question["question"])
        order = sorted(range(len(paragraphs)), key=scores.__getitem__, reverse=True)[:top]
        high = scores[order[0]] or 1.0
        items.append((question, [_rescored(paragraphs[i], scores[i] / high) for i in order]))
    return items


def _rescored(passage: Passage, score: float) -> Passage:
    return Passage(
        passage.chunk_id,
        passage.source,
        passage.text,
        passage.start,
        passage.end,
        score,
        passage.metadata,
    )


def _number(question: dict) -> int:
    return int(re.sub(r"\D", "", question["id"]) or 0)


def report_alqac(answerer: ExtractiveAnswerer, failures: int) -> None:
    for label, top in (("gold article only", 1), ("gold + 4 BM25 neighbours", 5)):
        tally = _run(answerer, alqac_items(top))
        print(f"ALQAC 2022, {label}:")
        for half, parity in (("even (developed on)", 0), ("odd (held out)", 1), ("all", None)):
            part = Tally(
                [(q, a) for q, a in tally.answers if parity is None or _number(q) % 2 == parity], []
            )
            print(
                f"  {half:20s} n={len(part.answers):3d}  answer_accuracy={part.accuracy():.3f}"
                f"  refused={part.refusals():.3f}  mean_chars={part.mean_length():.0f}"
            )
        _latency(tally)
        _show_failures(tally, failures)
    # Retrieval that misses: the 5 nearest other articles, no gold. Refusing is right unless a
    # neighbour happens to state the same rule.
    tally = _run(answerer, alqac_items(5, with_gold=False))
    print("ALQAC 2022, gold article left out (5 BM25 neighbours only):")
    print(f"  refused={tally.refusals():.3f}  answered and still correct={tally.accuracy():.3f}")


def report_seeds(answerer: ExtractiveAnswerer, failures: int) -> None:
    tally = _run(answerer, seed_items())
    answerable = [(q, a) for q, a in tally.answers if q["answerable"]]
    unanswerable = [(q, a) for q, a in tally.answers if not q["answerable"]]
    answered = [(q, a) for q, a in answerable if not a.refused]
    print("Seeds (dev.jsonl, top-5 BM25 paragraphs):")
    correct = [contains_all(a.answer, q["answer_contains"]) for q, a in answerable]
    print(f"  answer_accuracy   = {_share(correct):.3f}")
    print(f"  refusal_accuracy  = {_share(a.refused for _, a in unanswerable):.3f}")
    print(f"  false_refusal     = {_share(a.refused for _, a in answerable):.3f}")
    first = [bool(a.citations) and a.citations[0].document in q["sources"] for q, a in answered]
    print(f"  citation_accuracy = {_share(first):.3f} (first citation in sources, answered)")
    for q, a in tally.answers:
        if q["id"] in ("d13", "d25"):  # typed without diacritics, passed as typed
            verdict = "correct" if contains_all(a.answer, q["answer_contains"]) else "WRONG"
            print(f"  unaccented {q['id']}: {verdict}{' (refused)' if a.refused else ''}")
    _latency(tally)
    _show_failures(tally, failures)


def _latency(tally: Tally) -> None:
    ms = sorted(tally.milliseconds)
    p95 = ms[int(0.95 * (len(ms) - 1))]
    print(f"  ms per answer: mean={statistics.mean(ms):.1f} p95={p95:.1f}")


def _show_failures(tally: Tally, limit: int) -> None:
    shown = 0
    for question, answer in tally.answers:
        wrong = (answer.refused != (not question.get("answerable", True))) or (
            question.get("answerable", True)
            and not contains_all(answer.answer, question["answer_contains"])
        )
        if wrong and shown < limit:
            shown += 1
            print(f"  - {question['id']}: {question['question']}")
            print(f"    gold: {question['answer_contains']}  sources: {question['sources']}")
            print(f"    got:  {answer.answer[:400]!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--failures", type=int, default=0, help="print this many failures per set")
    parser.add_argument("--only", choices=("alqac", "seeds"), help="run one set only")
    args = parser.parse_args()
    answerer = ExtractiveAnswerer()
    if args.only in (None, "alqac"):
        report_alqac(answerer, args.failures)
    if args.only in (None, "seeds"):
        report_seeds(answerer, args.failures)


if __name__ == "__main__":
    main()

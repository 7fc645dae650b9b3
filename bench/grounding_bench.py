"""The faithfulness guard on faithful and on unfaithful answers, and what it costs.

    .venv/bin/python bench/grounding_bench.py [--corpus police-dev] [--half check|fit|all]

For each question the extractive answer (quotes with [n] citations) is reworded the ways a
model rewords (thousands separators dropped, dates spelled out, tone marks placed the other
way, a lead-in, a few everyday synonyms), figures kept, and given to the LLM answerer
through LangChain's fake chat model over the passages it cites: it should come out
`verified`. The same rewording with one figure changed must not. Prints both rates and
the guard's own time per answer (the target: under 5 ms).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import numpy as np
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from answer_types_bench import CORPORA, run_corpus  # noqa: E402

from assistant.answers import Answer  # noqa: E402
from assistant.citations import MARKER_RE  # noqa: E402
from assistant.claim_stream import split_claims  # noqa: E402
from assistant.grounding import Guard, PassageFacts, check_sentence, shown_text  # noqa: E402
from assistant.llm_answerer import SYSTEM_PROMPT, LLMAnswerer  # noqa: E402
from assistant.passages import Passage  # noqa: E402
from assistant.split import half_of  # noqa: E402
from index.records import DocumentMetadata  # noqa: E402

# Everyday rewordings, invented: none quotes a benchmark question.
SYNONYMS = {"toàn tỉnh": "cả tỉnh", "khoảng": "chừng", "trên địa bàn": "tại",
            "đồng thời": "cùng lúc", " đã ": " ", "nhằm": "để"}  # fmt: skip
TONE_SWAPS = {"oà": "òa", "oá": "óa", "oả": "ỏa", "oạ": "ọa", "uỷ": "ủy", "uý": "úy"}
_DATE_RE = re.compile(r"\bngày (\d{1,2})/(\d{1,2})/(\d{4})")
_THOUSANDS_RE = re.compile(r"(?<=\d)\.(?=\d{3}(?!\d))")
_FIGURE_RE = re.compile(r"\d+(?:[.,]\d+)*")
_ITEM_RE = re.compile(r"(?<![^\n])\d{1,2}[.)]\s")  # "2. " opening a line


def passages_cited(answer: Answer) -> tuple[list[Passage], dict[int, int]]:
    """The passages an answer's citations point into, numbered as a model is shown them,
    and the citation number -> passage number map."""
    passages: list[Passage] = []
    numbers: dict[int, int] = {}
    for c in answer.citations:
        key = (c.document, c.passage_start)
        found = [i for i, p in enumerate(passages, 1) if (p.source, p.start) == key]
        if not found:
            meta = DocumentMetadata(title=c.title, issued_on=c.date, province=c.locality)
            chunk_id = f"{c.document}#{c.passage_start}"
            passage = Passage(
                chunk_id, c.document, c.passage, c.passage_start, c.passage_end, c.score, meta
            )
            passages.append(passage)
            found = [len(passages)]
        numbers[c.n] = found[0]
    return passages, numbers


def reword(text: str, numbers: dict[int, int]) -> str:
    """The answer as a model might write it, citing passages by the numbers it was shown."""
    text = MARKER_RE.sub(
        lambda m: "".join(f"[{numbers.get(int(n), 0)}]" for n in re.findall(r"\d+", m[0])), text
    )
    text = re.sub(r"[«»“”\"]|…|\.\.\.", "", text)
    text = _DATE_RE.sub(lambda m: f"ngày {int(m[1])} tháng {int(m[2])} năm {m[3]}", text)
    text = _THOUSANDS_RE.sub("", text)
    for old, new in (*SYNONYMS.items(), *TONE_SWAPS.items()):
        text = text.replace(old, new)
    return f"Theo tài liệu, {text[:1].lower()}{text[1:]}" if text[:1].isupper() else text


def change_a_figure(text: str) -> str | None:
    """The text with its longest figure changed in its last digit (None: it has none);
    a list item's own number ("2.") is not a figure."""
    bare = MARKER_RE.sub(lambda m: "#" * len(m[0]), text)
    found = [m for m in _FIGURE_RE.finditer(bare) if not _ITEM_RE.match(bare, m.start())]
    if not found:
        return None
    match = max(found, key=lambda m: len(m.group()))
    figure = match.group()
    changed = figure[:-1] + str((int(figure[-1]) + 3) % 10)
    return text[: match.start()] + changed + text[match.end() :]


def guarded(question: str, reply: str, passages: list[Passage]) -> Answer:
    model = GenericFakeChatModel(messages=iter([AIMessage(reply)]))
    return LLMAnswerer(model, "fake").build(question, passages)


def why(result: Answer, passages: list[Passage]) -> list[str]:
    """Why each left-out sentence failed, checked against every passage given (a sentence
    waiting for a later marker was judged against that marker's passages only)."""
    facts = [PassageFacts(shown_text(p)) for p in passages]
    return [f"{check_sentence(s, facts)}: {s[:80]}" for s in result.unsupported]


def guard_ms(question: str, reply: str, passages: list[Passage]) -> float:
    """The guard's CPU time on one answer: this machine's 2 cores are shared, so wall-clock
    time would measure the neighbours."""
    started = time.thread_time()
    guard = Guard(passages, asked=f"{question}\n{SYSTEM_PROMPT}")
    for claim in split_claims(reply):
        guard.check(claim)
    return (time.thread_time() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default="police-dev", choices=sorted(CORPORA))
    parser.add_argument("--half", default="all", choices=["fit", "check", "all"])
    parser.add_argument("--show", type=int, default=0, help="print this many failures")
    args = parser.parse_args()
    outcomes = run_corpus(*CORPORA[args.corpus])
    verified, caught, changed, timings, shown = 0, 0, 0, [], 0
    answered = []
    for outcome in outcomes:
        q, answer = outcome.question, outcome.answer
        if answer is None or answer.refused or not answer.citations:
            continue
        if args.half != "all" and half_of(q.id, q.sources) != args.half:
            continue
        answered.append(q.id)
        passages, numbers = passages_cited(answer)
        reply = reword(answer.answer, numbers)
        result = guarded(q.question, reply, passages)
        timings.append(guard_ms(q.question, reply, passages))
        if result.grounding == "verified":
            verified += 1
        elif shown < args.show:
            shown += 1
            print(f"-- {q.id} {result.grounding}: {why(result, passages)}\n   {reply}\n")
        if (invented := change_a_figure(reply)) is not None:
            changed += 1
            missed = guarded(q.question, invented, passages).grounding == "verified"
            caught += not missed
            if missed and shown < args.show:
                shown += 1
                print(f"-- {q.id} changed figure verified:\n   {invented}\n")
    n = len(answered)
    print(f"{args.corpus} ({args.half}): {n} extractive answers reworded")
    print(f"  faithful rewording verified   {verified}/{n} = {verified / max(n, 1):.1%}")
    print(f"  one figure changed, caught    {caught}/{changed} = {caught / max(changed, 1):.1%}")
    p50, p95 = np.percentile(timings, [50, 95]) if timings else (0.0, 0.0)
    print(f"  guard CPU time per answer     p50 {p50:.2f} ms  p95 {p95:.2f} ms")


if __name__ == "__main__":
    main()

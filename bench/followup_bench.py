"""Follow-up questions replayed as conversations: the standalone question and the last answer.

    .venv/bin/python bench/followup_bench.py [--questions FILE] [--only ID ...] [--show] [--restore]

Without --restore the assistant is the one `build_assistant` wires; with it, its rule condenser
is given the index's diacritic restorer (`RuleCondenser(restore=...)`).

Conversation-set format (JSON Lines, one conversation a line)::

    {"id": "c01",
     "turns": [{"question": "Tỉnh A có bao nhiêu tổ hòa giải?"},
               {"question": "Còn huyện B thì sao?",
                "standalone_contains": ["huyện B", "tổ hòa giải"]}],
     "final": {"answerable": true, "sources": ["b.txt"], "answer_contains": ["243"]}}

- `turns`: the questions in the order asked; each is sent to `Assistant.ask` with the
  exchanges before it as history, in the shape the HTTP API passes on
  (`[{"role": "user", ...}, {"role": "assistant", ...}]`).
- `standalone_contains` (follow-up turns, optional): what the standalone question must carry,
  written with diacritics: the new place, period or document and the previous question's
  counted noun.
- `final`: graded on the last turn as in the question-set format of the shared README
  (answer_contains after NFC and case-folding; an unanswerable final turn must be refused).

The documents are the seeds (`documents/`) and the fit half of police-dev named in `FIT`,
copied into one folder under data/bench/followups/ (never modified in place); the index is the
one `policy-assistant eval` would keep for that folder. Before running, every answer_contains
string is checked to occur in one of its sources.

Printed: for follow-up turns, how many standalone questions carry every expected string
written with diacritics ("carries"), carry them only once diacritics are ignored
("carries folded"), mix accented with unaccented words ("mixed": a word the corpus's
diacritic restorer would still change beside words typed with diacritics); for final turns,
answer accuracy (answerable), refusal accuracy (unanswerable), overall; then the failures.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from assistant.answers import Answer  # noqa: E402
from assistant.commands import sync_index  # noqa: E402
from assistant.conversation import RuleCondenser  # noqa: E402
from assistant.evaluation import EvalQuestion, eval_data_dir, is_correct  # noqa: E402
from assistant.live_index import IndexService  # noqa: E402
from assistant.pipeline import Assistant, build_assistant  # noqa: E402
from assistant.settings import Settings  # noqa: E402
from index.restore import DiacriticRestorer  # noqa: E402
from index.vietnamese import WORD_RE, fold_syllable, nfc  # noqa: E402

SHARED_DOCUMENTS = REPO.parent / "shared" / "bench" / "police-dev" / "documents"
FIT = (
    "bao-cao-cong-an-huyen-tam-duong-6-thang-dau-nam-2019.txt",
    "bao-cao-cong-an-lang-son-tong-ket-nam-2022.html",
    "bao-cao-ubnd-hoa-binh-antt-6-thang-dau-nam-2023.txt",
    "chi-thi-thanh-uy-ha-noi-25-ct-tu-2023-pccc.txt",
    "chi-thi-ubnd-lai-chau-06-ct-ubnd-2021-trat-tu-atgt.txt",
    "chi-thi-ubnd-thanh-hoa-13-ct-ubnd-2025-antt-tet-binh-ngo.txt",
    "ke-hoach-nghe-an-695-kh-ubnd-xa-phuong-khong-ma-tuy.txt",
    "ke-hoach-ninh-binh-61-kh-ubnd-ma-tuy-thanh-thieu-nien.txt",
    "ke-hoach-vinh-phuc-33-kh-ubnd-trat-tu-atgt-2019.txt",
    "tin-ha-giang-mo-hinh-tu-quan-antt-vung-bien.txt",
    "tin-hoa-binh-1482-to-bao-ve-an-ninh-trat-tu.txt",
    "tin-phu-tho-muc-ho-tro-to-bao-ve-an-ninh-trat-tu-2024.html",
    "tin-thanh-hoa-ra-mat-luc-luong-bao-ve-antt-co-so-2024.txt",
)
DOCUMENTS = REPO / "data" / "bench" / "followups" / "documents"
QUESTIONS = REPO / "bench" / "followups" / "police-dev-fit.jsonl"


@dataclass
class Turn:
    question: str
    standalone_contains: tuple[str, ...] = ()
    standalone: str = ""
    answer: Answer | None = None


@dataclass
class Conversation:
    id: str
    turns: list[Turn]
    final: EvalQuestion
    problems: list[str] = field(default_factory=list)


def load(path: Path) -> list[Conversation]:
    conversations = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        raw = json.loads(line)
        turns = [Turn(t["question"], tuple(t.get("standalone_contains", ()))) for t in raw["turns"]]
        final = raw["final"]
        question = EvalQuestion(
            raw["id"],
            turns[-1].question,
            bool(final.get("answerable", True)),
            tuple(final.get("sources", ())),
            tuple(final.get("answer_contains", ())),
        )
        conversations.append(Conversation(raw["id"], turns, question))
    return conversations


def prepare_documents() -> None:
    """Seeds and the fit documents in one folder, copied (and refreshed) from their origin."""
    DOCUMENTS.mkdir(parents=True, exist_ok=True)
    origins = [*sorted((REPO / "documents").iterdir()), *(SHARED_DOCUMENTS / n for n in FIT)]
    for origin in origins:
        copy = DOCUMENTS / origin.name
        if not copy.exists() or copy.read_bytes() != origin.read_bytes():
            shutil.copyfile(origin, copy)


def check_gold(conversations: list[Conversation]) -> list[str]:
    """Every answer_contains string occurs in one of the final turn's sources."""
    errors = []
    for conversation in conversations:
        final = conversation.final
        texts = [nfc((DOCUMENTS / s).read_text(encoding="utf-8")).casefold() for s in final.sources]
        for expected in final.answer_contains:
            if not any(nfc(expected).casefold() in text for text in texts):
                errors.append(f"{conversation.id}: {expected!r} not in {list(final.sources)}")
    return errors


def _folded(text: str) -> str:
    return " ".join(fold_syllable(w) for w in WORD_RE.findall(nfc(text).lower()))


def is_mixed(text: str, restorer: DiacriticRestorer) -> bool:
    """Words typed with diacritics beside words the restorer would still give them."""
    words = WORD_RE.findall(nfc(text))
    accented = any(fold_syllable(w) != w.lower() for w in words)
    restored = WORD_RE.findall(restorer.restore(text))
    changed = any(a.lower() != b.lower() for a, b in zip(words, restored, strict=False))
    return accented and changed


def replay(assistant: Assistant, conversation: Conversation) -> None:
    history: list[dict[str, str]] = []
    for turn in conversation.turns:
        turn.answer = assistant.ask(turn.question, history or None)
        turn.standalone = turn.answer.standalone_question or turn.question
        history += [
            {"role": "user", "content": turn.question},
            {"role": "assistant", "content": turn.answer.answer},
        ]


def grade(conversation: Conversation, restorer: DiacriticRestorer) -> dict[str, bool]:
    """Per-conversation marks; failures are written into `conversation.problems`."""
    marks = {"carries": True, "carries_folded": True, "mixed": False}
    for turn in conversation.turns[1:]:
        text = nfc(turn.standalone).casefold()
        missing = [e for e in turn.standalone_contains if nfc(e).casefold() not in text]
        folded_missing = [e for e in turn.standalone_contains if _folded(e) not in _folded(text)]
        mixed = is_mixed(turn.standalone, restorer)
        if missing or mixed:
            marks["carries"] = False
            note = f"missing {missing}" if missing else ""
            conversation.problems.append(
                f"standalone {turn.standalone!r}: {note}{' mixed' if mixed else ''}"
            )
        marks["carries_folded"] &= not folded_missing
        marks["mixed"] |= mixed
    answer = conversation.turns[-1].answer
    assert answer is not None
    marks["correct"] = is_correct(conversation.final, answer)
    if not marks["correct"]:
        head = answer.answer[:160].replace("\n", " ")
        refused = " (refused)" if answer.refused else ""
        conversation.problems.append(f"answer{refused}: {head!r}")
    return marks


def share(marks: list[bool]) -> str:
    return f"{sum(marks)}/{len(marks)} = {sum(marks) / len(marks):.2f}" if marks else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, default=QUESTIONS)
    parser.add_argument("--only", nargs="+", help="conversation ids to run")
    parser.add_argument("--show", action="store_true", help="print every turn")
    parser.add_argument("--restore", action="store_true", help="condense with the restorer")
    args = parser.parse_args()
    prepare_documents()
    conversations = load(args.questions)
    if args.only:
        conversations = [c for c in conversations if c.id in args.only]
    if errors := check_gold(conversations):
        sys.exit("gold strings not in their sources:\n" + "\n".join(errors))
    settings = Settings().with_overrides(
        documents={"documents_dir": DOCUMENTS},
        index={"data_dir": eval_data_dir(DOCUMENTS, REPO / "data")},
    )
    service = IndexService(settings)
    sync_index(service, quiet=True)
    assistant = build_assistant(settings, service)
    restorer = service.snapshot().restorer
    if args.restore:
        assistant.condenser = RuleCondenser(restore=restorer.restore)
    results = []
    for conversation in conversations:
        replay(assistant, conversation)
        results.append((conversation, grade(conversation, restorer)))
        if args.show:
            for turn in conversation.turns:
                print(f"{conversation.id}  {turn.question}  ->  {turn.standalone}")
    answerable = [m["correct"] for c, m in results if c.final.answerable]
    unanswerable = [m["correct"] for c, m in results if not c.final.answerable]
    print(f"conversations {len(results)} ({len(answerable)} answerable)")
    rows = {
        "standalone carries (with diacritics, no mix)": [m["carries"] for _, m in results],
        "standalone carries (diacritics ignored)": [m["carries_folded"] for _, m in results],
        "standalone mixed": [m["mixed"] for _, m in results],
        "answer accuracy (answerable final turns)": answerable,
        "refusal accuracy (unanswerable final turns)": unanswerable,
        "final turn correct": [m["correct"] for _, m in results],
    }
    for label, marks in rows.items():
        print(f"{label:<45} {share(marks)}")
    for conversation, _ in results:
        for problem in conversation.problems:
            print(f"  {conversation.id}: {problem}")


if __name__ == "__main__":
    main()

"""How well and how fast the diacritic restorer puts the accents back on unaccented questions.

Builds the restorer from a documents folder, restores each unaccented question and compares it,
syllable by syllable in canonical form, with the question as written with diacritics.

    .venv/bin/python bench/restore_bench.py            # ALQAC 2022 and the seed documents
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from index.restore import DiacriticRestorer
from index.vietnamese import (
    WORD_RE,
    canonical_syllable,
    fold_syllable,
    looks_unaccented,
)

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _questions(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line)["question"] for line in lines if line.strip()]


def _syllables(text: str) -> list[str]:
    return [canonical_syllable(w) for w in WORD_RE.findall(text)]


def _strip_marks(text: str) -> str:
    """The text as typed without diacritics, case kept ("Điện Biên" -> "Dien Bien")."""

    def strip(word: str) -> str:
        folded = fold_syllable(word)
        return "".join(f.upper() if w.isupper() else f for w, f in zip(word, folded, strict=True))

    return WORD_RE.sub(lambda m: strip(m.group()), text)


def measure(name: str, documents: Path, accented: list[str], unaccented: list[str]) -> None:
    """Print accuracy and timing of restoring `unaccented` against `accented`."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(documents.glob("*.txt"))]
    started = time.perf_counter()
    restorer = DiacriticRestorer.from_texts(texts)
    build_s = time.perf_counter() - started
    size_kb = len(restorer.to_bytes()) / 1024
    restorer.restore(unaccented[0])  # warm caches before timing
    right = total = exact = 0
    timings, wrong = [], []
    for gold, typed in zip(accented, unaccented, strict=True):
        started = time.perf_counter()
        restored = restorer.restore(typed)
        timings.append((time.perf_counter() - started) * 1000)
        pairs = list(zip(_syllables(gold), _syllables(restored), strict=True))
        hits = sum(g == r for g, r in pairs)
        right, total, exact = right + hits, total + len(pairs), exact + (hits == len(pairs))
        wrong += [(g, r) for g, r in pairs if g != r]
    timings.sort()
    print(f"== {name}: {len(texts)} documents, {len(unaccented)} questions")
    print(f"build {build_s:.2f} s, model {size_kb:.0f} KiB")
    print(
        f"syllable accuracy {right / total:.2%} ({right}/{total}), "
        f"exact questions {exact / len(accented):.2%} ({exact}/{len(accented)})"
    )
    print(
        f"ms/question mean {statistics.mean(timings):.2f}, "
        f"p95 {timings[int(0.95 * (len(timings) - 1))]:.2f}"
    )
    common = sorted({p: wrong.count(p) for p in set(wrong)}.items(), key=lambda x: -x[1])[:15]
    print(
        "most frequent errors (gold -> restored):",
        ", ".join(f"{g}->{r} x{n}" for (g, r), n in common),
    )


def main() -> None:
    alqac = SHARED / "bench" / "alqac2022"
    measure(
        "ALQAC 2022",
        alqac / "documents",
        _questions(alqac / "questions.jsonl"),
        _questions(alqac / "questions-unaccented.jsonl"),
    )
    dev = _questions(SHARED / "eval" / "dev.jsonl")
    # The dev set is mostly accented: strip the marks of those to get their unaccented twins.
    accented = [q for q in dev if not looks_unaccented(q)]
    seeds = SHARED / "seeds"
    measure("seed documents, dev questions", seeds, accented, [_strip_marks(q) for q in accented])
    restorer = DiacriticRestorer.from_texts(p.read_text(encoding="utf-8") for p in seeds.glob("*"))
    for question in dev:
        if looks_unaccented(question):
            print(f"  {question}\n  -> {restorer.restore(question)}")


if __name__ == "__main__":
    main()

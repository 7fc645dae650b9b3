"""Run every benchmark in turn (what `make bench` does); each prints its own figures."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
ALQAC = REPO.parent / "shared" / "bench" / "alqac2022"

STEPS = [
    ["bench/retrieval_bench.py"],
    ["-m", "assistant", "eval", "--documents", str(ALQAC / "documents"),
     "--questions", str(ALQAC / "questions.jsonl")],
    ["-m", "assistant", "eval", "--documents", str(ALQAC / "documents"),
     "--questions", str(ALQAC / "questions-unaccented.jsonl")],
    ["-m", "assistant", "eval", "--documents", "documents",
     "--questions", str(REPO.parent / "shared" / "eval" / "dev.jsonl")],
    ["bench/restore_bench.py"],
    ["bench/answer_picker_bench.py"],
    ["bench/dump_passages.py"],
    ["bench/answer_dump_bench.py"],
    ["bench/api_bench.py"],
    ["bench/context_prefix_bench.py"],
    ["bench/index_bench.py"],  # last: it embeds ALQAC from scratch (~8 min)
]  # fmt: skip


def main() -> int:
    failed = 0
    for step in STEPS:
        print(f"\n$ python {' '.join(step)}", flush=True)
        failed += subprocess.run([sys.executable, *step], cwd=REPO).returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

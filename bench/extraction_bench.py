"""Extraction at index time against hand-checked gold, per half of police-dev.

    .venv/bin/python bench/extraction_bench.py [documents_dir]

Gold: tests/fixtures/extraction/identity-duties.json (guide beside it). Each document is run
through the real loader, cleaner and extractor. One function per extractor prints its figures
(duties: precision/recall; identity: exact-match accuracy per field), for the fit and the check
half alike (`assistant.split.half_of_key`).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from assistant.split import HALVES, half_of_key  # noqa: E402
from index.extraction import Extraction, extract  # noqa: E402
from index.extraction.bodies import body_key  # noqa: E402
from index.loaders import load_file  # noqa: E402
from index.metadata import directive_key, prepare_document  # noqa: E402
from index.vietnamese import fold  # noqa: E402

FIXTURES = REPO / "tests" / "fixtures" / "extraction"
DOCUMENTS = REPO.parent / "shared" / "bench" / "police-dev" / "documents"
IDENTITY_FIELDS = ("kind", "number", "issuer", "issued_on", "signer")

Gold = dict[str, dict]  # document name -> its gold entry
Run = dict[str, tuple[str, Extraction]]  # document name -> (cleaned text, extraction)


def load_gold(path: Path) -> Gold:
    """Every annotated document of a gold file, whichever half it is filed under."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {**data.get("fit_half", {}), **data.get("check_half", {})}


def run_extractor(names: list[str], documents: Path) -> Run:
    run = {}
    for name in names:
        document = prepare_document(load_file(documents / name, name))
        run[name] = (document.text, extract(document))
    return run


def _norm(field: str, value: str | None) -> str | None:
    if value is None:
        return None
    if field == "number":
        return directive_key(value)
    if field == "issuer":
        return body_key(value)
    return fold(value).strip()


def _same_deadline(gold: str | None, found: str | None) -> bool:
    if gold is None or found is None:
        return gold == found
    a, b = fold(gold), fold(found)
    return a in b or b in a


def duty_scores(gold: Gold, run: Run, names: list[str]) -> dict[str, float]:
    """Precision and recall of duty items; co_bodies and deadline agreement among matches."""
    extracted = matched = total = co_ok = deadline_ok = 0
    for name in names:
        text, extraction = run[name]
        found = list(extraction.duties)
        extracted += len(found)
        for item in gold[name]["duties"]:
            total += 1
            at = text.find(item["snippet"])
            span = (at, at + len(item["snippet"]))
            hit = next(
                (
                    d
                    for d in found
                    if d.start < span[1]
                    and span[0] < d.end
                    and body_key(d.body) == body_key(item["body"])
                ),
                None,
            )
            if hit is None:
                print(f"    missed {name}: {item['body']!r} {item['snippet'][:40]!r}")
                continue
            found.remove(hit)
            matched += 1
            co_ok += {body_key(b) for b in hit.co_bodies} == {
                body_key(b) for b in item["co_bodies"]
            }
            deadline_ok += _same_deadline(item["deadline"], hit.deadline)
        for d in found:
            print(f"    extra  {name}: {d.body!r} {d.text[:40]!r}")
    return {
        "gold": total,
        "extracted": extracted,
        "precision": matched / extracted if extracted else 1.0,
        "recall": matched / total if total else 1.0,
        "co_bodies": co_ok / matched if matched else 1.0,
        "deadline": deadline_ok / matched if matched else 1.0,
    }


def identity_scores(gold: Gold, run: Run, names: list[str]) -> dict[str, float]:
    """Exact-match accuracy of each identity field (after normalisation; null == null)."""
    scores = {}
    for field in IDENTITY_FIELDS:
        right = 0
        for name in names:
            want = _norm(field, gold[name]["identity"][field])
            got = _norm(field, getattr(run[name][1].identity, field))
            right += want == got
            if want != got:
                print(f"    {field} {name}: gold {want!r}, got {got!r}")
        scores[field] = right / len(names) if names else 1.0
    return scores


# One entry per extractor: its gold file and its scoring function; figures are added here.
SECTIONS: dict[str, tuple[str, Callable[[Gold, Run, list[str]], dict[str, float]]]] = {
    "duties": ("identity-duties.json", duty_scores),
    "identity": ("identity-duties.json", identity_scores),
}


def main(documents: Path = DOCUMENTS) -> None:
    for section, (gold_file, score) in SECTIONS.items():
        path = FIXTURES / gold_file
        if not path.exists():
            print(f"{section}: no gold file {path.name}")
            continue
        gold = load_gold(path)
        run = run_extractor(sorted(gold), documents)
        for half in HALVES:
            names = [name for name in sorted(gold) if half_of_key(name) == half]
            print(f"{section} [{half}, {len(names)} documents]")
            figures = score(gold, run, names)
            print(
                "  "
                + "  ".join(
                    f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}"
                    for k, v in figures.items()
                )
            )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DOCUMENTS)

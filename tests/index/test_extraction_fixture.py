"""The hand-checked gold of identity and duties is well-formed and points into the documents."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from assistant.split import half_of_key
from index.loaders import load_file
from index.metadata import prepare_document

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "fixtures" / "extraction" / "identity-duties.json"
DOCUMENTS = ROOT.parent / "shared" / "bench" / "police-dev" / "documents"
IDENTITY_FIELDS = {"kind", "number", "issuer", "issued_on", "signer"}
DUTY_FIELDS = {"body", "co_bodies", "snippet", "deadline"}

gold = json.loads(GOLD.read_text(encoding="utf-8"))
entries = [
    (half, name, entry) for half in ("fit_half", "check_half") for name, entry in gold[half].items()
]


@cache
def cleaned(name: str) -> str:
    return prepare_document(load_file(DOCUMENTS / name, name)).text


def test_each_document_is_filed_under_its_half() -> None:
    for half, name, _ in entries:
        assert half == f"{half_of_key(name)}_half", name
    assert (ROOT / "tests" / "fixtures" / "extraction" / gold["guide"]).exists()


@pytest.mark.parametrize(("half", "name", "entry"), entries, ids=[name for _, name, _ in entries])
def test_an_entry_is_well_formed(half: str, name: str, entry: dict) -> None:
    assert set(entry) == {"identity", "duties"}
    assert set(entry["identity"]) == IDENTITY_FIELDS
    issued_on = entry["identity"]["issued_on"]
    assert issued_on is None or (len(issued_on) == 10 and issued_on[4] == issued_on[7] == "-")
    for duty in entry["duties"]:
        assert set(duty) == DUTY_FIELDS
        assert duty["body"] and isinstance(duty["co_bodies"], list)


@pytest.mark.skipif(not DOCUMENTS.is_dir(), reason="police-dev documents not present")
@pytest.mark.parametrize(("half", "name", "entry"), entries, ids=[name for _, name, _ in entries])
def test_snippets_occur_once_in_the_cleaned_document(half: str, name: str, entry: dict) -> None:
    text = cleaned(name)
    for duty in entry["duties"]:
        assert text.count(duty["snippet"]) == 1, duty["snippet"]
        if duty["deadline"]:
            at = text.index(duty["snippet"])
            paragraph_end = text.find("\n", at)
            assert duty["deadline"] in text[at : paragraph_end if paragraph_end > 0 else None]

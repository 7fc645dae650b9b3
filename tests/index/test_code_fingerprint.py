"""An index is rebuilt (or read again) when any code behind it changes, helpers included."""

from __future__ import annotations

from pathlib import Path

import pytest

from index import code_fingerprint
from index.builder import CHUNKING_CODE
from index.code_fingerprint import code_digest, modules_behind
from index.extraction_sync import extraction_code


def test_a_helper_the_cleaner_calls_is_part_of_the_chunking_code() -> None:
    behind = modules_behind(CHUNKING_CODE)
    # cleaning reads space-aligned tables through a helper module of its own
    assert {"index.cleaning", "index.aligned_tables", "index.vietnamese"} <= set(behind)
    assert "index.embedders" not in behind  # vectors have their own fingerprint


def test_a_module_only_a_constant_is_imported_from_is_part_of_the_code() -> None:
    # extraction imports a table of abbreviations, no function or class, from its module
    assert "index.abbreviations" in modules_behind(extraction_code())


def test_the_digest_changes_with_the_data_the_code_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    places = tmp_path / "places.json"
    monkeypatch.setitem(code_fingerprint.MODULE_DATA, "index.gazetteer", (places,))
    places.write_bytes(b"places")
    before = code_digest(CHUNKING_CODE)
    places.write_bytes(b"other places")
    assert before != code_digest(CHUNKING_CODE)
    assert code_digest(CHUNKING_CODE) == code_digest(CHUNKING_CODE)
    # extraction reads places through the metadata reader: its digest follows them too
    assert "index.gazetteer" in modules_behind(extraction_code())

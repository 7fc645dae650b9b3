"""The command line as a user runs it: a real process, real files, real index."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from index.data_dir import DataDir
from tests.conftest import REPO, SEEDS, SHARED
from tests.fakes import FakeOpenAIServer
from tests.fakes.openai_server import MODEL

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory: pytest.TempPathFactory, embedding_cache: Path) -> dict[str, str]:
    data_dir = tmp_path_factory.mktemp("cli-data")
    return {
        **os.environ,
        "PA_DATA_DIR": str(data_dir),
        "PA_DOCUMENTS_DIR": str(SEEDS),
        "PA_EMBEDDING_CACHE_DIR": str(embedding_cache),
        "PA_LLM": "extractive",
    }


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip


def test_index_then_reindex_with_nothing_changed(cli_env: dict[str, str]) -> None:
    first = run(cli_env, "index")
    assert first.returncode == 0, first.stderr
    again = run(cli_env, "index")
    assert again.returncode == 0
    assert "0 added, 0 updated, 0 removed, 5 unchanged" in again.stdout


def test_search_prints_passages_as_json(cli_env: dict[str, str]) -> None:
    result = run(cli_env, "search", "so doi dan phong dien bien", "--json", "--top-k", "3")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["restored_query"]  # typed without diacritics: the restored form is shown
    assert len(data["passages"]) == 3
    assert {"document", "score", "start", "end", "text", "title"} <= set(data["passages"][0])


def test_ask_answers_with_a_citation(cli_env: dict[str, str]) -> None:
    result = run(cli_env, "ask", "Giám đốc Công an tỉnh Hà Tĩnh là ai?", "--json")
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert not answer["refused"] and "[1]" in answer["answer"]
    citation = answer["citations"][0]
    document = (SEEDS / citation["document"]).read_text(encoding="utf-8")
    assert citation["quote"] in document


def test_eval_reports_the_metrics(cli_env: dict[str, str], tmp_path: Path) -> None:
    questions = tmp_path / "questions.jsonl"
    rows = [
        {"id": "a", "question": "Giám đốc Công an tỉnh Hà Tĩnh là ai?", "answerable": True,
         "sources": ["004_ce0963b2a695d143.txt"], "answer_contains": ["Nguyễn Hồng Phong"]},
        {"id": "b", "question": "Giá vàng hôm nay bao nhiêu?", "answerable": False,
         "sources": [], "answer_contains": []},
    ]  # fmt: skip
    questions.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n")
    data_dir = tmp_path / "eval-data"
    result = run(cli_env, "eval", "--documents", str(SEEDS), "--questions", str(questions),
                 "--data-dir", str(data_dir), "--json")  # fmt: skip
    assert result.returncode == 0, result.stderr
    metrics = json.loads(result.stdout)
    assert metrics["questions"] == 2
    for key in ("recall@1", "recall@5", "mrr@10", "answer_accuracy", "refusal_accuracy",
                "false_refusal_rate", "citation_accuracy", "answer_chars_mean"):  # fmt: skip
        assert 0 <= metrics[key] <= 1 or key == "answer_chars_mean", key
    assert set(metrics["latency_ms"]) == {"p50", "p95"}
    assert metrics["recall@1"] == 1.0 and metrics["refusal_accuracy"] == 1.0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["eval", "--documents", str(SEEDS), "--questions", "/nonexistent.jsonl"],
         "question file not found"),
        (["index", "--documents", "/nonexistent-folder"], "documents folder not found"),
        (["search", "công an", "--year-from", "2022", "--year-to", "2020"],
         "year_from is after year_to"),
    ],
)  # fmt: skip
def test_bad_input_is_one_line_and_a_failure_status(
    cli_env: dict[str, str], args: list[str], message: str
) -> None:
    result = run(cli_env, *args)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr


def test_a_malformed_question_file_names_the_line(cli_env: dict[str, str], tmp_path: Path) -> None:
    questions = tmp_path / "bad.jsonl"
    questions.write_text('{"id": "a", "question": "x"}\n{"id": "b", oops}\n')
    result = run(cli_env, "eval", "--documents", str(SEEDS), "--questions", str(questions))
    assert result.returncode == 1
    assert "bad.jsonl:2" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_indexing_a_data_dir_another_process_writes_is_refused(
    cli_env: dict[str, str],
) -> None:
    data = DataDir(Path(cli_env["PA_DATA_DIR"]))
    with data.writer_lock():
        result = run(cli_env, "index")
    assert result.returncode == 1
    assert "being written by pid" in result.stderr
    assert run(cli_env, "search", "công an xã").returncode == 0  # reading still works


def test_the_dev_question_set_runs_through_eval_unchanged(cli_env: dict[str, str]) -> None:
    questions = SHARED / "eval" / "dev.jsonl"
    if not questions.exists():
        pytest.skip("shared question set not present")
    result = run(cli_env, "eval", "--documents", str(SEEDS), "--questions", str(questions),
                 "--retrieval-only")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "recall@1" in result.stdout and "latency_ms" in result.stdout


@pytest.mark.server
def test_ask_with_a_chat_model_says_how_its_answer_was_checked(
    cli_env: dict[str, str], openai_server: FakeOpenAIServer
) -> None:
    # The model invents a figure: the officer sees the quoted answer, told why, never the figure.
    openai_server.reset("Tỉnh Điện Biên có 9.999 tổ hòa giải [1].")
    env = {**cli_env, "PA_LLM": "openai", "PA_LLM_MODEL": MODEL,
           "PA_LLM_BASE_URL": openai_server.base_url}  # fmt: skip
    result = run(env, "ask", "Tỉnh Điện Biên có bao nhiêu tổ hòa giải?")
    assert result.returncode == 0, result.stderr
    assert "9.999" not in result.stdout and "1.814" in result.stdout
    assert "(Câu trả lời của mô hình ngôn ngữ không khớp với tài liệu" in result.stdout

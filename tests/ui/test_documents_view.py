"""What the Documents tab shows: keys, rows, job progress and outcomes in Vietnamese."""

from __future__ import annotations

from assistant.job_store import INTERRUPTED
from assistant.jobs import Job, JobState
from assistant.settings import APISettings, Settings
from index.catalog import DocumentRecord
from index.records import DocumentMetadata
from ui.documents_view import (
    document_cards,
    document_choices,
    document_rows,
    job_html,
    jobs_html,
    key_ok,
    keys_required,
    outcome_text,
    upload_error_text,
)


def settings(keys: str = "", reads: bool = False) -> Settings:
    api = APISettings(api_keys=keys, require_key_for_read=reads)
    return Settings().model_copy(update={"api": api})


class TestKeys:
    def test_without_server_keys_anyone_may_manage(self) -> None:
        assert not keys_required(settings())
        assert key_ok(settings(), "") and key_ok(settings(), None)

    def test_with_keys_only_a_server_key_opens_the_tab(self) -> None:
        locked = settings("alpha-key, beta-key")
        assert keys_required(locked)
        assert key_ok(locked, "beta-key") and key_ok(locked, " alpha-key ")
        assert not key_ok(locked, "") and not key_ok(locked, "alpha") and not key_ok(locked, None)

    def test_reads_need_a_key_only_when_the_server_says_so(self) -> None:
        assert key_ok(settings("k1"), None, "read")
        assert not key_ok(settings("k1", reads=True), None, "read")
        assert key_ok(settings("k1", reads=True), "k1", "read")


def record(source: str, issued_on: str | None, **metadata: object) -> DocumentRecord:
    meta = DocumentMetadata(issued_on=issued_on, **metadata)  # type: ignore[arg-type]
    return DocumentRecord(source, "sha", "txt", 1, 1, meta, "text", 7, "2024-01-01T00:00:00")


def test_rows_show_title_date_place_kind_chunks_newest_first() -> None:
    rows = document_rows([
        record("old.txt", "2017-06-19", title="Tin cũ", province="Điện Biên",
               district="Điện Biên Đông", kind="tin bài"),
        record("new.txt", "2023-03", title="Chỉ thị mới", province="Hà Tĩnh", kind="chỉ thị"),
        record("bare.txt", None),
    ])  # fmt: skip
    assert rows[0] == ["Chỉ thị mới", "03/2023", "Hà Tĩnh", "Chỉ thị", 7, "new.txt"]
    assert rows[1][:4] == ["Tin cũ", "19/06/2017", "Điện Biên Đông, Điện Biên", "Tin bài"]
    assert rows[2] == ["bare.txt", "không rõ", "không rõ", "không rõ", 7, "bare.txt"]


class TestJobs:
    def test_a_running_job_shows_its_progress(self) -> None:
        html = job_html(Job("job-1", "upload", JobState.running, done=1, total=4), "Tải lên a.txt")
        assert "Đang lập chỉ mục (1/4 tài liệu)" in html and 'style="width:25%"' in html

    def test_a_finished_upload_says_how_many_passages_were_indexed(self) -> None:
        result = {"source": "chi-thi.txt", "chunk_count": 3, "duplicate_of": None}
        job = Job("job-1", "upload", JobState.succeeded, result=result)
        assert "đã lập chỉ mục chi-thi.txt (3 đoạn)" in job_html(job, "Tải lên chi-thi.txt")

    def test_an_upload_of_known_content_says_nothing_was_needed(self) -> None:
        job = Job("job-1", "upload", JobState.succeeded,
                  result={"source": "x.txt", "duplicate_of": "000.txt"})  # fmt: skip
        assert "đã có trong tài liệu 000.txt" in outcome_text(job)

    def test_a_failed_job_gives_its_reason_escaped(self) -> None:
        job = Job("job-1", "rebuild", JobState.failed, message="disk <full>")
        html = job_html(job, "Lập chỉ mục lại")
        assert "Không thành công" in html and "disk &lt;full&gt;" in html

    def test_a_rebuild_counts_the_documents_of_the_new_index(self) -> None:
        result = {"added": ["a", "b"], "updated": [], "removed": [], "unchanged": 0,
                  "failed": {"c.pdf": "no text"}}  # fmt: skip
        job = Job("job-1", "rebuild", JobState.succeeded, result=result)
        assert outcome_text(job) == "chỉ mục mới có 2 tài liệu; 1 tệp không đọc được"

    def test_a_sync_counts_what_changed(self) -> None:
        result = {"added": ["a"], "updated": [], "removed": ["b", "c"], "unchanged": 4}
        job = Job("job-1", "sync", JobState.succeeded, result=result)
        assert outcome_text(job) == "thêm 1, cập nhật 0, xóa 2, giữ nguyên 4"


def test_documents_are_cards_led_by_their_titles_the_file_name_last() -> None:
    html = document_cards([
        record("000_cec6d9babd0036f1.txt", "2019-04-23", title="Không ngừng xây dựng <lực lượng>"),
    ])  # fmt: skip
    title_at = html.index("Không ngừng xây dựng &lt;lực lượng&gt;")
    assert title_at < html.index("Tệp: 000_cec6d9babd0036f1.txt")
    assert "Nạp vào hệ thống: 01/01/2024 07:00" in html and "23/04/2019" in html


def test_the_picker_names_documents_by_title_then_date() -> None:
    [(label, value)] = document_choices([record("h.txt", "2023-03", title="Chỉ thị mới")])
    assert label.startswith("Chỉ thị mới (03/2023)") and value == "h.txt"


def test_jobs_are_listed_newest_first_in_vietnamese() -> None:
    jobs = [
        Job("job-2", "reindex", JobState.succeeded, result={"source": "a.txt", "chunk_count": 4},
            created_at="2026-12-03T02:00:00+00:00"),
        Job("job-1", "rebuild", JobState.failed, message=INTERRUPTED),
    ]  # fmt: skip
    html = jobs_html(jobs)
    assert html.index("đã lập chỉ mục lại a.txt (4 đoạn)") < html.index("Lập chỉ mục lại toàn bộ")
    assert "máy chủ đã dừng trước khi việc này xong" in html and "interrupted" not in html
    assert "03/12/2026 09:00" in html


def test_upload_refusals_are_said_in_vietnamese_only() -> None:
    from assistant.intake import DocumentTooLargeError
    from index.loaders import UnsupportedDocumentError

    too_large = upload_error_text(DocumentTooLargeError("file too large: 30 MB"), 20)
    assert too_large == "tệp quá lớn (tối đa 20 MB)"
    unreadable = upload_error_text(UnsupportedDocumentError("a.png", "not a document: PNG"))
    assert unreadable.startswith("không đọc được nội dung") and "PNG" not in unreadable

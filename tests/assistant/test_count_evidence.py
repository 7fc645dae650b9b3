"""Which stated number answers a count: the one after the verb asked, the commune's own
where a district's report names it, a rate per month where one is asked (invented
reports)."""

from __future__ import annotations

from assistant.answers import Answer
from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.asks import split_asks
from assistant.extractive.counting import counting_verbs, counts_by_verb, counts_noun_as_asked
from assistant.extractive.question import analyse
from assistant.passages import Passage
from index.records import DocumentMetadata


def _built(text: str, question: str, title: str, **meta: object) -> Answer:
    metadata = DocumentMetadata(**{"year": 2024, "title": title, **meta})  # type: ignore[arg-type]
    passage = Passage("bc.txt#0", "bc.txt", text, 0, len(text), 0.5, metadata)
    return ExtractiveAnswerer().build(question, [passage])


def test_the_verb_asked_reads_the_number_after_it() -> None:
    verbs = counting_verbs(analyse("Huyện A khám phá được bao nhiêu vụ trộm?"))
    assert verbs == {"kham pha"}
    assert counts_by_verb(verbs, "Điều tra, khám phá 31 vụ/44 đối tượng, đạt 86%")
    assert not counts_by_verb(verbs, "Xảy ra 36 vụ, chưa khám phá vụ nào trong tháng 8")


def test_a_count_asked_by_its_verb_is_answered_by_that_verbs_number() -> None:
    text = (
        "2. Tình hình tội phạm về trật tự xã hội\n\n"
        "- 6 tháng đầu năm 2024 xảy ra 36 vụ phạm pháp hình sự, tăng 03 vụ so với cùng kỳ. "
        "Điều tra, khám phá 31 vụ/44 đối tượng, đạt 86,11%; trọng án xảy ra 01 vụ.\n"
        "- Riêng quý II/2024 xảy ra 15 vụ."
    )
    answer = _built(
        text,
        "6 tháng đầu năm 2024 khám phá được bao nhiêu vụ phạm pháp hình sự?",
        "Báo cáo 6 tháng đầu năm 2024",
    )
    assert "khám phá 31 vụ/44 đối tượng" in answer.answer.split("[1]")[0], answer.answer


def test_a_communes_count_in_a_districts_report_must_name_the_commune() -> None:
    text = (
        "3. Xây dựng mô hình camera an ninh\n\n"
        "- Toàn huyện lắp đặt mới 412 camera an ninh kết nối với Công an huyện.\n"
        "- Một số mô hình hoạt động hình thức; 57 camera hư hỏng chưa được sửa chữa.\n\n"
        "Hai xã chưa hoàn thành chỉ tiêu là xã Quảng Lưu và xã Quảng Hợp."
    )
    title = "Báo cáo tổng kết phong trào Toàn dân bảo vệ ANTQ năm 2024 của huyện Quảng Xương"
    question = "Xã Quảng Lưu lắp được bao nhiêu camera an ninh năm 2024?"
    assert _built(text, question, title, province="Thanh Hóa").refused
    named = text.replace("Toàn huyện lắp đặt mới", "Xã Quảng Lưu lắp đặt mới")
    assert "412 camera" in _built(named, question, title, province="Thanh Hóa").answer


def test_a_rate_per_month_is_not_answered_by_a_budgets_total() -> None:
    text = (
        "4. Kinh phí thực hiện\n\n"
        "Dự kiến kinh phí hỗ trợ hằng tháng cho các Tổ bảo vệ ANTT năm 2024 khoảng 18,2 tỷ "
        "đồng, do ngân sách tỉnh bảo đảm."
    )
    title = "Kế hoạch thành lập Tổ bảo vệ an ninh, trật tự ở cơ sở năm 2024"
    question = "mức hỗ trợ hằng tháng tổ phó tổ bảo vệ ANTT là bao nhiêu"
    assert _built(text, question, title).refused
    rate = text + " Tổ phó được hỗ trợ mức 1.150.000 đồng/người/tháng."
    assert "1.150.000 đồng/người/tháng" in _built(rate, question, title).answer


def test_where_a_commune_is_now_is_the_clause_naming_its_province_since_the_merger() -> None:
    text = (
        "1. Xã Tân Phước được thành lập trên cơ sở sắp xếp toàn bộ diện tích, dân số của xã "
        "Tân Phước, xã Phước Lợi thuộc huyện Tân Hồng, tỉnh Đồng Tháp cũ.\n\n"
        "2. Từ ngày 01/7/2025, tỉnh Tiền Giang hợp nhất vào tỉnh Đồng Tháp; xã là đơn vị hành "
        "chính cấp xã của tỉnh Đồng Tháp, không còn cấp huyện."
    )
    title = "Báo cáo công tác bảo đảm an ninh, trật tự tháng 10 năm 2025 của Công an xã Tân Phước"
    parts = split_asks("Xã Tân Phước trước sáp nhập thuộc huyện nào, nay thuộc đâu?")
    assert parts[1] == "nay thuộc đâu?"
    answer = _built(text, "Xã Tân Phước hiện nay thuộc tỉnh nào?", title, year=2025)
    assert answer.answer.startswith("2. Từ ngày 01/7/2025"), answer.answer


def test_how_a_ring_works_is_the_sentence_whose_subject_is_its_members() -> None:
    text = (
        "Công an tỉnh vừa triệt phá đường dây mua bán pháo nổ qua mạng xã hội, bắt giữ 6 đối "
        "tượng, thu giữ 210 kg pháo các loại. Đường dây do Lò Văn Thắm (SN 1990) cầm đầu, hoạt "
        "động từ tháng 9/2024 tại nhiều tỉnh phía Bắc.\n\n"
        'Trung tá Hà Minh Sơn, Phó Trưởng phòng Cảnh sát hình sự cho biết: "Các đối tượng giấu '
        "pháo trong thùng hàng nông sản, gửi theo xe khách đường dài và nhận tiền qua ví điện "
        'tử đứng tên người khác."'
    )
    question = "Đường dây mua bán pháo nổ qua mạng vận chuyển hàng và nhận tiền bằng cách nào?"
    answer = _built(text, question, "Triệt phá đường dây mua bán pháo nổ qua mạng", kind="tin bài")
    assert "giấu pháo trong thùng hàng nông sản" in answer.answer.split("[1]")[0], answer.answer


def test_a_parts_figure_in_brackets_does_not_date_the_clause() -> None:
    text = (
        "2. Tình hình tội phạm\n\n"
        "a) Cướp giật tài sản: xảy ra 14 vụ (quý II: 06 vụ), so với cùng kỳ tăng 03 vụ."
    )
    title = "Báo cáo 6 tháng đầu năm 2024"
    half = _built(text, "6 tháng đầu năm 2024 có bao nhiêu vụ cướp giật tài sản?", title)
    assert "14 vụ" in half.answer
    quarter = _built(text, "Quý II năm 2024 có bao nhiêu vụ cướp giật tài sản?", title)
    assert "06 vụ" in quarter.answer


def test_the_number_followed_by_the_noun_asked_wins_over_its_words_spread_apart() -> None:
    text = (
        "Năm 2024, trên địa bàn tỉnh xảy ra 85 vụ TNGT, làm chết 61 người.\n\n"
        "Ngoài ra, xảy ra 406 vụ va chạm giao thông, làm bị thương nhẹ 312 người; trên tuyến "
        "đường sắt qua địa bàn tỉnh xảy ra 03 vụ tai nạn, làm chết 02 người."
    )
    answer = _built(
        text, "Năm 2024 tỉnh xảy ra bao nhiêu vụ tai nạn giao thông?", "Báo cáo năm 2024"
    )
    assert answer.answer.startswith("Năm 2024, trên địa bàn tỉnh xảy ra 85 vụ TNGT"), answer.answer


def test_an_items_number_is_no_count_of_the_noun_after_it() -> None:
    analysis = analyse("Mỗi tổ bảo vệ có mấy tổ viên dự bị?")
    assert counts_noun_as_asked(analysis, "Mỗi tổ có tối đa 02 tổ viên dự bị do xã cử.")
    assert not counts_noun_as_asked(analysis, "2. Tổ viên dự bị được bồi dưỡng theo ngày.")


def test_theft_said_short_counts_the_thefts_the_report_names_in_full() -> None:
    """ "vụ trộm quế" asks the "trộm cắp vỏ quế, cành lá quế" cases: "trộm" is "trộm cắp"."""
    text = (
        "- Trộm cắp tài sản xảy ra 31 vụ, trong đó trộm cắp vỏ quế, cành lá quế, tinh dầu "
        "quế 14 vụ (tăng 03 vụ so với cùng kỳ), thiệt hại khoảng 1,1 tỷ đồng."
    )
    answer = _built(text, "Năm 2031 xảy ra bao nhiêu vụ trộm quế?", "Báo cáo năm 2031", year=2031)
    assert "14 vụ" in answer.answer, answer.answer

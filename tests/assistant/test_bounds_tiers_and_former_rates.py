"""A period's bounds typed short, a district named bare beside a commune of its name, a
body "được giao làm gì", what was reached asked against its target, a rate asked "mới và
cũ" and a notice's title after its kind's line (invented documents)."""

from __future__ import annotations

from assistant.extractive.answerer import ExtractiveAnswerer
from assistant.extractive.bodies import body_of
from assistant.extractive.documents import bare_numbers
from assistant.extractive.former_rates import split_former
from assistant.extractive.tables import labels_place
from tests.assistant.one_document import invented_passage

CRASHES = invented_passage(
    "Năm 2031 toàn tỉnh xảy ra 120 vụ tai nạn giao thông, làm chết 70 người.\n\n"
    "Kết quả xử lý vi phạm: lập biên bản 4.100 trường hợp.\n\nRiêng quý IV "
    "(từ ngày 15/9 đến ngày 14/12/2031) xảy ra 33 vụ, làm chết 19 người; tháng 12 (từ ngày "
    "15/11 đến ngày 14/12/2031) xảy ra 9 vụ, làm chết 4 người.",
    "bc.md",
    title="Báo cáo tổng kết công tác bảo đảm trật tự an toàn giao thông năm 2031",
    kind="báo cáo",
    province="Long An",
    year=2031,
)


def test_a_periods_bounds_typed_short_are_found_in_its_full_dates() -> None:
    """ "(15/11-14/12)" after the month restates its bounds: "14/12/2031" holds "14/12"."""
    answer = ExtractiveAnswerer().build(
        "số vụ TNGT tháng 12/2031 Long An, tính 15/11-14/12", [CRASHES]
    )
    assert "9 vụ" in answer.answer, answer.answer


def test_a_row_labelled_by_a_place_unit_names_a_place() -> None:
    """A search's row "Xã A" is another place's than "huyện A" asked bare (the answerer
    then reads the district's own sentence, not the commune's row)."""
    assert labels_place("Xã Mèo Vạc") and labels_place("Thị trấn Pác Miầu")
    assert not labels_place("Phạm pháp hình sự") and not labels_place("Tổng cộng")


def test_a_body_given_something_to_do_is_read_before_the_verb() -> None:
    assert body_of("Hội Nông dân được giao làm gì trong chỉ thị?") == "hoi nong dan"
    assert body_of("Sở Y tế được giao thực hiện những việc gì?") == "so y te"
    assert body_of("Chỉ thị giao Sở Y tế làm gì?") == "so y te"


TARGETS = invented_passage(
    "II. KẾT QUẢ\n\n"
    "1. Căn cước: 10 tháng cấp 5.120 thẻ căn cước; kích hoạt 20.400 tài khoản định danh điện "
    "tử mức 2, đạt 71,4% dân số từ 14 tuổi (chỉ tiêu đến ngày 31/12/2031 là 85%).\n\n"
    "III. NHIỆM VỤ THÁNG 11\n\n"
    "2. Hoàn thành chỉ tiêu kích hoạt định danh điện tử mức 2 đạt 85% trước ngày 31/12/2031.",
    "bc.txt",
    title="Báo cáo kết quả công tác 10 tháng năm 2031",
    kind="báo cáo",
    province="Bến Tre",
    year=2031,
)


def test_what_was_reached_against_the_target_is_the_result_not_the_task() -> None:
    answer = ExtractiveAnswerer().build(
        "Kích hoạt định danh điện tử mức 2 ở Bến Tre đạt bao nhiêu so với chỉ tiêu?", [TARGETS]
    )
    assert "71,4%" in answer.answer.split("[1]")[0], answer.answer
    # ... a figure told before the target named after it is a result too
    told = invented_passage(
        TARGETS.text.replace(
            "kích hoạt 20.400 tài khoản định danh điện tử mức 2, đạt 71,4% dân số từ 14 tuổi "
            "(chỉ tiêu đến ngày 31/12/2031 là 85%)",
            "có 20.400 tài khoản định danh điện tử mức 2 được kích hoạt, trong khi chỉ tiêu "
            "là 26.000 tài khoản",
        ),
        "bc.txt",
        title="Báo cáo kết quả công tác 10 tháng năm 2031",
        kind="báo cáo",
        province="Bến Tre",
        year=2031,
    )
    reached = ExtractiveAnswerer().build(
        "Tài khoản định danh điện tử mức 2 ở Bến Tre đạt bao nhiêu so với chỉ tiêu?", [told]
    )
    assert "20.400" in reached.answer.split("[1]")[0], reached.answer


def test_a_rate_asked_new_and_old_with_the_asking_words_after() -> None:
    assert split_former("Mức bồi dưỡng tuần tra ban đêm mới và cũ là bao nhiêu?") == (
        "Mức bồi dưỡng tuần tra ban đêm?"
    )
    assert split_former("muc ho tro to truong cu va moi the nao") == "muc ho tro to truong?"


NOTICE = invented_passage(
    "ỦY BAN NHÂN DÂN TỈNH BẾN TRE\n\nVĂN PHÒNG\n\nSố: 318/TB-VPUBND\n\nTHÔNG BÁO\n\n"
    "Kết luận của Phó Chủ tịch UBND tỉnh tại cuộc họp về phòng, chống buôn lậu thuốc lá điếu "
    "qua tuyến sông và bảo đảm an ninh, trật tự các bến đò ngang trên địa bàn các huyện ven "
    "biển năm 2031\n\n"
    "Ngày 05/9/2031, Phó Chủ tịch UBND tỉnh chủ trì cuộc họp.",
    "tb.txt",
    title="Thông báo kết luận của Phó Chủ tịch UBND tỉnh tại cuộc họp về phòng, chống buôn lậu "
    "thuốc lá điếu qua tuyến sông và bảo đảm an ninh, trật tự các bến đò ngang trên địa",
    kind="thông báo",
    province="Bến Tre",
    year=2031,
    directive_numbers=("318/TB-VPUBND",),
)


def test_a_notice_of_conclusions_is_named_by_its_number_and_its_cut_title_found() -> None:
    assert bare_numbers("Thông báo kết luận số 318 nói về việc gì?") == {"318"}
    answer = ExtractiveAnswerer().build("Thông báo số 318/TB-VPUBND nói về việc gì?", [NOTICE])
    assert "buôn lậu thuốc lá điếu" in answer.answer, answer.answer

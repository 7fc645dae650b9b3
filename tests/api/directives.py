"""Short, realistic Vietnamese directives the tests upload (numbers the seeds do not hold)."""

from __future__ import annotations

FOREST_FIRE_DIRECTIVE = """\
ỦY BAN NHÂN DÂN TỈNH HÀ GIANG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 07/CT-UBND
Hà Giang, ngày 15 tháng 3 năm 2024

CHỈ THỊ
Về tăng cường công tác phòng cháy, chữa cháy rừng mùa khô năm 2024

Thời gian qua, công tác phòng cháy, chữa cháy rừng trên địa bàn tỉnh được các cấp, các ngành \
quan tâm chỉ đạo. Tuy nhiên, thời tiết mùa khô năm 2024 được dự báo nắng nóng kéo dài, nguy cơ \
cháy rừng ở mức cao.

Để chủ động phòng ngừa, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:

1. Ủy ban nhân dân các huyện thành lập 147 tổ xung kích phòng cháy, chữa cháy rừng tại các \
thôn, bản có rừng, hoàn thành trước ngày 31 tháng 3 năm 2024.

2. Công an tỉnh chỉ đạo Công an xã phối hợp với lực lượng kiểm lâm tuần tra, kiểm soát chặt \
chẽ việc sử dụng lửa gần rừng; xử lý nghiêm các trường hợp vi phạm.

3. Sở Nông nghiệp và Phát triển nông thôn bố trí kinh phí mua sắm trang thiết bị chữa cháy rừng \
cho các tổ xung kích.

Chủ tịch Ủy ban nhân dân tỉnh yêu cầu các sở, ngành, địa phương nghiêm túc triển khai thực hiện \
Chỉ thị này.
"""
FOREST_FIRE_QUESTION = (
    "Chỉ thị 07/CT-UBND yêu cầu thành lập bao nhiêu tổ xung kích phòng cháy, chữa cháy rừng?"
)
FOREST_FIRE_FACT = "147 tổ xung kích"

FLOOD_DIRECTIVE = """\
ỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH

Số: 11/CT-UBND
Quảng Bình, ngày 02 tháng 8 năm 2024

CHỈ THỊ
Về công tác phòng, chống thiên tai và tìm kiếm cứu nạn năm 2024

Để chủ động ứng phó với bão, lũ trong mùa mưa năm 2024, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:

1. Các huyện, thị xã, thành phố rà soát, bố trí 68 điểm sơ tán dân an toàn tại các xã vùng \
trũng thấp trước ngày 30 tháng 8 năm 2024.

2. Bộ Chỉ huy Quân sự tỉnh chuẩn bị lực lượng, phương tiện sẵn sàng tìm kiếm cứu nạn.
"""
FLOOD_QUESTION = "Quảng Bình bố trí bao nhiêu điểm sơ tán dân an toàn trong mùa mưa năm 2024?"
FLOOD_FACT = "68 điểm sơ tán"

# Same number as FOREST_FIRE_DIRECTIVE, another province and year: numbers repeat.
ROAD_SAFETY_DIRECTIVE = """\
ỦY BAN NHÂN DÂN TỈNH LAI CHÂU
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 07/CT-UBND
Lai Châu, ngày 10 tháng 4 năm 2023

CHỈ THỊ
Về tăng cường bảo đảm trật tự, an toàn giao thông trên địa bàn tỉnh năm 2023

Năm 2022, trên địa bàn tỉnh xảy ra 56 vụ tai nạn giao thông, giảm 9 vụ so với năm 2021. Để \
kiềm chế tai nạn giao thông, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:

1. Công an tỉnh tăng cường tuần tra, kiểm soát, xử lý vi phạm về nồng độ cồn trên các tuyến \
quốc lộ, tỉnh lộ.

2. Sở Giao thông vận tải rà soát, khắc phục 14 điểm đen về tai nạn giao thông trước ngày 30 \
tháng 6 năm 2023.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lê Văn Lương
"""

# A district plan carrying FOREST_FIRE_DIRECTIVE out.
FOREST_FIRE_PLAN = """\
ỦY BAN NHÂN DÂN HUYỆN VỊ XUYÊN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 45/KH-UBND
Vị Xuyên, ngày 25 tháng 3 năm 2024

KẾ HOẠCH
Thực hiện Chỉ thị số 07/CT-UBND ngày 15/3/2024 của Chủ tịch Ủy ban nhân dân tỉnh Hà Giang về \
tăng cường công tác phòng cháy, chữa cháy rừng mùa khô năm 2024

Thực hiện Chỉ thị số 07/CT-UBND ngày 15/3/2024 của Chủ tịch Ủy ban nhân dân tỉnh, Ủy ban nhân \
dân huyện Vị Xuyên ban hành Kế hoạch như sau:

1. Công an huyện chủ trì, phối hợp với Hạt Kiểm lâm kiểm tra việc sử dụng lửa gần rừng tại \
các xã.

2. Ủy ban nhân dân các xã thành lập 21 tổ xung kích phòng cháy, chữa cháy rừng trước ngày 31 \
tháng 3 năm 2024.
"""
REGISTER_DOCUMENTS = {
    "chi-thi-07-ha-giang.txt": FOREST_FIRE_DIRECTIVE,
    "chi-thi-07-lai-chau.txt": ROAD_SAFETY_DIRECTIVE,
    "ke-hoach-45-vi-xuyen.txt": FOREST_FIRE_PLAN,
}

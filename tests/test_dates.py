"""Date expressions and the publication date: each rule on sentences written for the test.

The bar is the SPEC's: a wrong year is worse than no year, so most cases here check
that a date which is *not* the article's own (history, documents, deadlines, plans)
never becomes its publication date.
"""
from __future__ import annotations

import pytest

from corpus_db.extract import extract
from corpus_db.extract.dates import find_dates, url_date


def published(body: str, *, head: str = "Hai nước thúc đẩy hợp tác toàn diện") -> str | None:
    return extract(f"{head}\n\n{body}\n").meta.published.iso


@pytest.mark.parametrize(("text", "day", "month", "year"), [
    ("Chiều 31/1, hai bên hội đàm.", 31, 1, None),
    ("Trả lời báo chí ngày 18-12, ông cho biết", 18, 12, None),
    ("tối 2/9 tại Quảng trường", 2, 9, None),
    ("hôm nay 15/6 đoàn tới Hà Nội", 15, 6, None),
    ("được ký ngày 5/9/2022 tại Jakarta", 5, 9, 2022),
    ("có hiệu lực từ 1.7.2024", 1, 7, 2024),
    ("ngày 12 tháng 4 năm 2023", 12, 4, 2023),
    ("Thứ Sáu, 14/07/2023 | 09:15 GMT+7", 14, 7, 2023),
    ("rạng sáng 29/2 theo giờ địa phương", 29, 2, None),
])
def test_vietnamese_date_expressions(text: str, day: int, month: int, year: int | None) -> None:
    (mention,) = [m for m in find_dates(text) if m.day]
    assert (mention.day, mention.month, mention.year) == (day, month, year)
    assert text[mention.start:mention.end] == mention.surface


@pytest.mark.parametrize("text", [
    "theo Chỉ thị 25-CT/TW của Ban Bí thư",  # a document number, not 25 of some month
    "tỷ số 2-1 nghiêng về đội khách",  # a score without a date cue
    "ngày 31/2 không tồn tại",  # impossible
    "ngày 12/13/2020",  # impossible month
])
def test_things_that_are_not_dates(text: str) -> None:
    assert [m for m in find_dates(text) if m.day] == []


def test_month_and_year_without_a_day() -> None:
    (mention,) = find_dates("Trong tháng 4/2023, kim ngạch tăng mạnh")
    assert (mention.day, mention.month, mention.year) == (None, 4, 2023)


@pytest.mark.parametrize(("url", "iso"), [
    ("https://example.vn/tin/hai-nuoc-hop-tac-20230131230800498.htm", "2023-01-31"),
    ("https://example.vn/2019/11/05/bai-viet", "2019-11-05"),
    ("https://example.vn/the-gioi/hai-nuoc-hop-tac-post123456.html", None),
    (None, None),
])
def test_url_timestamps(url: str | None, iso: str | None) -> None:
    value = url_date(url)
    assert (value.iso if value else None) == iso


def test_dateline_fixes_the_date() -> None:
    text = "Thứ Ba, 07/03/2023 | 14:20 GMT+7\nĐoàn đại biểu Quốc hội thăm Lào\n\nChiều 6/3, đoàn đã tới Viêng Chăn.\n"
    assert extract(text).meta.published.iso == "2023-03-07"


def test_place_and_date_line_is_a_dateline() -> None:
    text = "Thông cáo báo chí về chuyến thăm\nHà Nội, ngày 12 tháng 4 năm 2023\n\nBộ Ngoại giao trân trọng thông báo.\n"
    assert extract(text).meta.published.iso == "2023-04-12"


def test_a_sentence_citing_a_dated_source_is_not_a_dateline() -> None:
    text = ("Nhiều loại hạt gây hại sức khỏe\nTheo tờ báo khoa học, ngày 24/5/2012, viện nghiên cứu công bố kết quả "
            "khảo sát trên hàng nghìn người.\n\nCác chuyên gia khuyên hạn chế ăn đồ khô.\n")
    assert extract(text).meta.published.iso is None


@pytest.mark.parametrize("body", [
    "Ngày 5/9/2022, tại Hà Nội, Bộ Ngoại giao tổ chức hội nghị tổng kết công tác bảo hộ công dân.",
    "Tại Hà Nội, ngày 5/9/2022, Bộ Ngoại giao tổ chức hội nghị tổng kết công tác bảo hộ công dân.",
    "Bộ Ngoại giao tổ chức hội nghị tổng kết công tác bảo hộ công dân vào sáng 5/9/2022 tại Hà Nội.",
])
def test_the_action_time_in_the_lead_dates_the_article(body: str) -> None:
    assert published(body) == "2022-09-05"


@pytest.mark.parametrize("body", [
    # history told in the lead
    "Ngày 30/6/1997, lá cờ được kéo xuống lần cuối. Hơn 20 năm trước, hai bên đã thương thảo bí mật.",
    "Cách đây 40 năm, ngày 22/6/1977, một vật thể lạ xuất hiện trên bầu trời.",
    # the date of a document, a deadline, a plan
    "Thành phố ban hành Quyết định số 448/QĐ-UBND, ngày 7/10/2016, về điều chỉnh quy hoạch.",
    "Bộ đề nghị kéo dài thời hạn đến ngày 30/6/2018 cho các doanh nghiệp.",
    "Theo kế hoạch, chương trình sẽ kết thúc vào ngày 30/6/2019 trên cả nước.",
    "Ngày 12/4/2019, đoàn sẽ thăm Đà Nẵng và làm việc với lãnh đạo thành phố.",
    "Dự kiến từ 1.1.2018, lao động nước ngoài phải đóng bảo hiểm xã hội.",
    # a relation founded on a date is not the article's date
    "Hai nước thiết lập quan hệ ngoại giao ngày 23/9/1975. Từ đó đến nay, quan hệ không ngừng phát triển.",
])
def test_dates_that_are_not_the_articles_own(body: str) -> None:
    assert published(body) is None


def test_a_later_full_date_in_the_text_makes_a_lead_date_history() -> None:
    body = ("Ngày 4/2/2016, hai bên ký hiệp định.\n\n"
            "Đến ngày 10/3/2017, hiệp định vẫn chưa được phê chuẩn, các chuyên gia cho biết.")
    assert published(body) is None


def test_deeper_dates_never_date_the_article() -> None:
    body = ("Hai bên trao đổi về tình hình khu vực và quốc tế.\n\nHội nghị nhất trí thông qua chương trình hành động.\n\n"
            "Các bên tiếp tục phối hợp chặt chẽ.\n\nNgày 8/8/2018, Ban Bí thư đã ban hành chỉ thị về công tác này.")
    assert published(body) is None


def test_an_anniversary_fixes_the_year() -> None:
    body = "Chiều 27/8, Chủ tịch nước dự lễ kỷ niệm 78 năm thành lập ngành ngoại giao tại Hà Nội."
    assert published(body) == "2023-08-27"


@pytest.mark.parametrize("body", [
    "Chiều 27/8, Bộ Ngoại giao gặp mặt báo chí. Ngành sẽ kỷ niệm 80 năm thành lập ngành ngoại giao vào năm 2025.",
    "Chiều 27/8, hai bên hướng tới kỷ niệm 50 năm thành lập ngành ngoại giao.",
])
def test_an_anniversary_still_to_come_fixes_nothing(body: str) -> None:
    assert published(body) is None


def test_office_holders_narrow_the_year_only_to_a_single_one() -> None:
    # Nguyễn Xuân Phúc was President from April 2021 to January 2023: 5/6 fits 2021 and 2022.
    ambiguous = "Sáng 5/6, Chủ tịch nước Nguyễn Xuân Phúc tiếp Đại sứ Nhật Bản tại Phủ Chủ tịch."
    assert published(ambiguous) is None
    # …and Phạm Bình Minh was Standing Deputy Prime Minister until January 2023: still two years.
    both = ("Sáng 5/6, Chủ tịch nước Nguyễn Xuân Phúc tiếp Đại sứ Nhật Bản. Cùng dự có Phó Thủ tướng Thường trực "
            "Phạm Bình Minh.")
    assert published(both) is None
    # Võ Văn Thưởng was President only from March 2023 to March 2024: 5/6 can only be 2023.
    single = "Sáng 5/6, Chủ tịch nước Võ Văn Thưởng tiếp Đại sứ Nhật Bản tại Phủ Chủ tịch."
    value = extract(f"Tiếp Đại sứ\n\n{single}\n").meta.published
    assert value.iso == "2023-06-05" and "Võ Văn Thưởng" in value.evidence


def test_a_numbered_conference_fixes_the_year() -> None:
    body = "Sáng 19/12, Hội nghị Ngoại giao lần thứ 32 khai mạc tại Hà Nội."
    assert published(body) == "2023-12-19"


def test_no_year_without_evidence_but_the_day_is_kept_in_the_evidence() -> None:
    value = extract("Hai nước hợp tác\n\nChiều 14/3, hai bên hội đàm tại Hà Nội.\n").meta.published
    assert value.iso is None and "14/3" in value.evidence


@pytest.mark.parametrize(("body", "iso"), [
    ("Sáng 14/3, tại Hà Nội, đoàn đại biểu Lào tới thăm nhân dịp chuyến thăm chính thức Việt Nam năm 2024.",
     "2024-03-14"),
    ("Chiều 9/11, các nhà lãnh đạo dự phiên khai mạc Hội nghị Cấp cao APEC năm 2017 tại Đà Nẵng.", "2017-11-09"),
    ("Ngày 22/1, Diễn đàn Kinh tế Thế giới thường niên năm 2019 khai mạc ở Davos.", "2019-01-22"),
])
def test_a_year_naming_the_occasion_dates_the_event(body: str, iso: str) -> None:
    assert published(body) == iso


@pytest.mark.parametrize("body", [
    # the year of a review, of history, of a person's past, or of a plan is not the event's
    "Chiều 9/5, Trung ương thảo luận về kết quả kiểm điểm sự lãnh đạo của Bộ Chính trị năm 2016.",
    "Sáng 12/1, Bộ Ngoại giao tổ chức Hội nghị tổng kết công tác năm 2023.",
    "Ngày 12/7, Điện Kremlin cho biết Nga đã trục xuất các nhà ngoại giao vào năm 2016.",
    "Ngày 23/6, phiên tòa xét xử bị cáo (từng đạt danh hiệu hoa hậu năm 2007) tiếp tục.",
    "Sáng 5/4, hai bên thảo luận lộ trình hợp tác đến năm 2030.",
    "Chiều 3/3, các bên rà soát chương trình hội nghị giai đoạn năm 2021 - 2025.",
])
def test_other_years_in_the_sentence_fix_nothing(body: str) -> None:
    assert published(body) is None

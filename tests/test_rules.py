"""Layout, credit, directive, quote and person rules, each on sentences written for the test
(in other outlets' words than the seeds and the gold sets)."""
from __future__ import annotations

import pytest

from corpus_db.extract import extract
from corpus_db.extract.directives import find_directives
from corpus_db.extract.structure import byline_names, split_credit

PROSE = ("Hai bên nhất trí tăng cường trao đổi đoàn các cấp, thúc đẩy hợp tác kinh tế, thương mại "
         "và đầu tư trong thời gian tới.")


def page(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# --- bylines and credits -------------------------------------------------------------------

@pytest.mark.parametrize(("line", "names"), [
    ("Lan Phương (Vietnam+)", ["Lan Phương"]),
    ("Quốc Khánh/VOV-Bắc Kinh", ["Quốc Khánh"]),
    ("Hồng Vân/VOV.VN", ["Hồng Vân"]),
    ("Trần Hải (Phóng viên TTXVN tại Paris)", ["Trần Hải"]),
    ("MINH ĐỨC - HẢI YẾN", ["MINH ĐỨC", "HẢI YẾN"]),
    ("Tin: Thu Trang - Ảnh: Đức Anh", ["Thu Trang"]),
])
def test_byline_names_drop_desks_and_notes(line: str, names: list[str]) -> None:
    assert byline_names(line, lone=True) == names


def test_a_lone_title_case_name_is_a_byline_only_where_one_stands() -> None:
    assert byline_names("Đức Tuân") is None  # could be a heading anywhere else
    assert byline_names("Đức Tuân", lone=True) == ["Đức Tuân"]
    assert byline_names("Bộ Ngoại giao", lone=True) is None  # an organisation is not a name


def test_bylines_under_the_headline_and_at_the_end() -> None:
    under = extract(page("Việt Nam và Chile ký kết thỏa thuận hợp tác giáo dục", "Hoàng Long", "", PROSE))
    assert under.meta.title == "Việt Nam và Chile ký kết thỏa thuận hợp tác giáo dục"
    assert under.meta.authors == ("Hoàng Long",)
    end = extract(page("Việt Nam và Chile ký kết thỏa thuận hợp tác giáo dục", "", PROSE, "Minh Châu",
                       "Nguồn: https://example.org/bai-viet"))
    assert end.meta.authors == ("Minh Châu",)
    assert "Minh Châu" not in end.body


def test_credit_line_gives_author_and_photographer() -> None:
    result = extract(page("Đoàn đại biểu Quốc hội thăm Chile", "", PROSE, "Tin: Thu Trang - Ảnh: Đức Anh"))
    assert result.meta.authors == ("Thu Trang",)
    assert {c.photographer for c in result.layout.captions} == {"Đức Anh"}
    both = extract(page("Đoàn đại biểu Quốc hội thăm Chile", "", PROSE, "Bài và ảnh: Ngọc Hà"))
    assert both.meta.authors == ("Ngọc Hà",)
    assert {c.photographer for c in both.layout.captions} == {"Ngọc Hà"}


@pytest.mark.parametrize(("credit", "photographer", "agency"), [
    ("THANH HẢI", "THANH HẢI", None),  # several words in capitals: a person
    ("VNA", None, "VNA"),  # one word in capitals: an agency
    ("Quang Vinh/TTXVN", "Quang Vinh", "TTXVN"),
])
def test_photo_credits(credit: str, photographer: str | None, agency: str | None) -> None:
    assert split_credit(credit) == (photographer, agency)


def test_the_page_names_the_outlet_and_theo_names_the_source() -> None:
    result = extract(page("BÁO TIỀN PHONG", "Việt Nam và Chile ký kết thỏa thuận hợp tác giáo dục", "", PROSE,
                          "Theo TTXVN"))
    assert (result.meta.outlet, result.meta.source) == ("Tiền Phong", "TTXVN")


@pytest.mark.parametrize("furniture", ["Ý kiến (3)", "Bình luận (12)", "Lượt xem: 4.567", "Chia sẻ Zalo"])
def test_counters_and_share_buttons_are_furniture(furniture: str) -> None:
    result = extract(page("Việt Nam và Chile ký kết thỏa thuận hợp tác giáo dục", "", PROSE, furniture))
    assert furniture not in result.body


def test_a_read_on_block_is_cut_whole() -> None:
    result = extract(page("Việt Nam và Chile ký kết thỏa thuận hợp tác giáo dục", "", PROSE, "Đọc tiếp",
                          "Chủ tịch Quốc hội Trần Thanh Mẫn tiếp Đại sứ Chile"))
    assert "Trần Thanh Mẫn" not in result.body
    assert not result.persons


# --- directives ----------------------------------------------------------------------------

def keys(text: str) -> set[tuple[str, str | None, str | None]]:
    return {(d.kind, d.number, d.issuer) for d in find_directives(text)}


def test_a_date_between_number_and_issuer() -> None:
    assert keys("thực hiện Kết luận số 44-KL/TW ngày 22/1/2019 của Bộ Chính trị về hội nhập") == {
        ("Kết luận", "44", "Bộ Chính trị")}
    assert keys("theo Nghị quyết số 06-NQ/TW năm 2016 của Ban Chấp hành Trung ương") == {
        ("Nghị quyết", "06", "Ban Chấp hành Trung ương")}


def test_coordinated_instruments_share_the_issuer() -> None:
    assert keys("quán triệt Chỉ thị 40, Chỉ thị 32 và Chỉ thị 07 của Ban Bí thư") == {
        ("Chỉ thị", "40", "Ban Bí thư"), ("Chỉ thị", "32", "Ban Bí thư"), ("Chỉ thị", "07", "Ban Bí thư")}


def test_state_documents_keep_their_year_and_a_later_short_mention_is_the_same() -> None:
    text = "Nghị định số 15/2021/NĐ-CP quy định chi tiết về đầu tư. Sau hai năm, Nghị định 15 đã phát huy hiệu quả."
    assert keys(text) == {("Nghị định", "15/2021", "Chính phủ")}
    two = text + " Nghị định 15/2018/NĐ-CP về an toàn thực phẩm cũng được sửa đổi."
    assert ("Nghị định", "15", None) in keys(two)  # which of the two? left as written
    assert keys("Nghị quyết số 103/2023/QH15 về dự toán") == {("Nghị quyết", "103/2023", "Quốc hội")}


def named(body: str) -> list[tuple[str, str | None]]:
    return [(d.kind, d.subject) for d in find_directives(body) if d.number is None]


@pytest.mark.parametrize(("body", "expected"), [
    # a name ends where the sentence goes on about it, or at another instrument
    ("Theo ông Hùng, Luật Đất đai chỉ quy định khung giá chung cho các địa phương.", [("Luật", "Đất đai")]),
    ("Quốc hội thông qua Luật Thủ đô và Luật Điện ảnh ngày 15/6/2022.", [("Luật", "Thủ đô"), ("Luật", "Điện ảnh")]),
    ("Dự thảo Luật Căn cước trình Quốc hội tại kỳ họp thứ năm.", [("Luật", "Căn cước")]),
    ("Các bộ triển khai Chiến lược phát triển kinh tế - xã hội 10 năm 2021-2030 của đất nước.",
     [("Chiến lược", "phát triển kinh tế - xã hội 10 năm 2021-2030")]),
    # a ministry, a research centre, a lawyer, the law in general: no instrument
    ("Bộ trưởng Bộ Kế hoạch và Đầu tư Nguyễn Chí Dũng dự hội nghị.", []),
    ("Trung tâm Nghiên cứu Chiến lược và Quốc tế (CSIS) công bố báo cáo mới.", []),
    ("Theo Luật sư Trần Văn Tuấn, vụ việc cần được xem xét lại.", []),
    ("Theo Luật hiện hành, doanh nghiệp phải công bố thông tin định kỳ.", []),
])
def test_where_an_instrument_s_name_ends(body: str, expected: list[tuple[str, str | None]]) -> None:
    assert named(body) == expected


@pytest.mark.parametrize("text", [
    "tôn trọng Công ước Liên hợp quốc về Luật Biển năm 1982",  # the law of the sea is the convention's subject
    "hai nước ký Hiệp định Thương mại tự do song phương",  # an agreement between states
    "Chính phủ quyết định thành lập tổ công tác liên ngành",  # a verb
])
def test_not_instruments_of_policy(text: str) -> None:
    assert keys(text) == set()


def test_a_named_strategy_in_lower_case_inside_a_sentence() -> None:
    (directive,) = find_directives("Các bộ triển khai Chiến lược phát triển bền vững biển Việt Nam của Chính phủ.")
    assert (directive.kind, directive.issuer) == ("Chiến lược", "Chính phủ")
    assert directive.subject == "phát triển bền vững biển Việt Nam"


# --- quotes --------------------------------------------------------------------------------

def direct(body: str) -> list[tuple[str, tuple[str, ...]]]:
    result = extract(f"Hai nước thúc đẩy hợp tác\n\n{body}\n")
    return [(q.text, q.speakers) for q in result.quotes if q.kind == "direct"]


@pytest.mark.parametrize("body", [
    "Bộ trưởng Lê Minh Hoan cho biết ngành nông nghiệp giữ vững tinh thần “lá lành đùm lá rách” với bạn.",
    "Hai bên nhất trí đưa quan hệ lên “Đối tác chiến lược toàn diện vì hòa bình và phát triển bền vững”.",
    "Đại sứ quán tổ chức chuỗi sự kiện với chủ đề chung “Việt Nam – Chile: 20 năm đồng hành”.",
])
def test_terms_and_names_in_quotes_are_not_quotes(body: str) -> None:
    assert direct(body) == []


def test_a_partial_quote_after_la_or_a_speech_verb_stays() -> None:
    quotes = direct("Thủ tướng Phạm Minh Chính khẳng định đây là “bước ngoặt trong quan hệ hai nước”.")
    assert quotes == [("bước ngoặt trong quan hệ hai nước", ("Phạm Minh Chính",))]


@pytest.mark.parametrize(("body", "speaker"), [
    ("Tổng thống Chile Gabriel Boric đánh giá cao Việt Nam. “Chúng tôi muốn đi xa hơn cùng Việt Nam”, ông nói.",
     "Gabriel Boric"),
    ("Thủ tướng Phạm Minh Chính tiếp Đại sứ Chile. “Hai nước cần tận dụng tốt hiệp định thương mại”, "
     "Thủ tướng nhấn mạnh.", "Phạm Minh Chính"),
    ("Bộ trưởng Ngoại giao Chile Alberto van Klaveren Stork tới Hà Nội. Tại họp báo, ông nói: “Chúng tôi coi "
     "trọng Việt Nam”.", None),  # "van" breaks the run of capitalised words; nobody is named for sure
])
def test_a_pronoun_or_bare_title_names_the_speaker(body: str, speaker: str | None) -> None:
    ((_, speakers),) = direct(body)
    if speaker:
        assert speakers == (speaker,)


def test_a_name_s_last_word_alone_names_the_speaker() -> None:
    body = ("Nhà nghiên cứu Gregory Poling đánh giá cao vai trò của ASEAN. “Các bên cần kiềm chế và tuân thủ "
            "luật pháp quốc tế”, Poling nói.")
    assert direct(body) == [("Các bên cần kiềm chế và tuân thủ luật pháp quốc tế", ("Gregory Poling",))]
    # two persons share the word: nobody for sure
    body = ("Ông Lê Văn Nam và ông Trần Hải Nam dự hội thảo. “Hợp tác khu vực cần được đẩy mạnh hơn nữa”, "
            "Nam nói.")
    assert direct(body) == [("Hợp tác khu vực cần được đẩy mạnh hơn nữa", ())]


def test_a_quotation_standing_alone_after_an_attributed_one_goes_on_with_its_speaker() -> None:
    body = ("“Hai nước có nhiều tiềm năng hợp tác về giáo dục”, Đại sứ Phạm Quang Hiệu nói. “Chúng tôi sẽ mở "
            "thêm các chương trình trao đổi sinh viên”. Buổi làm việc kết thúc cùng ngày.")
    assert direct(body) == [("Hai nước có nhiều tiềm năng hợp tác về giáo dục", ("Phạm Quang Hiệu",)),
                            ("Chúng tôi sẽ mở thêm các chương trình trao đổi sinh viên", ("Phạm Quang Hiệu",))]
    # not across a sentence that says something else
    body = ("“Hai nước có nhiều tiềm năng hợp tác về giáo dục”, Đại sứ Phạm Quang Hiệu nói. Hội nghị sau đó "
            "chuyển sang phiên thảo luận. “Chúng tôi sẽ mở thêm các chương trình trao đổi sinh viên”.")
    assert direct(body)[1][1] == ()


@pytest.mark.parametrize(("body", "label"), [
    ("Cùng ngày, một quan chức Bộ Ngoại giao Nhật Bản nêu rõ: “Chúng tôi theo dõi sát diễn biến trên biển”.",
     "một quan chức Bộ Ngoại giao Nhật Bản"),
    ("“Hai bên cần sớm quay lại bàn đàm phán”, một nhà ngoại giao châu Âu giấu tên cho biết.",
     "một nhà ngoại giao châu Âu giấu tên"),
    ("Nguồn tin thân cận cho biết: “Cuộc gặp sẽ diễn ra vào cuối tháng này tại Geneva”.", "Nguồn tin thân cận"),
])
def test_an_unnamed_role_is_the_speaker_label(body: str, label: str) -> None:
    result = extract(f"Hai nước thúc đẩy hợp tác\n\n{body}\n")
    ((speakers, speaker_label),) = [(q.speakers, q.speaker_label) for q in result.quotes if q.kind == "direct"]
    assert speakers == () and speaker_label == label


def test_a_bare_title_does_not_pick_a_longer_title() -> None:
    body = ("Phó Thủ tướng Trần Hồng Hà dự buổi lễ. “Hợp tác khoa học cần đi vào chiều sâu”, Thủ tướng "
            "phát biểu.")
    ((_, speakers),) = direct(body)
    assert speakers == ()  # "Thủ tướng" is not "Phó Thủ tướng"


def test_straight_quotation_marks_pair_by_what_stands_around_them() -> None:
    # The first quotation closes with a curly mark; paired in turn, the straight marks after it
    # made a "quotation" of the words between two quotations.
    body = ('Người phát ngôn Lê Hải Bình bác bỏ cái gọi là "quy định mới của phía nước ngoài”."Việt Nam kiên '
            'quyết phản đối mọi hành động vi phạm chủ quyền", ông Bình nói tại họp báo. "Chúng tôi sẽ tiếp tục '
            'theo dõi sát tình hình", ông nói thêm.')
    texts = [text for text, _ in direct(body)]
    assert "Việt Nam kiên quyết phản đối mọi hành động vi phạm chủ quyền" in texts
    assert "Chúng tôi sẽ tiếp tục theo dõi sát tình hình" in texts
    assert not any(text.startswith((",", ".")) or "ông Bình nói" in text for text in texts)


def test_a_stray_straight_mark_opens_no_quotation() -> None:
    body = ('Đoàn trao tặng 20 màn hình 12" cho trường học, và Đại sứ Nguyễn Minh Vũ nói: "Hai nước cần mở '
            'rộng hợp tác trong lĩnh vực giáo dục".')
    assert direct(body) == [("Hai nước cần mở rộng hợp tác trong lĩnh vực giáo dục", ("Nguyễn Minh Vũ",))]


# --- persons -------------------------------------------------------------------------------

def persons(body: str) -> dict[str, str | None]:
    result = extract(f"Hai nước thúc đẩy hợp tác\n\n{body}\n")
    return {p.name: p.title for p in result.persons if p.role == "subject"}


def test_a_place_between_title_and_name_belongs_to_the_title() -> None:
    found = persons("Chiều 2/3, Ngoại trưởng Chile Alberto Klaveren gặp Đại sứ Việt Nam tại Chile Phạm Trường Giang.")
    assert found == {"Alberto Klaveren": "Ngoại trưởng Chile", "Phạm Trường Giang": "Đại sứ Việt Nam tại Chile"}


@pytest.mark.parametrize(("body", "expected"), [
    # a province or a foreign city stands between the title and the name
    ("Sáng 5/3, Chủ tịch UBND tỉnh Quảng Nam Lê Trí Thanh tiếp Đại sứ Hàn Quốc tại Việt Nam.",
     {"Lê Trí Thanh": "Chủ tịch UBND tỉnh Quảng Nam"}),
    ("Phó Bí thư Tỉnh ủy Yên Bái Đỗ Đức Duy làm việc với đoàn công tác của Bộ Ngoại giao.",
     {"Đỗ Đức Duy": "Phó Bí thư Tỉnh ủy Yên Bái"}),
    ("Tổng Lãnh sự Việt Nam tại Fukuoka Hồ Thị Mai dự lễ khai mạc tuần văn hóa.",
     {"Hồ Thị Mai": "Tổng Lãnh sự Việt Nam tại Fukuoka"}),
    # a body named in capitals, or with "và" and commas between its fields
    ("Tham dự có Bộ trưởng Bộ Công Thương Lương Văn Định và nhiều doanh nghiệp.",
     {"Lương Văn Định": "Bộ trưởng Bộ Công Thương"}),
    ("Giám đốc Sở Công Thương Hà Nội Trần Quý Nam cho biết giá điện không đổi.",
     {"Trần Quý Nam": "Giám đốc Sở Công Thương Hà Nội"}),
    ("Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch Nguyễn Văn Hùng dự lễ khai mạc.",
     {"Nguyễn Văn Hùng": "Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch"}),
    ("Bộ trưởng Giáo dục và Thể thao Campuchia Hang Chuon Naron làm việc với đoàn.",
     {"Hang Chuon Naron": "Bộ trưởng Giáo dục và Thể thao Campuchia"}),
    ("Chủ tịch Hội đồng Bảo an Liên hợp quốc Vassily Nebenzia cho biết cuộc họp sẽ diễn ra.",
     {"Vassily Nebenzia": "Chủ tịch Hội đồng Bảo an Liên hợp quốc"}),
    ("Chủ tịch Liên minh Nghị sĩ hữu nghị Nhật - Việt Takebe Tsutomu tiếp đoàn đại biểu Quốc hội.",
     {"Takebe Tsutomu": "Chủ tịch Liên minh Nghị sĩ hữu nghị Nhật - Việt"}),
    # but two titles, a verb in lower case, an ellipsis, or "của" before another title end it
    ("Bộ trưởng Ngoại giao và Đại sứ Nguyễn Minh Hằng cùng dự.", {"Nguyễn Minh Hằng": "Đại sứ"}),
    ("Thủ tướng hội đàm với Tổng thống Hàn Quốc Yoon Suk Yeol tại Seoul.", {"Yoon Suk Yeol": "Tổng thống Hàn Quốc"}),
    ("Chủ tịch Thượng viện bày tỏ vui mừng trước việc Chủ tịch Quốc hội Trần Thanh Mẫn sang thăm.",
     {"Trần Thanh Mẫn": "Chủ tịch Quốc hội"}),
    ("Đoàn thăm Đại sứ quán Việt Nam tại Canberra… Trong hội đàm, Thủ tướng Phạm Minh Chính nhấn mạnh hợp tác.",
     {"Phạm Minh Chính": "Thủ tướng"}),
    ("Cố vấn an ninh của Tổng thống Mỹ Joe Biden, ông Jake Sullivan, tới Bắc Kinh.",
     {"Joe Biden": "Tổng thống Mỹ", "Jake Sullivan": None}),
    ("Chủ tịch Ủy ban Đối ngoại của Quốc hội Vũ Hải Hà tiếp đoàn.", {"Vũ Hải Hà": "Chủ tịch Ủy ban Đối ngoại của Quốc hội"}),
    # abbreviated, lower-case and either-case titles; Chinese surnames
    ("PTT Phạm Bình Minh hội đàm với Bộ trưởng Ngoại giao Tây Ban Nha tại Madrid.", {"Phạm Bình Minh": "PTT"}),
    ("Đáp lại, người phát ngôn Bộ Ngoại giao Trung Quốc Uông Văn Bân tuyên bố Bắc Kinh phản đối.",
     {"Uông Văn Bân": "người phát ngôn Bộ Ngoại giao Trung Quốc"}),
    ("Người Phát ngôn Bộ Ngoại giao Phạm Thu Hằng trả lời phóng viên.",
     {"Phạm Thu Hằng": "Người Phát ngôn Bộ Ngoại giao"}),
    ("Phó Chủ tịch Quốc hội Uông Chu Lưu hội đàm với đoàn; Thứ trưởng Mã Triệu Húc cùng dự.",
     {"Uông Chu Lưu": "Phó Chủ tịch Quốc hội", "Mã Triệu Húc": "Thứ trưởng"}),
    ("Du khách đến Uông Bí và bán đảo Mã Lai ngày càng đông.", {}),
])
def test_the_title_before_a_name(body: str, expected: dict[str, str | None]) -> None:
    assert persons(body) == expected


def test_a_royal_title_and_a_duke_s_are_two_titles() -> None:
    assert persons("Nữ hoàng Anh và Hoàng tử xứ Wales William dự lễ.").get("William") != "Nữ hoàng Anh và Hoàng tử xứ Wales"


def test_a_royal_known_by_one_name() -> None:
    assert persons("Chủ tịch nước hội kiến Nhà vua Harald tại Oslo.") == {"Harald": "Nhà vua"}
    assert "Harald" not in persons("Chủ tịch nước tới Oslo, thủ đô Na Uy, gặp Harald.")


def test_a_continent_is_not_part_of_a_name() -> None:
    found = persons("Phó Chủ tịch Ủy ban châu Âu Josep Borrell gặp Phó Thủ tướng Trần Hồng Hà.")
    assert "Josep Borrell" in found and not any(name.startswith("Âu") for name in found)


def photographers(body: str) -> set[str]:
    result = extract(f"Hai nước thúc đẩy hợp tác\n\n{body}\n")
    return {p.name for p in result.persons if p.role == "photographer"}


@pytest.mark.parametrize("body", [
    "Đại biểu Trần Văn Lâm (Yên Bái) đề nghị làm rõ trách nhiệm của các bộ, ngành liên quan.",
    "Mưa lớn kéo dài ở các tỉnh Lào Cai, Yên Bái, Hà Giang khiến nhiều tuyến đường bị chia cắt.",
    "Lễ hội khai mạc ở Yên Bái với sự tham gia của Trần Văn Lâm và nhiều du khách.",
])
def test_a_province_is_not_a_person(body: str) -> None:
    assert "Yên Bái" not in persons(body)


def test_a_year_of_the_sixty_year_cycle_is_not_a_person() -> None:
    found = persons("Kiều bào ở Pháp vui Tết Giáp Thìn; trước đó, xuân Đinh Dậu và năm Quý Mão cũng được tổ chức "
                    "long trọng, Đại tướng Đinh Tiến Dũng gửi thư chúc mừng.")
    assert found == {"Đinh Tiến Dũng": "Đại tướng"}


@pytest.mark.parametrize(("body", "place"), [
    ("Hội nghị xúc tiến đầu tư được tổ chức tại Sơn Trà với hơn 200 doanh nghiệp tham dự.", "Sơn Trà"),
    ("Nhiều hộ dân ở Lục Ngạn đã thu hoạch vải sớm và bán sang thị trường Trung Quốc.", "Lục Ngạn"),
    ("Anh Hùng, chủ cửa hàng trên phố Đại Từ (Hoàng Mai, Hà Nội), cho biết giá đã tăng.", "Hoàng Mai"),
    ("Khách sạn nằm ở Thái Thụy, Thái Bình, cách trung tâm tỉnh khoảng 30 km về phía đông.", "Thái Thụy"),
])
def test_a_place_after_o_or_tai_or_before_a_province_is_not_a_person(body: str, place: str) -> None:
    assert place not in persons(body)


def test_hien_tai_is_not_tai() -> None:
    assert "Phạm Quốc Long" in persons("Hiện tại, Phạm Quốc Long đã khắc phục hậu quả và trả lại toàn bộ số tiền.")


def test_a_photo_credit_in_the_text_names_a_photographer_not_a_subject() -> None:
    body = ("Hai bên ký kết biên bản ghi nhớ về hợp tác lao động (Ảnh: Trần Việt). Sau đó, đoàn đến thăm một "
            "số doanh nghiệp Việt Nam đang hoạt động tại địa phương và gặp gỡ cộng đồng người Việt.")
    assert "Trần Việt" not in persons(body) and photographers(body) == {"Trần Việt"}
    # Text that lost its line ends: the next sentence's first word joins the credit.
    glued = ("Bộ trưởng tiếp đoàn đại biểu doanh nghiệp. Ảnh: Quang Liêm Đánh giá cao kết quả hợp tác thời "
             "gian qua, Bộ trưởng đề nghị hai bên tiếp tục phối hợp chặt chẽ trong thời gian tới.")
    assert persons(glued) == {} and photographers(glued) == set()
    # "Trong ảnh" says who is in the photo.
    shown = "Trong ảnh: Nguyễn Văn Hùng nhận bằng khen của Ủy ban Nhà nước về người Việt Nam ở nước ngoài."
    assert "Nguyễn Văn Hùng" in persons(shown)


@pytest.mark.parametrize(("ending", "authors"), [
    ("./. Lê Tuyết/VOV", ["Lê Tuyết"]),  # the wire services' end mark, then the byline
    ("./. Phạm Huân/VOV-Washington", ["Phạm Huân"]),
    ("! Nguyễn Lê", ["Nguyễn Lê"]),
    (". Vân Hương – Sỹ Cường", ["Vân Hương", "Sỹ Cường"]),
    ("./. CTV Lâm Quỳnh/VOV.VN", ["Lâm Quỳnh"]),  # a contributor, and the outlet after the slash
    (". Hải Yến/Báo Tin Tức", ["Hải Yến"]),
    (". Minh Khôi, Theo Tuổi Trẻ", ["Minh Khôi"]),  # and the source after the names
    ("./. Quốc Bảo/VOV-Bắc Kinh Quốc Bảo/VOV-Bắc Kinh", ["Quốc Bảo"]),  # repeated by the scraper
    (". Thanh Tâm Thanh Tâm", ["Thanh Tâm"]),
    (". Quyên Quyên", ["Quyên Quyên"]),  # a pen name of one syllable twice
    (". Ảnh Đức Tâm/TTXVN", []),  # a photo credit
    (". Theo TTXVN", []),  # a source, not a byline
    (". Hà Nội", []),  # a place
    (" với ông Nguyễn Văn An.", []),  # a sentence that ends with a name
])
def test_a_byline_that_lost_its_line_end_leaves_the_body(ending: str, authors: list[str]) -> None:
    result = extract(page("Hai nước thúc đẩy hợp tác", "", PROSE, PROSE.rstrip(".") + ending))
    assert list(result.meta.authors) == authors
    assert all(a not in result.layout.body for a in authors)
    assert not {p.name for p in result.persons if p.role == "subject"} & set(authors)


@pytest.mark.parametrize(("body", "not_a_person"), [
    ("Ông Tất Minh (là Việt Kiều Canada, trú tại quận 3) đã đến trình báo.", "Kiều Canada"),
    ("Võ sư phái Nam Huỳnh Đạo biểu diễn tại lễ hội võ thuật.", "Huỳnh Đạo"),  # "Nam" is no foreign place
    ("Tập đoàn Samsung Hàn Quốc công bố kế hoạch đầu tư mới tại Bắc Ninh.", "Hàn Quốc"),
])
def test_a_vietnamese_word_before_a_name_like_run_is_no_foreign_place(body: str, not_a_person: str) -> None:
    assert not_a_person not in persons(body)


def test_a_foreign_name_with_a_middle_initial_is_one_name() -> None:
    found = persons("Dưới thời Tổng thống George W. Bush, nhà phân tích Kenneth M. Pollack đã cảnh báo điều này.")
    assert found == {"George W. Bush": "Tổng thống", "Kenneth M. Pollack": None}
    # an initial alone before the name, or an abbreviated district, is no middle initial
    found = persons("Tổng thống Nga Vladimir Putin hội đàm. Tổng thống V.Putin nhấn mạnh, trường ở H.Ngọc Hồi khai giảng.")
    assert set(found) == {"Vladimir Putin"}


def test_a_sentence_s_first_word_after_a_lost_full_stop_is_not_part_of_a_foreign_name() -> None:
    found = persons("Lễ đón Tổng thống Hàn Quốc Moon Jae-in Trong khi đó, Thủ tướng Nhật Bản Fumio Kishida Sau cuộc "
                    "gặp đã phát biểu.")
    assert found == {"Moon Jae-in": "Tổng thống Hàn Quốc", "Fumio Kishida": "Thủ tướng Nhật Bản"}


def test_a_name_in_mixed_case_keeps_its_spelling() -> None:
    found = persons("Thượng nghị sĩ John McCain và Tổng thống Hàn Quốc Moon Jae-in, Ngoại trưởng Pháp "
                    "Jean-Yves Le Drian cùng dự. NGHỊ SĨ KIM JONG-SU phát biểu.")
    assert {"John McCain", "Moon Jae-in", "Jean-Yves Le Drian"} <= set(found)


@pytest.mark.parametrize(("body", "name"), [
    ("Chuyên gia Bonnie Glaser nhận định Bắc Kinh sẽ thận trọng hơn trong thời gian tới.", "Bonnie Glaser"),
    ("Theo nhà phân tích Derek Grossman, hai bên sẽ tiếp tục đối thoại.", "Derek Grossman"),
    ("“Đây là bước đi đúng hướng”, Gregory Poling, chuyên gia về Đông Nam Á tại Washington, nói.",
     "Gregory Poling"),
    ("Elizabeth Warren, thượng nghị sĩ đảng Dân chủ, chỉ trích kế hoạch này.", "Elizabeth Warren"),
])
def test_an_occupation_before_or_in_apposition_marks_a_foreign_person(body: str, name: str) -> None:
    assert name in persons(body)


@pytest.mark.parametrize(("body", "not_a_person"), [
    ("Theo Bloomberg, chuyên gia Derek Grossman nhận định hai bên sẽ tiếp tục đối thoại.", "Theo Bloomberg"),
    ("Fox News, kênh truyền hình của Mỹ, và nhà báo Sean Hannity đưa tin.", "Fox News"),
    ("Nhà báo Duy Phong, phóng viên thường trú, đã gửi bài về tòa soạn.", "Duy Phong"),  # could be Vietnamese
])
def test_a_source_or_a_name_that_could_be_vietnamese_is_no_foreign_person(body: str, not_a_person: str) -> None:
    assert not_a_person not in persons(body)


def test_an_honorific_or_a_country_before_a_foreign_name_is_not_part_of_it() -> None:
    found = persons("Samdech Techo Hun Sen tiếp Tổng thống Moldova Maia Sandu tại Phnom Penh.")
    assert found == {"Hun Sen": None, "Maia Sandu": "Tổng thống Moldova"}


# --- dates ---------------------------------------------------------------------------------

def test_a_wire_dateline_dates_the_article() -> None:
    result = extract("Hai nước thúc đẩy hợp tác\n\nSantiago, 2/3/2024 (TTXVN) - Hai bên ký thỏa thuận mới.\n")
    assert result.meta.published.iso == "2024-03-02"
    no_year = extract("Hai nước thúc đẩy hợp tác\n\nSantiago, 2/3 (TTXVN) - Hai bên ký thỏa thuận mới.\n")
    assert no_year.meta.published.iso is None and "2/3" in no_year.meta.published.evidence


def test_find_all_gives_every_position_overlaps_included() -> None:
    from corpus_db.rules import find_all

    assert list(find_all("hội nghị, Hội nghị hội nghị", "hội nghị")) == [0, 19]
    assert list(find_all("aaaa", "aa")) == [0, 1, 2]
    assert list(find_all("đàm phán", "hội đàm")) == []

"""Titles, honorifics, surnames and the proper names that look like persons but are not."""
from __future__ import annotations

import re

from . import WORD_START, CuePattern, compile_cues, trie as _trie
from .speech import AnchoredScan

# Head words of titles, composable with what follows them ("Thứ trưởng" + "Bộ Công Thương",
# "Đại sứ" + "đặc mệnh toàn quyền Việt Nam tại Pháp").
HEADS = (
    "Tổng Bí thư", "Chủ tịch nước", "Phó Chủ tịch nước", "Thủ tướng", "Phó Thủ tướng", "Chủ tịch Quốc hội",
    "Phó Chủ tịch Quốc hội", "Chủ tịch", "Phó Chủ tịch", "Bộ trưởng", "Thứ trưởng", "Đại sứ", "Tổng Lãnh sự",
    "Lãnh sự", "Đại biện", "Tham tán", "Bí thư", "Phó Bí thư", "Ủy viên", "Uỷ viên", "Trưởng ban", "Phó Trưởng ban",
    "Trưởng Ban", "Phó Trưởng Ban", "Chủ nhiệm", "Phó Chủ nhiệm", "Tổng Thư ký", "Tổng thư ký", "Người phát ngôn",
    "Phát ngôn viên", "Phó Phát ngôn viên", "Giám đốc", "Phó Giám đốc", "Tổng Giám đốc", "Cục trưởng",
    "Phó Cục trưởng", "Vụ trưởng", "Phó Vụ trưởng", "Viện trưởng", "Phó Viện trưởng", "Tổng cục trưởng",
    "Chánh án", "Chánh Văn phòng", "Tổng Kiểm toán Nhà nước", "Trưởng đoàn", "Phó Trưởng đoàn", "Trưởng Đoàn",
    "Trưởng Cơ quan đại diện", "Ngoại trưởng", "Tổng thống", "Phó Tổng thống", "Quốc vương", "Nhà vua", "Hoàng tử",
    "Công chúa", "Nữ hoàng", "Thái tử", "Đặc phái viên", "Đặc sứ", "Tư lệnh", "Tổng Tham mưu trưởng",
    "Nghị sĩ", "Thượng nghị sĩ", "Hạ nghị sĩ", "Chủ tịch Hạ viện", "Chủ tịch Thượng viện", "Thống đốc",
    "Phó Thống đốc", "Thị trưởng", "Tỉnh trưởng", "Trưởng đại diện", "Điều phối viên", "Tổng Biên tập",
    "Phó Tổng Biên tập", "Hiệu trưởng", "Phó Hiệu trưởng", "Chủ tịch UBND", "Phó Chủ tịch UBND", "Thủ hiến",
    "Đại sứ đặc mệnh toàn quyền", "Trưởng phái đoàn", "Phó Thủ tướng Thường trực", "Thứ trưởng Thường trực",
    "Phó Tổng Thư ký", "Chủ tịch Ủy ban", "Cố vấn", "Trợ lý", "Chánh Thanh tra", "Tổng Thanh tra", "Phó Tổng Thanh tra",
    "Bộ trưởng Ngoại giao", "Thủ tướng Chính phủ", "Giáo sư", "Tiến sĩ", "Thiếu tướng", "Trung tướng",
    "Thượng tướng", "Đại tướng", "Đại tá", "Thượng tá", "Trung tá", "Thiếu tá", "Chuẩn Đô đốc", "Phó Đô đốc",
    "Đô đốc", "Nguyên thủ", "Thư ký", "Người đứng đầu", "Người Phát ngôn", "Phó Phát ngôn", "Phó Người phát ngôn",
    "Phu nhân", "Phu quân",
    "PTT", "TBT",  # Phó Thủ tướng, Tổng Bí thư, as headlines and short items abbreviate them
)
# Titles borne by people known by one name ("Nhà vua Naruhito", "Quốc vương Norodom Sihamoni" is two).
ONE_NAME = ("Nhà vua", "Quốc vương", "Nữ hoàng", "Hoàng tử", "Công chúa", "Thái tử", "Giáo hoàng", "Hoàng đế")
# Occupations the press introduces experts and legislators by, before or after the name:
# "chuyên gia Michael Shifter", "Paul Sullivan, chuyên gia về Trung Đông". Like honorifics, they
# mark a person (a foreign name with no title counts), but are not titles.
OCCUPATIONS = ("chuyên gia", "nhà phân tích", "nhà nghiên cứu", "nhà kinh tế", "nhà kinh tế học", "nhà sử học",
               "nhà khoa học", "nhà ngoại giao", "nhà báo", "luật sư", "học giả", "nghị sĩ", "thượng nghị sĩ",
               "hạ nghị sĩ", "phóng viên", "giáo sư", "tiến sĩ", "cựu nghị sĩ")
# Vietnamese words of Latin letters only that open a sentence before a foreign name-like run and
# are not part of it: "Theo Reuters, …" ("according to").
NOT_NAME_OPENINGS = frozenset(("Theo",))
# Vietnamese words of Latin letters only that open a sentence: after a foreign name, in text that
# lost a full stop, one joins the name ("Park Geun-hye Trong khi đó…").
SENTENCE_OPENERS = frozenset(("Trong", "Theo", "Tuy", "Sau", "Khi", "Do"))
# Honorifics and forms of address: mark a person, but are not titles.
HONORIFICS = ("ông", "bà", "ngài", "đồng chí", "Ông", "Bà", "Ngài", "Đồng chí", "GS", "PGS", "TS", "ThS",
              "GS.TS", "PGS.TS", "TS.", "GS.", "PGS.", "Ths.", "Bác", "Chủ tịch Hồ", "Samdech", "Samdech Techo", "Mr", "Mr.",
              "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.",
              *OCCUPATIONS, *(o[0].upper() + o[1:] for o in OCCUPATIONS if o[0].upper() + o[1:] not in HEADS))
# Words before a title that make it not one person's: "các Phó Thủ tướng", "những Đại sứ".
PLURAL = ("các", "những", "nhiều", "mọi", "hai", "ba", "bốn", "năm", "các vị", "quý")

SURNAMES = frozenset("""
Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Vương Trịnh Đinh Lâm Mai Tô Hà Đoàn
Lương Trương Cao Chu Châu Tạ Lưu Đào Thái Kiều La Quách Triệu Văn Tôn Nông Lò Hầu Đàm Đồng Giang Khổng Khúc
Kim Lạc Lã Lại Lục Mạc Mạch Nghiêm Ninh Ông Phí Phùng Quan Tăng Thạch Thân Tiêu Từ Ứng Viên Vi Yên Âu Bạch Bế
Biện Cù Diệp Doãn Giáp Hàn Hứa Khương Khuất Lăng Liêu Lữ Mẫn Nhan Phó Quang Sầm Sơn Tòng Trình Trịnh Tống
Ung Vòng Y Chung Cấn Cầm Chế Hán Hồng Mông Nhữ Tào Thiều Thi Thịnh Tiết Vy Ôn Tất Ngọ Đậu Đoạn Đới Trang
Tập Mao Ngụy Hạ Đường Tần Tề
Cảnh Uông Bành Mã Thôi Mạnh Tưởng Đổng Nhiếp Diêu Khang
""".split())  # (the last line: Chinese surnames as Vietnamese writes them: Cảnh Sảng, Mã Triệu Húc, Thôi Thiên Khải)

# Vietnam's provinces and centrally-run cities (the 63 of 2008-2025, which the 34 of 2025 keep
# as names), with common other forms and recently merged ones. Several start with a surname
# ("Yên Bái", "Hà Giang"), and a province stands between a title and a name: "Chủ tịch UBND
# tỉnh Quảng Nam Lê Trí Thanh".
PROVINCES = (
    "An Giang", "Bà Rịa - Vũng Tàu", "Bà Rịa-Vũng Tàu", "Bà Rịa", "Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bắc Cạn",
    "Bạc Liêu", "Bắc Ninh", "Bến Tre", "Bình Định", "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cần Thơ",
    "Cao Bằng", "Đà Nẵng", "Đắk Lắk", "Đắc Lắc", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai",
    "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hà Tây", "Hải Dương", "Hải Phòng", "Hậu Giang", "Hòa Bình",
    "Hoà Bình", "Hưng Yên", "Khánh Hòa", "Khánh Hoà", "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng",
    "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên",
    "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh",
    "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thanh Hoá", "Thừa Thiên Huế", "Thừa Thiên - Huế", "Huế",
    "Tiền Giang", "TP Hồ Chí Minh", "TP.Hồ Chí Minh", "Thành phố Hồ Chí Minh", "TP HCM", "TP.HCM", "TPHCM",
    "Sài Gòn", "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
)

# The 60 years of the sexagenary cycle ("Tết Giáp Thìn", "xuân Đinh Dậu"): a stem and a branch
# of the same parity. Several stems are surnames (Đinh, Giáp, Tân, Quý…), so a year reads like a name.
_STEMS = (("Giáp",), ("Ất",), ("Bính",), ("Đinh",), ("Mậu",), ("Kỷ", "Kỉ"), ("Canh",), ("Tân",), ("Nhâm",),
          ("Quý", "Quí"))
_BRANCHES = (("Tý", "Tí"), ("Sửu",), ("Dần",), ("Mão", "Mẹo"), ("Thìn",), ("Tỵ", "Tị"), ("Ngọ",), ("Mùi",),
             ("Thân",), ("Dậu",), ("Tuất",), ("Hợi",))
CYCLE_YEARS = frozenset(f"{stem} {branch}".casefold()
                        for i, stems in enumerate(_STEMS) for j, branches in enumerate(_BRANCHES) if i % 2 == j % 2
                        for stem in stems for branch in branches)

# The fields a body's name joins with "và" ("Bộ Kế hoạch và Đầu tư", "Bộ Văn hóa, Thể thao và Du
# lịch", "Bộ Lao động - Thương binh và Xã hội"): after them, a title goes on.
BODY_NAME_PARTS = re.compile(r"(?:Đầu tư|Thể thao|Du lịch|Xã hội|Đào tạo|Môi trường|Truyền thông|Phát triển|"
                             r"Công nghệ|Thương mại|Công nghiệp|Nông thôn|Thủy sản|Thuỷ sản|Kỹ thuật|Khoa học|"
                             r"Văn hóa|Văn hoá|Thông tin|Giáo dục|Y tế|Dân tộc|Tôn giáo|Đối ngoại|An ninh|"
                             r"Quốc phòng|Kinh tế|Tài chính|Ngân sách|Pháp luật|Tư pháp|Nhân quyền|Năng lượng|"
                             r"Tài nguyên|Hợp tác|Thanh niên|Lao động|Xây dựng|Giao thông|Nông nghiệp)(?![\w])")
# News media whose names look like a foreign person's: a source, never a speaker's name.
MEDIA = ("Fox News", "Straits Times", "New York Times", "Washington Post", "Wall Street Journal", "Financial Times",
         "South China Morning Post", "Global Times", "Nikkei Asian Review", "Nikkei Asia", "Sky News", "Al Jazeera",
         "Russia Today", "Associated Press", "The Guardian", "The Diplomat", "Daily Mail", "USA Today",
         "Los Angeles Times", "Foreign Policy", "National Interest", "The National Interest", "Japan Times",
         "Korea Herald", "Korea Times", "Jakarta Post", "Bangkok Post", "Phnom Penh Post", "Khmer Times",
         "Channel News Asia", "Deutsche Welle", "Voice of America", "Radio Free Asia", "The Times", "The Independent",
         "The Telegraph", "The Economist", "Business Insider", "Wall Street", "Yonhap News", "Kyodo News",
         "Westwood One", "Washington Times", "Moscow Times", "Sputnik News", "Breitbart News")
# Multi-word proper names starting like a person's but naming a place, organisation or thing.
NOT_PERSONS = CYCLE_YEARS | frozenset(s.casefold() for s in PROVINCES) | frozenset(s.casefold() for s in (
    "Hà Nội", "Hà Lan", "Hà Tĩnh", "Hà Giang", "Hà Nam", "Hà Đông", "Hồ Chí Minh", "Thái Lan", "Thái Bình",
    "Thái Nguyên", "Thái Bình Dương", "Châu Âu", "Châu Á", "Châu Phi", "Châu Mỹ", "Châu Đại Dương",
    "Lâm Đồng", "Cao Bằng", "Hoàng Sa", "Trường Sa", "Lý Sơn", "Côn Đảo", "Phú Quốc", "Mai Châu", "Đồng Nai",
    "Đồng Tháp", "Đồng Hới", "Giang Tô", "Quan Hóa", "Kim Bôi", "Thạch Hãn", "Tây Nguyên", "Tây Ninh",
    "Trung Quốc", "Triều Tiên", "Đài Loan", "Hồng Kông", "Hong Kong", "Ninh Bình", "Ninh Thuận", "Sơn La",
    "Văn Miếu", "Hoàng Thành", "Lạc Long Quân", "Hùng Vương", "Bạch Đằng", "Tô Lịch", "Hồ Gươm",
    "Thăng Long", "Điện Biên", "Điện Biên Phủ", "Việt Nam", "Đông Nam Á", "Biển Đông", "Covid", "Quốc Hội",
    "Mỹ Latinh", "Trung Đông", "Cao Miên", "Chu Lai", "Long An", "Vĩnh Long", "Đà Nẵng", "Giang Nam",
    "Tạ Quang Bửu",  # a street and a university as often as the scientist
    "Mã Lai", "Bành Trướng", "Khang Hy", "Uông Bí",
)) | frozenset(m.casefold() for m in MEDIA)
# First words of the names of bodies ("Bộ Công Thương", "Sở Ngoại vụ"): a run of capitalised
# words opening with one names a body, which a person's name may follow.
ORGANISATION_HEADS = frozenset(("Bộ", "Sở", "Ban", "Cục", "Vụ", "Viện", "Hội", "Ủy", "Uỷ", "Đảng", "Quỹ", "Tập",
                                "Ngân", "Trường", "Học", "Tổng", "Liên", "Thành", "Tỉnh"))
# Words that, just before a name-like run, show it names a place, street, school or thing.
BEFORE_NOT_PERSON = frozenset((
    "đường", "phố", "tỉnh", "thành phố", "tp", "tp.", "quận", "huyện", "xã", "phường", "thị xã", "thị trấn",
    "trường", "đại học", "học viện", "bệnh viện", "tư tưởng", "chủ nghĩa", "di chúc", "lăng", "bảo tàng",
    "cầu", "sông", "núi", "đảo", "quần đảo", "công ty", "tập đoàn", "làng", "khu", "sân bay", "cảng",
    "đền", "chùa", "đình", "giải", "giải thưởng", "huân chương", "chiến dịch", "con đường", "phong trào",
    "nhà", "số", "tàu", "dự án", "chương trình", "quỹ", "hồ", "vịnh", "đèo", "rạch", "kênh", "hẻm",
    # districts, towns and wards abbreviated: "H.Lạc Dương", "Q. Ngô Quyền", "TX.La Gi"
    "h.", "q.", "tx.", "tx", "tt.",
))
# Capitals, cities with Vietnamese missions, and places that speak for a government ("Người phát
# ngôn Điện Kremlin Dmitry Peskov"), as the Vietnamese press spells them.
WORLD_PLACES = (
    "Kremlin", "Điện Kremlin", "Nhà Trắng", "Lầu Năm Góc", "Cu Ba", "Cu-ba", "La Habana", "Havana", "La Hay",
    "La Haye", "Arab Saudi", "Ả Rập Xê Út", "Ả-rập Xê-út", "Saudi", "Moskva", "Moscow", "Paris", "London",
    "Berlin", "Brussels", "Seoul", "Bình Nhưỡng", "New York", "New Delhi", "Canberra", "Ottawa", "Viêng Chăn",
    "Vientiane", "Phnom Penh", "Bangkok", "Jakarta", "Kuala Lumpur", "Manila", "Yangon", "Naypyidaw", "Geneva",
    "Vienna", "Rome", "Madrid", "Lisbon", "Stockholm", "Oslo", "Helsinki", "Copenhagen", "Warsaw", "Prague",
    "Budapest", "Kiev", "Kyiv", "Ankara", "Tehran", "Baghdad", "Cairo", "Riyadh", "Doha", "Dubai", "Abu Dhabi",
    "Tel Aviv", "Jerusalem", "Brasilia", "Buenos Aires", "Santiago", "Lima", "Mexico City", "Vladivostok",
    "Côn Minh", "Nam Ninh", "Quảng Châu", "Thâm Quyến", "Osaka", "Fukuoka", "Busan", "Houston", "San Francisco",
    "Los Angeles", "Sydney", "Perth", "Frankfurt", "Marseille", "Ekaterinburg", "Saint Petersburg", "Davos",
    "Munich", "Hamburg", "Strasbourg", "Singapore", "Hồng Kông", "Ma Cao", "Macau",
)
# Countries and places that stand between a title and a name: "Ngoại trưởng Mỹ Antony Blinken".
PLACES = (
    "Việt Nam", "Mỹ", "Hoa Kỳ", "Trung Quốc", "Nhật Bản", "Hàn Quốc", "Triều Tiên", "Nga", "Liên bang Nga",
    "Pháp", "Đức", "Anh", "Vương quốc Anh", "Lào", "Campuchia", "Thái Lan", "Ấn Độ", "Australia", "Úc",
    "Singapore", "Indonesia", "Malaysia", "Philippines", "Myanmar", "Brunei", "Timor Leste", "Canada",
    "Italy", "Tây Ban Nha", "Bồ Đào Nha", "Hà Lan", "Bỉ", "Thụy Sĩ", "Thụy Điển", "Na Uy", "Phần Lan",
    "Đan Mạch", "Ba Lan", "Séc", "Hungary", "Ukraine", "Belarus", "Cuba", "Brazil", "Argentina", "Chile",
    "Mexico", "Israel", "Palestine", "Iran", "Iraq", "Ai Cập", "Thổ Nhĩ Kỳ", "Saudi Arabia", "UAE",
    "New Zealand", "Nam Phi", "Mông Cổ", "Kazakhstan", "Uzbekistan", "Pakistan", "Bangladesh", "Sri Lanka",
    "Nepal", "Venezuela", "Peru", "Colombia", "Hy Lạp", "Áo", "Ireland", "Slovakia", "Romania", "Bulgaria",
    "Serbia", "Croatia", "Qatar", "Kuwait", "Jordan", "Syria", "Lebanon", "Algeria", "Morocco", "Nigeria",
    "Kenya", "Ethiopia", "Mozambique", "Angola", "Liên hợp quốc", "LHQ", "EU", "ASEAN", "Hà Nội",
    "Moldova", "Bahrain", "Oman", "Yemen", "Libya", "Sudan", "Nam Sudan", "Tunisia", "Afghanistan", "Estonia",
    "Latvia", "Lithuania", "Litva", "Slovenia", "Bosnia", "Bosnia và Herzegovina", "Montenegro", "Albania",
    "Bắc Macedonia", "Macedonia", "Gruzia", "Georgia", "Armenia", "Azerbaijan", "Kyrgyzstan", "Tajikistan",
    "Turkmenistan", "Ecuador", "Bolivia", "Paraguay", "Uruguay", "Panama", "Costa Rica", "Guatemala", "Honduras",
    "Nicaragua", "El Salvador", "Jamaica", "Haiti", "Cộng hòa Dominica", "Ghana", "Senegal", "Côte d'Ivoire",
    "Bờ Biển Ngà", "Cameroon", "Tanzania", "Uganda", "Rwanda", "Zimbabwe", "Zambia", "Namibia", "Botswana",
    "Madagascar", "Mali", "Niger", "Chad", "Somalia", "Eritrea", "Djibouti", "Fiji", "Papua New Guinea", "Samoa",
    "Tonga", "Vanuatu", "Bhutan", "Maldives", "Luxembourg", "Iceland", "Malta", "Síp", "Cyprus", "Monaco",
    "Kazakstan", "Ucraina", "Cộng hòa Séc",
    "TP Hồ Chí Minh", "Đài Loan", "Hồng Kông", "Thượng Hải", "Bắc Kinh", "Tokyo", "Washington",
    *PROVINCES, "Thái Bình Dương", "Ấn Độ Dương", "Đại Tây Dương", "Bắc Băng Dương", "Châu Âu", "Châu Á",
    "Châu Phi", "Châu Mỹ", "Châu Đại Dương",
    "Nhật",  # "Liên minh Nghị sĩ hữu nghị Việt - Nhật Takebe Tsutomu" (not a surname)
    "Trung Hoa", "Đại Hàn", "Nam Triều Tiên", "Bắc Triều Tiên", *WORLD_PLACES,
)
# The word right before a name-like run with no title or honorific that makes it a place: "ở Yên
# Bái", "tại Sơn Trà", not "Hiện tại, …". (After a title they end the title's place: "Đại sứ Việt
# Nam tại Pháp Đinh Toàn Thắng".)
PLACE_BEFORE = re.compile(r"(?<![\w])(?<!hiện )(?<!tồn )(?<!thực )(?:ở|tại)[ \t]+$", re.IGNORECASE)
# After a name-like run, what makes it part of an address: a comma and a province ("(Hoàng Mai,
# Hà Nội)", "tại Sơn Trà, Đà Nẵng", "trường THPT Chu Văn An, Hà Nội").
ADDRESS_AFTER = re.compile(rf",\s*(?:tỉnh\s+|TP\.?\s*|thành phố\s+)?(?:{_trie(PROVINCES)})(?![\w])")
# The words of a photo credit ("Ảnh: Dương Giang/TTXVN", "Nguồn ảnh: Reuters"), for a pattern that
# ignores case; not "Trong ảnh: …" (who is in the photo) nor "Hình ảnh: …".
CREDIT_WORDS = r"(?<!trong )(?<!hình )(?:Ảnh|Nguồn ảnh|Ảnh minh họa|Ảnh minh hoạ|Photo|Đồ họa|Đồ hoạ|Video|Clip)"
# A photo credit right before a name: "Ảnh: Trần Việt", "(Ảnh: VGP/Nhật Bắc)", "Nguồn ảnh: TTXVN/Lâm Khánh".
# The name is the photographer's, not someone the article is about.
CREDIT_BEFORE = re.compile(r"(?:^|[\s(\-–—.,;|])" + CREDIT_WORDS + r"\s*:\s*(?:[^\s/:()]{1,20}\s*/\s*)?$",
                           re.IGNORECASE)
# A credit's words ending where a search stops (before its colon and spaces).
CREDIT_WORD_END = re.compile(CREDIT_WORDS + r"\s*$", re.IGNORECASE)


# A run that opens with one of them names a place or thing too ("Hoàng Thành Thăng Long"); on
# the case-folded run.
NOT_PERSON_START = re.compile(rf"(?:{_trie(tuple(sorted(NOT_PERSONS | {p.casefold() for p in PLACES if ' ' in p})))})"
                              r"(?:\s|$)")
# After a foreign name with no title, an occupation or a title in apposition: "Paul Sullivan,
# chuyên gia về Trung Đông, nói", "Maxine Waters, nghị sĩ đảng Dân chủ", "John McCain, Chủ tịch
# Ủy ban Quân vụ Thượng viện".
APPOSITION_AFTER = re.compile(rf",\s*(?:(?:một|cựu|nguyên|là)\s+)?"
                              rf"(?:{_trie(tuple(sorted({w.lower() for w in OCCUPATIONS + HEADS})))})(?![\w])",
                              re.IGNORECASE)
# A spokesperson's title, in lower case inside a sentence as often as not ("người phát ngôn Bộ
# Ngoại giao Trung Quốc Uông Văn Bân"). Apart from HEAD_PATTERN, whose capitals a scan finds
# quickly, and looked for only in a text that holds "phát ngôn".
LOWER_HEAD_PATTERN = re.compile(r"(?<![\w])(?:người phát ngôn|phát ngôn viên)(?![\w])")
HEAD_PATTERN = CuePattern.of_pattern(WORD_START + f"({_trie(HEADS)})" + r"(?![\w])")
# Found from the rarest letter of each honorific: "ông", "bà", "ngài" start with letters that
# stand at every few positions of a text, and "ông" ends "không", "công", "đông"…
HONORIFIC_PATTERN = CuePattern(re.compile(WORD_START + f"({_trie(HONORIFICS)})" + r"(?![\w])"),
                               AnchoredScan(HONORIFICS, r"({})(?![\w])", fold=False, word_start=True))
PLACE_PREFIX = re.compile(rf"^({_trie(PLACES)})\s+")
ONE_NAME_TITLES = compile_cues(ONE_NAME, template=r"^({})(?:\s|$)", flags=0)

"""Event kinds and the words that report them."""
from __future__ import annotations

import re

from . import CuePattern

_TITLED = (r"(?:Đại sứ|Bộ trưởng|Ngoại trưởng|Thủ tướng|Chủ tịch|Tổng|Phó|Đoàn|đoàn|ông|bà|Trưởng|Thứ trưởng|"
           r"Giám đốc|Tổng thống|Quốc vương|Nhà vua|Hoàng|lãnh đạo|Lãnh đạo|Đặc phái viên|Nghị sĩ|Thống đốc|"
           r"Tổng Thư ký|Tổng thư ký|các Đại sứ|Đô đốc|Tư lệnh)")
# kind → (pattern, label used to name the event). Order matters: the first kind that matches a span wins.
KINDS: dict[str, tuple[CuePattern, str]] = {
    "plenary_session": (CuePattern.of_pattern(r"(?<![\w])[Pp]hiên (?:họp |thảo luận )?toàn thể|(?<![\w])[Pp]hiên (?:khai|bế) mạc"),
                        "Phiên họp toàn thể"),
    "press_briefing": (CuePattern.of_pattern(r"(?<![\w])(?:cuộc |buổi )?họp báo(?: thường kỳ)?"), "Họp báo"),
    "phone_call": (CuePattern.of_pattern(r"(?<![\w])(?:cuộc )?điện đàm|(?<![\w])hội đàm trực tuyến"), "Điện đàm"),
    "talks": (CuePattern.of_pattern(r"(?<![\w])(?:cuộc )?hội đàm"), "Hội đàm"),
    "working_session": (CuePattern.of_pattern(r"(?<![\w])(?:buổi|cuộc) làm việc|(?<![\w])(?:đã )?làm việc với"), "Buổi làm việc"),
    "visit": (CuePattern.of_pattern(r"(?<![\w])chuyến thăm|(?<![\w])thăm (?:chính thức|cấp Nhà nước|làm việc)"), "Chuyến thăm"),
    "reception": (CuePattern.of_pattern(r"(?<![\w])(?:đã )?tiếp (?:xã giao |thân mật )?(?=" + _TITLED + r")|(?<![\w])hội kiến|"
                             r"(?<![\w])buổi tiếp"), "Tiếp"),
    "anniversary": (CuePattern.of_pattern(r"(?<![\w])[Ll]ễ kỷ niệm|(?<![\w])kỷ niệm \d{1,3} năm"), "Lễ kỷ niệm"),
}
# "Hội nghị Ngoại giao lần thứ 31", "Hội nghị ngoại giao 32", "Hội nghị Cấp cao ASEAN lần thứ 43".
# A series name: capitalised words, and the lower-case words of an organisation-style name
# ("Ngoại giao", "Bộ trưởng Ngoại giao ASEAN"), up to a word that starts the rest of the sentence.
_STOP = (r"lần|thứ|năm|vào|tại|với|và|của|đã|sẽ|được|diễn|có|là|trong|khai|bế|nhằm|để|do|cho|này|đó|lúc|từ|đến|"
         r"sau|trước|kéo|theo|về|nhất|trí|thông|qua|tiếp|các|những|ngày|sáng|chiều|tối|hôm|đang|vừa|như|mà|khi|"
         r"bàn|thảo|luận|tổng|kết|triển|nhận|tham|dự|chủ|trì|họp|nhân|dịp")
_SERIES_WORD = r"(?:[A-ZĐ][\w\-]*|(?!(?:" + _STOP + r")\b)[a-zđà-ỹ]+)"
CONFERENCE = CuePattern.of_pattern(r"(?<![\w])(?P<head>Hội nghị|Hội thảo|Diễn đàn|Đại hội)(?P<series>\s+[A-ZĐ][\w\-]*(?:\s+"
                        + _SERIES_WORD + r"){0,6}|\s+(?:ngoại giao|cấp cao|bộ trưởng|thượng đỉnh|đối ngoại)(?:\s+"
                        + _SERIES_WORD + r"){0,5})(?:\s+(?:lần\s+thứ|lần|thứ)\s+(?P<ordinal>\d{1,3})|\s+(?P<bare>\d{1,3})(?![\d/]))?")
GENERIC_CONFERENCE = CuePattern.of_pattern(r"(?<![\w])[Hh]ội nghị(?!\s+(?:[A-ZĐ]|ngoại giao|cấp cao|bộ trưởng|thượng đỉnh|đối ngoại))")
PAST_YEAR = re.compile(r"\s+năm\s+(?P<year>(?:19|20)\d{2})")
PLURAL = re.compile(r"(?:các|những|nhiều|mọi)\s+$")
DURATION = re.compile(r"(?:sau|trải qua)\s+(?P<days>\d{1,2})\s+ngày\s+(?:làm việc|họp|diễn ra)", re.IGNORECASE)
RANGE = re.compile(r"từ\s+(?:ngày\s+)?(?P<d1>\d{1,2})(?:/(?P<m1>\d{1,2}))?\s+(?:đến|tới|-)\s+(?:ngày\s+)?"
                   r"(?P<d2>\d{1,2})/(?P<m2>\d{1,2})(?:/(?P<y>\d{4}))?", re.IGNORECASE)
ENDING = re.compile(r"bế mạc|kết thúc|khép lại", re.IGNORECASE)
LOCATION = re.compile(r"(?<![\w])tại\s+(?P<place>(?:trụ sở|Phủ Chủ tịch|Nhà Quốc hội|thủ đô|Thủ đô|[A-ZĐ])[^,.;:()\n“”\"]{1,60}?)"
                      r"(?=[,.;:()\n]|\s+(?:vào|ngày|sáng|chiều|tối|trưa|từ|trong|với|và|nhân|để|đã)\s|$)")

"""Dated knowledge used to fix a missing year: founding dates behind "kỷ niệm N năm …"
anniversaries, and numbered recurring events whose year is known."""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple


class Founding(NamedTuple):
    pattern: str  # what follows "N năm" in the text (regex, case-insensitive)
    year: int


# "kỷ niệm 77 năm thành lập ngành ngoại giao" → 1945 + 77 = 2022.
FOUNDINGS = (
    Founding(r"(?:ngày )?thành lập ngành ngoại giao|ngành ngoại giao việt nam", 1945),
    Founding(r"(?:ngày )?quốc khánh|cách mạng tháng (?:tám|8)", 1945),
    Founding(r"(?:ngày )?thành lập đảng cộng sản việt nam|(?:ngày )?thành lập đảng\b", 1930),
    Founding(r"(?:ngày )?thành lập quân đội nhân dân việt nam|ngày thành lập quân đội", 1944),
    Founding(r"(?:ngày )?thành lập (?:hiệp hội các quốc gia đông nam á|asean)\b", 1967),
    Founding(r"(?:ngày )?việt nam gia nhập asean", 1995),
    Founding(r"(?:ngày )?thành lập liên hợp quốc", 1945),
    Founding(r"chiến thắng điện biên phủ", 1954),
    Founding(r"(?:ngày )?giải phóng (?:hoàn toàn )?miền nam", 1975),
    Founding(r"(?:ngày )?ký (?:kết )?hiệp định pa-?ri", 1973),
    Founding(r"ngày sinh (?:của )?chủ tịch hồ chí minh", 1890),
)

# Establishment of diplomatic relations between Viet Nam and a partner: "50 năm quan hệ ngoại giao
# Việt Nam - Nhật Bản" → 1973 + 50 = 2023.
RELATIONS = {
    "nhật bản": 1973, "hoa kỳ": 1995, "mỹ": 1995, "trung quốc": 1950, "nga": 1950, "liên bang nga": 1950,
    "lào": 1962, "campuchia": 1967, "ấn độ": 1972, "hàn quốc": 1992, "pháp": 1973, "đức": 1975,
    "australia": 1973, "úc": 1973, "singapore": 1973, "thái lan": 1976, "indonesia": 1955,
    "malaysia": 1973, "philippines": 1976, "anh": 1973, "vương quốc anh": 1973, "italy": 1973,
    "canada": 1973, "cuba": 1960, "israel": 1993, "new zealand": 1975, "myanmar": 1975, "brunei": 1992,
}

# Numbered recurring events: series (regex) → ordinal → (year, month) held; month None when it varies.
# Hội nghị Ngoại giao (the Foreign Service conference): 29th Aug 2016, 30th Dec 2018,
# 31st Dec 2021, 32nd Dec 2023 (Ministry of Foreign Affairs announcements).
DIPLOMATIC_CONFERENCE = {29: (2016, 8), 30: (2018, 12), 31: (2021, 12), 32: (2023, 12)}


def asean_summit(ordinal: int) -> tuple[int, None] | None:
    """ASEAN summits are held twice a year since the 18th (2011): 18-19 → 2011 … 46-47 → 2025."""
    return (2011 + (ordinal - 18) // 2, None) if 18 <= ordinal <= 47 else None


class Series(NamedTuple):
    pattern: re.Pattern[str]
    held: Callable[[int], tuple[int, int | None] | None]
    head: str  # the name every match begins with, lower case: looked for before the (slow) pattern


_ORDINAL = r"(?:lần\s+thứ\s+|lần\s+|thứ\s+)?(?P<ordinal>\d{1,3})\b"


def _series(name: str, held: Callable[[int], tuple[int, int | None] | None]) -> Series:
    """The series ``name`` (lower case), in any case, followed by an ordinal."""
    return Series(re.compile(name + r"\s+" + _ORDINAL, re.IGNORECASE), held, name)


SERIES = (
    _series("hội nghị ngoại giao", DIPLOMATIC_CONFERENCE.get),
    _series("hội nghị cấp cao asean", asean_summit),
)

"""Vietnamese news outlets: display name, web hosts, and how their credits are written.

A credit is how an article names its outlet or agency in the text: "VOV.VN -",
"(TTXVN) -", "(BKTO) -", "NDO -", "(Chinhphu.vn) -", "Theo TTXVN/Báo Tin tức".
"""
from __future__ import annotations

import re
from typing import NamedTuple


class Outlet(NamedTuple):
    name: str  # display name used in the database
    hosts: tuple[str, ...]
    credits: tuple[str, ...]  # how the text names it (case-insensitive)


OUTLETS = (
    Outlet("VOV", ("vov.vn", "vovworld.vn", "vov.gov.vn"), ("VOV.VN", "VOV", "Đài Tiếng nói Việt Nam", "VOV.vn")),
    Outlet("TTXVN", ("vnanet.vn", "ttxva.vn"), ("TTXVN", "Thông tấn xã Việt Nam", "TTXVN/VNA")),
    Outlet("VietnamPlus", ("vietnamplus.vn",), ("Vietnam+", "VietnamPlus", "Vietnam Plus")),
    Outlet("Báo Tin tức", ("baotintuc.vn",), ("Báo Tin tức", "Tin tức", "Báo Tin tức/TTXVN")),
    Outlet("Báo Kiểm toán", ("baokiemtoan.vn",), ("BKTO", "Báo Kiểm toán")),
    Outlet("Báo Quốc tế", ("baoquocte.vn", "worldandvietnamreport.com"), ("Báo Quốc tế", "TG&VN", "Thế giới & Việt Nam",
                                                                          "Báo Thế giới & Việt Nam",
                                                                          "Báo Thế giới và Việt Nam")),
    Outlet("Nhân Dân", ("nhandan.vn", "nhandan.com.vn"), ("NDO", "Nhân Dân", "Báo Nhân Dân", "ND")),
    Outlet("Quân đội nhân dân", ("qdnd.vn",), ("QĐND", "QĐND Online", "Báo Quân đội nhân dân")),
    Outlet("Công an nhân dân", ("cand.com.vn",), ("CAND", "Báo Công an nhân dân", "CAND.com.vn")),
    Outlet("Báo Chính phủ", ("baochinhphu.vn", "chinhphu.vn"), ("Chinhphu.vn", "VGP", "Báo Chính phủ", "Baochinhphu.vn")),
    Outlet("Đảng Cộng sản Việt Nam", ("dangcongsan.vn", "dangcongsan.org.vn"), ("ĐCSVN", "Dangcongsan.vn", "Báo điện tử Đảng Cộng sản Việt Nam")),
    Outlet("Tạp chí Cộng sản", ("tapchicongsan.org.vn",), ("TCCS", "Tạp chí Cộng sản")),
    Outlet("VnExpress", ("vnexpress.net", "e.vnexpress.net"), ("VnExpress", "VNE")),
    Outlet("Tuổi Trẻ", ("tuoitre.vn",), ("TTO", "Tuổi Trẻ", "Tuổi Trẻ Online", "Báo Tuổi Trẻ")),
    Outlet("Thanh Niên", ("thanhnien.vn",), ("Thanh Niên", "Báo Thanh Niên", "TNO")),
    Outlet("Dân trí", ("dantri.com.vn",), ("Dân trí", "Dantri")),
    Outlet("VietNamNet", ("vietnamnet.vn",), ("VietNamNet", "Vietnamnet")),
    Outlet("Lao Động", ("laodong.vn",), ("Lao Động", "Báo Lao Động", "LĐO")),
    Outlet("Tiền Phong", ("tienphong.vn",), ("Tiền Phong", "Báo Tiền Phong", "TPO")),
    Outlet("Người Lao Động", ("nld.com.vn",), ("NLĐO", "Người Lao Động", "Báo Người Lao Động")),
    Outlet("Znews", ("znews.vn", "zingnews.vn"), ("Znews", "Zing", "Zing News")),
    Outlet("Pháp Luật TP.HCM", ("plo.vn",), ("PLO", "Pháp Luật TP.HCM")),
    Outlet("Diễn đàn Pháp luật", ("diendanphapluat.vn", "phapluatnet.vn"), ("Diendanphapluat", "Diễn đàn Pháp luật")),
    Outlet("Pháp luật Việt Nam", ("baophapluat.vn",), ("Báo Pháp luật Việt Nam", "PLVN")),
    Outlet("Sài Gòn Giải Phóng", ("sggp.org.vn",), ("SGGP", "Sài Gòn Giải Phóng", "Báo Sài Gòn Giải Phóng")),
    Outlet("Hà Nội Mới", ("hanoimoi.vn", "hanoimoi.com.vn"), ("Hà Nội Mới", "HNM", "Báo Hà Nội Mới")),
    Outlet("Thời báo Ngân hàng", ("thoibaonganhang.vn",), ("Thời báo Ngân hàng",)),
    Outlet("Đại Đoàn Kết", ("daidoanket.vn",), ("Đại Đoàn Kết", "Báo Đại Đoàn Kết")),
    Outlet("Giáo dục & Thời đại", ("giaoducthoidai.vn",), ("GD&TĐ", "Giáo dục & Thời đại")),
    Outlet("VTV", ("vtv.vn",), ("VTV", "VTV.vn", "Đài Truyền hình Việt Nam")),
    Outlet("VTC News", ("vtc.vn",), ("VTC News", "VTC")),
    Outlet("Kinh tế & Đô thị", ("kinhtedothi.vn",), ("KTĐT", "Kinh tế & Đô thị")),
    Outlet("Báo Đầu tư", ("baodautu.vn",), ("Báo Đầu tư", "ĐTCK")),
    Outlet("Người Đưa Tin", ("nguoiduatin.vn",), ("Người Đưa Tin",)),
    Outlet("Soha", ("soha.vn",), ("Soha",)),
    Outlet("Kenh14", ("kenh14.vn",), ("Kenh14",)),
    Outlet("Báo Mới", ("baomoi.com",), ("Báo Mới",)),
    Outlet("An ninh Thủ đô", ("anninhthudo.vn",), ("ANTĐ", "An ninh Thủ đô")),
    Outlet("Báo Giao thông", ("baogiaothong.vn",), ("Báo Giao thông",)),
    Outlet("Nông thôn Ngày nay", ("danviet.vn",), ("Dân Việt",)),
    Outlet("Vietnam News", ("vietnamnews.vn",), ("VNS", "Vietnam News")),
    Outlet("Công Thương", ("congthuong.vn",), ("Báo Công Thương",)),
    Outlet("Biên phòng", ("bienphong.com.vn",), ("Báo Biên phòng",)),
    Outlet("Xây dựng Đảng", ("xaydungdang.org.vn",), ("Tạp chí Xây dựng Đảng",)),
)

BY_HOST = {host: o.name for o in OUTLETS for host in o.hosts}
BY_CREDIT = {credit.casefold(): o.name for o in OUTLETS for credit in o.credits}

# "VOV.VN -", "(TTXVN) -", "Hà Nội, 12/4 (TTXVN) -", "NDO -", "(Chinhphu.vn) –", "TG&VN." at the start
# of the lead; what it captures counts only when it names a known outlet.
_CREDIT_WORD = r"[A-ZĐÀ-Ỹ][\w.&+/]*(?:\s[A-ZĐÀ-Ỹ][\w.&+/]*){0,4}"
LEAD_CREDIT = re.compile(
    r"^(?:[^()\n]{0,40}?\()?(?P<credit>" + _CREDIT_WORD + r")\)?\s*[-–—:.]\s+", re.UNICODE)


# Callers also pass whole lines of text; nothing longer than these can be a host or a credit.
_LONGEST_HOST = max(map(len, BY_HOST))
_LONGEST_CREDIT = max(map(len, BY_CREDIT))


def outlet_for_host(host: str | None) -> str | None:
    if not host:
        return None
    if len(host) > _LONGEST_HOST + len("www.m."):
        # Only a tail after a dot can be a known host then, and lower-casing never moves a dot:
        # look at the last characters alone instead of lower-casing and cutting a whole line.
        host = host[-_LONGEST_HOST - 1:].lower()
    else:
        host = host.lower().removeprefix("www.").removeprefix("m.")
    while host:
        if host in BY_HOST:
            return BY_HOST[host]
        _, _, host = host.partition(".")
    return None


def outlet_for_credit(credit: str) -> str | None:
    credit = credit.strip()
    if len(credit) > _LONGEST_CREDIT:  # case folding never shortens a text
        return None
    return BY_CREDIT.get(credit.casefold())

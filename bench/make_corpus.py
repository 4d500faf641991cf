#!/usr/bin/env python3
"""Generate a synthetic corpus of scraped-looking Vietnamese foreign-affairs news.

    python bench/make_corpus.py OUT_DIR --count 10000 [--seed 7] [--no-variants]

Every file reads like a page a scraper saved: site name, section label, headline,
a lead with a time-of-day date, a photo caption with its credit, body paragraphs
with titled people, direct quotes in several quotation styles, a policy document,
a list of participants, a related-news block and site furniture (comment box,
hotline, server timing, "Link nguồn").  OUT_DIR/truth.jsonl holds, for each file,
what a perfect extractor would find (date, year, outlet, URL, title, persons,
quotes, directives) so benchmarks can check recall and entity resolution.

About 8% of the files are stored the way real scrapes arrive: decomposed (NFD)
Unicode, CRLF line ends, a UTF-8 BOM, UTF-16, or Windows-1258 bytes with tone
marks as combining characters.  The output is deterministic for a given --seed.
"""
from __future__ import annotations

import argparse
import json
import random
import unicodedata
from pathlib import Path

FAMILY = ("Nguyễn Trần Lê Phạm Hoàng Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Trịnh Đinh Lâm Mai Tô Hà Đoàn "
          "Cao Lương Tạ Chu Quách Kiều").split()
MIDDLE = "Văn Thị Minh Quốc Thanh Xuân Đình Hữu Đức Công Thế Ngọc Bá Kim Tiến Việt Thu Mạnh Hồng Anh".split()
GIVEN = ("Khải Lộc Nghĩa Toản Bảo Kiên Hào Thịnh Uyên Loan Nhung Tùng Quân Huy Hưng Hiển Luân Khoa "
         "Diệp Trâm Giang Vỹ Tín Phát Sang Lực Quyết Định Thuận Khang Hoà Mẫn").split()
FOREIGNERS = ["Maria Santos", "Jonas Lindqvist", "Kenji Watanabe", "Park Min-jun", "Ahmad Fauzi",
              "Claire Dubois", "Tomasz Nowak", "Vương Học Bân", "Somsak Chanthavong", "Elena Petrova",
              "Rafael Mendes", "Hassan Al-Amin"]
VN_TITLES = ["Thủ tướng Chính phủ", "Phó Chủ tịch nước", "Phó Thủ tướng", "Bộ trưởng Bộ Ngoại giao",
             "Thứ trưởng Bộ Ngoại giao", "Phó Chủ tịch Quốc hội", "Trưởng Ban Đối ngoại Trung ương",
             "Bộ trưởng Bộ Công Thương", "Thứ trưởng Bộ Công Thương", "Chủ nhiệm Ủy ban Đối ngoại của Quốc hội",
             "Đại sứ Việt Nam tại Italy", "Tổng Lãnh sự Việt Nam tại Osaka", "Chủ tịch Ủy ban nhân dân tỉnh Quảng Ninh"]
FOREIGN_TITLES = ["Ngoại trưởng", "Bộ trưởng Ngoại giao", "Thủ tướng", "Đại sứ", "Chủ tịch Thượng viện",
                  "Phó Tổng thống"]
PARTNERS = ["Brazil", "Thụy Điển", "Nhật Bản", "Hàn Quốc", "Malaysia", "Pháp", "Ba Lan", "Trung Quốc", "Thái Lan",
            "Liên bang Nga", "Ai Cập", "New Zealand", "Chile"]
ISSUERS = ["Ban Bí thư", "Bộ Chính trị", "Chính phủ", "Thủ tướng Chính phủ", "Ban Chấp hành Trung ương"]
DOC_KINDS = ["Chỉ thị", "Nghị quyết", "Kết luận", "Quyết định", "Nghị định"]
DOC_SUBJECTS = ["về công tác đối ngoại đa phương", "về hội nhập quốc tế", "về ngoại giao kinh tế",
                "về công tác người Việt Nam ở nước ngoài", "về ngoại giao văn hóa"]
MEETINGS = [("hội đàm với", "hội đàm"), ("điện đàm với", "điện đàm"), ("tiếp", "buổi tiếp"),
            ("làm việc với", "buổi làm việc"), ("hội kiến", "cuộc hội kiến")]
PLACES = ["Hà Nội", "Thành phố Hồ Chí Minh", "Đà Nẵng", "Hải Phòng", "Cần Thơ"]
DAYPART = ["Sáng", "Chiều", "Tối", "Trưa"]
SPEECH = ["nhấn mạnh", "khẳng định", "cho biết", "đề nghị", "bày tỏ", "nêu rõ"]
QUOTATIONS = [
    "hai nước cần nâng tầm hợp tác tương xứng với tiềm năng",
    "mọi bất đồng cần được giải quyết bằng biện pháp hòa bình",
    "chúng tôi coi trọng vai trò trung tâm của ASEAN",
    "hợp tác giáo dục là nền tảng lâu dài của tình hữu nghị",
    "doanh nghiệp hai bên cần được tạo thuận lợi tối đa",
    "năng lượng sạch sẽ là động lực tăng trưởng mới",
    "cộng đồng người Việt là cầu nối quan trọng giữa hai dân tộc",
    "chúng ta phải chủ động, tích cực trong mọi tình huống",
]
QUOTE_MARKS = [("“", "”"), ('"', '"'), ("«", "»")]
FILLER = [
    "Hai bên trao đổi về tình hình khu vực và quốc tế cùng quan tâm, nhất trí thúc đẩy thương mại song phương.",
    "Kim ngạch thương mại giữa hai nước tiếp tục tăng trưởng ổn định trong những năm gần đây.",
    "Các bộ, ngành liên quan được giao xây dựng kế hoạch triển khai cụ thể các thỏa thuận đã đạt được.",
    "Nhiều văn kiện hợp tác về y tế, văn hóa, du lịch và chuyển đổi số đã được ký kết tại sự kiện.",
    "Phía bạn đánh giá cao vai trò và vị thế ngày càng tăng của Việt Nam tại các diễn đàn đa phương.",
    "Hai bên thống nhất tăng cường phối hợp trong lĩnh vực lao động, bảo hộ công dân và giao lưu nhân dân.",
    "Công tác thông tin đối ngoại được đẩy mạnh, góp phần lan tỏa hình ảnh đất nước ra thế giới.",
]
SITES = [
    ("Báo Thế giới và Việt Nam", "https://baoquocte.vn/{slug}-{n}.html", "Tin liên quan", None),
    ("Báo Nhân Dân", "https://nhandan.vn/{slug}-post{n}.html", "Tin cùng chuyên mục", None),
    ("VnExpress", "https://vnexpress.net/{slug}-{n}.html", "Cùng chuyên mục", "Thứ {wd}, {d:02d}/{m:02d}/{y} | {hh:02d}:{mm:02d} GMT+7"),
    ("Báo Tin tức", "https://baotintuc.vn/thoi-su/{slug}-{y}{m:02d}{d:02d}{n}.htm", "Tin liên quan", None),
]
FURNITURE = ["Bình luận", "Gửi bình luận", "Chia sẻ", "Đăng nhập để bình luận", "Đường dây nóng: 0912 345 678",
             "Ý kiến của bạn", "Bình chọn: 4.5/5"]
WEEKDAYS = ["Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy"]


def vietnamese_name(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def slug(text: str) -> str:
    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return "-".join("".join(c if c.isalnum() else " " for c in plain).split())[:70]


def windows_1258(text: str) -> bytes:
    """Encode as Windows-1258 does: precomposed where the code page has the letter, tone marks combining."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", char)
            tones = [m for m in marks if m in "\u0300\u0301\u0303\u0309\u0323"]
            letter = unicodedata.normalize("NFC", base + "".join(m for m in marks if m not in tones))
            out += (letter + "".join(tones)).encode("cp1258", errors="replace")
    return bytes(out)


def article(rng: random.Random, index: int, officials: list[tuple[str, str]],
            documents: list[tuple[str, str, str, str]]) -> tuple[str, dict]:
    year, month, day = rng.randint(2015, 2025), rng.randint(1, 12), rng.randint(1, 28)
    host, host_title = rng.choice(officials)
    guest, guest_title = rng.choice(FOREIGNERS), rng.choice(FOREIGN_TITLES)
    partner = rng.choice(PARTNERS)
    verb, meeting = rng.choice(MEETINGS)
    headline = f"{host_title} {host} {verb} {guest_title} {partner}"
    site, url_pattern, related_label, dateline = rng.choice(SITES)
    url = url_pattern.format(slug=slug(headline), n=rng.randint(100000, 999999), y=year, m=month, d=day)
    quotation = rng.choice(QUOTATIONS)
    opening, closing = rng.choice(QUOTE_MARKS)
    kind, number, issuer, subject = rng.choice(documents)
    listed = rng.sample(officials, 2)
    short_title = host_title.split(" Bộ ")[0].split(" Chính phủ")[0]

    lines = [site, "", rng.choice(["Thời sự", "Chính trị", "Đối ngoại", "Thế giới"]), headline, ""]
    if dateline:
        lines += [dateline.format(wd=rng.choice(WEEKDAYS), d=day, m=month, y=year,
                                  hh=rng.randint(6, 22), mm=rng.randint(0, 59)), ""]
    lines += [f"{rng.choice(DAYPART)} {day}/{month}, tại {rng.choice(PLACES)}, {host_title} {host} đã {verb} "
              f"{guest_title} {partner} {guest} đang thăm chính thức Việt Nam.", ""]
    lines += [f"{host_title} {host} và {guest_title} {guest}. Ảnh: {vietnamese_name(rng)}/TTXVN", ""]
    body = rng.sample(FILLER, 4)
    body.insert(1, f"Tại {meeting}, {short_title} {host.split()[-1]} {rng.choice(SPEECH)}: "
                   f"{opening}{quotation[0].upper()}{quotation[1:]}{closing}.")
    body.insert(2, f"Hai bên khẳng định sẽ quán triệt {kind} số {number} của {issuer} {subject}.")
    body.append(f"Cùng tham dự có {listed[0][1]} {listed[0][0]}; {listed[1][1]} {listed[1][0]}.")
    lines += [part for paragraph in body for part in (paragraph, "")]
    lines += [rng.choice(["PV", "Minh Châu", "Hải Yến", "Quang Hòa"]), ""]
    teaser = f"{rng.choice(VN_TITLES)} {vietnamese_name(rng)} tiếp Đại sứ {rng.choice(PARTNERS)}"
    lines += [related_label, teaser, teaser, f"{rng.choice(PLACES)} đón đoàn doanh nghiệp {rng.choice(PARTNERS)}", ""]
    lines += rng.sample(FURNITURE, 3) + [f"Link nguồn: {url}", f"{rng.random():.4f} sec"]

    # The year is only knowable from a dateline or a dated URL; otherwise a careful extractor gives none.
    year_known = bool(dateline) or "{y}" in url_pattern
    truth = {"file": f"{index:06d}.txt", "event_date": f"{year}-{month:02d}-{day:02d}",
             "date": f"{year}-{month:02d}-{day:02d}" if year_known else None, "outlet": site,
             "url": url, "title": headline,
             "persons": sorted({host, guest, listed[0][0], listed[1][0]}),
             "quotes": [quotation[0].upper() + quotation[1:]],
             "directives": [{"kind": kind, "number": number, "issuer": issuer}]}
    return "\n".join(lines) + "\n", truth


def stored_bytes(rng: random.Random, text: str) -> tuple[bytes, str | None]:
    """How the file lands on disk: mostly clean UTF-8, sometimes the way legacy scrapers saved it."""
    roll = rng.random()
    if roll < 0.02:
        return unicodedata.normalize("NFD", text).encode("utf-8"), "nfd"
    if roll < 0.04:
        return text.replace("\n", "\r\n").encode("utf-8"), "crlf"
    if roll < 0.05:
        return "\ufeff".encode("utf-8") + text.encode("utf-8"), "bom"
    if roll < 0.06:
        return text.encode("utf-16"), "utf16"
    if roll < 0.08:
        return windows_1258(text), "cp1258"
    return text.encode("utf-8"), None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="directory to write the articles into")
    parser.add_argument("--count", type=int, default=10_000, help="number of articles (default 10000)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    parser.add_argument("--no-variants", action="store_true", help="write every file as clean UTF-8")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    officials = [(vietnamese_name(rng), rng.choice(VN_TITLES)) for _ in range(max(60, args.count // 25))]
    documents = [(rng.choice(DOC_KINDS), f"{rng.randint(1, 99)}", rng.choice(ISSUERS), rng.choice(DOC_SUBJECTS))
                 for _ in range(50)]
    args.out.mkdir(parents=True, exist_ok=True)
    with open(args.out / "truth.jsonl", "w", encoding="utf-8") as truth_file:
        for index in range(args.count):
            text, truth = article(rng, index, officials, documents)
            data, variant = stored_bytes(rng, text)
            if args.no_variants:
                data, variant = text.encode("utf-8"), None
            (args.out / truth["file"]).write_bytes(data)
            if variant:
                truth["variant"] = variant
            truth_file.write(json.dumps(truth, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()

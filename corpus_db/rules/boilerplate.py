"""Site furniture: what a scraped page carries that is not the article.

``LINE`` markers make one line furniture; ``BLOCK`` markers start a block (related
news, same-section lists…) that is cut whole, to the end of the page.
"""
from __future__ import annotations

import re

from .speech import anchored_cues

# A line that *is* one of these (optionally followed by ":" and a little text) opens a block
# of teasers that runs to the end of the page.
BLOCK = (
    "Tin liên quan", "Tin cùng chuyên mục", "Cùng chuyên mục", "Tin khác", "Các tin khác", "Tin mới",
    "Tin mới nhất", "Tin mới hơn", "Tin cũ hơn", "Bài liên quan", "Bài viết liên quan", "Đọc thêm",
    "Xem thêm", "Xem tiếp", "Tin nổi bật", "Có thể bạn quan tâm", "Bạn có thể quan tâm", "Đọc nhiều",
    "Đọc nhiều nhất", "Xem nhiều", "Xem nhiều nhất", "Tin đọc nhiều", "Tin xem nhiều", "Tin tiêu điểm",
    "Tin nóng", "Tin hot", "Bài đọc nhiều", "Tin cùng loại", "Video liên quan", "Tin ảnh", "Tin tức khác",
    "Related news", "Related articles", "Read more", "Tin bài liên quan", "Các bài viết khác", "Đọc tiếp",
    "Tin cùng chủ đề", "Bài cùng chủ đề", "Tin bài khác", "Xem tin khác", "Tin tức liên quan",
)

# Phrases that make a line furniture wherever they stand in it: none of them is said in news prose.
LINE = (
    "Tối đa: 1500 ký tự", "ký tự còn lại", "Hiện chưa có bình luận nào", "hãy là người đầu tiên bình luận",
    "Gửi bình luận", "Viết bình luận", "Bình luận của bạn", "Xác thực thông tin của bạn",
    "Nhấn vào đây để đánh giá", "Đánh giá bài viết", "Chia sẻ bài viết", "Liên hệ cung cấp thông tin",
    "gửi tin bài cộng tác", "Mời quý vị theo dõi", "Mời quý độc giả", "Mời bạn đọc xem", "Mời độc giả xem",
    "trên Google News", "Tải ứng dụng", "Bản quyền thuộc về", "Ghi rõ nguồn", "Cấm sao chép", "Copyright",
    "All rights reserved", "Chịu trách nhiệm nội dung", "Giấy phép số", "thời sự mới nhất, nóng nhất",
    "Tin tức pháp luật 24h", "Đăng ký nhận tin", "Đăng ký nhận bản tin", "Đăng nhập để bình luận",
)
# Phrases that make a *short* line (a label, a button) furniture; in a sentence they are prose.
SHORT_LINE = (
    "Ý kiến bạn đọc", "Ý kiến của bạn", "Chia sẻ qua", "Chia sẻ lên", "Theo dõi chúng tôi", "In bài viết",
    "Lưu bài viết", "Cỡ chữ", "Nghe bài viết", "Nghe đọc bài", "Phản hồi", "Trả lời", "Thích",
    "Gửi ý kiến", "Bấm để xem", "Click để xem", "Xem video", "Quảng cáo", "Logo", "Báo điện tử",
    "Tags:", "Tag:", "Từ khóa:", "Từ khoá:", "Tổng biên tập:", "Đường dây nóng:", "Hotline:",
    "Lượt xem", "Lượt đọc", "Số lượt xem", "Chia sẻ Facebook", "Chia sẻ Zalo", "Gửi email", "Gửi bài",
    "Liên hệ quảng cáo", "Thông tin tòa soạn", "Thông tin toà soạn", "Thời gian tải",
)
SHORT_WORDS = 12

# Lines that are furniture whole: form labels, ratings, server timings, share counters.
WHOLE_LINE = (
    r"Họ (?:và )?tên:?", r"E-?mail:?", r"Điện thoại:?", r"Địa chỉ:?", r"Nội dung:?", r"Gửi", r"Hủy",
    r"Bình luận", r"Chia sẻ", r"Share", r"Like", r"Tweet", r"Facebook", r"Zalo", r"Twitter",
    r"(?:Ý kiến|Bình luận|Chia sẻ|Thích|Lượt xem)\s*\(\d+\)",  # "Ý kiến (0)", "Bình luận (12)"
    r"[\d.,\s]+(?:sec|s|ms)\s*\|\s*[\d.,]+\s*kb",  # "0.37962 sec| 647.813 kb"
    r"[\d.\s]+Nhấn vào đây để đánh giá",
    r"\d+(?:[.,]\d+)?(?:\s+\d+)*",  # bare counters
    r"Trang chủ(?:\s*[>»/].*)?",  # breadcrumbs
    r"(?:Trở )?[Vv]ề đầu trang",
    r"Top",
)

BLOCK_START = re.compile(
    r"^\W*(?:" + "|".join(re.escape(b) for b in sorted(BLOCK, key=len, reverse=True)) + r")\s*[:>»]?\s*$",
    re.IGNORECASE,
)
LINE_MARKER = anchored_cues(LINE)  # searched in every line, paragraphs included
# (scanned from the rarer letters of its words too: the same matches, without lower-casing each line)
SHORT_MARKER = anchored_cues(SHORT_LINE)
WHOLE = re.compile(r"^\s*(?:" + "|".join(WHOLE_LINE) + r")\s*$", re.IGNORECASE)


def is_furniture(line: str) -> bool:
    """True for a line that belongs to the site, not the article."""
    if WHOLE.match(line) or LINE_MARKER.search(line):
        return True
    # (at most SHORT_WORDS + 1 pieces: enough to tell a short line, without splitting a paragraph)
    return len(line.split(None, SHORT_WORDS)) <= SHORT_WORDS and bool(SHORT_MARKER.search(line))


def opens_block(line: str) -> bool:
    """True for a heading that opens a related-news (or similar) block."""
    return bool(BLOCK_START.match(line))

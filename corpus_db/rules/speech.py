"""Speech verbs, quotation marks, and the words that make quoted text a theme or a name, not a quote."""
from __future__ import annotations

from . import compile_cues

SPEECH_VERBS = (
    "nhấn mạnh", "khẳng định", "tái khẳng định", "cho biết", "đề nghị", "yêu cầu", "cho rằng", "đánh giá",
    "đánh giá cao", "nêu rõ", "lưu ý", "chỉ đạo", "bày tỏ", "cam kết", "thông báo", "tuyên bố", "phát biểu",
    "chia sẻ", "nói", "nhận định", "kêu gọi", "đề xuất", "mong muốn", "nhắc lại", "giải thích", "thông tin",
    "trả lời", "nhận xét", "phát biểu chỉ đạo", "nêu", "khuyến nghị", "đề cập", "nhất trí", "hoan nghênh",
    "chỉ rõ", "quán triệt", "gợi ý", "dặn dò", "căn dặn", "lưu ý rằng", "nói rằng", "cho hay", "khẳng định rằng",
    "bình luận", "thừa nhận", "viết", "tuyên bố rằng", "cảnh báo", "trao đổi", "phát biểu tại",
)
# Instructing verbs: a leader's reported statement with one of these, directed at a body, is an instruction.
INSTRUCTING = ("đề nghị", "yêu cầu", "chỉ đạo", "giao", "quán triệt", "dặn dò", "căn dặn", "kêu gọi")
MODALS = ("cần", "phải", "cần phải", "nên", "tiếp tục", "hãy", "chủ động")
# Before an opening quotation mark, these make the quoted words a theme, a name or a title.
NOT_A_QUOTE_BEFORE = (
    "chủ đề", "với chủ đề", "khẩu hiệu", "tên gọi", "mang tên", "có tên", "tên là", "tiêu đề", "phương châm",
    "cuốn sách", "tác phẩm", "bài viết", "bài báo", "chương trình", "dự án", "giải thưởng", "danh hiệu",
    "Nghị quyết", "Chỉ thị", "Kết luận", "Luật", "Đề án", "Chiến lược", "Quyết định", "Hội thảo", "hội thảo",
    "Hội nghị", "Diễn đàn", "diễn đàn", "tọa đàm", "Tọa đàm", "bài hát", "ca khúc", "phim", "bộ phim",
    "triển lãm", "Triển lãm", "cuộc thi", "Cuộc thi", "chiến dịch", "sáng kiến", "Sáng kiến", "chuyên mục",
    "chuyên đề", "biệt danh", "gọi là", "được gọi là", "cụm từ", "từ khóa", "thuật ngữ", "hashtag", "tựa đề",
    "với tên", "lấy tên", "mô hình", "cơ chế", "Tuyên bố", "tuyên bố chung", "Hiệp định", "Công ước",
)
QUOTE_PAIRS = (("“", "”"), ("«", "»"), ("„", "“"), ('"', '"'))
SPEECH_PATTERN = compile_cues(SPEECH_VERBS, template=r"(?<![\w])({})(?![\w])")
NOT_A_QUOTE_PATTERN = compile_cues(NOT_A_QUOTE_BEFORE, template=r"({})\s*[:,]?\s*$", flags=0)
INSTRUCTING_PATTERN = compile_cues(INSTRUCTING, template=r"(?<![\w])({})(?![\w])")
MODAL_PATTERN = compile_cues(MODALS, template=r"(?<![\w])({})(?![\w])", flags=0)

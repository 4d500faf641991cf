"""Policy instruments: kinds, issuers, and what a number's suffix says about its issuer."""
from __future__ import annotations

from . import compile_cues
from .speech import anchored_cues

KINDS = (
    "Chỉ thị", "Nghị quyết", "Kết luận", "Quyết định", "Đề án", "Chiến lược", "Chương trình hành động",
    "Luật", "Nghị định", "Thông tư", "Hiến pháp", "Quy định", "Thông báo kết luận", "Pháp lệnh",
    "Nghị quyết liên tịch", "Thông tư liên tịch", "Hướng dẫn", "Kế hoạch",
)
# Not here: "Hiệp định", "Công ước", "Điều ước" are agreements between states, not instruments of
# Vietnamese policy (SPEC: Chỉ thị, Nghị quyết, Kết luận, Quyết định, Đề án, Chiến lược, Luật…).
ISSUERS = (
    "Ban Bí thư", "Bộ Chính trị", "Ban Chấp hành Trung ương Đảng", "Ban Chấp hành Trung ương", "Trung ương Đảng",
    "Trung ương", "Chính phủ", "Thủ tướng Chính phủ", "Thủ tướng", "Quốc hội", "Ủy ban Thường vụ Quốc hội",
    "Chủ tịch nước", "Bộ Ngoại giao", "Bộ Công Thương", "Bộ Quốc phòng", "Bộ Công an", "Bộ Tài chính",
    "Ban Đối ngoại Trung ương", "Đảng ủy Bộ Ngoại giao", "Ban Cán sự đảng Bộ Ngoại giao", "Tỉnh ủy", "Thành ủy",
    "Hội đồng nhân dân", "Ủy ban nhân dân", "Đảng",
)
# The suffix of a document number names its issuer only when one body issues that kind:
# "1234/QĐ-TTg" is the Prime Minister's, "12/NĐ-CP" the Government's. "25-CT/TW" could be
# the Secretariat's or the Politburo's, so it says nothing.
SUFFIX_ISSUER = {"ttg": "Thủ tướng Chính phủ", "cp": "Chính phủ", "qh": "Quốc hội", "ubtvqh": "Ủy ban Thường vụ Quốc hội",
                 "ctn": "Chủ tịch nước", "bng": "Bộ Ngoại giao"}
KIND_PATTERN = anchored_cues(KINDS, template=r"(?<![\w])({})(?![\w])")  # scanned over every body
ISSUER_PATTERN = compile_cues(ISSUERS, template=r"({})(?![\w])", flags=0)

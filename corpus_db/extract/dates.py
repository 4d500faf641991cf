"""Vietnamese date expressions, and the publication date with a year only when evidence fixes it.

"chiều 31/1", "ngày 18-12", "ngày 5/9/2022", "ngày 12 tháng 4 năm 2023", "tháng 4/2023",
"Thứ Sáu, 14/07/2023 | 09:15 GMT+7", URL timestamps ("…-20230131230800498.htm").
A year is inferred only when exactly one year fits every clue (a URL timestamp, an
ordinal anniversary, a numbered recurring event, the terms of the office holders
named); a wrong year is worse than no year.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, timedelta
from functools import lru_cache
from itertools import islice

from ..rules import calendar, find_all, matches_at
from ..rules.offices import terms_of
from .sentences import sentences
from .types import DateMention, DateValue, Layout, PersonMention

_PART_OF_DAY = r"(?:rạng\s+sáng|sáng|trưa|chiều|tối|đêm|hôm|ngày)"
_WEEKDAY = r"(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|chủ\s+nhật)"
# d/m/yyyy, d-m-yyyy, d.m.yyyy with a year: a date wherever it stands. (The look-behind, "no digit,
# '/', '.' or '-' before the day", is written after the day's first digit so that ``re`` can skip
# from digit to digit instead of trying the pattern at every position.)
_FULL = re.compile(r"(?P<d>\d(?<![\d/.\-]\d)\d?)\s?(?P<sep>[/.\-])\s?(?P<m>\d{1,2})(?P=sep)\s?(?P<y>(?:19|20)\d{2})(?![\d/])")
# d/m (or d-m) without a year: a date only after a cue ("chiều 31/1", "ngày 18-12", "(31/1)").
_SHORT = re.compile(
    r"(?:(?P<cue>" + _PART_OF_DAY + r"(?:\s+(?:nay|qua|mai))?(?:\s+ngày)?|" + _WEEKDAY + r",?|từ|đến|tới|và)\s+"
    r"|(?P<paren>\())"
    r"(?P<d>\d{1,2})\s?[/\-]\s?(?P<m>\d{1,2})(?![\d/]|-\d|\s?-\s?[A-ZĐ])",
    re.IGNORECASE)
_WORDS = re.compile(r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})(?:\s*(?:năm|,)\s*(?P<y>(?:19|20)\d{2}))?",
                    re.IGNORECASE)
_MONTH_YEAR = re.compile(r"tháng\s+(?P<m>\d{1,2})\s*(?:/|năm|-)\s*(?P<y>(?:19|20)\d{2})(?!\d)", re.IGNORECASE)
_URL_STAMP = re.compile(r"(?<!\d)(?P<y>20[0-3]\d)[/\-]?(?P<m>[01]\d)[/\-]?(?P<d>[0-3]\d)(?:\d{0,12})(?!\d)")
_DATELINE_HINT = re.compile(r"GMT|\d{1,2}:\d{2}|" + _WEEKDAY + r"|Cập nhật|Đăng ngày|Ngày đăng|Thời gian đăng",
                            re.IGNORECASE)
# The hints in lower case, with ":" and a digit for a time, looked for first in the folded text
# (see fold_case). Written without nested groups, so that ``re`` skips to the characters they
# start with.
_HINT_SCAN = re.compile(r":\d|gmt|thứ\s+(?:hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|chủ\s+nhật|cập nhật|đăng ngày|ngày đăng|"
                        r"thời gian đăng")
# What every _HINT_SCAN match begins with: found with ``str.find``, much quicker than a search for
# a pattern that opens with letters as common as "t", "c" and "n".
_HINT_HEADS = (":", "gmt", "thứ", "chủ", "cập nhật", "đăng ngày", "ngày đăng", "thời gian đăng")


def _valid(year: int | None, month: int, day: int) -> bool:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return False
    try:
        date(year or 2024, month, day)  # 2024: a leap year, so 29/2 stays possible without a year
    except ValueError:
        return False
    return True


# Speed. ``re`` finds no quick start for a pattern that ignores case or opens with an alternation
# or a look-behind, and tries it at every position; most of the patterns here are such. So the
# code looks first for what a match needs (a digit, a word found with ``str.find`` in the folded
# text, a d/m) and tries the pattern only there, with the same matches as ``finditer``.


def fold_case(text: str) -> str | None:
    """``text`` lower-cased character for character, so that wherever a pattern that ignores case
    matches a lower-case word in ``text``, the folded text has the word itself, at the same place
    ("ı" and "ſ", which ``re`` also takes for "i" and "s", become those). None when lower-casing
    changes the length ("İ" becomes two characters)."""
    folded = text.lower().replace("ı", "i").replace("ſ", "s")
    return folded if len(folded) == len(text) else None


def _matches_from(pattern: re.Pattern[str], text: str, folded: str | None,
                  heads: Iterable[str]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern that ignores case and whose every match begins
    with one of ``heads`` (lower case): tried where the folded text has a head."""
    if folded is None:
        return pattern.finditer(text)
    return matches_at(pattern, text, _positions(folded, heads))


def _positions(text: str, words: Iterable[str]) -> set[int]:
    """Where any of ``words`` stands in ``text``."""
    return {at for word in words for at in find_all(text, word)}


_DIGIT = re.compile(r"\d")
# The d/m that ends a _SHORT date ("\d{1,2}\s?[/\-]\s?\d{1,2}"), with a space or "(" before it,
# where alone one can end a _SHORT date: its first digit is the one character matched, the rest
# is looked at around it, so that ``finditer`` finds every one, overlaps included (opening with
# the digit, the search skips to digits; "\s" is what ``str.isspace`` calls a space). A character
# that may start a date (a cue's first letter in either case, as _SHORT reads it, or "("); and,
# read on the reversed text from a d/m, the spaces and the (at most four) words of a cue before
# it ("rạng sáng nay ngày").
_DAY_MONTH_AFTER_SPACE = re.compile(r"\d(?<=[\s(]\d)(?=\d?\s?[/\-]\s?\d{1,2})")
_SHORT_START = re.compile(r"[rstcđhnv(]", re.IGNORECASE)
_CUE_WORDS_REVERSED = re.compile(r"\s+\S+(?:\s+\S+){0,3}")


def _short_matches(text: str) -> Iterator[re.Match[str]]:
    """``_SHORT.finditer(text)``: _SHORT is tried only where a cue or "(" may start before a d/m."""
    starts: set[int] = set()
    reversed_text = None
    for hit in _DAY_MONTH_AFTER_SPACE.finditer(text):  # a d/m elsewhere can end no _SHORT date
        day = hit.start()
        if text[day - 1] == "(":
            starts.add(day - 1)
        else:  # a space
            if reversed_text is None:
                reversed_text = text[::-1]
            words = _CUE_WORDS_REVERSED.match(reversed_text, len(text) - day)
            if words:
                starts.update(m.start() for m in _SHORT_START.finditer(text, len(text) - words.end(), day))
    return matches_at(_SHORT, text, starts)


def find_dates(text: str) -> list[DateMention]:
    """Every date expression in ``text``, in order, with its span; impossible dates are left out."""
    found: dict[int, DateMention] = {}
    if not _DIGIT.search(text):
        return []
    folded = fold_case(text)
    months = folded is None or "tháng" in folded  # in every _WORDS and _MONTH_YEAR date
    # _WORDS and _MONTH_YEAR dates begin with "ngày" and "tháng": tried only where those stand
    words = _matches_from(_WORDS, text, folded, ("ngày",)) if months else ()
    for pattern, matches in ((_FULL, _FULL.finditer(text)), (_WORDS, words),
                             (_SHORT, _short_matches(text))):
        for match in matches:
            day, month = int(match["d"]), int(match["m"])
            year = int(match["y"]) if "y" in pattern.groupindex and match["y"] else None
            if not _valid(year, month, day):
                continue
            start = match.start("d") if pattern is _SHORT else match.start()
            if pattern is _SHORT and match["cue"]:
                start = match.start("cue")
            end = match.end()
            if any(start < m.end and m.start < end for m in found.values()):
                continue
            found[start] = DateMention(start, end, text[start:end], day, month, year)
    for match in _matches_from(_MONTH_YEAR, text, folded, ("tháng",)) if months else ():
        month, year = int(match["m"]), int(match["y"])
        if 1 <= month <= 12 and not any(match.start() < m.end and m.start < match.end() for m in found.values()):
            found[match.start()] = DateMention(match.start(), match.end(), match.group(), None, month, year)
    return [found[k] for k in sorted(found)]


def url_date(url: str | None) -> DateValue | None:
    """A date stamped in a URL ("…-20230131230800498.htm", "/2023/01/31/")."""
    if not url:
        return None
    for match in _URL_STAMP.finditer(url):
        year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
        if 2000 <= year and _valid(year, month, day):
            return DateValue(f"{year:04d}-{month:02d}-{day:02d}", "day", f"URL timestamp {match.group()[:8]}")
    return None


def _iso(year: int, month: int, day: int | None) -> DateValue:
    if day is None:
        return DateValue(f"{year:04d}-{month:02d}", "month", "")
    return DateValue(f"{year:04d}-{month:02d}-{day:02d}", "day", "")


def _with_evidence(value: DateValue, evidence: str) -> DateValue:
    return DateValue(value.iso, value.precision, evidence)


def _dateline(layout: Layout, text: str) -> DateValue | None:
    """A full date standing as the dateline: in the lines around the headline, or a line that
    looks like one ("Thứ Sáu, 14/07/2023 | 09:15 GMT+7", "Cập nhật: 14/07/2023")."""
    lines = text.split("\n")
    head = islice((line for line in lines if line.strip()), 6)
    # (the hinted lines are looked for only when the head gives no dateline)
    return _first_dateline(head) or _first_dateline(_hinted_lines(lines))


def _first_dateline(lines: Iterable[str]) -> DateValue | None:
    for line in lines:
        if len(line) > 80:
            continue
        found = _line_dateline(line)
        if found:
            return found
    return None


@lru_cache(maxsize=4096)  # the lines at the top of a page (outlet, section, date) repeat from page to page
def _line_dateline(line: str) -> DateValue | None:
    """The dateline ``line`` (at most 80 characters) gives, if any: see ``_dateline``."""
    for mention in find_dates(line):
        rest = line[:mention.start] + line[mention.end:]
        if not _hinted(line) and len(rest.split()) > 4:
            continue  # a sentence that mentions a date, not a dateline ("Hà Nội, ngày 12 tháng 4 năm 2023" is one)
        if mention.year and mention.day:
            return DateValue(f"{mention.year:04d}-{mention.month:02d}-{mention.day:02d}", "day",
                             f"dateline '{line.strip()[:60]}'")
    return None


def _hinted(line: str) -> bool:
    """Whether ``line`` has a dateline hint ("GMT", "09:15", "Thứ Sáu", "Cập nhật")."""
    folded = fold_case(line)
    if folded is not None and not _HINT_SCAN.search(folded):
        return False
    return _DATELINE_HINT.search(line) is not None


def _hinted_lines(text_lines: list[str]) -> list[str]:
    """The lines (of a text) shorter than 80 characters that have a dateline hint, in order."""
    lines = "\n".join([line for line in text_lines if len(line) < 80])
    folded = fold_case(lines)
    if folded is None:
        return [line for line in lines.split("\n") if _DATELINE_HINT.search(line)]
    # Only a line where _HINT_SCAN matches in the folded text can have a hint: go from one such
    # line to the next, trying the pattern where the words its matches begin with stand.
    found = []
    end = -1  # the end of the line of the hit before
    for start in sorted(_positions(folded, _HINT_HEADS)):
        if start <= end or not _HINT_SCAN.match(folded, start):
            continue
        line_start = folded.rfind("\n", 0, start) + 1
        end = folded.find("\n", start)
        end = len(folded) if end < 0 else end
        if _DATELINE_HINT.search(lines, line_start, end):
            found.append(lines[line_start:end])
    return found


# A part of the day ("sáng 4/6", "chiều ngày 18/12") marks the time of an action wherever it stands.
_ACTION_TIME = re.compile(r"(?:rạng\s+sáng|sáng|trưa|chiều|tối|đêm)\b", re.IGNORECASE)
# A bare "ngày 7/10/2016" is an action's time only at the head of a clause or after "vào"/"hôm";
# elsewhere it dates a document, a deadline or history ("Quyết định 5612, ngày 7/10/2016",
# "thiết lập quan hệ ngoại giao ngày 23/9/1975", "kéo dài đến ngày 30/6/2018").
_CLAUSE_HEAD = re.compile(r"(?:^(?:(?:Tại|Trong|Nhân|Ở)\b[^,.;]{0,80},\s*)?|\b(?:vào|hôm))\s*$")
_DAY_WORD = re.compile(r"(?:ngày|hôm nay|hôm qua)\s*$", re.IGNORECASE)
_NOT_NOW = re.compile(r"(?:từ|đến|tới|trước|sau|hạn|hết)\s*(?:ngày\s*)?$", re.IGNORECASE)


def _not_now_before(before: str) -> bool:
    """``_NOT_NOW.search(before)`` for ``before`` without a line end (the text before a date in a
    paragraph), tried only where a match can start: a match is a word of two to five letters that
    ends the text but for spaces, or that ends it but for spaces, "ngày" and spaces."""
    end = len(before.rstrip())  # (``str.rstrip`` strips what "\\s" matches)
    word_ends = (end, len(before[:max(0, end - len("ngày"))].rstrip()))
    return any(_NOT_NOW.match(before, start) for word_end in word_ends
               for start in range(max(0, word_end - 5), max(0, word_end - 1)))


# The action still to come ("Ngày 12/4, đoàn sẽ thăm Đà Nẵng"): the article is not dated by it.
_FUTURE = re.compile(r"[^.;]{0,60}?\b(?:sẽ|dự kiến|dự định|sắp)\b", re.IGNORECASE)
_FUTURE_BEFORE = re.compile(r"\b(?:sẽ|dự kiến|dự định|sắp|kế hoạch)\b[^.;,]*$", re.IGNORECASE)


# A wire dateline opening the lead: "Hà Nội, 12/4 (TTXVN) -", "Washington, 10/9/2024 (TTXVN) –".
_AGENCY_DATELINE = re.compile(r"^[A-ZĐÀ-Ỹ][^,()\n]{1,40},\s*(?P<date>(?P<d>\d{1,2})\s?/\s?(?P<m>\d{1,2})"
                              r"(?:/(?P<y>(?:19|20)\d{2}))?)\s*\([^()\n]{2,30}\)\s*[-–—:]")


def _paragraphs(body: str, most: int) -> list[tuple[int, str]]:
    """(offset, line) of the first ``most`` lines of ``body`` that are not blank."""
    found: list[tuple[int, str]] = []
    start = 0
    while len(found) < most:
        end = body.find("\n", start)
        line = body[start:] if end < 0 else body[start:end]
        if line.strip():
            found.append((start, line))
        if end < 0:
            break
        start = end + 1
    return found


def _first_spans(body_spans: Sequence[tuple[int, int]], offset: int, line: str,
                 count: int) -> tuple[tuple[int, int], ...]:
    """``first_sentences(line, count)`` for the ``line`` of a body at ``offset``, taken from the
    sentences of the body, ``body_spans``."""
    first = bisect_left(body_spans, (offset,))
    return tuple((start - offset, end - offset) for start, end in body_spans[first:first + count]
                 if start < offset + len(line))


def _event_mention(layout: Layout) -> tuple[DateMention, str] | None:
    """The date of the main reported event: a date in the opening sentences of the first
    paragraphs that stands as the time of the action ("Sáng 4/6, …", "Tại Hà Nội, chiều 31/1, …",
    "Ngày 5/9/2022, …", "… làm việc với Bộ Ngoại giao vào chiều 23/8").

    Other dates (documents, deadlines, history, "từ 1.1.2018") are references to other
    happenings and never date the article; when the opening has none, the article has no date.
    Returns the mention and the sentence it stands in."""
    paragraphs = _paragraphs(layout.body, 3)
    # The sentences of the whole body, which the other extractors split too (``sentences`` keeps
    # them): those of a paragraph are the paragraph's own, as a line end always ends a sentence.
    body_spans = sentences(layout.body) if paragraphs else ()
    agency = _AGENCY_DATELINE.match(paragraphs[0][1]) if paragraphs else None
    if agency and _valid(int(agency["y"]) if agency["y"] else None, int(agency["m"]), int(agency["d"])):
        offset, paragraph = paragraphs[0]
        spans = _first_spans(body_spans, offset, paragraph, 1)
        mention = DateMention(agency.start("d"), agency.end("date"), agency["date"], int(agency["d"]),
                              int(agency["m"]), int(agency["y"]) if agency["y"] else None)
        return mention, paragraph[:spans[0][1]] if spans else paragraph
    for offset, paragraph in paragraphs:
        spans = _first_spans(body_spans, offset, paragraph, 2)
        opening = paragraph[:spans[-1][1]] if spans else paragraph
        first_end = spans[0][1] if spans else len(paragraph)
        for mention in find_dates(opening):
            if mention.day is None:
                continue
            before = opening[:mention.start]
            # (a _FUTURE_BEFORE match holds no "." ";" ","; it is looked for after the last one)
            if (_not_now_before(before) or _NOT_NOW.match(mention.surface) or _FUTURE.match(opening, mention.end)
                    or _FUTURE_BEFORE.search(before, 1 + max(before.rfind(mark) for mark in ".;,"))):
                continue
            sentence = next((opening[a:b] for a, b in spans if a <= mention.start < b), opening)
            if _ACTION_TIME.match(mention.surface) or _ACTION_TIME.search(before[-12:]):
                return mention, sentence
            head = _DAY_WORD.sub("", before) if not re.match(r"ngày", mention.surface, re.IGNORECASE) else before
            if mention.start < first_end and _CLAUSE_HEAD.search(head):
                return mention, sentence
    return None


# "năm 2024" naming the occasion in the sentence of the event ("… nhân dịp chuyến thăm chính
# thức Việt Nam năm 2024", "tại Hội nghị Cấp cao APEC năm 2017") is the event's year. Other
# years in that sentence date something else: history ("trục xuất … vào năm 2016"), a review
# ("kiểm điểm … năm 2016", "tổng kết công tác năm 2023"), a plan ("đến năm 2030"), a person.
_OCCASION_YEAR = re.compile(
    r"\b(?:chuyến\s+(?:thăm|công\s+tác)|hội\s+nghị|hội\s+thảo|diễn\s+đàn|kỳ\s+họp|phiên\s+họp|"
    r"hội\s+đàm|đối\s+thoại|lễ|tuần\s+lễ|hội\s+chợ|triển\s+lãm|cuộc\s+gặp|thượng\s+đỉnh|"
    r"hội\s+nghị\s+cấp\s+cao)\b(?P<between>[^,.;:()“”\"]{0,50}?)\bnăm\s+(?P<y>20\d{2})\b"
    r"(?!\s*(?:[-–/]|và|đến|tới)\s*\d)",
    re.IGNORECASE)
_REVIEW = re.compile(r"\b(?:tổng\s+kết|sơ\s+kết|kiểm\s+điểm|đánh\s+giá|kết\s+quả|kế\s+hoạch|"
                     r"chương\s+trình|giai\s+đoạn|từ|đến|tới|trước|sau|cuối|đầu)\b", re.IGNORECASE)


def _occasion_years(sentence: str) -> set[int]:
    folded = fold_case(sentence)
    if folded is not None and "năm" not in folded:  # in every match
        return set()
    return {int(match["y"]) for match in _OCCASION_YEAR.finditer(sentence)
            if not _REVIEW.search(match["between"])}


def _year_clues(text: str, month: int) -> list[tuple[int, str]]:
    """Years that an anniversary or a numbered recurring event in the text pins down for a
    date in ``month`` (a numbered event held in another season is a reference, not a clue)."""
    clues: list[tuple[int, str]] = []
    folded = fold_case(text)
    for match in _matches_from(_ANNIVERSARY, text, folded, _ANNIVERSARY_HEADS):
        if _COMING.search(text[max(0, match.start() - 30):match.start()]) or _YEAR_GIVEN.search(match["what"]):
            continue
        years, what = int(match["n"]), match["what"].lower()
        for founding in calendar.FOUNDINGS:
            if re.match(founding.pattern, what):
                clues.append((founding.year + years, f"'{match.group()[:60]}' (founded {founding.year})"))
                break
        else:
            partner = _RELATIONS.search(what)
            if partner:
                base = calendar.RELATIONS[partner["partner"].lower()]
                clues.append((base + years, f"'{match.group()[:60]}' (relations since {base})"))
    for series in calendar.SERIES:
        for match in _matches_from(series.pattern, text, folded, [series.head]):
            held = series.held(int(match["ordinal"]))
            if held is None:
                continue
            year, held_month = held
            if held_month is not None and min(abs(held_month - month), 12 - abs(held_month - month)) > 1:
                continue
            clues.append((year, f"'{match.group()}' held in {year}"))
    return clues


# An article that looks back ("cách đây 40 năm", "hơn 20 năm trước") dates history, not itself.
_RETROSPECTIVE = re.compile(r"\bcách\s+đây\s+(?:hơn\s+|gần\s+|khoảng\s+)?\d+\s+năm|\b\d+\s+năm\s+(?:về\s+)?trước\b",
                            re.IGNORECASE)
# An anniversary still to come ("sẽ kỷ niệm…", "hướng tới kỷ niệm…", "kỷ niệm 45 năm … vào năm 2018")
# says nothing about the article's own year.
_COMING = re.compile(r"(?:sẽ|hướng tới|tiến tới|chuẩn bị|sắp|mời)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_YEAR_GIVEN = re.compile(r"\bnăm\s+(?:19|20)\d{2}\b")
_ANNIVERSARY_HEADS = ("kỷ niệm", "tròn", "chào mừng")
_ANNIVERSARY = re.compile(r"(?:" + "|".join(_ANNIVERSARY_HEADS) + r")\s+(?:lần thứ\s+)?(?P<n>\d{1,3})\s+năm\s+"
                          r"(?P<what>[^.;\n]{3,90})", re.IGNORECASE)
_RELATIONS = re.compile(r"quan hệ ngoại giao\s+(?:giữa\s+)?việt nam\s*(?:-|–|và|với)\s*(?P<partner>"
                        + "|".join(sorted((re.escape(k) for k in calendar.RELATIONS), key=len, reverse=True))
                        + r")\b", re.IGNORECASE)


def _office_years(persons: Sequence[PersonMention], month: int, day: int,
                  years: Iterable[int]) -> tuple[set[int], list[str]]:
    """The years in which every titled office holder named held that office on day/month."""
    allowed = set(years)
    used = []
    seen = set()
    for person in persons:
        key = (person.name, person.title)
        if key in seen or not person.title:
            continue
        seen.add(key)
        spans = terms_of(person.name, person.title)
        if spans is None:
            continue
        # (the bounds of each term, and the day in each year, are worked out once, not per pair)
        pad = timedelta(days=45)
        bounds = [(start - pad, (end or date.max - pad) + pad) for start, end in spans]
        fits = {y for y in allowed for on in (_safe_date(y, month, day),) for first, last in bounds
                if first <= on <= last}
        if fits != allowed:
            used.append(f"{person.title} {person.name}")
        allowed = fits
    return allowed, used


def _safe_date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:  # 29/2 in a common year
        return date(year, month, 28)


def infer_published(text: str, layout: Layout, persons: Sequence[PersonMention], url: str | None) -> DateValue:
    """The publication date: the dateline, else a URL timestamp, else the main event's date,
    with its year only when exactly one year fits all the evidence."""
    dateline = _dateline(layout, text)
    if dateline:
        return dateline
    stamped = url_date(url)
    if stamped:
        return stamped
    found = _event_mention(layout)
    if found is None:
        return DateValue(None, None, "no date found")
    mention, sentence = found
    if mention.year:
        later = [m.year for m in find_dates(text) if m.year and m.day and m.year > mention.year]
        if _RETROSPECTIVE.search(text) or later:
            return DateValue(None, None, f"'{mention.surface}' looks back: the article tells history "
                                         f"(a later date or 'N năm trước' in the text)")
        value = _iso(mention.year, mention.month, mention.day)
        return _with_evidence(value, f"'{mention.surface}'")
    return _infer_year(mention, sentence, text, persons)


def _infer_year(mention: DateMention, sentence: str, text: str, persons: Sequence[PersonMention]) -> DateValue:
    this_year = date.today().year
    candidates = set(range(2000, this_year + 1))
    reasons = []
    stated = _occasion_years(sentence)
    if len(stated) == 1:
        candidates &= stated
        reasons.append(f"'năm {next(iter(stated))}' names the occasion in the same sentence")
    clues = _year_clues(text, mention.month)
    clue_years = {year for year, _ in clues}
    if clue_years:
        candidates &= clue_years
        reasons += [why for _, why in clues]
    candidates, used = _office_years(persons, mention.month, mention.day, candidates)
    reasons += used
    if len(candidates) == 1 and reasons:
        (year,) = candidates
        value = _iso(year, mention.month, mention.day)
        return _with_evidence(value, f"'{mention.surface}' + " + "; ".join(dict.fromkeys(reasons)))
    listed = ", ".join(map(str, sorted(candidates))) if len(candidates) <= 6 else "many"
    return DateValue(None, None, f"'{mention.surface}': year not determined (candidates: {listed})")


def resolve_in_context(mention: DateMention, published: DateValue) -> DateValue:
    """Give a year-less date the year of the article's context (an event "sáng 23/12" in an
    article of 2023-12-24 is 2023-12-23; "31/12" in an article of 2024-01-02 is 2023-12-31)."""
    if mention.year:
        if mention.day:
            return DateValue(f"{mention.year:04d}-{mention.month:02d}-{mention.day:02d}", "day", mention.surface)
        return DateValue(f"{mention.year:04d}-{mention.month:02d}", "month", mention.surface)
    if not published.iso or published.precision != "day" or mention.day is None:
        return DateValue(None, None, f"'{mention.surface}': no year in context")
    ref = date.fromisoformat(published.iso)
    best = min((ref.year - 1, ref.year, ref.year + 1),
               key=lambda y: abs((_safe_date(y, mention.month, mention.day) - ref).days))
    return DateValue(f"{best:04d}-{mention.month:02d}-{mention.day:02d}", "day",
                     f"'{mention.surface}' in an article of {published.iso}")

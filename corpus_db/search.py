"""Accent-insensitive full-text search over articles.

On SQLite it uses the FTS5 tables the migrations maintain (``articles_fts``),
so the same queries work in the sqlite3 shell and Datasette. On PostgreSQL it
folds text and query with ``translate()`` (pure SQL, no extension needed) and
matches every term.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from sqlalchemy import and_, column, exists, func, literal, literal_column, select, table
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from . import models as m
from .extract.names import fold

HIGHLIGHT = ("[", "]")
_ACCENTED = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
_PLAIN = "aaaaaaaaaaaaaaaaadeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyy"
assert len(_ACCENTED) == len(_PLAIN)


class SearchError(Exception):
    """The query cannot be run (malformed full-text syntax); the message says why."""


@dataclass(frozen=True)
class SearchHit:
    article_id: int
    source_path: str
    title: str | None
    published: str | None
    outlet: str | None
    snippet: str

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def _filters(since: str | None, until: str | None, outlet: str | None, person: str | None) -> list:
    conditions = []
    if since:
        conditions.append(m.Article.published >= since)
    if until:
        # "2023" includes all of 2023: compare on the same number of characters.
        conditions.append(func.substr(m.Article.published, 1, len(until)) <= until)
    if outlet:
        conditions.append(m.Article.outlet.has(func.lower(m.Outlet.name).contains(outlet.lower())))
    if person:
        conditions.append(exists().where(
            m.PersonMention.article_id == m.Article.id,
            m.PersonMention.person_id == m.Person.id,
            m.Person.name_key.contains(fold(person)),
        ))
    return conditions


def search(session: Session, query: str, *, since: str | None = None, until: str | None = None,
           outlet: str | None = None, person: str | None = None, limit: int = 20) -> list[SearchHit]:
    """Articles matching ``query`` (FTS5 syntax on SQLite), best first, with a highlighted snippet."""
    if not query.strip():
        raise SearchError("empty query")
    conditions = _filters(since, until, outlet, person)
    if session.get_bind().dialect.name == "sqlite":
        return _search_sqlite(session, query, conditions, limit)
    return _search_folded(session, query, conditions, limit)


def _search_sqlite(session: Session, query: str, conditions: list, limit: int) -> list[SearchHit]:
    fts = table("articles_fts", column("rowid"), column("rank"))
    whole = literal_column("articles_fts")
    snippet = func.snippet(whole, -1, HIGHLIGHT[0], HIGHLIGHT[1], "…", 16)
    statement = (
        select(m.Article.id, m.Article.source_path, m.Article.title, m.Article.published, m.Outlet.name,
               m.Article.body, snippet)
        .select_from(fts)
        .join(m.Article, m.Article.id == fts.c.rowid)
        .outerjoin(m.Outlet, m.Outlet.id == m.Article.outlet_id)
        .where(whole.op("MATCH")(query), *conditions)
        .order_by(fts.c.rank)
        .limit(limit)
    )
    try:
        rows = session.execute(statement).all()
    except OperationalError as exc:
        message = str(exc.orig)
        if "no such table" not in message:  # everything else is the query's FTS5 syntax
            raise SearchError(f"cannot parse the search query {query!r}: {message}. "
                              'Put phrases with punctuation in double quotes: "Việt Nam-Israel"') from exc
        raise
    return [SearchHit(r[0], r[1], r[2], r[3], r[4], unfold_snippet(r[6], r[2] or "", r[5])) for r in rows]


def unfold_snippet(snippet: str, *originals: str) -> str:
    """Give a snippet cut from a đ-folded twin column its đ back.

    A folded column has exactly the characters of the original but đ → d, so the
    snippet's text is found in the folded original and each character (not the
    highlight marks) is replaced by the original's.
    """
    inside = snippet.removeprefix("…").removesuffix("…")
    core = inside.replace(HIGHLIGHT[0], "").replace(HIGHLIGHT[1], "")
    for original in originals:
        at = original.replace("đ", "d").replace("Đ", "D").find(core) if core else -1
        if at >= 0:
            source = iter(original[at:at + len(core)])
            restored = "".join(c if c in HIGHLIGHT else next(source) for c in inside)
            return snippet.replace(inside, restored, 1)
    return snippet


_TERM = re.compile(r"\w+")


def _folded(column):
    return func.translate(func.lower(column), _ACCENTED, _PLAIN)


def _search_folded(session: Session, query: str, conditions: list, limit: int) -> list[SearchHit]:
    terms = _TERM.findall(fold(query))
    if not terms:
        raise SearchError(f"no words to search for in {query!r}")
    haystack = _folded(func.coalesce(m.Article.title, "") + literal(" ") + m.Article.body)
    matches = and_(*(haystack.contains(term, autoescape=True) for term in terms))
    statement = (
        select(m.Article.id, m.Article.source_path, m.Article.title, m.Article.published, m.Outlet.name,
               m.Article.body)
        .outerjoin(m.Outlet, m.Outlet.id == m.Article.outlet_id)
        .where(matches, *conditions)
        .order_by(m.Article.published.desc().nulls_last(), m.Article.id)
        .limit(limit)
    )
    return [SearchHit(r[0], r[1], r[2], r[3], r[4], _python_snippet(r[5], terms)) for r in session.execute(statement)]


def _python_snippet(body: str, terms: list[str], width: int = 160) -> str:
    """A window of the body around the first matched term, every matched term marked."""
    folded = fold_same_length(body)
    found = [at for at in (folded.find(t) for t in terms) if at >= 0]
    start = max(0, min(found) - width // 3) if found else 0
    piece, folded_piece = body[start:start + width], folded[start:start + width]
    pattern = re.compile("|".join(re.escape(t) for t in sorted(set(terms), key=len, reverse=True)))
    out, last = [], 0
    for match in pattern.finditer(folded_piece):
        out += [piece[last:match.start()], HIGHLIGHT[0], piece[match.start():match.end()], HIGHLIGHT[1]]
        last = match.end()
    out.append(piece[last:])
    return ("…" if start else "") + "".join(out) + ("…" if start + width < len(body) else "")


_FOLD_TABLE = str.maketrans(_ACCENTED, _PLAIN)


def fold_same_length(value: str) -> str:
    """Lower-case, accent-free, one character for one (precomposed Vietnamese letters)."""
    return value.lower().translate(_FOLD_TABLE)

"""Score the extractors against the hand-written gold sets in this folder.

``articles/*.toml``: whole scraped files with the metadata a reader would record
(headline, outlet, URL, authors, source, publication date, photographers, what the
clean body must and must not hold). ``passages/*.toml``: article bodies with the
complete persons, direct quotes (and speakers), directives and events in them.

    python -m tests.gold.score            # accuracy per field, precision/recall per entity
    python -m tests.gold.score --misses   # and every miss, to see which rule failed

The pytest gates (tests/test_gold.py) pin floors on these numbers.
"""
from __future__ import annotations

import argparse
import re
import tomllib
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from corpus_db.extract import Extraction, extract

HERE = Path(__file__).parent
ARTICLE_FIELDS = ("title", "outlet", "url", "authors", "source", "published", "photographers", "body")


def load(kind: str) -> list[tuple[str, dict]]:
    return [(path.name, tomllib.loads(path.read_text(encoding="utf-8"))) for path in sorted((HERE / kind).glob("*.toml"))]


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip().casefold()


@dataclass
class Score:
    right: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)
    wrong_years: int = 0

    def check(self, key: str, ok: bool, miss: str) -> None:
        self.total[key] += 1
        if ok:
            self.right[key] += 1
        else:
            self.misses.append(f"{key}: {miss}")

    def ratio(self, key: str) -> float:
        return self.right[key] / self.total[key] if self.total[key] else 1.0


def score_articles(cases: list[tuple[str, dict]] | None = None) -> Score:
    score = Score()
    for name, case in cases if cases is not None else load("articles"):
        want = case["expect"]
        got = extract(case["text"])
        meta = got.meta
        score.check("title", _norm(meta.title or "") == _norm(want["title"]), f"{name}: {meta.title!r}")
        score.check("outlet", (meta.outlet or "") == want.get("outlet", ""), f"{name}: {meta.outlet!r}")
        score.check("url", (meta.url or "") == want.get("url", ""), f"{name}: {meta.url!r}")
        score.check("authors", set(meta.authors) == set(want.get("authors", [])), f"{name}: {meta.authors!r}")
        score.check("source", (meta.source or "") == want.get("source", ""), f"{name}: {meta.source!r}")
        published, expected = meta.published.iso or "", want.get("published", "")
        score.check("published", published == expected,
                    f"{name}: {published!r} for {expected!r} ({meta.published.evidence})")
        if published[:4] and published[:4] != expected[:4]:
            score.wrong_years += 1
        photographers = {c.photographer for c in got.layout.captions if c.photographer}
        score.check("photographers", photographers == set(want.get("photographers", [])),
                    f"{name}: {sorted(photographers)!r}")
        body = _norm("\n".join(filter(None, [got.layout.lead, got.layout.body])))
        lost = [s for s in want.get("body_includes", []) if _norm(s) not in body]
        kept = [s for s in want.get("body_excludes", []) if _norm(s) in body]
        score.check("body", not lost and not kept, f"{name}: missing {lost!r}, furniture kept {kept!r}")
    return score


def _article(case: dict) -> Extraction:
    return extract(f"{case['title']}\n\n{case['text'].strip()}\n")


def _quote_matches(gold: dict, quote) -> bool:  # noqa: ANN001
    return _norm(gold["contains"]) in _norm(quote.text)


def score_passages(cases: list[tuple[str, dict]] | None = None) -> Score:
    """Precision and recall per entity: ``<entity> found`` / ``<entity> gold`` is recall,
    ``<entity> right`` / ``<entity> extracted`` is precision."""
    score = Score()
    for name, case in cases if cases is not None else load("passages"):
        got = _article(case)

        persons = {p.name for p in got.persons if p.role == "subject"}
        gold = set(case.get("persons", []))
        for person in sorted(gold):
            score.check("persons recall", person in persons, f"{name}: missed {person}")
        for person in sorted(persons):
            score.check("persons precision", person in gold, f"{name}: extra {person}")
        for wrong in case.get("not_persons", []):
            score.check("persons precision", wrong not in persons, f"{name}: {wrong} taken for a person")
        titles = {(p.name, p.title) for p in got.persons if p.title}
        for person, title in case.get("titles", {}).items():
            score.check("titles", (person, title) in titles or any(
                n == person and t and _norm(title) in _norm(t) for n, t in titles),
                f"{name}: {person} = {title!r}, got {sorted(t for n, t in titles if n == person)!r}")

        direct = [q for q in got.quotes if q.kind == "direct"]
        gold_direct = [q for q in case.get("quotes", []) if q.get("kind", "direct") == "direct"]
        for quote in gold_direct:
            matches = [q for q in direct if _quote_matches(quote, q)]
            score.check("quotes recall", bool(matches), f"{name}: missed {quote['contains']!r}")
            if matches:
                speakers = set(matches[0].speakers)
                score.check("quote speakers", speakers == set(quote.get("speakers", [])),
                            f"{name}: {quote['contains']!r} by {sorted(speakers)} not {quote.get('speakers')}")
        for quote in direct:
            score.check("quotes precision", any(_quote_matches(g, quote) for g in gold_direct),
                        f"{name}: extra quote {quote.text[:60]!r}")
        for wrong in case.get("not_quotes", []):
            score.check("quotes precision", not any(_norm(wrong) in _norm(q.text) for q in direct),
                        f"{name}: {wrong!r} taken for a quote")

        directives = {(d.kind, d.number, d.issuer) for d in got.directives}
        wanted = {(d["kind"], d.get("number"), d.get("issuer")) for d in case.get("directives", [])}
        for key in sorted(wanted, key=str):
            score.check("directives recall", any(_same_directive(key, g) for g in directives),
                        f"{name}: missed {key} in {sorted(directives, key=str)}")
        for key in sorted(directives, key=str):
            score.check("directives precision", any(_same_directive(w, key) for w in wanted),
                        f"{name}: extra {key}")

        events = [(e.kind, e.series, e.ordinal, e.start_date) for e in got.events]
        for event in case.get("events", []):
            score.check("events recall", any(_same_event(event, e) for e in events),
                        f"{name}: missed {event} in {events}")
        for event in events:
            score.check("events precision", any(_same_event(g, event) for g in case.get("events", [])),
                        f"{name}: extra {event}")
    return score


def _same_directive(gold: tuple, got: tuple) -> bool:
    """Kind and number must agree; an issuer the gold names must agree too."""
    return gold[0] == got[0] and gold[1] == got[1] and (gold[2] is None or gold[2] == got[2])


def _same_event(gold: dict, got: tuple) -> bool:
    kind, series, ordinal, start = got
    if gold["kind"] != kind:
        return False
    if gold.get("ordinal") is not None and gold["ordinal"] != ordinal:
        return False
    return not (gold.get("start_date") and start and not gold["start_date"].startswith(start[:len(gold["start_date"])]))


def report(score: Score, keys: list[str]) -> str:
    return "\n".join(f"{key:>22}: {score.ratio(key):.3f}  ({score.right[key]}/{score.total[key]})" for key in keys)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--misses", action="store_true", help="print every miss")
    args = parser.parse_args()
    articles, passages = score_articles(), score_passages()
    print(f"articles ({len(load('articles'))}):")
    print(report(articles, list(ARTICLE_FIELDS)))
    print(f"{'wrong years':>22}: {articles.wrong_years}")
    print(f"passages ({len(load('passages'))}):")
    print(report(passages, sorted(passages.total)))
    if args.misses:
        for miss in articles.misses + passages.misses:
            print("  miss", miss)


if __name__ == "__main__":
    main()

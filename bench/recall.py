"""Score extraction against a generated corpus's ``truth.jsonl``.

    python bench/make_corpus.py /tmp/corpus --count 1000
    python bench/recall.py /tmp/corpus

For every file listed in ``truth.jsonl`` this decodes and extracts the article
exactly as ``corpus-db ingest`` does (no database), then prints recall of
persons, direct quotes and directives, precision of persons, and how many
publication dates are right, missing or wrong (a wrong year is the worst
outcome). ``--show N`` prints up to N misses of each kind, to see what a rule
missed. Any truth file with the keys ``file``, ``persons``, ``quotes``,
``directives`` and ``date`` (ISO or null) works.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from corpus_db.extract import extract
from corpus_db.reader import decode

_SPACE = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


def score(corpus: Path, show: int = 0) -> dict[str, float | int]:
    counts: Counter[str] = Counter()
    misses: dict[str, list[str]] = {"person": [], "extra person": [], "quote": [], "directive": [], "date": []}
    with open(corpus / "truth.jsonl", encoding="utf-8") as lines:
        for line in lines:
            truth = json.loads(line)
            result = extract(decode((corpus / truth["file"]).read_bytes()))
            name = truth["file"]

            found = {p.name for p in result.persons if p.role == "subject"}
            wanted = set(truth.get("persons", []))
            counts["persons"] += len(wanted)
            counts["persons found"] += len(wanted & found)
            counts["persons extracted"] += len(found)
            counts["persons right"] += len(found & wanted)
            misses["person"] += [f"{name}: {p}" for p in sorted(wanted - found)]
            misses["extra person"] += [f"{name}: {p}" for p in sorted(found - wanted)]

            direct = [_norm(q.text) for q in result.quotes if q.kind == "direct"]
            for quote in truth.get("quotes", []):
                counts["quotes"] += 1
                if any(_norm(quote) in text or text in _norm(quote) for text in direct if text):
                    counts["quotes found"] += 1
                else:
                    misses["quote"].append(f"{name}: {quote}")

            got = {(d.kind, d.number, d.issuer) for d in result.directives}
            for directive in truth.get("directives", []):
                key = (directive["kind"], directive.get("number"), directive.get("issuer"))
                counts["directives"] += 1
                if key in got or (key[2] is None and any(g[:2] == key[:2] for g in got)):
                    counts["directives found"] += 1
                else:
                    misses["directive"].append(f"{name}: {key} not in {sorted(got, key=str)}")

            date, published = truth.get("date"), result.meta.published.iso
            if date:
                counts["dates"] += 1
                if published == date:
                    counts["dates right"] += 1
                elif published and published[:4] != date[:4]:
                    counts["wrong years"] += 1
                    misses["date"].append(f"{name}: {published} for {date}")
                elif not published:
                    counts["dates missing"] += 1
                    misses["date"].append(f"{name}: none for {date}")
                else:
                    misses["date"].append(f"{name}: {published} for {date}")
            elif published and len(published) >= 4:
                counts["wrong years"] += 1  # a year where the truth says none can be known
                misses["date"].append(f"{name}: {published} for unknown")

    def ratio(part: str, whole: str) -> float:
        return round(counts[part] / counts[whole], 4) if counts[whole] else 1.0

    report: dict[str, float | int] = {
        "person recall": ratio("persons found", "persons"),
        "person precision": ratio("persons right", "persons extracted"),
        "direct quote recall": ratio("quotes found", "quotes"),
        "directive recall": ratio("directives found", "directives"),
        "dates right": ratio("dates right", "dates"),
        "dates missing": counts["dates missing"],
        "wrong years": counts["wrong years"],
    }
    for kind, items in misses.items():
        for item in items[:show]:
            print(f"miss {kind}: {item}", file=sys.stderr)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path, help="folder with the articles and truth.jsonl")
    parser.add_argument("--show", type=int, default=0, metavar="N", help="print up to N misses of each kind")
    args = parser.parse_args(argv)
    if not (args.corpus / "truth.jsonl").is_file():
        parser.error(f"{args.corpus}/truth.jsonl not found: generate a corpus with bench/make_corpus.py first")
    for key, value in score(args.corpus, args.show).items():
        print(f"{key:>20}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

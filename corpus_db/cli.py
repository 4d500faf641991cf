"""The ``corpus-db`` command: a thin layer over the library.

Each command parses its options, calls one library function and prints; library
errors become one-line messages here, never tracebacks.
"""
from __future__ import annotations

import atexit
import contextlib
import csv
import functools
import gc
import io
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .config import DEFAULT_PATH, ENV_VAR, display_url, sqlite_display, sqlite_path
from .outcomes import FileOutcome, IngestReport
from .reader import DEFAULT_MAX_BYTES, Shard, corpus_files
from .unchanged import count_unchanged

if TYPE_CHECKING:
    from .db import Database
    from .query import Table

# SQLAlchemy and everything built on it (the database, ingest, the models, the queries) are
# imported by the commands that use them: `ingest` of an unchanged corpus into a SQLite file
# needs none of it, and takes a third of the time it took with them.

DB_HELP = f"Database: a SQLite path or a SQLAlchemy URL (postgresql+psycopg://…). [env: {ENV_VAR}; default: {DEFAULT_PATH}]"


def db_target_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """The --db option, as given."""
    return click.option("--db", "db_target", envvar=ENV_VAR, default=DEFAULT_PATH, show_envvar=False,
                        metavar="PATH_OR_URL", help=DB_HELP)(fn)


@contextlib.contextmanager
def opened(target: str) -> Iterator[Database]:
    """The database at ``target``, closed afterwards; what goes wrong becomes a one-line message."""
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    from .db import Database, DatabaseError

    try:
        db = Database(target)
    except DatabaseError as exc:
        raise click.ClickException(str(exc)) from exc
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:  # bad URL or missing driver
        raise click.ClickException(f"cannot open database {target!r}: {exc}") from exc
    try:
        yield db
    except DatabaseError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        db.close()


def db_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """The --db option every database command takes, opening the database for it."""

    @db_target_option
    @functools.wraps(fn)
    def wrapper(*args: Any, db_target: str, **kwargs: Any) -> Any:
        with opened(db_target) as db:
            return fn(*args, db=db, **kwargs)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="corpus_db")
def main() -> None:
    """Turn scraped Vietnamese foreign-affairs news into a clean relational database.

    \b
    Example:
      corpus-db ingest seeds/              # into corpus.db
      sqlite3 corpus.db 'select title, published from v_articles'
    """


def _parse_shard(_ctx: click.Context, _param: click.Parameter, value: str | None) -> Shard | None:
    if value is None:
        return None
    try:
        return Shard.parse(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@db_target_option
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, show_default=True,
              help="Processes that extract, this one included: it extracts between writes (0: one per core).")
@click.option("--shard", metavar="K/N", callback=_parse_shard,
              help="Take only this worker's share of the files (e.g. 2/4), for several workers on one database.")
@click.option("--max-size", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Skip files larger than this many bytes.")
@click.option("--strict", is_flag=True, help="Exit with status 1 if any file was skipped.")
@click.option("--quiet", "-q", is_flag=True, help="Print only the summary.")
def ingest(paths: tuple[Path, ...], db_target: str, jobs: int, shard: Shard | None, max_size: int,
           strict: bool, quiet: bool) -> None:
    """Ingest article files (files or folders, recursive) into the database.

    Upgrades the database to the newest schema first. Unchanged files are
    recognised by their SHA-256 and left alone; a changed file has its
    extracted facts replaced. Unreadable files are skipped, reported by name
    with the reason, and recorded (table ingest_files, view v_skipped_files);
    the run goes on and exits 0 unless --strict. Without PATHS, ingests ./seeds.

    \b
    Example:
      corpus-db ingest seeds/ --db corpus.db
      corpus-db ingest ~/scrapes --db postgresql+psycopg://localhost/news --shard 1/2
    """
    if not paths:
        if not Path("seeds").is_dir():
            raise click.UsageError("no PATHS given and there is no seeds/ folder here")
        paths = (Path("seeds"),)
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise click.BadParameter(f"no such file or folder: {', '.join(missing)}", param_hint="PATHS")
    show_bar = sys.stderr.isatty() and not quiet
    total = sum(1 for _ in corpus_files(paths, shard)) if show_bar else 0
    bar = (click.progressbar(length=total, label="Ingesting", file=sys.stderr, show_pos=True, show_eta=True)
           if show_bar else contextlib.nullcontext())
    with bar:
        def advance(count: int) -> None:
            if show_bar:
                bar.update(count)

        def on_file(outcome: FileOutcome) -> None:
            advance(1)
            if outcome.status == "skipped" and not quiet:
                click.echo(f"skipped {outcome.name}: {outcome.reason}", err=True)

        # Into a SQLite file, files stored unchanged are recognised without loading the
        # database layer; the full ingest takes over at the first one that is not.
        db_file = sqlite_path(db_target)
        verified, complete = (count_unchanged(db_file, paths, shard=shard, max_bytes=max_size, on_batch=advance)
                              if db_file else (0, False))
        if complete:
            report, where = IngestReport(unchanged=verified), sqlite_display(db_file)
        else:
            from .ingest import ingest as run_ingest

            with opened(db_target) as db:
                report = run_ingest(db, paths, jobs=jobs, shard=shard, max_bytes=max_size, on_file=on_file,
                                    upgrade=True, verified=verified)
                where = display_url(db.url)
    click.echo(f"{report.summary()} → {where}")
    if strict and report.skipped:
        raise click.ClickException(f"{len(report.skipped)} file(s) skipped (--strict)")


@main.command()
@db_option
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, show_default=True,
              help="Processes that extract, this one included: it extracts between writes (0: one per core).")
def reextract(db: Database, jobs: int) -> None:
    """Rebuild every extracted fact from the stored raw text with this version's extractors.

    For after an upgrade of corpus_db: no file is read again. Running it twice
    gives the same database.

    \b
    Example:
      corpus-db reextract --db corpus.db
    """
    _require_schema(db)
    from .ingest import reextract as run_reextract

    count = run_reextract(db, jobs=jobs)
    click.echo(f"re-extracted {count} articles → {display_url(db.url)}")


@main.command()
@db_option
def stats(db: Database) -> None:
    """Count the rows of each entity in the database.

    \b
    Example:
      corpus-db stats --db corpus.db
    """
    _require_schema(db)
    from sqlalchemy import func, select

    from . import models as m

    counts = {
        "articles": select(func.count()).select_from(m.Article),
        "outlets": select(func.count()).select_from(m.Outlet),
        "persons": select(func.count()).select_from(m.Person),
        "person mentions": select(func.count()).select_from(m.PersonMention),
        "quotes (direct)": select(func.count()).select_from(m.Quote).where(m.Quote.kind == "direct"),
        "quotes (reported)": select(func.count()).select_from(m.Quote).where(m.Quote.kind == "reported"),
        "directives": select(func.count()).select_from(m.Directive),
        "directive mentions": select(func.count()).select_from(m.DirectiveMention),
        "events": select(func.count()).select_from(m.Event),
        "captions": select(func.count()).select_from(m.Caption),
    }
    with db.session() as session:
        width = max(map(len, counts))
        for label, query in counts.items():
            click.echo(f"{label:<{width}}  {session.scalar(query):>8,}")


def _require_schema(db: Database) -> None:
    from .db import head_revision

    current = db.current_revision()
    if current is None:
        raise click.ClickException(f"{display_url(db.url)} holds no corpus yet: run `corpus-db ingest` first")
    if current != head_revision():
        raise click.ClickException(
            f"{display_url(db.url)} is at revision {current}, this corpus_db needs {head_revision()}: "
            "run `corpus-db db upgrade`")


@main.group("db")
def db_group() -> None:
    """Create and migrate the database schema (wraps Alembic).

    \b
    Example:
      corpus-db db upgrade --db corpus.db
      corpus-db db current --db corpus.db
    """


@db_group.command()
@click.argument("revision", default="head")
@db_option
def upgrade(revision: str, db: Database) -> None:
    """Upgrade the schema to REVISION (default: head), keeping every row.

    \b
    Example:
      corpus-db db upgrade --db corpus.db
    """
    _alembic(db.upgrade, revision)
    click.echo(f"{display_url(db.url)} is at revision {db.current_revision()}")


@db_group.command()
@click.argument("revision")
@db_option
def downgrade(revision: str, db: Database) -> None:
    """Downgrade the schema to REVISION ("base" removes every table).

    \b
    Example:
      corpus-db db downgrade 0002 --db corpus.db
    """
    _alembic(db.downgrade, revision)
    click.echo(f"{display_url(db.url)} is at revision {db.current_revision() or 'base'}")


@db_group.command()
@db_option
def current(db: Database) -> None:
    """Show the database's schema revision and whether it is the newest.

    \b
    Example:
      corpus-db db current --db corpus.db
    """
    from .db import head_revision

    revision = db.current_revision()
    head = head_revision()
    state = "(head)" if revision == head else f"(newest is {head}: run `corpus-db db upgrade`)"
    click.echo(f"{revision or 'base'} {state}")


@db_group.command()
def history() -> None:
    """List the schema revisions, newest first.

    \b
    Example:
      corpus-db db history
    """
    from alembic.script import ScriptDirectory

    from .db import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    for revision in script.walk_revisions():
        marker = " (head)" if revision.revision == head else ""
        summary = " ".join((revision.doc or "").split())
        click.echo(f"{revision.revision}{marker}  {summary}")


def _alembic(fn: Callable[[str], None], revision: str) -> None:
    from alembic.util.exc import CommandError

    try:
        fn(revision)
    except CommandError as exc:
        raise click.ClickException(str(exc)) from exc


# -- reading the corpus -------------------------------------------------------------------
def output_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """--csv / --json for commands that print a table."""
    fn = click.option("--json", "fmt", flag_value="json", help="One JSON object per line.")(fn)
    fn = click.option("--csv", "fmt", flag_value="csv", help="CSV with a header row.")(fn)
    return click.option("--table", "fmt", flag_value="table", default=True, hidden=True)(fn)


def echo_table(table: Table, fmt: str, *, width: int = 60) -> None:
    """Print rows as an aligned table (long cells cut to ``width``), CSV or JSON lines."""
    if fmt == "json":
        for row in table.dicts():
            click.echo(json.dumps(row, ensure_ascii=False, default=str))
        return
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(table.columns)
        writer.writerows(table.rows)
        click.echo(buffer.getvalue(), nl=False)
        return
    cells = [[_cell(v, width) for v in row] for row in table.rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(table.columns)]
    click.echo("  ".join(c.ljust(w) for c, w in zip(table.columns, widths)).rstrip())
    click.echo("  ".join("-" * w for w in widths))
    for row in cells:
        click.echo("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip())
    click.echo(f"({len(cells)} row{'s' if len(cells) != 1 else ''})", err=True)


def _cell(value: Any, width: int) -> str:
    value = "" if value is None else " ".join(str(value).split())
    return value if len(value) <= width else value[: width - 1] + "…"


def limit_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--limit", "-n", type=click.IntRange(min=1), default=50, show_default=True,
                        help="Show at most this many rows.")(fn)


@main.command()
@click.argument("query")
@db_option
@click.option("--since", metavar="DATE", help="Published on or after DATE (2023, 2023-01, 2023-01-31).")
@click.option("--until", metavar="DATE", help="Published on or before DATE (2023 includes all of 2023).")
@click.option("--outlet", help="Outlet name contains this (e.g. VOV).")
@click.option("--person", help="Mentions a person whose name contains this (accents optional).")
@limit_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line, for scripts.")
def search(query: str, db: Database, since: str | None, until: str | None, outlet: str | None,
           person: str | None, limit: int, as_json: bool) -> None:
    """Find articles by words in their title and body, with or without diacritics.

    QUERY uses SQLite FTS5 syntax: words (all must match), "a phrase",
    OR, NOT, prefix* . "duong loi doi ngoai" and "đường lối đối ngoại" find
    the same articles.

    \b
    Example:
      corpus-db search "duong loi doi ngoai" --since 2022 --outlet VOV
      corpus-db search "Bùi Thanh Sơn" --json | jq .title
    """
    _require_schema(db)
    from .search import SearchError, search as run_search

    with db.session() as session:
        try:
            hits = run_search(session, query, since=since, until=until, outlet=outlet, person=person,
                              limit=limit)
        except SearchError as exc:
            raise click.ClickException(str(exc)) from exc
    for hit in hits:
        if as_json:
            click.echo(json.dumps(hit.as_dict(), ensure_ascii=False))
        else:
            meta = " · ".join(filter(None, (hit.published, hit.outlet, hit.source_path)))
            click.echo(f"{click.style(hit.title or '(no title)', bold=True)}\n  {meta}\n  {hit.snippet}\n")
    if not as_json:
        click.echo(f"{len(hits)} article{'s' if len(hits) != 1 else ''}", err=True)


@main.command("sql")
@click.argument("statement")
@db_option
@output_options
def sql_command(statement: str, db: Database, fmt: str) -> None:
    """Run one read-only SQL statement and print the result.

    The database cannot be changed through this command, whatever the
    statement. The views (v_articles, v_quotes, …) are the stable surface.

    \b
    Example:
      corpus-db sql "SELECT name, COUNT(*) FROM v_person_mentions GROUP BY name ORDER BY 2 DESC"
      corpus-db sql "SELECT * FROM v_quotes" --csv > quotes.csv
    """
    from .query import QueryError, run_readonly

    try:
        table = run_readonly(db, statement)
    except QueryError as exc:
        raise click.ClickException(str(exc)) from exc
    echo_table(table, fmt)


@main.command()
@db_option
@click.option("--name", help="Name contains this (accents optional: 'bui thanh son').")
@limit_option
@output_options
def people(db: Database, name: str | None, limit: int, fmt: str) -> None:
    """List people with their article counts, quotes and the titles they held.

    \b
    Example:
      corpus-db people --name "thanh son"
    """
    _require_schema(db)
    from . import query

    with db.session() as session:
        echo_table(query.people(session, name=name, limit=limit), fmt)


@main.command()
@db_option
@click.option("--person", help="Said by a person whose name contains this (accents optional).")
@click.option("--kind", type=click.Choice(["direct", "reported"]), help="Only direct or reported speech.")
@limit_option
@output_options
def quotes(db: Database, person: str | None, kind: str | None, limit: int, fmt: str) -> None:
    """List quotes with their speaker, article and date.

    \b
    Example:
      corpus-db quotes --person "Phạm Minh Chính" --kind direct
    """
    _require_schema(db)
    from . import query

    with db.session() as session:
        echo_table(query.quotes(session, person=person, kind=kind, limit=limit), fmt, width=80)


@main.command()
@db_option
@click.option("--kind", help="conference, plenary_session, working_session, talks, phone_call, visit, …")
@limit_option
@output_options
def events(db: Database, kind: str | None, limit: int, fmt: str) -> None:
    """List events, newest first, with their articles and participants.

    \b
    Example:
      corpus-db events --kind conference
    """
    _require_schema(db)
    from . import query

    with db.session() as session:
        echo_table(query.events(session, kind=kind, limit=limit), fmt)


@main.command()
@db_option
@click.option("--kind", help="Chỉ thị, Nghị quyết, Kết luận, Quyết định, …")
@limit_option
@output_options
def directives(db: Database, kind: str | None, limit: int, fmt: str) -> None:
    """List policy directives with how many articles mention them.

    \b
    Example:
      corpus-db directives --kind "Chỉ thị"
    """
    _require_schema(db)
    from . import query

    with db.session() as session:
        echo_table(query.directives(session, kind=kind, limit=limit), fmt)


@main.command()
@click.argument("article")
@db_option
def show(article: str, db: Database) -> None:
    """Show one article: metadata, the clean body with extracted mentions marked
    «like this»[kind], and the boilerplate that was cut.

    ARTICLE is an id, a source path, or the end of one (a file name).

    \b
    Example:
      corpus-db show 001_337f9824fff35007.txt
    """
    _require_schema(db)
    from . import query

    with db.session() as session:
        found = query.find_article(session, article)
        if found is None:
            raise click.ClickException(f"no article {article!r} (give an id, a source path or a file name)")
        fields = [
            ("article", f"{found.id} · {found.source_path}"),
            ("title", found.title), ("kicker", found.kicker), ("outlet", found.outlet and found.outlet.name),
            ("url", found.url),
            ("published", f"{found.published} ({found.published_precision}) — {found.published_evidence}"
             if found.published else f"unknown — {found.published_evidence or 'no date found'}"),
            ("authors", "; ".join(p.name for p in found.authors)),
            ("source", found.source),
        ]
        for label, value in fields:
            if value:
                click.echo(f"{click.style(label + ':', bold=True)} {value}")
        for caption in found.captions:
            credit = " / ".join(filter(None, (caption.photographer, caption.agency)))
            click.echo(f"{click.style('caption:', bold=True)} {caption.text}" + (f"  [{credit}]" if credit else ""))
        click.echo()
        click.echo(query.marked_body(found))
        if found.boilerplate:
            click.echo()
            click.echo(click.style("cut as boilerplate:", bold=True))
            for line in found.boilerplate.splitlines():
                click.echo(f"  - {line}")


@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder to write one file per view into (created if missing).")
def export(db: Database, fmt: str, out: Path) -> None:
    """Write every view to a file of its own (UTF-8), for other tools.

    \b
    Example:
      corpus-db export --format csv --out exports/
    """
    _require_schema(db)
    from . import query

    for path in query.export(db, out, fmt=fmt):
        click.echo(path)


def run() -> None:
    """The ``corpus-db`` program: ``main``, and a quicker exit.

    At exit, Python runs one last cycle collection over every object still tracked, before
    freeing them, though freeing needs none: after an ingest, 0.2 s spent walking the extraction
    rules, SQLAlchemy and Alembic. Frozen (``gc.freeze``), they are left out of it and still
    freed. Registered first, this runs after every other exit hook; the database is closed by then.
    """
    atexit.register(gc.freeze)
    main()

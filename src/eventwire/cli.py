"""The `eventwire` command: a thin layer over the Python API (progress bars live only here)."""

from __future__ import annotations

import csv
import functools
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Any, TextIO, TypeVar

import click

from eventwire import api
from eventwire.demo import demo_sources
from eventwire.errors import EventwireError
from eventwire.evaluate import TASKS
from eventwire.records import Document, Failure, to_dict
from eventwire.settings import Settings
from eventwire.store import DEFAULT_DB, EventFilter, EventRow, Store

F = TypeVar("F", bound=Callable[..., Any])


def _iso_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date of the form YYYY-MM-DD") from None


def input_options(command: F) -> F:
    """Options shared by the commands that read articles, handed to the command as `settings`."""

    @functools.wraps(command)
    def func(*args: Any, **kwargs: Any) -> Any:
        kwargs["settings"] = Settings(
            input=kwargs.pop("input_kind"),
            clean=not kwargs.pop("no_clean"),
            published=kwargs.pop("published"),
            encoding=kwargs.pop("encoding"),
            actors=kwargs.pop("actors"),
            workers=kwargs.pop("workers"),
        )
        return command(*args, **kwargs)

    func = click.option("--no-clean", is_flag=True, help="Take each input as the body itself.")(
        func
    )
    func = click.option(
        "--input",
        "input_kind",
        type=click.Choice(["auto", "text", "html", "jsonl"]),
        default="auto",
        show_default=True,
        help="How to read inputs.",
    )(func)
    func = click.option(
        "--published",
        callback=_iso_date,
        help="Publication date (YYYY-MM-DD) for inputs without one.",
    )(func)
    func = click.option(
        "--actors",
        "actors",
        callback=_actor_file,
        help="Your own actor list (TSV: name, aliases, kind, country, sectors, valid_from, "
        "valid_until), used beside eventwire's.",
    )(func)
    func = click.option(
        "--workers",
        type=click.IntRange(min=1),
        default=1,
        show_default=True,
        help="Processes that clean, annotate and extract (each loads the model once). Output "
        "order and duplicate links do not depend on it.",
    )(func)
    func = click.option(
        "--encoding",
        default="utf-8",
        show_default=True,
        help="Encoding of inputs that declare none: a codec name, or 'auto' to detect it.",
    )(func)
    return func  # type: ignore[return-value]


def _actor_file(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None:
        from eventwire.extract.actorlist import actor_list

        try:
            actor_list(value)
        except EventwireError as exc:
            raise click.BadParameter(str(exc)) from None
    return value


def db_option(func: F) -> F:
    return click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB file.")(func)


def _report(failure: Failure) -> None:
    click.echo(f"eventwire: {failure.message}", err=True)


def _documents(
    results: Iterable[Document | Failure], failures: list[Failure]
) -> Iterator[Document]:
    """Documents of a run; failures are reported on stderr as they come and counted."""
    for result in results:
        if isinstance(result, Failure):
            failures.append(result)
            _report(result)
        else:
            yield result


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="eventwire")
def main() -> None:
    """eventwire: political event data from news, with evidence for every field."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@input_options
def extract(paths: tuple[str, ...], settings: Settings) -> None:
    """Print one JSON Document per input story (JSONL) on stdout. PATH may be '-' (stdin)."""
    failures: list[Failure] = []
    results = api.extract_paths(paths, settings=settings)
    for doc in _documents(results, failures):
        click.echo(json.dumps(doc.to_dict(), ensure_ascii=False))
    sys.exit(1 if failures else 0)


def _ingest(
    db: str, results: Iterable[Document | Failure], total: int | None
) -> tuple[int, list[Failure]]:
    from tqdm import tqdm

    failures: list[Failure] = []
    docs = _documents(results, failures)
    bar = tqdm(docs, total=total, unit="doc", desc="ingest", file=sys.stderr, disable=None)
    with Store(db) as store:
        stats = store.ingest(bar)
        events = store.count("events")
        copies = store.count_duplicates()
    click.echo(
        f"stored {stats.added + stats.replaced} documents in {db} ({stats.added} new,"
        f" {stats.replaced} already there; {copies} near-duplicates in the store, linked to"
        f" their originals); {events} events in the store"
        + (f"; {len(failures)} inputs failed" if failures else ""),
        err=True,
    )
    return events, failures


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@input_options
def ingest(paths: tuple[str, ...], db: str, settings: Settings) -> None:
    """Extract and store documents in a DuckDB file (idempotent: same story, same rows)."""
    with Store(db) as store:
        known = store.duplicate_index()  # copies of stored stories link to them
    results = api.extract_paths(paths, settings=settings, duplicates=known)
    _, failures = _ingest(db, results, None)
    sys.exit(1 if failures else 0)


TABLE_COLUMNS = ("date", "type", "source", "target", "factuality", "trigger", "place", "confidence")


def _cell(value: Any, width: int) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def write_table(rows: list[EventRow], out: TextIO) -> None:
    """A fixed-width table of events for the terminal."""
    widths = {"date": 10, "type": 9, "source": 22, "target": 22, "factuality": 12, "trigger": 14,
              "place": 14, "confidence": 5}  # fmt: skip
    out.write(
        "  ".join(c.upper()[: widths[c]].ljust(widths[c]) for c in TABLE_COLUMNS).rstrip() + "\n"
    )
    for row in rows:
        cells = (_cell(getattr(row, c), widths[c]).ljust(widths[c]) for c in TABLE_COLUMNS)
        out.write("  ".join(cells).rstrip() + "\n")
    out.write(f"({len(rows)} events)\n")


def _write_rows(rows: list[EventRow], fmt: str, out: TextIO) -> None:
    if fmt == "table":
        write_table(rows, out)
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=list(EventRow.__dataclass_fields__))
        writer.writeheader()
        writer.writerows(to_dict(row) for row in rows)
    else:
        for row in rows:
            out.write(json.dumps(to_dict(row), ensure_ascii=False, default=str) + "\n")


@main.command()
@db_option
@click.option("--type", "event_type", help="PLOVER type, e.g. CONSULT.")
@click.option("--actor", help="Actor name (substring) or ISO alpha-3 country code.")
@click.option("--since", callback=_iso_date, help="Events on or after YYYY-MM-DD.")
@click.option("--until", callback=_iso_date, help="Events on or before YYYY-MM-DD.")
@click.option(
    "--factuality",
    type=click.Choice(["asserted", "negated", "future", "hypothetical"]),
    help="Only these.",
)
@click.option(
    "--min-confidence", type=click.FloatRange(0, 1), help="Only events at least this confident."
)
@click.option("--limit", type=click.IntRange(min=1), help="At most this many events.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "jsonl", "parquet"]),
    default="table",
    show_default=True,
)
@click.option("-o", "--output", help="Write to this file (required for parquet).")
def events(
    db: str,
    event_type: str | None,
    actor: str | None,
    since: str | None,
    until: str | None,
    factuality: str | None,
    min_confidence: float | None,
    limit: int | None,
    fmt: str,
    output: str | None,
) -> None:
    """Query stored events."""
    import os

    if not os.path.exists(db):
        raise click.UsageError(
            f"no database at {db}; run `eventwire ingest` or `eventwire demo` first"
        )
    where = EventFilter(event_type, actor, since, until, factuality, min_confidence, limit)
    try:
        with Store(db, read_only=True) as store:
            if fmt == "parquet":
                if not output:
                    raise click.UsageError("--format parquet needs --output FILE")
                count = store.export_parquet(output, where)
                click.echo(f"wrote {count} events to {output}", err=True)
                return
            rows = store.events(where)
    except EventwireError as exc:
        click.echo(f"eventwire: {exc}", err=True)
        sys.exit(1)
    if output:
        with open(output, "w", encoding="utf-8", newline="") as handle:
            _write_rows(rows, fmt, handle)
        click.echo(f"wrote {len(rows)} events to {output}", err=True)
    else:
        _write_rows(rows, fmt, sys.stdout)


def _dyad_lines(handle: TextIO, name: str, bad: list[str]) -> Iterator[dict[str, Any]]:
    for number, line in enumerate(handle, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if not isinstance(row, dict) or not isinstance(row.get("text"), str):
                raise ValueError('needs an object with "text"')
        except ValueError as exc:
            bad.append(f"{name}:{number}")
            click.echo(f"eventwire: {name}:{number}: bad dyad line ({exc}) [E105]", err=True)
            continue
        yield row


@main.command("code-dyads")
@click.argument("file", default="-", type=click.File("r", encoding="utf-8"))
@click.option(
    "--parse-only",
    is_flag=True,
    help="Code from the parse features alone (the model `extract` uses; faster), without the "
    "sentence embedding.",
)
def code_dyads(file: TextIO, parse_only: bool) -> None:
    """Code the PLOVER event from source to target in each JSONL {"id","text","source","target"}."""
    bad: list[str] = []
    rows = list(_dyad_lines(file, file.name, bad))
    triples = ((r["text"], r.get("source"), r.get("target")) for r in rows)
    settings = Settings(sentence_vectors=not parse_only)
    for row, coding in zip(rows, api.code_dyads(triples, settings), strict=True):
        out = {**row, "type": coding.type, "mode": coding.mode, "cameo": coding.cameo,
               "quad": coding.quad, "confidence": coding.confidence, "rule": coding.rule}  # fmt: skip
        click.echo(json.dumps(out, ensure_ascii=False))
    sys.exit(1 if bad else 0)


@main.command("eval")
@click.argument("task", type=click.Choice(list(TASKS)))
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--split",
    type=click.Choice(["dev", "test"]),
    help="Score one half of the file only (rules are tuned on 'dev'; report 'test').",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "table"]),
    default="json",
    show_default=True,
    help="Metrics JSON, or a readable table of each figure with its 95% bootstrap interval.",
)
def eval_command(task: str, file: str, split: str | None, fmt: str) -> None:
    """Score the pipeline on a gold FILE (SPEC formats) and print metrics as JSON.

    Every figure comes with a 95% bootstrap interval (resampling the file's pages, stories or
    dyads) under "intervals", and per-type breakdowns where the task has types.
    """
    from eventwire.evaluate import evaluate
    from eventwire.evaluate.table import render_table

    try:
        report = evaluate(task, file, split)
    except EventwireError as exc:
        click.echo(f"eventwire: {exc}", err=True)
        sys.exit(1)
    click.echo(render_table(task, report) if fmt == "table" else json.dumps(report, indent=1))


@main.command()
@db_option
def demo(db: str) -> None:
    """Ingest the bundled sample articles and show the events found."""
    sources = demo_sources()
    click.echo(f"eventwire demo: {len(sources)} sample articles written for the project", err=True)
    with Store(db) as store:
        known = store.duplicate_index()
    results = api.extract_many_raw(sources, duplicates=known)
    _, failures = _ingest(db, results, len(sources))
    with Store(db, read_only=True) as store:
        # both sides resolved to actors: the events an analyst would count
        rows = store.events(EventFilter(factuality="asserted", min_confidence=0.75, limit=25))
    click.echo("\nAsserted events between two known actors (most recent first):")
    write_table(rows, sys.stdout)
    click.echo(
        "\nTry next:\n"
        f"  eventwire events --db {db} --type ASSAULT\n"
        f"  eventwire events --db {db} --actor RUS --format csv\n"
        f"  eventwire events --db {db} --factuality hypothetical\n"
        f"  eventwire events --db {db} --format parquet -o events.parquet\n"
        "  eventwire extract your_story.txt --published 2025-03-04 | head -c 2000"
    )
    sys.exit(1 if failures else 0)

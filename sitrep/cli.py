"""The ``sitrep`` command line: parses options and calls the Python API, nothing more.

Exit codes: 0 every input was stored (or already stored); 1 some inputs were skipped with a
reason (the rest is stored); 2 bad usage; 3 the run could not proceed (e.g. database error).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from . import __version__

if TYPE_CHECKING:  # the store is imported lazily: `sitrep --help` stays fast
    from .store import Store

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="sitrep: raw conflict news pages in, a sourced dataset of events, statements and figures out.",
    rich_markup_mode=None,
)
err = Console(stderr=True)
out = Console()

DbOption = Annotated[str, typer.Option("--db", help="SQLite file path or postgresql:// URL.")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")]

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE, EXIT_FATAL = 0, 1, 2, 3


def _version(value: bool) -> None:
    if value:
        out.print(f"sitrep {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    data_dir: Annotated[
        list[Path] | None,
        typer.Option(
            "--data-dir", metavar="DIR",
            help="A folder of your own actors and places that add to the packaged data (docs/extending.md); repeatable.",
        ),
    ] = None,
) -> None:
    """sitrep: raw conflict news pages in, a sourced dataset of events, statements and figures out."""
    if data_dir:
        import os

        from .extract.user_data import ENV, check_dirs

        dirs = tuple(data_dir)
        for problem in check_dirs(dirs):
            typer.echo(f"sitrep: {problem}", err=True)
            raise typer.Exit(EXIT_USAGE)
        os.environ[ENV] = os.pathsep.join(str(d) for d in dirs)  # read by every worker this run starts


@app.command()
def run(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive) or - for stdin.")],
    db: DbOption = "sitrep.db",
    workers: Annotated[int, typer.Option(min=1, help="Worker processes (local) or Dask workers.")] = 1,
    engine: Annotated[str, typer.Option(help="local (this machine) or dask.")] = "local",
    scheduler: Annotated[
        str | None, typer.Option(help="Dask scheduler address (default: a LocalCluster).")
    ] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per committed batch.")] = 32,
    max_bytes: Annotated[int, typer.Option(min=1, help="Largest input file accepted.")] = 20_000_000,
    doc_timeout: Annotated[
        float,
        typer.Option(
            min=0, metavar="SECONDS",
            help="Analysis time budget per document; 0 = no budget, analyze in this process.",
        ),
    ] = 30.0,
    json_summary: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    quiet: QuietOption = False,
) -> None:
    """Ingest, extract, store and fuse documents.

    Example: sitrep run corpus/ --db sitrep.db
    """
    if engine == "local" and doc_timeout > 0:
        from .guard import prestart

        prestart(workers)  # the workers load spaCy while this process imports the store
    from .engines import ENGINES
    from .pipeline import run as run_pipeline

    if engine not in ENGINES:
        typer.echo(f"unknown engine {engine!r}; choose one of: {', '.join(ENGINES)}", err=True)
        raise typer.Exit(EXIT_USAGE)

    progress_ctx = None
    advance = None
    if not quiet and not json_summary:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        progress_ctx = Progress(
            TextColumn("[bold]sitrep run"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} docs/s"),
            TimeElapsedColumn(),
            console=err,
            transient=True,
        )
        task = progress_ctx.add_task("run", total=_count_inputs(paths), rate="-")

        def advance(n: int) -> None:
            assert progress_ctx is not None
            progress_ctx.advance(task, n)
            t = progress_ctx.tasks[task]
            if t.elapsed:
                progress_ctx.update(task, rate=f"{t.completed / t.elapsed:.1f}")

        progress_ctx.start()

    def on_error(source: str, reason: str) -> None:
        typer.echo(f"skipped {source}: {reason}", err=True)

    import signal

    from .guard import fatal_message

    if hasattr(signal, "SIGXFSZ"):  # a file size limit: an error to report, not a core dump
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    try:
        summary = run_pipeline(paths, db, workers=workers, batch_size=batch_size, max_bytes=max_bytes,
                               engine=engine, scheduler=scheduler, doc_timeout=doc_timeout,
                               on_error=on_error, progress=advance)
    except KeyboardInterrupt as e:
        if progress_ctx:
            progress_ctx.stop()
        typer.echo("sitrep run interrupted; run it again to resume (stored batches are kept)", err=True)
        raise typer.Exit(130) from e
    except Exception as e:
        if progress_ctx:
            progress_ctx.stop()
        typer.echo(f"sitrep run failed: {fatal_message(e, db)}", err=True)
        raise typer.Exit(EXIT_FATAL) from e
    finally:
        if progress_ctx:
            progress_ctx.stop()
    if json_summary:
        print(json.dumps(summary.as_dict()))
    elif not quiet:
        _print_summary(summary.as_dict())
    raise typer.Exit(EXIT_SKIPPED if summary.failed else EXIT_OK)


def _count_inputs(paths: list[str]) -> int | None:
    """Number of inputs for the progress bar (JSONL lines are not counted: None then)."""
    from .ingest import JSONL_SUFFIXES, SUPPORTED

    n = 0
    for p in paths:
        path = Path(p)
        if p == "-":
            return None
        if path.is_dir():
            for f in path.rglob("*"):
                if f.suffix.lower() in JSONL_SUFFIXES:
                    return None
                n += f.is_file() and f.suffix.lower() in SUPPORTED and not f.name.startswith(".")
        elif path.suffix.lower() in JSONL_SUFFIXES:
            return None
        else:
            n += 1
    return n


def _print_summary(s: dict[str, object]) -> None:
    t = Table(title="sitrep run", show_header=False)
    t.add_row("documents read", str(s["documents_read"]))
    t.add_row("stored", str(s["documents_stored"]))
    t.add_row("already stored", str(s["documents_unchanged"]))
    t.add_row("skipped", str(s["documents_failed"]))
    recs = s["records"] if isinstance(s["records"], dict) else {}
    for k in ("events", "statements", "figures"):
        t.add_row(k, str(recs.get(k, 0)))
    t.add_row("time", f"{s['seconds']} s ({s['documents_per_second']} docs/s)")
    out.print(t)
    failures = s.get("failures") or []
    if isinstance(failures, list) and failures:
        out.print("skipped inputs:")
        for f in failures:
            out.print(f"  {f['input']}: {f['reason']}", markup=False, highlight=False)


@app.command()
def export(
    db: DbOption = "sitrep.db",
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f",
            help="jsonl, acled-csv, plover-json, geojson, parquet, or any exporter a package registers "
            "(entry point group sitrep.exporters).",
        ),
    ] = "jsonl",
    output: Annotated[str, typer.Option("--output", "-o", help="Output file, or - for stdout.")] = "-",
) -> None:
    """Write the stored records in a standard format.

    Example: sitrep export --db sitrep.db --format acled-csv -o events.csv
    """
    from .export import get_exporter

    try:
        exporter = get_exporter(fmt)
    except KeyError as e:
        typer.echo(e.args[0], err=True)
        raise typer.Exit(EXIT_USAGE) from None
    writer, binary = exporter.write, exporter.binary
    store = _open_store(db)
    if output == "-":
        if binary:
            typer.echo(f"{fmt} needs a file: use -o FILE", err=True)
            raise typer.Exit(EXIT_USAGE)
        n = writer(store, sys.stdout)
    else:
        with open(output, "wb" if binary else "w", encoding=None if binary else "utf-8", newline=None) as f:
            n = writer(store, f)
        typer.echo(f"wrote {n} records to {output}", err=True)


@app.command()
def dates(
    files: Annotated[list[str], typer.Argument(help="Files to read (txt, html, jsonl) or -.")],
    reference_date: Annotated[
        str | None, typer.Option("--reference-date", help="Resolve relative dates against this day (YYYY-MM-DD).")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl or table.")] = "jsonl",
) -> None:
    """Print every temporal expression with offsets, type and TIMEX3 value.

    Example: sitrep dates article.txt --reference-date 2021-07-05 --format jsonl
    """
    from .ingest import IngestError, iter_inputs
    from .temporal import document_timexes

    failed = False
    for item in iter_inputs(files):
        if isinstance(item, IngestError):
            typer.echo(f"skipped {item}", err=True)
            failed = True
            continue
        reference, timexes = document_timexes(item, reference_date)
        if fmt == "table":
            t = Table(title=f"{item.id} (reference {reference.value or 'unknown'}, {reference.basis})")
            for col in ("start", "end", "text", "type", "value", "precision"):
                t.add_column(col)
            for x in timexes:
                t.add_row(str(x.start), str(x.end), x.text, x.type, str(x.value), x.precision)
            out.print(t)
        else:
            for x in timexes:
                print(json.dumps(x.to_json(item.id), ensure_ascii=False))
    raise typer.Exit(EXIT_SKIPPED if failed else EXIT_OK)


@app.command()
def status(db: DbOption = "sitrep.db") -> None:
    """Runs, documents and failures with reasons.

    Example: sitrep status --db sitrep.db
    """
    store = _open_store(db)
    counts = store.counts()
    out.print(", ".join(f"{k}: {v}" for k, v in counts.items()))
    t = Table(title="runs")
    for col in ("id", "started", "finished", "status", "stored", "skipped", "docs/s"):
        t.add_column(col)
    for r in store.runs():
        c = r.counts or {}
        t.add_row(str(r.id), r.started_at, r.finished_at or "-", r.status, str(c.get("documents_stored", "-")),
                  str(c.get("documents_failed", "-")), str(c.get("documents_per_second", "-")))
    out.print(t)
    failures = store.failures()
    if failures:
        out.print("failures:")
        for f in failures:
            out.print(f"  run {f.run_id} [{f.stage}] {f.input}: {f.reason}", markup=False, highlight=False)




def _open_store(db: str) -> Store:
    from .store import Store

    try:
        return Store(db, create=False)
    except FileNotFoundError as e:
        typer.echo(str(e), err=True)
        raise typer.Exit(EXIT_FATAL) from e


def _emit_rows(rows: list[dict[str, object]], columns: list[str], fmt: str) -> None:
    """Rows as jsonl (full records) or csv (the listed columns); table is printed by the caller."""
    if fmt == "jsonl":
        for r in rows:
            print(json.dumps(r, ensure_ascii=False, default=str))
    elif fmt == "csv":
        import csv

        w = csv.writer(sys.stdout)
        w.writerow(columns)
        for r in rows:
            w.writerow(["; ".join(map(str, v)) if isinstance(v, list) else ("" if v is None else v)
                        for v in (r.get(c) for c in columns)])


@app.command()
def timeline(
    db: DbOption = "sitrep.db",
    date_from: Annotated[str | None, typer.Option("--from", help="First day (YYYY, YYYY-MM or YYYY-MM-DD).")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Last day (YYYY, YYYY-MM or YYYY-MM-DD).")] = None,
    actor: Annotated[str | None, typer.Option(help="Actor name contains this (case-insensitive).")] = None,
    place: Annotated[str | None, typer.Option(help="Place, province or country contains this.")] = None,
    event_type: Annotated[
        str | None, typer.Option("--type", help="PLOVER type (ASSAULT...) or ACLED event/sub-event type.")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, jsonl or csv.")] = "table",
    limit: Annotated[int | None, typer.Option(min=1, help="Show at most this many events.")] = None,
    quiet: QuietOption = False,
) -> None:
    """Dated events in order with their sources (undated events last).

    Example: sitrep timeline --db sitrep.db --from 2021-08 --actor Taliban --format table
    """
    from .timeline import PLOVER_TYPES, format_date, format_fatalities
    from .timeline import timeline as build_timeline

    if fmt not in ("table", "jsonl", "csv"):
        typer.echo(f"unknown format {fmt!r}; choose one of: table, jsonl, csv", err=True)
        raise typer.Exit(EXIT_USAGE)
    store = _open_store(db)
    plover = event_type if event_type and event_type.upper() in PLOVER_TYPES else None
    acled = event_type if event_type and plover is None else None
    rows = build_timeline(store, date_from, date_to, actor, place, plover, acled)
    if limit is not None:
        rows = rows[:limit]
    for r in rows:
        r["date_label"] = format_date(r)
        r["fatalities_label"] = format_fatalities(r)
        r["source_ids"] = [s["doc_id"] for s in r["sources"]]
    if fmt != "table":
        _emit_rows(rows, ["id", "date", "date_precision", "summary", "actors", "place", "fatalities",
                          "fatalities_qualifier", "plover_type", "acled_event_type", "source_ids"], fmt)
        return
    t = Table(title=None if quiet else f"timeline: {len(rows)} events")
    t.add_column("date", no_wrap=True)
    t.add_column("summary", ratio=4, overflow="fold")
    for col in ("actors", "place", "fatalities", "sources"):
        t.add_column(col, ratio=1, overflow="fold")
    for r in rows:
        srcs = ", ".join(s["outlet"] or s["doc_id"] for s in r["sources"])
        summary = str(r["summary"] or r["plover_type"])
        summary = summary if len(summary) <= 140 else summary[:139] + "…"
        t.add_row(str(r["date_label"]), summary, " -> ".join(r["actors"]),
                  str(r["place"]), str(r["fatalities_label"]), srcs)
    out.print(t)


@app.command()
def figures(
    db: DbOption = "sitrep.db",
    measure: Annotated[str | None, typer.Option(help="Measure contains this (e.g. troops).")] = None,
    subject: Annotated[str | None, typer.Option(help="Subject contains this (e.g. NATO).")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, jsonl or csv.")] = "table",
    limit: Annotated[int | None, typer.Option(min=1, help="Show at most this many series.")] = None,
    quiet: QuietOption = False,
) -> None:
    """Figure series such as troop levels over time, each point with its source.

    Example: sitrep figures --db sitrep.db --measure troops --format table
    """
    from .figure_series import figure_series

    if fmt not in ("table", "jsonl", "csv"):
        typer.echo(f"unknown format {fmt!r}; choose one of: table, jsonl, csv", err=True)
        raise typer.Exit(EXIT_USAGE)
    series = figure_series(_open_store(db), measure=measure, subject=subject)
    if limit is not None:
        series = series[:limit]
    if fmt == "jsonl":
        for s in series:
            print(json.dumps(s, ensure_ascii=False, default=str))
        return
    if fmt == "csv":
        flat = [{"measure": s["measure"], "subject": s["subject"], **p} for s in series for p in s["points"]]
        _emit_rows(flat, ["measure", "subject", "date", "date_basis", "value", "unit", "qualifier", "status",
                          "source", "doc_ids"], fmt)
        return
    for s in series:
        title = f"{s['measure']}" + (f" · {s['subject']}" if s["subject"] else "")
        t = Table(title=None if quiet else title)
        for col in ("date", "value", "unit", "source", "documents"):
            t.add_column(col, overflow="fold")
        for p in s["points"]:
            date = (p["date"] or "undated") + (" (reported)" if p["date_basis"] == "document" else "")
            value = f"{p['qualifier']} {p['value']}" if p["qualifier"] not in (None, "exact") else str(p["value"])
            t.add_row(date, value, str(p["unit"] or ""), str(p["source"] or ""),
                      ", ".join(p["outlets"] or p["doc_ids"]))
        out.print(t)
    if not series and not quiet:
        typer.echo("no figures stored", err=True)


@app.command()
def report(
    db: DbOption = "sitrep.db",
    output: Annotated[str, typer.Option("--output", "-o", help="HTML file to write.")] = "report.html",
    quiet: QuietOption = False,
) -> None:
    """Write the briefing: one self-contained HTML file (timeline, map, figure charts, sources).

    Example: sitrep report --db sitrep.db -o report.html
    """
    from .report import write_report

    path = write_report(_open_store(db), output)
    if not quiet:
        typer.echo(f"wrote {path}", err=True)


@app.command()
def serve(
    db: DbOption = "sitrep.db",
    host: Annotated[str, typer.Option(help="Interface to bind; the default serves this machine only.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    ingest_token: Annotated[
        str | None,
        typer.Option("--ingest-token", envvar="SITREP_INGEST_TOKEN",
                     help="Enable POST /api/documents for callers sending this bearer token (off by default)."),
    ] = None,
) -> None:
    """Serve the JSON API (/api) and the web UI over a database.

    Example: sitrep serve --db sitrep.db
    """
    import uvicorn

    from .web import create_app

    try:
        web_app = create_app(db, ingest_token=ingest_token)
    except FileNotFoundError as e:
        typer.echo(str(e), err=True)
        raise typer.Exit(EXIT_FATAL) from e
    err.print(f"sitrep serving {db} on http://{host}:{port}/ (API: /api, spec: /api/openapi.json)"
              + ("; ingest enabled" if ingest_token else "; read-only"), markup=False, highlight=False)
    uvicorn.run(web_app, host=host, port=port, log_level="warning")

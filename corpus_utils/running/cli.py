"""Command line of corpus_utils: segment, extract, report, tables and learn (``USAGE`` is its help)."""

from __future__ import annotations

import argparse
import json
import os
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import ConfigError
from ..reading.textfile import IssueFormatError
from ..workers import worker_count
from .lock import ProjectBusy

if TYPE_CHECKING:  # loaded where used: a report with nothing to do starts without pandas
    from ..segmenting.issue import Issue

USAGE = """Analyse issues of the magazine from the project folder.

commands:
  segment FILE [--json | --explain PAGE | --fix-template] [--strict | --strict-doubts]
  extract ISSUE.pdf [-o FILE]
  report [ISSUE ...] [--force] [--prune]
  tables [ISSUE ...]
  learn [ISSUE ...]

python -m corpus_utils COMMAND --help says more of each."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m corpus_utils", description=USAGE, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)
    seg = commands.add_parser("segment", help="segment issues into articles and print a table of contents")
    seg.add_argument("files", nargs="+", metavar="FILE", help="issue text file(s)")
    seg.add_argument("--json", action="store_true", help="print the articles as JSON instead")
    seg.add_argument("--page-offset", type=int, default=None, help="printed page minus page index")
    seg.add_argument(
        "--explain",
        type=int,
        metavar="PAGE",
        help="print each line of printed page PAGE with its class and rule (exit 1 if the issue has no such page)",
    )
    seg.add_argument("--strict", action="store_true", help="exit with status 3 when a quality problem is raised")
    seg.add_argument("--strict-doubts", action="store_true", help="exit with status 3 on doubts too")
    seg.add_argument(
        "--fix-template",
        action="store_true",
        help="write <issue>.fix.toml beside the issue: a commented starting file listing the suspicious spots",
    )
    ext = commands.add_parser("extract", help="write a PDF issue's text in the seed's shape, to inspect or correct")
    ext.add_argument(
        "pdf", metavar="ISSUE.pdf", help="the issue's PDF file (known as a PDF by its first bytes, whatever its name)"
    )
    ext.add_argument(
        "-o",
        "--output",
        help="where to write it: a file, a folder, or - for stdout (default: ISSUE.txt beside the PDF)",
    )
    ext.add_argument("--force", action="store_true", help="overwrite a text file that is already there")
    rep = commands.add_parser(
        "report", help="run every notebook for each issue: reports/, figures/ and an Excel workbook per issue"
    )
    rep.add_argument("issues", nargs="*", metavar="ISSUE", help="issue files (default: every issue in seeds/)")
    rep.add_argument("--phrases", help="comma-separated phrases to follow (default: dictionaries/phrases.txt)")
    rep.add_argument(
        "--jobs",
        type=int,
        default=min(2, worker_count()),
        help=f"notebooks run at once (default: {min(2, worker_count())}, the cores up to two)",
    )
    rep.add_argument("--no-html", action="store_true", help="skip the HTML export")
    rep.add_argument("--force", action="store_true", help="rerun notebooks whose inputs have not changed")
    rep.add_argument(
        "--prune", action="store_true", help="remove figures/ and reports/ folders of issues no longer in seeds/"
    )
    tab = commands.add_parser(
        "tables", help="the tables only, no notebooks: each issue's and the comparison's, one process per issue"
    )
    tab.add_argument("issues", nargs="*", metavar="ISSUE", help="issue files (default: every issue in seeds/)")
    tab.add_argument("--phrases", help="comma-separated phrases to follow (default: dictionaries/phrases.txt)")
    tab.add_argument(
        "--jobs",
        type=int,
        default=worker_count(),
        help=f"issues worked on at once (default: {worker_count()}, one per core)",
    )
    learned = (
        "learn the archive's vocabulary: dictionaries/learned_terms.tsv (terms to keep whole) and "
        "dictionaries/empty_words.tsv (the genre's empty words), each with its evidence, for review"
    )
    learn = commands.add_parser("learn", help=learned, description=learned[0].upper() + learned[1:] + ".")
    learn.add_argument("issues", nargs="*", metavar="ISSUE", help="issue files (default: every issue in seeds/)")
    learn.add_argument(
        "--jobs",
        type=int,
        default=worker_count(),
        help=f"issues worked on at once (default: {worker_count()}, one per core)",
    )
    args = parser.parse_args(argv)
    try:
        if args.command == "learn":
            return _learn(args)
        if args.command == "tables":
            return _tables(args)
        if args.command == "report":
            return _report(args)
        if args.command == "extract":
            return _extract(args)
        return _segment(args)
    except KeyboardInterrupt:
        print("\ninterrupted: nothing unfinished counts as done; run the same command again to finish", file=sys.stderr)
        sys.stderr.flush()
        sys.stdout.flush()
        os._exit(130)  # a notebook's thread may still wait on its ended kernel: do not join it
    except (ConfigError, ProjectBusy) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except OSError as err:  # a full disk, a read-only project
        where = f" {err.filename}" if err.filename else ""
        print(f"error: cannot write{where}: {err.strerror or err}", file=sys.stderr)
        return 2


def _segment(args: argparse.Namespace) -> int:
    """Segment each file and print its table of contents (or its JSON, a page explained, a fix template)."""
    from ..segmenting.issue import load_issue

    status = 0
    for path in args.files:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # the issue keeps them; printed below
                issue = load_issue(path, page_offset=args.page_offset)
        except (IssueFormatError, OSError) as err:
            print(f"error: {err}", file=sys.stderr)
            status = 1
            continue
        if args.explain is not None:
            if issue.explain(args.explain).empty:
                print(f"error: {explain_page(issue, args.explain)}", file=sys.stderr)
                status = 1
                continue
            print(explain_page(issue, args.explain))
        elif args.fix_template:
            status = max(status, _write_fix_template(issue))
        elif args.json:
            print(json.dumps(issue.to_json(), ensure_ascii=False, indent=1))
        else:
            print(table_of_contents(issue))
        for note in issue.warnings:
            print(f"warning: {note}", file=sys.stderr)
        if args.strict or args.strict_doubts:
            flags = issue.flags()
            raised = flags if args.strict_doubts else flags[flags["level"] == "problem"]
            option = "--strict-doubts" if args.strict_doubts else "--strict"
            if len(raised):
                print(f"{path}: {len(raised)} quality flag(s) raised ({option})", file=sys.stderr)
                status = max(status, 3)
    return status


def explain_page(issue: Issue, page: int) -> str:
    """Each line of a printed page: its class, the rule that gave it, and what the segmenter did."""
    rows = issue.explain(page)
    if rows.empty:
        pages = issue.trace["page"] if issue.trace is not None else []
        span = f"{min(pages)}–{max(pages)}" if len(pages) else "none"
        return f"{issue.issue_id}: no page {page} (printed pages {span})"
    out = [
        f"{issue.issue_id}, printed page {page} (page index {page - issue.page_offset.offset}): {len(rows)} lines",
        "",
    ]
    before = None
    for r in rows.itertuples():
        out.append(f"{r.line:>6}  {r.kind:<12} {r.text}")
        if (r.kind, r.rule, r.action) != before:  # a run of lines read alike is explained once
            out.append(f"{'':>6}  {'':<12} ← {r.rule}; → {r.action}")
        before = (r.kind, r.rule, r.action)
    return "\n".join(out)


def _write_fix_template(issue: Issue) -> int:
    from ..segmenting.fix_template import template_text
    from ..segmenting.fixes import fix_path

    target = fix_path(issue.source)
    if target.exists():
        print(f"error: {target} exists; not overwritten (move it away to write a new template)", file=sys.stderr)
        return 1
    target.write_text(template_text(issue), encoding="utf-8")
    print(f"{target}: a commented template listing {len(issue.flags())} flag(s) and {len(issue.leftovers)} leftover(s)")
    return 0


def _extract(args: argparse.Namespace) -> int:
    """Write a PDF's text, never over the PDF itself, nor over a text file already there unless
    ``--force`` (it may hold hand corrections)."""
    from ..paths import write_text_replacing
    from ..reading.pdf import pdf_issue_text

    source = Path(args.pdf)
    target = None
    if args.output != "-":
        target = Path(args.output) if args.output else source.with_suffix(".txt")
        if target.is_dir():
            target = target / f"{source.stem}.txt"
        if not target.parent.is_dir():
            print(f"error: {target.parent}: no such folder", file=sys.stderr)
            return 2
        if target.exists() and source.exists() and target.resolve() == source.resolve():
            print(
                f"error: {source}: writing its text to {target} would overwrite the PDF itself; name another with -o",
                file=sys.stderr,
            )
            return 2
        if target.exists() and not args.force:
            print(
                f"error: {target} exists and may hold corrections; not overwritten (--force, or -o elsewhere)",
                file=sys.stderr,
            )
            return 2
    try:
        if not source.is_file():
            raise IssueFormatError(source, "no such file")
        pdf = pdf_issue_text(source)
    except IssueFormatError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    if target is None:
        sys.stdout.write(pdf.text)
        return 0
    write_text_replacing(target, pdf.text)
    numbers = f", printed page numbers on {len(pdf.printed)}" if pdf.printed else ""
    print(f"{target}: {pdf.text.count(chr(10) + chr(10) + ' ') + 1} pages of text{numbers}")
    return 0


def _tables(args: argparse.Namespace) -> int:
    """Each issue's frequencies, keyness and phrase counts, and the comparison's tables."""
    from ..paths import ProjectRootError, figures_dir, reports_dir, seed_paths, shown_path
    from .lock import project_lock
    from .output import save_table
    from .tables import archive_tables

    phrases = [p.strip() for p in args.phrases.split(",") if p.strip()] if args.phrases else None
    try:
        paths = [Path(p) for p in args.issues] or seed_paths()
        with project_lock(reports_dir()):
            tables = archive_tables(paths, phrases=phrases, jobs=args.jobs, write=True)
            save_table(tables.summary, "compare", "issue_summary")
            save_table(tables.trends, "compare", "phrase_trends")
            save_table(tables.shares, "compare", "column_shares")
    except ProjectRootError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    n = len(tables.summary)
    print(f"tables for {n} issue(s) in {shown_path(figures_dir())}/<issue_id>/tables/ and compare/tables/")
    for line in tables.broken:
        print(f"SKIPPED {line}", file=sys.stderr)
    return 1 if tables.broken else 0


def _learn(args: argparse.Namespace) -> int:
    """Write the archive's learned terms and empty words, keeping the decisions a person changed."""
    from ..analyses.vocabulary import vocabulary_files, vocabulary_key
    from ..corpus.corpus import Corpus
    from ..paths import project_root, reports_dir, seed_paths, shown_path
    from .lock import project_lock

    folder = project_root() / "dictionaries"
    with project_lock(reports_dir()):
        paths = [Path(p) for p in args.issues] or seed_paths()
        corpus = Corpus.from_paths(paths, jobs=args.jobs)
        tables = vocabulary_files(corpus, folder, jobs=args.jobs, key=vocabulary_key(paths))
    learned, empty = tables["learned_terms"], tables["empty_words"]
    accepted = int((learned["decision"] == "accept").sum())
    print(f"{shown_path(folder / 'learned_terms.tsv')}: {len(learned)} candidates, {accepted} accepted")
    print(
        f"{shown_path(folder / 'empty_words.tsv')}: {len(empty)} words with their evidence, "
        f"{int((empty['decision'] == 'empty').sum())} empty"
    )
    for line in corpus.broken:
        print(f"SKIPPED {line}", file=sys.stderr)
    return 1 if corpus.broken else 0


def _report(args: argparse.Namespace) -> int:
    """Run the report; a broken issue file is named and left out, and the exit status says so."""
    from ..paths import ProjectRootError, reports_dir, shown_path
    from .report import ReportError, prune_outputs, run_report, stale_outputs

    phrases = [p.strip() for p in args.phrases.split(",") if p.strip()] if args.phrases else None
    try:
        result = run_report(
            args.issues or None, phrases=phrases, jobs=args.jobs, html=not args.no_html, force=args.force
        )
        stale = prune_outputs() if args.prune else stale_outputs()
        out = reports_dir()
    except (ProjectRootError, ReportError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    if result.vocabulary:
        print(result.vocabulary)
    n_issues = len({t.parent.name for t in result.done + result.skipped} - {"compare"})
    done = f"{len(result.done)} notebooks run, {len(result.skipped)} up to date, for {n_issues} issue(s)"
    print(f"{done}; reports in {shown_path(out)}/, charts and tables in figures/")
    for book in result.workbooks:
        print(f"tables: {shown_path(book)}")
    for folder in stale:
        if args.prune:
            print(f"removed {shown_path(folder)}")
        else:
            print(f"stale: {shown_path(folder)} (its issue is no longer in seeds/; --prune removes it)")
    for line in result.broken:
        print(f"SKIPPED {line}", file=sys.stderr)
    for failure in result.failures:
        print(f"FAILED {failure}", file=sys.stderr)
    return 0 if result.ok else 1


def table_of_contents(issue: Issue) -> str:
    """A plain-text table of contents with the page offset and the character balance."""
    off, bal = issue.page_offset, issue.balance()
    repaired = f"; {issue.repaired} look-alike characters repaired" if issue.repaired else ""
    lines = [
        f"{issue.issue_id}  ({issue.n_pages} pages; printed page = index + {off.offset}, "
        f"{off.source}: {off.agreeing} of {off.markers} continuation markers agree{repaired})",
        "",
        f"{'#':>3}  {'pages':<14} {'chars':>5}  {'column':<8} title — authors",
    ]
    flagged = set(issue.flags()["article_id"].dropna())
    for r in issue.articles.itertuples():
        title = r.title or {"editor_note": "（编者按）"}.get(r.kind, "（无题）")
        pages = ",".join(map(str, r.pages))
        column = r.column or "—"
        authors = "、".join(r.authors)
        lines.append(
            f"{r.article_id:>3}{'!' if r.article_id in flagged else ' '} {pages:<14} {r.n_chars:>5}  "
            f"{column:<8} {title}" + (f" — {authors}" if authors else "")
        )
    lines += [
        "",
        f"characters (whitespace aside): input {bal.input} = body {bal.body} + metadata {bal.metadata} "
        f"+ leftovers {bal.leftovers}" + ("" if bal.holds else f"  MISMATCH by {bal.difference}"),
    ]
    for r in issue.leftovers.itertuples():
        lines.append(f"leftover p.{r.page}: {r.text}")
    for note in issue.corrections:
        lines.append(f"corrected: {note}")
    flags = issue.flags()
    for r in flags.itertuples():
        where = "issue" if r.article_id is None else f"#{r.article_id}"
        lines.append(f"{'FLAG' if r.level == 'problem' else 'DOUBT'} {where} {r.flag}: {r.detail}")
    return "\n".join(lines)

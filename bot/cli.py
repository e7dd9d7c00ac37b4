"""The ``footbot`` command line: extract, eval, ingest, reextract (and, with the bot, run/chat/ask)."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from store.reading import READABLE_SUFFIXES

log = logging.getLogger("footbot")


def iter_report_files(paths: Sequence[str]) -> Iterator[Path]:
    """Files given directly, and report files inside given folders (sorted, recursively)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READABLE_SUFFIXES)
        else:
            yield path


def configure_logging(level: str) -> None:
    logging.basicConfig(level=level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)  # it logs request URLs, which contain the token
    logging.getLogger("alembic").setLevel(logging.WARNING)


def cmd_extract(args: argparse.Namespace) -> int:
    from store.extract import extract
    from store.extract.summary import describe
    from store.reading import UnreadableReport, read_report_file

    status = 0
    for path in iter_report_files(args.paths):
        try:
            text = read_report_file(path)
        except (OSError, UnreadableReport) as exc:
            print(f"{path}: {exc}", file=sys.stderr)
            status = 1
            continue
        report = extract(text, lang=args.lang)
        if args.json:
            print(json.dumps({"file": str(path), **report.to_json()}, ensure_ascii=False))
        else:
            print(describe(report, title=str(path)))
    return status


def cmd_eval(args: argparse.Namespace) -> int:
    from store.extract.evaluate import evaluate_dir, format_evaluation

    evaluation = evaluate_dir(Path(args.gold))
    print(format_evaluation(evaluation))
    if args.errors:
        print("\n".join(evaluation.errors))
    return 0


def _services():
    from bot.services import build_services
    from bot.settings import Settings

    settings = Settings()
    configure_logging(settings.log_level)
    return build_services(settings)


def cmd_ingest(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    services = _services()
    ingestor = services.ingestor
    resumed = ingestor.resume()  # reports an earlier run stored but did not finish
    files = list(iter_report_files(args.paths))
    with tqdm(total=len(files), unit="report", disable=len(files) < 20 or not sys.stderr.isatty()) as bar:
        summary = ingestor.ingest_paths(files, progress=lambda _: bar.update())
    summary.outcomes = resumed.outcomes + summary.outcomes
    for outcome in summary.outcomes:
        if outcome.status in ("failed", "refused", "no_facts") or args.verbose:
            print(outcome.line())
        for conflict in outcome.conflicts:
            print(f"conflict: {conflict}")
    print(summary.line())
    return 0


def cmd_reextract(args: argparse.Namespace) -> int:
    services = _services()
    summary = services.ingestor.reextract()
    for outcome in summary.outcomes:
        if outcome.status == "failed" or args.verbose:
            print(outcome.line())
    print(summary.line())
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="footbot", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="extract facts from report files (no database)")
    p.add_argument("--json", action="store_true", help="one JSON object per report, one per line")
    p.add_argument("--lang", choices=["en", "vi"], help="skip language detection")
    p.add_argument("paths", nargs="+", help="report files or folders")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("eval", help="precision/recall of the extractor against gold files")
    p.add_argument("gold", help="folder of NAME.txt reports with NAME.json gold facts")
    p.add_argument("--errors", action="store_true", help="list every miss and false fact")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("ingest", help="store and extract report files into the database")
    p.add_argument("paths", nargs="+", help="report files or folders (.txt .md .html .htm)")
    p.add_argument("-v", "--verbose", action="store_true", help="a line for every report")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("reextract", help="rebuild every fact from the stored reports with this extractor")
    p.add_argument("-v", "--verbose", action="store_true", help="a line for every report")
    p.set_defaults(func=cmd_reextract)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())

"""The ``footbot`` command line."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

REPORT_SUFFIXES = {".txt", ".md", ".html", ".htm"}


def iter_report_files(paths: Sequence[str]) -> Iterator[Path]:
    """Files given directly, and report files inside given folders (sorted, recursively)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES)
        else:
            yield path


def cmd_extract(args: argparse.Namespace) -> int:
    from store.extract import extract
    from store.extract.summary import describe
    from store.reading import read_report_file

    status = 0
    for path in iter_report_files(args.paths):
        try:
            text = read_report_file(path)
        except (OSError, ValueError) as exc:
            print(f"{path}: {exc}", file=sys.stderr)
            status = 1
            continue
        report = extract(text, lang=args.lang)
        if args.json:
            print(json.dumps({"file": str(path), **report.to_json()}, ensure_ascii=False))
        else:
            print(describe(report, title=str(path)))
    return status


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="footbot", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("extract", help="extract facts from report files (no database)")
    p.add_argument("--json", action="store_true", help="one JSON object per report, one per line")
    p.add_argument("--lang", choices=["en", "vi"], help="skip language detection")
    p.add_argument("paths", nargs="+", help="report files or folders")
    p.set_defaults(func=cmd_extract)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())

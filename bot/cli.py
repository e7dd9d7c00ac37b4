"""The ``footbot`` command line: extract, eval, ingest, reextract (and, with the bot, run/chat/ask).

Each command imports what it needs when it runs: ``footbot extract`` over a folder of reports must
not pay for importing python-telegram-bot, SQLAlchemy and the migrations.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from store.reading import READABLE_SUFFIXES

if TYPE_CHECKING:
    from bot.services import Services

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
    logging.getLogger("telegram.ext.ExtBot").setLevel(logging.INFO)  # at DEBUG it logs the Bot API URL too
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


def _services() -> Services:
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


def cmd_ask(args: argparse.Namespace) -> int:
    from bot.console import Console

    console = Console(_services())
    for question in args.questions:
        answer = console.answer(question, args.lang)
        if args.json:
            print(json.dumps({"question": question, "answer": answer.plain()}, ensure_ascii=False), flush=True)
        else:
            print(answer.plain() + "\n")
    return 0


def cmd_chat(args: argparse.Namespace) -> int:
    """An interactive conversation with the bot's handlers in the terminal, over the seed reports."""
    from bot.console import Console

    services = _services()
    services.ingestor.ingest_paths(sorted(services.settings.seeds_dir.glob("*.txt")))
    console = Console(services)
    print(
        "footbot console – ask a question (e.g. “who scored for inter vs atalanta?”, “ai ghi bàn cho Inter?”) "
        "or a command (/result Inter Atalanta, /scorers, /table, /help); answer a choice with its number. "
        "Empty line or Ctrl-D to quit."
    )
    while True:
        try:
            line = input("you> ").strip()
        except EOFError:
            break
        if not line:
            break
        print(console.render(console.answer(line, args.lang)))
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    from bot.app import build_application
    from bot.serve import serve
    from bot.services import build_services
    from bot.settings import Settings

    settings = Settings()
    configure_logging(settings.log_level)
    if not settings.token:
        print("TELEGRAM_BOT_TOKEN is not set: use `footbot chat` to try the bot offline.", file=sys.stderr)
        return 2
    if args.webhook and not settings.webhook_url:
        print("WEBHOOK_URL is not set", file=sys.stderr)
        return 2
    if args.webhook and not settings.webhook_secret:
        log.warning("WEBHOOK_SECRET is not set: anyone who finds the webhook URL can post updates to it")
    serve(build_application(settings, build_services(settings)), settings, webhook=args.webhook)
    return 0


def cmd_health(args: argparse.Namespace) -> int:
    """For container health checks: the store answers, the inbox is writable, the webhook port listens."""
    from bot.serve import health_problems
    from bot.settings import Settings

    problems = health_problems(Settings(), webhook=args.webhook)
    print("; ".join(problems) if problems else "ok", file=sys.stderr if problems else sys.stdout)
    return 1 if problems else 0


def cmd_start(args: argparse.Namespace) -> int:
    """What ``./run`` does: the Telegram bot with a token, the console chat without one."""
    from bot.settings import Settings

    if Settings().token:
        return cmd_run(argparse.Namespace(webhook=False))
    print("No TELEGRAM_BOT_TOKEN: starting the offline console chat over the seed reports.\n")
    return cmd_chat(argparse.Namespace(lang=args.lang))


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

    p = sub.add_parser("ask", help="answer questions from the store and print the answers")
    p.add_argument("--json", action="store_true", help="one JSON line per question: question, answer")
    p.add_argument("--lang", default="en", choices=["en", "vi"], help="language when a question does not say")
    p.add_argument("questions", nargs="+")
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("chat", help="talk to the bot in the terminal (offline, no Telegram)")
    p.add_argument("--lang", default="en", choices=["en", "vi"])
    p.set_defaults(func=cmd_chat)

    p = sub.add_parser("run", help="run the Telegram bot (long polling, or --webhook)")
    p.add_argument("--webhook", action="store_true", help="receive updates on WEBHOOK_URL instead of polling")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("health", help="exit 0 when the store answers and the inbox is writable (health checks)")
    p.add_argument("--webhook", action="store_true", help="also check that the webhook server answers")
    p.set_defaults(func=cmd_health)

    p = sub.add_parser("start", help="the bot with TELEGRAM_BOT_TOKEN, else the console chat")
    p.add_argument("--lang", default="en", choices=["en", "vi"])
    p.set_defaults(func=cmd_start)

    p = sub.add_parser("reextract", help="rebuild every fact from the stored reports with this extractor")
    p.add_argument("-v", "--verbose", action="store_true", help="a line for every report")
    p.set_defaults(func=cmd_reextract)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())

"""Peak resident memory of the bot serving a large store.

    python -m benchmarks.bench_rss [--matches 100000] [--questions 300] [--url URL]

The store is filled first by another process (``benchmarks.store_fill``). Then a process that
does only this runs the real application exactly as built (``bot.app.build_application``, as
``benchmarks.bench_bot``'s ``footbot-as-built``) polling a fake Bot API server, and is sent
``--questions`` messages (``/result`` and free-text questions in private chats and groups, English
and Vietnamese) until each has its reply; it then stops and prints its
``resource.getrusage(RUSAGE_SELF).ru_maxrss``. It is started by a small shell: ``ru_maxrss``
survives fork and exec on Linux, so a direct child of the (large) benchmark process would report
that process's size as its own. The peak after start-up (application built, polling, no question
yet) is printed too, and -- from a third process -- what importing the application and building
the names index alone cost, to tell where the memory goes.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from benchmarks.bench_answers import build_cases, fill_in_subprocess
from benchmarks.bench_bot import BOT_USERNAME, bot_process, from_small_parent, make_chats, send_round
from store.db import make_engine
from tests.helpers.fake_telegram import FakeTelegram

ROOT = Path(__file__).resolve().parent.parent
TARGET_MB = 200.0

# Run in a fresh interpreter: peak RSS after importing what the bot imports, then after building
# the names index of the store (no Telegram, no answers).
_BREAKDOWN = """
import json, resource, sys
def rss(): return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
out = {"interpreter": rss()}
import bot.app, bot.services, handlers.questions  # everything the application imports
out["imports"] = rss()
from handlers.knowledge import Knowledge
from store.db import make_engine
from store.teams import default_directory
Knowledge(make_engine(sys.argv[1]), default_directory()).index()
out["names index"] = rss()
print(json.dumps(out))
"""


@dataclass(slots=True)
class RssResult:
    questions: int
    peak_mb: float  # the bot process, at its end
    ready_mb: float  # the bot process, built and polling, before any question
    breakdown: dict[str, float]  # peak after each step of a process that only imports and indexes

    @property
    def met(self) -> bool:
        return self.peak_mb <= TARGET_MB

    def lines(self) -> list[str]:
        steps = ", ".join(f"{name} {mb:.0f} MB" for name, mb in self.breakdown.items())
        return [
            f"peak RSS of the bot after {self.questions} questions: {self.peak_mb:.0f} MB "
            f"(target <= {TARGET_MB:.0f} MB: {'met' if self.met else 'MISSED'})",
            f"  at start-up (built, polling, no question yet): {self.ready_mb:.0f} MB",
            f"  a process that only imports and indexes, cumulative peaks: {steps}",
        ]


def measure(url: str, *, questions: int = 300, chats: int = 50) -> RssResult:
    engine = make_engine(url)
    cases = build_cases(engine, questions, seed=23)
    engine.dispose()
    memory: dict = {}
    with tempfile.TemporaryDirectory() as tmp, FakeTelegram(bot_username=BOT_USERNAME) as tg:
        people = make_chats(tg, chats)
        with bot_process("footbot-as-built", tg, url, Path(tmp), memory) as bot:
            send_round(tg, bot, people, cases)
    command = from_small_parent([sys.executable, "-c", _BREAKDOWN, url])
    done = subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True)
    breakdown = json.loads(done.stdout.strip().splitlines()[-1])
    return RssResult(questions, memory["peak_rss_mb"], memory["ready_rss_mb"], breakdown)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.bench_rss", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", help="an already filled store (default: fill a temporary SQLite store)")
    parser.add_argument("--matches", type=int, default=100_000)
    parser.add_argument("--questions", type=int, default=300)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        url = args.url
        if url is None:
            url = f"sqlite:///{Path(tmp) / 'rss.db'}"
            fill_in_subprocess(url, args.matches, 3 * args.matches)
        result = measure(url, questions=args.questions)
    for line in result.lines():
        print(line)


if __name__ == "__main__":
    main()

"""Updates per second through the whole bot, side by side with a bare python-telegram-bot echo bot.

    python -m benchmarks.bench_bot [--matches 100000] [--updates 2000] [--chats 250] [--url URL]

One fake Telegram Bot API server (``tests.helpers.fake_telegram``) runs in this process on
loopback; each bot runs alone in its own process against it, one after the other:

- ``echo``: a bare PTB application that answers every text message with the same text (HTML
  escaped, quoting the message), nothing else;
- ``footbot``: the real application, ``bot.app.build_application(settings, build_services(...))``
  on a store of ``--matches`` matches, with AIORateLimiter's flood limits lifted (0 = no limit),
  so that the figure is the bot's own capacity, comparable with the echo bot's;
- ``footbot as built``: the same with the application exactly as it is built, whose
  AIORateLimiter holds the bot to Telegram's 30 messages a second (shown, not compared).

Fairness: the same fake server and the same messages (``/result`` commands and free-text
questions from ``benchmarks.bench_answers``, in private chats and -- as commands and @mentions --
in groups, English and Vietnamese users), the same polling (PTB's ``run_polling(poll_interval=0,
timeout=1)``, as ``footbot run`` does through ``bot.serve.serve``, ``post_init`` included), the
same concurrency (``concurrent_updates(True)``, as footbot is built), HTML replies quoting the
question in both. Each bot first answers one message in every chat (warm-up: imports, the names
index, each chat's language), then ``--updates`` messages are queued at once; the rate is updates
over the time from queuing the first to receiving the last reply (every update must get its
reply; each reply is matched to its question). CPU time of the bot's process per update and of
the fake server (this process) are printed too: when the fake's CPU is close to the elapsed time,
the fake is the bottleneck and the ratio is an upper bound.
"""

from __future__ import annotations

import argparse
import faulthandler
import html
import json
import logging
import os
import random
import resource
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from benchmarks.bench_answers import Case, build_cases, fill_in_subprocess
from store.db import make_engine
from tests.helpers.fake_telegram import FakeTelegram

ROOT = Path(__file__).resolve().parent.parent
BOT_USERNAME = "footbot_bench_bot"
TARGET_RATIO = 0.75
KINDS = ("echo", "footbot", "footbot-as-built")
_TICKS = os.sysconf("SC_CLK_TCK")


# -- the bots (child processes) --------------------------------------------------------------------------
def _echo_app(root: str, token: str):
    from telegram import Update
    from telegram.constants import ParseMode
    from telegram.ext import ApplicationBuilder, ContextTypes, Defaults, MessageHandler, filters

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        await context.bot.send_message(
            message.chat_id, html.escape(message.text), reply_to_message_id=message.message_id
        )

    app = (
        ApplicationBuilder()
        .token(token)
        .base_url(f"{root}/bot")
        .base_file_url(f"{root}/file/bot")
        .defaults(Defaults(parse_mode=ParseMode.HTML))
        .concurrent_updates(True)
        .build()
    )
    app.add_handler(MessageHandler(filters.TEXT, echo))
    return app


def _footbot_app(root: str, token: str, url: str, workdir: Path, *, as_built: bool):
    import bot.app
    from bot.services import build_services
    from bot.settings import Settings

    if not as_built:  # the same limiter, its flood limits lifted: the bot's own capacity
        from telegram.ext import AIORateLimiter

        bot.app.AIORateLimiter = lambda **kw: AIORateLimiter(overall_max_rate=0, group_max_rate=0, **kw)
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        telegram_bot_token=token,
        telegram_api_url=root,
        database_url=url,
        inbox_dir=workdir / "inbox",
        log_level="WARNING",
    )
    settings.inbox_dir.mkdir(parents=True, exist_ok=True)
    return bot.app.build_application(settings, build_services(settings))


def serve(kind: str, root: str, token: str, url: str, workdir: Path) -> None:
    """Child process: run one bot until signalled, then print its peak RSS as a JSON line (SIGUSR1
    prints every thread's stack to stderr, to see where a stalled bot waits)."""
    faulthandler.register(signal.SIGUSR1, all_threads=True)
    logging.basicConfig(level=os.environ.get("BENCH_BOT_LOG", "WARNING"))
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    if kind == "echo":
        app = _echo_app(root, token)
    else:
        app = _footbot_app(root, token, url, workdir, as_built=kind == "footbot-as-built")
    own_post_init = app.post_init  # footbot's learns its @username and publishes its commands

    async def post_init(application) -> None:
        if own_post_init is not None:
            await own_post_init(application)
        print(f"ready {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f} {os.getpid()}", flush=True)

    app.post_init = post_init
    app.run_polling(poll_interval=0.0, timeout=1)  # as `footbot run` (bot.serve.serve), with a short long poll
    print(json.dumps({"peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}), flush=True)


def from_small_parent(argv: list[str]) -> list[str]:
    """``argv`` run as the child of a small shell that waits for it.

    On Linux ``ru_maxrss`` survives fork and exec: a process started by this (large) process would
    report at least this process's resident size as its own peak. The shell forks the command from
    its own few megabytes instead, so the command's ``ru_maxrss`` is its own."""
    return ["/bin/sh", "-c", '"$@"; exit $?', "sh", *argv]


@dataclass(slots=True)
class BotProcess:
    kind: str
    process: subprocess.Popen  # the shell (see from_small_parent)
    pid: int  # the bot itself

    def alive(self) -> bool:
        return self.process.poll() is None

    def cpu_seconds(self) -> float:
        """User + system CPU time of the bot's process so far (all its threads)."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _TICKS


@contextmanager
def bot_process(kind: str, tg: FakeTelegram, url: str, workdir: Path, result: dict) -> Iterator[BotProcess]:
    """A bot in its own process (and session), polling ``tg``; stopped with SIGINT on exit, its peak RSS
    put in ``result`` (``ready_rss_mb``: after start-up; ``peak_rss_mb``: at the end)."""
    argv = [sys.executable, "-m", "benchmarks.bench_bot", "serve", kind, tg.root, tg.token, url, str(workdir)]
    process = subprocess.Popen(
        from_small_parent(argv), cwd=ROOT, stdout=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        line = process.stdout.readline().strip()
        if not line.startswith("ready "):
            raise RuntimeError(f"the {kind} bot did not start (exit code {process.poll()}): {line!r}")
        _, rss, pid = line.split()
        result["ready_rss_mb"] = float(rss)  # built, polling, no question answered yet
        yield BotProcess(kind, process, int(pid))
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGINT)  # the session this function started: the shell and the bot
        out, _ = process.communicate(timeout=60)
        lines = [ln for ln in out.splitlines() if ln.startswith("{")]
        if lines:
            result.update(json.loads(lines[-1]))


# -- the users (this process) ------------------------------------------------------------------------------
@dataclass(slots=True)
class Chat:
    chat: dict
    user: dict
    group: bool


def make_chats(tg: FakeTelegram, count: int) -> list[Chat]:
    """``count`` chats, one in five a group; every other user writes in Vietnamese."""
    chats = []
    for i in range(count):
        user = tg.user(1000 + i, f"Fan {i}", language_code="vi" if i % 2 else "en")
        if i % 5 == 4:
            chats.append(Chat(tg.group_chat(-100_000_000_000 - i, f"Football group {i}"), user, True))
        else:
            chats.append(Chat(tg.private_chat(user), user, False))
    return chats


def message_text(case: Case, group: bool) -> str:
    """What a fan types: a command (``/result@bot`` in groups), or a question (an @mention in groups)."""
    if case.command:
        return f"/result@{BOT_USERNAME} {case.text}" if group else f"/result {case.text}"
    return f"@{BOT_USERNAME} {case.text}" if group else case.text


@dataclass(slots=True)
class Round:
    updates: int
    seconds: float
    bot_cpu: float
    fake_cpu: float
    errors: int  # error responses the fake gave the bot

    @property
    def rate(self) -> float:
        return self.updates / self.seconds


def send_round(tg: FakeTelegram, bot: BotProcess, chats: list[Chat], cases: list[Case], stall: float = 60) -> Round:
    """Queue one message per case (chats in turn) and wait until each has its reply (failing when no
    reply has come for ``stall`` seconds)."""
    base_sent = len(tg.sent_messages())
    base_errors = len(tg.errors)
    cpu_bot, cpu_fake = bot.cpu_seconds(), time.process_time()
    started = time.perf_counter()
    waiting: dict[tuple[int, int], str] = {}
    for i, case in enumerate(cases):
        chat = chats[i % len(chats)]
        message = tg.send_text(chat.chat, chat.user, message_text(case, chat.group))
        waiting[(chat.chat["id"], message["message_id"])] = message["text"]
    seen = base_sent
    progress = started
    while waiting:
        sent = tg.sent_messages()
        for reply in sent[seen:]:
            if waiting.pop((reply.chat_id, reply.reply_to_message_id), None) is not None:
                progress = time.perf_counter()
        seen = len(sent)
        if not bot.alive():
            raise RuntimeError(f"the {bot.kind} bot exited with code {bot.process.returncode}")
        if time.perf_counter() - progress > stall:
            sample = "; ".join(list(waiting.values())[:5])
            raise TimeoutError(
                f"{bot.kind}: {len(waiting)} of {len(cases)} updates unanswered, no reply for {stall:.0f} s "
                f"(e.g. {sample}); error responses: {tg.errors[base_errors:][:5]}"
            )
        if waiting:
            time.sleep(0.002)
    seconds = time.perf_counter() - started
    return Round(
        len(cases), seconds, bot.cpu_seconds() - cpu_bot, time.process_time() - cpu_fake, len(tg.errors) - base_errors
    )


@dataclass(slots=True)
class BotResult:
    kind: str
    round: Round
    peak_rss_mb: float


def run(
    url: str,
    *,
    updates: int,
    chats: int,
    kinds: tuple[str, ...] = KINDS,
    seed: int = 5,
    skip: tuple[str, ...] = (),
) -> list[BotResult]:
    """``skip``: kinds of question left out (e.g. "table"), to see what they cost."""
    engine = make_engine(url)
    wanted = updates + chats
    cases = [c for c in build_cases(engine, 2 * wanted if skip else wanted, seed=seed) if c.kind not in skip][:wanted]
    engine.dispose()
    rng = random.Random(seed)
    results = []
    with tempfile.TemporaryDirectory() as tmp, FakeTelegram(bot_username=BOT_USERNAME) as tg:
        people = make_chats(tg, chats)
        for kind in kinds:
            warmup, measured = cases[:chats], rng.sample(cases[chats:], updates)
            workdir = Path(tmp) / kind
            workdir.mkdir()
            memory: dict = {}
            with bot_process(kind, tg, url, workdir, memory) as bot:
                send_round(tg, bot, people, warmup)
                measured_round = send_round(tg, bot, people, measured)
            results.append(BotResult(kind, measured_round, memory.get("peak_rss_mb", 0.0)))
    return results


def ratio(results: list[BotResult]) -> float | None:
    by_kind = {r.kind: r for r in results}
    if "echo" in by_kind and "footbot" in by_kind:
        return by_kind["footbot"].round.rate / by_kind["echo"].round.rate
    return None


def print_results(results: list[BotResult], chats: int) -> None:
    count = results[0].round.updates if results else 0
    print(f"\nupdates through the bot: {count} updates over {chats} chats, after one warm-up message per chat")
    print(f"  {'bot':<18}{'updates/s':>10}{'elapsed s':>11}{'bot CPU ms/update':>19}{'fake CPU s':>12}{'errors':>8}")
    for r in results:
        per = r.round.bot_cpu / r.round.updates * 1000
        print(
            f"  {r.kind:<18}{r.round.rate:>10.1f}{r.round.seconds:>11.2f}{per:>19.2f}"
            f"{r.round.fake_cpu:>12.2f}{r.round.errors:>8}"
        )
    value = ratio(results)
    if value is not None:
        verdict = "meets" if value >= TARGET_RATIO else "misses"
        print(f"  footbot / echo = {value:.2f} ({verdict} the target >= {TARGET_RATIO})")
    built = next((r for r in results if r.kind == "footbot-as-built"), None)
    if built is not None:
        print(f"  as built, AIORateLimiter holds replies to Telegram's 30 messages/s: {built.round.rate:.1f} updates/s")


def main(argv: list[str] | None = None) -> None:
    if argv is None and len(sys.argv) > 1 and sys.argv[1] == "serve":
        kind, root, token, url, workdir = sys.argv[2:7]
        serve(kind, root, token, url, Path(workdir))
        return
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.bench_bot", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", help="an already filled store (default: fill a temporary SQLite store)")
    parser.add_argument("--matches", type=int, default=100_000)
    parser.add_argument("--updates", type=int, default=2000)
    parser.add_argument("--chats", type=int, default=250)
    parser.add_argument("--kinds", default=",".join(KINDS), help=f"which bots, comma-separated: {', '.join(KINDS)}")
    parser.add_argument("--skip", default="", help="kinds of question to leave out, comma-separated (e.g. table)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        url = args.url
        if url is None:
            url = f"sqlite:///{Path(tmp) / 'bot.db'}"
            fill_in_subprocess(url, args.matches, 3 * args.matches)
        skip = tuple(k for k in args.skip.split(",") if k)
        results = run(url, updates=args.updates, chats=args.chats, kinds=tuple(args.kinds.split(",")), skip=skip)
    print_results(results, args.chats)


if __name__ == "__main__":
    main()

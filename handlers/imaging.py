"""When a /table or /scorers answer becomes a picture, and what goes with it.

A table is sent as a PNG when it is asked for ("image" / "hình" among the arguments, or the 🖼
button, which runs the command again with that word) or when its text form would be too wide for
a phone: club names longer than the text table's name column, which it would have to cut. The
picture's caption is the answer's text without its ``<pre>`` block; otherwise the text answer
gets the 🖼 button. The text stays in the reply (inline mode and the console show it). The same
mechanism serves both commands; only the columns differ.
"""

from __future__ import annotations

import functools
import re

from handlers import pictures
from handlers.lang import LANGUAGES, text
from handlers.reply import Button, Reply
from store import queries
from store.normalize import fold

PHONE_NAME_WIDTH = 14  # the widest club name a phone shows in the text table (see standings.NAME_WIDTH)
CAPTION_LIMIT = 1024  # Telegram's limit for a photo caption
CALLBACK_LIMIT = 64
_IMAGE_WORDS = re.compile(
    r"(?<![0-9a-z])(?:"
    + "|".join(
        re.escape(w) for w in sorted({w for m in LANGUAGES.values() for w in m.IMAGE_WORDS}, key=len, reverse=True)
    )
    + r")(?![0-9a-z])"
)
_PRE = re.compile(r"\n?<pre>.*?</pre>", re.S)


def asks_for_image(args: str) -> tuple[str, bool]:
    """'serie a image' -> ('serie a', True): the words asking for a picture, in any language, taken out."""
    folded = fold(args)  # same length as args, so the spans found in it cut the original
    spans = [m.span() for m in _IMAGE_WORDS.finditer(folded)]
    if not spans:
        return args, False
    kept, start = [], 0
    for begin, end in spans:
        kept.append(args[start:begin])
        start = end
    kept.append(args[start:])
    return " ".join("".join(kept).split()), True


def caption(answer: Reply) -> str:
    """The answer's text without its table block, cut at a line to fit a photo caption."""
    lines = _PRE.sub("", answer.html).strip().split("\n")
    out: list[str] = []
    for line in lines:
        if len("\n".join([*out, line])) > CAPTION_LIMIT:
            break
        out.append(line)
    return "\n".join(out)


def _with_button(answer: Reply, lang: str, command: str) -> Reply:
    data = f"cmd:{command} image"
    if len(data.encode()) <= CALLBACK_LIMIT:
        answer.buttons = [*answer.buttons, [Button(text(lang, "picture_button"), data)]]
    return answer


@functools.lru_cache(maxsize=64)
def _png(title: str, columns: tuple[str, ...], rows: tuple[tuple[object, ...], ...]) -> bytes:
    """Drawing takes a few hundred milliseconds and a table is the same for every chat until new
    reports change its rows (which changes the key)."""
    return pictures.table_png(title, columns, rows)


def table_answer(answer: Reply, table: queries.Table, lang: str, *, asked: bool | None) -> Reply:
    """The /table answer as a picture when asked or too wide, else with the 🖼 button; text only for None."""
    if not table.rows or asked is None:
        return answer
    too_wide = max(len(row.team) for row in table.rows) > PHONE_NAME_WIDTH
    if not (asked or too_wide):
        return _with_button(answer, lang, " ".join(x for x in ("/table", table.competition, table.season) if x))
    rows = [
        (i, r.team, r.played, r.won, r.drawn, r.lost, r.goals_for, r.goals_against, f"{r.goal_difference:+d}", r.points)
        for i, r in enumerate(table.rows, 1)
    ]
    title = " ".join(x for x in (table.competition, table.season) if x)
    image = _png(title, tuple(text(lang, "table_columns").split("|")), tuple(rows))
    return Reply(answer.html, answer.buttons, image=image, caption=caption(answer))


def scorers_answer(answer: Reply, rows: list[queries.ScorerRow], lang: str, *, asked: bool, scope: str) -> Reply:
    """The /scorers answer as a picture when asked, else with the 🖼 button (``scope``: its arguments)."""
    if not rows:
        return answer
    if not asked:
        return _with_button(answer, lang, f"/scorers {scope}".strip())
    cells = [(i, r.player, r.team or "", r.goals, r.penalties or "") for i, r in enumerate(rows, 1)]
    title = answer.html.split("\n", 1)[0]
    image = _png(Reply(title).plain(), tuple(text(lang, "scorers_columns").split("|")), tuple(cells))
    return Reply(answer.html, answer.buttons, image=image, caption=title)

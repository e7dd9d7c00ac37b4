"""Pictures: /table and /scorers as PNG (asked for, by the 🖼 button, or when too wide for a phone)
and /form's chart of a team's recent points.

The rendering is checked as a PNG a phone can show (signature, sensible size) without looking at
pixels; the decisions (when a picture, what caption, which points) as plain data; and what a chat
gets through the fake Bot API (a sendPhoto that Telegram accepts as an image).
"""

from __future__ import annotations

import struct
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from handlers.form import form_points
from handlers.imaging import asks_for_image, caption, table_answer
from handlers.pictures import FormPoint, form_png, table_png
from handlers.reply import Reply
from store.queries import MatchView, Table, TableRow
from tests.helpers.bot_app import running_bot
from tests.helpers.fake_telegram import FakeTelegram, SentMessage
from tests.helpers.stores import SEED_REPORTS, copy_store, store_template

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
GLADBACH = (
    " date 2023-11-12\nGladbach stun Leverkusen\n\nBorussia Mönchengladbach beat Bayer Leverkusen 2-1 in the "
    "Bundesliga on Saturday. Alassane Plea scored the winner in the 85th minute.\n"
)


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) from the IHDR chunk; fails unless ``data`` is a PNG."""
    assert data[:8] == PNG_SIGNATURE and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


# -- rendering ----------------------------------------------------------------------------------------------
def test_a_table_renders_as_a_png_a_phone_can_show_growing_with_its_rows() -> None:
    columns = "#|Đội|Tr|T|H|B|BT|BB|HS|Đ".split("|")
    row = (1, "Hoàng Anh Gia Lai", 10, 5, 3, 2, 20, 10, "+10", 18)
    small = png_size(table_png("V.League 1 2023-24", columns, [row] * 2))
    large = png_size(table_png("V.League 1 2023-24", columns, [row] * 20))
    assert 400 <= small[0] <= 1600 and 100 <= small[1] <= 400
    assert large[0] == pytest.approx(small[0], abs=20) and 800 <= large[1] <= 1600
    assert png_size(table_png("Nothing", ["#", "Team"], []))  # an empty table still renders


def test_the_form_chart_renders_as_a_png() -> None:
    points = [FormPoint("Atalanta", "2-1", 3, False), FormPoint("Borussia Mönchengladbach", "0-1", 0, None)]
    width, height = png_size(form_png("Inter: points in the last 2 matches", points))
    assert 400 <= width <= 1200 and 300 <= height <= 800
    assert png_size(form_png("Inter", []))


def test_matplotlib_is_not_loaded_until_a_picture_is_drawn() -> None:
    code = "import sys, bot.app, handlers.pictures; assert 'matplotlib' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parent.parent)


# -- decisions ------------------------------------------------------------------------------------------------
def view(home: str, away: str, home_goals: int | None, away_goals: int | None, day: int, *, order_known=True):
    status = "stated" if home_goals is not None else "unknown"
    return MatchView(
        day, home, away, home_goals, away_goals, status, order_known, date(2023, 11, day), "Serie A", None, None
    )


def test_form_points_are_three_one_or_zero_from_the_teams_side_oldest_first() -> None:
    newest_first = [
        view("Inter", "Napoli", 3, 0, 26),
        view("Juventus", "Inter", 1, 1, 19, order_known=False),
        view("Inter", "Roma", None, None, 12),  # no score: left out
        view("Atalanta", "Inter", 2, 1, 5),
    ]
    assert form_points(newest_first, "Inter") == [
        FormPoint("Atalanta", "1-2", 0, False),
        FormPoint("Juventus", "1-1", 1, None),  # the reports do not say who was at home
        FormPoint("Napoli", "3-0", 3, True),
    ]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ("serie a image", ("serie a", True)),
        ("table IMAGE please", ("table please", True)),
        ("bxh serie a hình ảnh", ("bxh serie a", True)),
        ("hình", ("", True)),
        ("ngoại hạng anh", ("ngoại hạng anh", False)),  # "Anh" is England, not a picture
        ("imagine dragons", ("imagine dragons", False)),
    ],
)
def test_the_words_asking_for_a_picture_are_found_and_taken_out(args: str, expected: tuple[str, bool]) -> None:
    assert asks_for_image(args) == expected


def standings(*teams: str) -> Table:
    return Table("Serie A", "2023-24", [TableRow(t, 1, 1, 0, 0, 2, 1) for t in teams], matches=1, disputed=0)


def test_a_narrow_table_stays_text_with_a_picture_button_a_wide_or_asked_one_is_a_picture() -> None:
    text = "<b>Serie A</b> 2023-24 – from 1 result(s)\n<pre> 1 Inter  1 +1 3</pre>\n<b>As reported</b>:"
    narrow = table_answer(Reply(text), standings("Inter", "Atalanta"), "en", asked=False)
    assert narrow.image is None and narrow.html == text
    assert narrow.buttons[-1][0].data == "cmd:/table Serie A 2023-24 image"
    wide = table_answer(Reply(text), standings("Borussia Mönchengladbach"), "en", asked=False)
    assert wide.image is not None and wide.caption == "<b>Serie A</b> 2023-24 – from 1 result(s)\n<b>As reported</b>:"
    assert wide.html == text  # the text stays for inline mode and the console
    assert table_answer(Reply(text), standings("Inter"), "vi", asked=True).image is not None
    assert table_answer(Reply(text), standings("Borussia Mönchengladbach"), "en", asked=None).image is None


def test_a_caption_fits_telegrams_limit_and_is_cut_at_a_line() -> None:
    long = "\n".join(f"line {i} " + "x" * 90 for i in range(30))
    cut = caption(Reply(long))
    assert len(cut) <= 1024 and long.startswith(cut) and cut.endswith("x")


# -- what a chat gets ----------------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def seeded_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pictures_seeded")
    (folder / "gladbach.txt").write_text(GLADBACH, encoding="utf-8")
    return store_template(folder, [*SEED_REPORTS, folder / "gladbach.txt"])


async def ask(tg: FakeTelegram, chat: dict, user: dict, line: str) -> SentMessage:
    message = tg.send_text(chat, user, line)
    return await tg.wait_for_message(
        chat, timeout=15, predicate=lambda m: m.reply_to_message_id == message["message_id"]
    )


def photo_size(sent: SentMessage) -> tuple[int, int]:
    assert sent.method == "sendPhoto" and sent.upload is not None
    photo = sent.message["photo"][0]
    assert png_size(sent.upload.content) == (photo["width"], photo["height"])
    return photo["width"], photo["height"]


async def test_tables_scorers_and_form_as_pictures(tg: FakeTelegram, tmp_path: Path, seeded_store: Path) -> None:
    copy_store(seeded_store, tmp_path)
    fan = tg.user(22, "Fan")
    chat = tg.private_chat(fan)
    async with running_bot(tg, tmp_path):
        text_table = await ask(tg, chat, fan, "/table serie a")
        assert text_table.method == "sendMessage" and "<pre>" in (text_table.text or "")
        assert text_table.button_data() == ["cmd:/table Serie A 2023-24 image"]
        tg.press_button(chat, fan, text_table, "cmd:/table Serie A 2023-24 image")
        pressed = await tg.wait_for_message(chat, timeout=15)
        assert photo_size(pressed)[0] >= 400
        assert (pressed.plain_text or "").startswith("Serie A 2023-24 – from 1 result(s) in my reports")

        asked = await ask(tg, chat, fan, "/table serie a image")
        assert photo_size(asked) == photo_size(pressed) and "<pre>" not in (asked.text or "")

        wide = await ask(tg, chat, fan, "/table bundesliga")  # "Borussia Monchengladbach" would be cut
        assert photo_size(wide)[0] >= 400 and (wide.plain_text or "").startswith("Bundesliga")

        scorers = await ask(tg, chat, fan, "/scorers inter hình")
        assert photo_size(scorers)[1] >= 100 and scorers.plain_text == "Top scorers – Inter"

        form = await ask(tg, chat, fan, "/form inter")
        assert photo_size(form)[0] >= 400
        assert (form.plain_text or "").startswith("Inter: points in the last 3 matches\n")

        assert (await ask(tg, chat, fan, "/form")).plain_text == "Which team? e.g. /form Inter"
    assert not tg.errors

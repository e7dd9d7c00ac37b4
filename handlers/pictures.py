"""PNG pictures of tables and of a team's form, for answers that read better as an image on a phone.

Pure: data in, bytes out, nothing about Telegram or the store. matplotlib is imported inside the
functions, so the bot starts fast and loads it only when a picture is first asked for; its
object-oriented API (``Figure`` + ``FigureCanvasAgg``) is used rather than pyplot, so there is no
display, no backend switch and no global figure state shared between worker threads.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

DPI = 144
HEADER = "#1f3a5f"  # dark blue header row
STRIPE = "#f1f4f8"  # every other row
EDGE = "#d0d7e2"
RESULT_COLOURS = {3: "#2e7d32", 1: "#9e9e9e", 0: "#c62828"}  # win, draw, loss
CHAR_INCHES = 0.095  # width of one character at the table's font size
ROW_INCHES = 0.3


@dataclass(frozen=True, slots=True)
class FormPoint:
    """One match of a team's form: the opponent, the score from the team's side, points won."""

    opponent: str
    score: str  # "2-1": the team's goals first
    points: int  # 3 | 1 | 0
    home: bool | None = None  # None: the reports do not say


def _figure(width: float, height: float):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), dpi=DPI)
    FigureCanvasAgg(figure)
    return figure


def _png(figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", bbox_inches="tight", pad_inches=0.12, facecolor="white")
    return buffer.getvalue()


def table_png(title: str, columns: Sequence[str], rows: Sequence[Sequence[object]]) -> bytes:
    """A clean table: bold header, striped rows, text columns left-aligned and numbers right-aligned.

    Column widths follow their longest cell, so a long club name widens its column instead of
    being cut as the text table must.
    """
    cells = [["" if value is None else str(value) for value in row] for row in rows]
    numeric = [all(_is_number(row[i]) for row in cells if row[i]) for i in range(len(columns))]
    widths = [max([len(columns[i]), *(len(row[i]) for row in cells)]) + 2 for i in range(len(columns))]
    width = max(3.5, sum(widths) * CHAR_INCHES)
    figure = _figure(width, ROW_INCHES * (len(cells) + 1) + 0.5)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.axis("off")
    table = axes.table(
        cellText=cells or [[""] * len(columns)],
        colLabels=list(columns),
        colWidths=[w / sum(widths) for w in widths],
        loc="upper center",
        cellLoc="left",
    )
    table.auto_set_font_size(False)
    table.set_fontsize(10)
    for (row, column), cell in table.get_celld().items():
        cell.set_edgecolor(EDGE)
        cell.set_height(1 / (len(cells) + 1))
        cell.get_text().set_horizontalalignment("right" if numeric[column] else "left")
        cell.PAD = 0.04 if numeric[column] else 0.03
        if row == 0:
            cell.set_facecolor(HEADER)
            cell.get_text().set_color("white")
            cell.get_text().set_fontweight("bold")
        elif row % 2 == 0:
            cell.set_facecolor(STRIPE)
    figure.suptitle(title, x=0.01, y=1.0, ha="left", va="bottom", fontsize=12, fontweight="bold")
    return _png(figure)


def form_png(title: str, points: Sequence[FormPoint], *, axis_label: str = "points") -> bytes:
    """Bars of 3 / 1 / 0 points per match, oldest left, coloured by result, labelled by opponent."""
    figure = _figure(max(3.5, 1.0 * len(points) + 1), 3.2)
    axes = figure.add_subplot()
    xs = range(len(points))
    heights = [max(p.points, 0.08) for p in points]  # a loss still shows as a sliver
    axes.bar(xs, heights, color=[RESULT_COLOURS.get(p.points, "#9e9e9e") for p in points], width=0.65)
    for x, point in zip(xs, points, strict=True):
        axes.text(x, heights[x] + 0.08, point.score, ha="center", va="bottom", fontsize=9, fontweight="bold")
    labels = [_opponent_label(p) for p in points]
    tilted = max(map(len, labels), default=0) > 10
    axes.set_xticks(list(xs), labels, fontsize=8, rotation=30 if tilted else 0, ha="right" if tilted else "center")
    axes.set_yticks([0, 1, 3])
    axes.set_ylim(0, 3.8)
    axes.set_ylabel(axis_label)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.set_title(title, fontsize=11, fontweight="bold", loc="left")
    return _png(figure)


def _opponent_label(point: FormPoint) -> str:
    where = "" if point.home is None else (" (H)" if point.home else " (A)")
    return point.opponent + where


def _is_number(value: str) -> bool:
    return value.lstrip("+-").isdigit()

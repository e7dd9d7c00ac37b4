"""Match dates, seasons and rounds from what a report says and when it was published.

A date is only stated when the text fixes it: an explicit date ("Sunday 7th May 2006", "tối
15/12/2024"), a day and month with the year known from the publication date or a stated season,
or a relative day ("yesterday", "on Saturday", "tối qua") with a publication date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from store.extract.lang.base import LanguageRules


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def season_years(text: str, rules: LanguageRules) -> tuple[int, int] | None:
    """('2023', '2024') from "Serie A 2023-2024", "2020/21"; the first plausible one."""
    for m in rules.compiled.season.finditer(text):
        y1 = int(m.group("y1"))
        y2 = m.group("y2")
        y2i = int(y2) if len(y2) == 4 else (y1 // 100) * 100 + int(y2)
        if y2i == y1 + 1:
            return y1, y2i
    return None


def season_label(start_year: int) -> str:
    return f"{start_year}-{str(start_year + 1)[-2:]}"


def season_of(day: date, *, calendar_year: bool = False) -> str:
    """European season of a date (July starts a new one); calendar-year leagues use the year."""
    if calendar_year:
        return str(day.year)
    return season_label(day.year if day.month >= 7 else day.year - 1)


def stated_date(
    text: str, rules: LanguageRules, *, published: date | None, season: tuple[int, int] | None
) -> date | None:
    """The date a sentence states for its match, if the sentence (plus context) fixes one."""
    compiled = rules.compiled
    for pattern in compiled.dates:
        for m in pattern.finditer(text):
            groups = m.groupdict()
            month = groups.get("m")
            if groups.get("mon"):
                month = rules.months.get(groups["mon"].lower().rstrip("."))
            if not month:
                continue
            d, mo = int(groups["d"]), int(month)
            if groups.get("y"):
                found = _safe_date(int(groups["y"]), mo, d)
            elif season:
                found = _safe_date(season[0] if mo >= 7 else season[1], mo, d)
            elif published:
                found = _safe_date(published.year, mo, d)
                if found and found > published + timedelta(days=2):  # "4/11" in a January report
                    found = _safe_date(published.year - 1, mo, d)
            else:
                found = None
            if found:
                return found
    if published is None:
        return None
    rel = compiled.relative_days.search(text)
    if rel:
        return published + timedelta(days=rules.relative_days[rel.group().lower()])
    weekday = compiled.weekdays.search(text)
    if weekday:
        target = rules.weekdays[weekday.group().lower()]
        back = (published.weekday() - target) % 7
        return published - timedelta(days=back)
    return None


def stated_round(text: str, rules: LanguageRules) -> str | None:
    for pattern in rules.compiled.rounds:
        m = pattern.search(text)
        if m:
            written = re.sub(r"\s+", " ", m.group("r").lower())
            return rules.round_names.get(written, written)
    return None

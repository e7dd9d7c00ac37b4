"""A chat's time zone applied to moments: "today" for questions, the time a report was read.

Match dates are plain dates and are never converted; only moments (``datetime``, stored in UTC)
are shown in the chat's zone. An unknown zone name falls back to UTC instead of failing.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

# offered as buttons by /settings; any other IANA name can be typed (/settings Europe/Berlin)
TIMEZONES = (
    "UTC",
    "Europe/London",
    "Europe/Paris",
    "Europe/Rome",
    "Asia/Ho_Chi_Minh",
    "Asia/Tokyo",
    "America/New_York",
    "America/Sao_Paulo",
)


def known_zone(name: str) -> str | None:
    """The IANA name as written in the database of zones ("asia/ho_chi_minh" -> "Asia/Ho_Chi_Minh")."""
    wanted = name.strip().replace(" ", "_").casefold()
    if not wanted:
        return None
    for zone_name in (*TIMEZONES, *sorted(available_timezones())):
        if zone_name.casefold() == wanted:
            return zone_name
    return None


def zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def local(moment: datetime, tz: str | None) -> datetime:
    """``moment`` in the zone; a naive one is UTC (SQLite hands them back without a zone)."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(zone(tz))


def today(tz: str | None, now: datetime | None = None) -> date:
    """The date it is in the zone: "yesterday" in Hanoi is not yesterday in New York."""
    return local(now or datetime.now(UTC), tz).date()


def time_of_day(moment: datetime, tz: str | None) -> str:
    return local(moment, tz).strftime("%H:%M")

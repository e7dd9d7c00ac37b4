"""Score extracted facts against the gold files of the corpus, as the reference yardstick does.

The yardstick is ``score_extraction.py`` (a copy lives in ``tests/data/tools/``). This module is a
port of its matching so that tests and developers can score in-process and read the misses; it
must give the *same* numbers, so every table and threshold below is the tool's, and names are
compared with the tool's own :func:`fold`, never with :mod:`store.normalize` (the evaluator must
not move when the extractor's normalisation does).

What is counted, per language and overall:

- results: a gold match with a full score is found when a predicted match has the same two teams
  and the same score, in either orientation; home/away accuracy over the found ones whose venue
  the gold knows;
- goals: a gold goal is found when a goal of the mapped predicted match has the same team and the
  same player; minute accuracy (gold minutes only) and penalty/own-goal flag accuracy over those.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from store.extract import extract
from store.reading import read_report_file

# -- the tool's name tables (copied verbatim: changing one changes the score) ----------------------

# words dropped from a team name: "FC", "CLB", "ĐT", "đội tuyển", a sponsor
DROP = {
    "fc",
    "afc",
    "ac",
    "as",
    "ss",
    "ssc",
    "cf",
    "sc",
    "calcio",
    "club",
    "de",
    "the",
    "bc",
    "us",
    "cfc",
    "clb",
    "dt",
    "dtqg",
    "doi",
    "tuyen",
    "lpbank",
}
# whole folded names that mean another name
ALIASES = {
    "internazionale": "inter",
    "inter milan": "inter",
    "fc internazionale milano": "inter",
    "milan": "ac milan",
    "ac milan": "ac milan",
    "man utd": "manchester united",
    "man united": "manchester united",
    "mu": "manchester united",
    "man city": "manchester city",
    "spurs": "tottenham hotspur",
    "tottenham": "tottenham hotspur",
    "wolves": "wolverhampton wanderers",
    "newcastle": "newcastle united",
    "west ham": "west ham united",
    "juve": "juventus",
    "roma": "roma",
    "lazio": "lazio",
    "napoli": "napoli",
    "atletico": "atletico madrid",
    "barca": "barcelona",
    "real": "real madrid",
    "bayern": "bayern munich",
    "bayern munchen": "bayern munich",
    "psg": "paris saint germain",
    "paris sg": "paris saint germain",
    "viet nam": "vietnam",
    "hagl": "hoang anh gia lai",
    "west brom": "west bromwich albion",
    "leeds": "leeds united",
    "blackburn": "blackburn rovers",
    "bolton": "bolton wanderers",
    "norwich": "norwich city",
    "birmingham": "birmingham city",
    "charlton": "charlton athletic",
    "leicester": "leicester city",
    "ipswich": "ipswich town",
    "crystal palace": "crystal palace",
    "shakhtar": "shakhtar donetsk",
    # Vietnamese names of national teams (whole-string aliases only)
    "tay ban nha": "spain",
    "duc": "germany",
    "phap": "france",
    "anh": "england",
    "y": "italy",
    "italia": "italy",
    "bo dao nha": "portugal",
    "ha lan": "netherlands",
    "holland": "netherlands",
    "bi": "belgium",
    "thuy si": "switzerland",
    "thuy dien": "sweden",
    "dan mach": "denmark",
    "na uy": "norway",
    "ba lan": "poland",
    "hy lap": "greece",
    "nga": "russia",
    "tho nhi ky": "turkey",
    "thai lan": "thailand",
    "lao": "laos",
    "an do": "india",
    "nhat ban": "japan",
    "han quoc": "south korea",
    "korea republic": "south korea",
    "korea": "south korea",
    "trieu tien": "north korea",
    "trung quoc": "china",
    "my": "usa",
    "us": "usa",
    "u s": "usa",
    "united states": "usa",
    "uc": "australia",
    "ai cap": "egypt",
    "a rap xe ut": "saudi arabia",
    "campuchia": "cambodia",
    "ma roc": "morocco",
    "ireland": "republic of ireland",
    "rep of ireland": "republic of ireland",
    "dtvn": "vietnam",
    # Vietnamese clubs
    "ha noi": "hanoi",
    "cahn": "congan ha noi",
    "ca ha noi": "congan ha noi",
    "congan hn": "congan ha noi",
    "congan": "congan ha noi",
    "hanoi police": "congan ha noi",
    "tp hcm": "ho chi minh city",
    "tphcm": "ho chi minh city",
    "tp ho chi minh": "ho chi minh city",
    "hcmc": "ho chi minh city",
    "ho chi minh": "ho chi minh city",
    "b binh duong": "binh duong",
    "slna": "song lam nghe an",
    # unambiguous club/country nicknames
    "gunners": "arsenal",
    "phao thu": "arsenal",
    "hammers": "west ham united",
    "los blancos": "real madrid",
    "atleti": "atletico madrid",
    "bvb": "borussia dortmund",
    "blades": "sheffield united",
    "seagulls": "brighton",
    "hibs": "hibernian",
    "selecao": "brazil",
    "albiceleste": "argentina",
    "ny red bulls": "new york red bulls",
}
# letters that NFKD does not take apart into a base letter and a mark
_EXTRA = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "ð": "d",
        "Ð": "D",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "ß": "ss",
        "þ": "th",
        "ı": "i",
    }
)
# words that make a different team: "Chelsea" is not "Chelsea Women", "Vietnam" is not "Vietnam U23"
OTHER_SQUAD = {"women", "ladies", "u23", "u22", "u21", "u20", "u19", "u18", "u17", "ii", "b", "reserves", "youth"}
# words that make a different club: "Ha Noi" is not "Cong An Ha Noi", "Ireland" is not "Northern Ireland"
OTHER_CLUB = {"congan", "police", "northern"}
# the only words a predicted name may add to the gold name ("Wigan" -> "Wigan Athletic")
CLUB_WORDS = {
    "united",
    "city",
    "town",
    "athletic",
    "athletico",
    "hotspur",
    "albion",
    "hove",
    "rovers",
    "wanderers",
    "county",
    "borussia",
    "olympique",
    "sporting",
    "real",
    "rb",
    "vfb",
    "vfl",
    "tsg",
    "sv",
    "fk",
    "sk",
    "nk",
    "if",
    "bk",
    "saint",
    "st",
    "germain",
    "ff",
    "ik",
    "aik",
    "munich",
    "munchen",
    "madrid",
    "milan",
    "and",
    "becamex",
    "thep",
    "xanh",
    "hong",
    "linh",
    "dong",
    "a",
    "topenland",
    "quy",
    "nhon",
    "shb",
    "song",
    "lam",
    "nghe",
    "an",
    "the",
    "cong",
}
# single words that start (or end) several club names: "Inter" alone is not "Inter Miami"
SHARED_HEAD = {
    "inter",
    "manchester",
    "real",
    "atletico",
    "sporting",
    "athletic",
    "racing",
    "dynamo",
    "dinamo",
    "red",
    "new",
    "united",
    "city",
    "olympique",
    "borussia",
    "bayer",
    "saint",
    "st",
    "hong",
    "ha",
    "ho",
    "madrid",
    "sheffield",
    "rangers",
    "wanderers",
    "albion",
    "rovers",
    "county",
    "town",
    "guinea",
    "congo",
    "sudan",
    "bristol",
    "nottingham",
}
# name endings that do not tell people apart: "Vinicius Junior" is "Vinicius Jr"
NAME_SUFFIXES = {"jr", "junior", "sr", "filho", "neto"}
# particles that never make two names the same person on their own
NAME_PARTICLES = {"de", "da", "van", "el", "al", "di", "do", "dos"}

TEAM_FUZZY = 0.88  # SequenceMatcher ratio for team-name typos
GIVEN_NAME_FUZZY = 0.75  # for given names of two people with the same surname ("Henrikh"/"Hendrikh")
PLAYER_FUZZY = 0.85  # for whole player names that share no surname


# -- names -----------------------------------------------------------------------------------------


def fold(text: str) -> str:
    """The tool's comparison form: no diacritics, lower case, words of letters and digits.

    Unlike :func:`store.normalize.fold` it does not keep the length; it glues squad ages ("U-23" ->
    "u23") and the words that would otherwise make one club look like another ("Cong An", "New York").
    """
    text = text.replace("_", " ").replace("đ", "d").replace("Đ", "D").translate(_EXTRA)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = " ".join("".join(c if c.isalnum() else " " for c in text).split())
    text = re.sub(r"\bu (\d\d)\b", r"u\1", text)  # "U-23"/"U.23" -> "u23" (else the digits are dropped)
    text = re.sub(r"\bcong an\b", "congan", text)  # "Cong An Ha Noi" is a different club from "Ha Noi"
    return re.sub(r"\bnew york\b", "newyork", text)  # "York" is not "New York ..."


def team_key(name: str | None) -> str:
    """A team name reduced to the words that identify it, aliases resolved ("" for no name).

    Squad words are kept apart and sorted after the club part, which is resolved on its own, so
    that "Man Utd Women" and "Manchester United Women" agree.
    """
    if not name:
        return ""
    folded = fold(name)
    words = folded.split()
    squad = [w for w in words if w in OTHER_SQUAD and w != "b"]
    if squad and len(squad) < len(words):
        club = team_key(" ".join(w for w in words if w not in squad))
        return " ".join([club, *sorted(squad)])
    folded = ALIASES.get(folded, folded)
    kept = [w for w in folded.split() if w not in DROP and not w.isdigit()]
    folded = " ".join(kept) or folded
    return ALIASES.get(folded, folded)


def same_team(gold: str | None, predicted: str | None) -> bool:
    """Whether a predicted team name names the gold team (the order of the arguments matters).

    One name may extend the other ("Wigan" / "Wigan Athletic"), but the prediction may only add
    club words, so that a name swallowing a neighbour ("Sheffield United Ezri Konsa") is not
    credited; a squad or another club's word makes a different team; one shared word such as
    "Inter" is not enough. Otherwise a typo is forgiven when the first letters agree.
    """
    gold_key, pred_key = team_key(gold), team_key(predicted)
    if not gold_key or not pred_key:
        return False
    if gold_key == pred_key:
        return True
    gold_words, pred_words = set(gold_key.split()), set(pred_key.split())
    if gold_words <= pred_words or pred_words <= gold_words:
        small, big = (gold_words, pred_words) if len(gold_words) <= len(pred_words) else (pred_words, gold_words)
        if pred_words > gold_words and (pred_words - gold_words) - CLUB_WORDS:
            return False
        if (big - small) & (OTHER_SQUAD | OTHER_CLUB):
            return False
        return not (len(small) == 1 and small <= SHARED_HEAD)
    # fuzzy only when the first letters agree (Thanh Hoa is not Khanh Hoa)
    return gold_key[0] == pred_key[0] and SequenceMatcher(None, gold_key, pred_key).ratio() >= TEAM_FUZZY


def _name_tokens(name: str) -> list[str]:
    """Folded words of a person's name without "Jr"-like suffixes (unless that is all there is)."""
    words = fold(name).split()
    return [w for w in words if w not in NAME_SUFFIXES] or words


def _related_given_names(first: set[str], second: set[str]) -> bool:
    """Whether two sets of given names could be the same person's, spelt or shortened differently."""
    return any(
        x.startswith(y)
        or y.startswith(x)
        or (x[0] == y[0] and min(len(x), len(y)) <= 3)
        or SequenceMatcher(None, x, y).ratio() >= GIVEN_NAME_FUZZY
        for x in first
        for y in second
    )


def same_player(a: str | None, b: str | None) -> bool:
    """Whether two names are one person.

    A shared word counts only if it is the surname (last word) of one side, and two full names
    whose other words are unrelated are different people ("Giuliano Simeone" vs "Diego Simeone",
    "Nguyen Quang Hai" vs "Nguyen Van Toan"); otherwise the whole names must be near-identical.
    """
    if not a or not b:
        return False
    tokens_a, tokens_b = _name_tokens(a), _name_tokens(b)
    if not tokens_a or not tokens_b:
        return False
    shared = (set(tokens_a) & set(tokens_b)) - NAME_PARTICLES
    if shared & {tokens_a[-1], tokens_b[-1]}:
        given_a, given_b = set(tokens_a[:-1]) - NAME_PARTICLES, set(tokens_b[:-1]) - NAME_PARTICLES
        return not (
            tokens_a[-1] == tokens_b[-1]
            and given_a
            and given_b
            and not (given_a & given_b)
            and not _related_given_names(given_a, given_b)
        )
    return SequenceMatcher(None, " ".join(tokens_a), " ".join(tokens_b)).ratio() >= PLAYER_FUZZY


# -- matches ---------------------------------------------------------------------------------------


def is_scored(match: Mapping[str, Any]) -> bool:
    """Only a match with both goal counts is a result."""
    return isinstance(match.get("home_goals"), int) and isinstance(match.get("away_goals"), int)


def _sides_match(gold: Mapping[str, Any], predicted: Mapping[str, Any], *, swapped: bool) -> bool:
    """Whether the predicted home and away teams are the gold ones (or the other way round)."""
    pred_home, pred_away = ("away", "home") if swapped else ("home", "away")
    return same_team(gold["home"], predicted.get(pred_home)) and same_team(gold["away"], predicted.get(pred_away))


def _goals_match(gold: Mapping[str, Any], predicted: Mapping[str, Any], *, swapped: bool) -> bool:
    pred_home, pred_away = ("away_goals", "home_goals") if swapped else ("home_goals", "away_goals")
    return gold["home_goals"] == predicted.get(pred_home) and gold["away_goals"] == predicted.get(pred_away)


def result_match(gold: Mapping[str, Any], predicted: Mapping[str, Any]) -> tuple[bool, bool]:
    """(same result whatever the venue, same result with home and away right)."""
    # no early return when the teams agree but the score does not: the swapped orientation may be right
    if _sides_match(gold, predicted, swapped=False) and _goals_match(gold, predicted, swapped=False):
        return True, True
    if _sides_match(gold, predicted, swapped=True):
        return _goals_match(gold, predicted, swapped=True), False
    return False, False


def pair_match(gold: Mapping[str, Any], predicted: Mapping[str, Any]) -> bool:
    """Whether a predicted match is between the gold match's two teams, in either orientation."""
    return _sides_match(gold, predicted, swapped=False) or _sides_match(gold, predicted, swapped=True)


def map_matches(gold: list[dict], predicted: list[dict]) -> tuple[dict[int, int], dict[int, set[int]]]:
    """Which predicted match stands for each gold match, and which predicted matches may hold its goals.

    A gold match takes a predicted match of its pair with the same score first, then any of its
    pair. Its goals may sit on any predicted match of that pair that is not another gold match's
    primary copy. A gold match whose pair was not found may still take goals from an unclaimed
    predicted match with one of its teams: one misnamed team must not void every goal of a match.
    """
    primary: dict[int, int] = {}
    for want_score in (True, False):
        for gi, g in enumerate(gold):
            if gi in primary:
                continue
            for pi, p in enumerate(predicted):
                if (
                    pi not in primary.values()
                    and pair_match(g, p)
                    and (not want_score or (is_scored(g) and result_match(g, p)[0]))
                ):
                    primary[gi] = pi
                    break
    accept = {
        gi: {
            pi
            for pi, p in enumerate(predicted)
            if pair_match(gold[gi], p) and (pi == primary.get(gi) or pi not in primary.values())
        }
        for gi in primary
    }
    for gi, g in enumerate(gold):
        if gi in primary:
            continue
        half = {
            pi
            for pi, p in enumerate(predicted)
            if pi not in primary.values()
            and any(
                same_team(g[gold_side], p.get(pred_side))
                for gold_side in ("home", "away")
                for pred_side in ("home", "away")
            )
        }
        if half:
            primary[gi], accept[gi] = min(half), half
    return primary, accept


# -- counting --------------------------------------------------------------------------------------


def _prf(counts: Counter[str], prefix: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of ``prefix``_tp/_fp/_fn; an empty side counts as perfect."""
    tp, fp, fn = counts[f"{prefix}_tp"], counts[f"{prefix}_fp"], counts[f"{prefix}_fn"]
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _ratio(counts: Counter[str], ok: str, total: str) -> float | None:
    return round(counts[ok] / counts[total], 3) if counts[total] else None


def summarize(counts: Counter[str]) -> dict[str, float | None]:
    """The tool's summary fields for one set of counts, rounded to three places as it does."""
    rp, rr, rf = _prf(counts, "res")
    gp, gr, gf = _prf(counts, "goal")
    return {
        "result_p": round(rp, 3),
        "result_r": round(rr, 3),
        "result_f1": round(rf, 3),
        "home_away_acc": _ratio(counts, "order_ok", "order_n"),
        "goal_p": round(gp, 3),
        "goal_r": round(gr, 3),
        "goal_f1": round(gf, 3),
        "minute_acc": _ratio(counts, "min_ok", "min_n"),
        "flag_acc": _ratio(counts, "flag_ok", "flag_n"),
    }


def _first_result(
    gold: Mapping[str, Any], pred_scored: list[tuple[int, dict]], used: set[int]
) -> tuple[int, bool] | None:
    """The first unused predicted result that agrees with ``gold``: (its index, home/away right)."""
    for pi, p in pred_scored:
        if pi in used:
            continue
        ok, ordered = result_match(gold, p)
        if ok:
            return pi, ordered
    return None


def _score_results(gid: str, gold: list[dict], predicted: list[dict], counts: Counter[str], errors: list[str]) -> None:
    """Each scored gold match against the first unused predicted result that agrees with it."""
    pred_scored = [(pi, p) for pi, p in enumerate(predicted) if is_scored(p)]
    used: set[int] = set()
    for g in (m for m in gold if is_scored(m)):
        hit = _first_result(g, pred_scored, used)
        if hit is None:
            counts["res_fn"] += 1
            errors.append(f"{gid}: missed result {g['home']} {g['home_goals']}-{g['away_goals']} {g['away']}")
            continue
        used.add(hit[0])
        counts["res_tp"] += 1
        if g.get("order_known", True):
            counts["order_n"] += 1
            counts["order_ok"] += int(hit[1])
    for pi, p in pred_scored:
        if pi not in used:
            counts["res_fp"] += 1
            errors.append(
                f"{gid}: wrong/extra result {p.get('home')} {p.get('home_goals')}-{p.get('away_goals')} {p.get('away')}"
            )


def _same_flags(gold_goal: Mapping[str, Any], pred_goal: Mapping[str, Any]) -> bool:
    return bool(pred_goal.get("penalty")) == bool(gold_goal.get("penalty")) and bool(pred_goal.get("own_goal")) == bool(
        gold_goal.get("own_goal")
    )


def _score_goals(
    gid: str,
    gold_goals: list[dict],
    predicted: list[dict],
    mapping: tuple[dict[int, int], dict[int, set[int]]],
    counts: Counter[str],
    errors: list[str],
) -> None:
    """Each gold goal against an untaken predicted goal of an accepted match, same team and player;
    among several, the one with the same minute, then the same flags, then the earliest."""
    primary, accept = mapping
    taken: set[int] = set()
    for g in gold_goals:
        gi = g.get("match", 0)
        candidates = [
            k
            for k, p in enumerate(predicted)
            if k not in taken
            and gi in primary
            and p.get("match") in accept[gi]
            and same_team(g["team"], p.get("team"))
            and same_player(g["player"], p.get("player"))
        ]
        if not candidates:
            counts["goal_fn"] += 1
            errors.append(f"{gid}: missed goal {g['player']} ({g['team']}) {g.get('minute')}'")
            continue
        hit = max(
            candidates, key=lambda k: (predicted[k].get("minute") == g.get("minute"), _same_flags(g, predicted[k]), -k)
        )
        taken.add(hit)
        counts["goal_tp"] += 1
        if g.get("minute") is not None:
            counts["min_n"] += 1
            counts["min_ok"] += int(predicted[hit].get("minute") == g["minute"])
        counts["flag_n"] += 1
        counts["flag_ok"] += int(_same_flags(g, predicted[hit]))
    for k, p in enumerate(predicted):
        if k not in taken:
            counts["goal_fp"] += 1
            errors.append(f"{gid}: wrong/extra goal {p.get('player')} ({p.get('team')}) {p.get('minute')}'")


def score_report(gold: Mapping[str, Any], prediction: Mapping[str, Any]) -> tuple[Counter[str], list[str]]:
    """Counts and error lines of one report (a prediction in the gold shape; extra keys ignored)."""
    gid = gold.get("id", "?")
    gold_matches = gold.get("matches", [])
    pred_matches = [m for m in prediction.get("matches", []) if isinstance(m, dict)]
    pred_goals = [g for g in prediction.get("goals", []) if isinstance(g, dict)]
    counts: Counter[str] = Counter()
    errors: list[str] = []
    mapping = map_matches(gold_matches, pred_matches)
    _score_results(gid, gold_matches, pred_matches, counts, errors)
    _score_goals(gid, gold.get("goals", []), pred_goals, mapping, counts, errors)
    return counts, errors


# -- the corpus ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GoldReport:
    """One gold file and the report text it labels."""

    path: Path  # NAME.json
    txt: Path  # NAME.txt beside it
    data: dict[str, Any]

    @property
    def lang(self) -> str:
        return self.data.get("lang", "?")


@dataclass(slots=True)
class Evaluation:
    """Scores per language and overall (``summary["all"]``), and every miss and false fact."""

    reports: int
    summary: dict[str, dict[str, float | None]]
    errors: list[str] = field(default_factory=list)
    reports_by_lang: dict[str, int] = field(default_factory=dict)


def load_gold(gold_dir: Path) -> list[GoldReport]:
    """Every ``*.json`` under ``gold_dir`` that has its ``.txt``, in the tool's order."""
    paths = [p for p in sorted(Path(gold_dir).rglob("*.json")) if p.with_suffix(".txt").exists()]
    return [GoldReport(p, p.with_suffix(".txt"), json.loads(p.read_text(encoding="utf-8"))) for p in paths]


def score(
    golds: list[GoldReport], predictions: Mapping[str, Mapping[str, Any]], *, failures: Mapping[str, str] | None = None
) -> Evaluation:
    """Score ``predictions`` (keyed by the .txt file name; a missing one predicts nothing).

    ``failures`` maps a .txt name to the reason its extraction failed; like the tool, the failure
    is listed among the errors and the report counts as predicting nothing.
    """
    failures = failures or {}
    total: Counter[str] = Counter()
    by_lang: dict[str, Counter[str]] = {}
    errors: list[str] = []
    for gold in golds:
        if gold.txt.name in failures:
            errors.append(f"{gold.data.get('id')}: extractor failed: {failures[gold.txt.name]}")
        counts, report_errors = score_report(gold.data, predictions.get(gold.txt.name, {}))
        total.update(counts)
        by_lang.setdefault(gold.lang, Counter()).update(counts)
        errors += report_errors
    summary = {"all": summarize(total)} | {lang: summarize(by_lang[lang]) for lang in sorted(by_lang)}
    per_lang = Counter(g.lang for g in golds)
    return Evaluation(len(golds), summary, errors, {"all": len(golds), **dict(sorted(per_lang.items()))})


def evaluate_dir(gold_dir: Path) -> Evaluation:
    """Extract every gold report's text in this process and score it.

    The text is read as ``footbot extract`` reads a file, and the publication date is left to the
    report's own `` date`` header, so the numbers are those of the tool run over the CLI.
    """
    golds = load_gold(gold_dir)
    predictions: dict[str, dict[str, Any]] = {}
    failures: dict[str, str] = {}
    for gold in golds:
        try:
            predictions[gold.txt.name] = extract(read_report_file(gold.txt)).to_json()
        except Exception as exc:  # one failing report is counted as predicting nothing, as the tool does
            failures[gold.txt.name] = f"{type(exc).__name__}: {exc}"
    return score(golds, predictions, failures=failures)


# -- reading the numbers ---------------------------------------------------------------------------

_COLUMNS = (
    ("result_p", "res P"),
    ("result_r", "res R"),
    ("result_f1", "res F1"),
    ("home_away_acc", "home/away"),
    ("goal_p", "goal P"),
    ("goal_r", "goal R"),
    ("goal_f1", "goal F1"),
    ("minute_acc", "minute"),
    ("flag_acc", "pen/og"),
)


def format_evaluation(evaluation: Evaluation) -> str:
    """A table with one row per language (and "all"), every field a column."""
    header = ["lang", "reports", *(title for _, title in _COLUMNS)]
    rows = [
        [
            name,
            str(evaluation.reports_by_lang.get(name, "")),
            *("-" if fields[k] is None else f"{fields[k]:.3f}" for k, _ in _COLUMNS),
        ]
        for name, fields in evaluation.summary.items()
    ]
    table = [header, *rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    return "\n".join(_table_line(row, widths) for row in table)


def _table_line(cells: list[str], widths: list[int]) -> str:
    """The first cell left-aligned, the numbers right-aligned."""
    first, *rest = cells
    return "  ".join([first.ljust(widths[0]), *(c.rjust(w) for c, w in zip(rest, widths[1:], strict=True))])

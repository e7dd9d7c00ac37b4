"""Every language module has the same shape, its rules compile, and it reads the usual constructions.

The example tables are written per language with invented players and lower-league or unknown
teams ("Kettering", "Long An"), never sentences of the corpus: they say what a construction must
yield, so a rule that only fits one report shows up here. A case the engine gets wrong keeps its
correct expectation and is marked ``xfail(strict=True)`` with what the engine produced instead.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import pytest

from store.extract import ExtractedReport, extract
from store.extract.lang import LANGUAGES
from store.extract.lang.base import LanguageRules, Rule, expand

RULE_FIELDS = [f.name for f in dataclasses.fields(LanguageRules) if f.name.endswith("_rules")]
PATTERN_FIELDS = ("minute_patterns", "date_patterns", "round_patterns", "coach_refs", "descriptors")


# -- the shape of every language -------------------------------------------------------------------


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_language_is_registered_under_its_own_code(code: str) -> None:
    assert LANGUAGES[code].code == code
    assert re.fullmatch(r"[a-z]{2}", code), "language modules are named by ISO 639-1 code"


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_language_sets_every_field(code: str) -> None:
    """A field left empty by mistake would silently switch a rule family off for that language."""
    rules = LANGUAGES[code]
    optional = {"team_prefixes", "club_prefixes", "extra"}  # English has no team prefixes ("ĐT", "CLB")
    empty = [f.name for f in dataclasses.fields(rules) if f.name not in optional and not getattr(rules, f.name)]
    assert not empty


def test_languages_define_the_same_lexicon_keys() -> None:
    keys = {code: set(rules.lexicon) for code, rules in LANGUAGES.items()}
    every = set().union(*keys.values())
    missing = {code: sorted(every - have) for code, have in keys.items() if every - have}
    assert not missing


def _rule_templates(rules: LanguageRules) -> list[tuple[str, Rule]]:
    return [(name, rule) for name in RULE_FIELDS for rule in getattr(rules, name)]


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_every_rule_template_compiles(code: str) -> None:
    """Each template expands with the language's own lexicon (an unknown macro raises) and compiles."""
    rules = LANGUAGES[code]
    broken = []
    for name, rule in _rule_templates(rules):
        try:
            re.compile(expand(rule.pattern, rules.lexicon), re.I)
        except (KeyError, re.error) as exc:
            broken.append(f"{name}: {rule.pattern!r}: {exc}")
    assert not broken


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_every_plain_pattern_compiles(code: str) -> None:
    rules = LANGUAGES[code]
    patterns = [p for name in PATTERN_FIELDS for p in getattr(rules, name)]
    for pattern in [*patterns, rules.season_pattern, rules.clause_breaks]:
        re.compile(pattern, re.I)


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_compiled_rules_build(code: str) -> None:
    compiled = LANGUAGES[code].compiled
    assert len(compiled.results) == len(LANGUAGES[code].result_rules)


# -- facts the example sentences must yield --------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Result:
    """A final score; ``home`` only when the sentence itself fixes who was at home."""

    team: str
    goals: int
    other: str
    other_goals: int
    home: str | None = None

    def check(self, report: ExtractedReport) -> None:
        found = [m for m in report.matches if m.scored and {m.home, m.away} == {self.team, self.other}]
        assert found, f"no result between {self.team} and {self.other}: {_matches(report)}"
        match = found[0]
        by_team = {match.home: match.home_goals, match.away: match.away_goals}
        assert (by_team[self.team], by_team[self.other]) == (self.goals, self.other_goals)
        if self.home is not None:
            assert (match.home, match.order_known) == (self.home, True)


@dataclasses.dataclass(frozen=True)
class NoResult:
    """A score in the text that is not a final result (running score, half-time score)."""

    score: tuple[int, int]

    def check(self, report: ExtractedReport) -> None:
        wrong = [m for m in report.matches if m.scored and sorted((m.home_goals, m.away_goals)) == sorted(self.score)]  # type: ignore[type-var]
        assert not wrong, _matches(report)


@dataclasses.dataclass(frozen=True)
class Goal:
    """A goal; ``team`` is the side credited (for an own goal, the side that benefits)."""

    player: str
    team: str
    minute: int | None = None
    added: int | None = None
    penalty: bool = False
    own_goal: bool = False

    def check(self, report: ExtractedReport) -> None:
        found = [g for g in report.goals if g.player == self.player]
        assert found, f"no goal by {self.player}: {report.goals}"
        goal = found[0]
        assert (goal.team, goal.minute, goal.added, goal.penalty, goal.own_goal) == (
            self.team,
            self.minute,
            self.added,
            self.penalty,
            self.own_goal,
        )


@dataclasses.dataclass(frozen=True)
class RedCard:
    """A sending-off; ``team`` is None when the sentence does not say whose player it was."""

    player: str
    team: str | None
    minute: int | None

    def check(self, report: ExtractedReport) -> None:
        found = [e for e in report.events if e.kind == "red_card" and e.player == self.player]
        assert found, f"no red card for {self.player}: {report.events}"
        assert (found[0].team, found[0].minute) == (self.team, self.minute)


Fact = Result | NoResult | Goal | RedCard


def _matches(report: ExtractedReport) -> list[str]:
    return [f"{m.home} {m.home_goals}-{m.away_goals} {m.away}" for m in report.matches]


def case(id_: str, text: str, fact: Fact, *, xfail: str | None = None) -> Any:
    """One row of an example table; ``xfail`` says what the engine produces instead of ``fact``."""
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(text, fact, id=id_, marks=marks)


HEMEL, BRAINTREE = "Hemel Hempstead", "Braintree Town"
WON = f"{HEMEL} beat {BRAINTREE} 1-0 on Saturday. "

ENGLISH = [
    # results
    case("winner-first", f"{HEMEL} beat {BRAINTREE} 3-1 on Saturday.", Result(HEMEL, 3, BRAINTREE, 1)),
    case("loser-first", f"{BRAINTREE} lost 1-3 to {HEMEL} on Saturday.", Result(HEMEL, 3, BRAINTREE, 1)),
    case("loser-first-score-last", f"{BRAINTREE} lost to {HEMEL} 3-1 on Saturday.", Result(HEMEL, 3, BRAINTREE, 1)),
    case("ordered", f"{HEMEL} 2-1 {BRAINTREE}", Result(HEMEL, 2, BRAINTREE, 1, home=HEMEL)),
    case("fixture-then-score", f"{HEMEL} - {BRAINTREE} 2-1", Result(HEMEL, 2, BRAINTREE, 1, home=HEMEL)),
    case("passive", f"{BRAINTREE} were beaten 4-1 by {HEMEL} on Tuesday night.", Result(HEMEL, 4, BRAINTREE, 1)),
    case("win-noun", f"{HEMEL} sealed a 2-0 win over Slough Town.", Result(HEMEL, 2, "Slough Town", 0)),
    case("draw", f"{HEMEL} drew 1-1 with {BRAINTREE}.", Result(HEMEL, 1, BRAINTREE, 1)),
    case("goalless-draw", f"{HEMEL} and {BRAINTREE} played out a goalless draw.", Result(HEMEL, 0, BRAINTREE, 0)),
    case("unknown-teams-ordered", "Kettering 2-0 Dartford", Result("Kettering", 2, "Dartford", 0, home="Kettering")),
    case(
        "unknown-teams-winner-first", "Kettering beat Dartford 2-0 on Saturday.", Result("Kettering", 2, "Dartford", 0)
    ),
    case(
        "unknown-teams-with-club-words",
        "Tiverton Albion 2-1 Dunmore Athletic",
        Result("Tiverton Albion", 2, "Dunmore Athletic", 1, home="Tiverton Albion"),
    ),
    # running and half-time scores are not results
    case("made-it", f"Tom Baker made it 2-1 for {HEMEL} against {BRAINTREE}.", NoResult((2, 1))),
    case("the-3-1-goal", f"Tom Baker scored the 3-1 goal for {HEMEL} against {BRAINTREE}.", NoResult((3, 1))),
    case("half-time-lead", f"{HEMEL} led {BRAINTREE} 2-1 at half-time.", NoResult((2, 1))),
    case(
        "running-after-result",
        f"{HEMEL} beat {BRAINTREE} 3-1. Tom Baker made it 2-1 in the 50th minute.",
        NoResult((2, 1)),
    ),
    # minutes
    case("ordinal-minute", WON + "Tom Baker scored in the 63rd minute.", Goal("Tom Baker", HEMEL, 63)),
    case("stoppage-minute", WON + "Tom Baker headed home (90+2).", Goal("Tom Baker", HEMEL, 90, added=2)),
    case("after-n-minutes", WON + "Tom Baker opened the scoring after 19 minutes.", Goal("Tom Baker", HEMEL, 19)),
    case("minutes-from-time", WON + "Tom Baker scored the winner 11 minutes from time.", Goal("Tom Baker", HEMEL, 79)),
    # penalties, own goals, cards
    case(
        "penalty", WON + "Tom Baker converted a penalty in the 30th minute.", Goal("Tom Baker", HEMEL, 30, penalty=True)
    ),
    case(
        "own-goal",
        WON + f"{BRAINTREE} defender Sam Reed turned it into his own net after 30 minutes.",
        Goal("Sam Reed", HEMEL, 30, own_goal=True),
    ),
    case(
        "red-card", WON + f"{BRAINTREE}'s Sam Reed was sent off in the 70th minute.", RedCard("Sam Reed", BRAINTREE, 70)
    ),
    case(
        "red-card-player-of-team",
        WON + f"Sam Reed of {BRAINTREE} was sent off in the 70th minute.",
        RedCard("Sam Reed", BRAINTREE, 70),
    ),
    case(
        "twice-two-ordinal-minutes",
        f"{HEMEL} beat {BRAINTREE} 2-0 on Saturday. Tom Baker scored twice, in the 12th and 50th minutes.",
        Goal("Tom Baker", HEMEL, 12),
    ),
    # a headline result without its score still names the match the goals belong to
    case(
        "headline-without-score",
        f"{BRAINTREE} stun {HEMEL}\n\nTom Baker scored in the 80th minute for {BRAINTREE} against {HEMEL}.",
        Goal("Tom Baker", BRAINTREE, 80),
    ),
]

THANH_HOA, QUANG_NAM = "Thanh Hoa", "Quang Nam"  # canonical names in the reference data
TH, QN = "Đông Á Thanh Hóa", "Quảng Nam"  # as Vietnamese reports write them
THANG = f"{TH} thắng {QN} 1-0. "

VIETNAMESE = [
    # results
    case("winner-first", f"{TH} thắng {QN} 3-1.", Result(THANH_HOA, 3, QUANG_NAM, 1)),
    case("loser-first", f"{QN} thua {TH} 1-3.", Result(THANH_HOA, 3, QUANG_NAM, 1)),
    case("loser-first-truoc", f"{QN} để thua 1-3 trước {TH}.", Result(THANH_HOA, 3, QUANG_NAM, 1)),
    case("ordered", f"{TH} 2-1 {QN}", Result(THANH_HOA, 2, QUANG_NAM, 1, home=THANH_HOA)),
    case("fixture-then-score", f"{TH} - {QN} 2-1", Result(THANH_HOA, 2, QUANG_NAM, 1, home=THANH_HOA)),
    case("passive-bi", f"{QN} bị {TH} đánh bại 1-4.", Result(THANH_HOA, 4, QUANG_NAM, 1)),
    case("draw", f"{TH} hòa {QN} 2-2.", Result(THANH_HOA, 2, QUANG_NAM, 2)),
    case("draw-both-subjects", f"{TH} và {QN} hòa nhau 1-1.", Result(THANH_HOA, 1, QUANG_NAM, 1)),
    case("unknown-teams-ordered", "Long An 2-0 Bình Phước", Result("Long An", 2, "Bình Phước", 0, home="Long An")),
    case("unknown-teams-winner-first", "Long An thắng Bình Phước 2-0.", Result("Long An", 2, "Bình Phước", 0)),
    # running and half-time scores are not results
    case("nang-ty-so", f"Nguyễn Văn Tùng nâng tỷ số lên 2-0 cho {TH} trước {QN}.", NoResult((2, 0))),
    case("rut-ngan", f"Trần Văn Hùng rút ngắn tỷ số xuống 1-2 cho {QN} trước {TH}.", NoResult((1, 2))),
    case("half-time-score", f"{TH} thắng {QN} 4-1. Tỷ số hiệp 1: 3-0.", NoResult((3, 0))),
    case("half-time-score-with-teams", f"{TH} thắng {QN} 4-1. Tỷ số hiệp 1: {TH} 3-0 {QN}.", NoResult((3, 0))),
    # minutes
    case(
        "phut", THANG + "Phút 63, Nguyễn Văn Tùng ghi bàn cho Đông Á Thanh Hóa.", Goal("Nguyễn Văn Tùng", THANH_HOA, 63)
    ),
    case("phut-thu", THANG + "Nguyễn Văn Tùng mở tỷ số ở phút thứ 19.", Goal("Nguyễn Văn Tùng", THANH_HOA, 19)),
    case(
        "segmented-stoppage",
        THANG + f"Phút 90 + 2, Nguyễn_Văn_Tùng đánh_đầu tung_lưới {QN}.",
        Goal("Nguyễn Văn Tùng", THANH_HOA, 90, added=2),
    ),
    case("sau-n-phut", THANG + "Nguyễn Văn Tùng ghi bàn sau 19 phút.", Goal("Nguyễn Văn Tùng", THANH_HOA, 19)),
    # penalties, own goals, cards
    case(
        "penalty",
        THANG + "Phút 30, Nguyễn Văn Tùng thực hiện thành công quả phạt đền.",
        Goal("Nguyễn Văn Tùng", THANH_HOA, 30, penalty=True),
    ),
    case(
        "penalty-tu-cham",
        THANG + "Nguyễn Văn Tùng ghi bàn từ chấm phạt đền ở phút 30.",
        Goal("Nguyễn Văn Tùng", THANH_HOA, 30, penalty=True),
    ),
    case(
        "own-goal",
        THANG + "Phút 30, Trần Văn Hùng đá phản lưới nhà.",
        Goal("Trần Văn Hùng", THANH_HOA, 30, own_goal=True),
    ),
    case("red-card", THANG + "Phút 70, Trần Văn Hùng nhận thẻ đỏ trực tiếp.", RedCard("Trần Văn Hùng", None, 70)),
    case(
        "red-card-player-cua-team",
        THANG + f"Phút 70, Trần Văn Hùng của {QN} nhận thẻ đỏ.",
        RedCard("Trần Văn Hùng", QUANG_NAM, 70),
    ),
    case(
        "voi-cu-dup",
        f"{TH} thắng {QN} 2-0. Nguyễn Văn Tùng tỏa sáng với cú đúp ở các phút 20 và 75.",
        Goal("Nguyễn Văn Tùng", THANH_HOA, 20),
    ),
    case(
        "headline-without-score",
        f"{QN} bất ngờ hạ {TH}\n\nPhút 80, Nguyễn Văn Tùng ghi bàn cho {QN} vào lưới {TH}.",
        Goal("Nguyễn Văn Tùng", QUANG_NAM, 80),
    ),
]

TABLES = {"en": ENGLISH, "vi": VIETNAMESE}


def test_every_language_has_an_example_table() -> None:
    assert set(TABLES) == set(LANGUAGES)


@pytest.mark.parametrize(("text", "fact"), ENGLISH)
def test_english_examples(text: str, fact: Fact) -> None:
    fact.check(extract(text, lang="en"))


@pytest.mark.parametrize(("text", "fact"), VIETNAMESE)
def test_vietnamese_examples(text: str, fact: Fact) -> None:
    fact.check(extract(text, lang="vi"))

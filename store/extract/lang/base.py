"""The keys every language module defines, and how its data is compiled.

A language module (``en.py``, ``vi.py``) is data only: word lists and rule templates written over
*sentence skeletons*. A skeleton is a sentence whose recognised entities are replaced by
placeholders -- ``⟦T0⟧`` a team, ``⟦N1⟧`` an unrecognised proper name (a person, or an unknown
team), ``⟦R2⟧`` a reference such as "the hosts", ``⟦S3⟧`` a score, ``⟦M4⟧`` a minute, ``⟦C5⟧`` a
competition, ``⟦V6⟧`` a ground. Templates use macros:

``{T}`` team slot (T, N or R) · ``{KT}`` known team · ``{TR}`` known team or reference · ``{P}`` person
· ``{S}`` ``{M}`` ``{C}`` ``{V}`` · ``{T:name}`` the same, captured as group ``name`` · ``{_3}`` up to
three ordinary words (or competition names, or minutes) · ``{__8}`` up to eight words that may include
teams · ``{APPOSITIVE}`` an aside between commas or dashes · ``{WORDS}`` any upper-case key of the
module's ``lexicon``, as an alternation.

Adding a language means writing one more module with the same keys and its tests; the mechanism
(``store.extract``) does not change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

PLACEHOLDER = re.compile(r"⟦([TNRSMCV])(\d+)⟧")
_SLOT = {
    "APPOSITIVE": r"(?:,\s*(?:[^,⟦]|⟦[TCVMRS]\d+⟧){1,90},|\s+-\s+(?:[^-⟦]|⟦[TCVMRSN]\d+⟧){1,90}\s+-)?",
    "T": r"⟦[TNR]\d+⟧",
    "KT": r"⟦T\d+⟧",
    "TR": r"⟦[TR]\d+⟧",
    "P": r"⟦N\d+⟧",
    "S": r"⟦S\d+⟧",
    "M": r"⟦M\d+⟧",
    "C": r"⟦C\d+⟧",
    "V": r"⟦V\d+⟧",
    "X": r"⟦[TNRSMCV]\d+⟧",
}
_MACRO = re.compile(r"\{(?P<name>[A-Z_]+|__?\d+)(?::(?P<group>\w+))?\}")
_GAP_WORD = r"(?:[^\s⟦⟧]+|⟦[CM]\d+⟧[^\s⟦⟧]*)"


def word_alternation(words: list[str]) -> str:
    """Longest first, escaped, spaces flexible: a regex matching any of ``words`` as whole words."""
    parts = sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in parts)
    return rf"(?<![\w'])(?:{body})(?![\w'])" if body else r"(?!x)x"


def expand(template: str, lexicon: dict[str, list[str]]) -> str:
    """Expand the macros of ``template`` into a plain regex (see the module docstring)."""

    def one(found: re.Match[str]) -> str:
        name, group = found.group("name"), found.group("group")
        if name.startswith("__"):  # a long gap that may cross teams, grounds and minutes, not people or scores
            body = rf"(?:(?:[^\s⟦⟧]+|⟦[TRCMV]\d+⟧[^\s⟦⟧]*)\s+){{0,{int(name[2:])}}}?"
        elif name.startswith("_"):
            body = rf"(?:{_GAP_WORD}\s+){{0,{int(name[1:])}}}?"
        elif name in _SLOT:
            body = _SLOT[name]
        elif name in lexicon:
            body = word_alternation(lexicon[name])
        else:
            raise KeyError(f"unknown macro {{{name}}} in rule {template!r}")
        return f"(?P<{group}>{body})" if group else f"(?:{body})"

    return _MACRO.sub(one, template)


NAME_PARTICLES = frozenset(
    [
        "al",
        "bin",
        "da",
        "das",
        "de",
        "del",
        "den",
        "der",
        "di",
        "dos",
        "du",
        "el",
        "la",
        "le",
        "mac",
        "ten",
        "ter",
        "van",
        "von",
    ]
)  # "van Dijk", "de Ligt" in any language


@dataclass(frozen=True)
class Rule:
    """A skeleton pattern and what a match of it means (``tags``: free-form flags for the mechanism)."""

    pattern: str
    tags: frozenset[str] = frozenset()

    @staticmethod
    def of(pattern: str, *tags: str) -> Rule:
        return Rule(pattern, frozenset(tags))


@dataclass(frozen=True)
class LanguageRules:
    code: str
    # language detection: frequent folded words of the language
    markers: frozenset[str]
    # names -------------------------------------------------------------------------------
    non_names: frozenset[str]  # capitalised words that are not (part of) a person's name
    name_titles: frozenset[str]  # role words dropped in front of a name ("Captain", "HLV")
    name_particles: frozenset[str]  # lower-case words inside names ("van", "de")
    team_prefixes: tuple[str, ...]  # words in front of a team that mark it as one ("ĐT", "CLB")
    club_prefixes: tuple[str, ...]  # of those, the ones for clubs: "CLB Việt Nam" is not the national team
    team_refs: dict[str, str]  # phrase -> "home" | "away" | "pair" | "us"
    descriptors: tuple[str, ...]  # "he", "the 29-year-old", "the Argentine": the person last named
    squad_words: dict[str, str]  # "Women" -> "Women", "nữ" -> "Women"
    # numbers and time ---------------------------------------------------------------------
    number_words: dict[str, int]
    ordinal_words: dict[str, int]
    minute_patterns: tuple[str, ...]  # regexes with groups min / add / left / later / stoppage
    # sentence structure --------------------------------------------------------------------
    clause_breaks: str  # regex splitting a sentence into clauses
    lexicon: dict[str, list[str]]  # word lists usable as {MACROS} in every rule
    # results: a score in a sentence and the words around it ----------------------------------
    result_rules: tuple[Rule, ...]  # tags: ordered | win | loss | draw | passive | final | running
    # goals, penalties, cards, claims ----------------------------------------------------------
    goal_rules: tuple[Rule, ...]  # groups p, p2 (scorers), t (team of a scorer-less mention); tags
    goal_team_rules: tuple[Rule, ...]  # in a goal's clause: group t (scored for) or o (scored against)
    not_goal_rules: tuple[Rule, ...]  # clauses that look like goals but are not (misses, offside)
    event_rules: tuple[Rule, ...]  # tags: red_card | penalty_saved | penalty_missed; groups p, k
    standing_rules: tuple[Rule, ...]  # groups t, pos, pts, other; tags
    tally_rules: tuple[Rule, ...]  # groups p, n, games; tags
    venue_rules: tuple[Rule, ...]  # groups home / away (a team or a ground)
    coach_rules: tuple[Rule, ...]  # "Sheffield United manager Chris Wilder": groups t, p
    player_team_rules: tuple[Rule, ...]  # "Southampton's Danny Ings", "Kerr of Chelsea": groups t, p
    coach_refs: tuple[str, ...]  # regexes over the text, group name: "(?P<name>...)'s side"
    # dates -----------------------------------------------------------------------------------
    weekdays: dict[str, int]  # word -> 0 (Monday) .. 6
    months: dict[str, int]
    relative_days: dict[str, int]  # "yesterday" -> -1
    date_patterns: tuple[str, ...]  # groups d, m, y (y optional), wd
    season_pattern: str  # groups y1, y2
    round_patterns: tuple[str, ...]  # group r
    round_names: dict[str, str]  # a round as written -> its stored name ("bán kết" -> "semi-final")
    extra: dict[str, str] = field(default_factory=dict)

    @cached_property
    def compiled(self) -> CompiledRules:
        return CompiledRules(self)


class RuleSet:
    """The compiled rules of one family, behind an optional gate: a sentence without any of the
    gate's words (lexicon lists the family's rules are built on, and its ``*_GATE`` list for the
    other words they use) cannot hold a match, so no rule runs on it."""

    def __init__(
        self, items: tuple[Rule, ...], lexicon: dict[str, list[str]], flags: int, gate: list[str] | None = None
    ) -> None:
        self.rules = [(re.compile(expand(r.pattern, lexicon), flags), r.tags) for r in items]
        self.gate = re.compile(word_alternation(gate), flags) if gate else None

    def __iter__(self):
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def applicable(self, text: str) -> list[tuple[re.Pattern[str], frozenset[str]]]:
        if self.gate is not None and not self.gate.search(text):
            return []
        return self.rules


class CompiledRules:
    """Regexes of one language, compiled once per process."""

    def __init__(self, rules: LanguageRules) -> None:
        flags = re.I | re.U
        lex = rules.lexicon

        def compile_all(items: tuple[Rule, ...], *gate: str) -> RuleSet:
            words = [w for name in gate for w in lex.get(name, ())]
            return RuleSet(items, lex, flags, words or None)

        self.results = compile_all(rules.result_rules)
        self.goals = compile_all(
            rules.goal_rules,
            "GOAL_VERB",
            "GOAL_NOUN",
            "GOAL_NOUN_PL",
            "LEAD_PHRASE",
            "OG_WORD",
            "GIVE_VERB",
            "SHOT_VERB",
            "GOAL_RESULT",
            "GOAL_GATE",
        )
        self.goal_teams = compile_all(rules.goal_team_rules)
        self.coaches = compile_all(rules.coach_rules)
        self.player_teams = compile_all(rules.player_team_rules)
        self.coach_refs = [re.compile(p, flags) for p in rules.coach_refs]
        self.descriptors = re.compile("|".join(f"(?:{d})" for d in rules.descriptors) or r"(?!x)x")
        self.not_goals = compile_all(rules.not_goal_rules)
        self.events = compile_all(rules.event_rules, "RED_WORD", "PEN_WORD", "SAVE_WORD", "MISS_WORD", "EVENT_GATE")
        self.standings = compile_all(rules.standing_rules, "POINTS_WORD", "TOP_WORD", "BOTTOM_WORD", "STANDING_GATE")
        self.tallies = compile_all(rules.tally_rules, "TALLY_GATE")
        self.venues = compile_all(rules.venue_rules)
        self.minutes = [re.compile(p, flags) for p in rules.minute_patterns]
        # minutes and scores need a digit or a number word: most sentences have neither
        self.may_hold_minute = re.compile(r"\d|" + word_alternation([*rules.number_words, *rules.ordinal_words]), flags)
        self.dates = [re.compile(p, flags) for p in rules.date_patterns]
        self.rounds = [re.compile(p, flags) for p in rules.round_patterns]
        self.season = re.compile(rules.season_pattern, flags)
        self.clauses = re.compile(rules.clause_breaks, flags)
        self.words = {name: re.compile(word_alternation(words), flags) for name, words in lex.items()}
        self.team_refs = re.compile(word_alternation(list(rules.team_refs)), flags)
        self.relative_days = re.compile(word_alternation(list(rules.relative_days)), flags)
        self.weekdays = re.compile(word_alternation(list(rules.weekdays)), flags)
        # a team right after a preposition or result verb is the object of the sentence, not its subject
        governing = [
            *lex["OBJ_PREP"],
            *lex["WIN_VERB"],
            *lex["LOSS_VERB"],
            *lex["DRAW_VERB"],
            *lex["LOSS_PARTICIPLE"],
            *lex["OBJECT_MARKER"],
            *lex["WIN_NOUN"],
            *lex["LOSS_NOUN"],
            *lex["DRAW_NOUN"],
        ]
        # "the Atalanta - Inter match", "giữa Argentina và Brazil": teams named as a fixture, not as subject
        self.fixture = re.compile(
            expand(r"{TR}\s+(?:-|vs?\.?|v\.)\s+{TR}|(?:between|giữa)\s+{TR}\s+(?:and|và)\s+{TR}", lex), flags
        )
        # "Cameroon stun Brazil", "Cameroon bất ngờ hạ Brazil": a headline result without its score
        self.headline = re.compile(
            expand(r"{T:a}\s+(?:{_3})(?:{WIN_VERB}|{LOSS_VERB}|{DRAW_VERB})\s+(?:{_2}){T:b}", lex), flags
        )
        self.object_marker = re.compile(word_alternation(governing) + r"\s+(?:[^\s⟦⟧,.;:]+\s+|⟦C\d+⟧\s+){0,3}$", flags)

"""Find the entities of a sentence and build its skeleton.

Entities are found in a fixed order -- minutes, scores, competitions/grounds/teams, references
("the hosts"), then the remaining capitalised names -- and replaced by placeholders (``⟦T0⟧``) so
that the language rules can be written over short, regular skeletons (see ``lang/base.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from store.extract.document import Sentence
from store.extract.lang.base import PLACEHOLDER, LanguageRules
from store.normalize import fold, key
from store.teams import Directory, squad_of

MAX_NGRAM = 6
MAX_SCORES = 20  # per sentence
_TOKEN = re.compile(r"[0-9a-z]+")
# a score: two small numbers joined by a dash, not part of a date, season or formation (4-4-2)
_SCORE = re.compile(r"(?<![\d/:.,+-])(\d{1,2})\s?-\s?(\d{1,2})(?![\d/]|:\d|-\d|\.\d|,\d|\s?%)")
_NAME_WORD = re.compile(r"[^\W\d_][\w'’.]*(?:-[\w'’]+)*")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def _inside_aside(text: str, start: int) -> bool:
    """'(with Spiderman mask)': a name inside a parenthesis that opens with a lower-case word."""
    opening = text.rfind("(", 0, start)
    if opening < 0 or ")" in text[opening:start]:
        return False
    first = text[opening + 1 : start].split()
    return bool(first) and first[0][:1].islower()


@dataclass(slots=True)
class Minute:
    minute: int | None  # None for "later" or stoppage without a number
    added: int | None = None
    later: int | None = None  # "two minutes later": relative to the last minute mentioned
    stoppage: bool = False


@dataclass(slots=True)
class Entity:
    kind: str  # T team, N name, R reference, S score, M minute, C competition, V ground
    start: int
    end: int
    text: str
    value: object = None
    candidates: tuple[str, ...] = ()  # a nickname: the teams it may stand for
    possessive: bool = False
    pronoun: bool = False  # "he", "the Argentine": stands for the person in ``text``


@dataclass(slots=True)
class Annotated:
    sentence: Sentence
    entities: list[Entity]
    skeleton: str
    positions: list[int] = field(default_factory=list)  # skeleton offset of each placeholder

    def entity(self, placeholder: str) -> Entity:
        return self.entities[self.index_of(placeholder)]

    @staticmethod
    def index_of(placeholder: str) -> int:
        """Index of the entity a placeholder such as ``⟦T3⟧`` stands for."""
        found = PLACEHOLDER.search(placeholder)
        if not found:
            raise ValueError(placeholder)
        return int(found.group(2))

    def entities_in(self, start: int, end: int, kinds: str = "TNRSMCV") -> list[Entity]:
        """Entities whose placeholders lie in skeleton[start:end]."""
        return [
            e for e, pos in zip(self.entities, self.positions, strict=True) if start <= pos < end and e.kind in kinds
        ]

    def position(self, entity: Entity) -> int:
        return self.positions[next(i for i, e in enumerate(self.entities) if e is entity)]


class Annotator:
    """Annotates the sentences of one document; remembers what the document has taught it."""

    def __init__(self, rules: LanguageRules, directory: Directory) -> None:
        self.rules = rules
        self.compiled = rules.compiled
        self.directory = directory
        self.discovered: dict[str, str] = {}  # key -> team name first seen in a team slot
        self.confirmed: set[str] = set()  # needs-context aliases seen with a team cue in this document
        self.last_person: str | None = None  # for "he", "the Argentine" in the next sentence
        self._prefix = (
            re.compile(r"(?:^|\s)(?:" + "|".join(re.escape(p) for p in rules.team_prefixes) + r")\s*$", re.I)
            if rules.team_prefixes
            else None
        )
        self._number = rules.number_words | {str(i): i for i in range(200)}
        self._squad_keys = {key(w) for w in rules.squad_words} | {"women", "u23", "u21", "u19", "u20", "nu", "ii"}
        self._discovered_starts: dict[str, int] = {}

    def discover(self, name: str) -> bool:
        """Learn a team name the reference data lacks; True when it is new."""
        k = key(name)
        if not k or k in self.discovered:
            return False
        self.discovered[k] = name
        words = k.split()
        self._discovered_starts[words[0]] = max(self._discovered_starts.get(words[0], 0), len(words))
        return True

    # -- numbers ---------------------------------------------------------------------------------
    def number(self, word: str | None) -> int | None:
        if word is None:
            return None
        word = word.lower().strip()
        if word in self._number:
            return self._number[word]
        if word in self.rules.ordinal_words:
            return self.rules.ordinal_words[word]
        digits = re.match(r"\d+", word)
        return int(digits.group()) if digits else None

    # -- the passes -------------------------------------------------------------------------------
    def annotate(self, sentence: Sentence) -> Annotated:
        text = sentence.text
        taken = bytearray(len(text))
        found: list[Entity] = []

        def free(start: int, end: int) -> bool:
            return not any(taken[start:end])

        def add(entity: Entity) -> None:
            found.append(entity)
            taken[entity.start : entity.end] = b"\x01" * (entity.end - entity.start)

        timed = self.compiled.may_hold_minute.search(text)
        for pattern in self.compiled.minutes if timed else ():
            for m in pattern.finditer(text):
                if free(m.start(), m.end()):
                    minute = self._minute(m)
                    if minute is not None:
                        add(Entity("M", m.start(), m.end(), m.group(), minute))
        for count, m in enumerate(_SCORE.finditer(text) if timed else ()):
            if count >= MAX_SCORES:  # a table of numbers, not prose about matches
                break
            if free(m.start(), m.end()):
                add(Entity("S", m.start(), m.end(), m.group(), (int(m.group(1)), int(m.group(2)))))
        for m in self.compiled.words["GOALLESS"].finditer(text):
            if free(m.start(), m.end()):
                add(Entity("S", m.start(), m.end(), m.group(), (0, 0)))
        self._gazetteer(text, free, add)
        for m in self.compiled.team_refs.finditer(text):
            if free(m.start(), m.end()) and self._ref_allowed(text, m):
                add(Entity("R", m.start(), m.end(), m.group(), self.rules.team_refs[m.group().lower()]))
        for pattern in self.compiled.coach_refs:
            for m in pattern.finditer(text):
                words = m.group("name").split()
                while words and not words[-1][:1].isupper():
                    words.pop()
                if not words or words[0] in self.rules.non_names:
                    continue
                end = m.start("name") + len(" ".join(words)) if m.end("name") == m.end() else m.end()
                if free(m.start(), end):
                    add(Entity("R", m.start(), end, text[m.start() : end], "coach:" + " ".join(words)))
        self._names(text, free, add)
        self._descriptors(text, free, add, found)
        found.sort(key=lambda e: e.start)
        persons = [e for e in found if e.kind == "N" and not e.pronoun]
        if persons:
            self.last_person = persons[-1].text
        parts: list[str] = []
        positions: list[int] = []
        cursor = 0
        length = 0
        for index, entity in enumerate(found):
            chunk = text[cursor : entity.start]
            parts.append(chunk)
            length += len(chunk)
            positions.append(length)
            token = f"⟦{entity.kind}{index}⟧"
            parts.append(token)
            length += len(token)
            cursor = entity.end
        parts.append(text[cursor:])
        return Annotated(sentence, found, "".join(parts), positions)

    def _minute(self, m: re.Match[str]) -> Minute | None:
        groups = m.groupdict()
        if groups.get("stoppage") is not None:
            extra = self.number(groups["stoppage"])
            return Minute(90, extra, stoppage=True) if extra and extra < 20 else Minute(None, stoppage=True)
        if groups.get("later") is not None:
            delta = self.number(groups["later"])
            return Minute(None, later=delta) if delta is not None and delta <= 45 else None
        if groups.get("left") is not None:
            left = self.number(groups["left"])
            return Minute(90 - left) if left is not None and 0 < left < 45 else None
        value = self.number(groups.get("min"))
        if value is None or not 0 < value <= 130:
            return None
        added = self.number(groups.get("add"))
        if added is not None and (value not in (45, 90, 105, 120) or added > 25):
            return None
        return Minute(value, added)

    def _ref_allowed(self, text: str, m: re.Match[str]) -> bool:
        # "us"/"we" only count in fan writing about "our" team: a capitalised "We" opening a quote is not it
        return self.rules.team_refs[m.group().lower()] != "us" or m.group().islower()

    def _gazetteer(self, text: str, free, add) -> None:
        """Competitions, grounds, known teams and nicknames: longest folded n-gram first."""
        folded = fold(text)
        tokens = list(_TOKEN.finditer(folded))
        starts = self.directory.starts
        squads = self._squad_keys
        i = 0
        while i < len(tokens):
            hit = None
            first = tokens[i].group()
            longest = max(
                starts.get(first, 0), self._discovered_starts.get(first, 0), MAX_NGRAM if first in squads else 0
            )
            for n in range(min(longest, len(tokens) - i), 0, -1):
                start, end = tokens[i].start(), tokens[i + n - 1].end()
                if not text[start].isupper() and not text[start].isdigit():
                    continue
                k = " ".join(t.group() for t in tokens[i : i + n])
                hit = self._lookup(k, text, start, end, tokens, i, n)
                if hit:
                    break
            if hit and free(hit.start, hit.end):
                if hit.kind == "T" and self._prefix:
                    prefix = self._prefix.search(text[: hit.start])
                    if prefix and prefix.group().strip() in self.rules.club_prefixes and self._is_national(hit.value):
                        i += 1
                        continue
                    if prefix and free(prefix.start(), hit.start):
                        start = prefix.start() + len(prefix.group()) - len(prefix.group().lstrip())
                        hit = Entity("T", start, hit.end, text[start : hit.end], hit.value, hit.candidates)
                add(hit)
                i = next((j for j in range(i, len(tokens)) if tokens[j].start() >= hit.end), len(tokens))
            else:
                i += 1

    def _lookup(self, k: str, text: str, start: int, end: int, tokens, i: int, n: int) -> Entity | None:
        d = self.directory
        if k in d.competition_alias:
            return Entity("C", start, end, text[start:end], d.competition_alias[k])
        if k in d.ground:
            return Entity("V", start, end, text[start:end], frozenset(d.ground[k]))
        name = d.alias.get(k) or self.discovered.get(k)
        if name:
            if k in d.needs_context and not self._has_context(k, text, start, end):
                return None
            if n == 1 and self._inside_person_name(text, start, end):
                return None
            return self._with_squad(Entity("T", start, end, text[start:end], name), text, tokens, i, n)
        base, squad = squad_of(k) if self._squad_keys & set(k.split()) else (k, None)
        if squad and base in d.alias:
            return Entity("T", start, end, text[start:end], f"{d.alias[base]} {squad}")
        if k in d.nickname and (n > 1 or len(k) > 3):
            if n == 1 and self._inside_person_name(text, start, end):
                return None  # "Tiverton Albion", "Dunmore Athletic": part of a name the data lacks
            teams = tuple(sorted(d.nickname[k]))
            return Entity("T", start, end, text[start:end], teams[0] if len(teams) == 1 else None, teams)
        return None

    def _is_national(self, name: object) -> bool:
        team = self.directory.teams.get(str(name))
        return team is not None and team.kind == "national"

    def _has_context(self, k: str, text: str, start: int, end: int) -> bool:
        """Aliases that are also ordinary words ("Anh", "Đức", "Reading") count only with a cue:
        written exactly so, and after a team prefix ("ĐT Đức"), next to a score, or capitalised in
        mid-sentence without being part of a longer name."""
        surface = text[start:end]
        if surface not in self.directory.needs_context[k]:
            return False
        if self._prefix and self._prefix.search(text[:start]):
            self.confirmed.add(k)
            return True
        if re.match(r"\s?(?:\d{1,2}\s?-\s?\d|-\s|vs?\.?\s)", text[end : end + 8]) or re.search(
            r"(?:\d\s?-\s?\d{1,2}|\s-|\bvs?\.?)\s?$", text[max(0, start - 8) : start]
        ):
            self.confirmed.add(k)
            return True
        before = text[:start].rstrip()
        prev_word = before.split()[-1] if before.split() else ""
        next_word = text[end:].split()[0] if text[end:].split() else ""
        in_name = (prev_word[:1].isupper() and prev_word.isalpha()) or next_word[:1].isupper()
        if in_name:
            return False
        if before and not before.endswith((".", "!", "?", ":", '"', "“")):
            self.confirmed.add(k)
            return True
        return k in self.confirmed

    def _inside_person_name(self, text: str, start: int, end: int) -> bool:
        """'David Villa' is a person: a one-word team alias right after a capitalised name word."""
        before = text[:start]
        if not before.endswith(" "):
            return False
        words = before.split()
        prev = words[-1] if words else ""
        if not prev or not prev[0].isupper() or not prev.isalpha() or prev.isupper():
            return False
        return prev not in self.rules.non_names and key(prev) not in self.directory.alias

    def _with_squad(self, entity: Entity, text: str, tokens, i: int, n: int) -> Entity:
        squads = self.rules.squad_words
        if i + n < len(tokens):
            nxt = tokens[i + n]
            if nxt.start() - entity.end <= 1 and text[nxt.start() : nxt.end()].lower() in squads:
                label = squads[text[nxt.start() : nxt.end()].lower()]
                return Entity("T", entity.start, nxt.end(), text[entity.start : nxt.end()], f"{entity.value} {label}")
        if i > 0:
            prv = tokens[i - 1]
            if entity.start - prv.end() <= 1 and text[prv.start() : prv.end()].lower() in squads:
                label = squads[text[prv.start() : prv.end()].lower()]
                return Entity("T", prv.start(), entity.end, text[prv.start() : entity.end], f"{entity.value} {label}")
        return entity

    def _descriptors(self, text: str, free, add, found: list[Entity]) -> None:
        """'he', 'the 29-year-old': the person named last before them, as a name entity.

        A descriptor may contain a team ("ngôi sao thuộc biên chế Real Madrid"); that mention is then
        part of the description, not a team of the sentence.
        """
        for m in self.compiled.descriptors.finditer(text):
            inside = [e for e in found if e.start < m.end() and e.end > m.start()]
            if any(e.kind != "T" or e.start < m.start() for e in inside):
                continue
            end = max([m.end(), *(e.end for e in inside)])
            before = [e for e in found if e.kind == "N" and e.end <= m.start() and not e.pronoun]
            person = before[-1].text if before else self.last_person
            if not person:
                continue
            for entity in inside:
                found.remove(entity)
            add(Entity("N", m.start(), end, person, person, pronoun=True))

    def _misspelt_team(self, text: str, word: re.Match[str], add) -> bool:
        """'the Dotmund box': a one-word name where a team is expected, within a typo of a known team."""
        if len(word.group()) < 5:
            return False
        after = self.compiled.words["TEAM_NOUN_AFTER"].match(text, word.end() + 1)
        before = self.compiled.words["TEAM_NOUN_BEFORE"].search(
            text[max(0, word.start() - 20) : word.start()].rstrip() + "\x00"
        )
        if not after and not (before and text[: word.start()].rstrip().endswith(before.group())):
            return False
        team = self.directory.fuzzy(key(word.group()))
        if team is None:
            return False
        add(Entity("T", word.start(), word.end(), word.group(), team))
        return True

    def _names(self, text: str, free, add) -> None:
        """Runs of capitalised words not yet taken: people, or teams the reference data lacks."""
        words = [m for m in _NAME_WORD.finditer(text) if free(m.start(), m.end())]
        rules = self.rules
        run: list[re.Match[str]] = []

        def flush() -> None:
            while run and (
                run[0].group().rstrip("'’s") in rules.non_names
                or run[0].group().lower() in rules.name_titles
                or run[0].group() in rules.name_particles
            ):
                run.pop(0)
            while run and run[-1].group().lower() in rules.name_particles:
                run.pop()
            if run and _inside_aside(text, run[0].start()):
                run.clear()
            if len(run) == 1 and self._misspelt_team(text, run[0], add):
                run.clear()
            if run:
                start, end = run[0].start(), run[-1].end()
                surface = text[start:end]
                possessive = bool(_POSSESSIVE.search(surface)) and surface[-2:] in ("'s", "’s")
                if possessive:
                    end -= 2
                    surface = surface[:-2]
                surface = surface.rstrip(".'’")
                end = start + len(surface)
                if surface and not (len(run) == 1 and len(surface) < 2):
                    add(Entity("N", start, end, surface, surface, possessive=possessive))
            run.clear()

        for m in words:
            word = m.group()
            capital = word[0].isupper()
            shouting = word.isupper() and len(word) > 1 and word.rstrip("'’s").isupper() is not False
            if shouting and len(word) > 3:
                capital = False  # "SUBS", "REFEREE", "VIDEO"
            particle = word.lower() in rules.name_particles and bool(run)
            joined = bool(run) and text[run[-1].end() : m.start()] in (" ", "-")
            if run and not joined:
                flush()
            if capital or particle:
                run.append(m)
                if word.endswith(("'s", "’s")):
                    flush()
            else:
                flush()
        flush()

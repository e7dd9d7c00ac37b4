"""Teams and players in the database: seeding from the reference data, finding or creating them.

The reference data seeds the ``team`` and ``teamalias`` tables once; teams that reports introduce
("Hemel Hempstead") and aliases that admins add live beside them, and the extractor's directory
is built from all of it so that every later report recognises them.
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from store.models import Player, PlayerAlias, Team, TeamAlias
from store.names import same_person
from store.normalize import key
from store.teams import Directory
from store.teams import Team as RefTeam


def seed_teams(session: Session, reference: Directory) -> int:
    """Insert the reference teams and their names that are not in the database yet; returns how many
    names were added. Idempotent, so every start may run it."""
    teams = {t.name: t for t in session.exec(select(Team))}
    known = {(a.key, a.team_id, a.kind) for a in session.exec(select(TeamAlias))}
    added = 0
    for ref in reference.teams.values():
        team = teams.get(ref.name)
        if team is None:
            team = Team(name=ref.name, country=ref.country, kind=ref.kind, origin="seed")
            session.add(team)
            session.flush()
            teams[ref.name] = team
        names = [(ref.name, "alias", None)]
        names += [(a, "alias", lang) for lang, aliases in ref.aliases.items() for a in aliases]
        names += [(n, "nickname", lang) for lang, nicks in ref.nicknames.items() for n in nicks]
        for alias, kind, lang in names:
            k = key(alias)
            if k and (k, team.id, kind) not in known:
                session.add(TeamAlias(team_id=team.id, alias=alias, key=k, kind=kind, lang=lang, origin="seed"))
                known.add((k, team.id, kind))  # type: ignore[arg-type]
                added += 1
    return added


def directory_from_db(session: Session, reference: Directory) -> Directory:
    """The reference directory plus the teams and aliases the database learned since."""
    directory = Directory(reference.teams.values(), reference.competitions.values(), [])
    directory.needs_context = reference.needs_context
    names = {t.id: t.name for t in session.exec(select(Team))}
    for name in names.values():
        if name not in directory.teams:
            directory.add_team(RefTeam(name=name))
    for alias in session.exec(select(TeamAlias).where(TeamAlias.origin != "seed")):
        if alias.kind == "alias":
            directory.add_alias(names[alias.team_id], alias.alias)
    return directory


def team_named(
    session: Session, name: str, *, cache: dict[str, Team] | None = None, created: set[str] | None = None
) -> Team:
    """The team called ``name`` (canonical or alias), created when the store has never seen it
    (its name is then added to ``created``)."""
    if cache is not None and name in cache:
        return cache[name]
    k = key(name)
    team = session.exec(select(Team).where(Team.name == name)).first()
    if team is None:
        alias = session.exec(select(TeamAlias).where(TeamAlias.key == k, TeamAlias.kind == "alias")).first()
        team = session.get(Team, alias.team_id) if alias else None
    if team is None:
        team = Team(name=name, origin="report")
        session.add(team)
        session.flush()
        session.add(TeamAlias(team_id=team.id, alias=name, key=k, kind="alias", origin="report"))  # type: ignore[arg-type]
        if created is not None:
            created.add(name)
    if cache is not None:
        cache[name] = team
    return team


def add_team_alias(session: Session, team: Team, alias: str, *, lang: str | None = None) -> bool:
    """An admin teaches the store another name of a team; False if the name is already taken."""
    k = key(alias)
    if not k or session.exec(select(TeamAlias).where(TeamAlias.key == k, TeamAlias.kind == "alias")).first():
        return False
    session.add(TeamAlias(team_id=team.id, alias=alias, key=k, kind="alias", lang=lang, origin="admin"))  # type: ignore[arg-type]
    return True


def player_named(session: Session, name: str, *, team_id: int | None) -> Player:
    """The player ``name`` refers to: "Lautaro", "Lautaro Martinez" and "Lautaro Martínez" are one.

    An exact name wins; otherwise a player with the same surname who fits the name ('L. Suarez' is
    not 'Denis Suarez') is taken when there is exactly one such player of the same team (or of any
    team when the team is unknown). A fuller name replaces a shorter one as the display name.
    """
    k = key(name)
    alias = session.exec(select(PlayerAlias).where(PlayerAlias.key == k)).first()
    player = session.get(Player, alias.player_id) if alias else None
    if player is None:
        words = k.split()
        candidates = [
            p
            for p in session.exec(select(Player).where(Player.surname == (words[-1] if words else "")))
            if same_person(p.name, name)
        ]
        if len(words) == 1:  # a given name alone ("Lautaro") may be the first word of a fuller name
            candidates += [
                p
                for p in session.exec(select(Player).where(col(Player.key).startswith(k + " ")))
                if same_person(p.name, name)
            ]
        elif words:  # ... and a fuller name may meet a player known so far by a given name alone
            candidates += [
                p for p in session.exec(select(Player).where(Player.key == words[0])) if same_person(p.name, name)
            ]
        same_team = [p for p in candidates if team_id is None or p.team_id in (None, team_id)]
        unique = {p.id: p for p in same_team}
        if len(unique) == 1:
            player = next(iter(unique.values()))
    if player is None:
        words = k.split()
        player = Player(name=name, key=k, surname=words[-1] if words else k, team_id=team_id)
        session.add(player)
        session.flush()
    elif len(name) > len(player.name) and same_person(player.name, name):
        player.name, player.key = name, k
    if team_id is not None:
        player.team_id = team_id
    if alias is None and k:
        session.add(PlayerAlias(player_id=player.id, alias=name, key=k))  # type: ignore[arg-type]
    return player

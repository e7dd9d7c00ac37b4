"""English: reply texts, command descriptions and the words questions are recognised by.

Every language module defines the same names (a test checks it). Texts are ``str.format``
templates; values are HTML-escaped by the caller before they are substituted.
"""

CODE = "en"

TEXTS: dict[str, str] = {
    "start": (
        "⚽ <b>footbot</b> answers football questions from the match reports it has read: results, "
        "scorers, tables, who scored when. Ask in a group or here, in English or Vietnamese."
    ),
    "knows": "I have read {reports} report(s): {matches} match(es), {goals} goal(s){latest}.",
    "knows_latest": ", the latest on {date}",
    "knows_competitions": "Competitions: {competitions}.",
    "knows_nothing": "I have not read any report yet. An admin can send me one.",
    "help": (
        "<b>Commands</b>\n"
        "/result TEAM [TEAM] – results (e.g. <code>/result Inter Atalanta</code>)\n"
        "/match TEAM TEAM [date] – one match in full\n"
        "/scorers [competition] [season] [team] – top scorers\n"
        "/table [competition] [season] – table from the stored results\n"
        "/last TEAM [N] – a team's last results\n"
        "/ask QUESTION – ask in words, e.g. <code>/ask who scored for inter vs atalanta?</code>\n"
        "/follow TEAM|COMPETITION – get new results here · /unfollow · /following\n"
        "/form TEAM – recent form as a chart · add <code>image</code> to /table or /scorers for a picture\n"
        "In any chat: type my @name and two teams for their result\n"
        "/settings – language, time zone, sound of new results · /lang en|vi – reply language\n"
        "Admins: send a report file · /reports · /reextract"
    ),
    "no_team": "I don't know a team called “{name}”.",
    "did_you_mean": "Did you mean…?",
    "ambiguous": "“{name}” could be several teams – which one?",
    "no_matches_between": "I have no match between {a} and {b} in my reports.",
    "known_opponents": "I do know {team}'s matches against: {opponents}.",
    "no_results_then": "I have no results from then in my reports.",
    "no_match_at": "I have no match between {a} and {b} at {place} in my reports.",
    "no_match_in": "I have no match between {a} and {b} in the {competition} in my reports.",
    "no_matches_for": "I have no match of {team} in my reports.",
    "score_unknown": "final score not stated in my reports",
    "score_disputed": "reports disagree on the score: {scores}",
    "no_scorers": "no scorer named",
    "usage_result": "Which teams? e.g. <code>/result Inter Atalanta</code>",
    "usage_match": "Which match? e.g. <code>/match Inter Atalanta 2023-11-04</code>",
    "usage_last": "Which team? e.g. <code>/last Inter 5</code>",
    "scorers_title": "<b>Top scorers</b>{scope}",
    "no_goals": "No goals in my reports{scope}.",
    "pens": "{n} pen",
    "table_title": "<b>{competition}</b>{season} – from {matches} result(s) in my reports",
    "table_disputed": "{n} match(es) left out: reports disagree on the score.",
    "table_stated": "<b>As reported</b>{date}:",
    "table_differs": "⚠️ the reported position differs from the one computed from results for: {teams}.",
    "no_table": "I have no results of {competition}{season} to build a table from.",
    "which_competition": "Which competition? I know: {competitions}.",
    "sources": "Sources: {sources}",
    "penalty_saved": "{keeper} saved {player}'s penalty",
    "penalty_saved_nokeeper": "{player}'s penalty was saved",
    "penalty_missed": "{player} missed a penalty",
    "red_card": "{player} was sent off",
    "second_yellow": " (second yellow)",
    "no_penalties": "No missed or saved penalty in my reports of that match.",
    "no_red_cards": "No red card in my reports of that match.",
    "scored_by": "Scorers: {scorers}",
    "team_scorers": "{team}: {scorers}",
    "team_no_goal": "{team} did not score",
    "team_scorers_unknown": "{team}'s scorers are not named in my reports",
    "player_goals": "{player}: {goals}",
    "player_no_goals": "I have no goal of {player} in my reports.",
    "player_unknown": "I don't know a player called “{name}”.",
    "did_not_score": "{player} did not score in that match.",
    "tally": "{player}: {goals} goal(s){games}{scope}{date}",
    "as_of": " (as of {date})",
    "tally_games": " in {games} game(s)",
    "position": "{team}: {facts}{competition}{date}",
    "position_points": "{points} pts",
    "position_in": " in {competition}",
    "reported_on": " (reported {date})",
    "ordinal": "{n}{suffix}",
    "no_position": "I have no table position of {team} in my reports.",
    "cannot_answer": (
        "I can't answer that from my reports. Try a result (“inter atalanta”), scorers (“who scored "
        "for inter?”), a table (“serie a table”) or /help."
    ),
    "not_in_reports": "My reports don't say.",
    "from_report": "From {source}: “{quote}”",
    "no_source": "Nothing in my reports about that.",
    "error": "Sorry, something went wrong on my side. Please try again in a moment.",
    "database_down": "Sorry, my database is not reachable right now. Please try again in a minute.",
    "admin_only": "Sorry, only footbot's admins can do that.",
    "upload_hint": "Send the report as a file (.txt, .md, .html) with the caption /upload.",
    "upload_received": "Reading {name}…",
    "upload_refused": "❌ {name}: {reason}",
    "ingest_ingested": "✅ {name}: {matches}",
    "ingest_duplicate": "ℹ️ {name}: already read – nothing new.",
    "ingest_no_facts": "⚠️ {name}: stored, but I found no match, result or table in it.",
    "ingest_failed": "❌ {name}: {reason}",
    "goals_added": "{matches} match(es) and {goals} goal(s) added.",
    "conflict": "⚠️ Conflict: {conflict}",
    "reports_title": "<b>Latest reports</b>",
    "reports_none": "No report yet.",
    "reextract_started": "Re-reading every stored report with the current extractor…",
    "reextract_done": "Done: {summary}",
    "lang_set": "I will reply in English in this chat.",
    "lang_usage": "Use /lang en or /lang vi.",
    "follow_usage": "Follow what? e.g. <code>/follow Inter</code> or <code>/follow Serie A</code>",
    "followed": "Following {name}: new results will be posted here.",
    "unfollowed": "Stopped following {name}.",
    "not_following": "This chat was not following {name}.",
    "following": "This chat follows: {names}",
    "following_none": "This chat follows nothing. Use /follow TEAM.",
    "new_results": "🆕 <b>New results</b>",
    "settings": "<b>Settings</b>\nLanguage: {lang}\nTime zone: {tz}",
    "settings_lang": "Language",
    "settings_tz": "Time zone",
    "tz_set": "Dates will be shown in {tz}.",
    "form_title": "{team}: points in the last {n} matches",
    "no_form": "I have no result of {team} in my reports.",
    "inline_result": "Result",
    "inline_table": "Table",
    "inline_scorers": "Scorers",
    "inline_results": "Results",
    "already_following": "This chat already follows {name}.",
    "follow_pick": "Follow what? Pick one, or write e.g. <code>/follow Inter</code>.",
    "unfollow_pick": "Stop following what?",
    "correction": "✏️ correction: {result}",
    "more_results": "…and {n} more.",
    "settings_sound": "New results: {sound}",
    "sound_on": "🔔 with sound",
    "sound_off": "🔕 silent",
    "sound_set": "New results will arrive {sound}.",
    "tz_unknown": "I don't know the time zone “{name}”. Pick one, or write e.g. <code>/settings Europe/Berlin</code>.",
    "usage_form": "Which team? e.g. <code>/form Inter</code>",
    "form_points": "points",
    "picture_button": "🖼 Image",
    "table_columns": "#|Team|P|W|D|L|GF|GA|GD|Pts",
    "scorers_columns": "#|Player|Team|Goals|Pens",
    "extra_time": "after extra time",
    "shootout": "{team} won on penalties",
    "source_button": "Sources",
}

COMMANDS: dict[str, str] = {
    "result": "Results of a team or between two teams",
    "match": "One match in full: goals, cards, sources",
    "scorers": "Top scorers",
    "table": "Table computed from the results",
    "last": "A team's last results",
    "ask": "Ask a question in words",
    "follow": "Get new results of a team or competition",
    "unfollow": "Stop following",
    "following": "What this chat follows",
    "form": "A team's recent form as a chart",
    "settings": "Language and time zone",
    "lang": "Reply language (en / vi)",
    "help": "What I can do",
}

DATE_FORMAT = "d MMM y"  # a CLDR pattern for babel: 4 Nov 2023
TIMEZONE = "UTC"  # a chat's time zone until /settings picks one
IMAGE_WORDS = ("image", "picture", "pic", "png", "img", "photo")  # "/table serie a image": answer as a picture

# -- understanding questions: folded words (see store.normalize.fold) ------------------------------------
INTENT_WORDS: dict[str, list[str]] = {
    # how the first team named fared: narrows the matches a question is about
    "lost": ["lost", "lose", "loses", "losing", "defeat", "defeated", "beaten"],
    "won": ["beat", "beats", "won", "wins", "victory", "thrashed", "thrash"],
    "drew": ["drew", "draw", "drawn"],
    "scorers": [
        "who scored",
        "who score",
        "who scores",
        "scorer",
        "scorers",
        "goalscorer",
        "goalscorers",
        "who got the goal",
        "who got the goals",
        "who got",
        "goals for",
        "who netted",
        "who found the net",
        "who grabbed",
        "hat trick",
        "hat-trick",
        "brace",
        "winner",
        "equaliser",
        "equalizer",
        "opener",
        "first goal",
        "goals then",
        "got the goal",
    ],
    "when": ["when did", "what minute", "which minute", "what time did", "minute did", "when was"],
    "player_goals": ["how many goals", "how many has", "goals has", "goals this season", "tally"],
    "top_scorers": ["top scorer", "top scorers", "golden boot", "leading scorer", "most goals", "scoring chart"],
    "standings": [
        "table",
        "standings",
        "standing",
        "league table",
        "position",
        "what place",
        "which place",
        "top of the league",
        "points",
        "where are",
        "where is",
        "how many points",
        "rank",
    ],
    "penalty": ["penalty", "penalties", "pen", "spot kick", "spot-kick"],
    "miss": ["miss", "missed", "saved", "save", "fail"],
    "red_card": ["sent off", "red card", "red cards", "sending off", "dismissed", "sent-off"],
    "result": [
        "score",
        "result",
        "results",
        "final score",
        "beat",
        "lost",
        "draw",
        "drew",
        "won",
        "win",
        "how did",
        "get on",
        "what happened",
        "happened",
    ],
    "coverage": [
        "what do you know",
        "which matches",
        "what matches",
        "what reports",
        "coverage",
        "what can you",
        "what competitions",
    ],
    "help": ["help", "how do i", "commands"],
    "did": ["did", "was there", "any"],
}

# words never taken for a team or player name, however close they look
STOPWORDS = frozenset(
    """who what when where which how why did does do is was were are the a an of in at on vs v
    versus against for to from with and or score scored scores scorer scorers result results
    final game match matches goal goals got get team teams today yesterday tonight last week
    season league table standings minute minutes time penalty penalties pen red card sent off
    anyone any there his her their him them me my you your it its this that then win won beat
    lost draw drew home away first second third winner equaliser opener late early cup final
    semi quarter round ever before after year day ago happened happen how many much points
    position place top most best know tell show please thanks ok hi hello bot footbot""".split()
)

RELATIVE_DAYS: dict[str, int] = {"yesterday": -1, "today": 0, "tonight": 0, "last night": -1}
WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
MONTH_WORDS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
# words naming a kind of match, never a team ("the derby", "el clasico"); they still pick the match
MATCH_WORDS = frozenset({"derby", "clasico", "classico", "superclasico", "clash", "showdown"})
ROUND_NUMBER = "round {n}"
ROUND_LABELS: dict[str, str] = {}  # the store's round names are English already
ROUND_WORDS: dict[str, str] = {
    "final": "final",
    "semi final": "semi-final",
    "semi-final": "semi-final",
    "quarter final": "quarter-final",
    "quarter-final": "quarter-final",
    "first leg": "first leg",
    "second leg": "second leg",
    "round of 16": "round of 16",
    "last 16": "round of 16",
    "group stage": "group stage",
    "first round": "first round",
    "second round": "second round",
    "third round": "third round",
}


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"

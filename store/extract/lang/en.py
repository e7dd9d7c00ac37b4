"""English: how match reports say results, goals, cards, standings and dates.

Data only (see ``base.py`` for the macros). Rules are written for the constructions of the
language, never for one sentence of one report.
"""

from store.extract.lang.base import LanguageRules, Rule

_NUM = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|\\d{1,3}"
_ORD = ("first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\\d{1,3}(?:st|nd|rd|th)")

LEXICON: dict[str, list[str]] = {
    # -- results ------------------------------------------------------------------------
    "WIN_VERB": ["beat", "beats", "beating", "overcame", "overcome", "overcoming", "saw off", "seeing off",
                 "sees off", "see off", "thrashed", "thrash", "thrashing", "hammered", "hammering", "edged",
                 "edging", "edge", "stunned", "stunning", "knocked out", "knocking out", "dumped out",
                 "overwhelmed", "routed", "crushed", "swept aside", "brushed aside", "turning the tables on",
                 "turned the tables on", "downed", "outclassed", "eased past", "cruised past", "won", "win",
                 "wins", "winning", "triumphed", "defeated", "defeating", "defeats", "defeat", "dispatched",
                 "demolished", "battered", "walloped", "thumped", "saw", "sealed", "clinched", "secured",
                 "sink", "sank", "sinking", "shocked", "upset", "eliminated"],
    "WIN_NOUN": ["win", "victory", "triumph", "success", "thrashing", "rout", "demolition", "hammering",
                 "romp", "drubbing", "away win", "home win", "home victory", "away victory"],
    "LOSS_VERB": ["lost", "lose", "loses", "losing", "fell", "falling", "went down", "going down", "slumped",
                  "crashed"],
    "LOSS_NOUN": ["defeat", "loss", "reverse", "humiliation", "thrashing by", "home defeat", "away defeat"],
    "LOSS_PARTICIPLE": ["beaten", "defeated", "thrashed", "hammered", "edged out", "knocked out", "dumped out",
                        "humbled", "stunned", "routed", "crushed", "downed", "overcome", "eliminated"],
    "PASSIVE": ["was", "were", "been", "being", "be", "got", "get", "had been", "have been", "has been"],
    "DRAW_VERB": ["drew", "draw", "draws", "drawing", "held", "holding", "were held", "was held",
                  "shared the spoils", "played out", "finished level", "ended level", "ended", "finished"],
    "DRAW_NOUN": ["draw", "stalemate", "tie"],
    "OBJECT_MARKER": ["by", "of", "beyond", "past"],
    "OBJ_PREP": ["over", "against", "to", "by", "at", "with", "away at", "away to", "versus", "vs", "v",
                 "at home to", "at home against"],
    "RUNNING_BEFORE": ["made it", "make it", "makes it", "making it", "to make it", "made the score",
                       "at", "level at", "for", "into a", "to", "back to", "reduced it to", "cut it to",
                       "pulled it back to", "lead to", "advantage to", "deficit to", "halved the deficit to"],
    "RUNNING_AFTER": ["up", "down", "lead", "leads", "goal", "advantage", "deficit", "scoreline at",
                      "at half-time", "at half time", "at the break", "at the interval", "half-time lead",
                      "going into", "in the first half"],
    "HALF_TIME": ["half-time", "half time", "halftime", "at the break", "at the interval", "HT", "first half",
                  "into the break", "interval"],
    "FINAL_CUE": ["final score", "full-time", "full time", "FT", "final result", "final whistle", "result"],
    "GOALLESS": ["goalless", "scoreless", "nil-nil"],
    # -- goals ----------------------------------------------------------------------------
    "GOAL_VERB": ["scored", "scores", "netted", "nets", "struck", "strikes", "fired home", "fired in",
                  "fires home", "fired into", "drilled home", "drilled in", "slotted home", "slots home",
                  "slotted in", "slotted past", "tapped in", "taps in", "tapped home", "headed home",
                  "headed in", "heads home", "heads in", "headed into", "heads into", "header home",
                  "nodded home", "nod home", "nodded in", "poked home", "poke home", "poked in",
                  "volleyed home", "volleyed in", "smashed home", "rifled home", "curled in", "curled home",
                  "converted", "converts", "found the net", "finds the net", "found the back of the net",
                  "bundled home", "bundled in", "swept home", "side-footed home", "turned home",
                  "stabbed home", "lashed home", "thumped home", "hammered home", "blasted home",
                  "drove home", "glanced home", "glanced in", "slid home", "edge home", "edged home", "slot home",
                  "slots home", "tap in", "head home", "fire home", "smash home", "poke home", "tucked away", "tucked home",
                  "tucked in", "equalised", "equalized", "equalises", "equalizes", "levelled", "leveled",
                  "levels", "to level", "to equalise", "to equalize", "opened the scoring", "opens the scoring",
                  "to open the scoring", "opening scoring", "opening the scoring", "doubled the lead",
                  "doubled lead", "doubles the lead", "doubled the advantage", "extended the lead",
                  "pulled one back", "pull one back", "pulled a goal back", "reduced the deficit",
                  "halved the deficit", "won it", "settled it", "settled the tie", "settled a tense affair",
                  "settled the match", "settled matters", "sealed it", "sealed the win", "sealed victory",
                  "clinched it", "got the winner", "grabbed the winner", "hit the winner", "grabbed",
                  "bagged", "completed his hat-trick", "completed a hat-trick", "completed the rout",
                  "added another", "added a second", "added a third", "added a fourth", "added the third",
                  "added the second", "on the scoresheet", "got on the scoresheet", "by scoring", "after scoring",
                  "celebrates scoring", "celebrate scoring", "celebrates after scoring", "after opening",
                  "restored the lead", "restored parity", "to restore parity", "made it", "makes it",
                  "curled it into", "rattled the ball past", "rattled the ball into", "put another one past",
                  "slotted home the decider", "nudging the ball beyond", "nudged the ball beyond",
                  "fired through", "flicked it past", "poking it under", "poked it under", "slid home",
                  "headed beyond", "chipped", "lobbed", "steered home", "guided home", "guiding the ball into",
                  "finished", "finishes", "finishing", "scrambled home", "forced home", "popped up and scored",
                  "found the target", "hit the target"],
    "GOAL_NOUN": ["goal", "goals", "strike", "strikes", "header", "headers", "finish", "volley", "equaliser",
                  "equalizer", "leveller", "opener", "winner", "winning goal", "decider", "double", "brace",
                  "hat-trick", "hat trick", "penalty", "spot-kick", "spot kick", "chip", "lob", "tap-in",
                  "curler", "own goal", "consolation", "late goal", "solo goal", "overhead kick", "worldie",
                  "second", "third", "fourth"],
    "GOAL_NOUN_PL": ["goals", "a goal", "the goal", "a second-half goal", "a second half goal", "a late goal",
                     "an early goal", "goal"],
    "GOAL_RESULT": ["into the net", "into the back of the net", "into an empty net", "past"],
    "LEAD_PHRASE": ["the lead", "ahead", "in front", "level", "into the lead", "the perfect start",
                    "an early lead", "a deserved lead", "lift-off", "back in front", "the advantage",
                    "a two-goal lead", "a two-goal advantage", "a 2-0 lead", "hope"],
    "GIVE_VERB": ["gave", "give", "gives", "giving", "put", "puts", "putting", "fired", "fires", "headed",
                  "heads", "shot", "poked", "pokes", "brought", "brings", "bringing", "sent", "sends", "haul",
                  "hauled", "drew", "pulled", "restored", "edged", "nudged", "swept", "steered"],
    "PEN_WORD": ["penalty", "pen", "spot-kick", "spot kick", "from the spot", "from 12 yards",
                 "from the penalty spot", "spot", "from eleven meters", "from the penalty mark"],
    "OG_WORD": ["own goal", "own-goal", "og", "into his own net", "into her own net", "through his own net",
                "own net", "put through his own net", "cannoned off"],
    "OPENER_WORD": ["opener", "opened the scoring", "opening goal", "open the scoring", "opening scoring",
                    "took the lead", "take the lead", "takes the lead", "taking the lead", "taken the lead",
                    "first goal", "opening the scoring", "opens the scoring", "the perfect start", "early opener"],
    "AHEAD_WORD_GOAL": ["went ahead", "in front", "ahead", "back in front", "into the lead", "restored the lead",
                        "restored their lead", "regained the lead", "won it"],
    "ANOTHER_WORD": ["another", "added another", "another one", "a second", "his second", "her second"],
    "EQUALISER_WORD": ["equaliser", "equalizer", "equalised", "equalized", "equalises", "leveller",
                       "levelled", "leveled", "level", "restore parity", "restored parity", "to level",
                       "put things level", "drew level", "brought .* level"],
    "WINNER_WORD": ["winner", "winning goal", "decider", "won it", "settled", "sealed", "clinched",
                    "match-winner", "last-gasp winner", "late winner", "winning spot-kick", "secured victory",
                    "secured the win", "secured the result"],
    "LAST_WORD": ["decider", "last-gasp", "late winner", "injury-time winner", "stoppage-time winner",
                  "extra-time winner", "sealed it", "sealed the win", "sealed victory", "wrapped up", "final goal",
                  "last goal", "completed the rout", "consolation", "settled the tie", "settled it",
                  "put the icing on the cake"],
    "PULLBACK_WORD": ["pulled one back", "pull one back", "pulled a goal back", "reduced the deficit",
                      "halved the deficit", "consolation", "pulled back"],
    "CONSOLATION_WORD": ["consolation"],
    "DOUBLE_LEAD_WORD": ["doubled", "doubles", "extended", "extends", "two-goal", "second goal", "added a second",
                         "match-killing second"],
    "WENT_THROUGH": ["into the second round", "into the third round", "into the next round", "into the final",
                     "into the quarter-finals", "into the semi-finals", "through to the", "into round two",
                     "into the last 16", "into the hat"],
    "TWICE_WORD": ["twice", "two goals", "a double", "his double", "double", "a brace", "brace",
                   "both goals", "his second"],
    "HATTRICK_WORD": ["hat-trick", "hat trick", "hattrick", "three goals", "treble", "three times"],
    "NEGATION": ["missed", "miss", "misses", "wide", "over the bar", "saved", "saves", "hit the post",
                 "hit the bar", "hit the crossbar", "onto the crossbar", "against the post", "against the bar",
                 "off the post", "off the bar", "ruled out", "disallowed", "chalked off", "offside", "almost",
                 "nearly", "could have", "should have", "would have", "might have", "could've", "was denied",
                 "were denied", "denied by", "blocked", "thought he had", "thought she had", "attempt", "chance", "chances", "failed",
                 "won't count", "not count", "doesn't count", "went close", "close to", "inches",
                 "cleared off the line", "tipped over", "fluffs", "blazed", "skewed", "dragged", "if he hadn't",
                 "still searching", "dry", "yet to score", "without scoring", "no goal", "not score",
                 "no-one", "no one", "penalty claims", "appealed", "shout", "strike that flew", "effort", "efforts",
                 "to score in", "yet to", "if only", "shootout", "shoot-out", "equal to", "spot-kick was saved",
                 "penalty was saved"],
    "TALLY_WORD": ["goal of the season", "goals this season", "goal of the campaign", "league goal",
                   "goals in", "goal in", "tally", "top scorer", "all-time", "record", "career",
                   "international goal", "goals for", "th goal", "st goal", "nd goal", "rd goal"],
    "SAVE_WORD": ["saved", "saves", "save", "denied", "was equal to", "kept out", "keeps out", "stopped",
                  "parried", "repel", "repelled", "deny", "thwarted"],
    "MISS_WORD": ["missed", "misses", "miss", "blazed", "blazes", "fired over", "hit the post", "hit the bar",
                  "skied", "struck the post", "struck the bar", "wide", "over the bar", "failed", "fluffed"],
    "RED_WORD": ["sent off", "red card", "red-carded", "dismissed", "marching orders", "second yellow",
                 "second bookable offence", "sending-off", "sending off", "given his marching orders",
                 "shown a red", "shown red", "received a red", "reduced to 10 men", "reduced to ten men",
                 "two bookable offences", "early bath", "expelled"],
    "SECOND_YELLOW": ["second yellow", "second bookable", "two bookable", "two yellow"],
    "GOAL_STANDS": ["was given", "goal stood", "allowed to stand", "goal stands", "was awarded"],
    "DISALLOWED": ["ruled out", "disallowed", "chalked off", "won't count", "not count", "offside",
                   "no goal", "incorrectly disallowed"],
    "STANDING_VERB": ["sit", "sits", "sitting", "lie", "lies", "lying", "are", "is", "were", "was", "moved",
                      "moving", "move", "climbed", "climb", "climbing", "rose", "rise", "stay", "stays",
                      "remain", "remains", "dropped", "drop", "dropping", "fell", "fall", "slipped", "slip",
                      "finish", "finished", "finishing", "occupy", "occupies", "back to", "up to", "down to",
                      "went", "go", "goes", "now", "leapfrog", "leapfrogged", "top", "tops", "topped", "topping"],
    "TOP_WORD": ["top of the table", "top of the league", "top of the standings", "atop", "top the",
                 "tops the", "topped the", "on top", "summit", "lead the table", "lead the standings",
                 "top spot", "first place", "league leaders", "leaders"],
    "BOTTOM_WORD": ["bottom", "rock bottom", "bottom of the table", "last place", "foot of the table"],
    "POINTS_WORD": ["points", "point", "pts"],
    "AHEAD_WORD": ["ahead of", "clear of", "above", "in front of"],
    "BEHIND_WORD": ["behind", "adrift of", "below", "off"],
    "ROLE": ["midfielder", "striker", "forward", "defender", "keeper", "goalkeeper", "winger", "full-back",
             "captain", "skipper", "attacker", "superstar", "star", "playmaker", "centre-back", "centre-half",
             "new signing", "signing", "youngster", "loanee", "frontman", "talisman", "stopper", "man",
             "right-back", "left-back", "wing-back", "playmaker", "hitman", "debutant", "substitute"],
    "HISTORIC": ["months ago", "years ago", "last season", "last year", "a year ago", "the first leg",
                 "first leg", "previous meeting", "last meeting", "last time", "back in", "in the reverse fixture",
                 "earlier this season", "earlier in the season", "previously"],
    "TEAM_NOUN_AFTER": ["box", "area", "defence", "defenders", "fans", "supporters", "side", "half", "players", "boss", "manager", "keeper", "goalkeeper", "striker", "midfielder", "defender", "bench", "net"],
    "TEAM_NOUN_BEFORE": [],
    "GOAL_GATE": ["through", "celebrates", "celebrate", "celebrated", "celebrating", "deny", "denied", "past", "beyond", "home", "level", "settled", "sealed", "won", "clinched", "added", "another", "twice", "hat-trick", "scoresheet", "on target", "own", "down", "behind", "trailing", "wheels", "mobbed", "congratulated", "restored", "extended", "doubled", "regained", "beats", "beat", "rounded", "rounds"],
    "EVENT_GATE": ["spot", "saved", "save", "sent", "dismissed", "red", "yellow", "marching", "bookable", "stepped"],
    "TALLY_GATE": ["goal", "goals", "tally", "total", "scorer"],
    "STANDING_GATE": ["place", "placed", "spot", "table", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th", "11th", "12th", "13th", "14th", "15th", "16th", "17th", "18th", "19th", "20th", "21st", "22nd", "23rd", "24th"],
    "HOME_WORD": ["at home", "on home soil", "in front of their own fans", "home side", "hosts", "host"],
    "AWAY_WORD": ["away", "on the road", "on their travels", "visitors", "visiting"],
}

MINUTES = (
    rf"\b(?P<min>\d{{1,3}})\s*\+\s*(?P<add>\d{{1,2}})\s*(?:'|mins?\b|minutes?\b)?",
    rf"\b(?P<min>\d{{1,3}})(?:st|nd|rd|th)[-\s]+min(?:ute)?s?\b",
    rf"\bthe (?P<min>{_ORD})[-\s]min(?:ute)?\b",
    rf"\b(?P<min>\d{{1,3}})\s?(?:'|′)(?!s\b)",
    rf"\bafter (?:just |only )?(?P<min>{_NUM}) minutes?\b",
    rf"\b(?P<min>{_NUM}) minutes? in\b",
    rf"\b(?P<min>{_NUM}) minutes? into\b",
    rf"\bwith (?P<min>{_NUM}) minutes? on the clock\b",
    rf"\b(?:from|in|by|since) the (?P<min>{_ORD}) minute\b",
    rf"\bon (?P<min>\d{{1,3}})(?: minutes?| mins?)?(?=\s*[,.;:)]|\s*$|\s+(?:and|as|when|but|to|after|with)\b)",
    rf"\((?P<min>\d{{1,3}}) MINS?\)",
    r"(?<=\d and )(?P<min>\d{1,3})\b(?!\s?-)",
    rf"\b(?P<left>{_NUM}) minutes? from (?:time|the end|full-time)\b",
    rf"\bwith (?:just |only )?(?P<left>{_NUM}) minutes? (?:left|remaining|to go|to play)\b",
    rf"\b(?P<later>{_NUM}) minutes? later\b",
    rf"\b(?P<later>{_NUM}|a few|\d+) seconds? later\b",
    r"\b(?P<stoppage>(?:in |deep into )?(?:stoppage|injury|added)[ -]time)\b",
)

RESULTS = (
    # running and half-time scores are not results
    Rule.of(r"{RUNNING_BEFORE}\s+(?:{_1})?{S:s}(?!\s+(?:{WIN_NOUN}|{LOSS_NOUN}|{DRAW_NOUN}|{WIN_VERB}))",
            "running"),
    Rule.of(r"{S:s}\s+(?:{_1})?{RUNNING_AFTER}", "running"),
    Rule.of(r"{HALF_TIME}\W+(?:{_3})?{S:s}", "running"),
    Rule.of(r"{S:s}\s+(?:{_3}){HALF_TIME}", "running"),
    Rule.of(r"{S:s}\s*\(\s*{M}\s*\)", "running"),
    # "Barcelona 5-1 Sevilla", "Chelsea 2-1 Liverpool (Premier League)", "Everton - Norwich 2-0"
    Rule.of(r"{T:a}\s*:?\s*{S:s}\s*:?\s*{T:b}", "ordered"),
    Rule.of(r"{T:a}\s+(?:-|vs?\.?|versus)\s+{T:b}\s*:?\s*{S:s}", "ordered"),
    # passive: "were beaten 4-1 by Hoffenheim", "beaten 5-2 at home by Spurs"
    Rule.of(r"{LOSS_PARTICIPLE}\s+(?:{_1}){S:s}(?:\s+(?:{_3})by\s+(?:{_3}){T:b})?", "loss"),
    Rule.of(r"{LOSS_PARTICIPLE}\s+(?:{_3})by\s+(?:{_3}){T:b}\s+(?:{_2}){S:s}", "loss"),
    # "lost 4-2 to Leicester", "losing 1-0 at Burnley"
    Rule.of(r"{LOSS_VERB}\s+(?:{_2}){S:s}(?:\s+(?:{_2})(?:to|against|at|away at|at home to)\s+(?:{_3}){T:b})?",
            "loss"),
    Rule.of(r"{LOSS_VERB}\s+(?:to|against|at)\s+(?:{_3}){T:b}\s+(?:{_2}){S:s}", "loss"),
    # "a 2-0 defeat by Wolves", "a shock 2-0 defeat Augsburg"
    Rule.of(r"{S:s}\s+(?:{_1}){LOSS_NOUN}(?:\s+(?:by|to|against|at|away at|from|in)?\s*(?:{_3}){T:b})?", "loss"),
    Rule.of(r"{LOSS_NOUN}\s+(?:{_2})(?:by|to|against|at)\s+(?:{_3}){T:b}\s*,?\s+(?:{_2}){S:s}", "loss"),
    # draws
    Rule.of(r"{DRAW_VERB}\s+(?:{_2}){S:s}(?:\s+(?:{_2})(?:with|against|at|away at|to)\s+(?:{_3}){T:b})?", "draw"),
    Rule.of(r"{DRAW_VERB}\s+(?:with|against|at)\s+(?:{_3}){T:b}\s+(?:{_2}){S:s}", "draw"),
    Rule.of(r"{T:a}\s+and\s+{T:b}\s+(?:{_2}){DRAW_VERB}\s+(?:{_2}){S:s}", "draw"),
    Rule.of(r"{S:s}\s+(?:{_1}){DRAW_NOUN}(?:\s+(?:with|against|at|away at|to)\s+(?:{_3}){T:b})?", "draw"),
    # wins: "beat Liverpool 1-0", "seeing off Braintree Town 4-1", "won 2-1 away at Rotherham"
    Rule.of(r"{WIN_VERB}\s+(?:{_3})(?:⟦[NC]\d+⟧\s+(?:side|opponents|club|outfit|rivals)\s+)?{T:b}\s*,?\s+"
            r"(?:(?:[^⟦.;]|⟦[NCM]\d+⟧){0,100}?\s)?{S:s}", "win"),
    Rule.of(r"{WIN_VERB}\s+(?:{_2}){S:s}(?:\s+(?:{_2})(?:against|over|at|away at|away to|in|versus|v|vs)\s+"
            r"(?:{_3}){T:b})?", "win"),
    Rule.of(r"{S:s}\s+(?:{_2}){WIN_NOUN}(?:\s+(?:over|against|at|away at|away to|in|versus|v|vs|for)\s+"
            r"(?:{_3}){T:b})?", "win"),
    Rule.of(r"{WIN_NOUN}\s+(?:over|against)\s+(?:{_3}){T:b}\s+(?:{_2}){S:s}", "win"),
    # a bare "Chelsea 2-1" in a title or caption
    Rule.of(r"{T:a}\s+{S:s}\s*$", "ordered_one"),
)

GOAL_TEAM = (
    # the team a goal was scored FOR (group t) or AGAINST (group o)
    Rule.of(r"\bfor\s+(?:the\s+)?{TR:t}(?!'s|\s+(?:supporters|fans|fan|players|defence|defenders|keeper|"
            r"goalkeeper|manager|boss|coach|team-mates|teammates|bench|half|box|area|net|goal\b))"),
    Rule.of(r"{TR:t}'s\s+(?:{_3}){P}"),
    Rule.of(r"{P}\s+(?:\(\w+\)\s+)?of\s+{TR:t}"),
    Rule.of(r"{P}\s*\(\s*{TR:t}\s*\)"),
    Rule.of(r"{GIVE_VERB}\s+(?:{_2}){TR:t}\s+(?:{_1}){LEAD_PHRASE}"),
    Rule.of(r"{GIVE_VERB}\s+{TR:t}\s+(?:a|an|the)\s+(?:{_2})(?:{S}\s+)?(?:{WIN_NOUN})"),
    Rule.of(r"{TR:t}\s+(?:{_2})(?:took|take|takes|taking|went|go|goes|were|was)\s+(?:{_2})(?:the lead|ahead|in front)"),
    Rule.of(r"{TR:t}\s+(?:{_2})(?:equalised|equalized|levelled|pulled one back|scored|doubled|extended|secured|"
            r"had taken)"),
    Rule.of(r"(?:restored|extended|doubled|regained)\s+(?:{_1}){TR:t}(?:'s)?\s+(?:{_1})(?:lead|advantage)"),
    Rule.of(r"(?:against|past|beyond|over)\s+(?:{_3}){TR:o}"),
    Rule.of(r"\b(?:denied|stunning|stunned|sinking|sank|beat|beating)\s+{TR:o}"),
)

GOALS = (
    # boxes and result lines are parsed elsewhere; these are narrative mentions
    Rule.of(r"(?:{GOAL_NOUN_PL})\s+(?:{_2})(?:from|by|of)\s+{P:p}(?:\s*,?\s*(?:{_4})(?:,\s*)?and\s+{P:p2})?"),
    Rule.of(r"own\s+goal\s+(?:from|by)\s+(?:{_2}){P:p}", "og"),
    Rule.of(r"off\s+(?:{_2}){P:p}\s+and\s+into\s+the\s+net", "og"),
    Rule.of(r"{P:p}'s\s+(?:{_4})(?:{GOAL_NOUN})\b"),
    Rule.of(r"(?:took|take|takes|taking|went)\s+(?:{_1})(?:the\s+lead|ahead|in\s+front)\s+(?:{_6})through\s+{P:p}"),
    Rule.of(r"only\s+for\s+{P:p}\s+to\s+(?:{_2})(?:level|equalise|equalize|pull|reply|score|make)"),
    Rule.of(r"{P:p}(?:\s+and\s+{P:p2})?(?:\s*\([\w\s-]{1,20}\))?(?:\s+of\s+{TR})?{APPOSITIVE},?\s+(?:{_6})"
            r"(?:{GOAL_VERB})"),
    Rule.of(r"{P:p}\s+denied\s+(?:them|{TR})\s+(?:{_2}){M}"),
    Rule.of(r"(?:can't|cannot|could\s+not|couldn't|unable\s+to|powerless\s+to)\s+(?:{_3})(?:deny|stop)\s+{P:p}"),
    Rule.of(r"{P:p}\s+(?:{_3})(?:restored|extended|doubled)\s+(?:{_1}){TR}?\s*(?:'s\s+)?lead"),
    Rule.of(r"{P:p}(?:\s*\([\w\s-]{1,20}\))?(?:\s+of\s+{TR})?\s+(?:{_4})(?:celebrates|celebrate|celebrated|wheels away|mobbed|"
            r"congratulated)\s+(?:{_6})(?:{GOAL_NOUN}|scoring|score|the lead|level)"),
    Rule.of(r"{P:p}(?:\s*\([\w\s-]{1,20}\))?{APPOSITIVE}\s+(?:{_4}){GIVE_VERB}\s+(?:{_2}){TR}\s+"
            r"(?:{_1}){LEAD_PHRASE}"),
    Rule.of(r"(?:a\s+goal\s+down|behind|trailing)\s+to\s+(?:{_2}){P:p}", "against_subject"),
    # people who are not the scorer: a coach, the provider of an assist, a keeper or defender beaten
    Rule.of(r"(?:manager|boss|coach|head\s+coach)\s+{P:x}", "exclude"),
    Rule.of(r"{P:x}(?:'s)?\s+(?:{_4})(?:set\s+up|sets\s+up|setting\s+up|assist|assisted|crossed\s+for|cross\s+for|"
            r"teed\s+up|laid\s+on|provided)", "exclude"),
    Rule.of(r"(?<!anything to )(?<!nothing to )(?:beat|beats|beating|rounded|rounds|past|beyond|under|deny|denied|"
            r"dispossessed|dispossessing|"
            r"skipped\s+past|went\s+past|evaded|nutmegged|fouled|tripped)\s+(?:{_3})(?:{KT}\s+)?"
            r"(?:{ROLE}\s+)?{P:x}", "exclude"),
    Rule.of(r"through\s+{P:x}'s\s+legs", "exclude"),
    Rule.of(r"into\s+the\s+{P:x}\s+(?:box|area|penalty\s+area|half|net)", "exclude"),
    Rule.of(r"{P:p}\s+(?:{_6})(?:{GIVE_VERB}|settled|secured|sealed|won|clinched)\s+(?:{_4}){X}?\s*(?:{_5})with\s+"
            r"(?:a|an|his|her)\s+(?:{_2}){M}?\s*(?:{_1})(?:{GOAL_NOUN})\b"),
    Rule.of(r"{P:p}\s+(?:{_6})(?:into\s+(?:his|her)\s+own\s+net|own\s+goal|\bOG\b)", "og"),
    Rule.of(r"{P:p}(?:,?\s+who\s+[^⟦]{0,80}?)?\s+(?:{__14})(?:with|scoring|scored|netted|got|grabbed)\s+the\s+"
            r"{S}\s+(?:goal|strike|header|winner|equaliser)"),
    Rule.of(r"(?:it\s+was|was\s+it)\s+{P:p}\s+who\s+(?:{_8})(?:{GOAL_VERB}|{GIVE_VERB})"),
    Rule.of(r"{P:p}\s+(?:\(\w+\)\s+)?(?:{_3})(?:beats|beat|rounds|rounded|fires past|slots past)\s+(?:{_3})"
            r"(?:{KT}\s+)?(?:{ROLE}\s+)?{P}\s+(?:{_2})to\s+(?:open\s+the\s+scoring|score|equalise|level|make\s+it|give)"),
    # team-only mentions (no scorer named): kept to build the sequence of goals
    Rule.of(r"{TR:t}\s+(?:{_3})(?:took|take|takes|taking|went)\s+(?:{_1})(?:the\s+lead|ahead|in\s+front)", "anon"),
    Rule.of(r"{TR:t}\s+(?:{_3})(?:equalised|equalized|levelled|leveled|pulled\s+one\s+back|scored|doubled\s+"
            r"(?:their|the)\s+lead|secured\s+a\s+two-goal)", "anon"),
    Rule.of(r"{TR:t}\s+(?:{_3})(?:did\s+manage\s+to|managed\s+to)\s+pull\s+one\s+back", "anon"),
)

NOT_GOALS = (
    Rule.of(r"{DISALLOWED}"),
    Rule.of(r"\b(?:could|should|would|might)\s+have\b"),
    Rule.of(r"\b(?:almost|nearly)\b"),
)

EVENTS = (
    Rule.of(r"{P:p}\s+(?:{_5})(?:{RED_WORD})", "red_card"),
    Rule.of(r"(?:{RED_WORD})\s+(?:{_3})(?:for|to)\s+{P:p}", "red_card"),
    Rule.of(r"(?:having|saw|sees|with)\s+{P:p}\s+(?:{_1})(?:sent off|dismissed)", "red_card"),
    Rule.of(r"{P:k}\s+(?:{_4})(?:saved|saves|save)\s+(?:{_2}){P:p}'s\s+(?:{_2})(?:penalty|spot-kick|spot kick|kick)",
            "penalty_saved"),
    Rule.of(r"{P:k}\s+(?:{_5})(?:penalty save|save|saved|saves|stop|stopped)\s+(?:{_6})(?:deny|denied|repel|from)\s+"
            r"(?:{_2}){P:p}", "penalty_saved", "needs_pen"),
    Rule.of(r"{P:k}\s+(?:{_3})(?:was|is)\s+equal\s+to\s+{P:p}'s\s+(?:{_1})(?:spot kick|spot-kick|penalty)",
            "penalty_saved"),
    Rule.of(r"{P:p}\s+(?:was|is)\s+denied\s+from\s+the\s+spot\s+by\s+{P:k}", "penalty_saved"),
    Rule.of(r"{P:k}\s+(?:{_3})saved\s+(?:a|an|the)\s+(?:{_2})(?:penalty|spot-kick)", "penalty_saved", "keeper_only"),
    Rule.of(r"(?:penalty|spot-kick)\s+save\s+by\s+{P:k}", "penalty_saved", "keeper_only"),
    Rule.of(r"{P:p}\s+(?:{_3})(?:missed|misses|blazed|blazes|skied|fluffed|hit\s+the\s+post\s+with)\s+(?:{_3})"
            r"(?:penalty|spot-kick|spot kick|from the spot)", "penalty_missed"),
    Rule.of(r"(?:penalty|spot-kick)\s+missed\s+by\s+{P:p}", "penalty_missed"),
    Rule.of(r"for\s+{P:p}\s+to\s+(?:{_2})(?:blaze|blazes|miss|skie?d?)\s+(?:{_3})(?:spot kick|spot-kick|penalty)",
            "penalty_missed"),
    Rule.of(r"{P:p}\s+(?:took|takes|stepped up)\s+(?:it|the penalty|the spot-kick)", "penalty_taker"),
)

STANDINGS = (
    Rule.of(r"{T:t}\s+(?:{_4})(?:{STANDING_VERB})\s+(?:{_2})(?P<pos>" + _ORD + r")(?:\s+place|\s+spot|\s+in)?\b"
            r"(?![-\s]+placed)"),
    Rule.of(r"(?P<pos>" + _ORD + r")[-\s]placed\s+{T:t}"),
    Rule.of(r"{T:t}\s+(?:{_5})(?:{TOP_WORD})", "top"),
    Rule.of(r"(?:{TOP_WORD})\s+{T:t}", "top"),
    Rule.of(r"{T:t}\s+(?:{_4})(?:{STANDING_VERB})\s+(?:{_2})(?:{BOTTOM_WORD})", "bottom"),
    Rule.of(r"{T:t}\s+(?:{_8})(?:on|with|have|has|had|to|of)\s+(?P<pts>\d{1,3})\s+points?"),
    Rule.of(r"(?P<diff>" + _NUM + r")\s+points?\s+(?:{AHEAD_WORD})\s+(?:{_1})(?:(?P<opos>" + _ORD +
            r")[-\s]placed\s+)?{T:other}", "ahead"),
    Rule.of(r"(?P<diff>" + _NUM + r")\s+points?\s+(?:{BEHIND_WORD})\s+(?:{_1}){T:other}", "behind"),
    Rule.of(r"{T:t}\s+(?:{_6})(?:for|in)\s+(?P<pos>" + _ORD + r")\s+(?:place|spot)\b"),
)

TALLIES = (
    Rule.of(r"{P:p}(?:'s)?\s+(?:{_8})(?:his|her)\s+(?P<n>" + _ORD + r")\s+(?:{_2})goal\s+(?:of|in|this)\s+"
            r"(?:the\s+)?(?P<scope>season|campaign|league|{C})"),
    Rule.of(r"{P:p}(?:'s)?\s+(?:{_8})(?:his|her)\s+(?P<n>" + _ORD + r")\s+(?:{C:c}\s+|league\s+)?goal\s+"
            r"(?:in|from)\s+(?P<games>\d{1,3})\s+(?:{C:c2}\s+)?(?:games|matches|appearances)"),
    Rule.of(r"{P:p}\s+(?:{_8})(?:top scorer|leading scorer)\s+(?:{_4})with\s+(?P<n>\d{1,3})\s+goals", "season"),
    Rule.of(r"{P:p}\s+(?:{_10})(?:tally|total)\s+(?:up\s+)?to\s+(?P<n>" + _NUM + r")\s+goals"),
    Rule.of(r"{P:p}\s+(?:{_10})(?:his|her)\s+(?P<n>\d{1,4}(?:st|nd|rd|th))\s+goal\s+in\s+{C:c}", "career"),
)

VENUES = (
    Rule.of(r"\b(?:at|in)\s+(?:{_2}){V:home}"),
    Rule.of(r"\b(?:away\s+(?:at|to)|at\s+home\s+to|visit|visited|visiting|travel\s+to|travelled\s+to|"
            r"trip\s+to)\s+(?:{_2}){T:home}"),
    Rule.of(r"{T:home}\s+(?:{_8})at\s+home\b"),
    Rule.of(r"{T:home}\s+(?:{_3})(?:hosted|host|hosts|welcomed|welcome|entertained)\s+(?:{_2}){T:away}"),
    Rule.of(r"{T:away}\s+(?:{_6})(?:away\s+(?:at|to|from home)|on\s+the\s+road|on\s+their\s+travels)\b"),
    Rule.of(r"\b(?:opener|clash|game|match|trip|defeat|win|draw)\s+at\s+(?:{_1}){T:home}"),
)

RULES = LanguageRules(
    code="en",
    markers=frozenset("the and of to in was with for his a at on after but their they from by an is were "
                      "had has it as that this who which when".split()),
    non_names=frozenset("""The A An And But Or So Yet If In On At To Of For From By With Without Within Into
        Onto Over Under After Before During Despite Since Until While When Where Why How What Who Whom Whose
        Which This That These Those There Here Then Than Now Once Still Even Also Just Only Both Either
        Neither All Each Every Some Any Many Much More Most Less Least Few Several No Not Nor Never Always
        However Meanwhile Eventually Finally Nevertheless Instead Sadly Luckily Personally Indeed Perhaps
        Maybe Although Though Because As Like Unlike Upon About Around Through Across Against Between Among
        He She It We They You I His Her Its Our Their Your My Him Them Us Me One Two Three Four Five Six Seven
        Eight Nine Ten First Second Third Fourth Fifth Last Late Early Next Another Other Such Same Own
        Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
        August September October November December VIDEO Video VAR Subs Sub Booked Goals Goal Referee
        Attendance Scroll Watch Read Click Follow Listen Get Share Photo Picture Image Getty Reuters AP AFP
        PA Sportsmail BBC Sky TV Twitter Instagram Facebook YouTube Host Hosts Man Of Match Stats Big Here
        Breaking News Latest Update Live Player Ratings PLAYER RATINGS SUBS REFEREE Manager Boss Coach Captain
        Striker Midfielder Defender Forward Winger Goalkeeper Keeper Full Half Time Extra Penalty Penalties
        Champions League Cup Premier Super Final Semi Quarter Round Group Table Clasico Derby El La Le Il
        Lo Los Las Der Die Das Mr Mrs Ms Sir Dr St Saint Yes Well Oh Ah Ok Okay Chance Close Positive
        Double Substitution Corner Free Kick Shot Save Goalless Welcome Hello Team News Line Up Lineup XI
        England Europe European World Cup Olympics Euro Asian African English French German Italian Spanish
        Dutch Portuguese Brazilian Argentine Argentinian Belgian Croatian Egyptian Irish Scottish Welsh
        Uruguayan Gabonese Armenian Polish Czech Frenchman Dutchman German Bavarian Catalan Andalusians
        VAR FIFA UEFA EFL Lions Clinical Concern Blow Setback Gesture Focused Super Hero First Blood Heroes Defence Attack
        Midfield Wing Box Area Spot Post Bar Net Line Waste Almost Huge Three Four""".split()),
    name_titles=frozenset("""captain skipper manager boss coach head referee ref striker forward midfielder
        defender winger goalkeeper keeper stopper full-back fullback centre-back centre-half playmaker
        debutant substitute sub youngster veteran teenager star superstar talisman frontman playmaker
        mr mrs sir dr new signing loanee former ex attacker attacking right-back left-back wing-back
        international the""".split()),
    name_particles=frozenset("van von de da di del der den dos das du la le el al bin ter ten mac st".split()),
    team_prefixes=(),
    club_prefixes=(),
    team_refs={"the hosts": "home", "the home side": "home", "the home team": "home", "the visitors": "away",
               "the away side": "away", "the visiting side": "away", "the away team": "away",
               "the pair": "pair", "the two sides": "pair", "the two teams": "pair", "both sides": "pair",
               "both teams": "pair", "we": "us", "us": "us", "our side": "us"},
    descriptors=(
        r"\b(?:he|she|He|She)\b(?!')",
        r"\b[Tt]he \d{2}-year-old\b",
        r"\b[Tt]he (?:Belgian|German|Argentine|Argentinian|Brazilian|Dutchman|Frenchman|Spaniard|Portuguese|"
        r"Croatian|Croat|Englishman|Uruguayan|Egyptian|Pole|Armenian|Gabonese|Italian|Swede|Dane|Norwegian|"
        r"Austrian|Swiss|Serb|Welshman|Scot|Irishman|Australian|American|Japanese|Korean|Senegalese|Nigerian|"
        r"Ghanaian|Ivorian|Cameroonian|Moroccan|Algerian|Colombian|Mexican|Chilean|Ecuadorian)"
        r"(?: (?:striker|forward|midfielder|defender|winger|international|star|playmaker))?\b",
        r"\b[Tt]he (?:striker|forward|midfielder|defender|winger|full-back|centre-back|playmaker|substitute|"
        r"youngster|teenager|skipper|debutant|super-sub)\b",
    ),
    squad_words={"women": "Women", "ladies": "Women", "u23": "U23", "u21": "U21", "u20": "U20", "u19": "U19",
                 "u18": "U18", "u17": "U17", "u22": "U22", "reserves": "Reserves", "ii": "II"},
    number_words={"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                  "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
                  "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
                  "a few": 0, "a": 1, "an": 1},
    ordinal_words={"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                   "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
                   "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
                   "nineteenth": 19, "twentieth": 20},
    minute_patterns=MINUTES,
    clause_breaks=r",\s+(?:while|whereas|although|though|before|after which)\b|,?\s+(?:but|only\s+for)\b|;|"
                  r",\s+and\s+(?=[A-Z⟦])",
    lexicon=LEXICON,
    result_rules=RESULTS,
    goal_rules=GOALS,
    goal_team_rules=GOAL_TEAM,
    player_team_rules=(
        Rule.of(r"{T:t}'s\s+(?:{_3})(?:{KT}\s+)?(?:{_2}){P:p}"),
        Rule.of(r"{T:t}\s+(?:{_1})(?:{ROLE})\s+{P:p}"),
        Rule.of(r"{P:p}\s+(?:\(\w+\)\s+)?of\s+{T:t}"),
        Rule.of(r"{P:p}\s*\(\s*{T:t}\s*\)"),
        Rule.of(r"{P:p}\s+(?:{_2})(?:in action for|playing for|plays for|captain of)\s+{T:t}"),
    ),
    coach_rules=(
        Rule.of(r"{T:t}(?:'s)?\s+(?:{_1})(?:manager|boss|head coach|coach|gaffer)\s+{P:p}"),
        Rule.of(r"{P:p},?\s+(?:the\s+)?{T:t}\s+(?:manager|boss|head coach|coach)"),
        Rule.of(r"{P:p}'s\s+{T:t}"),
    ),
    coach_refs=(r"(?P<name>(?:[A-Z][\w'-]+\s){0,2}[A-Z][\w-]+)'s\s+(?:side|team|men|outfit|charges|boys|"
                r"squad|troops|players)\b",),
    not_goal_rules=NOT_GOALS,
    event_rules=EVENTS,
    standing_rules=STANDINGS,
    tally_rules=TALLIES,
    venue_rules=VENUES,
    weekdays={"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
              "sunday": 6},
    months={"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
            "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
            "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
            "dec": 12},
    relative_days={"yesterday": -1, "last night": -1, "last evening": -1, "tonight": 0, "today": 0,
                   "this evening": 0, "this afternoon": 0, "earlier today": 0},
    date_patterns=(
        r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<mon>[A-Za-z]{3,9})\.?,?\s+(?P<y>(?:19|20)\d{2})\b",
        r"\b(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{2})\b",
        r"\b(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})\b",
    ),
    season_pattern=r"\b(?P<y1>(?:19|20)\d{2})\s*[-/]\s*(?P<y2>(?:19|20)?\d{2})\b",
    round_patterns=(r"\b(?:round|matchday|week|gameweek)\s+(?P<r>\d{1,2})\b",
                    r"\b(?P<r>quarter-final|quarter final|semi-final|semi final|final|round of 16|"
                    r"last 16|first round|second round|third round|fourth round|fifth round)s?\b"),
)

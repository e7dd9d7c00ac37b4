"""Tiếng Việt: câu trả lời, mô tả lệnh và các từ dùng để hiểu câu hỏi (cùng tên với en.py)."""

CODE = "vi"

TEXTS: dict[str, str] = {
    "start": (
        "⚽ <b>footbot</b> trả lời câu hỏi bóng đá dựa trên các bài tường thuật đã đọc: kết quả, người ghi "
        "bàn, bảng xếp hạng, ai ghi bàn phút nào. Hỏi trong nhóm hoặc ở đây, bằng tiếng Việt hay tiếng Anh."
    ),
    "knows": "Mình đã đọc {reports} bài: {matches} trận, {goals} bàn thắng{latest}.",
    "knows_latest": ", trận mới nhất ngày {date}",
    "knows_competitions": "Các giải: {competitions}.",
    "knows_nothing": "Mình chưa đọc bài nào. Quản trị viên có thể gửi cho mình một bài.",
    "help": (
        "<b>Lệnh</b>\n"
        "/result ĐỘI [ĐỘI] – kết quả (vd. <code>/result Inter Atalanta</code>)\n"
        "/match ĐỘI ĐỘI [ngày] – chi tiết một trận\n"
        "/scorers [giải] [mùa] [đội] – vua phá lưới\n"
        "/table [giải] [mùa] – bảng xếp hạng tính từ kết quả\n"
        "/last ĐỘI [N] – các trận gần nhất của một đội\n"
        "/ask CÂU HỎI – hỏi bằng lời, vd. <code>/ask ai ghi bàn cho Inter trận gặp Atalanta?</code>\n"
        "/follow ĐỘI|GIẢI – nhận kết quả mới ở đây · /unfollow · /following\n"
        "/form ĐỘI – phong độ gần đây (biểu đồ) · thêm <code>hinh</code> vào /table hoặc /scorers để nhận ảnh\n"
        "Trong mọi cuộc trò chuyện: gõ @tên của mình và hai đội để xem kết quả\n"
        "/settings – ngôn ngữ, múi giờ, chuông báo · /lang en|vi – ngôn ngữ trả lời\n"
        "Quản trị viên: gửi tệp bài viết · /reports · /reextract"
    ),
    "no_team": "Mình không biết đội nào tên “{name}”.",
    "did_you_mean": "Có phải bạn muốn hỏi…?",
    "ambiguous": "“{name}” có thể là nhiều đội – đội nào?",
    "no_matches_between": "Các bài mình đã đọc không có trận nào giữa {a} và {b}.",
    "known_opponents": "Mình có các trận của {team} gặp: {opponents}.",
    "no_results_then": "Các bài mình đã đọc không có kết quả nào vào thời gian đó.",
    "no_match_at": "Các bài mình đã đọc không có trận nào giữa {a} và {b} tại {place}.",
    "no_match_in": "Các bài mình đã đọc không có trận nào giữa {a} và {b} ở {competition}.",
    "no_matches_for": "Các bài mình đã đọc không có trận nào của {team}.",
    "score_unknown": "các bài không nêu tỷ số chung cuộc",
    "score_disputed": "các bài đưa tỷ số khác nhau: {scores}",
    "no_scorers": "không nêu tên người ghi bàn",
    "usage_result": "Đội nào? vd. <code>/result Inter Atalanta</code>",
    "usage_match": "Trận nào? vd. <code>/match Inter Atalanta 2023-11-04</code>",
    "usage_last": "Đội nào? vd. <code>/last Inter 5</code>",
    "scorers_title": "<b>Vua phá lưới</b>{scope}",
    "no_goals": "Không có bàn thắng nào trong các bài mình đã đọc{scope}.",
    "pens": "{n} quả pen",
    "table_title": "<b>{competition}</b>{season} – tính từ {matches} kết quả trong các bài đã đọc",
    "table_disputed": "{n} trận bị bỏ ra: các bài đưa tỷ số khác nhau.",
    "table_stated": "<b>Theo các bài viết</b>{date}:",
    "table_differs": "⚠️ thứ hạng theo bài viết khác với thứ hạng tính từ kết quả của: {teams}.",
    "no_table": "Mình không có kết quả nào của {competition}{season} để lập bảng.",
    "which_competition": "Giải nào? Mình biết: {competitions}.",
    "sources": "Nguồn: {sources}",
    "penalty_saved": "{keeper} cản phá quả phạt đền của {player}",
    "penalty_saved_nokeeper": "Quả phạt đền của {player} bị cản phá",
    "penalty_missed": "{player} sút hỏng phạt đền",
    "red_card": "{player} nhận thẻ đỏ",
    "second_yellow": " (thẻ vàng thứ hai)",
    "no_penalties": "Các bài về trận đó không nhắc tới quả phạt đền nào bị hỏng hay bị cản phá.",
    "no_red_cards": "Các bài về trận đó không nhắc tới thẻ đỏ nào.",
    "scored_by": "Ghi bàn: {scorers}",
    "team_scorers": "{team}: {scorers}",
    "team_no_goal": "{team} không ghi bàn",
    "team_scorers_unknown": "các bài không nêu tên người ghi bàn của {team}",
    "player_goals": "{player}: {goals}",
    "player_no_goals": "Các bài mình đã đọc không có bàn thắng nào của {player}.",
    "player_unknown": "Mình không biết cầu thủ nào tên “{name}”.",
    "did_not_score": "{player} không ghi bàn trong trận đó.",
    "tally": "{player}: {goals} bàn{games}{scope}{date}",
    "as_of": " (tính đến {date})",
    "tally_games": " sau {games} trận",
    "position": "{team}: {facts}{competition}{date}",
    "position_points": "{points} điểm",
    "position_in": " ở {competition}",
    "reported_on": " (theo bài ngày {date})",
    "ordinal": "thứ {n}",
    "no_position": "Các bài mình đã đọc không nêu thứ hạng của {team}.",
    "cannot_answer": (
        "Mình chưa trả lời được câu này từ các bài đã đọc. Thử hỏi kết quả (“inter atalanta”), người "
        "ghi bàn (“ai ghi bàn cho inter?”), bảng xếp hạng (“bxh serie a”) hoặc /help."
    ),
    "not_in_reports": "Các bài mình đã đọc không nói điều đó.",
    "from_report": "Theo {source}: “{quote}”",
    "no_source": "Các bài mình đã đọc không có gì về điều đó.",
    "error": "Xin lỗi, mình gặp lỗi. Bạn thử lại sau ít phút nhé.",
    "database_down": "Xin lỗi, cơ sở dữ liệu của mình đang tạm thời không truy cập được. Bạn thử lại sau một phút nhé.",
    "admin_only": "Xin lỗi, chỉ quản trị viên của footbot mới làm được việc này.",
    "upload_hint": "Hãy gửi bài viết dưới dạng tệp (.txt, .md, .html) kèm chú thích /upload.",
    "upload_received": "Đang đọc {name}…",
    "upload_refused": "❌ {name}: {reason}",
    "ingest_ingested": "✅ {name}: {matches}",
    "ingest_duplicate": "ℹ️ {name}: đã đọc rồi – không có gì mới.",
    "ingest_no_facts": "⚠️ {name}: đã lưu, nhưng không tìm thấy trận đấu, kết quả hay bảng xếp hạng nào.",
    "ingest_failed": "❌ {name}: {reason}",
    "goals_added": "Đã thêm {matches} trận và {goals} bàn thắng.",
    "conflict": "⚠️ Mâu thuẫn: {conflict}",
    "reports_title": "<b>Các bài mới nhất</b>",
    "reports_none": "Chưa có bài nào.",
    "reextract_started": "Đang đọc lại tất cả các bài đã lưu bằng bộ trích xuất hiện tại…",
    "reextract_done": "Xong: {summary}",
    "lang_set": "Mình sẽ trả lời bằng tiếng Việt trong cuộc trò chuyện này.",
    "lang_usage": "Dùng /lang en hoặc /lang vi.",
    "follow_usage": "Theo dõi gì? vd. <code>/follow Inter</code> hoặc <code>/follow Serie A</code>",
    "followed": "Đang theo dõi {name}: kết quả mới sẽ được gửi vào đây.",
    "unfollowed": "Đã ngừng theo dõi {name}.",
    "not_following": "Cuộc trò chuyện này không theo dõi {name}.",
    "following": "Đang theo dõi: {names}",
    "following_none": "Cuộc trò chuyện này chưa theo dõi gì. Dùng /follow ĐỘI.",
    "new_results": "🆕 <b>Kết quả mới</b>",
    "settings": "<b>Cài đặt</b>\nNgôn ngữ: {lang}\nMúi giờ: {tz}",
    "settings_lang": "Ngôn ngữ",
    "settings_tz": "Múi giờ",
    "tz_set": "Ngày giờ sẽ hiển thị theo {tz}.",
    "form_title": "{team}: điểm trong {n} trận gần nhất",
    "no_form": "Các bài mình đã đọc không có kết quả nào của {team}.",
    "inline_result": "Kết quả",
    "inline_table": "Bảng xếp hạng",
    "inline_scorers": "Ghi bàn",
    "inline_results": "Kết quả",
    "already_following": "Cuộc trò chuyện này đã theo dõi {name} rồi.",
    "follow_pick": "Theo dõi gì? Chọn một mục, hoặc gõ vd. <code>/follow Inter</code>.",
    "unfollow_pick": "Ngừng theo dõi gì?",
    "correction": "✏️ đính chính: {result}",
    "more_results": "…và {n} trận nữa.",
    "settings_sound": "Kết quả mới: {sound}",
    "sound_on": "🔔 có chuông",
    "sound_off": "🔕 im lặng",
    "sound_set": "Kết quả mới sẽ đến {sound}.",
    "tz_unknown": "Mình không biết múi giờ “{name}”. Hãy chọn, hoặc gõ vd. <code>/settings Asia/Bangkok</code>.",
    "usage_form": "Đội nào? vd. <code>/form Inter</code>",
    "form_points": "điểm",
    "picture_button": "🖼 Ảnh",
    "table_columns": "#|Đội|Tr|T|H|B|BT|BB|HS|Đ",
    "scorers_columns": "#|Cầu thủ|Đội|Bàn|Pen",
    "extra_time": "sau hiệp phụ",
    "shootout": "{team} thắng trên chấm luân lưu",
    "source_button": "Nguồn",
}

COMMANDS: dict[str, str] = {
    "result": "Kết quả của một đội hoặc giữa hai đội",
    "match": "Chi tiết một trận: bàn thắng, thẻ, nguồn",
    "scorers": "Vua phá lưới",
    "table": "Bảng xếp hạng tính từ kết quả",
    "last": "Các trận gần nhất của một đội",
    "ask": "Hỏi bằng lời",
    "follow": "Nhận kết quả mới của một đội hoặc giải",
    "unfollow": "Ngừng theo dõi",
    "following": "Đang theo dõi những gì",
    "form": "Phong độ gần đây của một đội (biểu đồ)",
    "settings": "Ngôn ngữ và múi giờ",
    "lang": "Ngôn ngữ trả lời (en / vi)",
    "help": "Mình làm được gì",
}

DATE_FORMAT = "d/M/y"  # a CLDR pattern for babel: 4/11/2023
TIMEZONE = "Asia/Ho_Chi_Minh"  # a chat's time zone until /settings picks one
# folded; "ảnh" alone is not here: folded it is "anh", which also means England ("Ngoại hạng Anh")
IMAGE_WORDS = ("hinh anh", "hinh", "buc anh", "png")

INTENT_WORDS: dict[str, list[str]] = {
    # how the first team named fared: narrows the matches a question is about
    "lost": ["thua", "bai tran", "bi danh bai", "guc nga", "that bai"],
    "won": ["thang", "danh bai", "chien thang", "ha guc", "de bep"],
    "drew": ["hoa", "cam hoa", "chia diem"],
    "scorers": [
        "ai ghi ban",
        "ai ghi",
        "ghi ban",
        "nguoi ghi ban",
        "lap cong",
        "ai mo ti so",
        "ai mo ty so",
        "mo ti so",
        "mo ty so",
        "ban quyet dinh",
        "ai go hoa",
        "go hoa",
        "ai lap cong",
        "cu dup",
        "hat-trick",
        "hat trick",
    ],
    "when": [
        "phut may",
        "phut nao",
        "phut bao nhieu",
        "phut thu may",
        "phut thu bao nhieu",
        "luc nao",
        "khi nao",
        "bao gio",
    ],
    "player_goals": ["bao nhieu ban", "may ban thang", "ghi duoc bao nhieu", "da ghi bao nhieu"],
    "top_scorers": ["vua pha luoi", "ghi nhieu ban nhat", "danh sach ghi ban", "top ghi ban", "chan sut"],
    "standings": [
        "bang xep hang",
        "bxh",
        "xep hang",
        "dung thu",
        "xep thu",
        "thu may",
        "vi tri",
        "bao nhieu diem",
        "may diem",
        "diem",
        "dan dau",
        "top",
    ],
    "penalty": ["phat den", "penalty", "pen", "11m", "11 m", "chan 11"],
    "miss": ["hong", "sut hong", "da hong", "can pha", "bat", "truot"],
    "red_card": ["the do", "bi duoi", "duoi khoi san", "nhan the do", "truat quyen"],
    "result": [
        "ket qua",
        "ti so",
        "ty so",
        "kq",
        "may may",
        "thang",
        "thua",
        "hoa",
        "bao nhieu",
        "the nao",
        "ra sao",
        "tran",
        "may ban",
    ],
    "coverage": ["biet gi", "biet nhung", "co nhung tran nao", "co du lieu", "nhung giai nao"],
    "help": ["huong dan", "tro giup", "giup", "lam sao", "cach dung"],
    "did": ["co", "co ai", "khong"],
}

STOPWORDS = frozenset(
    """ai ghi ban cho tran gap voi va cua la o tai trong khi nao may bao nhieu phut ket qua ti ty
    so kq thang thua hoa doi tuyen dt clb mua giai vong luot di ve hom qua nay toi dem sang
    chieu ngay thang nam the do duoi khoi san pen phat den penalty vay the nao sao ra di roi
    chua khong co duoc nguoi ban thang thu hang xep bang diem dung vi tri dan dau top nhat
    nhieu da hong can pha mo quyet dinh go lap cong sut hay oi a nhe nha minh bi ban toi tui
    em anh chi hoi hiep phu bxh lich dau vao luoi""".split()
)

RELATIVE_DAYS: dict[str, int] = {"hom qua": -1, "toi qua": -1, "dem qua": -1, "hom nay": 0, "toi nay": 0, "dem nay": 0}
WEEKDAYS: dict[str, int] = {
    "thu hai": 0,
    "thu ba": 1,
    "thu tu": 2,
    "thu nam": 3,
    "thu sau": 4,
    "thu bay": 5,
    "chu nhat": 6,
}
MONTH_WORDS: dict[str, int] = {f"thang {i}": i for i in range(1, 13)}
# words naming a kind of match, never a team ("trận derby"); they still pick the match
MATCH_WORDS = frozenset({"derby"})
ROUND_NUMBER = "vòng {n}"
ROUND_LABELS: dict[str, str] = {  # the store's round names, as Vietnamese fans write them
    "final": "chung kết",
    "semi-final": "bán kết",
    "quarter-final": "tứ kết",
    "round of 16": "vòng 1/8",
    "group stage": "vòng bảng",
    "first leg": "lượt đi",
    "second leg": "lượt về",
    "first round": "vòng 1",
    "second round": "vòng 2",
    "third round": "vòng 3",
    "fourth round": "vòng 4",
    "fifth round": "vòng 5",
}
ROUND_WORDS: dict[str, str] = {
    "chung ket": "final",
    "ban ket": "semi-final",
    "tu ket": "quarter-final",
    "luot di": "first leg",
    "luot ve": "second leg",
    "vong 1/8": "round of 16",
    "vong bang": "group stage",
}


def ordinal(n: int) -> str:
    return f"thứ {n}"

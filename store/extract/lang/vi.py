"""Vietnamese: how match reports say results, goals, cards, standings and dates.

Data only (see ``base.py`` for the macros). Word-segmented text (``tuyệt_phẩm``) reaches the rules
already de-segmented, so rules are written with plain spaces and diacritics.
"""

from store.extract.lang.base import LanguageRules, Rule

_NUM = r"\d{1,3}|một|hai|ba|bốn|tư|năm|sáu|bảy|tám|chín|mười|mười một|mười hai"
_ORD = r"\d{1,2}|nhất|nhì|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười"

LEXICON: dict[str, list[str]] = {
    # -- results ------------------------------------------------------------------------
    "WIN_VERB": ["thắng", "đánh bại", "hạ", "hạ gục", "vượt qua", "đè bẹp", "vùi dập", "nhấn chìm",
                 "đại thắng", "thắng đậm", "giành chiến thắng", "chiến thắng", "thắng nhẹ nhàng", "khuất phục",
                 "đả bại", "thắng ngược", "ngược dòng đánh bại", "giành thắng lợi", "thắng lợi", "hủy diệt",
                 "nghiền nát", "thắng sát nút", "thắng tối thiểu", "thắng kịch tính", "giành trọn 3 điểm trước",
                 "thắng cách biệt", "trận thắng", "chiến thắng đậm", "giành chiến thắng đậm", "loại",
                 "thắng nghẹt thở", "thắng dễ", "bất ngờ hạ", "bất ngờ thắng", "hạ đo ván", "làm gỏi"],
    "WIN_NOUN": ["chiến thắng", "thắng lợi", "trận thắng", "thắng"],
    "LOSS_VERB": ["thua", "để thua", "bại trận", "thất bại", "gục ngã", "nhận thất bại", "thua đậm", "thua sốc",
                  "thua ngược", "bất ngờ thua", "trận thua", "thua đau", "nhận trận thua"],
    "LOSS_NOUN": ["trận thua", "thất bại"],
    "LOSS_PARTICIPLE": ["bị đánh bại", "bị hạ", "bị vùi dập", "bị loại"],
    "DRAW_VERB": ["hòa", "hoà", "cầm hòa", "cầm hoà", "chia điểm", "bất phân thắng bại", "hòa nhau", "bị cầm hòa",
                  "giữ hòa", "níu chân"],
    "DRAW_NOUN": ["trận hòa", "kết quả hòa"],
    "OBJECT_MARKER": ["bị", "của", "từ", "vào lưới", "và"],
    "OBJ_PREP": ["trước", "với", "gặp", "tiếp"],
    "RUNNING_BEFORE": ["nâng tỷ số lên", "nâng tỉ số lên", "rút ngắn tỷ số xuống", "rút ngắn tỉ số xuống",
                       "rút ngắn tỷ số còn", "rút ngắn tỉ số còn", "rút ngắn cách biệt xuống", "dẫn trước",
                       "vươn lên dẫn trước", "vươn lên dẫn", "dẫn", "gỡ hòa", "gỡ hoà", "san bằng tỷ số",
                       "cân bằng tỷ số", "nâng cách biệt lên", "tái lập cách biệt", "lên", "xuống", "thành",
                       "tỷ số hiệp 1:", "tỉ số hiệp 1:", "cách biệt", "bàn nâng tỷ số lên", "bàn rút ngắn"],
    "RUNNING_AFTER": ["sau hiệp 1", "sau hiệp một", "trong hiệp 1", "trong hiệp một", "ở hiệp 1",
                      "khi hiệp 1", "khi hiệp một"],
    "HALF_TIME": ["hiệp 1", "hiệp một", "hiệp đầu", "giờ nghỉ", "nghỉ giữa hiệp", "tỷ số hiệp 1", "tỉ số hiệp 1",
                  "hết hiệp"],
    "FINAL_CUE": ["chung cuộc", "ấn định tỷ số", "ấn định tỉ số", "ấn định chiến thắng", "tỷ số chung cuộc",
                  "kết thúc với tỷ số", "kết quả"],
    "GOALLESS": ["không bàn thắng", "hòa không bàn thắng"],
    # -- goals ----------------------------------------------------------------------------
    "GOAL_VERB": ["ghi bàn", "lập công", "mở tỷ số", "mở tỉ số", "nâng tỷ số", "nâng tỉ số",
                  "nhân đôi cách biệt", "nhân đôi tỷ số", "rút ngắn tỷ số", "rút ngắn tỉ số", "rút ngắn cách biệt",
                  "gỡ hòa", "gỡ hoà", "ấn định", "tung lưới", "ghi cú đúp", "lập cú đúp", "hoàn tất cú đúp",
                  "có tên trên bảng tỷ số", "có tên trên bảng tỉ số", "phá thế bế tắc", "khai thông thế bế tắc",
                  "sút phạt đền", "thực hiện thành công quả penalty", "thực hiện thành công quả phạt đền",
                  "thực hiện thành công", "đánh đầu ghi bàn", "ghi bàn thắng", "ghi dấu ấn với bàn thắng",
                  "lập siêu phẩm", "ghi tuyệt phẩm", "làm tung lưới", "đưa bóng vào lưới", "sút tung lưới",
                  "cân bằng tỷ số", "san bằng tỷ số", "ghi bàn duy nhất", "hoàn tất hat-trick", "lập hat-trick",
                  "ghi hat-trick", "thay nhau lập công", "vươn lên dẫn trước", "tái lập cách biệt",
                  "đánh đầu tung lưới", "bàn thắng quý giá", "ghi bàn mở tỷ số", "đóng góp một bàn",
                  "đóng góp 2 bàn", "đóng góp hai bàn", "lập cú hat-trick", "sút vào lưới", "sút tung lưới",
                  "đệm bóng", "băng vào dứt điểm"],
    "GOAL_NOUN": ["bàn thắng", "pha lập công", "cú đúp", "bàn gỡ hòa", "bàn mở tỷ số", "bàn mở tỉ số",
                  "bàn gỡ", "bàn rút ngắn", "bàn nâng tỷ số", "bàn thắng quyết định", "siêu phẩm", "tuyệt phẩm",
                  "bàn thắng duy nhất", "hat-trick", "bàn", "pha phản lưới nhà", "bàn thắng ấn định"],
    "SHOT_VERB": ["dứt điểm", "đánh đầu", "sút", "đệm bóng", "bắt volley", "vô-lê", "volley", "cứa lòng",
                  "đá phạt", "băng vào", "xử lý", "lốp bóng", "chích bóng"],
    "GOAL_RESULT": ["tung lưới", "vào lưới", "nâng tỷ số", "nâng tỉ số", "mở tỷ số", "mở tỉ số", "gỡ hòa",
                    "rút ngắn", "ấn định", "nhân đôi", "vào góc", "thành bàn", "đi vào lưới", "bay vào lưới",
                    "mành lưới", "thủng lưới", "tung lưới", "dẫn trước", "vươn lên dẫn", "vượt lên"],
    "LEAD_PHRASE": ["vươn lên dẫn trước", "vươn lên", "vượt lên", "dẫn trước", "dẫn bàn", "gỡ hòa"],
    "GIVE_VERB": ["đưa", "giúp", "mang về cho", "giúp cho"],
    "PEN_WORD": ["phạt đền", "penalty", "11 m", "11m", "chấm 11 m", "chấm 11m", "chấm phạt đền",
                 "quả phạt đền", "quả penalty", "pen"],
    "OG_WORD": ["phản lưới nhà", "phản lưới", "đá phản", "lưới nhà"],
    "OPENER_WORD": ["mở tỷ số", "mở tỉ số", "bàn mở tỷ số", "khai thông", "phá thế bế tắc", "bàn đầu tiên"],
    "AHEAD_WORD_GOAL": ["vươn lên dẫn trước", "dẫn trước", "vượt lên", "vươn lên", "tái lập", "ấn định chiến thắng"],
    "ANOTHER_WORD": ["thêm một bàn", "bàn thứ hai", "lần thứ hai", "thêm bàn"],
    "EQUALISER_WORD": ["gỡ hòa", "gỡ hoà", "san bằng", "cân bằng tỷ số", "bàn gỡ hòa"],
    "WINNER_WORD": ["ấn định", "quyết định", "bàn thắng quyết định", "ghi bàn duy nhất", "bàn thắng duy nhất",
                    "ghi bàn thắng quý giá"],
    "LAST_WORD": ["ấn định", "bàn thắng ấn định", "bàn danh dự", "khép lại"],
    "PULLBACK_WORD": ["rút ngắn", "bàn danh dự", "gỡ lại"],
    "CONSOLATION_WORD": ["bàn danh dự"],
    "DOUBLE_LEAD_WORD": ["nhân đôi", "nâng tỷ số lên 2-0", "nâng cách biệt", "tái lập cách biệt"],
    "WENT_THROUGH": ["vào chung kết", "vào bán kết", "vào tứ kết", "đi tiếp", "vào vòng trong", "giành vé"],
    "TWICE_WORD": ["cú đúp", "hai bàn", "2 bàn", "lập cú đúp", "ghi cú đúp", "hoàn tất cú đúp", "đóng góp 2 bàn",
                   "cả hai bàn", "cả 2 bàn"],
    "HATTRICK_WORD": ["hat-trick", "ba bàn", "3 bàn", "cú hat-trick"],
    "NEGATION": ["suýt", "chệch", "không thành", "bỏ lỡ", "cản phá", "đẩy ra", "cứu thua", "bật cột", "dội xà",
                 "trúng xà", "trúng cột", "việt vị", "không được công nhận", "từ chối", "hỏng", "sút hỏng",
                 "đá hỏng", "vô duyên", "không thể ghi bàn", "không ghi được", "chưa ghi", "không được tính", "bị từ chối", "hụt", "sút trượt", "bỏ lỡ cơ hội",
                 "luân lưu", "loạt sút"],
    "SAVE_WORD": ["cản phá", "đẩy ra", "bắt gọn", "từ chối", "cứu thua"],
    "MISS_WORD": ["sút hỏng", "đá hỏng", "hỏng ăn", "sút trượt", "đá ra ngoài", "sút chệch", "không thành công"],
    "RED_WORD": ["thẻ đỏ", "thẻ vàng thứ hai", "thẻ vàng thứ 2", "bị đuổi", "bị đuổi khỏi sân", "nhận thẻ đỏ",
                 "truất quyền thi đấu", "chỉ còn 10 người", "chỉ còn 10 cầu thủ", "phải rời sân", "lĩnh thẻ đỏ",
                 "thẻ đỏ trực tiếp", "bị truất quyền thi đấu", "phải nhận thẻ vàng thứ hai"],
    "SECOND_YELLOW": ["thẻ vàng thứ hai", "thẻ vàng thứ 2", "hai thẻ vàng", "2 thẻ vàng"],
    "GOAL_STANDS": ["vẫn được công nhận"],
    "DISALLOWED": ["không được công nhận", "việt vị", "bị từ chối", "không được tính", "VAR từ chối"],
    "STANDING_VERB": ["xếp thứ", "đứng thứ", "xếp vị trí thứ", "vị trí thứ", "ở vị trí thứ", "leo lên thứ",
                      "rơi xuống thứ", "tụt xuống thứ", "vươn lên thứ", "đứng ở vị trí thứ", "xếp hạng",
                      "lên thứ", "xuống thứ", "tụt xuống đứng thứ", "vươn lên đứng thứ", "chiếm vị trí thứ",
                      "giữ vị trí thứ", "xếp ở vị trí thứ", "đứng vị trí thứ", "vẫn xếp thứ", "tạm xếp thứ",
                      "tạm đứng thứ", "tạm đứng ở vị trí thứ"],
    "TOP_WORD": ["ngôi đầu bảng", "đỉnh bảng", "dẫn đầu", "đầu bảng", "ngôi đầu", "vị trí dẫn đầu",
                 "ngôi nhất bảng", "nhất bảng"],
    "SECOND_WORD": ["nhì bảng", "vị trí nhì", "ngôi nhì"],
    "BOTTOM_WORD": ["bét bảng", "cuối bảng", "đáy bảng", "xếp bét"],
    "POINTS_WORD": ["điểm"],
    "AHEAD_WORD": ["hơn", "bỏ xa", "cách", "nhiều hơn"],
    "BEHIND_WORD": ["kém", "thua"],
    "ROLE": ["thủ môn", "thủ thành", "tiền đạo", "tiền vệ", "trung vệ", "hậu vệ", "đội trưởng", "tân binh",
             "ngôi sao", "siêu sao", "cầu thủ", "chân sút", "người hùng"],
    "HISTORIC": ["lượt đi", "mùa trước", "mùa giải trước", "năm ngoái", "trước đó", "lần gặp trước",
                 "trong quá khứ", "năm trước"],
    "TEAM_NOUN_AFTER": [],
    "TEAM_NOUN_BEFORE": ["hàng thủ", "hàng phòng ngự", "thủ thành", "thủ môn", "cổ động viên", "khung thành", "lưới", "các cầu thủ"],
    "GOAL_GATE": ["là", "mừng", "phản", "lưới", "đưa", "giúp", "HLV", "thầy", "dọn", "kiến", "chuyền", "treo", "căng", "thủng"],
    "EVENT_GATE": ["thẻ", "đuổi", "phạt", "penalty", "cản", "hỏng"],
    "TALLY_GATE": ["bàn", "mốc"],
    "STANDING_GATE": ["thứ", "nhì", "bảng", "vị trí", "đầu"],
    "HOME_WORD": ["sân nhà", "chủ nhà"],
    "AWAY_WORD": ["sân khách", "làm khách"],
}

MINUTES = (
    r"\bphút\s+(?:bù\s+giờ\s+)?\(?(?P<min>\d{1,3})\s*\+\s*(?P<add>\d{1,2})\)?",
    r"\((?P<min>\d{1,3})\s*\+\s*(?P<add>\d{1,2})\)",
    r"\bphút\s+bù\s+giờ\s+thứ\s+(?P<stoppage>" + _NUM + r")\b",
    r"\b(?:ở\s+|vào\s+|đến\s+|tới\s+|khoảng\s+)?phút\s+(?:thứ\s+)?(?P<min>\d{1,3})\b",
    r"\b(?P<min>\d{1,3})\s*\+\s*(?P<add>\d{1,2})\s*'?",
    r"\b(?P<min>\d{1,3})\s?'",
    r"(?<=\d và )(?P<min>\d{1,3})\b(?!\s?-)",
    r"\b(?P<later>" + _NUM + r")\s+phút\s+sau\b",
)

RESULTS = (
    Rule.of(r"(?:{RUNNING_BEFORE})\s+(?:{_1})?{S:s}", "running"),
    Rule.of(r"(?:{HALF_TIME})\W+(?:{_3})?{S:s}", "running"),
    Rule.of(r"{S:s}\s+(?:{_2})(?:{RUNNING_AFTER})", "running"),
    Rule.of(r"{S:s}\s*\(\s*{M}\s*\)", "running"),
    Rule.of(r"(?:{FINAL_CUE})\s*:?\s+(?:{_2}){T:a}\s*:?\s*{S:s}\s*:?\s*(?:{_2}){T:b}", "ordered", "final"),
    Rule.of(r"{T:a}\s*:?\s*{S:s}\s*:?\s*{T:b}", "ordered"),
    Rule.of(r"{T:a}\s+-\s+{T:b}\s*:?\s*{S:s}", "ordered"),
    # passive with "bị": "Đức bị Thụy Sĩ cầm hòa 1-1", "bị MU đánh bại 1-2"
    Rule.of(r"bị\s+(?:{_2}){T:b}\s+(?:{_2})(?:{DRAW_VERB})\s+(?:{_2}){S:s}", "draw"),
    Rule.of(r"bị\s+(?:{_2}){T:b}\s+(?:{_2})(?:{WIN_VERB})\s+(?:{_2}){S:s}", "loss"),
    Rule.of(r"(?:{LOSS_PARTICIPLE})\s+(?:{_2}){S:s}", "loss"),
    Rule.of(r"(?:{LOSS_VERB})\s+(?:{_5}){T:b}\s+(?:{_3}){S:s}", "loss"),
    Rule.of(r"(?:{LOSS_VERB})\s+(?:{_2}){S:s}(?:\s+(?:{_2})(?:trước|với)\s+(?:{_3}){T:b})?", "loss"),
    Rule.of(r"(?:{DRAW_VERB})\s+(?:{_5}){T:b}\s+(?:{_3}){S:s}", "draw"),
    Rule.of(r"(?:{DRAW_VERB})\s+(?:{_2}){S:s}(?:\s+(?:{_2})(?:với|trước)\s+(?:{_3}){T:b})?", "draw"),
    Rule.of(r"(?:{DRAW_NOUN})\s+(?:{_2}){S:s}", "draw"),
    Rule.of(r"(?:{WIN_VERB})\s+(?:{_5}){T:b}\s+(?:{_3}){S:s}", "win"),
    Rule.of(r"(?:{WIN_VERB})\s+(?:{_2}){S:s}(?:\s+(?:{_2})(?:trước|với)\s+(?:{_3}){T:b})?", "win"),
    Rule.of(r"(?:ấn định)\s+(?:{_2})(?:chiến thắng|tỷ số|tỉ số)\s+{S:s}", "final"),
    Rule.of(r"{T:a}\s+{S:s}\s*$", "ordered_one"),
)

GOAL_TEAM = (
    Rule.of(r"\bcho\s+(?:{_2}){TR:t}"),
    Rule.of(r"{P}\s*\(\s*{TR:t}\s*\)"),
    Rule.of(r"(?:{GIVE_VERB})\s+(?:{_1}){TR:t}\s+(?:{_2})(?:{LEAD_PHRASE})"),
    Rule.of(r"(?:vào\s+lưới|tung\s+lưới|lưới|khung\s+thành|cầu\s+môn|thủ\s+thành\s+của)\s+(?:{_3}){TR:o}"),
    Rule.of(r"(?<!lưới\s)(?<!thành\s)(?<!môn\s){TR:t}\s+(?:{_3})(?:có\s+bàn|có\s+được\s+bàn|ghi\s+bàn|mở\s+tỷ\s+số|mở\s+tỉ\s+số|vươn\s+lên|dẫn\s+trước|"
            r"gỡ\s+hòa)"),
)

GOALS = (
    Rule.of(r"(?:hai|ba|2|3)\s+bàn\s+thắng\s+(?:của\s+)?{P:p}(?:\s*\([^)]{1,20}\))?\s+và\s+{P:p2}"),
    Rule.of(r"(?:{GOAL_NOUN})\s+(?:{_5})?của\s+{P:p}(?:\s+và\s+{P:p2})?"),
    Rule.of(r"(?:bàn|bàn\s+thắng|bàn\s+gỡ\s+hòa|bàn\s+mở\s+tỷ\s+số)\s+(?:{_10})(?:tiếp\s+tục\s+)?là\s+{P:p}"),
    Rule.of(r"{P:p}(?:\s+và\s+{P:p2})?(?:\s*\([^)]{1,20}\))?\s+(?:{_6})(?:{GOAL_VERB})"),
    Rule.of(r"{P:p}\s+(?:{__16})(?:{SHOT_VERB})\s+(?:{__16})(?:{GOAL_RESULT})"),
    Rule.of(r"{P:p}(?:\s+và\s+{P:p2})?\s+(?:{__18})(?:{GIVE_VERB})\s+(?:{_1}){TR}\s+(?:{_2})(?:{LEAD_PHRASE})"),
    # people who are not the scorer: the coach, the provider of an assist
    Rule.of(r"(?:HLV|huấn\s+luyện\s+viên|thầy)\s+{P:x}", "exclude"),
    Rule.of(r"{P:x}\s+(?:{_6})(?:dọn\s+cỗ|kiến\s+tạo|chuyền\s+ngang\s+cho|treo\s+bóng|căng\s+ngang|chuyền\s+bóng)",
            "exclude"),
    Rule.of(r"để\s+{P:p}\s+(?:{_12})(?:{SHOT_VERB}|{GOAL_VERB})"),
    Rule.of(r"(?:{SHOT_VERB}|{GOAL_NOUN}|thủng\s+lưới)\s+(?:{_8})của\s+(?:(?:{ROLE})\s+)?(?:{KT}\s+)?{P:p}",
            "needs_result", "weak"),
    Rule.of(r"{P:p}\s+(?:{_4})(?:phản\s+lưới\s+nhà|đá\s+phản\s+lưới)", "og"),
    Rule.of(r"{P:p}(?:\s*\([^)]{1,20}\))?\s+(?:{_3})mừng\s+bàn", "caption"),
    Rule.of(r"(?<!lưới\s)(?<!thành\s)(?<!môn\s){TR:t}\s+(?:{_3})(?:có\s+bàn|có\s+được\s+bàn|đã\s+có\s+bàn)", "anon"),
    Rule.of(r"{TR:t}\s+(?:{_3})(?:vươn\s+lên\s+dẫn|dẫn\s+trước|mở\s+tỷ\s+số|mở\s+tỉ\s+số|gỡ\s+hòa)", "anon"),
)

NOT_GOALS = (
    Rule.of(r"{DISALLOWED}"),
    Rule.of(r"\bsuýt\b"),
)

EVENTS = (
    Rule.of(r"{P:p}\s+(?:{_6})(?:{RED_WORD})", "red_card"),
    Rule.of(r"(?:{RED_WORD})\s+(?:{_3})(?:cho|với)\s+{P:p}", "red_card"),
    Rule.of(r"{P:k}\s+(?:{_4})(?:cản\s+phá|đẩy\s+ra|bắt\s+gọn)\s+(?:{_4})(?:phạt\s+đền|penalty|11\s?m)\s+(?:{_2})"
            r"của\s+{P:p}", "penalty_saved"),
    Rule.of(r"{P:p}\s+(?:{_4})(?:sút|đá|thực\s+hiện)\s+(?:{_3})(?:phạt\s+đền|penalty|11\s?m)\s+(?:{_6})"
            r"(?:bị|nhưng)\s+(?:{_2}){P:k}\s+(?:{_2})(?:cản\s+phá|đẩy\s+ra|bắt\s+gọn)", "penalty_saved"),
    Rule.of(r"{P:p}\s+(?:{_4})(?:sút\s+hỏng|đá\s+hỏng|hỏng\s+ăn|sút\s+trượt)\s+(?:{_3})(?:phạt\s+đền|penalty|"
            r"11\s?m)", "penalty_missed"),
)

STANDINGS = (
    Rule.of(r"{T:t}\s+(?:{_6})(?:{STANDING_VERB})\s+(?P<pos>" + _ORD + r")\b(?!\s+(?:là\s+)?⟦)"),
    Rule.of(r"(?:đội|đội\s+bóng)\s+(?:xếp|đứng)\s+thứ\s+(?P<opos>" + _ORD + r")\s+(?:là\s+)?{T:other}"),
    Rule.of(r"{T:t}\s+(?:{_6})(?:{TOP_WORD})", "top"),
    Rule.of(r"{T:t}\s+(?:{_6})(?:{SECOND_WORD})", "second"),
    Rule.of(r"{T:t}\s+(?:{_6})(?:{BOTTOM_WORD})", "bottom"),
    Rule.of(r"{T:t}\s+(?:{_10})(?:với|có|có\s+trong\s+tay|đạt|giành)\s+(?P<pts>\d{1,3})\s+điểm"),
    Rule.of(r"với\s+(?P<pts>\d{1,3})\s+điểm\s*,\s*{T:t}"),
    Rule.of(r"(?:hơn|bỏ\s+xa)\s+(?:{_1})(?:đội\s+(?:bóng\s+)?(?:xếp|đứng)\s+thứ\s+(?P<opos>" + _ORD + r")\s+"
            r"(?:là\s+)?)?{T:other}\s+(?P<diff>" + _NUM + r")\s+điểm", "ahead"),
    Rule.of(r"(?:kém|thua)\s+(?:{_1})(?:đội\s+(?:bóng\s+)?(?:xếp|đứng)\s+thứ\s+(?P<opos>" + _ORD + r")\s+"
            r"(?:là\s+)?)?{T:other}\s+(?P<diff>" + _NUM + r")\s+điểm", "behind"),
    Rule.of(r"cách\s+biệt\s+(?:với|trên\s+bảng\s+xếp\s+hạng\s+với)\s+(?:{_1})(?:đội\s+(?:bóng\s+)?(?:xếp|đứng)\s+"
            r"thứ\s+(?P<opos>" + _ORD + r")\s+)?{T:other}\s+(?:{_1})lên\s+thành\s+(?P<diff>" + _NUM + r")\s+điểm",
            "ahead"),
)

TALLIES = (
    Rule.of(r"{P:p}\s+(?:{_4})(?:ghi\s+)?bàn\s+(?:thắng\s+)?thứ\s+(?P<n>\d{1,3})\s+sau\s+(?P<games>\d{1,3})\s+trận"
            r"(?:\s+(?:tại\s+|ở\s+)?{C:c})?"),
    Rule.of(r"{P:p}\s+(?:{_12})(?:cán\s+(?:cột\s+)?mốc|cột\s+mốc)\s+(?:ghi\s+)?(?P<n>\d{1,4})\s+bàn(?:\s+(?:thắng\s+)?"
            r"cho\s+{T:t})?(?:\s+(?:tại|ở)\s+(?:đấu\s+trường\s+)?{C:c})?", "career"),
    Rule.of(r"{P:p}\s+(?:{_6})(?:đã\s+)?(?:có|ghi\s+được|ghi)\s+(?P<n>\d{1,3})\s+bàn\s+(?:thắng\s+)?(?:sau|trong)\s+"
            r"(?P<games>\d{1,3})\s+trận"),
)

VENUES = (
    Rule.of(r"(?:trên\s+sân|tại\s+sân|sân|tại)\s+(?:{_1}){V:home}"),
    Rule.of(r"{T:home}\s+(?:{_6})(?:tiếp\s+đón|tiếp\s+đãi|đón\s+tiếp|chào\s+đón|tiếp)\s+(?:{_3}){T:away}"),
    Rule.of(r"tiếp\s+{T:away}\s*,\s*{T:home}"),
    Rule.of(r"{T:home}\s+(?:{_8})(?:trên\s+sân\s+nhà|về\s+sân\s+nhà|sân\s+nhà)"),
    Rule.of(r"(?:trên|tại)\s+sân\s+nhà\s+(?:{_3}){T:home}"),
    Rule.of(r"(?:làm\s+khách|chuyến\s+làm\s+khách)\s+(?:{_4})(?:của|tới\s+sân\s+của|trên\s+sân\s+của|tới|trên\s+sân)\s+"
            r"(?:{_1}){T:home}"),
    Rule.of(r"{T:away}\s+(?:{_8})(?:làm\s+khách|sân\s+khách|chuyến\s+làm\s+khách)"),
)

RULES = LanguageRules(
    code="vi",
    markers=frozenset("cua va tran doi voi nhung duoc khong cho ban thang phut ghi sau trong la mot cac nay "
                      "khi da se cung tai o bi thi dau hiep thua ai vay nao nhieu ket qua gap hoa".split()),
    non_names=frozenset("""Sau Trước Trong Tuy Nhiên Phút Trận Đến Chỉ Ngay Với Khi Nhưng Và Cùng Hơn Những Các
        Một Hai Ba Bốn Năm Đó Đây Ông Bà Họ Cụ Thể Tại Ở Bên Cạnh Thống Kê Chiến Thắng Thua Hòa Sang Hiệp Bàn
        Đội Thủ Tiền Trung Hậu HLV Ảnh Video Sự Kiện Ghi Hình Chung Cuộc Kết Quả Trực Tiếp Thầy Lúc Dù Dẫu Nói
        Đại Kể Giải Nhiều Quả Cách Lần Thế Đoàn Mùa Vòng Bảng Cúp Siêu Ngoại Hạng Từ Theo Đáng Chú Ý Lịch Sử
        Không Có Là Được Cả Toàn Mọi Còn Vẫn Đã Đang Sẽ Rồi Nếu Vì Do Bởi Nên Thì Mà Này Kia Khác Mới Cũ
        Tối Sáng Chiều Đêm Ngày Hôm Tuần Tháng Năm Giờ Chủ Nhật Thứ Bảy Pause Mute Trái Lại Giống Như Tương
        Trở Lại Hiện Lúc Này Hàng Cầu Thủ Cậu Anh Em Chị Cô Chú Bác Cháu Con Người Nhà Đối Với Về Phía Mặt
        Tính Đầu Cuối Giữa Chính Nhờ Nhằm Để Sự Dưới Trên Ngoài Lên Xuống Vào Ra Thêm Bớt Tất Bao Gồm Gần Xa
        Đặc Biệt Hầu Hết Dĩ Nhiên Quả Thực Thậm Chí Riêng Chung Nhất Bất Ngờ Ấn Tượng Đồng Thời Tiếp Tục
        Vùng Đường Chuyền Pha Tình Huống Đánh Đầu Sút Cú Mở Tỷ Số Gỡ Nâng Rút Ngắn Phạt Đền Penalty Phản Lưới
        ĐT CLB HLV VAR ĐTQG BTC VFF FIFA UEFA AFC AFF OKE Ok Nam Mỹ Châu Á Âu Phi Đông Tây Bắc Đông Nam Lượt Đi Về Bán Kết Tứ Chung Kết Xứ""".split()),
    name_titles=frozenset("""hlv thủ môn thủ thành tiền đạo tiền vệ trung vệ hậu vệ đội trưởng tân binh ngôi sao
        siêu sao cầu thủ trọng tài chân sút sát thủ thần đồng tài năng trẻ cựu""".split()),
    name_particles=frozenset("van von de da di del der den dos das du la le el al bin ter ten mac".split()),
    team_prefixes=("ĐT", "đội tuyển", "tuyển", "CLB", "câu lạc bộ", "đội bóng", "ĐTQG", "đội"),
    club_prefixes=("CLB", "câu lạc bộ"),
    team_refs={"đội chủ nhà": "home", "đội bóng chủ nhà": "home", "chủ nhà": "home", "đội chủ sân": "home",
               "đội khách": "away", "đội bóng khách": "away", "hai đội": "pair", "cả hai đội": "pair"},
    descriptors=(
        r"\b(?:anh|Anh)\b(?= (?:đã|đang|vẫn|ghi|lập|có|tiếp|sút|đánh|dứt|hoàn))",
        r"\b(?:cầu thủ|siêu sao|ngôi sao|chân sút|tiền đạo|tiền vệ|trung vệ|hậu vệ) (?:\d{2} tuổi|người [A-ZÀ-Ỹ]\w+)",
        r"\b(?:thần đồng|tân binh|người hùng|ngôi sao|siêu sao|cầu thủ|tiền đạo|tiền vệ) (?:của|thuộc biên chế|thuộc) "
        r"[^\W\d_]\w*(?: [^\W\d_]\w*){0,2}",
    ),
    squad_words={"nữ": "Women", "u23": "U23", "u22": "U22", "u21": "U21", "u20": "U20", "u19": "U19",
                 "u17": "U17", "u16": "U16", "u18": "U18"},
    number_words={"một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
                  "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "mười lăm": 15, "hai mươi": 20},
    ordinal_words={"nhất": 1, "nhì": 2, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7,
                   "tám": 8, "chín": 9, "mười": 10},
    minute_patterns=MINUTES,
    clause_breaks=r",\s+(?:nhưng|trong\s+khi|còn|song|tuy\s+nhiên)\b|;",
    lexicon=LEXICON,
    result_rules=RESULTS,
    goal_rules=GOALS,
    goal_team_rules=GOAL_TEAM,
    player_team_rules=(
        Rule.of(r"{P:p}\s*\(\s*{T:t}\s*\)"),
        Rule.of(r"(?:{ROLE})\s+{P:p}\s+(?:của|bên phía|bên)\s+{T:t}"),
        Rule.of(r"{T:t}\s+(?:{ROLE})\s+{P:p}"),
    ),
    coach_rules=(
        Rule.of(r"{T:t}\s+(?:{_3})(?:HLV|huấn\s+luyện\s+viên)\s+{P:p}"),
        Rule.of(r"(?:HLV|huấn\s+luyện\s+viên)\s+{P:p}\s+(?:của|dẫn\s+dắt)\s+{T:t}"),
    ),
    coach_refs=(r"(?:thầy\s+trò|các\s+học\s+trò\s+của|học\s+trò\s+của|đoàn\s+quân\s+của|đội\s+bóng\s+của)"
                r"\s+(?:HLV\s+)?(?P<name>[^\W\d_][\w'-]*(?:\s[^\W\d_][\w'-]*){0,2})",),
    not_goal_rules=NOT_GOALS,
    event_rules=EVENTS,
    standing_rules=STANDINGS,
    tally_rules=TALLIES,
    venue_rules=VENUES,
    weekdays={"chủ nhật": 6, "ngày thứ hai": 0, "ngày thứ ba": 1, "ngày thứ tư": 2, "ngày thứ năm": 3,
              "ngày thứ sáu": 4, "ngày thứ bảy": 5, "tối thứ bảy": 5, "tối thứ sáu": 4, "tối chủ nhật": 6,
              "đêm thứ bảy": 5, "chiều thứ bảy": 5, "chiều chủ nhật": 6},
    months={"tháng 1": 1, "tháng 2": 2, "tháng 3": 3, "tháng 4": 4, "tháng 5": 5, "tháng 6": 6, "tháng 7": 7,
            "tháng 8": 8, "tháng 9": 9, "tháng 10": 10, "tháng 11": 11, "tháng 12": 12},
    relative_days={"tối qua": -1, "đêm qua": -1, "hôm qua": -1, "chiều qua": -1, "rạng sáng nay": 0,
                   "sáng nay": 0, "hôm nay": 0, "tối nay": 0, "đêm nay": 0, "chiều nay": 0},
    date_patterns=(
        r"\b(?:tối|đêm|chiều|sáng|rạng\s+sáng|trưa|ngày|hôm|lúc)\s+(?:nay\s+)?\(?(?P<d>\d{1,2})/(?P<m>\d{1,2})"
        r"(?:/(?P<y>\d{4}))?\)?",
        r"\b(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\b",
        r"\bngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})(?:\s+năm\s+(?P<y>\d{4}))?",
    ),
    season_pattern=r"\b(?P<y1>(?:19|20)\d{2})\s*[-/]\s*(?P<y2>(?:19|20)?\d{2})\b",
    round_patterns=(r"\bvòng\s+(?P<r>\d{1,2})\b", r"\b(?P<r>lượt\s+đi|lượt\s+về|bán\s+kết|tứ\s+kết|chung\s+kết|"
                                                   r"vòng\s+1/8|vòng\s+bảng)\b"),
)

"""Emergency rules for hazards and bodies: fire, gas leak, drowning, someone trapped, medical emergencies.

Patterns are written for the view (rules.view): lower case, Traditional Chinese with Hong Kong forms.
"""

from __future__ import annotations

from civicdesk.safety.rule_parts import FIRE_WORD, LONG_TERM_CARE
from civicdesk.safety.rules import RuleSpec, rule

HAZARD_RULES: tuple[RuleSpec, ...] = (
    # --- fire ---------------------------------------------------------------------------------------
    rule("fire.en.fire", "fire", rf"\b{FIRE_WORD}\b|\bon fire\b|\bwildfires?\b|\bablaze\b|\bblaze\b|\bflames?\b"),
    rule(
        "fire.en.explosion",
        "fire",
        r"\bexplo(?:sion|ded|ding)\b|\bblew up\b|\b(?:caught\s+|are\s+|is\s+|went\s+)?alight\b|\bspark(?:ed|ing|s)\b",
    ),
    rule(
        "fire.en.burning",
        "fire",
        r"\bburning\b(?!\s+(?:joss|incense|paper|rubbish|leaves|offerings|sensation|pain|question|issue))",
        unless=r"\b(?:joss|incense|offerings|barbecue|bbq)\b",
    ),
    rule(
        "fire.en.smoke",
        "fire",
        r"\b(?:thick|black|heavy|dense|lots of|a lot of|full of|filled with|so much)\s+(?:\w+\s+)?smoke\b"
        r"|\bsmoke\s+(?:is\s+)?(?:pouring|coming|billowing|everywhere|filling|rising)\b",
        unless=r"\b(?:bus|buses|lorry|lorries|truck|trucks|vehicles?|exhaust|chimney|cigarettes?|smoking|joss"
        r"|incense|barbecue|bbq|cooking|second-hand)\b",
    ),
    rule(
        "fire.zh.fire",
        "fire",
        r"火警(?!鐘|平|演習|演練|風險|危險|隱患|警報|偵測|通道|逃生|出口|條例|證書|設備|裝置|局|喉|系統|訊號)"
        r"|失火|起(?:咗|左|了)?火|[着著](?:咗|左|了)?火|燒[着著]|火燭|火災|大火|火[很好]大|火勢|火舌|火光|山火|爆炸"
        r"|有fire|有火(?![警災機牛柴水車])|火花|冒火|燒到(?:啲|d)?(?:窗簾|梳化|床|傢俬|屋)",
    ),
    rule(
        "fire.zh.smoke",
        "fire",
        r"濃煙|[很好]大(?:陣)?煙|煙(?:很|好)(?:大|濃)|焦味|燶味|成屋(?:都係)?煙|滿屋(?:都係)?煙|黑煙|冒(?:出)?.{0,4}煙|煙湧|煙.{0,6}(?:湧|噴|攻|衝)(?:出|入)|燒緊|燃燒",
        unless=r"燒烤|燒嘢食|食煙|吸煙|油煙|燒衣|香燭|拜神|巴士|車輛|貨車|私家車|的士|小巴|車牌|排出|排放|排氣|煮|煙囱|煙囪|二手煙|煙民|bbq",
    ),
    # --- gas leak ------------------------------------------------------------------------------------
    rule(
        "gas_leak.en",
        "gas_leak",
        r"\bgas\s+(?:leak|leaks|leaking|smell|smells|escaping)\b|\b(?:smell|smells|smelling|smelt|smelled|reeks?"
        r"|reeking"
        r"|stinks?|stinking|odou?r)\s+"
        r"(?:of\s+)?(?:\w+\s+)?gas\b|\b(?:leaking|escaping)\s+gas\b|\bgas\s+(?:is|was)\s+leaking\b"
        r"|\b(?:lpg|gas)\s+(?:cylinder|tank|pipe|bottle)s?\s+(?:is\s+|are\s+)?leaking\b|\bcarbon monoxide\b",
    ),
    rule(
        "gas_leak.zh",
        "gas_leak",
        r"(?:煤氣|石油氣|天然氣|gas)(?:.{0,3})(?:洩漏|泄漏|洩露|泄露|漏|味)|漏(?:煤氣|石油氣)"
        r"|(?:氣樽|氣罐|氣瓶|煤氣喉)(?:.{0,3})漏|一氧化碳",
    ),
    # --- drowning -----------------------------------------------------------------------------------
    rule(
        "drowning.en",
        "drowning",
        r"\bdrown(?:ing|ed|s)?\b|\bfell\s+(?:in|into)\s+(?:the\s+)?(?:sea|water|river|harbou?r|pool|swimming pool"
        r"|nullah|reservoir|lake|stream|pond)\b|\bswept\s+(?:away|out|downstream|off)\b|\bpulled\s+(?:under"
        r"|out to sea)\b"
        r"|\b(?:struggling|in trouble|went under|going under)\s+(?:in\s+)?(?:the\s+)?(?:water|sea|pool|waves)\b",
    ),
    rule(
        "drowning.zh",
        "drowning",
        r"遇溺|溺水|墮海|墜海|跌(?:咗|左|了)?(?:落|下|入)(?:咗)?(?:海|水|河|泳池|池|塘)|掉(?:進|到|落|下)(?:了)?(?:海|水|河|泳池)"
        r"|沉(?:咗|了)?落水|沖走|浸(?:死(?!火)|溺)|有人(?:跌)?落(?:咗|了)?(?:水|海)|(?:撞|衝|跌|掉|墮|跳)(?:咗|了)?(?:落|入|進)(?:海|水|河)",
    ),
    # --- trapped --------------------------------------------------------------------------------------
    rule(
        "trapped.en",
        "trapped",
        r"\b(?:trapped|stuck)\s+(?:in|inside)\s+(?:a|an|the|his|her|my|our)?\s*(?:lift|elevator)s?\b"
        r"|\b(?:lift|elevator)\b[^.!?]{0,30}\b(?:trapped|stuck)\b|\b(?:trapped|pinned|buried)\s+(?:in|inside|under"
        r"|beneath|by)\b|\b(?:is|are|was|were|got|been|get)\s+trapped\b|\bpeople\s+trapped\b"
        r"|\b(?:fell|collapsed|came down|crashed)\s+(?:on|onto)\s+(?:people|someone|somebody|a (?:man|woman|child"
        r"|kid|worker)"
        r"|him|her|them|a car|cars|the pavement|the road)\b|\b(?:people|someone|somebody|a (?:man|woman|child|kid"
        r"|worker))"
        r"\s+(?:is\s+|are\s+)?(?:under|beneath|underneath)\s+(?:it|them|the (?:rubble|debris|car|vehicle|bus|lorry"
        r"|truck|scaffold\w*|collapsed \w+|wall|rocks?|tree|building|wreck\w*))\b",
    ),
    rule(
        "trapped.en.collapse",
        "trapped",
        r"\b(?:building|house|flat|roof|ceiling|wall|scaffold\w*|bridge|structure|tower)\s+(?:\w+\s+)?"
        r"(?:is\s+|has\s+|just\s+)?(?:collaps\w*|caved in|fell down|came down)",
    ),
    rule(
        "trapped.zh",
        "trapped",
        r"困(?:咗|左|了|住)?(?:喺|在)?(?:𨋢|升降機|電梯|lift)|被困|困(?:咗|左|住)(?:喺|在)|活埋|被埋"
        r"|(?:俾|被|畀)(?:嘢|石|泥|磚|雜物|東西|塌下)?壓住",
    ),
    rule("trapped.zh.collapse", "trapped", r"倒塌|塌(?:咗|左|了|下)", unless=r"可能|會唔會|風險|危險|擔心|怕|檢查"),
    # --- medical --------------------------------------------------------------------------------------
    rule(
        "medical.en.breathing",
        "medical",
        r"\b(?:not|isn'?t|is not|stopped|stop|can'?t|cannot|cant|unable to|struggling to|difficulty|trouble|hard to"
        r"|barely|hardly)\s+breath(?:e|ing)?\b",
    ),
    rule(
        "medical.en.unconscious",
        "medical",
        r"\bunconscious\b|\bunresponsive\b|\bpass(?:ed|es|ing)?\s+out\b|\bfaint(?:ed|ing)\b|\bfeel(?:ing)?\s+faint\b"
        r"|\bblack(?:ed)?\s+out\b|\bcollaps(?:ed|es|ing|e)\b|\b(?:won'?t|can'?t|cannot|will not)\s+wake\b"
        r"(?!\s+up\s+(?:early|in time|on time|before|for|at))"
        r"|\bnot\s+waking\b|\b(?:not|isn'?t|is not)\s+(?:responding|moving|conscious)\b|\bno\s+pulse\b"
        r"|\blying\s+(?:on|in)\s+(?:the\s+)?(?:ground|floor|road|street|pavement)\b"
        r"|\bon the (?:floor|ground)\b[^.!?]{0,30}\b(?:won'?t|not|isn'?t|can'?t|doesn'?t|does not)\s+"
        r"(?:answer|respond|move|wake|breath)"
        r"|\ballergic reaction\b|\banaphyla\w*|\bthroat\s+(?:is\s+)?(?:swelling|closing)\b|\bepipen\b"
        r"|\belectrocuted\b|\belectric shock\b",
    ),
    rule(
        "medical.en.cardiac",
        "medical",
        r"\bheart attack\b|\bcardiac arrest\b|\bchest pains?\b",
        unless=LONG_TERM_CARE,
    ),
    rule(
        "medical.en.stroke",
        "medical",
        r"\b(?:having|had|has|suffer(?:ed|ing)?)\s+(?:a\s+)?stroke\b|\b(?:face|mouth)\s+(?:is\s+)?(?:drooping"
        r"|droops)\b"
        r"|\bslurred speech\b|\bslurring\b",
        unless=LONG_TERM_CARE,
    ),
    rule(
        "medical.en.seizure",
        "medical",
        r"\b(?:having|had|has|in)\s+(?:a\s+)?(?:seizure|fit|convulsion)s?\b|\bseizing\b|\bconvuls\w*|\bepileptic\b"
        r"|\bchok(?:e|es|ed|ing)\b|\bturning\s+(?:blue|purple)\b|\blips?\s+(?:are\s+|is\s+)?(?:blue|purple)\b",
    ),
    rule(
        "medical.en.overdose",
        "medical",
        r"\boverdos\w*|\bod'd\b|\b(?:took|taken|take)\s+(?:too many|a lot of|lots of|loads of|all\s+(?:of\s+)?(?:my"
        r"|the|his|her)"
        r"|a whole (?:bottle|box|pack) of|\d+)\s+"
        r"(?:\w+\s+)?(?:pills|tablets|medicine|meds|panadol|paracetamol)\b|\bswallowed\s+(?:\w+\s+){0,3}?"
        r"(?:pills|tablets|bleach|poison|detergent|batter(?:y|ies))\b|\bpoisoned\b|\bdrank\s+(?:bleach|poison"
        r"|detergent)\b",
    ),
    rule(
        "medical.en.bleeding",
        "medical",
        r"\bbleed(?:ing)?\s+(?:heavily|badly|a lot|profusely|everywhere|non-?stop)\b|\b(?:lots of|a lot of"
        r"|so much)\s+"
        r"blood\b|\bblood\s+everywhere\b|\bheavy bleeding\b|\bwon'?t stop bleeding\b"
        r"|\blosing\s+(?:a lot of\s+)?blood\b"
        r"|\bbleeding\s+(?:from|out)\b",
    ),
    rule(
        "medical.mixed",
        "medical",
        r"(?:collapse|faint|pass out|passed out|black out|blackout|overdose|(?<![a-z])od)\s*(?:咗|左|了|緊)",
    ),
    rule(
        "medical.zh.unconscious",
        "medical",
        r"暈(?:倒|低|咗|左|了|厥|過去)|昏(?:迷|倒|厥|咗|過去)|失去知覺|失去意識|(?:冇|沒有|無)意識|意識模糊|"
        r"嘴唇(?:發|變)(?:紫|藍|青|白)|冇(?:晒)?知覺|不省人事|叫.{0,4}(?:唔|不|冇)(?:醒|應)"
        r"|倒(?:在)?地|瞓(?:低)?(?:咗|左)?喺(?:地|街|路)|躺在(?:地|馬路|街|路)|唔(?:識)?郁|不會動|一動不動"
        r"|冇(?:晒)?反應|沒有反應|無反應|沒有?(?:了)?知覺|無知覺|觸電|電親|眼反白|反白眼|(?:發燒|高燒|成個人|全身|成身)抽筋",
    ),
    rule(
        "medical.zh.breathing",
        "medical",
        r"冇(?:咗)?呼吸|沒有?(?:了)?呼吸|無呼吸|停止呼吸|呼吸困難|唔夠氣|[透抖唞吸](?:唔|不)到氣|喘不過氣|不能呼吸"
        r"|唔可以呼吸|快沒氣|窒息|面色發紫|變(?:晒)?紫色|嘴唇發紫|哽(?:到|住|親|咗)|噎住",
    ),
    rule(
        "medical.zh.cardiac",
        "medical",
        r"心臟病(?:發|發作)|心臟驟停|心跳停|心口(?:好|劇)?痛|胸口(?:好|劇)?痛|胸痛|抽搐|羊吊|(?:成|全)身抽筋|口吐白沫",
        unless=LONG_TERM_CARE,
    ),
    rule(
        "medical.zh.stroke",
        "medical",
        r"中(?:咗|了)?風|半邊(?:身|面)|(?:手腳|身體|半身)?郁唔到|動不了|突然講唔到嘢|口齒不清|嘴歪|面歪",
        unless=LONG_TERM_CARE,
    ),
    rule(
        "medical.zh.overdose",
        "medical",
        r"服食過量|過量(?:藥物|服藥)|(?:食|吃|吞)(?:咗|左|了)?(?:好多|大量|成樽|一樽|成排|很多)(?:粒)?"
        r"|(?:食|吃|吞)(?:咗|左|了)?.{0,3}(?:安眠藥|毒藥|漂白水|殺蟲水)|(?:食|吃|吞)(?:咗|左|了)?(?:成|一|整)(?:板|排|樽|瓶|盒|包)"
        r"(?![^，。！？,.!?]{0,3}(?:飯|餸|麵|粉|嘢|野|雪糕|薯片|朱古力|餅|蛋糕|菜|肉|水果|糖))"
        r"|誤(?:服|吞|食|飲|喝)",
    ),
)

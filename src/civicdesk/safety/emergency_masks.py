"""Masks for the emergency rules: ordinary phrases that contain an alarming word, blanked before matching.

"fire hazard", "fire service installation", "fired by my employer", "火警鐘", "防止自殺", "熱到想死", "跳樓價":
each mask hides only its own phrase, so "a fire hazard ... and now there is a fire" still fires. Written for the
view (rules.view): lower case, Traditional Chinese with Hong Kong forms. Masks with Han characters run only on
messages with Han characters, the others only on messages with Latin letters.
"""

from __future__ import annotations

from civicdesk.safety.rule_parts import FIRE_WORD as _FIRE

EMERGENCY_MASKS: tuple[str, ...] = (
    # English: fire words that are about safety, services, jobs or barbecues.
    rf"\b{_FIRE}[\s-]*(?:hazards?|risks?|safety|exits?|escapes?|doors?|drills?|alarms?|extinguishers?|stations?"
    r"|services?|engines?|hydrants?|certificates?|insurance|prevention|codes?|regulations?|inspections?"
    r"|fighting|fighters?|brigades?|departments?|resistant|resistance|proof|places?|works|wood|fly|flies"
    r"|sprinklers?|shutters?|hoses?|reels?|installations?|equipment|detectors?|precautions?|licen[cs]es?"
    r"|access|lanes?|compartments?|ratings?|danger|dragon|ants?|pits?|trucks?|officers?|marshals?|men|man"
    r"|blankets?|retardant|alarm systems?)\b",
    r"\b(?:cease|sure|cross|camp|bon|barbecue|bbq|cooking|camping|gas)[\s-]?fires?\b",
    r"\b(?:can|may|could)\s+(?:i|we|you|people)\s+(?:\w+\s+){0,2}?(?:light|make|start|build"
    r"|have)\s+(?:a\s+)?(?:\w+\s+)?fires?\b",
    r"\bfire\s+(?:my|our|the|his|her|an?|this|that)\s+(?:\w+\s+)?(?:helper|maid|worker|workers|employee|employees"
    r"|staff|cleaner|driver|nanny|secretary|assistant|manager|tenant|contractor|agent|lawyer|domestic helper)\b",
    r"\b(?:you'?re|you are|get|got|getting|been|was|were)\s+fired\b|\bfire\s+(?:me|him|her|us|them)\b",
    r"\bchoking hazards?\b",
    r"\b(?:card|cards|money|coins?|ticket|octopus|bag|keys?|phone|application|form|payment|cash)\s+(?:is|are|was|got"
    r"|has been|gets)\s+(?:trapped|stuck)\b",
    r"\b(?:you|you'?re|you are|they|they'?re|they are|it'?s|this is)\s+(?:\w+\s+)?robbing\s+(?:me|us|people)\b"
    r"|\bdaylight robbery\b",
    r"\b(?:heart attack|stroke|drowning|suicide)\s+(?:risks?|prevention|screening|rehab\w*|statistics|awareness"
    r"|rates?|cases|incidents|figures|data|research|policy|policies|programmes?|programs?|funding|education"
    r"|training|talks?|seminars?|courses?|strategy|day|week)\b",
    r"\b(?:statistics|figures|data|cases|number)\s+(?:on|of)\s+(?:drowning|suicides?|heart attacks?|strokes?)\b",
    r"\bprevent(?:ing|ion of)?\s+(?:drowning|suicides?)\b",
    r"\b(?:died|dying|death|deaths|lost \w+|bereaved|bereavement)\s+(?:by|to|from|of)\s+suicide\b"
    r"|\bsuicide\s+(?:survivors?|bereavement|loss)\b",
    r"\bsuicide prevention\s+(?:in|for|at)\s+(?:schools?|universities|workplaces?|the elderly|young people)\b",
    r"\b(?:company|business|firm|shop|bank|market|economy|deal|talks|negotiations?|plan|project|website|site"
    r"|app|system|page|server|computer|portal|machine|atm|kiosk|hotline|line|traffic|queue|application"
    r"|government|scheme|tree|trees|wall|slope|signboard|ceiling plaster)\b[^.!?]{0,30}?"
    r"\b(?:collaps\w*|not responding|unresponsive|isn'?t responding|not moving|isn'?t moving)\b",
    r"\b(?:might|may|could|would|will)\s+(?:\w+\s+)?collapse\b",
    r"\bshooting\s+(?:range|club|licen[cs]e|sport|competition|gallery|stars?|photos?|videos?|film|location)\b",
    r"\b(?:sport|sports|clay|target|competitive)\s+shooting\b|\b(?:arms|firearms?|gun)\s+licen[cs]es?\b",
    r"\bphoto\s*shoot\w*|\bbath bombs?\b|\bbomb shelters?\b",
    r"\b(?:dying|die) to (?:know|see|try|get|hear|find)\b",
    # Negated or hypothetical harm: "no one was hurt", "冇人受傷", "萬一火燭".
    r"\b(?:no one|no-one|nobody|none of us)\s+(?:\w+\s+){0,2}(?:injured|hurt)\b|\bno\s+(?:one\s+)?injur(?:y|ies|ed)\b",
    r"\b(?:before|in case|until|or)\s+(?:someone|somebody|anyone|anybody|a child|a kid|people|an old person)\s+"
    r"(?:\w+\s+)?(?:gets?|is|are)\s+(?:hurt|injured|killed)\b"
    r"|\b(?:someone|somebody|anyone|people|a child|a kid)\s+(?:could|might|may|will|would)\s+(?:easily\s+)?"
    r"(?:get|be)\s+(?:hurt|injured|killed)\b",
    # Chinese: fire-safety words, stoves that do not light, policy about suicide, hyperbole.
    r"[點打]唔[着著]火?|[着著]唔到火|點不[着著]|打不[着著]",
    r"火災(?:危險|隱患|風險|保險|演習|預防|逃生|警報|鐘)|山火(?:危險|警告|預防|風險)|爆炸品|防火|走火通道|消防",
    r"(?:防止|預防|防範)(?:青少年|學生|長者)?自殺|自殺(?:率|數字|統計|研究|個案數字)",
    r"(?:防止|預防)遇溺|遇溺(?:統計|數字|個案|預防)|溺水(?:.{0,2})(?:統計|數字|預防)",
    r"[熱凍悶慢忙餓笑嘈攰癐曬飽等排累臭痕]{1,2}到?(?:我)?想死",
    r"(?:申請|投訴|電郵|email|回覆|覆|政府|部門|署|局|信|電話|網站|系統|app|程式|電腦).{0,8}(?:冇反應|沒有反應|無反應)",
    r"中風(?:康復|復康|預防|風險|後|服務|病人)",
    r"跳樓(?:價|貨|大減價|大平賣)",
    r"(?:冇|沒有?|無|未有|並無|並沒有)(?:任何)?(?:人(?:員)?)?(?:受(?:咗|了|到)?(?:重|嚴重)?傷|傷亡)|(?:萬一|如果|假如|一旦)(?:.{0,4})(?:火燭|失火|火警|火災)",
    r"燃燒(?:彈|瓶)|生活大爆炸|強姦(?:犯|案|罪)|(?:強姦|性侵)(?:個案|統計|案件)",
    r"(?:[熱凍悶慢忙餓笑嘈攰癐曬飽等排累臭痕肝]|做|返工)(?:到|得)(?:我)?(?:想)?(?:死|跳樓|跳軌|跳海)|(?:死|跳樓|跳軌|跳海)咁滯",
)

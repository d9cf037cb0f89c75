"""Pieces shared by the emergency rules and masks: time, accident and care vetoes, the fire word, persons."""

from __future__ import annotations

from civicdesk.safety.rules import MATCH_MARK as _AT

PAST = (
    r"\b(?:last (?:week|month|night|year|time)|yesterday|days ago|weeks ago|months ago|insurance|claim"
    r"|police report|report number|statistics|compensation|refus\w* to pay)\b"
    r"|上星期|上個?禮拜|上個?月|琴日|尋日|噚日|昨天|昨日|去年|之前|報告|報案紀錄|報案記錄|保險|索償|索取|賠償|統計|數字|記錄|紀錄"
)
# The writer asks who pays for an injury: the emergency is over (injury rules).
COMPENSATION = (
    r"\b(?:compensation|insurance|claim\w*|refus\w* to pay|sick leave|medical (?:bills?|fees|expenses))\b"
    r"|賠償|索償|保險|工傷|補償|病假|醫藥費"
)
# The writer arranges care for a stroke or heart condition: a service question (stroke and cardiac rules).
LONG_TERM_CARE = (
    r"\b(?:any ?more|no longer|waiting list|(?:care|nursing|elderly|old people'?s) homes?|rehab\w*)\b"
    r"|輪候|院舍|安老院|護老院|老人院|復康|康復"
)
# The writer says the danger is over for now: a service question (refuge, counselling), not a 999 call.
SAFE_NOW_EN = (
    r"\b(?:i'?m|i am|we'?re|we are|she'?s|she is|he'?s|he is|they'?re|they are)\s+(?:\w+\s+)?safe\s+(?:for\s+)?now\b"
)
# For `unless_nearby` (the clause of one match, MATCH_MARK on both sides of the match): an accident the writer
# reports as over (from a week or more ago, or as something that keeps happening), a near miss, or a fear of what
# could happen, and nothing in the clause says now. "上個月仲有個阿伯俾車撞到入咗醫院" in a complaint about a junction,
# "部 lift 成日困人", "差啲跌落海" about a rotten pier, "沖涼嗰陣電親過", "遲早有人跌落去浸死": service questions, not
# 999 calls. Violence, crime, gas and self-harm never use it. "之前" is left out on purpose ("十分鐘之前佢暈低咗").
_NOW = (
    r"\b(?:now|currently|help|still|today|tonight|just|again)\b|\bthis (?:morning|afternoon|evening)\b"
    r"|而家|依家|宜家|現在|目前|此刻|正在|仍然|仲係|今日|今天|今朝|今晚|頭先|啱啱|剛剛|剛才|救命|快啲|快點"
)
_WEEKS_AGO = (
    r"\blast (?:week|month|year|summer|winter|time)\b|\b(?:\d+|a few|few|two|three|four|five|several|many)"
    r" (?:weeks|months|years) ago\b|\byears ago\b|\bback in\b|\bin \d{4}\b"
    r"|上個?(?:星期|禮拜|週|周|月)|上年|去年|前年|早(?:兩|幾)年"
    r"|(?:幾|兩|三|四|五|六|七|八|九|十|半|\d+)個?(?:星期|禮拜|週|年|月)(?:前|之前)|有一?次|曾經"
)
# Yesterday is over for a fire, an entrapment or a drowning, not for a fall: "he fell yesterday and is still on the
# floor" is an emergency. Only the fire, trapped and drowning rules read it (`REPORTED_SINCE_YESTERDAY`).
_DAYS_AGO = (
    r"\b(?:yesterday|last night|the other day|(?:two|three|a few|few|\d+) days ago)\b"
    r"|琴日|尋日|噚日|昨天|昨日|昨晚|琴晚|尋晚|前日|前晚|前幾日|(?:兩|三|幾|\d+)日前"
)
_HABITUAL = (
    r"\b(?:often|frequently|regularly|keeps?|twice|(?:several|many|\d+|three|four|five) times"
    r"|every (?:day|week|month|year|time))\b"
    r"|成日|經常|時常|常常|不時|間中|好多次|幾次|(?:兩|三|四|五|六|七|八|九|十|\d+)次|每(?:次|個?月|個?星期|個?禮拜|日|朝|年)"
)
_NEAR_MISS = rf"(?:差啲|差點|差一點|險啲|險些|幾乎)[^{_AT}]{{0,4}}{_AT}|\b(?:nearly|almost)\s+(?:\w+\s+){{0,2}}{_AT}"
# A fear of the future ("遲早有人浸死", "someone could drown"), never a doubt about now ("he might be having a stroke").
_FEARED = (
    rf"(?:遲早|隨時會|驚會|怕會|擔心會|可能會|會唔會|萬一|如果|假如|一旦|以免|免得)[^{_AT}]{{0,8}}{_AT}"
    # "唔想等到有小朋友受傷先嚟處理": waiting until someone gets hurt is a fear, not an event
    rf"|(?:唔想|不想|唔好|不要|咪|唔通要|難道要)等到[^{_AT}]{{0,8}}{_AT}|等到[^{_AT}]{{0,8}}{_AT}[^{_AT}]*{_AT}(?:咗|了)?(?:先|才)"
    r"|\b(?:someone|somebody|anyone|a child|kids?|children|people|pedestrians)\s+(?:could|might|may|will|would)\s+"
    rf"(?:easily\s+)?(?:get\s+|be\s+)?{_AT}|\b(?:risk|danger|chance) of\s+{_AT}"
)


def _reported(anchors: str) -> str:
    return (
        rf"^(?!.*(?:{_NOW}))(?:(?=.*(?:{anchors}|{_HABITUAL}))|.*{_AT}[^{_AT}]*{_AT}過(?![去嚟來])"
        rf"|.*(?:{_FEARED}))|{_NEAR_MISS}"
    )


REPORTED = _reported(_WEEKS_AGO)
REPORTED_SINCE_YESTERDAY = _reported(f"{_WEEKS_AGO}|{_DAYS_AGO}")
FIRE_WORD = r"f(?:ire|ier|yre)s?"  # fire, with the common typos; also used by the masks
PERSON_EN = (
    r"(?:me|him|her|them|us|people|someone|somebody|each other|(?:his|her|my|their|our) \w+"
    r"|an? (?:man|woman|child|kid|boy|girl|person|student|passenger|driver|worker|guard|cleaner|old \w+))"
)

"""Reply templates, in English and Traditional Chinese; Simplified is derived with OpenCC (hk2s).

Numbers checked against public sources (docs/decisions/0203-safety-rules-and-replies.md):
999 (police, fire, ambulance); The Samaritans 2896 0000 (24 hours, multilingual); Samaritan Befrienders
Hong Kong 2389 2222 (24 hours); Suicide Prevention Services 2382 0000 (24 hours); the Government's
18111 Mental Health Support Hotline (24 hours, launched 27 December 2023).
"""

from __future__ import annotations

from functools import cache

from civicdesk.language import ReplyLanguage, to_simplified
from civicdesk.safety.verdict import Hotline

EMERGENCY_NUMBER = "999"

_HOTLINES: dict[str, tuple[Hotline, ...]] = {
    "en": (
        Hotline("The Samaritans (multilingual)", "2896 0000", "24 hours"),
        Hotline("Samaritan Befrienders Hong Kong", "2389 2222", "24 hours"),
        Hotline("Suicide Prevention Services", "2382 0000", "24 hours"),
        Hotline("18111 Mental Health Support Hotline", "18111", "24 hours"),
    ),
    "zh-Hant": (
        Hotline("撒瑪利亞會（多語言）", "2896 0000", "24小時"),
        Hotline("香港撒瑪利亞防止自殺會", "2389 2222", "24小時"),
        Hotline("生命熱線", "2382 0000", "24小時"),
        Hotline("18111 精神健康支援熱線", "18111", "24小時"),
    ),
}

_EMERGENCY: dict[str, dict[str, str]] = {
    "en": {
        "lead": "This sounds like an emergency. Call 999 now.",
        "fire": "Ask for the Fire Services. Get out, close doors behind you, and do not use the lift.",
        "gas_leak": "Do not switch anything on or off and do not light a flame. Open windows if it is safe, "
        "leave, and call from outside.",
        "drowning": "Throw something that floats and shout for a lifeguard. Do not go into the water "
        "unless you are trained.",
        "trapped": "If you are in a lift, press the alarm button and wait for help; do not force the doors.",
        "medical": "Ask for an ambulance and stay with the person. The operator will tell you what to do.",
        "injury": "Ask for an ambulance. Do not move a badly injured person unless they are in danger.",
        "violence": "Ask for the police. Get to a safe place if you can.",
        "crime": "Ask for the police. Get to a safe place first and do not confront anyone.",
        "self_harm_lead": "I'm sorry you are going through this. If you or someone else may be in danger now, "
        "call 999.",
        "hotlines": "You can talk to someone at any time:",
        "self_harm_end": "You do not have to face this alone.",
        "end": "This assistant cannot send help.",
    },
    "zh-Hant": {
        "lead": "這看來是緊急情況，請立即致電 999。",
        "fire": "要求消防處協助。立即離開，隨手關門，切勿使用升降機。",
        "gas_leak": "切勿開關任何電器或點火。如安全，打開窗戶，離開後在室外致電。",
        "drowning": "拋出可浮起的物件並呼叫救生員。除非受過訓練，切勿下水。",
        "trapped": "如被困升降機，請按警鐘等候救援，切勿強行打開門。",
        "medical": "要求救護車，並留在病人身邊，接線員會告訴你怎樣做。",
        "injury": "要求救護車。除非有危險，否則不要移動重傷者。",
        "violence": "要求警方協助。如可以，盡快到安全的地方。",
        "crime": "要求警方協助。先到安全的地方，切勿與人對峙。",
        "self_harm_lead": "聽到你這樣說，我很關心你。如你或其他人現在有危險，請立即致電 999。",
        "hotlines": "你可以隨時找人傾訴：",
        "self_harm_end": "你並不孤單。",
        "end": "本助理無法派員救援。",
    },
}

_BLOCKED = {
    "en": "Sorry, I can't help with that. I can help you find Hong Kong government services and information: "
    "please tell me what you need.",
    "zh-Hant": "抱歉，我無法協助這個要求。我可以幫你查找香港政府的服務和資訊，請告訴我你需要甚麼。",
}


def _source(language: ReplyLanguage) -> str:
    return "en" if language == "en" else "zh-Hant"


def _script(language: ReplyLanguage, text: str) -> str:
    return to_simplified(text) if language == "zh-Hans" else text


@cache
def hotlines(language: ReplyLanguage) -> tuple[Hotline, ...]:
    """The emotional-support hotlines, named in the reply's script."""
    return tuple(
        Hotline(_script(language, h.name), h.number, _script(language, h.hours)) for h in _HOTLINES[_source(language)]
    )


@cache
def emergency_reply(language: ReplyLanguage, category: str, self_harm: bool) -> str:
    """The emergency reply: call 999, advice for `category`, and the hotlines when `self_harm`."""
    t = _EMERGENCY[_source(language)]
    sep = " " if language == "en" else ""
    parts = [t["self_harm_lead"]] if category == "self_harm" else [t["lead"], t[category], t["end"]]
    if self_harm:
        if language == "en":
            listed = "; ".join(f"{h.name} {h.number} ({h.hours})" for h in _HOTLINES["en"]) + "."
        else:
            listed = "；".join(f"{h.name} {h.number}（{h.hours}）" for h in _HOTLINES["zh-Hant"]) + "。"
        parts += [t["hotlines"] + sep + listed, t["self_harm_end"]]
        if category == "self_harm":
            parts.append(t["end"])
    return _script(language, sep.join(parts))


@cache
def blocked_reply(language: ReplyLanguage) -> str:
    return _script(language, _BLOCKED[_source(language)])

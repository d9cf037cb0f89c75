"""What intake tells the citizen, in the script they wrote in (English, Traditional or Simplified Chinese)."""

from __future__ import annotations

from civicdesk.catalogue import to_simplified
from civicdesk.language import reply_language

_PHRASES: dict[str, tuple[str, str]] = {
    "received": (
        "Your report has been received. Your reference is {reference}. Keep it with the token to follow the case.",
        "已收到你的報告，參考編號為 {reference}。請連同查詢碼一併保存，以便查閱進度。",
    ),
    "routed": ("It has been sent to {department}.", "個案已轉交{department}。"),
    "unrouted": (
        "An officer will decide which department handles it.",
        "將由職員決定由哪個部門處理。",
    ),
    "duplicate": (
        "The same problem has already been reported ({original}) and is being handled; your report was added to it.",
        "相同問題已有人報告（{original}），現正處理中；你的報告已合併至該個案。",
    ),
    "split": (
        "It concerns {count} matters, so it was filed as {count} linked cases: {references}.",
        "內容涉及{count}項事宜，已分為{count}個相關個案：{references}。",
    ),
    "emergency": (
        "If anyone is in danger, call 999 now. This report is not an emergency call.",
        "如有人身處危險，請立即致電999。此報告並非緊急求助。",
    ),
}


def phrase(key: str, language: str, **values: object) -> str:
    script = reply_language(language) if language in ("en", "zh-Hant", "yue", "zh-Hans") else "en"
    english, chinese = _PHRASES[key]
    if script == "en":
        return english.format(**values)
    text = chinese.format(**values)
    return to_simplified(text) if script == "zh-Hans" else text

"""Markers of written Cantonese and of Standard Written Chinese (data, with the regexes built from it).

A Cantonese marker is a character or word that Standard Written Chinese (書面語) does not use:
particles (嘅 咗 㗎 喎), pronouns (佢 哋), verbs (睇 搵 攞 諗), question words (點解 邊度 乜嘢).
Characters that Standard Written Chinese also uses are listed only inside longer words
(係 but not 關係; 點解 but not 地點; 返工 but not 返回). The lists follow the Cantonese features of
`cantonesedetect` (Chaak Ming Lau), trimmed and extended for citizen messages; the benchmark in
benchmarks/language_detection.py measures them.

Markers are written in Traditional characters: text is matched as typed, and Simplified text is
decided by its script before markers are consulted (decision record 0201).
"""

from __future__ import annotations

import re

# Characters that alone mark written Cantonese.
CANTONESE_CHARS = (
    "嘅咗唔喺冇啲嘢咩哋嚟佢嗰噉咁睇攞畀諗搵揾瞓嬲攰𨋢啱嘥乜㗎喎噃啩嘞囉啫吖喐冚揸掟唞嚿餸撳㩒摷踎孭氹黐"
    "哂嚡𡃁嗱𠺢噏揈捹嘈瀡𢳂喇咪吓"
)

# Characters that are Simplified forms in Mandarin but that written Cantonese uses in Traditional text
# (唔該晒, 聽吓): they never count as Simplified evidence.
CANTONESE_SIMPLIFIED_LOOKALIKES = "晒吓"

# Words that mark written Cantonese although their characters alone do not.
CANTONESE_WORDS = (
    "係",  # filtered by CANTONESE_EXCLUDE below (關係 維係 ...)
    "點解",
    "點樣",
    "點算",
    "點搞",
    "點先",
    "點知",
    "點做",
    "點辦",
    "邊度",
    "邊個",
    "邊間",
    "邊位",
    "邊條",
    "邊處",
    "邊區",
    "而家",
    "依家",
    "琴日",
    "尋日",
    "噚日",
    "聽日",
    "有冇",
    "唔該",
    "屋企",
    "返工",
    "返學",
    "返屋企",
    "放工",
    "收工",
    "傾偈",
    "搞掂",
    "執笠",
    "細路",
    "老豆",
    "老竇",
    "靚仔",
    "靚女",
    "差佬",
    "食飯",
    "食咗",
    "食緊",
    "仲有",
    "仲係",
    "仲要",
    "仲未",
    "仲好",
    "仲想",
    "仲話",
    "呢度",
    "呢個",
    "呢啲",
    "呢排",
    "呢間",
    "呢位",
    "呢條",
    "呢張",
    "呢部",
    "呢次",
    "呢樣",
    "呢種",
    "做緊",
    "睇緊",
    "等緊",
    "講緊",
    "搵緊",
    "行緊",
    "整緊",
    "寫緊",
    "落雨",
    "幾多",
    "出面",
    "入面",
    "上年",
    "下年",
    "今朝",
    "聽朝",
    "琴晚",
    "尋晚",
    "噚晚",
    "成個",
    "同埋",
    "帶埋",
    "連埋",
    "加埋",
    "收埋",
    "埋單",
    "落緊",
    "幫手",
    "影相",
    "無晒",
    "多謝晒",
    "沿住",
    "跟住",
    "揸住",
    "攬住",
    "拎住",
    "望住",
    "呃人",
    "呃錢",
    "呃我",
    "問下",
    "問吓",
    "試吓",
    "傾下",
    "check下",
)

# Standard Written Chinese words that contain a Cantonese marker character.
CANTONESE_EXCLUDE = (
    "關係",
    "維係",
    "聯係",
    "派係",
    "係數",
    "係指",
    "吱唔",
    "咿唔",
    "喇叭",
    "喇嘛",
    "咋舌",
    "啫喱",
    "囉嗦",
    "哂笑",
    "恐吓",
    "吓唬",
    "咪錶",
    "咪高峰",
    "嘈吵",
    "嘈雜",
    "嘈音",
    "唔唔",
)

# Colloquial Mandarin words of the Mainland: they decide script-ambiguous text ("有啥好吃") for zh-Hans.
MAINLAND_WORDS = ("啥", "咱", "俺", "甭", "干嘛", "咋辦", "咋办", "咋樣", "咋样", "咋回事", "咋知道", "咋整")

# Characters and words typical of Standard Written Chinese (Mandarin grammar), for the evidence only.
STANDARD_WRITTEN = ("的", "是", "了", "在", "這", "那", "哪", "沒有", "什麼", "甚麼", "嗎", "他們", "我們", "吧")


_Trie = dict[str, "_Trie"]


def _trie_regex(words: tuple[str, ...]) -> str:
    """One regex for many literal words, factored by prefix so matching stays linear and fast.

    Longer words win over their prefixes (返屋企 over 返), so the evidence names the longer word.
    """
    trie: _Trie = {}
    for word in set(words):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: _Trie) -> str:
        ends_here = "" in node
        singles = [c for c, child in node.items() if c and child == {"": {}}]
        branches = [re.escape(c) + render(child) for c, child in sorted(node.items()) if c and child != {"": {}}]
        if singles:
            branches.append("[" + "".join(sorted(singles)) + "]" if len(singles) > 1 else singles[0])
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends_here else body

    return render(trie)


MARKER_RE = re.compile(_trie_regex(CANTONESE_WORDS + tuple(CANTONESE_CHARS)))
EXCLUDE_RE = re.compile(_trie_regex(CANTONESE_EXCLUDE))
STANDARD_RE = re.compile(_trie_regex(STANDARD_WRITTEN))
MAINLAND_RE = re.compile(_trie_regex(MAINLAND_WORDS))


def cantonese_markers(text: str, limit: int | None = None) -> list[str]:
    """The Cantonese markers in `text`, in order of appearance (repeats included), at most `limit`.

    A marker inside a Standard Written Chinese word (係 in 關係) does not count.
    """
    excluded = [m.span() for m in EXCLUDE_RE.finditer(text)]
    found: list[str] = []
    for match in MARKER_RE.finditer(text):
        start, end = match.span()
        if not any(s < end and start < e for s, e in excluded):
            found.append(match.group())
            if limit is not None and len(found) >= limit:
                break
    return found


def standard_written_markers(text: str) -> list[str]:
    """Standard Written Chinese markers in `text` (evidence only; they never outvote Cantonese markers)."""
    return STANDARD_RE.findall(text)


def mainland_markers(text: str) -> list[str]:
    """Colloquial Mainland Mandarin words in `text` (啥, 咱, 干嘛 ...)."""
    return MAINLAND_RE.findall(text)

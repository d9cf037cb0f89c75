"""Synthetic multilingual routing data: small, deterministic, and independent of the catalogue."""

from __future__ import annotations

import pytest

SYNTHETIC = {
    "passport": [
        "I want to renew my passport",
        "my passport expires next month, how to renew",
        "apply for a new passport for my child",
        "passport renewal online",
        "我想續領護照",
        "護照快到期點算",
        "我想续领护照",
        "帮小朋友申请护照",
        "點樣申請新護照",
    ],
    "rubbish": [
        "rubbish has not been collected for days",
        "the refuse bin on my street is overflowing",
        "someone dumped garbage in the back lane",
        "report illegal dumping of rubbish",
        "街上垃圾桶滿晒冇人清",
        "後巷有人亂倒垃圾",
        "垃圾好多天都没有人收",
        "有人乱倒垃圾怎么举报",
        "垃圾站好臭",
    ],
    "noise": [
        "my neighbour plays loud music at night",
        "construction noise after 11pm",
        "loud karaoke next door every night",
        "noise complaint about renovation works on sunday",
        "樓上成晚好嘈",
        "隔離地盤夜晚開工好大聲",
        "楼上装修噪音太大",
        "邻居半夜唱卡拉ok很吵",
        "夜晚裝修噪音投訴",
    ],
}
OUT_OF_SCOPE = [
    "tell me a joke",
    "best sushi restaurant for a date",
    "write me a poem about the moon",
    "講個笑話嚟聽下",
    "推荐一部好看的电影",
    "which phone should I buy",
]


def rows() -> tuple[list[str], list[str]]:
    texts = [t for examples in SYNTHETIC.values() for t in examples]
    labels = [label for label, examples in SYNTHETIC.items() for _ in examples]
    return texts, labels


@pytest.fixture(scope="session")
def synthetic() -> tuple[list[str], list[str]]:
    return rows()


@pytest.fixture(scope="session")
def synthetic_with_oos() -> tuple[list[str], list[str]]:
    texts, labels = rows()
    return texts + OUT_OF_SCOPE, labels + ["oos"] * len(OUT_OF_SCOPE)

"""Vague requests are recognised as a whole; a request with a subject is not."""

from __future__ import annotations

import pytest

from civicdesk.assistant.vague import is_vague


@pytest.mark.parametrize(
    "text",
    [
        "I want to complain",
        "Hi, I'd like to make a complaint.",  # "i'd" is one filler word, not "i" and a stray "d"
        "Can you help me please?",
        "我想投訴",
        "我要申请",
        "點算好",
        "有問題想問吓",
        "我想查詢一下",
        "張 form 唔識填",
        "點算呀而家，唔知搵邊個",
    ],
)
def test_requests_without_a_subject_are_vague(text: str) -> None:
    assert is_vague(text)


@pytest.mark.parametrize(
    "text",
    [
        "I want to complain about a blocked drain",
        "How do I renew my passport",
        "我想投訴街燈壞咗",
        "我要申请公屋",
        "hello",
        "我想投訴" + "，" * 70,
        "我唔識填綜援表格",
    ],
)
def test_requests_with_a_subject_or_without_a_request_are_not(text: str) -> None:
    assert not is_vague(text)

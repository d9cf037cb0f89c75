"""Pieces shared by the emergency rules and masks: past-time and long-ago vetoes, the fire word, persons."""

from __future__ import annotations

PAST = (
    r"\b(?:last (?:week|month|night|year|time)|yesterday|days ago|weeks ago|months ago|insurance|claim"
    r"|police report|report number|statistics|compensation|refus\w* to pay)\b"
    r"|上星期|上個?禮拜|上個?月|琴日|尋日|噚日|昨天|昨日|去年|之前|報告|報案紀錄|報案記錄|保險|索償|索取|賠償|統計|數字|記錄|紀錄"
)
# A condition that started long ago is a service question (allowances, rehabilitation), not a 999 call.
LONG_AGO = (
    r"\b(?:\d+|two|three|four|five|a few|several|many)\s+(?:years?|months?)\s+ago\b|\blast year\b|\bin \d{4}\b"
    r"|年前|個月前|去年|前年|早兩年|早幾年|以前|之前"
)
# The writer says the danger is over for now: a service question (refuge, counselling), not a 999 call.
SAFE_NOW_EN = (
    r"\b(?:i'?m|i am|we'?re|we are|she'?s|she is|he'?s|he is|they'?re|they are)\s+(?:\w+\s+)?safe\s+(?:for\s+)?now\b"
)
FIRE_WORD = r"f(?:ire|ier|yre)s?"  # fire, with the common typos; also used by the masks
PERSON_EN = (
    r"(?:me|him|her|them|us|people|someone|somebody|each other|(?:his|her|my|their|our) \w+"
    r"|an? (?:man|woman|child|kid|boy|girl|person|student|passenger|driver|worker|guard|cleaner|old \w+))"
)

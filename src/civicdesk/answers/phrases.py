"""The fixed phrases answers are built from, in the three reply scripts."""

from __future__ import annotations

from typing import Final

PHRASES: Final[dict[str, dict[str, str]]] = {
    "en": {
        "eligibility": "Who can apply",
        "how_to_apply": "How to apply",
        "fees": "Fees",
        "processing_time": "Processing time",
        "channels": "You can use it",
        "source": "Official page",
        "phone": "Enquiries",
        "by": "by",
        "clarify": "Which of these do you mean?",
        "clarify_vague": "Could you tell me a little more? For example, which of these is closest?",
        "out_of_scope": (
            "Sorry, this does not look like something a Hong Kong government service handles, so I cannot answer it."
        ),
        "general_enquiries": "For other government enquiries, call 1823",
        "separator": ", ",
    },
    "zh-Hant": {
        "eligibility": "申請資格",
        "how_to_apply": "申請方法",
        "fees": "費用",
        "processing_time": "處理時間",
        "channels": "服務途徑",
        "source": "官方網頁",
        "phone": "查詢電話",
        "by": "負責部門：",
        "clarify": "請問你想查詢以下哪一項？",
        "clarify_vague": "可以多講少少嗎？例如以下哪一項最接近？",
        "out_of_scope": "抱歉，這看來不屬於香港政府服務的範圍，我未能回答。",
        "general_enquiries": "其他政府查詢，請致電 1823",
        "separator": "、",
    },
    "zh-Hans": {
        "eligibility": "申请资格",
        "how_to_apply": "申请方法",
        "fees": "费用",
        "processing_time": "处理时间",
        "channels": "服务途径",
        "source": "官方网页",
        "phone": "查询电话",
        "by": "负责部门：",
        "clarify": "请问你想查询以下哪一项？",
        "clarify_vague": "可以再具体说明一下吗？例如以下哪一项最接近？",
        "out_of_scope": "抱歉，这看来不属于香港政府服务的范围，我未能回答。",
        "general_enquiries": "其他政府查询，请致电 1823",
        "separator": "、",
    },
}

CHANNELS: Final[dict[str, dict[str, str]]] = {
    "en": {
        "online": "online",
        "phone": "by phone",
        "in_person": "in person",
        "app": "through the app",
        "mail": "by post",
        "email": "by email",
    },
    "zh-Hant": {
        "online": "網上",
        "phone": "電話",
        "in_person": "親身",
        "app": "手機應用程式",
        "mail": "郵寄",
        "email": "電郵",
    },
    "zh-Hans": {
        "online": "网上",
        "phone": "电话",
        "in_person": "亲身",
        "app": "手机应用程序",
        "mail": "邮寄",
        "email": "电邮",
    },
}

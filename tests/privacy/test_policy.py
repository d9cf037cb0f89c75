"""The policy: stored text redacted, analytics pseudonymised, logs clean, HKID and name never shown together."""

from __future__ import annotations

import logging

import pytest

from civicdesk.privacy import Analyzer, PrivacyPolicy, install_log_redaction


def test_storage_and_analytics(analyzer: Analyzer) -> None:
    policy = PrivacyPolicy(analyzer)
    assert policy.for_storage("我叫陳大文，電話9123 4567").text == "我叫[PERSON]，電話[PHONE]"
    assert policy.for_analytics("電話9123 4567").text.startswith("電話[PHONE:")


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("申請人陳大文，身份證A123456(3)", "申請人陳大文，身份證A123***(*)"),
        ("身份證A123456(3)", "身份證A123456(3)"),  # no name beside it
        ("陳大文先生已到", "陳大文先生已到"),
    ],
)
def test_hkid_and_name_are_never_displayed_together(analyzer: Analyzer, text: str, shown: str) -> None:
    assert PrivacyPolicy(analyzer).for_display(text) == shown


def test_log_records_are_redacted(analyzer: Analyzer, caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("civicdesk.test.privacy")
    with caplog.at_level(logging.INFO, logger="civicdesk.test.privacy"):
        log_filter = install_log_redaction(analyzer, logging.getLogger())
        caplog.handler.addFilter(log_filter)
        try:
            logger.info("citizen %s called from %s", "陳大文", "9123 4567", extra={"note": "HKID A123456(3)"})
        finally:
            caplog.handler.removeFilter(log_filter)
            for handler in logging.getLogger().handlers:
                handler.removeFilter(log_filter)
    record = caplog.records[-1]
    assert record.getMessage() == "citizen [PERSON] called from [PHONE]"
    assert record.note == "HKID [HKID]"  # type: ignore[attr-defined]
    assert "9123" not in caplog.text and "A123456" not in caplog.text

"""Redact, mask, pseudonymise and encrypt."""

from __future__ import annotations

import pytest

from civicdesk.privacy import Analyzer, KeyRing, MissingKeyError, UnknownOperatorError, generate_key, reveal
from civicdesk.privacy.operators import Pseudonymise

TEXT = "我叫陳大文，身份證A123456(3)，電話+852 9123 4567，email chan@example.com，卡4111 1111 1111 1111"


def test_redact_uses_typed_placeholders(analyzer: Analyzer) -> None:
    result = analyzer.redact(TEXT)
    assert result.text == "我叫[PERSON]，身份證[HKID]，電話[PHONE]，email [EMAIL]，卡[CREDIT_CARD]"
    assert result.replacements == ["[PERSON]", "[HKID]", "[PHONE]", "[EMAIL]", "[CREDIT_CARD]"]
    assert [f.text for f in result.findings][1] == "A123456(3)"  # offsets and values refer to the original


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("HKID A123456(3)", "HKID A123***(*)"),
        ("HKID CA182361(1)", "HKID CA182***(*)"),
        ("電話+852 9123 4567", "電話+852 **** 4567"),
        ("mail chan@example.com", "mail c***@example.com"),
        ("card 4111 1111 1111 1111", "card **** **** **** 1111"),
        ("我叫陳大文", "我叫陳**"),
        ("DOB: 15/03/1985", "DOB: **/**/1985"),
    ],
)
def test_mask(analyzer: Analyzer, text: str, masked: str) -> None:
    assert analyzer.redact(text, "mask").text == masked


def test_pseudonyms_are_stable_per_value_and_differ_between_values(analyzer: Analyzer) -> None:
    first = analyzer.redact("HKID A123456(3) and a123456 (3)", "pseudonymise").replacements
    assert first[0] == first[1]  # two spellings of one number
    assert first[0].startswith("[HKID:") and len(first[0]) == len("[HKID:]") + 12
    other = analyzer.redact("HKID CA182361(1)", "pseudonymise").replacements
    assert other[0] != first[0]
    phones = analyzer.redact("電話91234567，或者+852 9123 4567", "pseudonymise").replacements
    assert phones[0] == phones[1]


def test_pseudonyms_depend_on_the_key() -> None:
    a, b = Pseudonymise(b"key one"), Pseudonymise(b"key two")
    assert a.token("PERSON", "陳大文") == a.token("PERSON", "陈大文")  # script does not matter
    assert a.token("PERSON", "陳大文") != b.token("PERSON", "陳大文")


def test_encrypt_round_trips_with_the_key_ring(analyzer: Analyzer) -> None:
    encrypted = analyzer.redact(TEXT, "encrypt").text
    assert "A123456" not in encrypted and "[HKID:enc:cdenc1:" in encrypted
    assert analyzer.keyring is not None
    assert reveal(encrypted, analyzer.keyring) == TEXT


def test_operators_needing_keys_say_which_setting_is_missing() -> None:
    bare = Analyzer()
    with pytest.raises(MissingKeyError, match="CIVICDESK_PSEUDONYM_KEY") as raised:
        bare.redact("x", "pseudonymise")
    assert raised.value.code == "E433"
    with pytest.raises(MissingKeyError, match="CIVICDESK_ENCRYPTION_KEYS"):
        Analyzer(pseudonym_key=b"k").redact("x", "encrypt")


def test_an_unknown_operator_is_refused(analyzer: Analyzer) -> None:
    with pytest.raises(UnknownOperatorError) as raised:
        analyzer.redact("x", "shred")
    assert raised.value.code == "E432"


def test_reveal_with_another_key_ring_fails(analyzer: Analyzer) -> None:
    encrypted = analyzer.redact("HKID A123456(3)", "encrypt").text
    with pytest.raises(Exception, match="E435"):
        reveal(encrypted, KeyRing.from_string(generate_key()))

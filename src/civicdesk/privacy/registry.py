"""The registry of recognizers: the built-in classes, the bundled YAML file and an optional operator YAML file."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from civicdesk.privacy.errors import RecognizerConfigError
from civicdesk.privacy.recognizers.address_en import EnglishAddressRecognizer
from civicdesk.privacy.recognizers.address_zh import ChineseAddressRecognizer
from civicdesk.privacy.recognizers.bank_account import BankAccountRecognizer
from civicdesk.privacy.recognizers.base import Recognizer
from civicdesk.privacy.recognizers.chinese_name import ChineseNameRecognizer
from civicdesk.privacy.recognizers.cn_resident_id import CnResidentIdRecognizer
from civicdesk.privacy.recognizers.credit_card import CreditCardRecognizer
from civicdesk.privacy.recognizers.date_of_birth import DateOfBirthRecognizer
from civicdesk.privacy.recognizers.email import EmailRecognizer
from civicdesk.privacy.recognizers.english_name import EnglishNameRecognizer
from civicdesk.privacy.recognizers.hkid import HkidRecognizer
from civicdesk.privacy.recognizers.ip_address import IpAddressRecognizer
from civicdesk.privacy.recognizers.passport import PassportRecognizer
from civicdesk.privacy.recognizers.phone import PhoneRecognizer
from civicdesk.privacy.recognizers.yaml_recognizers import builtin_yaml, load_yaml_file, load_yaml_recognizers

# Order matters only for ties (same score, same length): the earlier recognizer wins.
BUILTIN_RECOGNIZERS: tuple[type[Recognizer], ...] = (
    HkidRecognizer,
    CnResidentIdRecognizer,
    CreditCardRecognizer,
    EmailRecognizer,
    IpAddressRecognizer,
    PhoneRecognizer,
    PassportRecognizer,
    BankAccountRecognizer,
    DateOfBirthRecognizer,
    ChineseAddressRecognizer,
    EnglishAddressRecognizer,
    ChineseNameRecognizer,
    EnglishNameRecognizer,
)


class RecognizerRegistry:
    """An ordered set of recognizer instances, unique by name."""

    def __init__(self, recognizers: Iterable[Recognizer] = ()) -> None:
        self._recognizers: dict[str, Recognizer] = {}
        for recognizer in recognizers:
            self.add(recognizer)

    @classmethod
    def default(cls, extra_yaml: Path | None = None) -> RecognizerRegistry:
        """Built-in recognizers, the bundled YAML ones, then those in `extra_yaml` (if given)."""
        registry = cls(r() for r in BUILTIN_RECOGNIZERS)
        for yaml_class in load_yaml_recognizers(builtin_yaml(), "recognizers.yaml"):
            registry.add(yaml_class())
        if extra_yaml is not None:
            for yaml_class in load_yaml_file(extra_yaml):
                registry.add(yaml_class())
        return registry

    def add(self, recognizer: Recognizer) -> None:
        if recognizer.name in self._recognizers:
            raise RecognizerConfigError(f"a recognizer named {recognizer.name!r} is already registered; rename it")
        self._recognizers[recognizer.name] = recognizer

    def remove(self, name: str) -> None:
        if self._recognizers.pop(name, None) is None:
            raise RecognizerConfigError(f"no recognizer named {name!r}; known: {', '.join(self.names)}")

    @property
    def names(self) -> list[str]:
        return list(self._recognizers)

    @property
    def entities(self) -> list[str]:
        return sorted({r.entity for r in self._recognizers.values()})

    def __iter__(self) -> Iterator[Recognizer]:
        return iter(self._recognizers.values())

    def __len__(self) -> int:
        return len(self._recognizers)

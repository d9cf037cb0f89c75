"""Contact details: checked on intake, stored only as AES-GCM ciphertext from the privacy key ring.

The cipher is a small protocol (`encrypt(str) -> str`, `decrypt(str) -> str`) so that the privacy module's key
ring, with its key ids and rotation, is used as is. Each time an officer reads the details an event is logged.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Protocol

import phonenumbers
from sqlalchemy.orm import Session

from civicdesk.cases.errors import encryption_unavailable, invalid_contact
from civicdesk.cases.history import record_event
from civicdesk.cases.model import Contact
from civicdesk.store.tables import CaseRow

_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")


class CipherLike(Protocol):
    def encrypt(self, plaintext: str) -> str: ...
    def decrypt(self, ciphertext: str) -> str: ...


def check_contact(contact: Contact) -> Contact:
    """Trimmed, validated contact details (E604 names the field that is wrong)."""
    name = (contact.name or "").strip() or None
    phone = (contact.phone or "").strip() or None
    email = (contact.email or "").strip() or None
    if name is not None and len(name) > 100:
        raise invalid_contact("name", "at most 100 characters")
    if phone is not None:
        try:
            parsed = phonenumbers.parse(phone, "HK")
        except phonenumbers.NumberParseException:
            raise invalid_contact("phone", "write a Hong Kong number (8 digits) or +country code and number") from None
        if not phonenumbers.is_valid_number(parsed):
            raise invalid_contact("phone", "this is not a valid phone number")
        phone = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    if email is not None and (len(email) > 254 or not _EMAIL.match(email)):
        raise invalid_contact("email", "write it as name@example.com")
    return Contact(name=name, phone=phone, email=email)


def seal(contact: Contact, cipher: CipherLike | None) -> str | None:
    if contact.is_empty():
        return None
    if cipher is None:
        raise encryption_unavailable()
    return cipher.encrypt(json.dumps(contact.to_dict(), ensure_ascii=False, sort_keys=True))


def reveal_contact(session: Session, case: CaseRow, cipher: CipherLike, actor: str, now: datetime) -> Contact | None:
    """Decrypt a case's contact details and log who saw them (a non-public history event)."""
    if case.contact_encrypted is None:
        return None
    data = json.loads(cipher.decrypt(case.contact_encrypted))
    record_event(session, case, "contact_viewed", actor, now, case.status, public=False)
    return Contact(name=data.get("name"), phone=data.get("phone"), email=data.get("email"))


CONTACT_ASSOCIATED_DATA = "cases.contact_encrypted"


class KeyRingLike(Protocol):
    def encrypt(self, plaintext: str, associated_data: str = "") -> str: ...
    def decrypt(self, token: str, associated_data: str = "") -> str: ...


class ContactCipher:
    """The privacy key ring bound to the contact column: a ciphertext moved to another field does not decrypt."""

    def __init__(self, keyring: KeyRingLike, associated_data: str = CONTACT_ASSOCIATED_DATA) -> None:
        self.keyring = keyring
        self.associated_data = associated_data

    def encrypt(self, plaintext: str) -> str:
        return self.keyring.encrypt(plaintext, self.associated_data)

    def decrypt(self, ciphertext: str) -> str:
        return self.keyring.decrypt(ciphertext, self.associated_data)

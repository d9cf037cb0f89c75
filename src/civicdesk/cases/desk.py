"""The case desk: one object that takes a submission from any channel to committed cases.

check the request → (Idempotency-Key seen? answer as before) → triage (outside the transaction: models are
slow, locks should not be) → one transaction: cases, history, links and the idempotency record.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.exc import IntegrityError

from civicdesk.cases.contact import CipherLike
from civicdesk.cases.errors import idempotency_in_flight
from civicdesk.cases.idempotency import check_key, forget_old, remember, request_hash, stored_answer
from civicdesk.cases.intake import check_request, file_cases
from civicdesk.cases.model import CaseRequest
from civicdesk.cases.policy import Policy
from civicdesk.cases.queries import find_for_citizen
from civicdesk.cases.tracking import public_view
from civicdesk.cases.triage import Triage
from civicdesk.catalogue import Catalogue
from civicdesk.store import Database


@dataclass(frozen=True)
class Submission:
    status_code: int
    body: dict[str, Any]
    replayed: bool = False


class CaseDesk:
    def __init__(
        self,
        database: Database,
        catalogue: Catalogue,
        triage: Triage,
        policy: Policy | None = None,
        cipher: CipherLike | None = None,
    ) -> None:
        self.database = database
        self.catalogue = catalogue
        self.triage = triage
        self.policy = policy or Policy()
        self.cipher = cipher

    def submit(
        self,
        request: CaseRequest,
        *,
        idempotency_key: str | None = None,
        scope: str = "api",
        now: datetime | None = None,
    ) -> Submission:
        now = now or datetime.now(UTC)
        request = check_request(request)
        digest = request_hash(request.fingerprint())
        if idempotency_key is not None:
            check_key(idempotency_key)
        try:
            with self.database.session() as session:
                if idempotency_key is not None:
                    stored = stored_answer(session, scope, idempotency_key, digest)
                    if stored is not None:
                        return Submission(stored[0], stored[1], replayed=True)
                # Triage holds no lock: the transaction has only read the idempotency key so far.
                assessment = self.triage.assess(request.text, request.preferred_language)
                result = file_cases(session, request, assessment, self.catalogue, self.policy, self.cipher, now)
                body = result.to_dict()
                if idempotency_key is not None:
                    remember(session, scope, idempotency_key, digest, 201, body, now)
                    if random.random() < 0.01:  # housekeeping, not security
                        forget_old(session, now)
                    session.flush()
        except IntegrityError:
            if idempotency_key is None:
                raise
            with self.database.session() as session:
                stored = stored_answer(session, scope, idempotency_key, digest)
            if stored is None:
                raise idempotency_in_flight() from None
            return Submission(stored[0], stored[1], replayed=True)
        return Submission(201, body)

    def track(self, reference: str, token: str, language: str = "en", now: datetime | None = None) -> dict[str, Any]:
        """The citizen's view of a case (E610 when the reference or the token is wrong)."""
        with self.database.session() as session:
            row = find_for_citizen(session, reference, token)
            return public_view(session, row, self.catalogue, now or datetime.now(UTC), language)

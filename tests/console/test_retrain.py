"""`civicdesk train --from-corrections`: corrections made in the console teach the router, measured on held-out
corrections (BM25 keeps the two trainings to seconds; the default kind goes through the same code)."""

from __future__ import annotations

import io
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from civicdesk.cases import CaseDesk, CaseRequest, Policy, Triage, get_case
from civicdesk.catalogue import load_catalogue
from civicdesk.cli import main
from civicdesk.console import reroute_case
from civicdesk.console.retrain import split_corrections
from civicdesk.staff import create_user
from civicdesk.store import Database, upgrade
from tests.cases.fakes import FakeCipher, FakeRedactor, FakeRouter, fake_safety

# Officers keep re-routing "zorblax" (a local name for the lamp posts) from FEHD to the street-light service.
TEXTS = [f"Rubbish: the zorblax by block {i} on Castle Peak Road is dark every night" for i in range(14)]


def test_split_keeps_a_share_of_every_label_apart() -> None:
    rows = [(f"a{i}", "x") for i in range(10)] + [(f"b{i}", "y") for i in range(3)] + [("c", "z")]
    train, held = split_corrections(rows, 0.3, seed=1)
    assert sorted(train + held) == sorted(rows) and not set(train) & set(held)
    assert sorted(label for _, label in held) == ["x", "x", "x", "y"]
    assert split_corrections(rows, 0.3, seed=1) == (train, held)
    assert split_corrections(rows, 0.0)[1] == []


def test_train_from_corrections_shows_the_gain_on_held_out_corrections(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CIVICDESK_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("CIVICDESK_DATABASE_URL", raising=False)
    url = f"sqlite:///{(tmp_path / 'civicdesk.db').resolve()}"
    upgrade(url)
    database = Database(url)
    catalogue = load_catalogue()
    desk = CaseDesk(database, catalogue, Triage(FakeRouter(), FakeRedactor(), fake_safety), Policy(), FakeCipher())
    now = datetime.now(UTC)
    with database.session() as session:
        officer = create_user(session, "chan", "", "correct horse battery", "officer", ["FEHD"])
    for text in TEXTS:
        reference = desk.submit(CaseRequest(text=text, channel="api"), now=now).body["reference"]
        with database.session() as session:
            version = get_case(session, reference, now).summary.version
            reroute_case(
                session,
                officer,
                reference,
                version,
                now,
                reason="a street light",
                catalogue=catalogue,
                policy=Policy(),
                service="hyd-street-light-fault-report",
            )
    database.dispose()

    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    out = tmp_path / "router-corrected"
    assert main(["train", "--from-corrections", "--model", "bm25", "--out", str(out), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["corrections"], report["trained_on"], report["held_out"]) == (14, 10, 4)
    assert report["before"]["in_scope"]["accuracy"] < report["after"]["in_scope"]["accuracy"] == 1.0
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    assert meta["training_data"]["corrections"] == 10
    assert meta["metrics"]["held_out_corrections"]["n"] == 4

    assert main(["train", "--from-corrections", "--model", "bm25", "--out", str(out)]) == 0
    text = capsys.readouterr().out
    assert "evaluation on the 4 held-out corrections" in text and "before" in text and "after" in text

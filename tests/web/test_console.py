"""The officer console through the app: sign-in and security, roles, queues, the case view, contact details and
their log, re-routing with corrections, optimistic locking, reply and close, and the dashboard — SQLite and
PostgreSQL."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from civicdesk.store.tables import CaseRow, ContactViewRow, LoginAttemptRow, RoutingCorrectionRow
from tests.web.console_support import CONTACT, PASSWORD, Console, Staff, console_app

STREET = "Rubbish has piled up outside the market on Tai Po Road"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def console(
    request: pytest.FixtureRequest, shared_data_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Console]:
    yield from console_app(request.param, shared_data_dir, tmp_path_factory.mktemp("console"))


@pytest.fixture(scope="module")
def fehd(console: Console) -> Staff:
    return console.sign_in("fehd")


@pytest.fixture(scope="module")
def hyd(console: Console) -> Staff:
    return console.sign_in("hyd")


@pytest.fixture(scope="module")
def coord(console: Console) -> Staff:
    return console.sign_in("coord")


@pytest.fixture(scope="module")
def admin(console: Console) -> Staff:
    return console.sign_in("admin")


def _case(staff: Staff, reference: str) -> dict[str, Any]:
    answer = staff.client.get(f"/staff/api/cases/{reference}")
    assert answer.status_code == 200, answer.text
    data: dict[str, Any] = answer.json()
    return data


def _accessible(html: str, lang: str = "en") -> None:
    assert re.search(r'<html lang="[A-Za-z-]+">', html)
    assert 'class="skip-link" href="#main"' in html and 'id="main"' in html
    for control in re.findall(r"<(?:input|textarea|select)\b[^>]*>", html):
        if 'type="hidden"' in control:
            continue
        found = re.search(r'id="([^"]+)"', control)
        assert found, f"form control without id: {control}"
        assert f'for="{found.group(1)}"' in html, f"no label for {found.group(1)}"


# -- sign-in and security ---------------------------------------------------------------------------------------


def test_sign_in_with_the_form_then_sign_out(console: Console) -> None:
    browser = console.client("10.2.0.1")
    gate = browser.get("/staff/queue/FEHD", follow_redirects=False)
    assert gate.status_code == 303 and gate.headers["location"] == "/staff/login?next=%2Fstaff%2Fqueue%2FFEHD"
    form = browser.get(gate.headers["location"], params={"lang": "en"})
    assert form.status_code == 200 and form.headers["cache-control"] == "no-store"
    _accessible(form.text)
    token = re.search(r'name="csrf_token" value="([^"]+)"', form.text)
    assert token
    answer = browser.post(
        "/staff/login",
        data={"username": "FEHD", "password": PASSWORD, "csrf_token": token.group(1), "next": "/staff/queue/FEHD"},
        follow_redirects=False,
    )
    assert answer.status_code == 303 and answer.headers["location"] == "/staff/queue/FEHD"
    cookie = next(c for c in answer.headers.get_list("set-cookie") if c.startswith("civicdesk_staff="))
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Path=/staff" in cookie
    assert "Secure" not in cookie  # plain http in the test environment
    queue = browser.get("/staff/queue/FEHD")
    assert queue.status_code == 200 and "FEHD" in queue.text and "X-Frame-Options".lower() in queue.headers
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', queue.text)
    assert csrf
    out = browser.post("/staff/logout", data={"csrf_token": csrf.group(1)}, follow_redirects=False)
    assert out.status_code == 303 and out.headers["location"] == "/staff/login"
    assert browser.get("/staff/api/session").status_code == 401


def test_the_session_cookie_is_secure_over_https(console: Console) -> None:
    browser = console.client("10.2.0.2", https=True)
    answer = browser.post("/staff/api/login", json={"username": "coord", "password": PASSWORD})
    assert answer.status_code == 200
    cookie = answer.headers["set-cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie


def test_a_wrong_password_is_refused_without_saying_which_part_was_wrong(console: Console) -> None:
    browser = console.client("10.2.0.3")
    wrong = browser.post("/staff/api/login", json={"username": "fehd", "password": "not the password"})
    unknown = browser.post("/staff/api/login", json={"username": "nobody", "password": PASSWORD})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json()["error"]["code"] == unknown.json()["error"]["code"] == "E565"
    assert wrong.json()["error"]["message"] == unknown.json()["error"]["message"]
    assert "set-cookie" not in wrong.headers
    page = browser.get("/staff/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token
    form = browser.post("/staff/login", data={"username": "fehd", "password": "nope", "csrf_token": token.group(1)})
    assert form.status_code == 401 and "not correct" in form.text


def test_sign_in_is_rate_limited_per_username(console: Console) -> None:
    with console.desk.database.session() as session:
        from civicdesk.staff import create_user

        create_user(session, "target", "", PASSWORD, "officer", ["TD"])
    for attempt in range(5):
        ip = f"10.3.0.{attempt}"  # many addresses: only the username limit applies
        answer = console.client(ip).post(
            "/staff/api/login", json={"username": "target", "password": f"guess {attempt}"}
        )
        assert answer.status_code == 401
    limited = console.client("10.3.1.1").post("/staff/api/login", json={"username": "target", "password": PASSWORD})
    assert limited.status_code == 429 and limited.json()["error"]["code"] == "E566"
    assert 800 < int(limited.headers["retry-after"]) <= 900
    page = console.client("10.3.1.2")
    form = page.get("/staff/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', form.text)
    assert token
    html = page.post("/staff/login", data={"username": "target", "password": PASSWORD, "csrf_token": token.group(1)})
    assert html.status_code == 429 and "Too many failed sign-in attempts" in html.text
    with console.desk.database.session() as session:
        failures = session.scalars(select(LoginAttemptRow).where(LoginAttemptRow.username == "target")).all()
    assert len(failures) == 5 and not any(f.succeeded for f in failures)


def test_forms_without_the_csrf_token_are_refused(console: Console, fehd: Staff) -> None:
    reference = console.file(STREET + " (csrf)")["reference"]
    version = _case(fehd, reference)["version"]
    bare = fehd.client.post(
        f"/staff/cases/{reference}/transition", data={"action": "start", "expected_version": version}
    )
    assert bare.status_code == 403 and "security token" in bare.text
    other = console.sign_in("fehd2")
    forged = fehd.client.post(
        f"/staff/api/cases/{reference}/transition",
        json={"action": "comment", "expected_version": version, "note": "x"},
        headers={"X-CSRF-Token": other.csrf},
    )
    assert forged.status_code == 403 and forged.json()["error"]["code"] == "E569"
    assert fehd.client.post("/staff/logout").status_code == 403
    login = console.client("10.2.0.9").post("/staff/login", data={"username": "fehd", "password": PASSWORD})
    assert login.status_code == 403
    assert _case(fehd, reference)["version"] == version


# -- roles --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "path", "status"),
    [
        ("hyd", "/staff/api/queue/FEHD", 403),
        ("hyd", "/staff/api/queue/HyD", 200),
        ("fehd", "/staff/api/coordination", 403),
        ("coord", "/staff/api/coordination", 200),
        ("coord", "/staff/api/queue/HyD", 200),
        ("fehd", "/staff/api/users", 403),
        ("admin", "/staff/api/users", 200),
        ("admin", "/staff/api/queue/FEHD", 403),
        ("admin", "/staff/api/dashboard", 403),
        ("fehd", "/staff/api/dashboard", 200),
        ("fehd", "/staff/api/contact-log", 403),
        ("admin", "/staff/api/contact-log", 200),
        ("fehd", "/staff/api/queue/NOPE", 404),
    ],
)
def test_every_route_checks_the_role(console: Console, who: str, path: str, status: int) -> None:
    staff = console.sign_in(who)
    answer = staff.client.get(path)
    assert answer.status_code == status, answer.text
    if status == 403:
        assert answer.json()["error"]["code"] == "E568"
        page = staff.client.get(path.replace("/staff/api/", "/staff/"), headers={"Accept": "text/html"})
        assert page.status_code == 403 and "You do not have access to this" in page.text


def test_an_officer_of_another_department_cannot_see_or_change_a_case(console: Console, hyd: Staff) -> None:
    reference = console.file(STREET + " (other department)", contact=CONTACT)["reference"]
    assert hyd.client.get(f"/staff/api/cases/{reference}").status_code == 403
    assert hyd.client.get(f"/staff/cases/{reference}").status_code == 403
    moved = hyd.api(
        f"/staff/api/cases/{reference}/reroute", {"expected_version": 1, "reason": "mine", "department": "HyD"}
    )
    assert moved.status_code == 403
    assert hyd.api(f"/staff/api/cases/{reference}/contact").status_code == 403


# -- queue and case view ------------------------------------------------------------------------------------------


def test_the_queue_is_sorted_by_priority_then_deadline(console: Console, fehd: Staff) -> None:
    old = console.file("Rats near the wet market again", age=timedelta(days=20))["reference"]
    new = console.file("Rubbish bags left on the pavement all week", age=timedelta(hours=2))["reference"]
    urgent = console.file("A man collapsed beside the rubbish bins", age=timedelta(hours=1))
    assert urgent["priority"] == "high"
    rows = fehd.client.get("/staff/api/queue/FEHD").json()
    order = [c["reference"] for c in rows["cases"]]
    assert order.index(urgent["reference"]) < order.index(old) < order.index(new)
    keys = [({"high": 1, "normal": 2, "low": 3}[c["priority"]], c["due_at"] or "9") for c in rows["cases"]]
    assert keys == sorted(keys)
    assert rows["open"] >= 3 and rows["overdue"] >= 1
    assert next(c for c in rows["cases"] if c["reference"] == old)["overdue"] is True
    html = fehd.client.get("/staff/queue/FEHD", params={"lang": "en"}).text
    _accessible(html)
    assert html.index(urgent["reference"]) < html.index(old) < html.index(new)


def test_the_case_view_shows_explanation_redacted_text_and_history(console: Console, fehd: Staff) -> None:
    reference = console.file("Rubbish everywhere, call me on 9123 4567", contact=CONTACT)["reference"]
    data = _case(fehd, reference)
    assert data["department"] == "FEHD" and "[PHONE]" in str(data["description"])
    assert "9123 4567" not in str(data) and "Chan Tai Man" not in str(data)
    assert data["explanation"] and data["history"] and data["permissions"] == {"update": True, "contact": True}
    html = fehd.client.get(f"/staff/cases/{reference}", params={"lang": "en"}).text
    _accessible(html)
    assert "[PHONE]" in html and "Why it was routed here" in html and "History" in html
    assert "Chan Tai Man" not in html and "Show contact details" in html


def test_contact_details_are_shown_only_to_allowed_roles_and_each_view_is_logged(
    console: Console, fehd: Staff, coord: Staff, admin: Staff
) -> None:
    reference = console.file(STREET + " (contact)", contact=CONTACT)["reference"]
    shown = fehd.api(f"/staff/api/cases/{reference}/contact").json()
    assert shown["contact"] == {"name": "Chan Tai Man", "phone": "+85291234567", "email": "chan@example.com"}
    page = fehd.form(f"/staff/cases/{reference}/contact")
    assert page.status_code == 200 and "+85291234567" in page.text and "has been logged" in page.text
    assert coord.api(f"/staff/api/cases/{reference}/contact").status_code == 200
    assert admin.api(f"/staff/api/cases/{reference}/contact").status_code == 403
    with console.desk.database.session() as session:
        views = session.scalars(select(ContactViewRow).where(ContactViewRow.case_reference == reference)).all()
    assert sorted(v.username for v in views) == ["coord", "fehd", "fehd"]
    log = admin.client.get("/staff/api/contact-log", params={"case": reference}).json()
    assert log["count"] == 3 and {v["username"] for v in log["views"]} == {"fehd", "coord"}
    history = _case(fehd, reference)["history"]
    assert sum(1 for e in history if e["action"] == "contact_viewed") == 3


# -- actions ------------------------------------------------------------------------------------------------------


def test_re_route_stores_a_correction_against_the_original_decision(console: Console, fehd: Staff, hyd: Staff) -> None:
    reference = console.file("Rubbish bins block the road sign at the corner")["reference"]
    before = _case(fehd, reference)
    moved = fehd.form(
        f"/staff/cases/{reference}/reroute",
        {"expected_version": before["version"], "service": "hyd-street-light-fault-report", "reason": "a lamp"},
    )
    assert moved.status_code == 303 and moved.headers["location"].startswith("/staff/queue/FEHD?notice=rerouted")
    assert reference in fehd.client.get(moved.headers["location"]).text
    after = _case(hyd, reference)
    assert after["department"] == "HyD" and after["service"] == "hyd-street-light-fault-report"
    assert after["history"][-1]["action"] == "transfer" and after["history"][-1]["actor"] == "staff:fehd"
    with console.desk.database.session() as session:
        case_id = session.scalar(select(CaseRow.id).where(CaseRow.reference == reference))
        correction = session.scalars(select(RoutingCorrectionRow).where(RoutingCorrectionRow.case_id == case_id)).one()
    assert correction.original_service_id == before["service"] == "fehd-street-cleanliness-refuse-complaint"
    assert correction.to_service_id == "hyd-street-light-fault-report" and correction.reason == "a lamp"
    assert correction.actor == "staff:fehd" and correction.original_model_version == "fake-1"
    assert fehd.client.get(f"/staff/api/cases/{reference}").status_code == 403


def test_two_officers_updating_one_case_the_second_gets_a_conflict(console: Console, fehd: Staff) -> None:
    other = console.sign_in("fehd2")
    reference = console.file(STREET + " (conflict)")["reference"]
    seen = _case(fehd, reference)["version"]
    first = fehd.api(
        f"/staff/api/cases/{reference}/transition", {"action": "assign", "expected_version": seen, "assignee": "fehd"}
    )
    assert first.status_code == 200 and first.json()["assigned_to"] == "fehd"
    second = other.api(
        f"/staff/api/cases/{reference}/transition", {"action": "assign", "expected_version": seen, "assignee": "fehd2"}
    )
    assert second.status_code == 409 and second.json()["error"]["code"] == "E611"
    page = other.form(
        f"/staff/cases/{reference}/reply", {"expected_version": seen, "message": "My careful reply to the citizen"}
    )
    assert page.status_code == 409
    assert "Someone else changed this case" in page.text and "My careful reply to the citizen" in page.text
    now = _case(fehd, reference)
    assert now["assigned_to"] == "fehd" and now["status"] == "assigned" and now["reply"] is None


def test_reply_and_close_sends_the_message(console: Console, fehd: Staff) -> None:
    filed = console.file(STREET + " (reply)")
    reference = filed["reference"]
    version = _case(fehd, reference)["version"]
    empty = fehd.api(f"/staff/api/cases/{reference}/reply", {"expected_version": version, "message": " "})
    assert empty.status_code == 422 and empty.json()["error"]["code"] == "E614"
    done = fehd.form(
        f"/staff/cases/{reference}/reply", {"expected_version": version, "message": "Cleared on Monday. Thank you."}
    )
    assert done.status_code == 303 and "notice=closed" in done.headers["location"]
    closed = _case(fehd, reference)
    assert closed["status"] == "closed" and closed["reply"] == "Cleared on Monday. Thank you."
    tracked = console.desk.track(reference, filed["token"])
    assert "Cleared on Monday. Thank you." in str(tracked)
    assert reference not in [c["reference"] for c in fehd.client.get("/staff/api/queue/FEHD").json()["cases"]]


def test_assigning_to_someone_outside_the_department_is_refused(console: Console, fehd: Staff) -> None:
    reference = console.file(STREET + " (assign)")["reference"]
    version = _case(fehd, reference)["version"]
    wrong = fehd.api(
        f"/staff/api/cases/{reference}/transition", {"action": "assign", "expected_version": version, "assignee": "hyd"}
    )
    assert wrong.status_code == 422 and wrong.json()["error"]["code"] == "E575"


def test_admin_manages_accounts_through_the_console(console: Console, admin: Staff) -> None:
    page = admin.client.get("/staff/users", params={"lang": "en"})
    assert page.status_code == 200
    _accessible(page.text)
    created = admin.form(
        "/staff/users",
        {"username": "lee", "display_name": "Lee", "role": "officer", "departments": ["TD"], "password": PASSWORD},
    )
    assert created.status_code == 303
    lee = console.sign_in("lee")
    assert lee.client.get("/staff/api/queue/TD").status_code == 200
    off = admin.api("/staff/api/users/lee", {"active": False})
    assert off.status_code == 200 and off.json()["active"] is False
    assert lee.client.get("/staff/api/queue/TD").status_code == 401
    self_lockout = admin.api("/staff/api/users/admin", {"active": False})
    assert self_lockout.status_code == 409 and self_lockout.json()["error"]["code"] == "E572"


# -- dashboard ----------------------------------------------------------------------------------------------------

WAN_CHAI_RUBBISH = [
    "Rubbish dumped on the Lockhart Road pavement",
    "Overflowing rubbish bin near Southorn Playground",
    "Bags of rubbish left by the tram stop on Hennessy Road",
    "Construction rubbish thrown in the back lane off Jaffe Road",
    "Rubbish from the restaurant blocks Fleming Road footpath",
    "Household rubbish piled at the corner of Luard Road",
]


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_console(request: pytest.FixtureRequest, shared_data_dir: Path, tmp_path: Path) -> Iterator[Console]:
    yield from console_app(request.param, shared_data_dir, tmp_path)


def test_dashboard_figures_match_the_seeded_cases(fresh_console: Console) -> None:
    console = fresh_console
    for text in WAN_CHAI_RUBBISH:
        assert console.file(text, district="wan-chai", age=timedelta(days=2))["duplicate_of"] is None
    for text in ("Rats in the Pei Ho Street market", "Rats seen every evening near the Apliu Street stalls"):
        assert console.file(text, district="sham-shui-po", age=timedelta(days=40))["duplicate_of"] is None
    filed = [
        console.file(text, district="tai-po", age=timedelta(days=1))
        for text in (
            "Street light flickering at Tai Po Market",
            "Broken street light on Kwong Fuk Road since Monday",
            "Tai Wo estate carpark: the street light by block 3 is completely dark at night",
        )
    ]
    assert [f["duplicate_of"] for f in filed] == [None, None, None]
    lights = [f["reference"] for f in filed]
    console.file("The drain on my street overflows when it rains", age=timedelta(hours=3))
    fehd, hyd = console.sign_in("fehd"), console.sign_in("hyd")
    one_rubbish = fehd.client.get("/staff/api/queue/FEHD").json()["cases"][-1]
    assigned = fehd.api(
        f"/staff/api/cases/{one_rubbish['reference']}/transition",
        {"action": "assign", "expected_version": one_rubbish["version"]},
    )
    assert assigned.status_code == 200
    light = _case(hyd, lights[0])
    corrected = hyd.api(
        f"/staff/api/cases/{lights[0]}/reroute",
        {"expected_version": light["version"], "service": "hyd-road-defect-report", "reason": "a pothole, not a lamp"},
    )
    assert corrected.status_code == 200

    figures = fehd.client.get("/staff/api/dashboard", params={"days": 30}).json()
    counts = {name: {row["key"]: row["count"] for row in figures[name]} for name in ("by_department", "by_district")}
    assert figures["total"] == 10 and figures["open"] == 12 and figures["overdue"] == 2
    assert counts["by_department"] == {"FEHD": 6, "HyD": 3, "DSD": 1}
    assert counts["by_district"] == {"wan-chai": 6, "tai-po": 3, None: 1}
    services = {row["key"]: row["count"] for row in figures["by_service"]}
    assert services["fehd-street-cleanliness-refuse-complaint"] == 6 and services["hyd-road-defect-report"] == 1
    assert [(h["service"], h["district"], h["count"]) for h in figures["hotspots"]] == [
        ("fehd-street-cleanliness-refuse-complaint", "wan-chai", 6)
    ]
    accuracy = figures["accuracy"]
    assert (accuracy["auto_routed"], accuracy["reviewed"], accuracy["wrong_service"]) == (10, 2, 1)
    assert accuracy["service_accuracy"] == 0.5 and accuracy["department_accuracy"] == 1.0
    assert {c["district"] for c in figures["overdue_cases"]} == {"sham-shui-po"}
    assert fehd.client.get("/staff/api/dashboard", params={"days": 90}).json()["total"] == 12
    assert hyd.client.get("/staff/api/dashboard").json()["overdue_cases"] == []  # not HyD's cases

    html = fehd.client.get("/staff/dashboard", params={"lang": "en"}).text
    _accessible(html)
    assert ("50.0%" in html and "Hotspots" in html and "Wan Chai" in html) or "wan-chai" in html


def test_coordination_queue_and_json_twins(console: Console, coord: Staff, admin: Staff) -> None:
    nobody = console.file("I am not sure which department handles my request about the hillside")
    assert nobody["department"] is None
    page = coord.client.get("/staff/coordination")
    assert page.status_code == 200 and nobody["reference"] in page.text
    _accessible(page.text)
    twin = coord.client.get("/staff/coordination", params={"format": "json"})
    assert twin.headers["content-type"].startswith("application/json")
    assert nobody["reference"] in [c["reference"] for c in twin.json()["cases"]]
    assert twin.json() == coord.client.get("/staff/api/coordination").json()
    log = admin.client.get("/staff/contact-log")
    assert log.status_code == 200
    _accessible(log.text)
    home = coord.client.get("/staff/api/session").json()
    assert home["links"]["coordination"] == "/staff/coordination" and home["links"]["users"] is None

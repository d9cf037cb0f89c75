"""Open311 GeoReport v2 against the specification's published examples, and with an Open311 client (georeport).

The examples are the GeoReport v2 wiki's (wiki.open311.org/GeoReport_v2): field names and types must match;
values are ours (service codes are catalogue ids, phone numbers Hong Kong ones).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from fastapi.testclient import TestClient
from georeport import GeoReport

from civicdesk.settings import Settings
from civicdesk.web.app import create_app
from tests.conftest import make_settings

API_KEY = "test-open311-key"

SPEC_SERVICE = {
    "service_code": "001",
    "service_name": "Cans left out 24x7",
    "description": "Garbage or recycling cans that have been left out for more than 24 hours after collection.",
    "metadata": True,
    "type": "realtime",
    "keywords": "lorem, ipsum, dolor",
    "group": "sanitation",
}
SPEC_DEFINITION_ATTRIBUTE = {
    "variable": True,
    "code": "WHISETN",
    "datatype": "singlevaluelist",
    "required": True,
    "datatype_description": None,
    "order": 1,
    "description": "What is the ticket/tag/DL number?",
    "values": [{"key": 123, "name": "Ford"}],
}
SPEC_POST_REQUEST = {
    "api_key": API_KEY,
    "jurisdiction_id": "city.gov",
    "service_code": "hyd-road-defect-report",
    "lat": "22.2810",
    "long": "114.1590",
    "address_string": "1234 5th street",
    "email": "smit222@sfgov.edu",
    "device_id": "tt222111",
    "account_id": "123456",
    "first_name": "john",
    "last_name": "smith",
    "phone": "2835 1473",
    "description": "A large sinkhole is destroying the street",
    "media_url": "http://www.city.gov/media/123.jpg",
}
SPEC_POST_RESPONSE_KEYS = {"service_request_id", "service_notice", "account_id"}
SPEC_REQUEST_KEYS = {
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "description",
    "agency_responsible",
    "service_notice",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "address",
    "address_id",
    "zipcode",
    "lat",
    "long",
    "media_url",
}


@pytest.fixture(scope="module")
def open311_settings(shared_data_dir: Path) -> Settings:
    return make_settings(shared_data_dir, open311_api_keys=f"other-key, {API_KEY}")


@pytest.fixture(scope="module")
def api(open311_settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(open311_settings), raise_server_exceptions=False) as test_client:
        yield test_client


def post(api: TestClient, **form: str) -> tuple[int, object]:
    response = api.post("/open311/v2/requests.json", data=form)
    return response.status_code, response.json()


def test_services_list_has_the_specs_fields_and_types(api: TestClient) -> None:
    services = api.get("/open311/v2/services.json").json()
    assert len(services) >= 200
    for service in services:
        assert set(service) == set(SPEC_SERVICE)
        for key, example in SPEC_SERVICE.items():
            assert isinstance(service[key], type(example)), key
    codes = {s["service_code"] for s in services}
    assert "hyd-street-light-fault-report" in codes


def test_services_can_be_listed_in_chinese(api: TestClient) -> None:
    services = api.get("/open311/v2/services.json", params={"lang": "zh-Hant"}).json()
    street_light = next(s for s in services if s["service_code"] == "hyd-street-light-fault-report")
    assert "燈" in street_light["service_name"]


def test_a_service_definition_offers_the_district_attribute(api: TestClient) -> None:
    definition = api.get("/open311/v2/services/hyd-street-light-fault-report.json").json()
    assert definition["service_code"] == "hyd-street-light-fault-report"
    (attribute,) = definition["attributes"]
    assert set(attribute) == set(SPEC_DEFINITION_ATTRIBUTE)
    assert attribute["code"] == "district" and len(attribute["values"]) == 18
    assert {"key": "wan-chai", "name": "Wan Chai"} in attribute["values"]


def test_an_unknown_service_is_the_standards_error_list(api: TestClient) -> None:
    response = api.get("/open311/v2/services/no-such-service.json")
    assert response.status_code == 404
    (error,) = response.json()
    assert error["code"] == 404 and error["description"].startswith("E622")


def test_the_specs_example_post_files_a_case(api: TestClient) -> None:
    status, body = post(api, **SPEC_POST_REQUEST, **{"attribute[district]": "central-and-western"})
    assert status == 201
    assert isinstance(body, list) and len(body) == 1
    (answer,) = body
    assert set(answer) >= SPEC_POST_RESPONSE_KEYS
    assert answer["account_id"] is None
    reference = answer["service_request_id"]
    fetched = api.get(f"/open311/v2/requests/{reference}.json", params={"api_key": API_KEY}).json()
    (request,) = fetched
    assert set(request) == SPEC_REQUEST_KEYS
    assert (request["status"], request["service_code"]) == ("open", "hyd-road-defect-report")
    assert request["agency_responsible"] == "Highways Department"
    assert request["lat"] == pytest.approx(22.281) and request["address"] == "1234 5th street"
    assert "smith" not in str(fetched) and "2835" not in str(fetched)


def test_free_text_without_a_service_code_is_triaged(api: TestClient) -> None:
    status, body = post(
        api,
        api_key=API_KEY,
        description="The drain outside 10 Pei Ho Street is blocked",
        address_string="10 Pei Ho Street, Sham Shui Po",
    )
    assert status == 201
    (answer,) = body  # type: ignore[misc]
    extra = answer["extended_attributes"]
    assert extra["department"] == "DSD" and extra["tracking_token"]
    tracked = api.get(f"/api/v1/cases/{answer['service_request_id']}", params={"token": extra["tracking_token"]})
    assert tracked.json()["district"] == "sham-shui-po"


@pytest.mark.parametrize(
    ("form", "status", "code"),
    [
        ({"description": "street light broken"}, 403, "E621"),
        ({"api_key": "wrong", "description": "street light broken"}, 403, "E621"),
        ({"api_key": API_KEY}, 400, "E623"),
        ({"api_key": API_KEY, "service_code": "nope", "description": "x"}, 404, "E622"),
        ({"api_key": API_KEY, "description": "street light", "lat": "north"}, 400, "E605"),
        ({"api_key": API_KEY, "description": "street light", "attribute[district]": "Narnia"}, 400, "E603"),
    ],
)
def test_post_errors_are_the_standards_error_list(
    api: TestClient, form: dict[str, str], status: int, code: str
) -> None:
    got_status, body = post(api, **form)
    assert got_status == status
    assert isinstance(body, list) and set(body[0]) == {"code", "description"}
    assert body[0]["code"] == status and body[0]["description"].startswith(code)


def test_json_bodies_are_refused_on_post(api: TestClient) -> None:
    response = api.post("/open311/v2/requests.json", json={"api_key": API_KEY, "description": "x"})
    assert response.status_code == 400 and response.json()[0]["description"].startswith("E626")


def test_requests_can_be_filtered(api: TestClient) -> None:
    _, body = post(
        api,
        api_key=API_KEY,
        service_code="wsd-burst-main-leak-report",
        description="Water gushing from the road on Argyle Street",
    )
    reference = body[0]["service_request_id"]  # type: ignore[index]
    by_code = api.get("/open311/v2/requests.json", params={"service_code": "wsd-burst-main-leak-report"}).json()
    assert reference in {r["service_request_id"] for r in by_code}
    assert all(r["service_code"] == "wsd-burst-main-leak-report" for r in by_code)
    closed = api.get("/open311/v2/requests.json", params={"status": "closed"}).json()
    assert reference not in {r["service_request_id"] for r in closed}
    future = api.get("/open311/v2/requests.json", params={"start_date": "2099-01-01T00:00:00Z"}).json()
    assert future == []
    bad = api.get("/open311/v2/requests.json", params={"start_date": "yesterday"})
    assert bad.status_code == 400 and bad.json()[0]["description"].startswith("E624")


def test_without_an_api_key_requests_show_no_description_or_location(api: TestClient) -> None:
    _, body = post(
        api,
        api_key=API_KEY,
        description="Street light broken outside 3 Kwun Tong Road",
        address_string="3 Kwun Tong Road",
    )
    reference = body[0]["service_request_id"]  # type: ignore[index]
    (public,) = api.get(f"/open311/v2/requests/{reference}.json").json()
    assert "description" not in public and "address" not in public and public["status"] == "open"


def test_xml_is_not_offered(api: TestClient) -> None:
    response = api.get("/open311/v2/services.xml")
    assert response.status_code == 400 and response.json()[0]["description"].startswith("E625")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_an_open311_client_library_reads_the_endpoints(open311_settings: Settings, api: TestClient) -> None:
    _, body = post(api, api_key=API_KEY, description="Rubbish dumped on the pavement of Tung Choi Street")
    reference = body[0]["service_request_id"]  # type: ignore[index]
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(open311_settings), host="127.0.0.1", port=port, log_level="error")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        for _ in range(200):
            if server.started:
                break
            time.sleep(0.05)
        client = GeoReport(f"http://127.0.0.1:{port}/open311/v2", api_key=API_KEY)
        services = client.get_service_list()
        assert any(s["service_code"] == "fehd-street-cleanliness-refuse-complaint" for s in services)
        definition = client.get_service_definition("fehd-street-cleanliness-refuse-complaint")
        assert definition["attributes"][0]["code"] == "district"
        assert client.get_service_request(reference)["service_request_id"] == reference
        listed = client.get_service_requests(service_request_id=reference)
        assert [r["service_request_id"] for r in listed] == [reference]
    finally:
        server.should_exit = True
        thread.join(timeout=10)

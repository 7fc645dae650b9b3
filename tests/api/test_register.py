"""The register API over a real index: the seeds plus invented directives and a plan.

Two directives share the number 07/CT-UBND (Hà Giang 2024, Lai Châu 2023); a Vị Xuyên
(Hà Giang) plan carries the Hà Giang one out. What is asserted is what extraction must
read from such documents whatever its details: numbers, places, years, a body's duty,
a stated figure, and offsets that point at the text they quote.
"""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from assistant.api.app import create_app
from tests.api.conftest import api_settings, services_of, wait_ready
from tests.api.directives import REGISTER_DOCUMENTS
from tests.conftest import SEEDS

pytestmark = pytest.mark.slow

HA_GIANG = "chi-thi-07-ha-giang.txt"
LAI_CHAU = "chi-thi-07-lai-chau.txt"
PLAN = "ke-hoach-45-vi-xuyen.txt"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, warm_cache: Path) -> Iterator[TestClient]:
    root = tmp_path_factory.mktemp("register")
    documents = root / "documents"
    shutil.copytree(SEEDS, documents)
    for name, text in REGISTER_DOCUMENTS.items():
        (documents / name).write_text(text, encoding="utf-8")
    settings = api_settings(root, warm_cache, documents=documents)
    with TestClient(create_app(settings, with_ui=False)) as app:
        wait_ready(app)
        yield app


def text_of(client: TestClient, source: str) -> str:
    return services_of(client).index.snapshot().documents[source].text


class TestDirectives:
    def test_every_document_is_listed_with_its_identity(self, client: TestClient) -> None:
        body = client.get("/v1/directives").json()
        assert body["count"] == 8 == len(body["directives"])
        by_document = {d["document"]: d for d in body["directives"]}
        ha_giang = by_document[HA_GIANG]
        assert ha_giang["number"] == "07/CT-UBND" and ha_giang["kind"] == "chỉ thị"
        assert ha_giang["province"] == "Hà Giang" and ha_giang["year"] == 2024
        assert "phòng cháy" in (ha_giang["subject"] or ha_giang["title"])

    def test_filters_by_kind_place_and_year_ignore_diacritics(self, client: TestClient) -> None:
        found = client.get("/v1/directives", params={"kind": "chi thi", "place": "ha giang"})
        assert [d["document"] for d in found.json()["directives"]] == [HA_GIANG]
        in_2023 = client.get("/v1/directives", params={"year": 2023, "kind": "chỉ thị"}).json()
        documents = [d["document"] for d in in_2023["directives"]]
        assert LAI_CHAU in documents and HA_GIANG not in documents
        assert all(d["year"] == 2023 for d in in_2023["directives"])

    def test_free_text_finds_words_of_number_or_subject(self, client: TestClient) -> None:
        found = client.get("/v1/directives", params={"q": "an toan giao thong"}).json()
        assert LAI_CHAU in [d["document"] for d in found["directives"]]
        assert HA_GIANG not in [d["document"] for d in found["directives"]]

    def test_a_bad_year_is_a_422_that_names_it(self, client: TestClient) -> None:
        response = client.get("/v1/directives", params={"year": "năm ngoái"})
        assert response.status_code == 422 and "year" in response.json()["detail"]


class TestLookup:
    def test_a_repeated_number_lists_each_province(self, client: TestClient) -> None:
        body = client.get("/v1/directives/07/CT-UBND").json()
        assert body["count"] == 2
        assert {m["directive"]["province"] for m in body["matches"]} == {"Hà Giang", "Lai Châu"}

    def test_place_and_year_narrow_the_list(self, client: TestClient) -> None:
        by_place = client.get("/v1/directives/07/CT-UBND", params={"place": "lai chau"}).json()
        assert [m["directive"]["document"] for m in by_place["matches"]] == [LAI_CHAU]
        by_year = client.get("/v1/directives/7-CT/UBND", params={"year": 2024}).json()
        assert [m["directive"]["document"] for m in by_year["matches"]] == [HA_GIANG]

    def test_duties_are_grouped_by_body_and_point_at_their_text(self, client: TestClient) -> None:
        body = client.get("/v1/directives/07/CT-UBND", params={"place": "Hà Giang"}).json()
        (match,) = body["matches"]
        groups = {group["body"]: group["duties"] for group in match["duties"]}
        (police,) = groups["Công an tỉnh"]
        assert "sử dụng lửa gần rừng" in police["text"] and police["document"] == HA_GIANG
        assert text_of(client, HA_GIANG)[police["start"] : police["end"]] == police["text"]

    def test_the_plan_carrying_a_directive_out_is_listed(self, client: TestClient) -> None:
        body = client.get("/v1/directives/07/CT-UBND", params={"place": "Hà Giang"}).json()
        (match,) = body["matches"]
        referrers = [(r["directive"]["document"], r["relation"]) for r in match["referenced_by"]]
        assert referrers == [(PLAN, "implements")]
        (reference,) = match["referenced_by"]
        named = text_of(client, PLAN)[reference["start"] : reference["end"]]
        assert "07/CT-UBND" in named

    def test_an_unknown_number_is_a_404_in_both_languages(self, client: TestClient) -> None:
        response = client.get("/v1/directives/99/CT-UBND")
        assert response.status_code == 404
        detail = response.json()["detail"]
        assert "Không có văn bản số 99/CT-UBND" in detail and "no document numbered" in detail
        narrowed = client.get("/v1/directives/07/CT-UBND", params={"place": "Điện Biên"})
        assert narrowed.status_code == 404 and "Điện Biên" in narrowed.json()["detail"]


class TestFigures:
    def test_figures_by_noun_and_place_quote_their_sentence(self, client: TestClient) -> None:
        params = {"noun": "to xung kich", "place": "Hà Giang"}
        body = client.get("/v1/figures", params=params).json()
        by_value = {f["value_text"]: f for f in body["figures"]}
        assert {"147", "21"} <= set(by_value)
        figure = by_value["147"]
        assert figure["value"] == 147 and figure["document"] == HA_GIANG
        text = text_of(client, HA_GIANG)
        assert text[figure["start"] : figure["end"]].startswith("147")
        assert "147 tổ xung kích" in figure["sentence"]
        assert text[figure["sentence_start"] : figure["sentence_end"]].strip() == figure["sentence"]

    def test_period_and_source_narrow_figures(self, client: TestClient) -> None:
        params = {"noun": "vụ tai nạn giao thông", "period": "2022"}
        body = client.get("/v1/figures", params=params).json()
        assert [f["value_text"] for f in body["figures"]] == ["56"]
        only_plan = client.get("/v1/figures", params={"source": PLAN}).json()
        assert only_plan["count"] >= 1 and {f["document"] for f in only_plan["figures"]} == {PLAN}

    def test_csv_has_a_header_row_and_the_same_rows(self, client: TestClient) -> None:
        params = {"noun": "tổ xung kích", "format": "csv"}
        response = client.get("/v1/figures", params=params)
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/csv")
        assert "so-lieu.csv" in response.headers["content-disposition"]
        rows = list(csv.DictReader(io.StringIO(response.text)))
        as_json = client.get("/v1/figures", params={"noun": "tổ xung kích"}).json()
        assert [r["value_text"] for r in rows] == [f["value_text"] for f in as_json["figures"]]
        assert {"document", "noun", "value", "place", "period", "sentence"} <= set(rows[0])


def test_reads_need_a_key_when_the_server_says_so(client: TestClient) -> None:
    api = services_of(client).settings.api
    api.api_keys, api.require_key_for_read = [SecretStr("khoa-doc-1")], True
    try:
        for path in ("/v1/directives", "/v1/directives/07/CT-UBND", "/v1/figures"):
            assert client.get(path).status_code == 401
            assert client.get(path, headers={"X-API-Key": "sai"}).status_code == 403
            assert client.get(path, headers={"X-API-Key": "khoa-doc-1"}).status_code == 200
    finally:
        api.api_keys, api.require_key_for_read = [], False


def test_the_register_is_documented_in_openapi(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/v1/directives", "/v1/directives/{number}", "/v1/figures"} <= set(paths)
    figures = paths["/v1/figures"]["get"]
    assert "text/csv" in figures["responses"]["200"]["content"]
    assert "Number" in paths["/v1/directives/{number}"]["get"]["summary"].title()

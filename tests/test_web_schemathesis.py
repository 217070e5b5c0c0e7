"""Property-based API testing: schemathesis generates requests from the app's own OpenAPI spec
(valid and invalid parameters) and sends them in-process over ASGI. No request may get a 5xx,
and every JSON answer must match the response model the spec declares.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.generation.modes import GenerationMode
from schemathesis.specs.openapi.checks import response_schema_conformance

from sitrep.web import create_app

from .test_web_support import build_db


@pytest.fixture(scope="module")
def web_app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    path: Path = tmp_path_factory.mktemp("schemathesis") / "web.db"
    return create_app(build_db(path))  # read-only: ingest would run the pipeline per example


@pytest.fixture(scope="module")
def web_schema(web_app: FastAPI) -> Any:
    return schemathesis.openapi.from_asgi("/api/openapi.json", web_app)


# schemathesis' own pytest plugin does not run under pytest 9, so drive its strategies with
# hypothesis directly: every operation, valid and invalid inputs, a bounded number of each
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_no_server_errors(web_schema: Any, mode: GenerationMode) -> None:
    operations = [r.ok() for r in web_schema.get_all_operations()]
    assert len(operations) >= 12
    sent: list[str] = []
    for op in operations:
        examples = 4 if op.path.startswith("/api/export") else 15

        @given(case=op.as_strategy(generation_mode=mode))
        @settings(max_examples=examples, deadline=None, database=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))
        def check(case: schemathesis.Case) -> None:
            response = case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])
            sent.append(f"{case.method} {case.formatted_path} {response.status_code}")

        try:
            check()
        except Unsatisfiable:
            # nothing invalid can be sent to an operation without parameters (e.g. /api/counts)
            assert mode is GenerationMode.NEGATIVE and not op.query and not op.path_parameters, op.path
    assert len(sent) > 3 * len(operations), "schemathesis sent too few requests to mean anything"
    if mode is GenerationMode.NEGATIVE:
        assert any(s.endswith(" 422") for s in sent), "invalid input must be rejected with a 4xx"


def test_spec_is_precise(web_app: FastAPI) -> None:
    """The spec names every endpoint of issue 8 and types the event list."""
    spec = web_app.openapi()
    for path in ("/api/documents", "/api/documents/{doc_id}", "/api/events", "/api/events/{event_id}",
                 "/api/statements", "/api/figures", "/api/figures/series", "/api/timeline", "/api/stories",
                 "/api/export/{fmt}"):
        assert path in spec["paths"], path
    params = {p["name"]: p for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert params["page_size"]["schema"]["maximum"] == 500
    assert "ASSAULT" in str(params["plover_type"]["schema"])
    assert spec["paths"]["/api/events"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    assert "post" not in spec["paths"]["/api/documents"]
    with_ingest = create_app(web_app.state.store, ingest_token="tok").openapi()
    body = with_ingest["paths"]["/api/documents"]["post"]
    assert body["security"] and "401" in body["responses"], "ingest is in the spec, with its bearer auth"

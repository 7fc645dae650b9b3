"""Dependencies of the routers: the shared services, and API-key checks.

Keys come from `PA_API_KEYS`. When any is set, writes need one (`Authorization: Bearer
<key>` or `X-API-Key: <key>`); `PA_REQUIRE_KEY_FOR_READ=true` extends that to reads.
Keys are compared in constant time and never logged or echoed.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from typing import Annotated, Literal

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from pydantic import SecretStr

from assistant.audit import ANONYMOUS, key_id
from assistant.pipeline import Assistant
from assistant.server_services import Services
from assistant.settings import Settings

_bearer = HTTPBearer(auto_error=False, description="An API key from PA_API_KEYS.")
_api_key_header = APIKeyHeader(
    name="X-API-Key", auto_error=False, description="An API key from PA_API_KEYS."
)


def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]


def get_assistant(services: ServicesDep) -> Assistant:
    return services.assistant


def get_settings(services: ServicesDep) -> Settings:
    return services.settings


AssistantDep = Annotated[Assistant, Depends(get_assistant)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
Bearer = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
ApiKeyHeader = Annotated[str | None, Depends(_api_key_header)]


def key_is_valid(presented: str, keys: list[SecretStr]) -> bool:
    """Whether a key is one of `keys`; every key is compared, each in constant time."""
    given = presented.encode("utf-8")
    matched = False
    for key in keys:
        matched |= hmac.compare_digest(given, key.get_secret_value().encode("utf-8"))
    return matched


def _key_check(access: Literal["read", "write"]) -> Callable[..., None]:
    def check(settings: SettingsDep, bearer: Bearer, x_api_key: ApiKeyHeader) -> None:
        api = settings.api
        if not api.api_keys or (access == "read" and not api.require_key_for_read):
            return
        presented = bearer.credentials if bearer is not None else x_api_key
        if not presented:
            raise HTTPException(
                status.HTTP_401_UNAUTHORIZED,
                f"an API key is required to {access}: send 'Authorization: Bearer <key>' "
                "or 'X-API-Key: <key>'",
                headers={"WWW-Authenticate": "Bearer"},
            )
        if not key_is_valid(presented, api.api_keys):
            raise HTTPException(status.HTTP_403_FORBIDDEN, "the API key is not valid")

    check.__name__ = f"require_{access}_key"
    return check


def request_actor(settings: SettingsDep, bearer: Bearer, x_api_key: ApiKeyHeader) -> str:
    """Who is writing, for the audit log: the key's id (never the key), or `anonymous`."""
    if not settings.api.api_keys:
        return ANONYMOUS
    return key_id(bearer.credentials if bearer is not None else x_api_key)


ActorDep = Annotated[str, Depends(request_actor)]

require_read_key = _key_check("read")
require_write_key = _key_check("write")
ReadAccess = Depends(require_read_key)
WriteAccess = Depends(require_write_key)


def require_index_ready(services: ServicesDep) -> None:
    """503 until the first index is loaded: an empty index would wrongly say "the documents
    do not contain this" to every question asked during the first start."""
    if not services.ready:
        raise HTTPException(
            status.HTTP_503_SERVICE_UNAVAILABLE,
            "the index is still being built; retry in a few seconds (see /readyz)",
            headers={"Retry-After": "5"},
        )


IndexReady = Depends(require_index_ready)


def checked_question(text: str, settings: Settings, field: str = "question") -> str:
    """The question stripped, or a 422 when it is empty or over the configured limit."""
    question = text.strip()
    if not question:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f"{field}: must not be empty")
    limit = settings.api.max_question_chars
    if len(question) > limit:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            f"{field}: too long ({len(question)} characters; the limit is {limit})",
        )
    return question

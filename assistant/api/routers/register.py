"""The register: directives by kind, place, year, issuer; one directive by number; figures.

Everything here is read from what extraction found at index time, in the current index
snapshot; the same keys as every other read apply.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query, Response, status

from assistant.api.deps import IndexReady, ReadAccess, ServicesDep
from assistant.api.register_schemas import (
    DirectiveDetailOut,
    DirectiveList,
    DirectiveLookup,
    DirectiveOut,
    FigureList,
    FigureOut,
)
from assistant.api.routers.documents import AUTH_ERRORS
from assistant.api.schemas import ErrorResponse, Responses
from assistant.register import Register, figures_csv

router = APIRouter(prefix="/v1", tags=["register"], dependencies=[ReadAccess, IndexReady])

NOT_READY: Responses = {503: {"model": ErrorResponse, "description": "The index is loading."}}
UNKNOWN: Responses = {404: {"model": ErrorResponse, "description": "No document has it."}}
CSV: Responses = {200: {"content": {"text/csv": {}}, "description": "JSON, or CSV with a header."}}

Place = Annotated[
    str | None,
    Query(max_length=100, description="Province or district, with or without diacritics."),
]
Year = Annotated[int | None, Query(ge=1900, le=2100, description="Year of issue.")]
Text = Annotated[str | None, Query(max_length=200)]


@router.get("/directives", response_model=DirectiveList, responses={**AUTH_ERRORS, **NOT_READY},
            summary="List directives and other documents")  # fmt: skip
def list_directives(
    services: ServicesDep,
    kind: Annotated[str | None, Query(max_length=40, description="chỉ thị, kế hoạch...")] = None,
    place: Place = None,
    year: Year = None,
    issuer: Annotated[str | None, Query(max_length=200, description="Words of the issuer.")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Words of number/subject.")] = None,
) -> DirectiveList:
    """The register: every indexed document with its identity (kind, number, issuer,
    date, signer, subject, place), newest first, narrowed by the filters given.

    Filters ignore diacritics and case: `place=dien bien` finds "Điện Biên", and a
    district's documents are found by their province too.
    """
    snapshot = services.index.snapshot()
    entries = Register.of(snapshot).directives(kind, place, year, issuer, q)
    return DirectiveList(
        count=len(entries),
        index_version=snapshot.version,
        directives=[DirectiveOut.of(entry) for entry in entries],
    )


@router.get("/directives/{number:path}", response_model=DirectiveLookup,
            responses={**AUTH_ERRORS, **UNKNOWN, **NOT_READY},
            summary="Find a directive by its number")  # fmt: skip
def get_directive(
    number: str, services: ServicesDep, place: Place = None, year: Year = None
) -> DirectiveLookup:
    """Every document numbered `number` (e.g. `07/CT-UBND`; "31-CT/TU" = "31/CT-TU"),
    with its duties grouped by body, each with the offsets to cite it, and the documents
    that refer to it (plans carrying it out, documents replacing it).

    Numbers repeat across provinces and years: narrow with `place` and `year`.
    """
    matches = Register.of(services.index.snapshot()).lookup(number, place, year)
    if not matches:
        narrowed = ", ".join(str(value) for value in (place, year) if value)
        where = f" ({narrowed})" if narrowed else ""
        raise HTTPException(
            status.HTTP_404_NOT_FOUND,
            f"Không có văn bản số {number}{where} trong chỉ mục "
            f"(no document numbered {number}{where} is indexed)",
        )
    return DirectiveLookup(
        number=number, count=len(matches), matches=[DirectiveDetailOut.of(m) for m in matches]
    )


@router.get("/figures", response_model=FigureList, responses={**AUTH_ERRORS, **NOT_READY, **CSV},
            summary="Figures stated in the documents")  # fmt: skip
def list_figures(
    services: ServicesDep,
    noun: Annotated[str | None, Query(max_length=100, description="What is counted.")] = None,
    place: Place = None,
    period: Annotated[str | None, Query(max_length=100, description='"2024", "6 tháng"')] = None,
    source: Annotated[
        str | None, Query(max_length=300, description="A document's file name.")
    ] = None,
    format: Annotated[Literal["json", "csv"], Query(description="json or csv.")] = "json",
) -> FigureList | Response:
    """Every figure the documents state ("1.908 Đội Dân phòng"), with what it counts, its
    place and period, and the sentence it stands in (offsets to cite it).

    `noun` matches whole words without diacritics ("dan phong" finds "Đội Dân phòng").
    `format=csv` returns the same rows as CSV (UTF-8, one header row) to open in a
    spreadsheet.
    """
    snapshot = services.index.snapshot()
    figures = Register.of(snapshot).figures(noun, place, period, source)
    if format == "csv":
        headers = {"Content-Disposition": 'attachment; filename="so-lieu.csv"'}
        return Response(figures_csv(figures), media_type="text/csv; charset=utf-8", headers=headers)
    return FigureList(
        count=len(figures),
        index_version=snapshot.version,
        figures=[FigureOut.of(figure) for figure in figures],
    )

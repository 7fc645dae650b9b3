"""Ratings of answers: officers submit them, administrators export them."""

from __future__ import annotations

from fastapi import APIRouter, status

from assistant.api.deps import ActorDep, ReadAccess, ServicesDep, WriteAccess
from assistant.api.routers.documents import AUTH_ERRORS
from assistant.api.schemas import FeedbackCreated, FeedbackExport, FeedbackItem, FeedbackRequest

router = APIRouter(prefix="/v1", tags=["feedback"])


@router.post("/feedback", response_model=FeedbackCreated, status_code=status.HTTP_201_CREATED,
             dependencies=[ReadAccess], responses=AUTH_ERRORS,
             summary="Rate an answer")  # fmt: skip
def add_feedback(body: FeedbackRequest, services: ServicesDep, actor: ActorDep) -> FeedbackCreated:
    """Record a thumbs up or down on an answer returned by `POST /v1/ask`, with a comment."""
    feedback_id = services.feedback.add(
        body.rating, body.question, body.answer.model_dump(mode="json"), body.comment
    )
    services.audit.record("feedback", actor, detail=f"{body.rating} #{feedback_id}")
    return FeedbackCreated(id=feedback_id)


@router.get("/feedback", response_model=FeedbackExport, dependencies=[WriteAccess],
            responses=AUTH_ERRORS, summary="Export all ratings")  # fmt: skip
def export_feedback(services: ServicesDep) -> FeedbackExport:
    """Every rating so far, oldest first: question, answer, citations, comment.

    Needs a key whenever keys are configured (the ratings hold officers' questions).
    """
    items = [FeedbackItem(**item) for item in services.feedback.export()]
    return FeedbackExport(count=len(items), items=items)

"""Token-guarded ingest: queue articles for coding and poll the job."""

from __future__ import annotations

import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException, Path, Request

from newsevents.api._bodies import IngestRequest
from newsevents.api._jobs import IngestJobs

_ID = r"^[0-9a-f]{1,32}$"


def require_token(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    """The bearer token given at start-up; without one the server is read-only."""
    token: str | None = request.app.state.token
    if token is None:
        raise HTTPException(403, "this server is read-only: start it with --token-file")
    scheme, _, given = (authorization or "").partition(" ")
    challenge = {"WWW-Authenticate": "Bearer"}
    if scheme.lower() != "bearer" or not given:
        raise HTTPException(401, "send the token as 'Authorization: Bearer TOKEN'", challenge)
    if not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise HTTPException(401, "wrong token", challenge)


def _jobs(request: Request) -> IngestJobs:
    return request.app.state.jobs  # type: ignore[no-any-return]


Jobs = Annotated[IngestJobs, Depends(_jobs)]
router = APIRouter(tags=["ingest"], dependencies=[Depends(require_token)])


@router.post("/api/articles", status_code=202)
def post_articles(body: IngestRequest, jobs: Jobs) -> dict[str, Any]:
    """Queue one article or a batch (at most 100) for coding; needs the bearer token.
    Poll `/api/jobs/{id}` for its status, documents and events."""
    job = jobs.submit([a.model_dump(exclude_none=True) for a in body.batch()])
    return job.as_dict() | {"status_url": f"/api/jobs/{job.id}"}


@router.get("/api/jobs/{job_id}")
def get_job(job_id: Annotated[str, Path(pattern=_ID)], jobs: Jobs) -> dict[str, Any]:
    """An ingest job's status and results; needs the bearer token."""
    job = jobs.get(job_id)
    if job is None:
        raise HTTPException(404, f"no job {job_id!r}")
    return job.as_dict()

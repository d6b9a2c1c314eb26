"""Assigning stored articles to stories, inside the write transaction.

Only stories that could take a batch's articles are read: those whose dates come
within the window of the batch's dates, and the most recently updated ones (for
undated articles). The cost of a batch does not grow with the corpus.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from newsevents.model import Document, stable_id
from newsevents.store._tables import documents, stories
from newsevents.stories import WINDOW_DAYS, Story, StoryIndex, article_terms, story_title

RECENT_STORIES = 200  # the candidates an undated article is compared with
MAX_CANDIDATES = 5000  # a batch spanning years (a shuffled backfill) reads no more


def assign_stories(connection: Connection, docs: Sequence[Document]) -> None:
    """Put each document of the batch that has no story yet into one (joining the
    best open story, its original's for a copy, or a new one)."""
    ids = [d.id for d in docs]
    known = dict(
        connection.execute(
            select(documents.c.id, documents.c.story_id).where(
                documents.c.id.in_(ids), documents.c.story_id.is_not(None)
            )
        ).all()
    )
    todo = [d for d in docs if d.id not in known]
    if not todo:
        return
    originals = {d.duplicate.of for d in todo if d.duplicate}
    story_of: dict[str, str] = known | dict(
        connection.execute(
            select(documents.c.id, documents.c.story_id).where(
                documents.c.id.in_(originals), documents.c.story_id.is_not(None)
            )
        ).all()
    )
    index = StoryIndex(_candidates(connection, [d.published_at for d in todo]))
    touched: dict[str, Story] = {}
    for document in todo:
        terms = article_terms(document.paragraphs, document.title)
        original = document.duplicate.of if document.duplicate else None
        chosen = index.get(story_of.get(original or "")) or index.best(terms, document.published_at)
        if chosen is None:
            chosen = Story(
                id=stable_id("story", document.id),
                title=story_title(document.title, document.paragraphs, document.origin),
                first_seen=document.published_at,
                last_seen=document.published_at,
            )
        chosen.add(terms, document.published_at)
        index.add(chosen)
        story_of[document.id] = touched.setdefault(chosen.id, chosen).id
    _save(connection, touched.values())
    connection.execute(
        update(documents)
        .where(documents.c.id == bindparam("doc"))
        .values(story_id=bindparam("story")),
        [{"doc": d.id, "story": story_of[d.id]} for d in todo],
    )


def _candidates(connection: Connection, days: list[date | None]) -> list[Story]:
    dated = [d for d in days if d is not None]
    window = timedelta(days=WINDOW_DAYS)
    conditions: list[Any] = []
    if dated:
        conditions.append(
            (stories.c.last_seen >= min(dated) - window)
            & (stories.c.first_seen <= max(dated) + window)
        )
    recent = select(stories.c.id).order_by(stories.c.updated_at.desc()).limit(RECENT_STORIES)
    conditions.append(stories.c.id.in_(recent.scalar_subquery()))
    query = select(stories).where(or_(*conditions)).order_by(stories.c.updated_at.desc())
    rows = connection.execute(query.limit(MAX_CANDIDATES))
    return [
        Story(
            id=row.id,
            title=row.title,
            first_seen=row.first_seen,
            last_seen=row.last_seen,
            num_articles=row.num_articles,
            terms=dict(row.terms),
        )
        for row in rows
    ]


def _save(connection: Connection, changed: Any) -> None:
    now = datetime.now(UTC)
    rows = [
        {
            "id": s.id,
            "title": s.title,
            "first_seen": s.first_seen,
            "last_seen": s.last_seen,
            "num_articles": s.num_articles,
            "terms": s.terms,
            "updated_at": now,
        }
        for s in changed
    ]
    if not rows:
        return
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(stories)
    connection.execute(
        statement.on_conflict_do_update(
            index_elements=["id"],
            set_={c: statement.excluded[c] for c in rows[0] if c not in {"id", "title"}},
        ),
        rows,
    )

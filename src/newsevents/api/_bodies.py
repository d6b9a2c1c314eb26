"""The request bodies the API takes."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field, model_validator

MAX_BATCH = 100  # articles per POST
MAX_ARTICLE_CHARS = 5_000_000


class ArticleIn(BaseModel):
    """One article: its text or its HTML, with what is known about it."""

    model_config = ConfigDict(extra="forbid")
    text: str | None = Field(None, min_length=1, max_length=MAX_ARTICLE_CHARS)
    html: str | None = Field(None, min_length=1, max_length=MAX_ARTICLE_CHARS)
    url: str | None = Field(None, max_length=2048)
    title: str | None = Field(None, max_length=1000)
    published: date | None = None

    @model_validator(mode="after")
    def _one_body(self) -> ArticleIn:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of text or html")
        return self


class IngestRequest(BaseModel):
    """One article (`text` or `html`, with `url`, `title`, `published`), or a batch of
    them as `articles`."""

    model_config = ConfigDict(extra="forbid")
    articles: list[ArticleIn] | None = Field(None, min_length=1, max_length=MAX_BATCH)
    text: str | None = Field(None, min_length=1, max_length=MAX_ARTICLE_CHARS)
    html: str | None = Field(None, min_length=1, max_length=MAX_ARTICLE_CHARS)
    url: str | None = Field(None, max_length=2048)
    title: str | None = Field(None, max_length=1000)
    published: date | None = None

    def batch(self) -> list[ArticleIn]:
        if self.articles is not None:
            return self.articles
        return [ArticleIn.model_validate(self.model_dump(exclude={"articles"}))]

    @model_validator(mode="after")
    def _batch_or_one(self) -> IngestRequest:
        single = (self.text, self.html, self.url, self.title, self.published)
        if self.articles is not None and any(v is not None for v in single):
            raise ValueError("give either articles or one article's fields, not both")
        if self.articles is None and (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of text or html (or a list of articles)")
        return self

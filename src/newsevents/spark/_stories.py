"""Stories on Spark: the same single pass over the articles as a local run makes.

Story clustering is online: each article, in the order a local run meets it, joins
the best open story or starts one, so the stories depend on that order. The tasks
have already found each article's names (`article_terms`, in `_code`); here, on the
driver, the articles are streamed in arrival order, one partition at a time, as small
rows (id, arrival key, date, the copy it is, names, a title: never the text), through
one `StoryIndex`. That is O(articles) small rows in, one story id per article out,
and the open stories held in memory. Unlike a local run, which reads back only the
stories a batch's dates can reach, every story stays a candidate: on a large corpus
an undated article may find a story a local run would not have compared it with.
"""

from __future__ import annotations

from collections.abc import Iterable

from pyspark.sql import DataFrame, Row
from pyspark.sql.types import (
    DateType,
    LongType,
    MapType,
    StringType,
    StructField,
    StructType,
)

from newsevents.model import stable_id
from newsevents.stories import Story, StoryIndex

# The store's stories table, but its write time.
STORY_SCHEMA = StructType(
    [
        StructField("id", StringType(), False),
        StructField("title", StringType(), False),
        StructField("first_seen", DateType()),
        StructField("last_seen", DateType()),
        StructField("num_articles", LongType(), False),
        StructField("terms", MapType(StringType(), LongType()), False),  # name -> articles
    ]
)
_STORY_OF = "doc_id string, story_id string"


def assign_stories(documents: DataFrame) -> tuple[DataFrame, DataFrame]:
    """(doc_id, story_id) for every document and the `STORY_SCHEMA` stories, from
    documents with arrival keys, names, titles and their copy relation."""
    wanted = documents.select(
        "doc_id", "arrival", "published_at", "duplicate_of", "story_terms", "story_title"
    )
    stories, story_of = _single_pass(wanted.orderBy("arrival").toLocalIterator())
    spark = documents.sparkSession
    rows = [(s.id, s.title, s.first_seen, s.last_seen, s.num_articles, s.terms) for s in stories]
    return (
        spark.createDataFrame(list(story_of.items()), _STORY_OF),
        spark.createDataFrame(rows, STORY_SCHEMA),
    )


def _single_pass(rows: Iterable[Row]) -> tuple[list[Story], dict[str, str]]:
    """`store._stories.assign_stories` over one batch holding every article: a copy
    joins its original's story, else the best open one, else starts its own."""
    index = StoryIndex()
    story_of: dict[str, str] = {}
    for row in rows:
        terms = list(row.story_terms)
        chosen = index.get(story_of.get(row.duplicate_of or "")) or index.best(
            terms, row.published_at
        )
        if chosen is None:
            chosen = Story(
                id=stable_id("story", row.doc_id),
                title=row.story_title,
                first_seen=row.published_at,
                last_seen=row.published_at,
            )
        chosen.add(terms, row.published_at)
        index.add(chosen)
        story_of[row.doc_id] = chosen.id
    return list(index.stories.values()), story_of

"""One team told under different names by different articles, in French and English ("son équipe
de superordinateurs Lumen", "its Lumen AI supercomputer team"), is one dissolution row, shown
under its shortest name whatever order the articles came in; two teams stay two rows."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from pipeline.commands.ingest import ingest

FRENCH = "Selon des sources, Cohere est en train de dissoudre son équipe de superordinateurs Lumen."
ENGLISH = "Cohere has disbanded its Lumen AI supercomputer team, people familiar said."
OTHER = "Cohere has also disbanded its Nimbus robotics team."


def dissolution_rows(engine) -> list[tuple]:
    with engine.connect() as connection:
        return connection.execute(
            text("select team, organization, article_count from dissolutions order by team")
        ).all()


@pytest.mark.parametrize("english_first", [False, True])
def test_one_team_across_articles_and_languages_is_one_row(
    fresh_engine, write_article, extractor, english_first
):
    french = write_article("lumen-fr.md", FRENCH, lang="fr", date="2025-08-07")
    english = write_article("lumen-en.md", ENGLISH, lang="en", date="2025-08-08")
    other = write_article("nimbus-en.md", OTHER, lang="en", date="2025-08-09")
    first, second = (english, french) if english_first else (french, english)
    for path in (first, second, other):
        ingest([str(path)], engine=fresh_engine, extractor=extractor)
    assert dissolution_rows(fresh_engine) == [("Lumen", "Cohere", 2), ("Nimbus", "Cohere", 1)]

"""A JSON author string "Last, First" names one person; "First Last, First Last" names two."""

import json

import pytest

from newsfuse.ingest import read_bytes
from newsfuse.records import Article

# invented record
BODY = ("The Velmont library reopened on Monday after a year of repairs, the city said. "
        "Readers queued at the doors before the library opened.")


def _authors(author: str) -> list[str]:
    rec = {"title": "Velmont library reopens", "text": BODY, "author": author, "date": "2024-05-06"}
    (a,) = [g for g in read_bytes("library.json", json.dumps([rec]).encode()) if isinstance(g, Article)]
    return a.authors


@pytest.mark.parametrize("author,names", [
    ("Penn, Ada", ["Ada Penn"]),
    ("Ada Penn, Tom Reyes", ["Ada Penn", "Tom Reyes"]),
    ("Ada Penn and Tom Reyes", ["Ada Penn", "Tom Reyes"]),
    ("Ada Penn & Tom Reyes", ["Ada Penn", "Tom Reyes"]),
])
def test_author_strings(author, names):
    assert _authors(author) == names

"""Issue #5 §6 end to end: a folder mixing English with other languages (invented articles) is
read, grouped and briefed without a crash, and every brief keeps the contract and its checks."""

import json

from newsfuse import pipeline
from newsfuse.fuse.checks import check_brief
from newsfuse.render.contract import validate_brief
from newsfuse.render.json import to_json

FILES = {
    "en.txt": (" date 2024-05-14 Warehouse fire in Vernay kills 14\n\n"
               "At least 14 people died when a warehouse caught fire in Vernay on Monday, officials said.\n\n"
               "“Everything burned,” said mayor Paul Arnaud. About 2,300 residents were evacuated."),
    "fr.txt": (" date 2024-05-14 Incendie à Vernay : 14 morts\n\n"
               "Au moins 14 personnes ont péri lundi dans l'incendie d'un entrepôt à Vernay. "
               "La préfecture a évacué 2 300 habitants le 2024-05-13. « Tout a brûlé », a confié le maire."),
    "ru.txt": (" date 2024-05-14 Пожар на складе в Верне\n\n"
               "В понедельник при пожаре на складе погибли 14 человек. "
               "Власти эвакуировали 2 300 жителей, сообщили 2024-05-13 в мэрии."),
    "zh.txt": (" date 2024-05-14 韦尔奈仓库火灾\n\n"
               "周一韦尔奈一座仓库起火，造成至少14人死亡。当局于2024-05-13疏散了2300名居民。"),
    "ar.txt": (" date 2024-05-14 حريق في مستودع\n\n"
               "لقي 14 شخصا حتفهم في حريق مستودع يوم الاثنين. وأجلت السلطات 2300 ساكن في 2024-05-13."),
}


def test_mixed_languages_make_valid_briefs(tmp_path):
    for name, text in FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    run = pipeline.brief_run([tmp_path])
    assert len(run.articles) == len(FILES) and not run.problems
    langs = {a.path.rsplit("/", 1)[-1]: a.language for a in run.articles}
    assert langs == {"en.txt": "en", "fr.txt": "fr", "ru.txt": "ru", "zh.txt": "zh", "ar.txt": "ar"}
    assert run.briefs
    for b in run.briefs:
        doc = json.loads(json.dumps(to_json(b), default=str))
        assert validate_brief(doc) == [], validate_brief(doc)
        story = [a for a in run.articles if a.id in {s.article_id for s in b.sources}]
        assert check_brief(b, story) == []
        # quotes come only from the English article
        english = {a.id for a in run.articles if a.language == "en"}
        assert all(c.article_id in english for q in b.quotes for c in q.citations)


def test_sources_in_unread_languages_are_marked_not_analysed(tmp_path):
    for name, text in FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    run = pipeline.brief_run([tmp_path])
    lang = {a.id: a.language for a in run.articles}
    from newsfuse.render.html import to_html
    from newsfuse.render.markdown import to_markdown

    marked = 0
    for b in run.briefs:
        for s in b.sources:
            assert s.not_analysed == (None if lang[s.article_id] == "en" else lang[s.article_id])
            marked += s.not_analysed is not None
        md, html = to_markdown(b), to_html(b)
        for s in b.sources:
            if s.not_analysed:
                assert f"not analysed (language: {s.not_analysed}" in md
                assert f"not analysed (language: {s.not_analysed}" in html
        doc = to_json(b)
        assert {s["article_id"]: s["not_analysed"] for s in doc["sources"]} == {s.article_id: s.not_analysed for s in b.sources}
    assert marked == 4

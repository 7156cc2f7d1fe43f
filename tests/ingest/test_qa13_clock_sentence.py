"""A paragraph opened by a bare clock ("06:40 Crews ...") on a page not known to be live: the
clock is the post's time, not news, so the sentence (and any summary line quoting it) starts
after it, as it does after a dateline. The article text keeps it."""

from newsfuse.ingest import read_paths
from newsfuse.pipeline import brief_run

# an updates page whose title does not say "live": its posts are not cut into entries
UPDATES_TXT = (" date 2031-04-09 Tarrow bridge closure: overnight updates\n"
               "06:50 Engineers from the county council say the Tarrow bridge will stay shut until at least Friday.\n\n"
               "05:30 Diversions add about 25 minutes to journeys between Tarrow and Melk, the bus company says.\n\n"
               "03:15 A lorry struck the bridge's east parapet and two of its spans moved, police say.\n")


def test_a_leading_clock_is_not_part_of_the_sentence(tmp_path):
    path = tmp_path / "tarrow.txt"
    path.write_text(UPDATES_TXT, encoding="utf-8")
    (article,) = read_paths([path])
    firsts = [s.text for s in article.sentences]
    assert firsts[0].startswith("Engineers from the county council")
    assert not any(t[:2].isdigit() for t in firsts)
    assert "06:50 Engineers" in article.text  # kept in the text
    for s in article.sentences:
        assert article.text[s.start:s.end] == s.text


def test_a_clock_that_is_the_news_stays(tmp_path):
    path = tmp_path / "poll.txt"
    path.write_text(" date 2031-04-09 Polls close early in Melk\n"
                    "10:30 is when polling stations in Melk will close on Sunday, the election office said.\n",
                    encoding="utf-8")
    (article,) = read_paths([path])
    assert article.sentences[0].text.startswith("10:30 is when")


def test_summary_lines_do_not_open_with_a_clock(tmp_path):
    (tmp_path / "tarrow.txt").write_text(UPDATES_TXT, encoding="utf-8")
    run = brief_run([tmp_path])
    lines = [s.text for b in run.briefs for s in b.summary] + [t.text for b in run.briefs for t in b.timeline]
    assert lines and not any(t[:2].isdigit() for t in lines)


def test_a_page_stamp_run_into_the_first_sentence_is_not_news_nor_title(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"time": "2031-06-04", "text": "Wednesday 4 June 2031 15.39 BST Officials in Melk today told '
                    'residents to boil tap water after a main burst near the reservoir . \\nThe order covers 9,000 homes ."}\n',
                    encoding="utf-8")
    (article,) = read_paths([path])
    assert article.title.startswith("Officials in Melk today told residents")
    assert article.sentences[0].text.startswith("Officials in Melk")
    assert article.text.startswith("Wednesday 4 June 2031 15.39 BST Officials")

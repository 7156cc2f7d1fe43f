"""A page's update stamp glued to the start of a sentence ("Page last updated at 09:41 GMT,
Thursday, 3 March 2016 ...") is no part of the news: summary and timeline lines start after it
(still quoting their cited sentence), and a sentence without one is left as it is."""

from newsfuse.fuse.text import without_page_stamp

NEWS = "The jury found the surgeon guilty of manslaughter after two days of talks."


def test_update_stamps_are_cut_from_the_start():
    for stamp in ("Page last updated at 09:41 GMT , Thursday , 3 March 2016 ",
                  "Page last updated at 10:06 GMT, Thursday, 3 March 2016 ",
                  "8 November 2016 Last updated at 06:28 GMT Help ",
                  "8 November 2016 Last updated at 06:28 ",
                  "Wednesday 16 June 2016 13.15 BST ",
                  "Tue Mar 1 , 2016 6:36 pm EST ",
                  "LONDON | Wed Apr 29 , 2016 11:17 am BST "):
        assert without_page_stamp(stamp + NEWS) == NEWS
    assert without_page_stamp("LONDON | Wed Apr 29 , 2016 11:17 am BST LONDON (Reuters) - " + NEWS) == NEWS


def test_sentences_without_a_stamp_are_untouched():
    for text in (NEWS, "On 8 November 2016 the jury found the surgeon guilty of manslaughter.",
                 "Tuesday 8 November was the day the jury came back, the court heard.",
                 "Page last updated at 09:41 GMT , Thursday , 3 March 2016"):
        assert without_page_stamp(text) == text


def test_briefs_show_the_news_without_the_stamp(tmp_path):
    from newsfuse import pipeline
    from newsfuse.fuse.checks import check_brief

    body = ("Page last updated at 09:41 GMT , Thursday , 3 March 2016 The surgeon Ivo Marsk was found guilty "
            "of manslaughter by a jury in Ardley on Monday.\nHe will be sentenced on 29 November, the judge said.\n")
    other = ("Title: Surgeon guilty\nDate: 2016-11-08\nSource: Valley Ledger\n\nA jury in Ardley found surgeon Ivo "
             "Marsk guilty of manslaughter on Monday.\nHis lawyers said they would appeal the verdict.\n")
    (tmp_path / "a.txt").write_text("Title: Surgeon found guilty\nDate: 2016-11-08\nSource: Ardley Post\n\n" + body)
    (tmp_path / "b.txt").write_text(other)
    run = pipeline.brief_run([tmp_path])
    (brief,) = run.briefs
    lines = [s.text for s in brief.summary] + [t.text for t in brief.timeline]
    assert any("The surgeon Ivo Marsk was found guilty" in t for t in lines)
    assert not [t for t in lines if "last updated" in t]
    assert check_brief(brief, run.articles) == []


def test_a_live_page_label_is_no_part_of_the_news():
    assert without_page_stamp("Summary: the council voted 31-24 to close the pier.") == \
        "the council voted 31-24 to close the pier."
    assert without_page_stamp("BREAKING: Ferry service suspended.") == "Ferry service suspended."
    # a label needs its colon at the start: a sentence about a summary stays whole
    assert without_page_stamp("Summary judgment: the court ruled for the port.") == \
        "Summary judgment: the court ruled for the port."

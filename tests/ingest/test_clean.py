"""Cleaning: furniture out, content in; titles found when the headline line is junk."""

from pathlib import Path

from newsfuse.ingest import read_paths, read_records
from newsfuse.ingest.clean import drop_repeated, is_boilerplate, is_caps_teaser, split_paragraphs
from newsfuse.records import Article

FIX = Path(__file__).parent / "fixtures"


def one(path):
    (a,) = [r for r in read_paths([path]) if isinstance(r, Article)]
    return a


def test_wire_story_furniture_removed_content_kept():
    a = one(FIX / "wire_story.txt")
    assert a.title == "Floodwaters cut off northern valley towns as river bursts its banks"
    for junk in ("World News", "MAYOR WARNS", "Volunteers fill sandbags", "Sign up", "Share", "Related Articles", "Back to top"):
        assert junk not in a.text, junk
    for kept in ("At least 14 people have died", "never seen the water rise", "send 200 soldiers"):
        assert kept in a.text
    assert a.text.startswith("Port Elvan, Mar 14 (Reuters)")
    assert a.wires == ["Reuters"]  # the AP photo credit is not a copy credit
    assert a.published.date().isoformat() == "2023-03-14"  # year from the weekday ("Tuesday")


def test_junk_headline_replaced_by_heuristic_title():
    a = one(FIX / "junk_headline.txt")
    assert a.title == "Dam operators release water as valley flooding spreads"
    assert a.title not in a.text
    for junk in ("Expand / Collapse search", "Europe", "Published", "Join our commenting forum",
                 "Powered by automated translation", "Updated:"):
        assert junk not in a.text, junk
    assert "move cars and livestock" in a.text
    # the date line gives the day, the "Updated:" line the time of that same day
    assert a.published.isoformat() == "2023-03-14T18:45:00"


def test_boilerplate_shapes():
    for line in ("Expand / Collapse search", "Back to top button", "Join our commenting forum", "Share on Facebook",
                 "Powered by automated translation", "Related Articles", "Published", "Sign in to comment", "•"):
        assert is_boilerplate(line), line
    for line in ("Share prices fell sharply on Monday after the flood warning was issued.",
                 "Published figures show the river rose by two metres.", "Photos"):
        assert not is_boilerplate(line), line


def test_caps_teaser_only_long_or_calls_to_action():
    assert is_caps_teaser("GOVERNOR'S OFFICE FLOODED AS RIVER REACHES RECORD HEIGHT: REPORT")
    assert is_caps_teaser("CLICK HERE FOR MORE FLOOD NEWS")
    assert not is_caps_teaser("WHAT TO PACK FOR AN EVACUATION")  # a section heading of this article
    assert not is_caps_teaser("| GAUGE | LEVEL | CHANGE | NOTE | STATION | AREA | FLOW | RISK |")


def test_repeated_caption_and_video_title_removed_but_repeated_structure_kept():
    paras = ["Flood barriers go up", "Flood barriers go up", "The council built barriers along the quay on Monday.",
             "Step one", "Fill the bag halfway.", "Step one", "Tie the top.", "Step one", "Stack them flat."]
    keep = drop_repeated(paras)
    assert keep[:3] == [False, False, True]
    assert all(keep[3:])  # a line repeated three times is structure, not a duplicated caption


def test_split_paragraphs_marks_wide_gaps():
    paras, breaks = split_paragraphs("One line.\nTwo line.\n\nThree.\n\n\nFour.\r\n")
    assert paras == ["One line.", "Two line.", "Three.", "Four."] and breaks == {3}


def test_lines_repeated_across_one_outlets_articles_are_removed():
    promo = "Listen to the Harbour Ledger podcast every weekday morning"
    shared_prose = ("The regional emergency service said at least 14 people had died and 30 were missing "
                    "after the river burst its banks.")
    recs = [{"url": f"https://www.harbourledger.example/{i}", "title": f"Flood update {i}",
             "text": f"Update {i}: crews cleared road number {i} on the valley floor today.\n\n{shared_prose}\n\n{promo}\n"}
            for i in range(3)]
    recs.append({"url": "https://other.example/1", "title": "Elsewhere",
                 "text": f"Another outlet wrote about the floods.\n\n{promo}\n"})
    arts = [a for a in read_records(recs, "feed.json") if isinstance(a, Article)]
    ledger = [a for a in arts if a.domain == "harbourledger.example"]
    assert len(ledger) == 3
    assert all(promo not in a.text and shared_prose in a.text for a in ledger)
    other = [a for a in arts if a.domain == "other.example"][0]
    assert promo in other.text  # one article of another outlet: nothing to compare with


def test_read_more_share_and_comment_prompts_are_furniture():
    from newsfuse.ingest.clean import _UI_RE, norm_line
    for line in ("Read more: Dam burst: what we know so far", "Share this article: Facebook Twitter Email",
                 "Comments (7) - What do you think? Have your say below."):
        assert _UI_RE.match(norm_line(line)), line
    assert not _UI_RE.match(norm_line("Residents were told to have their say at a meeting on Friday about the "
                                      "rebuilding of the bridge and the new flood barrier."))


def test_reader_comment_thread_under_the_article_is_dropped(tmp_path):
    body = (
        "Title: Ferry operator suspends crossings after engine fire\n"
        "Outlet: Harbour Courier\nDate: 2011-03-02\n\n"
        "The Marlow Straits ferry operator suspended all crossings on Wednesday after an engine fire "
        "forced 212 passengers to return to port, the coastguard said.\n\n"
        "Three crew members were treated for smoke inhalation.\n\n"
        "Nobody should trust these boats again, 500 people could have died!\n\n"
        "March 2, 2011 at 9:14 pm | Report abuse | They said the same thing last year.\n\n"
        "I counted 40 lifeboats missing.\n\n"
        "Posted by: dockhand7 | March 3, 2011 6:02 AM | Report abuse\n"
    )
    path = tmp_path / "ferry.txt"
    path.write_text(body)
    a = one(path)
    assert "212 passengers" in a.text and "smoke inhalation" in a.text
    for comment in ("same thing last year", "40 lifeboats", "dockhand7", "Report abuse"):
        assert comment not in a.text, comment
    # a mention of the words in the article's own prose is no signature
    from newsfuse.ingest.clean import comments_start
    paras = ["Users can report abuse to the moderators, the company said.", "It was the second fire."]
    assert comments_start(paras) == 2


def _page(tmp_path, name, paras):
    path = tmp_path / name
    path.write_text("Title: Reservoir levels fall to a ten-year low\nOutlet: Valley Gazette\nDate: 2012-08-14\n\n"
                    + "\n\n".join(paras) + "\n")
    return one(path).text


_STORY = ["Water stored in the Kessling reservoirs fell to 31 percent of capacity on Tuesday, the lowest "
          "level in ten years, the regional water board said.",
          "The board will decide on a hosepipe ban for 400,000 households next week."]


def test_comment_disclaimer_starts_the_comment_section(tmp_path):
    text = _page(tmp_path, "disclaimer.txt", _STORY + [
        "(Reporting by Ana Brill; Editing by Tom Vesk) We welcome comments that advance the debate with "
        "facts, links and first-hand accounts.",
        "Views expressed in the comments are not those of the Valley Gazette.",
        "They have been saying this since 2003, and 90 percent of the pipes still leak.",
        "This discussion is now closed. Comments stay open for three days after a story runs.",
    ])
    assert "31 percent" in text and "400,000 households" in text
    for comment in ("We welcome", "Views expressed", "90 percent", "discussion is now closed"):
        assert comment not in text, comment


def test_call_for_comments_goes_with_the_questions_put_to_readers(tmp_path):
    text = _page(tmp_path, "call.txt", _STORY + [
        "Do you live near the reservoirs?",
        "Are you affected by the shortage?",
        "Send us your views via the form below.",
        "If you are happy to be contacted, please leave a telephone number.",
        "Your contact details will never be published.",
        "The board last imposed a ban in 2003, when it lasted 41 days.",
    ])
    assert "400,000 households" in text
    for call in ("live near the reservoirs", "affected by the shortage", "form below", "telephone", "contact details"):
        assert call not in text, call
    # the page goes on after the form: that text is kept
    assert "41 days" in text


def test_note_that_readers_comments_follow_starts_the_thread(tmp_path):
    text = _page(tmp_path, "thread.txt", _STORY + [
        "What do you make of the shortage?",
        "This debate is closed now. A selection of your comments is below.",
        "We have had no water pressure for 12 days now.",
        "Fix the 2,000 leaking mains first.",
    ])
    assert "400,000 households" in text
    for comment in ("make of the shortage", "debate", "12 days", "2,000"):
        assert comment not in text, comment


def test_a_thread_of_comment_headers_is_cut_at_the_first_header():
    from newsfuse.ingest.clean import comments_start
    thread = _STORY + ["August 14, 2012 at 6:15 pm | Reply Nobody fixed the mains, 3,000 leaks a year.",
                       "They never do.",
                       "August 14, 2012 at 7:02 pm | Reply Build another reservoir."]
    assert comments_start(thread) == 2
    blog = _STORY + ["At 09:12 on 15 Aug 2012, pipewatcher wrote: The board knew in May.",
                     "At 09:40 on 15 Aug 2012, lena_k wrote: Agreed."]
    assert comments_start(blog) == 2
    # a single stamped line is a date, not a thread
    assert comments_start(_STORY + ["August 14, 2012 at 6:15 pm | Updated with the board's statement."]) == 3


def test_story_prose_about_comments_or_debates_is_kept():
    from newsfuse.ingest.clean import comments_start
    paras = _STORY + [
        '"This debate is now closed," the board chairman told reporters after the vote.',
        "The board said it would send us your comments form by post, " + "a long sentence of prose " * 12 + "ends here.",
        "What will you do if the ban comes?",
    ]
    assert comments_start(paras) == len(paras)


def test_headline_of_another_story_recurring_at_page_edges_is_a_stray():
    from newsfuse.ingest.clean import cross_article_strays, norm_line

    sidebar = "Two held over blaze at Dunmore harbour warehouse"
    background = "The Kessling reservoirs supply water to 400,000 households"
    stories = [
        ["Water stored in the Kessling reservoirs fell to 31 percent of capacity.", background],
        ["The Kessling water board approved a hosepipe ban for its reservoirs.", background],
        ["Farmers near the Kessling reservoirs asked the water board for relief.", background],
        ["Rain failed to refill the Kessling reservoirs, the water board said.", background],
    ]
    pages = [[sidebar] + s for s in stories]
    strays = cross_article_strays(pages)
    assert norm_line(sidebar) in strays
    # the stories' own recurring background line shares their topic: it stays
    assert norm_line(background) not in strays
    # three pages are too few to tell a sidebar from chance
    assert not cross_article_strays(pages[:3])

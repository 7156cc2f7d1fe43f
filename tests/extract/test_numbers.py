from newsfuse.extract.numbers import find_numbers, parse_number_words


def _vals(text):
    return [(m.text, m.number, m.low, m.high, m.vague, m.qualifier) for m in find_numbers(text)]


def test_word_and_digit_numbers():
    assert parse_number_words("twelve") == 12
    assert parse_number_words("twenty-five") == 25
    assert parse_number_words("two hundred") == 200
    assert parse_number_words("2,000") == 2000
    assert parse_number_words("1.2 million") == 1_200_000
    assert parse_number_words("a dozen") == 12


def test_qualifiers_ranges_and_vague():
    assert _vals("at least 8 died") == [("at least 8", 8, 8, None, False, "at least")]
    assert _vals("about 2,000 people")[0][1:] == (2000, None, None, False, "about")
    assert _vals("5,800 to 6,000 people")[0][1:4] == (5800, 5800, 6000)
    assert _vals("between 40 and 50 passengers")[0][2:4] == (40, 50)
    assert _vals("dozens of protesters")[0][4] is True
    assert _vals("nearly 11 hours")[0][5] == "nearly"
    m = find_numbers("nearly 11 hours")[0]
    assert m.unit_hour


def test_non_counts_are_skipped():
    for text in ["in 2019", "at 10:20 PM", "a 58-year-old worker", "Kerry Dawes, 34, said",
                 "call 0800 555 0199", "a 20 percent rise", "€5 million in aid", "on Jan. 6", "aged 19 and 23"]:
        assert find_numbers(text) == [], text


def test_two_or_three_is_one_uncertain_amount():
    """"two or three people were hurt" is one figure, a range -- not two rival figures."""
    assert _vals("Two or three people were hurt.") == [("Two or three", 2, 2, 3, False, None)]
    assert _vals("12 or 13 officers were killed") == [("12 or 13", 12, 12, 13, False, None)]
    assert [v[0] for v in _vals("Three or two of them")] == ["Three"]  # no range backwards

"""Files in a legacy encoding of a non-Latin script are read in that script (not as cp1252
mojibake, nor refused as 'no article text'); Western legacy files read as before."""

from newsfuse.ingest import read_paths
from newsfuse.records import Article, ReadProblem

RU = (" date 2031-03-12 Протесты в Велморе\n"
      "В среду в Велморе погибли 12 человек, сообщила полиция.\n\n"
      "Власти ввели комендантский час до пятницы.\n")
ZH = (" date 2031-03-12 维尔莫尔抗议\n"
      "维尔莫尔市周三发生抗议活动，警方说至少有12人死亡。\n\n"
      "当局宣布宵禁至周五。\n")
FR = (" date 2031-03-12 Grève à Velmore\n"
      "« Nous ne céderons pas », a déclaré mercredi le maire de Velmore – la grève continue.\n\n"
      "Les écoles resteront fermées jusqu’à vendredi.\n")


def read_one(path):
    (item,) = list(read_paths([path]))
    return item


def test_cyrillic_and_chinese_legacy_encodings_are_read_in_their_script(tmp_path):
    for name, text, enc in (("ru-1251.txt", RU, "cp1251"), ("ru-koi8.txt", RU, "koi8-r"), ("zh-gbk.txt", ZH, "gbk")):
        f = tmp_path / name
        f.write_bytes(text.encode(enc))
        a = read_one(f)
        assert isinstance(a, Article), (name, a)
        body = text.split("\n", 1)[1].split("\n")[0]
        assert body in a.text, (name, a.text[:80])


def test_html_declaring_its_charset_is_read_in_it(tmp_path):
    f = tmp_path / "velmore.html"
    page = ("<html><head><meta charset=\"windows-1251\"><title>Протесты в Велморе</title></head><body><article>"
            "<p>В среду в Велморе погибли 12 человек, сообщила полиция.</p>"
            "<p>Власти ввели комендантский час до пятницы, сообщили в мэрии.</p></article></body></html>")
    f.write_bytes(page.encode("cp1251"))
    a = read_one(f)
    assert isinstance(a, Article) and "погибли 12 человек" in a.text and a.title == "Протесты в Велморе"


def test_western_legacy_text_reads_as_before(tmp_path):
    f = tmp_path / "fr-1252.txt"
    f.write_bytes(FR.encode("cp1252"))
    a = read_one(f)
    assert "« Nous ne céderons pas », a déclaré mercredi le maire de Velmore – la grève continue." in a.text


def test_binary_is_still_refused(tmp_path):
    f = tmp_path / "blob.txt"
    f.write_bytes(bytes(range(256)) * 20)
    assert isinstance(read_one(f), ReadProblem)


PL = (" date 2031-03-12 Strajk w Wielmorze\n"
      "W środę w Wielmorze związkowcy ogłosili strajk, który może potrwać do piątku.\n\n"
      "Władze miasta zamknęły szkoły, a żołnierze pilnują głównego mostu na rzece Łabie.\n")


def test_polish_in_central_european_legacy_encodings_reads_in_polish(tmp_path):
    for name, enc in (("pl-1250.txt", "cp1250"), ("pl-8859-2.txt", "iso8859_2")):
        f = tmp_path / name
        f.write_bytes(PL.encode(enc))
        a = read_one(f)
        assert isinstance(a, Article), (name, a)
        assert "Władze miasta zamknęły szkoły, a żołnierze pilnują głównego mostu na rzece Łabie." in a.text, (
            name, a.text[:120])


def test_western_text_with_units_and_apostrophes_stays_cp1252(tmp_path):
    f = tmp_path / "fr-units.txt"
    text = FR + "L’eau a atteint 3 m³ par seconde, soit 40 m² inondés près de l’école.\n"
    f.write_bytes(text.encode("cp1252"))
    a = read_one(f)
    assert "L’eau a atteint 3 m³ par seconde, soit 40 m² inondés près de l’école." in a.text
    assert "la grève continue" in a.text

"""A text file whose "Date:" header does not parse is still read, and the reader says so."""

from typer.testing import CliRunner

from newsfuse.cli import app
from newsfuse.ingest import read_bytes
from newsfuse.records import Article, ReadProblem

# invented report
TEXT = ("Title: Velmont ferry resumes after storm\nDate: {date}\n\n"
        "The Velmont ferry resumed service on Thursday after the storm, the operator Kai Lund said. "
        "Passengers boarded the ferry at noon.\n")


def test_an_unreadable_header_date_is_a_warning_naming_file_and_value():
    got = list(read_bytes("ferry.txt", TEXT.format(date="32/13/2024").encode()))
    arts = [g for g in got if isinstance(g, Article)]
    notes = [g for g in got if isinstance(g, ReadProblem)]
    assert len(arts) == 1 and arts[0].title == "Velmont ferry resumes after storm"
    assert len(notes) == 1 and notes[0].kept and notes[0].path == "ferry.txt" and "32/13/2024" in notes[0].message


def test_a_readable_header_date_gives_no_warning():
    got = list(read_bytes("ferry.txt", TEXT.format(date="2024-05-02").encode()))
    assert [type(g) for g in got] == [Article] and got[0].published.day == 2


def test_cli_ingest_warns_and_does_not_count_the_file_as_skipped(tmp_path):
    f = tmp_path / "ferry.txt"
    f.write_text(TEXT.format(date="32/13/2024"))
    result = CliRunner().invoke(app, ["ingest", str(f), "--db", str(tmp_path / "w.db")])
    assert result.exit_code == 0, result.output
    assert "1 new" in result.output and "0 skipped" in result.output
    assert "warning" in result.output and "ferry.txt" in result.output and "32/13/2024" in result.output

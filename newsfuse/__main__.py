"""``python -m newsfuse``: the same command as ``newsfuse``."""

from newsfuse.cli import app

app(prog_name="newsfuse")

"""`newsfuse serve` on a port another process holds fails clearly, naming the port, and does
not first announce an address it cannot serve."""

import socket

from typer.testing import CliRunner

from newsfuse.cli import app
from newsfuse.store import Store


def test_serve_on_a_busy_port_fails_before_announcing(tmp_path):
    db = tmp_path / "w.db"
    Store(db).close()
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        port = held.getsockname()[1]
        result = CliRunner().invoke(app, ["serve", "--db", str(db), "--port", str(port)])
    assert result.exit_code == 2, result.output
    assert "Serving" not in result.output
    assert str(port) in result.output and "--port" in result.output

"""Writing a folder of briefs (``newsfuse brief -o``) that a later run can tidy safely.

index.json lists every file the run wrote with its content hash (``written``). The next run into
the same folder removes what the previous one wrote and it does not write again (briefs of stories
that merged or went, formats no longer asked for), but only a file still exactly as newsfuse wrote
it: files the user put there or edited are never touched.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

INDEX = "index.json"


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _previously_written(folder: Path) -> dict[str, str]:
    """What the last run wrote here, by file name (nothing if there is no readable index)."""
    try:
        doc = json.loads((folder / INDEX).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    written = doc.get("written") if isinstance(doc, dict) else None
    if not isinstance(written, dict):
        return {}
    # plain names only: an index.json is a file anyone can edit, never a list of paths to delete
    return {k: v for k, v in written.items() if isinstance(k, str) and isinstance(v, str)
            and k != INDEX and Path(k).name == k and k not in ("", ".", "..")}


def write_folder(folder: Path, files: dict[str, str], index: dict) -> list[str]:
    """Write ``files`` (name -> text) and ``index`` (as index.json, with ``written`` added) into
    ``folder``; remove the previous run's files this run did not write again if nobody changed
    them since. Returns the names removed."""
    folder.mkdir(parents=True, exist_ok=True)
    before = _previously_written(folder)
    written = {}
    for name, text in files.items():
        data = text.encode("utf-8")
        (folder / name).write_bytes(data)
        written[name] = _sha256(data)
    removed = []
    for name, digest in sorted(before.items()):
        path = folder / name
        if name in written or path.is_symlink() or not path.is_file():
            continue
        try:
            same = _sha256(path.read_bytes()) == digest
        except OSError:
            continue
        if same:
            path.unlink()
            removed.append(name)
    index = {**index, "written": written}
    (folder / INDEX).write_text(json.dumps(index, ensure_ascii=False, indent=2), encoding="utf-8")
    return removed

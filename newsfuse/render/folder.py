"""Writing a folder of briefs (``newsfuse brief -o``, ``export``, ``watch -o``) that a later run can
tidy safely.

index.json lists every file the run wrote with its content hash (``written``). The next run into
the same folder removes what the previous one wrote and it does not write again (briefs of stories
that merged or went, formats no longer asked for), but only a file still exactly as newsfuse wrote
it: files the user put there or edited are never touched.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from newsfuse.records import StorylineBrief

INDEX = "index.json"
FORMATS = ("md", "html", "json")


def render_brief(brief, fmt: str, storyline: str | None = None) -> str:
    """One brief (a story's or a storyline's) in one format; ``storyline``: the id of the storyline
    file written beside a story's brief in a folder of briefs, which its header then links."""
    from newsfuse import render

    line = isinstance(brief, StorylineBrief)
    if fmt == "md":
        return render.storyline_to_markdown(brief) if line else \
            render.to_markdown(brief, f"{storyline}.md" if storyline else None)
    if fmt == "html":
        return render.storyline_to_html(brief) if line else \
            render.to_html(brief, f"{storyline}.html" if storyline else None)
    return json.dumps((render.storyline_to_json if line else render.to_json)(brief), ensure_ascii=False, indent=2)


def write_briefs(folder: Path, run, formats=FORMATS) -> list[str]:
    """Every brief of ``run`` (a ``pipeline.BriefRun``: briefs, stories, articles, storylines) in
    ``formats``, one file per story and per storyline of two or more stories, plus README.md (with
    md) and index.json, through ``write_folder``. Returns the names of earlier files removed."""
    from newsfuse.render import index_json
    from newsfuse.render.index import index_markdown

    lines = run.storylines()
    line_of = {b.story_id: sb.storyline_id for sb in lines for b in sb.stories}
    files = {f"{b.story_id}.{fmt}": render_brief(b, fmt, line_of.get(b.story_id)) for b in run.briefs for fmt in formats}
    files.update({f"{sb.storyline_id}.{fmt}": render_brief(sb, fmt) for sb in lines for fmt in formats})
    if "md" in formats:
        files["README.md"] = index_markdown(run.briefs, run.stories, lines)
    return write_folder(Path(folder), files, index_json(run.stories, run.articles, briefs=run.briefs, storylines=lines))


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

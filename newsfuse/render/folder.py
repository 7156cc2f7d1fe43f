"""Writing a folder of briefs (``newsfuse brief -o``, ``export``, ``watch -o``) that a later run can
tidy safely.

index.json lists every file the run wrote with its content hash (``written``). The next run into
the same folder removes what the previous one wrote and it does not write again (briefs of stories
that merged or went, formats no longer asked for), but only a file still exactly as newsfuse wrote
it: files the user put there or edited are never touched.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import json
import os
import tempfile
from pathlib import Path
from urllib.parse import quote

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
    headlines = {b.story_id: b.headline for b in run.briefs}
    stubs = {f"{old}.{fmt}": merged_stub(old, s.id, headlines.get(s.id, ""), fmt)
             for s in run.stories if s.id in headlines for old in getattr(s, "aliases", None) or []
             if old != s.id for fmt in formats if fmt != "json"}
    return write_folder(Path(folder), files, index_json(run.stories, run.articles, briefs=run.briefs, storylines=lines),
                        stubs={k: v for k, v in stubs.items() if k not in files})


def merged_stub(old: str, new: str, headline: str, fmt: str) -> str:
    """What stands at ``<old>.md`` / ``<old>.html`` once story ``old`` merged into ``new``: a link
    (and, in HTML, a redirect) there, so a bookmark or a link to the old brief still leads to the
    story. No JSON stub: every ``<id>.json`` of a folder is a contract-v1 brief that scripts and
    ``validate_brief`` read as one; programs find the new id in index.json's ``merged_ids``."""
    if fmt == "md":
        return f"Story {old} was merged into [{new}]({quote(new)}.md).\n"
    target, o, n = html.escape(quote(new) + ".html"), html.escape(old), html.escape(new)
    title = f": {html.escape(headline)}" if headline else ""
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<meta http-equiv=\"refresh\" content=\"0; url={target}\">\n"
            f"<link rel=\"canonical\" href=\"{target}\">\n<meta name=\"robots\" content=\"noindex\">\n"
            f"<title>Moved to story {n}</title>\n</head>\n<body>\n"
            f"<p>Story <code>{o}</code> was merged into story <a href=\"{target}\">{n}</a>{title}.</p>\n"
            "</body>\n</html>\n")


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _index_doc(folder: Path) -> dict:
    try:
        doc = json.loads((folder / INDEX).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return doc if isinstance(doc, dict) else {}


def _previously_written(folder: Path) -> dict[str, set[str]]:
    """What earlier runs wrote here: file name -> the hashes newsfuse gave it (nothing if there is
    no readable index). ``writing`` lists what a run was about to write when it stopped (killed
    mid-way): those files are newsfuse's too."""
    doc = _index_doc(folder)
    out: dict[str, set[str]] = {}
    for key in ("written", "writing"):
        listed = doc.get(key)
        if not isinstance(listed, dict):
            continue
        # plain names only: an index.json is a file anyone can edit, never a list of paths to delete
        for k, v in listed.items():
            if isinstance(k, str) and isinstance(v, str) and _plain(k):
                out.setdefault(k, set()).add(v)
    return out


def _plain(name: str) -> bool:
    """A file name of the folder itself (no path, not index.json)."""
    return name != INDEX and Path(name).name == name and name not in ("", ".", "..")


def foreign_files(folder: Path) -> list[str]:
    """The files of ``folder`` a run would overwrite that newsfuse did not write: a README.md or
    index.json of the user's (``-o`` pointed at a project folder). A folder with newsfuse's own
    index.json (one listing ``written`` files, or an older one with ``stories``) is newsfuse's."""
    index = folder / INDEX
    if not index.exists():
        ours: set[str] = set()
    else:
        doc = _index_doc(folder)
        listed = any(isinstance(doc.get(k), dict) for k in ("written", "writing"))  # "writing": a killed run's
        if not listed and not isinstance(doc.get("stories"), list):
            return [INDEX] + (["README.md"] if (folder / "README.md").exists() else [])
        ours = set(_previously_written(folder)) if listed else {"README.md"}
    return [n for n in ("README.md",) if (folder / n).exists() and n not in ours]


def _ours_or_free(path: Path, digests: set[str]) -> bool:
    """No file at ``path``, or one whose content has one of ``digests`` (as newsfuse wrote it)."""
    if path.is_symlink():
        return False
    try:
        return _sha256(path.read_bytes()) in digests
    except FileNotFoundError:
        return True
    except OSError:
        return False


def _write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` in one step: a reader (a browser, a sync tool, `serve`) never sees half a
    brief, and a run killed mid-write leaves the old file whole."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_folder(folder: Path, files: dict[str, str], index: dict, stubs: dict[str, str] | None = None) -> list[str]:
    """Write ``files`` (name -> text) and ``index`` (as index.json, with ``written`` added) into
    ``folder``; remove the previous run's files this run did not write again if nobody changed
    them since. Returns the names removed. The index names what this run will write before it
    writes it, so files of a run that was killed are still known as newsfuse's.

    ``stubs`` (name -> text; the redirects of merged ids) are written only where no file stands
    or newsfuse's own does, unchanged: an old brief the user edited, or a file of theirs that
    happens to bear the name, is left as it is."""
    folder.mkdir(parents=True, exist_ok=True)
    before = _previously_written(folder)
    files = {**files, **{name: text for name, text in (stubs or {}).items() if name not in files and _plain(name)
                         and _ours_or_free(folder / name, before.get(name, set()) | {_sha256(text.encode("utf-8"))})}}
    data = {name: text.encode("utf-8") for name, text in files.items()}
    written = {name: _sha256(b) for name, b in data.items()}
    _write_atomic(folder / INDEX, json.dumps({**_index_doc(folder), "writing": written},
                                             ensure_ascii=False, indent=2).encode("utf-8"))
    for name, b in data.items():
        _write_atomic(folder / name, b)
    removed = []
    for name, digests in sorted(before.items()):
        path = folder / name
        if name in written or path.is_symlink() or not path.is_file():
            continue
        try:
            same = _sha256(path.read_bytes()) in digests
        except OSError:
            continue
        if same:
            path.unlink()
            removed.append(name)
    index = {**index, "written": written}
    _write_atomic(folder / INDEX, json.dumps(index, ensure_ascii=False, indent=2).encode("utf-8"))
    return removed

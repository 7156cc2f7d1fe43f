"""Checks a brief's JSON against contract v1 (docs/brief-json.md), so other tools can rely on it.

Used by the tests and by anyone who wants to check a folder of briefs: returns a list of problems,
each naming the path inside the document; an empty list means the document conforms.
"""

from __future__ import annotations

import re
from datetime import date, datetime

__all__ = ["validate_brief", "validate_index"]

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
STATUSES = {"agree", "conflict", "evolving", "single"}
ENTITY_TYPES = {"person", "organization", "place", "other"}


def _is_str(v) -> bool:
    return isinstance(v, str)


def _opt(check):
    return lambda v: v is None or check(v)


def _is_date(v) -> bool:
    if not isinstance(v, str) or not _DATE.match(v):
        return False
    try:
        date.fromisoformat(v)
    except ValueError:
        return False
    return True


def _is_datetime(v) -> bool:
    try:
        datetime.fromisoformat(v)
    except (TypeError, ValueError):
        return False
    return True


def _is_num(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _fields(obj, spec: dict, where: str, problems: list[str]) -> None:
    if not isinstance(obj, dict):
        problems.append(f"{where}: expected an object")
        return
    for key, check in spec.items():
        if key not in obj:
            problems.append(f"{where}.{key}: missing")
        elif not check(obj[key]):
            problems.append(f"{where}.{key}: bad value {obj[key]!r}")


def _citation(c, where: str, problems: list[str]) -> None:
    _fields(c, {"article_id": _is_str, "sentence": lambda v: isinstance(v, int) and v >= 0, "text": _is_str},
            where, problems)


def _list(doc: dict, key: str, problems: list[str]) -> list:
    value = doc.get(key)
    if not isinstance(value, list):
        problems.append(f"{key}: expected a list")
        return []
    return value


def validate_brief(doc: dict) -> list[str]:
    """Problems with a ``<story_id>.json`` document; [] when it follows contract v1."""
    problems: list[str] = []
    _fields(doc, {"story_id": _is_str, "headline": _is_str, "generated_at": _is_datetime}, "brief", problems)
    for i, item in enumerate(_list(doc, "summary", problems)):
        _fields(item, {"text": _is_str, "citations": lambda v: isinstance(v, list) and len(v) > 0},
                f"summary[{i}]", problems)
        for j, c in enumerate(item.get("citations") or []):
            _citation(c, f"summary[{i}].citations[{j}]", problems)
    for i, fact in enumerate(_list(doc, "facts", problems)):
        _fields(fact, {"quantity": _is_str, "status": lambda v: v in STATUSES,
                       "reports": lambda v: isinstance(v, list) and len(v) > 0}, f"facts[{i}]", problems)
        for j, r in enumerate(fact.get("reports") or []):
            w = f"facts[{i}].reports[{j}]"
            _fields(r, {"article_id": _is_str, "outlet": _opt(_is_str), "value": _is_str, "number": _opt(_is_num),
                        "qualifier": _opt(_is_str), "as_of": _opt(_is_date), "attribution": _opt(_is_str),
                        "citation": lambda v: isinstance(v, dict)}, w, problems)
            if isinstance(r, dict) and r.get("method", "rules") not in ("rules", "learned"):
                problems.append(f"{w}.method: bad value {r['method']!r}")  # absent in briefs made before it existed
            _citation(r.get("citation"), w + ".citation", problems)
            for k, c in enumerate(r.get("copies") or [] if isinstance(r, dict) else []):  # added later: optional
                _citation(c, f"{w}.copies[{k}]", problems)
    for i, q in enumerate(_list(doc, "quotes", problems)):
        _fields(q, {"speaker": _opt(_is_str), "text": _is_str, "citations": lambda v: isinstance(v, list) and v},
                f"quotes[{i}]", problems)
        if isinstance(q, dict) and "direct" in q and not isinstance(q["direct"], bool):
            problems.append(f"quotes[{i}].direct: expected true or false")
        for j, c in enumerate(q.get("citations") or []):
            _citation(c, f"quotes[{i}].citations[{j}]", problems)
    for i, t in enumerate(_list(doc, "timeline", problems)):
        _fields(t, {"date": _is_date, "text": _is_str, "citations": lambda v: isinstance(v, list) and v},
                f"timeline[{i}]", problems)
        if isinstance(t, dict) and t.get("time") is not None:  # added later: optional
            if not _is_datetime(t["time"]):
                problems.append(f"timeline[{i}].time: expected an ISO-8601 datetime or null")
            elif t["time"][:10] != t.get("date"):
                problems.append(f"timeline[{i}].time: not on the item's date {t.get('date')!r}")
        for j, c in enumerate(t.get("citations") or []):
            _citation(c, f"timeline[{i}].citations[{j}]", problems)
    for i, e in enumerate(_list(doc, "entities", problems)):
        _fields(e, {"name": _is_str, "type": lambda v: v in ENTITY_TYPES,
                    "mentions": lambda v: isinstance(v, int) and v >= 0}, f"entities[{i}]", problems)
    for i, u in enumerate(_list(doc, "unique", problems)):
        _fields(u, {"article_id": _is_str, "text": _is_str, "citation": lambda v: isinstance(v, dict)},
                f"unique[{i}]", problems)
        _citation(u.get("citation"), f"unique[{i}].citation", problems)
    for i, s in enumerate(_list(doc, "sources", problems)):
        _fields(s, {"article_id": _is_str, "outlet": _opt(_is_str), "title": _opt(_is_str),
                    "published": _opt(_is_datetime), "url": _opt(_is_str), "path": _opt(_is_str),
                    "duplicate_of": _opt(_is_str)}, f"sources[{i}]", problems)
        if isinstance(s, dict) and s.get("not_analysed") is not None and not _is_str(s["not_analysed"]):
            problems.append(f"sources[{i}].not_analysed: expected a language code or null")
        if isinstance(s, dict) and s.get("duplicate_kind") not in (None, "exact", "near", "contained"):
            problems.append(f"sources[{i}].duplicate_kind: expected exact, near, contained or null")
    return problems


def validate_index(doc: dict) -> list[str]:
    """Problems with an ``index.json`` document; [] when it follows contract v1."""
    problems: list[str] = []
    for i, s in enumerate(_list(doc, "stories", problems)):
        _fields(s, {"story_id": _is_str, "headline": _is_str,
                    "article_ids": lambda v: isinstance(v, list) and all(map(_is_str, v)),
                    "paths": lambda v: isinstance(v, list)}, f"stories[{i}]", problems)
    for i, a in enumerate(_list(doc, "articles", problems)):
        _fields(a, {"article_id": _is_str, "path": _opt(_is_str), "story_id": _opt(_is_str),
                    "duplicate_of": _opt(_is_str)}, f"articles[{i}]", problems)
    return problems

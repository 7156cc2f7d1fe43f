"""What every benchmark script prints besides its own table: the machine, and optional JSON."""

from __future__ import annotations

import json
import os
import platform
from pathlib import Path
from typing import Callable


def machine() -> dict:
    """Cores and CPU model, to print beside every number."""
    model = "unknown"
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cpus": os.cpu_count(), "cpu_model": model, "python": platform.python_version()}


def report(res: dict, format_report: Callable[[dict], str], json_path: str | None) -> None:
    """Print the table and the machine; write the raw results as JSON when asked."""
    res["machine"] = machine()
    print(format_report(res))
    print(f"machine: {res['machine']}")
    if json_path:
        Path(json_path).write_text(json.dumps(res, indent=2, default=str))

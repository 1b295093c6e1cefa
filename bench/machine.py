"""What the figures were measured on."""

from __future__ import annotations

import os
import platform
import subprocess
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import psutil


def cpu_model() -> str:
    with open("/proc/cpuinfo", encoding="utf-8") as f:
        for line in f:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def _version(pkg: str) -> str:
    try:
        return version(pkg)
    except PackageNotFoundError:
        return "not installed"


def chromium_version(path: str) -> str:
    try:
        out = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=20, check=False)
        return out.stdout.strip() or "unknown"
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"


def machine(chromium: str) -> dict[str, Any]:
    git = Path(__file__).resolve().parents[1] / ".git"
    head = ""
    if git.exists():
        try:
            head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                                  timeout=10, check=False, cwd=git.parent).stdout.strip()
        except (OSError, subprocess.TimeoutExpired):
            head = ""
    return {
        "cpu_model": cpu_model(),
        "logical_cores": os.cpu_count(),
        "physical_cores": psutil.cpu_count(logical=False),
        "ram_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "os": platform.platform(),
        "python": platform.python_version(),
        "streamlit": _version("streamlit"),
        "altair": _version("altair"),
        "pandas": _version("pandas"),
        "pydantic": _version("pydantic"),
        "playwright": _version("playwright"),
        "chromium": chromium_version(chromium),
        "git_head": head,
    }


def load_average() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]

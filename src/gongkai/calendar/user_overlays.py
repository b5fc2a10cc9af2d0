"""Overlays given once for every call: the user's config folder and ``GONGKAI_CALENDAR``.

``WorkCalendar.default()`` and the command line lay, over chinese-calendar's data,

1. every ``*.json`` file of the user's calendar folder, in name order:
   ``$XDG_CONFIG_HOME/gongkai/calendar/`` (default ``~/.config/gongkai/calendar/``);
   on Windows ``%APPDATA%\\gongkai\\calendar\\``;
2. then each file named in the environment variable ``GONGKAI_CALENDAR``
   (paths separated by ``os.pathsep``: ``:`` on Linux and macOS, ``;`` on Windows).

A later file wins over an earlier one where both may speak (see ``overlays``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

#: The environment variable that names overlay files.
ENV_VAR = "GONGKAI_CALENDAR"
#: The environment variable that places the user's config folder on this platform.
FOLDER_VAR = "APPDATA" if sys.platform == "win32" else "XDG_CONFIG_HOME"


def config_dir() -> Path:
    """The user's gongkai calendar folder (it need not exist)."""
    folder = os.environ.get(FOLDER_VAR)
    if folder:
        base = Path(folder)
    else:
        base = Path.home() / ("AppData/Roaming" if sys.platform == "win32" else ".config")
    return base / "gongkai" / "calendar"


def user_overlay_paths() -> tuple[Path, ...]:
    """The overlay files to load, config folder first, then ``GONGKAI_CALENDAR``."""
    folder = config_dir()
    found = sorted(folder.glob("*.json")) if folder.is_dir() else []
    listed = os.environ.get(ENV_VAR, "")
    found += [Path(part) for part in listed.split(os.pathsep) if part.strip()]
    return tuple(found)

"""Where a data file is, and where its companions are: its archive, its set-aside copies."""

from __future__ import annotations

import os
from pathlib import Path

from flows.datafile import APP_NAME, DataFileError

ENVIRONMENT_VARIABLE = "AMAZON_CONTACT_DB"


def archive_folder_of(path: Path) -> Path:
    """Where the finished attempts of the data file ``path`` are kept."""
    return path.with_name(path.stem + ".archive")


def set_aside_folder_of(path: Path) -> Path:
    """Where copies are kept that could not go into ``path`` (it was replaced by an older one)."""
    return path.with_name(path.stem + ".set-aside")


def leftover_temporary_files(path: Path) -> list[Path]:
    """Temporary files an interrupted save of ``path`` or its archive may have left."""
    archive = archive_folder_of(path)
    found: list[Path] = []
    for folder, pattern in ((path.parent, f".{path.name}.*.tmp"), (archive, ".*.json.*.tmp")):
        if folder.is_dir():
            found += sorted(folder.glob(pattern))
    return found


def default_path() -> Path:
    """The data file: ``$AMAZON_CONTACT_DB`` if set, else the user data folder of this platform."""
    chosen = os.environ.get(ENVIRONMENT_VARIABLE)
    if chosen:
        return Path(chosen).expanduser()
    import platformdirs  # only needed when no path is given; keeps start-up lean

    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "attempts.json"


def resolve_data_path(path: Path) -> Path:
    """``path`` with links followed (a data file linked into a synced folder is written there)."""
    try:
        return path.resolve()
    except (RuntimeError, OSError) as error:  # a link that points back at itself
        raise DataFileError("link_loop", path=path) from error

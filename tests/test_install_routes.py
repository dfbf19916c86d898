"""The ways the README gives of installing the app work, from a wheel built on a clean copy of
the project, each in a fresh environment: ``uv tool install``, ``pipx install`` and ``uvx --from``
(the wheel, and the copy's folder). Each installed app prints its version, starts the full
screen in a pseudo-terminal (the start screen with a data file's attempts, then one of them at
its step), quits on ctrl+q, and runs ``due``.

Everything an install writes goes under a temporary folder: HOME, the XDG folders, uv's tool
folders and pipx's home. Only the caches of uv and pip are shared with the machine, so that what
they hold is not fetched again: uv is asked offline first, and reaches the package index only for
what its cache lacks; pipx's pip always asks the index. The dependencies are held to the versions
in uv.lock (as constraints), so a release elsewhere does not change what is tested.

The wheel's contents are checked on every run. The installs take about a minute and reach the
package index, so they run in CI (CI=true, which .ci/run sets), or by hand with
``CI=true uv run pytest tests/test_install_routes.py``.
"""

from __future__ import annotations

import email.parser
import glob
import os
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from benchmarks.terminal import Terminal
from flows.words import words_for
from tests.tui.conftest import seed

PROJECT = Path(__file__).resolve().parents[1]
DECLARED = tomllib.loads((PROJECT / "pyproject.toml").read_text())["project"]
WAIT = 30.0  # seconds for the full screen to be drawn: generous for a loaded two-core machine
INSTALL = 300  # seconds for one install, the package index included
IN_CI = os.environ.get("CI", "").lower() not in {"", "0", "false", "no"}
only_in_ci = pytest.mark.skipif(
    not IN_CI,
    reason="installs the app (about a minute, and pipx reaches the package index): runs in CI, "
    "or with CI=true uv run pytest tests/test_install_routes.py",
)
UV = os.environ.get("UV") or shutil.which("uv") or "uv"  # `uv run` names the uv that runs it
# uvx is `uv tool run` under a shorter name, installed beside uv.
UVX = (
    [str(Path(UV).with_name("uvx"))] if Path(UV).with_name("uvx").exists() else [UV, "tool", "run"]
)


@dataclass(frozen=True)
class Built:
    copy: Path  # the project's tracked files, as a clean clone has them
    wheel: Path
    sdist: Path
    constraints: Path  # uv.lock's versions of the app's dependencies


def run(command: list[str | Path], **kwargs) -> subprocess.CompletedProcess[str]:
    kwargs.setdefault("timeout", INSTALL)
    return subprocess.run(
        [str(part) for part in command], capture_output=True, text=True, check=False, **kwargs
    )


def succeeded(result: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert result.returncode == 0, (
        f"{result.args!r}:\n{result.stdout[-3000:]}{result.stderr[-3000:]}"
    )
    return result


def offline_first(command: list[str | Path], env: dict[str, str] | None = None, **kwargs) -> None:
    """``command`` (uv's) with what uv's cache holds, which needs no network and gives the same
    each time; with the network only when the cache lacks something (a new machine's first run)."""
    environment = {**(env or os.environ), "UV_OFFLINE": "1"}
    result = run(command, env=environment, **kwargs)
    if result.returncode != 0 and "network" in result.stderr:
        print(f"not all in uv's cache, so from the package index: {result.args[1:3]}")
        environment.pop("UV_OFFLINE")
        result = run(command, env=environment, **kwargs)
    succeeded(result)


def uv(*args: str | Path, env: dict[str, str] | None = None, **kwargs) -> None:
    offline_first([UV, *args], env, **kwargs)


def tracked_copy(destination: Path) -> Path:
    """The files git tracks, as the work tree has them: what a clean clone holds once they are
    committed (an untracked file, a new catalog never `git add`ed say, stays behind as it would)."""
    listed = run(["git", "ls-files", "-z"], cwd=PROJECT)
    if listed.returncode != 0:
        pytest.fail(f"the project is not a git checkout, so no clean copy: {listed.stderr}")
    for name in filter(None, listed.stdout.split("\0")):
        source = PROJECT / name
        if source.is_file():  # a file deleted in the work tree is gone from the next commit
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / name)
    return destination


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Built:
    folder = tmp_path_factory.mktemp("built")
    copy = tracked_copy(folder / "amazon-contact")
    started = time.perf_counter()
    # Both, as a release would: the wheel is built from the sdist, which so must be complete too.
    uv("build", "--out-dir", folder / "dist", cwd=copy)
    print(f"uv build (sdist, then the wheel from it): {time.perf_counter() - started:.1f} s")
    constraints = folder / "constraints.txt"
    uv(
        "export",
        "--locked",
        "--no-dev",
        "--no-hashes",
        "--no-emit-project",
        "--quiet",
        "--output-file",
        constraints,
        cwd=copy,
    )
    (wheel,) = (folder / "dist").glob("*.whl")
    (sdist,) = (folder / "dist").glob("*.tar.gz")
    return Built(copy, wheel, sdist, constraints)


def test_the_wheel_holds_every_package_file_the_licence_and_a_description_for_installed_use(
    built,
):
    tracked = {
        path.relative_to(built.copy).as_posix()
        for package in ("flows", "tui")
        for path in (built.copy / package).rglob("*")
        if path.is_file()
    }
    with zipfile.ZipFile(built.wheel) as wheel:
        names = set(wheel.namelist())
        info = f"amazon_contact-{DECLARED['version']}.dist-info"
        metadata = email.parser.BytesParser().parsebytes(wheel.read(f"{info}/METADATA"))
        licence = wheel.read(f"{info}/licenses/LICENSE").decode()
    assert {name for name in names if not name.startswith(info)} == tracked
    assert any(name.endswith(".tcss") for name in tracked), "the styles are package data too"
    assert licence == (PROJECT / "LICENSE").read_text() and licence.startswith("MIT License")
    with tarfile.open(built.sdist) as sdist:
        assert f"amazon_contact-{DECLARED['version']}/LICENSE" in sdist.getnames()
    assert metadata["License-Expression"] == "MIT" and metadata["License-File"] == "LICENSE"
    classifiers = metadata.get_all("Classifier") or []
    for minor in (11, 12, 13):
        assert f"Programming Language :: Python :: 3.{minor}" in classifiers
    assert metadata["Keywords"]
    description = str(metadata.get_payload())
    assert "amazon-contact due" in description
    assert "uv run" not in description, "an installed copy has no project to `uv run` in"
    assert "Author" not in metadata and "Project-URL" not in metadata, "none that exist"


# Installing, each way ---------------------------------------------------------------------------


def interpreter(version: str) -> Path | None:
    """A Python of ``version`` on this machine: this one's own, one uv finds, or pyenv's (uv cannot
    download one here)."""
    if version == f"{sys.version_info.major}.{sys.version_info.minor}":
        return Path(sys.base_prefix) / "bin" / f"python{version}"
    found = run([UV, "python", "find", "--no-project", "--no-python-downloads", version])
    if found.returncode == 0:
        return Path(found.stdout.strip())
    pyenv = os.environ.get("PYENV_ROOT", str(Path.home() / ".pyenv"))
    candidates = sorted(glob.glob(f"{pyenv}/versions/{version}.*/bin/python{version}"))
    return Path(candidates[-1]) if candidates else None


def fresh_environment(folder: Path) -> dict[str, str]:
    """The machine's environment with a new, empty HOME and XDG folders (so the app's data, state
    and settings and every tool's are made there), the project's own environment left out, and the
    machine's uv and pip caches kept."""
    caches = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    uv_cache = run([UV, "cache", "dir"]).stdout.strip() or str(caches / "uv")
    home = folder / "home"
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in {"VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "UV_RUN_RECURSION_DEPTH"}
    }
    ours = str(PROJECT / ".venv" / "bin")
    environment["PATH"] = os.pathsep.join(
        part for part in environment.get("PATH", "").split(os.pathsep) if part != ours
    )
    environment.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_STATE_HOME=str(home / ".local" / "state"),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_CACHE_HOME=str(home / ".cache"),
        UV_CACHE_DIR=uv_cache,
        PIP_CACHE_DIR=os.environ.get("PIP_CACHE_DIR", str(caches / "pip")),
        UV_TOOL_DIR=str(folder / "uv-tools"),
        UV_TOOL_BIN_DIR=str(folder / "bin"),
        PIPX_HOME=str(folder / "pipx"),
        PIPX_BIN_DIR=str(folder / "bin"),
    )
    home.mkdir()
    return environment


def installed(route: str, built: Built, python: Path, folder: Path, env: dict[str, str]):
    """Install the app by ``route``; the command that starts it."""
    constraints = ["--constraints", str(built.constraints)]
    match route:
        case "uv tool install":
            uv("tool", "install", "--python", python, *constraints, built.wheel, env=env)
            return [str(folder / "bin" / "amazon-contact")]
        case "pipx install":
            # pipx in a virtual environment of its own; pip (not uv) as its installer, as the
            # pipx most systems ship uses.
            pipx = folder / "pipx-itself"
            uv("venv", "--quiet", "--python", python, pipx, env=env)
            uv("pip", "install", "--quiet", "--python", pipx / "bin" / "python", "pipx", env=env)
            pip_args = f"--constraint {built.constraints}"
            install = [pipx / "bin" / "pipx", "install", "--backend", "pip", "--python", python]
            succeeded(run([*install, "--pip-args", pip_args, built.wheel], env=env))
            return [str(folder / "bin" / "amazon-contact")]
        case "uvx --from the wheel" | "uvx --from the folder":
            source = built.wheel if route.endswith("wheel") else built.copy
            command = [*UVX, "--python", str(python), *constraints, "--from", str(source)]
            command.append("amazon-contact")
            offline_first([*command, "--version"], env)  # the first run makes its environment
            env["UV_OFFLINE"] = "1"  # and what that fetched, the cache holds now
            return command
    raise AssertionError(route)


def starts_the_full_screen_and_quits(command: list[str], env, folder: Path, data: Path) -> None:
    """The start screen lists the data file's unfinished attempts; Enter opens the first at its
    step (the guidance, the moves); ctrl+q quits with status 0."""
    english = words_for("en")
    with Terminal([*command, "--db", str(data), "--lang", "en"], env=env, cwd=folder) as app:
        app.wait_for(english("unfinished").encode(), timeout=WAIT)
        app.settle()
        app.press("\r")
        app.wait_for(english("moves_title").encode(), timeout=WAIT)
        app.press("\x11")  # ctrl+q
        app.finish(timeout=WAIT)
        assert app.process.returncode == 0, app.screen_text()


ROUTES = ["uv tool install", "pipx install", "uvx --from the wheel", "uvx --from the folder"]


@only_in_ci
@pytest.mark.parametrize(
    ("route", "version"),
    [
        *((route, "3.11") for route in ROUTES),
        ("uv tool install", "3.12"),
        ("uv tool install", "3.13"),
    ],
)
def test_installed_this_way_the_app_starts_its_full_screen_and_runs_due(
    built, tmp_path, route, version
):
    python = interpreter(version)
    if python is None:
        pytest.skip(f"no Python {version} on this machine, and uv cannot download one here")
    env = fresh_environment(tmp_path)
    data = tmp_path / "attempts.json"
    seed(data)  # one attempt waiting on a promise long overdue, so `due` says so and exits 1
    started = time.perf_counter()
    command = installed(route, built, python, tmp_path, env)
    install_time = time.perf_counter() - started

    shown = succeeded(run([*command, "--version"], env=env, cwd=tmp_path))
    assert shown.stdout == f"amazon-contact {DECLARED['version']}\n"
    starts_the_full_screen_and_quits(command, env, tmp_path, data)
    due = run([*command, "due", "--db", data, "--lang", "en"], env=env, cwd=tmp_path)
    assert due.returncode == 1 and "새 상품 발송" in due.stdout, due.stdout + due.stderr
    print(
        f"{route} on {version}: installed in {install_time:.1f} s, all in {time.perf_counter() - started:.1f} s"
    )


# CI's own uv ---------------------------------------------------------------------------------


@only_in_ci
def test_ci_installs_uv_where_the_system_python_refuses_pip(tmp_path):
    """.ci/run, on a machine without uv whose Python is externally managed (PEP 668), as Debian's
    and Ubuntu's are: `pip install uv` is refused there, and .ci/install-uv still gets one."""
    system = Path("/usr/bin/python3")
    stdlib = run([system, "-c", "import sysconfig; print(sysconfig.get_path('stdlib'))"])
    if stdlib.returncode != 0 or not (Path(stdlib.stdout.strip()) / "EXTERNALLY-MANAGED").exists():
        pytest.skip(f"{system} is not an externally managed Python here")
    caches = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    env = {
        "PATH": "/usr/bin:/bin",  # no uv there
        "HOME": str(tmp_path / "home"),
        "PIP_CACHE_DIR": os.environ.get("PIP_CACHE_DIR", str(caches / "pip")),
    }
    assert shutil.which("uv", path=env["PATH"]) is None
    refused = run([system, "-m", "pip", "install", "--user", "uv"], env=env)
    assert refused.returncode != 0 and "externally-managed-environment" in refused.stderr

    found = succeeded(run(["bash", PROJECT / ".ci" / "install-uv"], env=env)).stdout.strip()
    assert Path(found).is_relative_to(tmp_path), "installed in the (temporary) home's cache"
    assert succeeded(run([Path(found) / "uv", "--version"], env=env)).stdout.startswith("uv ")
    again = succeeded(run(["bash", PROJECT / ".ci" / "install-uv"], env=env))
    assert again.stdout.strip() == found and again.stderr == "", "the second time, it is there"

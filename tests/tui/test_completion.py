"""``amazon-contact completion SHELL``: the script each shell sources, and bash completing for real."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
COMMANDS = ("history", "show", "export", "due", "stats", "doctor", "flow", "completion")


def completion(shell: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "tui", "completion", shell, "--lang", "en"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_each_shell_gets_a_script_naming_every_command(shell):
    script = completion(shell)
    assert all(command in script for command in COMMANDS)
    assert "--db" in script and "--lang" in script


# A shell asking for completions as it does at a Tab: the words so far, and the one being typed.
ASK_BASH = """
source "$1"
read -ra COMP_WORDS <<<"$2"
[[ "$2" == *" " ]] && COMP_WORDS+=("")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1)) COMP_LINE="$2" COMP_POINT=${#2}
_shtab_amazon_contact
printf '%s\\n' "${COMPREPLY[@]}"
"""


@pytest.mark.skipif(shutil.which("bash") is None, reason="no bash on this machine")
@pytest.mark.parametrize(
    ("typed", "offered"),
    [
        ("amazon-contact hi", ["history"]),
        ("amazon-contact due --f", ["--format"]),
        ("amazon-contact export 2 --format ", ["md", "json", "ics"]),
        ("amazon-contact --lang ", ["en", "ko"]),
        ("amazon-contact completion ", ["bash", "zsh", "fish"]),
    ],
)
def test_bash_completes_commands_options_and_choices(tmp_path, typed, offered):
    script = tmp_path / "amazon-contact.bash"
    script.write_text(completion("bash"))
    asked = subprocess.run(
        ["bash", "-c", ASK_BASH, "bash", str(script), typed],
        capture_output=True,
        text=True,
        timeout=20,
        check=False,
    )
    assert asked.returncode == 0, asked.stderr
    assert asked.stdout.split() == offered

"""Hand mutants: one-line breakages of what must hold, each with the test that must catch it.

`uv run python -m tests.mutants` copies the tree to a temporary folder, applies each mutant
there in turn, runs its test, and reports the mutants that survived (exit 1 if any did). The
working tree is never touched. Run it before resolving an issue that touches what is listed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Mutant:
    what: str
    file: str
    old: str
    new: str
    test: str  # a pytest node or -k expression that must fail


MUTANTS = [
    Mutant(
        "a stale copy is written over a newer one, not merged",
        "flows/store.py",
        "if on_disk is not None and on_disk.revision > attempt.revision:",
        "if False:",
        "tests/flows/test_merge.py::test_a_stale_copy_keeps_the_notes_the_other_window_saved",
    ),
    Mutant(
        "a copy newer than a file put back is written over it, not set aside",
        "flows/store.py",
        "if on_disk is not None and on_disk.revision < attempt.revision:",
        "if False:",
        "tests/flows/test_merge.py::test_a_backup_put_back_wins_and_the_later_copy_is_set_aside",
    ),
    Mutant(
        "two attempts under one number are merged",
        "flows/store.py",
        "if on_disk is not None and on_disk.created_at != attempt.created_at:",
        "if False:",
        "tests/flows/test_review_findings.py::"
        "test_a_number_handed_out_again_after_a_restore_never_merges_two_attempts",
    ),
    Mutant(
        "a merge brings a deleted note back",
        "flows/merge.py",
        "    erase_deleted(merged)  # a note deleted in either copy stays deleted",
        "    pass",
        "tests/flows/test_merge.py::test_a_note_deleted_in_one_copy_stays_deleted",
    ),
    Mutant(
        "a stale step reopens a finished attempt",
        "flows/merge.py",
        'if ended and data["configuration"][-1] not in FINAL_STATE_IDS:',
        "if False:",
        "tests/flows/test_merge.py::test_a_finished_attempt_is_not_undone_by_a_stale_step",
    ),
    Mutant(
        "a move is pointed at another step (no supervisor: back to the agent)",
        "flows/amazon.py",
        "supervisor_unavailable = in_contact.asking_for_supervisor.to(in_contact.talking_with_agent)",
        "supervisor_unavailable = in_contact.asking_for_supervisor.to(in_contact.being_transferred)",
        "tests/flows/test_transition_table.py::test_the_machine_is_the_table_exactly",
    ),
    Mutant(
        "a move is dropped (a kept promise no longer resolves)",
        "flows/amazon.py",
        "    promise_kept = waiting_on_promise.to(resolved)\n",
        "",
        "tests/flows/test_transition_table.py::test_the_machine_is_the_table_exactly",
    ),
    Mutant(
        "the folder is not synced after the rename",
        "flows/datafile.py",
        "    _fsync_folder(path.parent)\n    return (written.st_ino",
        "    return (written.st_ino",
        "tests/flows/test_store.py::"
        "test_a_durable_replace_syncs_the_new_file_renames_it_then_syncs_the_folder",
    ),
    Mutant(
        "a FIFO is read as a data file (and hangs)",
        "flows/datafile.py",
        "    if not stat.S_ISREG(found.st_mode):",
        "    if stat.S_ISDIR(found.st_mode):",
        "tests/tui/test_cli.py::test_a_fifo_as_the_data_file_is_refused_at_once",
    ),
    Mutant(
        "the doctor does not report damaged records",
        "flows/doctor.py",
        "    checkup.problems += [d.as_error() for d in damage]",
        "    pass",
        "tests/tui/test_damaged_files.py::"
        "test_every_command_says_what_is_wrong_and_the_doctor_agrees[a goal from a newer release]",
    ),
    Mutant(
        "an unsaved change is warned of once per screen, not once per change",
        "tui/screens/step.py",
        "        if self._warned_at_save == session.saves:",
        "        if self._warned_at_save is not None:",
        "tests/tui/test_faults.py::test_a_second_unsaved_change_after_a_save_is_warned_of_again",
    ),
    Mutant(
        "typed text is not kept when leaving",
        "tui/screens/step.py",
        "        self._keep_unsent()  # leaving the step or quitting",
        "        pass  # leaving the step or quitting",
        "tests/tui/test_faults.py::"
        "test_text_typed_but_not_confirmed_survives_quitting_and_comes_back",
    ),
    Mutant(
        "a negative time to resolve counts",
        "flows/stats.py",
        "    took = [length for length in took if length >= timedelta(0)]",
        "    pass",
        "tests/flows/test_stats.py::test_a_clock_set_back_gives_no_negative_time_to_resolve",
    ),
]


def survives(mutant: Mutant, tree: Path) -> bool:
    target = tree / mutant.file
    source = target.read_text("utf-8")
    if mutant.old not in source:
        raise SystemExit(f"mutant {mutant.what!r}: its line is no longer in {mutant.file}")
    target.write_text(source.replace(mutant.old, mutant.new, 1), "utf-8")
    try:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-q",
                "-n",
                "0",
                "-p",
                "no:cacheprovider",
                mutant.test,
            ],
            cwd=tree,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    finally:
        target.write_text(source, "utf-8")
    return result.returncode == 0


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="amazon-contact-mutants-") as folder:
        tree = Path(folder) / "tree"
        shutil.copytree(
            PROJECT,
            tree,
            ignore=shutil.ignore_patterns(".git", ".venv", "__pycache__", ".hypothesis"),
        )
        survivors = []
        for mutant in MUTANTS:
            alive = survives(mutant, tree)
            print(f"{'SURVIVED' if alive else 'caught  '}  {mutant.what}")
            if alive:
                survivors.append(mutant)
    print(f"{len(MUTANTS) - len(survivors)} of {len(MUTANTS)} mutants caught")
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())

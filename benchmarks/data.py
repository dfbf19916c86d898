"""Realistic history, written straight into the store's layout (fast even at 10,000 attempts)."""

from __future__ import annotations

import json
import random
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from flows.attempt import encode
from flows.session import Session
from flows.store import ARCHIVE_SHARD_SIZE, SCHEMA_VERSION, Store, atomic_write

SEOUL = timezone(timedelta(hours=9))
WALKS = [
    [
        "outcome_decided",
        "facts_gathered",
        "take_website_route",
        "signed_in",
        "opened_help",
        "opened_need_more_help",
        "opened_contact_us",
        "see_tabs_and_buttons",
        "chose_tell_us_more",
        "issue_described",
        "chose_chat",
        "agent_answered",
        "ask_for_supervisor",
        "supervisor_joined",
        "problem_solved",
    ],
    [
        "outcome_decided",
        "facts_gathered",
        "call_directly",
        "agent_answered",
        "transferred",
        "agent_answered",
        "problem_solved",
    ],
    [
        "outcome_decided",
        "facts_gathered",
        "take_website_route",
        "signed_in",
        "opened_help",
        "opened_need_more_help",
        "asked_to_sign_in_again",
        "signed_in_again",
        "see_tabs_and_buttons",
        "clicked_issue_button",
        "button_solved_it",
    ],
    ["outcome_decided", "facts_gathered", "call_directly", "no_answer", "give_up"],
]
NOTES = [
    "상자가 찌그러진 채 도착함",
    "Agent promised a refund within 5 days",
    "환불 확인 메일 받음",
    "Chat transcript saved; 상담원이 친절했음",
    "Called back after being cut off",
]


class SteppingClock:
    def __init__(self, start: datetime):
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=2)
        return self.now


def finished_records(count: int, seed: int = 2026) -> list[dict]:
    """``count`` finished attempts, a few templates walked for real, then varied."""
    rng = random.Random(seed)
    templates = []
    for number, walk in enumerate(WALKS):
        session = Session.begin(
            clock=SteppingClock(datetime(2024, 1, 1, 9, 0, tzinfo=SEOUL)),
            goal=["refund", "return", "replacement", "credit"][number],
            order_number="112-0000000-0000000",
            summary="주문한 물건이 파손되어 도착",
        )
        for event in walk:
            session.move(event)
            person = session.attempt.current_person
            if person is not None and not person.name:
                session.record(agent_name="김상담", case_number="CASE-000000")
        for text in NOTES[: number + 2]:
            session.add_note(text)
        templates.append(encode(session.attempt))
    records = []
    for attempt_id in range(1, count + 1):
        record = json.loads(json.dumps(rng.choice(templates)))
        record["id"] = attempt_id
        record["order_number"] = f"112-{rng.randrange(10**7):07d}-{rng.randrange(10**7):07d}"
        record["summary"] = rng.choice(
            [
                "Blender arrived cracked",
                "배송이 2주째 안 옴",
                "Wrong size sent",
                "환불이 아직 안 들어옴",
                "Kindle won't charge",
            ]
        )
        for contact in record.get("contacts", []):
            for person in contact.get("people", []):
                person["case_number"] = f"CASE-{attempt_id:06d}"
                person["name"] = rng.choice(["Mina", "김지수", "Alex", "Priya", "박서준"])
        records.append(record)
    return records


def write_history(path: Path, records: list[dict]) -> None:
    """Lay finished attempts into the archive, and an empty open file, as the store would."""
    header = {"1": {"app": "amazon-contact", "schema": SCHEMA_VERSION, "next_id": len(records) + 1}}
    folder = path.with_name(path.stem + ".archive")
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    shards: dict[int, dict] = {}
    for record in records:
        shards.setdefault(record["id"] // ARCHIVE_SHARD_SIZE, {})[str(record["id"])] = record
    for number, table in shards.items():
        payload = json.dumps({"meta": header, "attempts": table}, ensure_ascii=False).encode()
        atomic_write(folder / f"{number:04d}.json", payload)
    atomic_write(path, json.dumps({"meta": header, "attempts": {}}).encode())


def data_bytes(path: Path) -> list[bytes]:
    """Every file of the data, as stored."""
    folder = path.with_name(path.stem + ".archive")
    return [path.read_bytes(), *(p.read_bytes() for p in sorted(folder.glob("*.json")))]


def history_store(folder: Path, count: int) -> Path:
    path = folder / f"history-{count}" / "attempts.json"
    if not path.exists():
        write_history(path, finished_records(count))
    return path


def with_one_open_attempt(path: Path, store: Store | None = None) -> Session:
    session = Session.begin(store or Store(path), goal="refund", order_number="112-1111111-1111111")
    for event in ["outcome_decided", "facts_gathered", "call_directly", "agent_answered"]:
        session.move(event)
    return session


def with_promises_waiting(path: Path, promised: int = 3) -> None:
    """``promised`` attempts waiting on a dated promise (one overdue) and one in progress, in the
    open file beside the history: what ``amazon-contact due`` lists."""
    store = Store(path)
    for number in range(promised):
        session = with_one_open_attempt(path, store)
        session.record(
            agent_name="김상담",
            case_number=f"CASE-9{number:05d}",
            promise="환불 처리 예정 (refund within 5 days)",
            promise_due=date(2026, 1, 5) + timedelta(days=30 * number),
        )
        session.move("promise_made")
    with_one_open_attempt(path, store)

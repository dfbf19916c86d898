"""One catalog per language: the same keys, the plural forms each language needs, the same
placeholders, and a worded entry for every error the domain raises."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from flows import catalog
from flows.attempt import TextTooLong
from flows.errors import DomainError
from flows.session import NoContactYet, PromiseTooFar
from flows.store import StoreError
from flows.words import words_for

FLOWS = Path(__file__).parents[2] / "flows"
# A parser's own English message ("detail"), which Korean replaces by the part of it that reads
# the same in any language ("where", e.g. `$.revision`).
MAY_LEAVE_OUT = {"detail", "where"}


def flattened(table: dict, prefix: str = "") -> dict[str, object]:
    """Every entry by its dotted key; a plural's forms stay together as one entry."""
    out: dict[str, object] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and not set(value) <= {"one", "other"}:
            out |= flattened(value, name + ".")
        else:
            out[name] = value
    return out


def placeholders(entry: object) -> set[str]:
    texts = (
        entry.values() if isinstance(entry, dict) else entry if isinstance(entry, list) else [entry]
    )
    return {
        field.split(".")[0].split("[")[0]
        for text in texts
        for _, field, _, _ in string.Formatter().parse(str(text))
        if field
    }


ENTRIES = {lang: flattened(catalog.entries(lang)) for lang in catalog.LANGUAGES}


def test_every_language_has_the_same_keys():
    english = set(ENTRIES["en"])
    for lang, entries in ENTRIES.items():
        assert set(entries) == english, (lang, set(entries) ^ english)


@pytest.mark.parametrize("lang", catalog.LANGUAGES)
def test_a_plural_has_exactly_the_forms_its_language_uses(lang):
    plurals = {key: e for key, e in ENTRIES[lang].items() if isinstance(e, dict)}
    assert plurals, "some texts depend on a count"
    for key, forms in plurals.items():
        assert set(forms) == catalog.PLURAL_CATEGORIES[lang], key
    # A text is plural in one language exactly when it is in the other.
    assert set(plurals) == {k for k, e in ENTRIES["en"].items() if isinstance(e, dict)}


def test_cldr_categories_of_whole_numbers():
    assert [catalog.plural_category("en", n) for n in (0, 1, 2, 21)] == [
        "other",
        "one",
        "other",
        "other",
    ]
    assert {catalog.plural_category("ko", n) for n in (0, 1, 2)} == {"other"}
    assert words_for("en").plural("stats_attempts", 1) == "1 attempt:"
    assert words_for("en").plural("stats_attempts", 2) == "2 attempts:"
    assert words_for("ko").plural("stats_attempts", 1) == "시도 1건:"


def test_both_languages_fill_in_the_same_values():
    for key, english in ENTRIES["en"].items():
        korean = ENTRIES["ko"][key]
        left_out = placeholders(english) ^ placeholders(korean)
        assert left_out <= MAY_LEAVE_OUT, (key, left_out)


def raised_codes() -> dict[str, set[str]]:
    """Each error code raised in flows/ with a literal code, and the values passed with it."""
    codes: dict[str, set[str]] = {}
    for path in FLOWS.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            first = node.args[0]
            is_error = name.endswith("Error") or name in {"ReadOnly", "InvalidRecord"}
            code = first.value if isinstance(first, ast.Constant) else None
            if is_error and isinstance(code, str) and code.isidentifier():
                values = {k.arg for k in node.keywords if k.arg}
                if any(k.arg is None for k in node.keywords):  # **values: not checked here
                    values.add("*")
                codes.setdefault(code, set()).update(values)
    return codes


def test_every_error_the_domain_raises_is_worded_in_every_language():
    codes = raised_codes()
    assert {"not_json", "newer", "cannot_read", "damage_in_record"} <= set(codes)
    for code, values in codes.items():
        for lang in catalog.LANGUAGES:
            entry = ENTRIES[lang].get(f"errors.{code}")
            assert entry is not None, (lang, code)
            if "*" not in values:
                assert placeholders(entry) <= values, (lang, code, placeholders(entry) - values)


def test_a_korean_screen_gets_korean_errors():
    korean = words_for("ko")
    too_long = korean.error(TextTooLong("note", 20_001))
    assert too_long.startswith("너무 깁니다 (메모): 20,001자"), too_long
    assert "연락" in korean.error(NoContactYet())
    assert "날짜" in korean.error(PromiseTooFar(__import__("datetime").date(9999, 1, 1)))
    full = StoreError("not_saved", path="/tmp/a.json", reason=OSError(28, "No space left"))
    assert korean.error(full) == "/tmp/a.json: 저장하지 못했습니다 (디스크에 남은 공간이 없습니다)"
    # The same error in English is what str() gives, for logs and the command line.
    assert str(full) == "/tmp/a.json: could not be saved (No space left on device)"


def test_an_error_inside_an_error_is_worded_in_the_same_language():
    inner = DomainError("holds_other", id=7)
    outer = DomainError("damage_in_record", file="a.json", record="3", what=inner)
    assert words_for("ko").error(outer) == "a.json: 기록 3: 7번 시도가 들어 있습니다"
    assert str(outer) == "a.json: record 3: holds attempt 7"


def test_an_unknown_language_is_refused_clearly():
    with pytest.raises(catalog.UnknownLanguage, match="unknown language 'fr'"):
        words_for("fr")


@pytest.mark.parametrize("lang", catalog.LANGUAGES)
def test_the_catalog_read_table_by_table_is_the_file_read_whole(lang):
    """Each table is parsed alone, from its part of the file (flows.catalog.table): together
    they must be exactly what the whole file says, in its order."""
    import tomllib

    whole = tomllib.loads((FLOWS / "catalog" / f"{lang}.toml").read_text("utf-8"))
    assert catalog.entries(lang) == whole
    assert list(catalog.entries(lang)) == list(whole)


def test_a_table_is_parsed_without_parsing_the_others(monkeypatch):
    import tomllib

    parsed: list[str] = []
    loads = tomllib.loads
    monkeypatch.setattr(tomllib, "loads", lambda text: parsed.append(text) or loads(text))
    catalog.table.cache_clear()
    try:
        assert catalog.table("en", "cli")["due"]
        assert len(parsed) == 1 and parsed[0].startswith("[cli]")
        assert "[ui]" not in parsed[0] and "[states." not in parsed[0]
    finally:
        catalog.table.cache_clear()

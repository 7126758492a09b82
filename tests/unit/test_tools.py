"""The administrator's CLI: personnel import (dry run, all or nothing), invites, audit export."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.settings import PROJECT_ROOT

FIXTURES = PROJECT_ROOT / "tests" / "fixtures" / "personnel"


@pytest.fixture
def configured(monkeypatch: pytest.MonkeyPatch, database_url: str) -> None:
    monkeypatch.setenv("LEARNBOT_DATABASE_URL", database_url)
    monkeypatch.setenv("LEARNBOT_SECRET_KEY", "s" * 40)


def test_import_dry_run_then_for_real_then_a_malformed_file_changes_nothing(
    configured: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["personnel", "import", str(FIXTURES / "valid.csv"), "--dry-run"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "dry run, nothing changed: would have added 4, updated 0, removed 0, unchanged 0"
    )
    assert main(["personnel", "import", str(FIXTURES / "valid.csv"), "--dry-run"]) == 0
    assert "added 4" in capsys.readouterr().out, "the dry run wrote nothing"
    assert main(["personnel", "import", str(FIXTURES / "valid.csv")]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "imported: added 4, updated 0, removed 0, unchanged 0"

    assert main(["personnel", "import", str(FIXTURES / "duplicate_id.csv")]) == 1
    err = capsys.readouterr().err
    assert "duplicate_id.csv: line 3: personnel_id: duplicate of line 2" in err and "nothing changed" in err
    assert main(["personnel", "import", str(FIXTURES / "valid.csv"), "--dry-run"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].endswith("removed 0, unchanged 4"), "the list is intact"

    assert main(["personnel", "invite", "KE-0004"]) == 0
    assert "invite code for KE-0004:" in capsys.readouterr().out
    assert main(["personnel", "invite", "NOPE"]) == 1
    export = tmp_path / "audit.csv"
    assert main(["audit", "export", str(export)]) == 0
    rows = list(csv.DictReader(export.open()))
    assert [row["action"] for row in rows] == ["personnel.import", "invite.create"]
    assert all(row["actor"] == "cli" for row in rows)
    assert "KE-0004" not in export.read_text(), "the audit keeps hashed identifiers only"

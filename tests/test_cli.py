"""The CLI contract of SPEC.md: JSONL out, exit codes, one-line errors, idempotent ingest."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner
from spacy.language import Language

from eventwire.cli import main

BAD = ["empty.txt", "noise.bin", "does-not-exist.txt", "article_latin1.txt"]


def _run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "eventwire", *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=300,
    )


def test_cli_bad_inputs_fail_alone_with_one_line_each(data_dir: Path, tmp_path: Path) -> None:
    paths = [str(data_dir / name) for name in [*BAD, "article_plain.txt"]]
    result = _run("ingest", "--db", str(tmp_path / "x.duckdb"), *paths)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("eventwire: ")]
    assert len(errors) == len(BAD)
    for name, line in zip(BAD, errors, strict=True):
        assert name in line
    assert "Traceback" not in result.stderr
    found = (
        duckdb.connect(str(tmp_path / "x.duckdb"))
        .execute("SELECT count(*) FROM documents")
        .fetchone()
    )
    assert found == (1,)


def test_cli_extract_prints_one_document_per_line(data_dir: Path, nlp: Language) -> None:
    result = CliRunner().invoke(main, ["extract", str(data_dir / "article_plain.txt"), str(data_dir / "empty.txt"),
                                       "--published", "2025-03-05"])  # fmt: skip
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(lines) == 1
    doc = json.loads(lines[0])
    assert doc["published"] == "2025-03-05" and doc["events"]
    assert "empty.txt" in result.stderr


def test_cli_extract_jsonl_keeps_ids_and_no_clean_keeps_body(data_dir: Path, nlp: Language) -> None:
    result = CliRunner().invoke(
        main, ["extract", "--input", "jsonl", str(data_dir / "articles.jsonl")]
    )
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [
        "ew-2025-0001", "ew-2025-0002", "ew-2025-0003"]  # fmt: skip
    text = "Headline Here\n\nKenya met Somalia on Monday.\n"
    result = CliRunner().invoke(main, ["extract", "--no-clean", "-"], input=text)
    assert json.loads(result.stdout)["body"] == text


def test_cli_usage_errors_exit_2() -> None:
    assert CliRunner().invoke(main, ["extract"]).exit_code == 2
    assert CliRunner().invoke(main, ["extract", "x.txt", "--published", "yesterday"]).exit_code == 2
    assert CliRunner().invoke(main, ["events", "--db", "/nonexistent/x.duckdb"]).exit_code == 2


def test_cli_ingest_twice_then_query_every_format(
    data_dir: Path, tmp_path: Path, nlp: Language
) -> None:
    db = str(tmp_path / "e.duckdb")
    runner = CliRunner()
    args = ["ingest", "--db", db, "--published", "2025-03-05", str(data_dir / "article_plain.txt")]
    assert runner.invoke(main, args).exit_code == 0
    first = runner.invoke(main, ["events", "--db", db, "--format", "jsonl"]).stdout
    assert runner.invoke(main, args).exit_code == 0
    second = runner.invoke(main, ["events", "--db", db, "--format", "jsonl"]).stdout
    assert first == second and first.count("\n") > 0
    table = runner.invoke(main, ["events", "--db", db]).stdout
    assert "TYPE" in table and "events)" in table
    csv_out = runner.invoke(
        main, ["events", "--db", db, "--format", "csv", "--actor", "THA"]
    ).stdout
    assert csv_out.startswith("date,type,")
    parquet = tmp_path / "e.parquet"
    assert (
        runner.invoke(
            main, ["events", "--db", db, "--format", "parquet", "-o", str(parquet)]
        ).exit_code
        == 0
    )
    assert parquet.stat().st_size > 0
    assert runner.invoke(main, ["events", "--db", db, "--format", "parquet"]).exit_code == 2


def test_cli_code_dyads_codes_each_line(nlp: Language) -> None:
    rows = [
        {"id": "1", "text": "Kenyan troops attacked al-Shabaab positions near the border.",
         "source": "Kenyan troops", "target": "al-Shabaab"},
        {"id": "2", "text": "The minister met his Somali counterpart in Nairobi.",
         "source": "The minister", "target": "his Somali counterpart"},
        {"id": "3", "text": "It rained in Nairobi.", "source": "An actor", "target": "a recipient"},
    ]  # fmt: skip
    stdin = "".join(json.dumps(r) + "\n" for r in rows) + "not json\n"
    result = CliRunner().invoke(main, ["code-dyads", "-"], input=stdin)
    assert result.exit_code == 1 and ":4" in result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["1", "2", "3"]
    assert [o["type"] for o in out] == ["ASSAULT", "CONSULT", None]
    assert out[0]["quad"] == 4 and out[1]["quad"] == 1


def test_cli_demo_builds_a_database(tmp_path: Path, nlp: Language) -> None:
    db = str(tmp_path / "demo.duckdb")
    result = CliRunner().invoke(main, ["demo", "--db", db])
    assert result.exit_code == 0, result.stderr
    assert "TYPE" in result.stdout and "Try next" in result.stdout
    con = duckdb.connect(db, read_only=True)
    assert con.execute("SELECT count(*) FROM documents").fetchone() == (8,)
    types = {t for (t,) in con.execute("SELECT DISTINCT type FROM events").fetchall()}
    assert len(types) >= 6


@pytest.mark.parametrize("command", ["extract", "ingest", "events", "code-dyads", "demo"])
def test_cli_every_command_has_help(command: str) -> None:
    assert CliRunner().invoke(main, [command, "--help"]).exit_code == 0


def test_cli_bad_actor_list_is_a_usage_error(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("The Northern Salt Union called a strike on Monday.", encoding="utf-8")
    bad = tmp_path / "actors.tsv"
    bad.write_text("who\twhat\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(story), "--actors", str(bad)])
    assert result.exit_code == 2
    assert "actors.tsv" in result.output and "Traceback" not in result.output


def test_cli_workers_give_the_same_output_as_one_process(data_dir: Path, tmp_path: Path) -> None:
    # a story, its wire copy (a near-duplicate, linked, not extracted), HTML, bad inputs between
    story = (data_dir / "article_plain.txt").read_text(encoding="utf-8")
    (tmp_path / "copy.txt").write_text(story.replace("about three", "nearly three"), "utf-8")
    names = ["article_plain.txt", "empty.txt", "article.html", "noise.bin", "article_debris.txt"]
    paths = [str(data_dir / name) for name in names] + [str(tmp_path / "copy.txt")]
    one = _run("extract", "--published", "2025-03-05", *paths)
    two = _run("extract", "--published", "2025-03-05", "--workers", "2", *paths)
    assert two.returncode == one.returncode == 1
    assert two.stdout == one.stdout
    docs = [json.loads(line) for line in two.stdout.splitlines()]
    assert len(docs) == 4 and docs[-1]["duplicate_of"] is not None
    errors = [line for line in two.stderr.splitlines() if line.startswith("eventwire: ")]
    assert len(errors) == 2 and "Traceback" not in two.stderr
    assert _run("extract", "--workers", "0", *paths).returncode == 2

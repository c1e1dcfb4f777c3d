"""The package gives the CLI's results: every fixture, every style, byte for byte."""

import json

import pytest

import openclaim
from conftest import ROOT, stream_results

FIXTURES = sorted(p for p in (ROOT / "fixtures").glob("*.md") if p.name.count(".") == 1)
STYLES = ["critic", "footnote", "comment"]


def test_there_are_fixtures():
    assert len(FIXTURES) >= 6


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
@pytest.mark.parametrize("style", STYLES)
def test_annotated_text_is_the_cli_s(cli, fixture, style):
    rel = f"fixtures/{fixture.name}"
    out = cli("annotate", "--no-config", "--style", style, rel)
    assert out.returncode in (0, 1), out.stderr.decode()
    text = fixture.read_bytes().decode()
    assert openclaim.annotate(text, style=style, path=rel).encode() == out.stdout
    assert openclaim.Engine().annotate(text, style=style).encode() == out.stdout
    assert openclaim.strip(openclaim.annotate(text, style=style)) == text


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_report_is_the_cli_s(cli, fixture):
    rel = f"fixtures/{fixture.name}"
    out = cli("check", "--no-config", "--format", "json", rel)
    assert out.returncode in (0, 1), out.stderr.decode()
    doc = json.loads(out.stdout)
    assert doc["schema"] == openclaim.SCHEMA
    assert doc["version"] == openclaim.__version__
    [expected] = doc["files"]
    text = fixture.read_text(encoding="utf-8")
    got = openclaim.check(text, path=rel)
    assert got == expected
    # Same keys in the same order as the JSON report.
    assert list(got) == list(expected)
    if expected["findings"]:
        assert list(got["findings"][0]) == list(expected["findings"][0])
    assert openclaim.Engine().check_many([text], paths=[rel]) == [expected]


@pytest.mark.parametrize("definition", ["osaid", "license"])
def test_options_match_the_cli_flags(cli, definition):
    fixture = ROOT / "fixtures" / "en-mixed.md"
    rel = "fixtures/en-mixed.md"
    out = cli("check", "--no-config", "--format", "json", "--definition", definition,
              "--as-of", "2023-06-01", "--lang", "en", rel)
    [expected] = json.loads(out.stdout)["files"]
    text = fixture.read_text(encoding="utf-8")
    assert openclaim.check(text, path=rel, definition=definition, as_of="2023-06-01", lang="en") == expected
    engine = openclaim.Engine(definition=definition, as_of="2023-06-01", lang="en")
    assert engine.check(text, path=rel) == expected


def test_a_generated_archive_matches_stream(cli, corpus):
    path, n = corpus
    expected = stream_results(cli, path, "--annotate")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == n == len(expected)
    engine = openclaim.Engine()
    reports = engine.check_many([r["markdown"] for r in rows], paths=[r["id"] for r in rows])
    annotated = engine.annotate_many([r["markdown"] for r in rows])
    for row, report, ann in zip(rows, reports, annotated):
        want = expected[row["id"]]
        assert report["findings"] == want["findings"], row["id"]
        assert report["lang"] == want["lang"]
        assert ann == want["annotated"], row["id"]
    assert sum(len(r["findings"]) for r in reports) > 0

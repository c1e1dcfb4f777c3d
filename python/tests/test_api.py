"""The API as documented: results, options, engines built from glossaries and configurations."""

import datetime
import subprocess

import pytest

import openclaim
from conftest import BIN

MODEL = """
[[model]]
id = "zephyrine-7b"
canonical = "Zephyrine 7B"
kind = "model"
developer = "Example Lab"
released = "2026-01"
aliases = ["Zephyrine 7B", "Zephyrine-7B"]
license = "LicenseRef-Llama-3-Community-License"
weights = "yes"
data = "no"
code = "no"
source = "https://example.test/zephyrine"
as_of = "2026-11-01"
"""


def test_the_issue_s_example_prints_warning():
    assert openclaim.check("Llama 3 is open source.", lang="en")["findings"][0]["severity"] == "warning"


def test_version_is_the_cli_s():
    out = subprocess.run([str(BIN), "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["openclaim", openclaim.__version__]


def test_the_careful_article_and_negations_give_nothing():
    assert openclaim.check("Écht open-source is NVLM echter niet.", lang="nl")["findings"] == []
    assert openclaim.check("Is Llama 3 really open source?", lang="en")["findings"] == []
    assert openclaim.check("OLMo 2 is fully open source.", lang="en")["findings"] == []


def test_dutch_and_english_findings_carry_corrections_in_their_language():
    nl = openclaim.check("Het opensourcemodel Llama 3 is nu beschikbaar.", lang="nl")
    en = openclaim.check("Meta's open-source Llama 3.2 model can now see images.", lang="en")
    assert nl["lang"] == "nl" and en["lang"] == "en"
    assert nl["findings"][0]["model"]["canonical"].startswith("Llama 3")
    assert "niet" in nl["findings"][0]["correction"]
    assert "not open source" in en["findings"][0]["correction"]


def test_annotate_strip_round_trip_and_idempotence():
    text = "---\nlang: en\n---\r\nGPT-4o is open source.\r\n\n```\nLlama 3 is open source\n```\n"
    for style in ("critic", "footnote", "comment"):
        once = openclaim.annotate(text, style=style)
        assert once != text
        assert openclaim.strip(once) == text
        assert openclaim.annotate(once, style=style) == once
    assert openclaim.strip("nothing to strip") == "nothing to strip"


def test_definition_and_as_of_change_the_verdict():
    text = "Mistral 7B is open source."
    assert openclaim.check(text, lang="en")["findings"][0]["severity"] == "note"
    assert openclaim.check(text, lang="en", definition="license")["findings"] == []
    old = openclaim.check("Falcon-40B is open source.", lang="en", as_of=datetime.date(2023, 5, 20))
    assert old["findings"][0]["status"] == "restricted-weights"
    assert old["findings"][0]["facts_date"] == "2023-05-20"
    now = openclaim.check("Falcon-40B is open source.", lang="en")
    assert now["findings"][0]["status"] == "open-weights"


def test_path_names_the_report():
    assert openclaim.check("x", path="a/b.md")["path"] == "a/b.md"
    assert openclaim.Engine().check("x")["path"] == "<string>"


def test_glossary_lists_every_model_with_its_status():
    entries = openclaim.glossary()
    assert len(entries) > 50
    by_id = {e["id"]: e for e in entries}
    assert by_id["gpt-4o"]["status"] == "closed"
    assert by_id["olmo-2"]["status"] == "open-source"
    assert {"id", "canonical", "aliases", "license", "source", "as_of", "origin"} <= set(by_id["gpt-4o"])


def test_an_engine_layers_glossary_directories(tmp_path):
    (tmp_path / "lab.toml").write_text(MODEL)
    text = "Zephyrine 7B is open source."
    assert openclaim.check(text, lang="en")["findings"] == []
    for glossary in ([tmp_path], [str(tmp_path)], str(tmp_path), tmp_path, (tmp_path,)):
        engine = openclaim.Engine(glossary=glossary, lang="en")
        [f] = engine.check(text)["findings"]
        assert f["model"]["id"] == "zephyrine-7b" and f["severity"] == "warning"
    assert any(e["id"] == "zephyrine-7b" for e in engine.glossary())


def test_an_engine_reads_a_configuration_file_or_dict(tmp_path):
    (tmp_path / "g").mkdir()
    (tmp_path / "g" / "lab.toml").write_text(MODEL)
    cfg = tmp_path / ".openclaim.toml"
    cfg.write_text('lang = "en"\nstyle = "comment"\nglossary = ["g"]\n\n'
                   '[severity]\nrestricted-weights = "note"\n\n[models."GPT-4o"]\naccept = true\n')
    text = "Zephyrine 7B is open source. GPT-4o is open source."
    for engine in (openclaim.Engine(config=cfg), openclaim.Engine(config=str(cfg))):
        [f] = engine.check(text)["findings"]
        assert (f["model"]["id"], f["severity"]) == ("zephyrine-7b", "note")
        assert "<!--" in engine.annotate(text)
        assert "{~~" in engine.annotate(text, style="critic")
    from_dict = openclaim.Engine(config={"lang": "en", "severity": {"closed": "none"}})
    assert from_dict.check("GPT-4o is open source.")["findings"] == []
    # Arguments win over the configuration, as flags do.
    assert openclaim.Engine(config=cfg, definition="license").check("Mistral 7B is open source.")["findings"] == []


def test_explain_lists_dismissed_terms():
    engine = openclaim.Engine(explain=True, lang="en")
    r = engine.check("Is Llama 3 really open source?")
    assert r["findings"] == []
    assert r["dismissed"] and r["dismissed"][0]["term"] == "open source"
    assert "dismissed" not in openclaim.check("Is Llama 3 really open source?")


def test_front_matter_language_wins_over_lang():
    r = openclaim.check("---\nlang: nl\n---\nLlama 3 is open source.\n", lang="en")
    assert r["lang"] == "nl"


def test_shared_engine_is_built_once_per_options():
    a = openclaim.shared_engine(lang="en")
    assert openclaim.shared_engine(lang="en") is a
    assert openclaim.shared_engine(lang="nl") is not a
    assert isinstance(a, openclaim.Engine)


def test_stubs_and_marker_ship_with_the_package():
    from pathlib import Path
    pkg = Path(openclaim.__file__).parent
    assert (pkg / "py.typed").is_file()
    stubs = (pkg / "__init__.pyi").read_text()
    for name in ("def check(", "def annotate(", "def strip(", "def glossary(", "class Engine",
                 "def check_many(", "def annotate_many(", "class Error"):
        assert name in stubs
    assert openclaim.check.__doc__ and openclaim.Engine.__doc__ and openclaim.Engine.check_many.__doc__


def test_help_shows_the_real_defaults():
    import inspect
    for f in (openclaim.check, openclaim.annotate, openclaim.fix):
        assert inspect.signature(f).parameters["definition"].default == "osaid"
    assert inspect.signature(openclaim.annotate).parameters["style"].default == "critic"
    assert list(inspect.signature(openclaim.fix).parameters) == [
        "markdown", "lang", "definition", "as_of", "path", "dismiss"]

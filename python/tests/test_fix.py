"""`fix` writes the CLI's corrected text: every fixture byte for byte, quotations untouched."""

import subprocess

import pytest

import openclaim
from conftest import GEN, ROOT

FIXTURES = sorted(p for p in (ROOT / "fixtures").glob("*.md") if p.name.count(".") == 1)

NARRATION = "The company says the open-source Llama 3.1 is popular."
QUOTE = '> "Llama 3.1 is open source," said a Meta spokesperson.'
ARTICLE = f"Open-source models such as Llama 3.1 lead.\n\n{QUOTE}\n\n{NARRATION}\n"


def test_there_are_fixtures():
    assert len(FIXTURES) >= 6


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_fixed_text_is_the_cli_s(cli, fixture):
    rel = f"fixtures/{fixture.name}"
    out = cli("fix", "--no-config", rel)
    assert out.returncode in (0, 1), out.stderr.decode()
    text = fixture.read_bytes().decode()
    assert openclaim.fix(text, path=rel).encode() == out.stdout
    engine = openclaim.Engine()
    assert engine.fix(text).encode() == out.stdout
    assert engine.fix_many([text, text], threads=2) == [out.stdout.decode()] * 2


def test_some_fixture_is_changed_and_some_claims_stay():
    """The parity above would hold trivially if fix returned its input."""
    changed = [p for p in FIXTURES if openclaim.fix(p.read_text(encoding="utf-8")) != p.read_text(encoding="utf-8")]
    assert changed
    kept = 0
    for p in changed:
        text = p.read_text(encoding="utf-8")
        fixed = openclaim.fix(text)
        kept += sum(fixed[f["start"]:f["end"]] == f["term"] for f in openclaim.check(fixed)["findings"])
    assert kept > 0, "no finding left as written: quotations would have been rewritten"


def test_narration_is_corrected_and_quotations_are_untouched():
    fixed = openclaim.fix(ARTICLE, lang="en")
    assert fixed.startswith("Open-weights models such as Llama 3.1 lead.\n\n")
    assert QUOTE in fixed
    assert NARRATION not in fixed and "open-weights Llama 3.1 is popular." in fixed
    # The quoted claim is still reported, at the same place, as written.
    report = openclaim.check(fixed, lang="en")
    quoted = [f for f in report["findings"] if fixed.index(QUOTE) <= f["start"] < fixed.index(QUOTE) + len(QUOTE)]
    assert quoted and all(fixed[f["start"]:f["end"]] == "open source" for f in quoted)


def test_text_with_nothing_to_correct_comes_back_unchanged():
    for text in ["", "Nothing here is about models at all.\n", "# Kop\n\nGeen claims hier.\r\n",
                 "Llama 3 has open weights under Meta's own license.\n", "é" * 1000]:
        assert openclaim.fix(text, lang="en") == text
        assert openclaim.Engine().fix(text) == text
    assert openclaim.Engine().fix_many(["a\n", "b"]) == ["a\n", "b"]


def test_dismissed_findings_are_left_as_written(cli, tmp_path):
    src = tmp_path / "a.md"
    src.write_text(ARTICLE, encoding="utf-8")
    [first, *_] = openclaim.check(ARTICLE, lang="en")["findings"]
    out = cli("fix", "--no-config", "--lang", "en", "--dismiss", first["id"], str(src))
    assert out.returncode in (0, 1), out.stderr.decode()
    kept = openclaim.fix(ARTICLE, lang="en", dismiss=[first["id"]])
    assert kept.encode() == out.stdout
    assert kept.startswith("Open-source models") and kept != ARTICLE
    assert openclaim.Engine(lang="en").fix(ARTICLE, dismiss=(first["id"],)) == kept
    assert openclaim.Engine(lang="en").fix_many([ARTICLE], dismiss=[first["id"]]) == [kept]
    assert openclaim.fix(ARTICLE, lang="en", dismiss=["oc-unknown"]) == openclaim.fix(ARTICLE, lang="en")


def test_options_match_the_cli_flags(cli):
    rel = "fixtures/en-mixed.md"
    text = (ROOT / rel).read_text(encoding="utf-8")
    outs = {}
    for definition in ("osaid", "license"):
        out = cli("fix", "--no-config", "--definition", definition, "--as-of", "2023-06-01", "--lang", "en", rel)
        assert out.returncode in (0, 1), out.stderr.decode()
        got = openclaim.fix(text, definition=definition, as_of="2023-06-01", lang="en", path=rel)
        assert got.encode() == out.stdout
        engine = openclaim.Engine(definition=definition, as_of="2023-06-01", lang="en")
        assert engine.fix(text) == got
        outs[definition] = got
    assert outs["osaid"] != text


def test_fix_many_keeps_input_order_on_any_number_of_threads():
    engine = openclaim.Engine()
    texts = [f"# {i}\n\n{ARTICLE if i % 3 else 'No claim in item ' + str(i)}\n" for i in range(200)]
    one_by_one = [engine.fix(t) for t in texts]
    assert len(set(one_by_one)) > 2
    for threads in (None, 1, 2, 7):
        assert engine.fix_many(texts, threads=threads) == one_by_one
    assert engine.fix_many(iter(texts[:4])) == one_by_one[:4]
    assert engine.fix_many([]) == []


def test_a_generated_corpus_matches_fix_out_dir(cli, tmp_path):
    if not GEN.is_file():
        pytest.fail(f"{GEN}: run cargo build --release --example gen_corpus")
    src, out = tmp_path / "src", tmp_path / "out"
    subprocess.run([str(GEN), str(src), "600"], check=True, capture_output=True)
    run = cli("fix", "--no-config", "--out-dir", str(out), str(src))
    assert run.returncode in (0, 1), run.stderr.decode()
    files = sorted(src.rglob("*.md"))
    texts = [p.read_text(encoding="utf-8") for p in files]
    fixed = openclaim.Engine().fix_many(texts)
    changed = 0
    for p, text, got in zip(files, texts, fixed):
        want = out / p.relative_to(src)
        expected = want.read_text(encoding="utf-8") if want.exists() else text
        assert got == expected, p.name
        changed += got != text
    assert changed > 0


@pytest.mark.parametrize("bad", [5, b"Llama 3 is open source.", None, ["text"]])
def test_a_non_str_article_is_a_type_error(bad):
    with pytest.raises(TypeError, match="markdown must be str"):
        openclaim.fix(bad)
    with pytest.raises(TypeError, match="markdown must be str"):
        openclaim.Engine().fix(bad)


def test_non_str_batches_and_ids_are_type_errors():
    engine = openclaim.Engine()
    with pytest.raises(TypeError, match=r"texts\[1\] must be str, not int"):
        engine.fix_many(["a", 1])
    with pytest.raises(TypeError, match="not a single str"):
        engine.fix_many("one article")
    with pytest.raises(TypeError, match="not a single str"):
        openclaim.fix("x", dismiss="oc-1")
    with pytest.raises(TypeError, match=r"dismiss\[0\] must be str"):
        engine.fix("x", dismiss=[3])


@pytest.mark.parametrize("call", [
    lambda: openclaim.fix("x", lang="fr"),
    lambda: openclaim.fix("x", definition="gpl"),
    lambda: openclaim.fix("x", as_of="yesterday"),
    lambda: openclaim.Engine().fix("x", lang="de"),
    lambda: openclaim.Engine().fix_many(["x"], threads=0),
    lambda: openclaim.Engine().fix_many(["x"], lang="xx"),
])
def test_a_bad_option_value_is_a_value_error(call):
    with pytest.raises(ValueError) as e:
        call()
    assert not isinstance(e.value, openclaim.Error)
    assert "expected" in str(e.value) or "at least 1" in str(e.value)


def test_docstrings_and_stubs_describe_fix():
    from pathlib import Path
    stubs = (Path(openclaim.__file__).parent / "__init__.pyi").read_text()
    for name in ("def fix(", "def fix_many("):
        assert name in stubs
    for f in (openclaim.fix, openclaim.Engine.fix, openclaim.Engine.fix_many):
        assert "openclaim fix" in f.__doc__ or "as `fix` writes" in f.__doc__
    assert "fix" in openclaim.__all__


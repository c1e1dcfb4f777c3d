"""Wrong types, wrong values and broken glossaries or configurations raise clear exceptions."""

import pytest

import openclaim


@pytest.mark.parametrize("bad", [5, b"Llama 3 is open source.", None, ["text"]])
def test_a_non_str_article_is_a_type_error(bad):
    with pytest.raises(TypeError, match="markdown must be str"):
        openclaim.check(bad)
    with pytest.raises(TypeError):
        openclaim.annotate(bad)
    with pytest.raises(TypeError):
        openclaim.strip(bad)
    with pytest.raises(TypeError):
        openclaim.Engine().check(bad)


def test_batches_must_hold_str():
    engine = openclaim.Engine()
    with pytest.raises(TypeError, match=r"texts\[1\] must be str, not int"):
        engine.check_many(["a", 1])
    with pytest.raises(TypeError, match="not a single str"):
        engine.check_many("one article")
    with pytest.raises(TypeError, match="iterable"):
        engine.annotate_many(42)
    with pytest.raises(ValueError, match="paths has 1 items"):
        engine.check_many(["a", "b"], paths=["x"])


@pytest.mark.parametrize("call", [
    lambda: openclaim.check("x", lang="fr"),
    lambda: openclaim.check("x", definition="gpl"),
    lambda: openclaim.check("x", as_of="yesterday"),
    lambda: openclaim.annotate("x", style="bold"),
    lambda: openclaim.Engine(lang="de"),
    lambda: openclaim.Engine(definition="free"),
    lambda: openclaim.Engine().annotate("x", style="html"),
    lambda: openclaim.Engine().check_many(["x"], threads=0),
    lambda: openclaim.Engine().annotate_many(["x"], threads=-2),
])
def test_a_bad_option_value_is_a_value_error(call):
    with pytest.raises(ValueError) as e:
        call()
    assert not isinstance(e.value, openclaim.Error)
    assert "expected" in str(e.value) or "at least 1" in str(e.value)


def test_error_is_an_exception_class_of_the_package():
    assert issubclass(openclaim.Error, Exception)
    assert openclaim.Error.__module__ == "openclaim"


def test_configuration_errors_name_file_line_and_column(tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text('lang = "en"\n\ndefinition = "gpl"\n')
    with pytest.raises(openclaim.Error, match=r"c\.toml:3:14: unknown definition 'gpl'"):
        openclaim.Engine(config=cfg)
    cfg.write_text('colour = true\n')
    with pytest.raises(openclaim.Error, match=r"c\.toml:1:1: .*unknown field"):
        openclaim.Engine(config=cfg)
    cfg.write_text('[models."No Such Model 9"]\naccept = true\n')
    with pytest.raises(openclaim.Error, match=r"c\.toml:1:1: .*no such model"):
        openclaim.Engine(config=cfg)
    cfg.write_text('glossary = ["missing"]\n')
    with pytest.raises(openclaim.Error, match=r"c\.toml:1:13: glossary directory .* does not exist"):
        openclaim.Engine(config=cfg)
    with pytest.raises(openclaim.Error, match="no such file"):
        openclaim.Engine(config=tmp_path / "absent.toml")
    with pytest.raises(openclaim.Error, match=r"<config dict>:\d+:\d+: unknown severity 'loud'"):
        openclaim.Engine(config={"severity": {"closed": "loud"}})
    with pytest.raises(TypeError):
        openclaim.Engine(config=3.5)


def test_glossary_errors_name_file_line_and_column(tmp_path):
    (tmp_path / "bad.toml").write_text('[[model]]\nid = "x"\ncanonical = 5\n')
    with pytest.raises(openclaim.Error, match=r"bad\.toml:\d+:\d+: "):
        openclaim.Engine(glossary=[tmp_path])
    with pytest.raises(openclaim.Error, match="no such directory"):
        openclaim.Engine(glossary=[tmp_path / "nope"])
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(openclaim.Error, match="no .toml glossary files"):
        openclaim.Engine(glossary=[empty])

//! `openclaim explain [MODEL]`: what the tool checks and the definitions
//! behind its verdicts; with a model, that model's facts, the verdict a
//! claim about it gets under the effective configuration, and the suggested
//! wording in English and Dutch.

use std::fmt::Write as _;

use openclaim::glossary::{Level, Released, Resolution};
use openclaim::{Definition, Engine, Glossary, Lang, Openness, Options, Policy, Severity};

use super::super::{cwd_settings, emit, error, Analysis, EXIT_ERROR};

const OSAID: &str = "https://opensource.org/ai/open-source-ai-definition";

fn level(l: Option<Severity>) -> &'static str {
    l.map(Severity::as_str).unwrap_or("—")
}

fn definition_name(d: Definition) -> &'static str {
    match d {
        Definition::Osaid => "osaid",
        Definition::License => "license",
    }
}

fn severity_table(policy: &Policy, definition: Definition, out: &mut String) {
    let _ = writeln!(
        out,
        "  {:<20} {:<16} attributed (\"according to …\")",
        "status", "author's voice"
    );
    for status in [
        Openness::RestrictedWeights,
        Openness::Closed,
        Openness::OpenWeights,
        Openness::OpenSource,
    ] {
        let _ = writeln!(
            out,
            "  {:<20} {:<16} {}",
            status.as_str(),
            level(policy.severity("", status, false, definition)),
            level(policy.severity("", status, true, definition)),
        );
    }
    for (id, l) in &policy.models {
        let _ = writeln!(
            out,
            "  model {id}: {} (configuration)",
            l.map(Severity::as_str)
                .unwrap_or("accepted, never reported")
        );
    }
}

fn overview(policy: &Policy, definition: Definition, glossary: &Glossary) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "\
openclaim reads Dutch and English news articles in Markdown and finds claims
that an AI model is \"open source\" (open source, open-source, opensource,
open-sourced, open-sourcemodel, …). Each claim is tied to a model named in
the license glossary ({} models, {} licenses) and judged against the facts:
the license of the weights, and whether the training data and the training
code are released.

Claims that are not the author's assertion give no finding: negated (\"is not
open source\"), disputed (\"calling X open source is a stretch\"), questioned,
hedged (scare quotes, \"so-called\", \"zogenaamd\"), and terms that describe
something else (\"open-source tools to build Llama\"). Attributed claims
(\"according to Meta\") are reported more gently. `check --explain` lists
every dismissed claim with the reason.

Status (derived from the glossary facts, never typed by hand)
  closed              no weights released
  restricted-weights  weights released under a license that is not OSI-approved
  open-weights        OSI-approved license; training data or code not fully released
  open-source         OSI-approved license, training data and training code released

Definition (--definition, `definition` in .openclaim.toml); in force: {}
  osaid    The OSI Open Source AI Definition 1.0 (October 2024): an open-source
           AI system grants the freedoms to use, study, modify and share it,
           which for a model needs the weights under OSI-approved terms, the
           complete training code, and the training data or detailed
           information about it. Open-weights models are not open source.
           {OSAID}
  license  An OSI-approved license on the weights is enough; claims about
           open-weights models pass.

Severity of an open-source claim, under the configuration in force
",
        glossary.models().len(),
        glossary.licenses().len(),
        definition_name(definition),
    );
    severity_table(policy, definition, &mut out);
    let _ = write!(
        out,
        "
Rules (SARIF and reviewdog codes)
  OC001  claim in the author's voice about a restricted-weights or closed model
  OC002  claim in the author's voice about an open-weights model
  OC003  claim attributed to someone else

Silence a claim in the article with <!-- openclaim-disable-line -->,
<!-- openclaim-disable-next-line -->, <!-- openclaim-disable --> …
<!-- openclaim-enable --> or <!-- openclaim-disable-file -->, optionally
naming models; or accept a model for a whole site in .openclaim.toml with
[models.\"NAME\"] accept = true. `openclaim explain MODEL` tells why a claim
about one model is flagged.
"
    );
    out
}

fn released(r: Released) -> &'static str {
    match r {
        Released::Yes => "released",
        Released::Gated => "released behind a gate (registration or approval)",
        Released::No => "not released",
        Released::Withdrawn => "released once and withdrawn",
    }
}

fn level_word(l: Level) -> &'static str {
    match l {
        Level::Yes => "released",
        Level::Partial => "partly released",
        Level::No => "not released",
    }
}

/// The finding a plain claim about `model` gets, in `lang`, with the default table.
fn sample(
    glossary: &Glossary,
    model: &openclaim::glossary::Model,
    lang: Lang,
) -> Option<openclaim::Finding> {
    let engine = Engine::new(
        glossary.clone(),
        Options {
            lang: Some(lang),
            definition: Definition::Osaid,
            ..Options::default()
        },
    );
    let c = &model.canonical;
    let d = &model.developer;
    let sentences: Vec<String> = match lang {
        Lang::En => vec![
            format!("{c} is open source.\n"),
            format!("The AI model {c} from {d} is open source.\n"),
            format!("{d} released the open-source {c} model.\n"),
        ],
        Lang::Nl => vec![
            format!("{c} is opensource.\n"),
            format!("Het AI-model {c} van {d} is opensource.\n"),
            format!("{d} bracht het opensource-taalmodel {c} uit.\n"),
        ],
    };
    sentences.iter().find_map(|s| {
        engine
            .check_with_lang("sample.md", s, Some(lang))
            .report
            .findings
            .into_iter()
            .find(|f| f.model.id == model.id)
    })
}

fn model_text(
    glossary: &Glossary,
    policy: &Policy,
    definition: Definition,
    model: &openclaim::glossary::Model,
) -> String {
    let facts = glossary.facts(model, None);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({}), by {}",
        model.canonical, model.id, model.developer
    );
    let _ = writeln!(out, "  status:   {}", facts.status.as_str());
    match facts.license {
        Some(l) => {
            let _ = writeln!(
                out,
                "  license:  {} ({}; {}OSI-approved)",
                l.name,
                l.id,
                if l.osi_approved { "" } else { "not " }
            );
            for line in super::super::color::wrap(&l.restrictions_en, 12, 12, 78) {
                let _ = writeln!(out, "            {line}");
            }
        }
        None => {
            let _ = writeln!(out, "  license:  depends on the version (a model family)");
        }
    }
    let _ = writeln!(
        out,
        "  weights {}; training data {}; training code {}",
        released(facts.weights),
        level_word(facts.data),
        level_word(facts.code)
    );
    let _ = writeln!(out, "  source:   {} (as of {})", facts.source, facts.as_of);
    if let Some(n) = &model.note {
        let _ = writeln!(out, "  note:     {n}");
    }
    let lic = facts
        .license
        .map(|l| format!("the {}", l.name))
        .unwrap_or_else(|| "a license that depends on the version".into());
    let why = match facts.status {
        Openness::Closed => format!(
            "{} has no released weights: nobody can use, study, modify or share the model itself, so it is not open source under any definition.",
            model.canonical
        ),
        Openness::RestrictedWeights => format!(
            "The weights of {} are under {lic}, which is not OSI-approved; a model whose license restricts use or users is not open source under any definition.",
            model.canonical
        ),
        Openness::OpenWeights => match definition {
            Definition::Osaid => format!(
                "The weights of {} are under {lic}, which is OSI-approved, but the training data is {} and the training code {}; the OSI Open Source AI Definition 1.0 needs both, so the model is open-weights, not open source.",
                model.canonical,
                level_word(facts.data),
                level_word(facts.code)
            ),
            Definition::License => format!(
                "The weights of {} are under {lic}, which is OSI-approved; under --definition license that is enough, so a claim is not flagged.",
                model.canonical
            ),
        },
        Openness::OpenSource => format!(
            "{} is open source: {lic}, with training data and code released. A claim about it is right and is not flagged.",
            model.canonical
        ),
    };
    let _ = writeln!(out, "\nWhy");
    for line in super::super::color::wrap(&why, 2, 2, 78) {
        let _ = writeln!(out, "  {line}");
    }
    let author = policy.severity(&model.id, facts.status, false, definition);
    let attributed = policy.severity(&model.id, facts.status, true, definition);
    let rule = |attr: bool| {
        if attr {
            "OC003"
        } else if facts.status == Openness::OpenWeights {
            "OC002"
        } else {
            "OC001"
        }
    };
    let _ = writeln!(
        out,
        "\nA claim that {} is open source (definition {})",
        model.canonical,
        definition_name(definition)
    );
    let verdict = |l: Option<Severity>, attr: bool| match l {
        Some(s) => format!("{} ({})", s.as_str(), rule(attr)),
        None if openclaim::verdict::is_wrong(facts.status, definition) => {
            "not reported (accepted by the configuration)".into()
        }
        None => "not flagged".into(),
    };
    let _ = writeln!(out, "  in the author's voice:  {}", verdict(author, false));
    let _ = writeln!(
        out,
        "  attributed to someone:  {}",
        verdict(attributed, true)
    );
    if openclaim::verdict::is_wrong(facts.status, Definition::Osaid) {
        let _ = writeln!(out, "\nSuggested wording");
        for (lang, label) in [(Lang::En, "en"), (Lang::Nl, "nl")] {
            match sample(glossary, model, lang) {
                Some(f) => {
                    if let Some(r) = &f.replacement {
                        let _ = writeln!(out, "  {label}: '{}' -> '{}'", f.term, r.trim());
                    }
                    for line in super::super::color::wrap(&f.correction, 6, 6, 78) {
                        let _ = writeln!(out, "      {line}");
                    }
                }
                None => {
                    let _ = writeln!(out, "  {label}: (no wording: the name needs more context)");
                }
            }
        }
    }
    out
}

/// "Qwen 4": only the family can be explained, and a claim about the
/// version is a note with the family's range, not the family's verdict.
fn unlisted_text(name: &str, family: &openclaim::glossary::Model, glossary: &Glossary) -> String {
    match glossary.unlisted_member_range(family, None) {
        Some(range) => format!(
            "{name} is not in the glossary: license unknown for this member; {}. A claim that it is open source is a note.\n\n",
            openclaim::glossary::range_phrase(&family.canonical, range)
        ),
        None => format!(
            "{name} is not in the glossary; every member of the {} family shares one license, so a claim about it is judged as one about {}.\n\n",
            family.canonical, family.canonical
        ),
    }
}

pub fn explain(model: Option<&str>, sentence: Option<&str>, analysis: &Analysis) -> u8 {
    let settings = match cwd_settings(analysis, false) {
        Ok(s) => s,
        Err(e) => {
            error(&e);
            return EXIT_ERROR;
        }
    };
    let glossary = settings.engine.glossary();
    let options = settings.engine.options();
    if let Some(s) = sentence {
        let lang = options
            .lang
            .unwrap_or_else(|| openclaim::text::lang::detect(s));
        emit(&settings.engine.explain_structure(s, lang));
        return 0;
    }
    let text = match model {
        None => overview(&options.policy, options.definition, glossary),
        Some(name) => match (glossary.find(name), glossary.resolve(name)) {
            (Some(m), _) => model_text(glossary, &options.policy, options.definition, m),
            (None, Resolution::UnlistedMember(f)) => {
                unlisted_text(name, f, glossary)
                    + &model_text(glossary, &options.policy, options.definition, f)
            }
            (None, _) => {
                error(&format!(
                    "no model named '{name}' in the glossary (try `openclaim glossary list`)"
                ));
                return EXIT_ERROR;
            }
        },
    };
    emit(&text);
    0
}

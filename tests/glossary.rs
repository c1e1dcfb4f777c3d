//! The embedded glossary: every alias resolves to its own entry through the
//! real matcher, statuses follow from facts (spot-checked against sources),
//! dated facts apply by date, and names that are also words need context.

use openclaim::glossary::{derive_status, Glossary, Kind};
use openclaim::{Engine, Openness, Options};

fn engine() -> Engine {
    Engine::new(Glossary::embedded().clone(), Options::default())
}

/// The model a sentence's claim is about, through the whole pipeline.
fn claimed(engine: &Engine, text: &str) -> Vec<String> {
    engine
        .check("t.md", text)
        .findings
        .iter()
        .map(|f| f.model.id.clone())
        .collect()
}

#[test]
fn at_least_one_hundred_models_with_sources_and_dates() {
    let g = Glossary::embedded();
    let models = g.models().iter().filter(|m| m.kind == Kind::Model).count();
    assert!(models >= 100, "{models} model entries");
    for m in g.models() {
        assert!(
            m.source.starts_with("https://"),
            "{}: source {}",
            m.id,
            m.source
        );
    }
}

#[test]
fn every_alias_resolves_to_its_own_entry_through_the_matcher() {
    let g = Glossary::embedded();
    // Use the license definition so open-weights claims are silent and a
    // "closed" model is used as a probe for every entry instead.
    let e = engine();
    let mut failures = Vec::new();
    for m in g.models() {
        for alias in &m.aliases {
            // Context that satisfies an ambiguous name: the developer and the word "model".
            let text = format!(
                "{} released the AI model {alias} today, and {alias} is open source.\n",
                m.developer
            );
            let r = e.check("t.md", &text);
            let mut ids: Vec<String> = Vec::new();
            // Every finding names the entry, or no finding exists because the entry is open source.
            for f in &r.findings {
                if !ids.contains(&f.model.id) {
                    ids.push(f.model.id.clone());
                }
            }
            let status = g.facts(m, None).status;
            let expected_silent = status == Openness::OpenSource;
            let ok = if expected_silent {
                ids.is_empty()
            } else {
                ids == vec![m.id.clone()]
            };
            if !ok {
                failures.push(format!(
                    "alias {alias:?} of {} ({}) resolved to {ids:?}",
                    m.id,
                    status.as_str()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn statuses_follow_from_the_facts_and_families_take_their_best_member() {
    let g = Glossary::embedded();
    for m in g.models().iter().filter(|m| m.kind == Kind::Model) {
        let f = g.facts(m, None);
        let osi = f.license.map(|l| l.osi_approved).unwrap_or(false);
        assert_eq!(
            f.status,
            derive_status(osi, m.weights, m.data, m.code),
            "{}",
            m.id
        );
    }
    for fam in g.models().iter().filter(|m| m.kind == Kind::Family) {
        let best = g.members(&fam.id).map(|m| g.facts(m, None).status).min();
        if let Some(best) = best {
            assert_eq!(g.facts(fam, None).status, best, "family {}", fam.id);
        }
    }
}

/// A spot check of entries against their published licenses.
#[test]
fn spot_check_of_well_known_entries() {
    let g = Glossary::embedded();
    let expect = [
        (
            "Llama 3.2",
            Openness::RestrictedWeights,
            Some("LicenseRef-Llama-3.2-Community-License"),
        ),
        (
            "Llama 2",
            Openness::RestrictedWeights,
            Some("LicenseRef-Llama-2-Community-License"),
        ),
        ("GPT-4o", Openness::Closed, Some("LicenseRef-Proprietary")),
        (
            "Claude 3.5 Sonnet",
            Openness::Closed,
            Some("LicenseRef-Proprietary"),
        ),
        ("OLMo 2", Openness::OpenSource, Some("Apache-2.0")),
        ("Pythia", Openness::OpenSource, Some("Apache-2.0")),
        ("Mistral 7B", Openness::OpenWeights, Some("Apache-2.0")),
        ("Mixtral 8x7B", Openness::OpenWeights, Some("Apache-2.0")),
        ("Phi-3", Openness::OpenWeights, Some("MIT")),
        ("DeepSeek-R1", Openness::OpenWeights, Some("MIT")),
        (
            "DeepSeek-V3",
            Openness::RestrictedWeights,
            Some("LicenseRef-DeepSeek-License-1.0"),
        ),
        ("Qwen2.5-7B", Openness::OpenWeights, Some("Apache-2.0")),
        (
            "Qwen2.5-72B",
            Openness::RestrictedWeights,
            Some("LicenseRef-Qwen-License"),
        ),
        (
            "Qwen2.5-3B",
            Openness::RestrictedWeights,
            Some("LicenseRef-Qwen-Research-License"),
        ),
        (
            "NVLM-D-72B",
            Openness::RestrictedWeights,
            Some("CC-BY-NC-4.0"),
        ),
        (
            "Gemma 2",
            Openness::RestrictedWeights,
            Some("LicenseRef-Gemma-Terms-of-Use"),
        ),
        (
            "Falcon 180B",
            Openness::RestrictedWeights,
            Some("LicenseRef-Falcon-180B-TII-License-1.0"),
        ),
        ("Falcon-40B", Openness::OpenWeights, Some("Apache-2.0")),
        (
            "BLOOM",
            Openness::RestrictedWeights,
            Some("LicenseRef-BigScience-BLOOM-RAIL-1.0"),
        ),
        ("Whisper", Openness::OpenWeights, Some("MIT")),
        (
            "Stable Diffusion XL",
            Openness::RestrictedWeights,
            Some("LicenseRef-CreativeML-OpenRAIL-PlusPlus-M"),
        ),
        (
            "Command R",
            Openness::RestrictedWeights,
            Some("CC-BY-NC-4.0"),
        ),
        ("Grok-1", Openness::OpenWeights, Some("Apache-2.0")),
        (
            "Codestral 22B",
            Openness::RestrictedWeights,
            Some("LicenseRef-Mistral-Non-Production-License-0.1"),
        ),
    ];
    for (name, status, license) in expect {
        let m = g.find(name).unwrap_or_else(|| panic!("{name} missing"));
        let f = g.facts(m, None);
        assert_eq!(f.status, status, "{name}");
        assert_eq!(f.license.map(|l| l.id.as_str()), license, "{name}");
    }
}

#[test]
fn dated_facts_follow_the_article_date() {
    let g = Glossary::embedded();
    let cases = [
        (
            "Falcon-40B",
            "2023-04-01",
            Openness::RestrictedWeights,
            Openness::OpenWeights,
        ),
        (
            "Phi-2",
            "2023-12-20",
            Openness::RestrictedWeights,
            Openness::OpenWeights,
        ),
        (
            "Yi-34B",
            "2024-01-15",
            Openness::RestrictedWeights,
            Openness::OpenWeights,
        ),
    ];
    for (name, date, then, now) in cases {
        let m = g.find(name).unwrap_or_else(|| panic!("{name} missing"));
        let on = openclaim::date::Date::parse(date);
        assert_eq!(g.facts(m, on).status, then, "{name} on {date}");
        assert_eq!(g.facts(m, None).status, now, "{name} now");
    }
    // A 2023 article about Falcon-40B is judged by 2023 facts through front matter alone.
    let e = engine();
    let r = e.check(
        "t.md",
        "---\ndate: 2023-04-01\n---\nFalcon-40B is open source.\n",
    );
    assert_eq!(r.findings[0].severity, openclaim::Severity::Warning);
    assert_eq!(r.findings[0].facts_date.as_deref(), Some("2023-04-01"));
}

#[test]
fn names_that_are_also_words_need_context() {
    let e = engine();
    // (text, model id expected, or "" for no mention of a model)
    let cases: &[(&str, &str)] = &[
        (
            "The llama is an open source of wool for Andean farmers.",
            "",
        ),
        ("De lama is open source van wol voor boeren.", ""),
        (
            "Meta's Llama is open source, the company claims loudly.",
            "llama",
        ),
        ("Het taalmodel Llama is volgens Meta open source.", "llama"),
        (
            "The flowers are in bloom; the garden project is open source.",
            "",
        ),
        ("De start-up Bloom is open source in hart en nieren.", ""),
        (
            "BLOOM is an open-source language model from BigScience.",
            "bloom",
        ),
        ("She could only whisper that the plan was open source.", ""),
        ("OpenAI's Whisper model is open source.", "whisper"),
        (
            "De Whisper-modellen van OpenAI zijn open source.",
            "whisper",
        ),
        ("A falcon circled while the open-source crowd cheered.", ""),
        ("TII's Falcon model is open source.", "falcon"),
        ("Claude Monet's garden is open source of inspiration.", ""),
        (
            "Anthropic's Claude is open source, according to nobody.",
            "claude",
        ),
        (
            "Gemini is het sterrenbeeld van de tweeling; open source is het niet.",
            "",
        ),
        ("Google's Gemini AI is open source.", "gemini"),
        (
            "Phi is a Greek letter used in open-source maths software.",
            "",
        ),
        ("Microsoft's Phi model is open source.", "phi"),
        (
            "The Mistral wind blows hard; the city runs open-source software.",
            "",
        ),
        ("Gemma de Vries vindt open source belangrijk.", ""),
        ("Google's Gemma models are open source.", "gemma"),
        (
            "Olmo is a common name in Italy, and open source is his hobby.",
            "",
        ),
        ("Grok is slang for understanding open source deeply.", ""),
        ("xAI's Grok model is open source.", "grok"),
    ];
    let mut failures = Vec::new();
    for (text, want) in cases {
        let got = claimed(&e, text);
        let g = Glossary::embedded();
        let ok = if want.is_empty() {
            got.is_empty()
        } else {
            // The claim names the model (any entry of that family or the family itself).
            !got.is_empty()
                && got.iter().all(|id| {
                    id == want || g.model(id).and_then(|m| m.family.as_deref()) == Some(want)
                })
        };
        let silent_open = !want.is_empty() && got.is_empty() && {
            let m = g.model(want);
            m.is_some_and(|m| g.facts(m, None).status == Openness::OpenSource)
        };
        if !ok && !silent_open {
            failures.push(format!("{text:?}: expected {want:?}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_user_layer_replaces_an_entry_whole() {
    let g = Glossary::embedded();
    let layer = vec![(
        "local.toml".to_string(),
        "[[model]]\nid = \"llama-3.2\"\ncanonical = \"Llama 3.2\"\ndeveloper = \"Meta\"\naliases = [\"Llama 3.2\"]\n\
         license = \"Apache-2.0\"\nweights = \"yes\"\ndata = \"yes\"\ncode = \"yes\"\nsource = \"https://example.com\"\nas_of = \"2030-01-01\"\n"
            .to_string(),
    )];
    let g2 = g.with_layer(&layer).expect("layer");
    let m = g2.model("llama-3.2").expect("entry");
    assert_eq!(g2.facts(m, None).status, Openness::OpenSource);
    assert_eq!(m.origin.file, "local.toml");
    assert_eq!(g2.models().len(), g.models().len());
}

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
    // Under the default definition every status but open-source gives a
    // finding, which names the entry the alias resolved to.
    let e = engine();
    let mut failures = Vec::new();
    for m in g.models() {
        for alias in &m.aliases {
            // A bare alias equal to the developer's name reads as the company ("DeepSeek").
            if m.is_ambiguous(alias) && alias.eq_ignore_ascii_case(&m.developer) {
                continue;
            }
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

/// Every name that is also a word, person or company: a positive and a
/// negative sentence in English and in Dutch, through the real matcher.
#[test]
fn ambiguous_names_in_both_languages() {
    use openclaim::detect::{mentions, Matcher};
    let g = Glossary::embedded();
    let matcher = Matcher::new(g);
    let mentioned = |text: &str| -> Vec<String> {
        mentions::find(text, &matcher, g, |_| 0..text.len())
            .into_iter()
            .filter_map(|m| g.models().get(m.model))
            .map(|m| m.family.clone().unwrap_or_else(|| m.id.clone()))
            .collect()
    };
    // (family or id, en positive, en negative, nl positive, nl negative)
    let cases: &[(&str, &str, &str, &str, &str)] = &[
        (
            "llama",
            "Meta's Llama model answers in Dutch.",
            "The llama spat at the tourists.",
            "Het taalmodel Llama van Meta antwoordt in het Nederlands.",
            "De lama spuugde naar de toeristen.",
        ),
        (
            "bloom",
            "BLOOM, the BigScience language model, speaks 46 languages.",
            "The tulips are in bloom.",
            "Het taalmodel BLOOM spreekt 46 talen.",
            "De start-up Bloom opent een kantoor in Gent.",
        ),
        (
            "whisper",
            "OpenAI's Whisper model transcribes interviews.",
            "She had to whisper in the library.",
            "Het spraakmodel Whisper van OpenAI zet interviews om in tekst.",
            "Hij hoorde een whisper van de wind, schreef de dichter.",
        ),
        (
            "falcon",
            "TII's Falcon model runs on one GPU.",
            "A Falcon dived at the pigeons.",
            "Het Falcon-model van TII draait op één gpu.",
            "Een Falcon van de luchtmacht vloog over.",
        ),
        (
            "phi",
            "Microsoft's Phi models are small.",
            "Phi is the 21st letter of the Greek alphabet.",
            "De Phi-modellen van Microsoft zijn klein.",
            "Phi is een letter uit het Griekse alfabet.",
        ),
        (
            "claude",
            "Anthropic's Claude model writes code.",
            "Claude Monet painted water lilies.",
            "Het AI-model Claude van Anthropic schrijft code.",
            "Claude Debussy schreef Clair de lune.",
        ),
        (
            "gemini",
            "Google's Gemini AI model can read video.",
            "Gemini is the third sign of the zodiac.",
            "Het AI-model Gemini van Google kan video lezen.",
            "Gemini is het derde teken van de dierenriem.",
        ),
        (
            "command",
            "Cohere's Command model summarises contracts.",
            "Command and control were restored after the outage.",
            "Het taalmodel Command van Cohere vat contracten samen.",
            "Command en control waren na de storing hersteld.",
        ),
        (
            "grok",
            "xAI's Grok chatbot answers on X.",
            "Grok is slang for understanding something deeply.",
            "De chatbot Grok van xAI antwoordt op X.",
            "Grok is Engelse slang voor diep begrijpen.",
        ),
        (
            "yi",
            "The Yi model from 01.AI tops a Chinese benchmark.",
            "Yi Sang was a Korean poet.",
            "Het Yi-model van 01.AI scoort goed.",
            "Yi Sang was een Koreaanse dichter.",
        ),
        (
            "jamba",
            "AI21 Labs' Jamba model mixes Mamba and Transformer layers.",
            "Jamba juice is sold at the station.",
            "Het taalmodel Jamba van AI21 Labs combineert Mamba en Transformer.",
            "Jamba is een sapbar op het station.",
        ),
        (
            "mistral",
            "The Mistral model family keeps growing.",
            "The Mistral wind blew hard over Provence.",
            "De Mistral-modellen worden steeds groter.",
            "De Mistral waaide hard over de Provence.",
        ),
        (
            "gemma",
            "Google's Gemma model runs on a laptop.",
            "Gemma Chan starred in the film.",
            "Het taalmodel Gemma van Google draait op een laptop.",
            "Gemma de Vries won de prijs.",
        ),
        (
            "aya",
            "Cohere's Aya model covers 101 languages.",
            "Aya Nakamura sold out the stadium.",
            "Het taalmodel Aya van Cohere dekt 101 talen.",
            "Aya Nakamura verkocht het stadion uit.",
        ),
        (
            "granite-3",
            "IBM's Granite models target businesses.",
            "The Granite countertop cracked.",
            "De Granite-modellen van IBM richten zich op bedrijven.",
            "Het Granite aanrecht barstte.",
        ),
        (
            "olmo",
            "OLMo, the Ai2 language model, publishes its data.",
            "Olmo ate pasta in Turin.",
            "Het taalmodel OLMo publiceert zijn data.",
            "Olmo at pasta in Turijn.",
        ),
        (
            "fietje-2",
            "The Dutch language model Fietje runs on a laptop.",
            "Fietje was the name of the bakery's cat.",
            "Het Nederlandse taalmodel Fietje draait op een laptop.",
            "Fietje heette de kat van de bakker.",
        ),
    ];
    let mut failures = Vec::new();
    for (want, en_pos, en_neg, nl_pos, nl_neg) in cases {
        for pos in [en_pos, nl_pos] {
            let got = mentioned(pos);
            if !got.iter().any(|f| f == want) {
                failures.push(format!("{pos:?}: expected {want}, got {got:?}"));
            }
        }
        for neg in [en_neg, nl_neg] {
            let got = mentioned(neg);
            if !got.is_empty() {
                failures.push(format!("{neg:?}: expected no model, got {got:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

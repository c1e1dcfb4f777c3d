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

/// The sentences of a table of (sentence, expected family or id, "" for no
/// finding) whose findings through the whole pipeline do not name the
/// expected entry or a member of that family. A fully open model may stay
/// silent, since a claim about it is right.
fn claim_table_failures(engine: &Engine, cases: &[(&str, &str)]) -> Vec<String> {
    let g = Glossary::embedded();
    let mut failures = Vec::new();
    for (text, want) in cases {
        let got = claimed(engine, text);
        let ok = if want.is_empty() {
            got.is_empty()
        } else {
            !got.is_empty()
                && got.iter().all(|id| {
                    id == want || g.model(id).and_then(|m| m.family.as_deref()) == Some(want)
                })
        };
        let silent_open = !want.is_empty()
            && got.is_empty()
            && g.model(want)
                .is_some_and(|m| g.facts(m, None).status == Openness::OpenSource);
        if !ok && !silent_open {
            failures.push(format!("{text:?}: expected {want:?}, got {got:?}"));
        }
    }
    failures
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
            // "FLUX.1 [dev]": the rules treat a bracket as a clause break, so
            // the claim after it does not reach the name; the matcher side is
            // covered in `bracketed_names_are_matched`.
            if alias.contains(']') {
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
            "2023-05-20",
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
        "---\ndate: 2023-05-20\n---\nFalcon-40B is open source.\n",
    );
    assert_eq!(r.findings[0].severity, openclaim::Severity::Warning);
    assert_eq!(r.findings[0].facts_date.as_deref(), Some("2023-05-20"));
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
    let failures = claim_table_failures(&e, cases);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_user_layer_replaces_an_entry_whole() {
    let g = Glossary::embedded();
    let layer = vec![(
        "local.toml".to_string(),
        "[[model]]\nid = \"llama-3.2\"\ncanonical = \"Llama 3.2\"\ndeveloper = \"Meta\"\naliases = [\"Llama 3.2\"]\n\
         license = \"Apache-2.0\"\nweights = \"yes\"\ndata = \"yes\"\ncode = \"yes\"\nsource = \"https://www.llama.com/\"\nas_of = \"2030-01-01\"\n"
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
            "granite",
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

/// The findings of one sentence: (model id, status) through the whole pipeline.
fn judged(engine: &Engine, text: &str) -> Vec<(String, Openness)> {
    engine
        .check("t.md", text)
        .findings
        .iter()
        .map(|f| (f.model.id.clone(), f.status))
        .collect()
}

/// Every model the 2025–2026 press calls open source, written as the press
/// writes it, resolves to its own entry with the status its license gives.
#[test]
fn models_of_2025_and_2026_resolve_with_their_status() {
    use Openness::*;
    let e = engine();
    let cases: &[(&str, &str, Openness)] = &[
        (
            "DeepSeek V3.1 is open source.",
            "deepseek-v3.1",
            OpenWeights,
        ),
        (
            "DeepSeek-V3.2 is een opensourcemodel.",
            "deepseek-v3.2",
            OpenWeights,
        ),
        (
            "DeepSeek-V3.2-Exp is open source.",
            "deepseek-v3.2-exp",
            OpenWeights,
        ),
        ("OpenAI's gpt-oss is open source.", "gpt-oss", OpenWeights),
        ("GPT-OSS is open source.", "gpt-oss", OpenWeights),
        ("Kimi K2 is open source.", "kimi-k2", RestrictedWeights),
        (
            "Janus-Pro-7B is an open-source image model.",
            "janus-pro",
            RestrictedWeights,
        ),
        (
            "Het opensourcemodel Kimi-K2 van Moonshot AI",
            "kimi-k2",
            RestrictedWeights,
        ),
        ("GLM-4.5 is open source.", "glm-4.5", OpenWeights),
        ("GLM 4.6 is open source.", "glm-4.6", OpenWeights),
        ("MiniMax-M1 is open source.", "minimax-m1", OpenWeights),
        ("MiniMax M2 is open source.", "minimax-m2", OpenWeights),
        (
            "Magistral Small is open source.",
            "magistral-small",
            OpenWeights,
        ),
        (
            "Magistral Medium is open source.",
            "magistral-medium",
            Closed,
        ),
        (
            "Devstral Small is open source.",
            "devstral-small",
            OpenWeights,
        ),
        (
            "Ministral 8B is open source.",
            "ministral-8b",
            RestrictedWeights,
        ),
        ("Ministral 3 is open source.", "ministral-3", OpenWeights),
        ("Pixtral 12B is open source.", "pixtral-12b", OpenWeights),
        (
            "Pixtral Large is open source.",
            "pixtral-large",
            RestrictedWeights,
        ),
        (
            "Mistral Large 3 is open source.",
            "mistral-large-3",
            OpenWeights,
        ),
        (
            "Mistral Medium 3 is open source.",
            "mistral-medium-3",
            Closed,
        ),
        ("Codestral 25.01 is open source.", "codestral-25.01", Closed),
        (
            "Flux.1 Dev is open source.",
            "flux.1-dev",
            RestrictedWeights,
        ),
        (
            "FLUX.1-schnell is open source.",
            "flux.1-schnell",
            OpenWeights,
        ),
        (
            "Hunyuan-A13B is open source.",
            "hunyuan-a13b",
            RestrictedWeights,
        ),
        (
            "Tencent Hunyuan is open source.",
            "hunyuan",
            RestrictedWeights,
        ),
        ("ERNIE 4.5 is open source.", "ernie-4.5", OpenWeights),
        (
            "Het model ERNIE-4.5 is opensource.",
            "ernie-4.5",
            OpenWeights,
        ),
        ("Command A is open source.", "command-a", RestrictedWeights),
        // Command A+ (May 2026) is Apache-2.0: not Command A's licence.
        ("Command A+ is open source.", "command-a-plus", OpenWeights),
        (
            "Cohere's Command A Plus is open source.",
            "command-a-plus",
            OpenWeights,
        ),
        (
            "Het model Command A+ van Cohere is opensource.",
            "command-a-plus",
            OpenWeights,
        ),
        (
            "Aya Vision is open source.",
            "aya-vision",
            RestrictedWeights,
        ),
        // EuroLLM-22B and EuroLLM-9B-2512 (December 2025) are entries of their own.
        ("EuroLLM-22B is open source.", "eurollm-22b", OpenWeights),
        (
            "Het taalmodel EuroLLM 22B is opensource.",
            "eurollm-22b",
            OpenWeights,
        ),
        (
            "EuroLLM-9B-2512 is open source.",
            "eurollm-9b-2512",
            OpenWeights,
        ),
        (
            "Het model EuroLLM-9B-Instruct-2512 is opensource.",
            "eurollm-9b-2512",
            OpenWeights,
        ),
        ("EuroLLM 9B is open source.", "eurollm", OpenWeights),
        ("Seed-OSS is open source.", "seed-oss", OpenWeights),
        ("Tülu 3 is open source.", "tulu-3", RestrictedWeights),
        ("Tulu 3 is open source.", "tulu-3", RestrictedWeights),
        ("ALIA-40b is open source.", "alia", OpenWeights),
        ("Boreas-7B is open source.", "boreas-7b", OpenWeights),
        ("Reynaerde-7B is open source.", "reynaerde-7b", OpenWeights),
        (
            "ChocoLlama is open source.",
            "chocollama",
            RestrictedWeights,
        ),
        ("MPT-7B is open source.", "mpt-7b", OpenWeights),
        ("Vicuna-13B is open source.", "vicuna", RestrictedWeights),
        ("OpenELM is open source.", "openelm", RestrictedWeights),
        (
            "Code Llama is open source.",
            "code-llama",
            RestrictedWeights,
        ),
        ("CodeLlama is open source.", "code-llama", RestrictedWeights),
        ("Falcon 2 is open source.", "falcon-2", RestrictedWeights),
        ("Qwen3-Max is open source.", "qwen3-max", Closed),
        ("Qwen2.5-Max is open source.", "qwen2.5-max", Closed),
        ("Yi-Lightning is open source.", "yi-lightning", Closed),
        ("Jamba 1.7 is open source.", "jamba-1.7", RestrictedWeights),
        ("Falcon-H1 is open source.", "falcon-h1", RestrictedWeights),
        ("Falcon-E is open source.", "falcon-e", RestrictedWeights),
        (
            "Nemotron Nano 2 is open source.",
            "nemotron-nano-2",
            RestrictedWeights,
        ),
        (
            "Llama-3.1-Nemotron-70B is open source.",
            "llama-3.1-nemotron-70b",
            RestrictedWeights,
        ),
        ("Granite 4 is open source.", "granite-4", OpenWeights),
        ("Granite 4.0 is open source.", "granite-4", OpenWeights),
        // Press spellings: no space, lower case, Unicode hyphens.
        ("Llama3.3 is open source.", "llama-3.3", RestrictedWeights),
        ("kimi k2 is open source.", "kimi-k2", RestrictedWeights),
        (
            "Kimi\u{2010}K2 is open source.",
            "kimi-k2",
            RestrictedWeights,
        ),
        (
            "DeepSeek\u{2011}V3.1 is opensource.",
            "deepseek-v3.1",
            OpenWeights,
        ),
        ("Ministral3 is open source.", "ministral-3", OpenWeights),
        // PixMo is released, but the CLIP encoder's training data is not.
        ("Molmo is open source.", "molmo", OpenWeights),
    ];
    let mut failures = Vec::new();
    for (text, id, status) in cases {
        let got = judged(&e, text);
        if got != vec![(id.to_string(), *status)] {
            failures.push(format!("{text:?}: expected {id} {status:?}, got {got:?}"));
        }
    }
    // Fully open models: no finding, and the name is the model's.
    for (text, id) in [
        ("SmolLM3 is open source.", "smollm3"),
        ("SmolLM2 is open source.", "smollm2"),
        ("OLMoE is open source.", "olmoe"),
        ("OpenLLaMA is open source.", "openllama"),
    ] {
        let g = Glossary::embedded();
        let m = g.find(id).map(|m| g.facts(m, None).status);
        if m != Some(OpenSource) || !judged(&e, text).is_empty() {
            failures.push(format!("{text:?}: expected {id} open-source and silent"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Names that are also words, people, games or commands: with a claim term
/// in the sentence, the guard decides. Both languages.
#[test]
fn ambiguous_names_next_to_claim_terms() {
    let e = engine();
    // (text, family or id expected; "" for no finding)
    let cases: &[(&str, &str)] = &[
        ("Llama is open source.", "llama"),
        ("Llama is open source, zegt Meta.", "llama"),
        ("Grok is open source, Musk said.", "grok"),
        ("Grok is nu open source, aldus Musk.", "grok"),
        (
            "DeepSeek's open-source model shook the markets.",
            "deepseek",
        ),
        (
            "Het Chinese opensourcemodel DeepSeek schudde de markten op.",
            "deepseek",
        ),
        ("DeepSeek released its accounts as open source.", ""),
        (
            "Het Chinese DeepSeek bracht zijn boekhouding als open source uit.",
            "",
        ),
        ("Command & Conquer was re-released as open source.", ""),
        (
            "Command & Conquer is als open source opnieuw uitgebracht.",
            "",
        ),
        ("Command-line tools for the open-source LLM are ready.", ""),
        (
            "Command-line-tools voor het open-source LLM zijn klaar.",
            "",
        ),
        ("Command: run the open-source model locally.", ""),
        ("Command: draai het opensourcemodel lokaal.", ""),
        (
            "Yi, a Chinese AI researcher, released an open-source model.",
            "",
        ),
        (
            "Yi, een Chinese AI-onderzoeker, bracht een opensourcemodel uit.",
            "",
        ),
        (
            "Claude, a French AI engineer, released his open-source model.",
            "",
        ),
        (
            "Claude, een Franse AI-ingenieur, bracht zijn opensourcemodel uit.",
            "",
        ),
        ("Whisper it: the open-source model is coming.", ""),
        ("Whisper het maar: het opensourcemodel komt eraan.", ""),
        ("Whisper is open source.", "whisper"),
        ("Whisper is open source, meldt OpenAI.", "whisper"),
        ("Claude is open source.", "claude"),
        ("Claude is open source, beweert de blog.", "claude"),
        ("Gemini is open source.", "gemini"),
        ("Gemini is open source volgens de blog.", "gemini"),
        ("Phi is open source.", "phi"),
        ("Phi is open source, zegt Microsoft.", "phi"),
        ("Jamba is open source.", "jamba"),
        ("Jamba is opensource.", "jamba"),
        ("Flux is open source.", "flux"),
        ("Flux is opensource, zegt Black Forest Labs.", "flux"),
        ("The open-source Flux capacitor is a film prop.", ""),
        ("BLOOM is open source.", "bloom"),
        ("De start-up Bloom is open source in hart en nieren.", ""),
        ("Mistral is open source.", "mistral"),
        ("The Mistral wind is not open source.", ""),
        ("De Mistral wind is geen open source.", ""),
        ("Falcon is open source.", "falcon"),
        ("The Falcon 9 rocket's software is open source.", ""),
        ("De Falcon 9-software is open source.", ""),
    ];
    let failures = claim_table_failures(&e, cases);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A family's status on a date is that of its most open member released by
/// then; a model is not judged before its release; "Mistral Large" means
/// what it meant on the day.
#[test]
fn dates_decide_family_status_release_and_moved_names() {
    use openclaim::date::Date;
    use Openness::*;
    let g = Glossary::embedded();
    let at = |name: &str, d: &str| {
        let m = g.find(name).unwrap_or_else(|| panic!("{name} missing"));
        g.facts(m, Date::parse(d))
    };
    // Gemma 4 (Apache-2.0) came out in 2026: Gemma in mid-2025 was restricted.
    assert_eq!(at("Gemma", "2025-06-01").status, RestrictedWeights);
    assert_eq!(at("Gemma", "2026-06-01").status, OpenWeights);
    // Qwen in 2023 was only Qwen-1 under the Tongyi Qianwen licenses.
    assert_eq!(at("Qwen", "2023-10-01").status, RestrictedWeights);
    assert_eq!(at("Qwen", "2024-07-01").status, OpenWeights);
    // DeepSeek the model: restricted until R1 (MIT, January 2025).
    assert_eq!(at("DeepSeek", "2024-12-30").status, RestrictedWeights);
    assert_eq!(at("DeepSeek", "2025-02-01").status, OpenWeights);
    // Release dates.
    assert!(at("Llama 4", "2024-01-01").unreleased);
    assert!(at("Command A+", "2026-05-19").unreleased);
    assert!(!at("Command A+", "2026-05-20").unreleased);
    assert!(at("EuroLLM-22B", "2025-11-30").unreleased);
    assert!(!at("EuroLLM-22B", "2025-12-01").unreleased);
    assert!(at("EuroLLM-9B-2512", "2025-11-30").unreleased);
    assert!(!at("EuroLLM-9B-2512", "2025-12-01").unreleased);
    assert!(!at("Llama 4", "2025-06-01").unreleased);
    assert!(at("Mistral Large 3", "2025-12-01").unreleased);
    assert!(!at("Mistral Large 3", "2025-12-02").unreleased);
    // "Mistral Large": API only, then the research license, then Apache-2.0.
    assert_eq!(at("Mistral Large", "2024-03-15").status, Closed);
    assert_eq!(at("Mistral Large", "2025-01-15").status, RestrictedWeights);
    assert_eq!(at("Mistral Large", "2026-01-15").status, OpenWeights);
    assert!(at("Mistral Large", "2023-06-01").unreleased);

    // Through the pipeline: no correction built on later facts.
    let e = Engine::new(
        g.clone(),
        Options {
            explain: true,
            ..Options::default()
        },
    );
    let r = e.check(
        "t.md",
        "---\ndate: 2024-01-01\n---\nLlama 4 will be open source, Meta says.\n",
    );
    assert!(r.findings.is_empty(), "{:?}", r.findings);
    let reasons: Vec<String> = r
        .dismissed
        .iter()
        .flatten()
        .map(|d| d.reason.clone())
        .collect();
    assert!(
        reasons
            .iter()
            .any(|x| x.contains("not yet released on 2024-01-01")),
        "{reasons:?}"
    );
    let on = |date: &str, text: &str| {
        let doc = format!("---\ndate: {date}\n---\n{text}\n");
        judged(&e, &doc)
    };
    assert_eq!(
        on("2025-06-01", "Gemma is open source."),
        vec![("gemma".to_string(), RestrictedWeights)]
    );
    assert_eq!(
        on("2024-03-15", "Mistral Large is open source."),
        vec![("mistral-large".to_string(), Closed)]
    );
    assert_eq!(
        on("2026-01-15", "Mistral Large 3 is open source."),
        vec![("mistral-large-3".to_string(), OpenWeights)]
    );
}

/// `glossary check` holds every source to the developer's own addresses.
#[test]
fn glossary_check_rejects_an_unofficial_source() {
    let dir = std::env::temp_dir().join(format!("openclaim-src-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let entry = |source: &str| {
        format!(
            "[[model]]\nid = \"gemma-3\"\ncanonical = \"Gemma 3\"\ndeveloper = \"Google DeepMind\"\n\
             aliases = [\"Gemma 3\"]\nlicense = \"LicenseRef-Gemma-Terms-of-Use\"\nweights = \"yes\"\n\
             data = \"no\"\ncode = \"no\"\nsource = \"{source}\"\nas_of = \"2026-11-30\"\n"
        )
    };
    let run = |text: String| {
        std::fs::write(dir.join("g.toml"), text).expect("write");
        std::process::Command::new(env!("CARGO_BIN_EXE_openclaim"))
            .args(["glossary", "check"])
            .arg(&dir)
            .output()
            .expect("run openclaim")
    };
    for bad in [
        "https://hf.fast360.xyz/FastFlowLM/Gemma3-4B-Text-NPU2/commit/41d9",
        "https://huggingface.co/someone/gemma-3-27b-it-GGUF",
        "https://huggingface.co/google/gemma-3-27b-it/blob/main/tokenizer.json",
        "https://huggingface.co/google/gemma-2-9b-it/blob/refs%2Fpr%2F2/README.md",
        "https://huggingface.co/google/gemma-3-27b-it/resolve/main/logo.png",
        "https://aiwiki.ai/wiki/gemma_3",
    ] {
        let out = run(entry(bad));
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{bad}: {err}");
        assert!(err.contains("g.toml:1:1"), "{bad}: {err}");
    }
    let out = run(entry("https://huggingface.co/google/gemma-3-27b-it"));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// `glossary show` resolves like `check`, prints each member's facts and a
/// family's range, and suggests near names.
#[test]
fn glossary_show_resolves_lists_members_and_suggests() {
    let show = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_openclaim"))
            .args(["glossary", "show"])
            .args(args)
            .output()
            .expect("run openclaim");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).to_string(),
            String::from_utf8_lossy(&out.stderr).to_string(),
        )
    };
    for (name, id) in [
        ("Llama-4-Scout", "(llama-4)"),
        ("DeepSeek V3.1", "(deepseek-v3.1)"),
        ("Gemma-3n", "(gemma-3)"),
        ("llama 3.1 405b instruct", "(llama-3.1)"),
    ] {
        let (code, out, err) = show(&[name]);
        assert_eq!(code, Some(0), "{name}: {err}");
        assert!(
            out.lines().next().unwrap_or("").ends_with(id),
            "{name}: {out}"
        );
    }
    let (_, out, _) = show(&["Claude"]);
    assert!(!out.contains("weights: yes"), "{out}");
    assert!(
        out.contains("Claude 3.5") && out.contains("closed"),
        "{out}"
    );
    let (_, out, _) = show(&["Mistral"]);
    assert!(
        out.contains("varies by member, from open-weights to closed"),
        "{out}"
    );
    let (_, out, _) = show(&["Gemma", "--as-of", "2025-06-01"]);
    assert!(
        out.contains("Gemma 4") && out.contains("not yet released"),
        "{out}"
    );
    assert!(
        out.contains("restricted-weights (all members released by 2025-06-01)"),
        "{out}"
    );
    let (code, _, err) = show(&["Lama 3"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("did you mean") && err.contains("Llama 3"),
        "{err}"
    );
}

/// Every source is the developer's own or a license text, and every entry
/// carries its own release date and reading date.
#[test]
fn every_source_is_primary_and_every_model_dated() {
    let g = Glossary::embedded();
    for m in g.models() {
        let dev = g.developer(&m.developer);
        assert!(dev.is_some(), "{}: no developer entry", m.id);
        assert!(m.released_on().is_some(), "{}: no release date", m.id);
        assert!(
            m.released_on().is_some_and(|r| r <= m.as_of),
            "{}: read before it was released",
            m.id
        );
    }
}

/// A version of a family that the glossary does not list takes no other
/// member's license: its claim is a note, "license unknown for this
/// member", with the family's range, in English and in Dutch.
#[test]
fn unlisted_members_are_notes_with_the_family_range() {
    use openclaim::Severity;
    let e = engine();
    // (text, family id, words of the range in the article's language)
    let unlisted: &[(&str, &str, &str)] = &[
        (
            "Qwen 4 is open source.",
            "qwen",
            "from open weights to closed",
        ),
        (
            "Qwen 4 is een opensourcemodel.",
            "qwen",
            "van open gewichten tot gesloten",
        ),
        (
            "Google's Gemma 9 is open source.",
            "gemma",
            "from open weights to restricted weights",
        ),
        (
            "Het taalmodel Gemma 9 van Google is open source.",
            "gemma",
            "van open gewichten tot beperkte gewichten",
        ),
        (
            "Mistral Medium 5 is open source.",
            "mistral",
            "from open weights to closed",
        ),
        (
            "Het nieuwe taalmodel Mistral Medium 5 is opensource.",
            "mistral",
            "van open gewichten tot gesloten",
        ),
        (
            "Meta's Llama 7 is open source.",
            "llama",
            "all restricted-weights models, under licenses that differ by version",
        ),
        (
            "Llama 3.5 is een opensourcemodel.",
            "llama",
            "allemaal modellen met beperkte gewichten",
        ),
    ];
    let mut failures = Vec::new();
    for (text, family, range) in unlisted {
        let r = e.check("t.md", text);
        let ok = r.findings.len() == 1 && {
            let f = &r.findings[0];
            f.model.id == *family
                && f.severity == Severity::Note
                && f.license.spdx.is_none()
                && f.license.name == "unknown for this member"
                && f.replacement.is_none()
                && (f.correction.starts_with("License unknown for this member")
                    || f.correction.starts_with("Licentie onbekend voor dit lid"))
                && f.correction.contains(range)
        };
        if !ok {
            failures.push(format!("{text:?}: {:?}", r.findings));
        }
    }
    // Listed members, sizes and uniform families keep their own verdict.
    let listed: &[(&str, &str, Openness)] = &[
        (
            "Mistral Medium 3 is open source.",
            "mistral-medium-3",
            Openness::Closed,
        ),
        (
            "Mistral 7B is een opensourcemodel.",
            "mistral-7b",
            Openness::OpenWeights,
        ),
        (
            "Llama 3.1 is open source.",
            "llama-3.1",
            Openness::RestrictedWeights,
        ),
        (
            "Gemma 3 is een opensourcemodel.",
            "gemma-3",
            Openness::RestrictedWeights,
        ),
        (
            "Anthropic's Claude 5 is open source.",
            "claude",
            Openness::Closed,
        ),
        (
            "Claude 5 van Anthropic is opensource.",
            "claude",
            Openness::Closed,
        ),
    ];
    for (text, id, status) in listed {
        let r = e.check("t.md", text);
        let ok = r.findings.len() == 1 && {
            let f = &r.findings[0];
            f.model.id == *id
                && f.status == *status
                && f.license.name != "unknown for this member"
                && !f.correction.contains("unknown for this member")
        };
        if !ok {
            failures.push(format!("{text:?}: {:?}", r.findings));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `check --explain`, `explain` and `glossary show` say the same of an
/// unlisted member.
#[test]
fn unlisted_members_in_explain_and_show() {
    let dir = std::env::temp_dir().join(format!("openclaim-unlisted-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let article = dir.join("a.md");
    std::fs::write(&article, "Qwen 4 is open source.\n").expect("write");
    let run = |args: &[&std::ffi::OsStr]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_openclaim"))
            .args(args)
            .output()
            .expect("run openclaim");
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr)
    };
    let explained = run(&["check".as_ref(), "--explain".as_ref(), article.as_os_str()]);
    assert!(
        explained.contains("claim about Qwen (license unknown for this member)")
            && explained
                .contains("note: license unknown for this member (Qwen: open-weights to closed)"),
        "{explained}"
    );
    let json = run(&[
        "check".as_ref(),
        "--explain".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
        article.as_os_str(),
    ]);
    assert!(
        json.contains(
            "license unknown for this member; the Qwen family ranges from open-weights to closed"
        ) && json.contains("\"family_range\""),
        "{json}"
    );
    let shown = run(&["glossary".as_ref(), "show".as_ref(), "Qwen 4".as_ref()]);
    assert!(
        shown.starts_with("Qwen 4: not in the glossary; license unknown for this member; the Qwen family ranges from open-weights to closed"),
        "{shown}"
    );
    assert!(shown.contains("Qwen (qwen)"), "{shown}");
    let model = run(&["explain".as_ref(), "Qwen 4".as_ref()]);
    assert!(
        model.starts_with("Qwen 4 is not in the glossary: license unknown for this member; the Qwen family ranges from open-weights to closed"),
        "{model}"
    );
    let listed = run(&["glossary".as_ref(), "show".as_ref(), "Qwen 2.5".as_ref()]);
    assert!(!listed.contains("not in the glossary"), "{listed}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A version number joined to a family's name ("Qwen4", "Llama4",
/// "Gemma3") names the member as the spaced spelling does, in both
/// languages; a number joined to a word that is not a model stays no model.
#[test]
fn joined_spellings_of_versioned_names() {
    let e = engine();
    let listed: &[(&str, &str)] = &[
        ("Llama4 is open source.", "llama-4"),
        ("Meta noemt Llama4 een opensourcemodel.", "llama-4"),
        ("Gemma3 is an open-source model from Google.", "gemma-3"),
        ("Het taalmodel Gemma3 is opensource.", "gemma-3"),
        ("Qwen3 is open source.", "qwen3"),
        ("Grok2 is een opensourcemodel.", "grok-2"),
        (
            "SpaceX launched a Falcon9 rocket; its flight software is open source.",
            "",
        ),
        (
            "De Falcon9-raket van SpaceX vliegt met opensourcesoftware.",
            "",
        ),
        ("Press Command3 to open the open-source editor.", ""),
        ("Druk op Command3 om de opensource-editor te openen.", ""),
    ];
    let mut failures = claim_table_failures(&e, listed);
    let unlisted: &[(&str, &str)] = &[
        ("Qwen4 is open source.", "qwen"),
        ("Qwen4 is een opensourcemodel.", "qwen"),
        ("Meta's Llama5 is open source.", "llama"),
        ("Het taalmodel Gemma5 van Google is opensource.", "gemma"),
        ("Qwen3.5 is open source.", "qwen"),
    ];
    for (text, family) in unlisted {
        let r = e.check("t.md", text);
        let ok = r.findings.len() == 1
            && r.findings[0].model.id == *family
            && r.findings[0].license.name == "unknown for this member";
        if !ok {
            failures.push(format!("{text:?}: {:?}", r.findings));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

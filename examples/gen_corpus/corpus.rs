//! A deterministic generator of realistic Dutch and English news articles in
//! Markdown, for benchmarks and batch tests. The same (seed, index) always
//! gives the same article, on every machine. Shared by
//! `examples/gen_corpus`, `benches/stages.rs` and `tests/batch.rs`.
//!
//! Mix (by design, a claim-rich tech-news archive): a quarter of the
//! articles make "open source" claims about named models (about one sentence
//! in seven: true and false, asserted, attributed and denied), 35 % name
//! models without any such claim, and 40 % are about something else. Every article has YAML front matter, a
//! title, an intro, and sections drawn from headings, paragraphs, bullet and
//! numbered lists, links, tables, fenced code (that says "open source" and
//! must be ignored), and block quotes.
//!
//! [`dense_article`] gives the claim-dense variant: every article is about
//! models and about two sentences in five make a claim, as in an archive of
//! AI coverage.

#![allow(dead_code)]

use std::fmt::Write as _;

/// SplitMix64: tiny, fast, and good enough to pick words.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in 0..n (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// (name as written, developer)
const MODELS: &[(&str, &str)] = &[
    ("Llama 3.1", "Meta"),
    ("Llama 3.3", "Meta"),
    ("Llama 4", "Meta"),
    ("Gemma 2", "Google"),
    ("Gemma 3", "Google"),
    ("Mistral 7B", "Mistral AI"),
    ("Mixtral 8x7B", "Mistral AI"),
    ("Mistral Small 3", "Mistral AI"),
    ("OLMo 2", "AI2"),
    ("Qwen2.5", "Alibaba"),
    ("Qwen3", "Alibaba"),
    ("DeepSeek-V3", "DeepSeek"),
    ("DeepSeek-R1", "DeepSeek"),
    ("Falcon 180B", "TII"),
    ("BLOOM", "BigScience"),
    ("GPT-4o", "OpenAI"),
    ("Claude 3.5", "Anthropic"),
    ("GEITje 7B", "Edwin Rijgersberg"),
    ("GPT-NL", "TNO"),
    ("Phi-3", "Microsoft"),
    ("Pythia", "EleutherAI"),
    ("EuroLLM", "UTTER"),
];

const EN_CLAIMS: &[&str] = &[
    "{d} released {m} as an open-source model on Tuesday.",
    "The open-source {m} model is now available for download.",
    "{m} is open source, according to the announcement.",
    "{d} describes {m} as open source, although the license restricts commercial use.",
    "Critics say {m} is not open source under the OSI definition.",
    "Developers praised {d} for making {m} open source.",
    "Unlike closed rivals, the open-source {m} can be fine-tuned locally.",
    "According to {d}, {m} is \"fully open source\".",
    "{m}, an open source alternative to proprietary systems, tops the leaderboard.",
];

const NL_CLAIMS: &[&str] = &[
    "{d} bracht {m} dinsdag uit als opensourcemodel.",
    "Het opensource-model {m} is nu te downloaden.",
    "{m} is open source, aldus de aankondiging.",
    "{d} noemt {m} open source, al beperkt de licentie commercieel gebruik.",
    "Critici zeggen dat {m} geen open source is volgens de OSI-definitie.",
    "Ontwikkelaars prezen {d} omdat het {m} open source maakte.",
    "Het open-sourcemodel {m} kan lokaal worden bijgetraind.",
    "Volgens {d} is {m} \"volledig open source\".",
];

const EN_MENTIONS: &[&str] = &[
    "{m} scored well on reasoning benchmarks, {d} said.",
    "Several start-ups have integrated {m} into their products.",
    "The weights of {m} can be downloaded after accepting the license.",
    "{d} trained {m} on a mixture of public and licensed data.",
    "In our tests, {m} answered most questions correctly.",
    "A smaller version of {m} runs on a laptop.",
];

const NL_MENTIONS: &[&str] = &[
    "{m} scoort goed op redeneertests, zegt {d}.",
    "Verschillende start-ups gebruiken {m} al in hun producten.",
    "De gewichten van {m} zijn te downloaden na het accepteren van de licentie.",
    "{d} trainde {m} op een mix van openbare en gelicentieerde data.",
    "In onze test beantwoordde {m} de meeste vragen goed.",
    "Een kleinere versie van {m} draait op een laptop.",
];

const EN_FILLER: &[&str] = &[
    "The company said the release would help researchers build new applications.",
    "Analysts expect more announcements before the end of the quarter.",
    "Regulators in Brussels are watching the sector closely.",
    "The announcement was made at a developer conference in San Francisco.",
    "Independent researchers have not yet verified the figures.",
    "Pricing for the hosted version was not disclosed.",
    "The firm plans to publish a technical report in the coming weeks.",
    "Energy use of data centres has become a political issue in several countries.",
    "Dr. Jansen, who leads the lab, called the results encouraging.",
    "Shares rose 3.5 per cent in early trading, e.g. on the Nasdaq.",
    "The city council approved the budget after a long debate.",
    "Train services between Utrecht and Amsterdam were delayed for hours.",
    "The museum reopens next month after a two-year renovation.",
];

const NL_FILLER: &[&str] = &[
    "Het bedrijf zegt dat onderzoekers er nieuwe toepassingen mee kunnen bouwen.",
    "Analisten verwachten voor het einde van het kwartaal meer aankondigingen.",
    "Toezichthouders in Brussel volgen de sector op de voet.",
    "De aankondiging werd gedaan op een ontwikkelaarsconferentie in Amsterdam.",
    "Onafhankelijke onderzoekers hebben de cijfers nog niet gecontroleerd.",
    "Over de prijs van de gehoste versie werd niets gezegd.",
    "Het bedrijf wil de komende weken een technisch rapport publiceren.",
    "Het stroomverbruik van datacenters ligt politiek gevoelig.",
    "Dr. De Vries, die het lab leidt, noemde de resultaten bemoedigend.",
    "Het aandeel steeg in de vroege handel met 3,5 procent, o.a. op het Damrak.",
    "De gemeenteraad keurde de begroting goed na een lang debat.",
    "Treinen tussen Utrecht en Amsterdam hadden urenlang vertraging.",
    "Het museum gaat volgende maand weer open na een verbouwing van twee jaar.",
];

const EN_HEADINGS: &[&str] = &[
    "What is new",
    "Licensing",
    "How it compares",
    "Reactions",
    "Background",
    "What happens next",
    "Benchmarks",
];

const NL_HEADINGS: &[&str] = &[
    "Wat is er nieuw",
    "Licentie",
    "Vergelijking",
    "Reacties",
    "Achtergrond",
    "Hoe nu verder",
    "Benchmarks",
];

const OTHER_TOPICS_EN: &[&str] = &[
    "Rail strike",
    "City budget",
    "Museum reopening",
    "Energy prices",
];
const OTHER_TOPICS_NL: &[&str] = &[
    "Spoorstaking",
    "Begroting",
    "Museum heropend",
    "Energieprijzen",
];

/// How an article relates to models and claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Claims,
    Mentions,
    Other,
}

pub struct Article {
    pub dutch: bool,
    pub kind: Kind,
    pub slug: String,
    pub text: String,
}

fn fill(template: &str, m: &str, d: &str) -> String {
    template.replace("{m}", m).replace("{d}", d)
}

/// Every claim sentence the generator writes, once per model: (Dutch, sentence).
pub fn claim_sentences() -> Vec<(bool, String)> {
    let mut out = Vec::new();
    for &(m, d) in MODELS {
        for t in EN_CLAIMS {
            out.push((false, fill(t, m, d)));
        }
        for t in NL_CLAIMS {
            out.push((true, fill(t, m, d)));
        }
    }
    out
}

/// The article with this index.
pub fn article(seed: u64, index: u64) -> Article {
    generate(seed, index, false)
}

/// The article with this index in the claim-dense corpus: always about
/// models, with a claim in about 40 % of its prose sentences.
pub fn dense_article(seed: u64, index: u64) -> Article {
    generate(seed, index, true)
}

fn generate(seed: u64, index: u64, dense: bool) -> Article {
    let mut r = Rng::new(seed ^ index.wrapping_mul(0xA24B_AED4_963E_E407));
    let dutch = r.chance(50);
    let kind = match r.below(20) {
        _ if dense => Kind::Claims,
        0..=4 => Kind::Claims,
        5..=11 => Kind::Mentions,
        _ => Kind::Other,
    };
    let claim_percent = if dense { 40 } else { 15 };
    let (claims, mentions, filler, headings, topics) = if dutch {
        (
            NL_CLAIMS,
            NL_MENTIONS,
            NL_FILLER,
            NL_HEADINGS,
            OTHER_TOPICS_NL,
        )
    } else {
        (
            EN_CLAIMS,
            EN_MENTIONS,
            EN_FILLER,
            EN_HEADINGS,
            OTHER_TOPICS_EN,
        )
    };
    let (m, d) = MODELS[r.below(MODELS.len())];
    let title = match kind {
        Kind::Other => r.pick(topics).to_string(),
        _ if dutch => format!("{d} presenteert {m}"),
        _ => format!("{d} unveils {m}"),
    };
    let slug: String = title
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    // The years the models it names were released in: an article dated
    // before a model was released gets no finding about it.
    let year = 2023 + index % 4;
    let month = 1 + (index / 7) % 12;
    let day = 1 + (index / 84) % 28;
    let mut t = String::with_capacity(6000);
    let _ = write!(
        t,
        "---\ntitle: \"{title}\"\ndate: {year}-{month:02}-{day:02}\nlang: {}\nauthor: Redactie\ntags: [ai, open-source, tech]\n---\n\n# {title}\n\n",
        if dutch { "nl" } else { "en" }
    );
    let sentence = |r: &mut Rng| -> String {
        let (m2, d2) = MODELS[r.below(MODELS.len())];
        let (mm, dd) = if r.chance(60) { (m, d) } else { (m2, d2) };
        match kind {
            Kind::Claims if r.chance(claim_percent) => fill(r.pick(claims), mm, dd),
            Kind::Claims | Kind::Mentions if r.chance(25) => fill(r.pick(mentions), mm, dd),
            _ => r.pick(filler).to_string(),
        }
    };
    let paragraph = |r: &mut Rng, t: &mut String| {
        let n = 3 + r.below(4);
        for i in 0..n {
            if i > 0 {
                t.push(' ');
            }
            t.push_str(&sentence(r));
        }
        t.push_str("\n\n");
    };
    paragraph(&mut r, &mut t);
    let target = 3000 + r.below(5000);
    while t.len() < target {
        match r.below(12) {
            0 | 1 => {
                let _ = write!(t, "## {}\n\n", r.pick(headings));
            }
            2 => {
                for _ in 0..3 + r.below(3) {
                    let _ = writeln!(t, "- {}", r.pick(filler));
                }
                t.push('\n');
            }
            3 => {
                for i in 1..=3 {
                    let _ = writeln!(t, "{i}. {}", r.pick(filler));
                }
                t.push('\n');
            }
            4 => {
                let _ = write!(
                    t,
                    "See the [model card](https://example.com/models/{}/open-source-license) and <https://example.org/open-source> for details.\n\n",
                    m.to_lowercase().replace(' ', "-")
                );
            }
            5 => {
                let _ = write!(
                    t,
                    "| Model | Developer | Parameters |\n|---|---|---|\n| {m} | {d} | {}B |\n| {} | {} | {}B |\n\n",
                    7 + r.below(400),
                    MODELS[r.below(MODELS.len())].0,
                    MODELS[r.below(MODELS.len())].1,
                    1 + r.below(70)
                );
            }
            6 => {
                t.push_str("```python\n# open-source loader: this is open source code\nfrom transformers import AutoModel\nmodel = AutoModel.from_pretrained(\"open-source/model\")\n```\n\n");
            }
            7 => {
                let _ = write!(t, "> {}\n> {}\n\n", sentence(&mut r), r.pick(filler));
            }
            8 => {
                let _ = write!(
                    t,
                    "Install it with `pip install open-source-llm` and read **{}**.\n\n",
                    r.pick(filler)
                );
            }
            _ => paragraph(&mut r, &mut t),
        }
    }
    Article {
        dutch,
        kind,
        slug,
        text: t,
    }
}

/// The relative path of article `index`: `YYYY/NNN/index-slug.md`, at most
/// 500 articles per directory.
pub fn relative_path(index: u64, slug: &str) -> String {
    format!(
        "{}/{:03}/{index:07}-{slug}.md",
        2019 + index / 50_000,
        (index / 500) % 100
    )
}

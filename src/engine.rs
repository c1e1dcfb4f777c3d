//! The pipeline from article text to findings and annotated text, with no
//! I/O. Glossary and automata are built once; `Engine` is `Sync` and is
//! shared by reference across worker threads.

use std::ops::Range;

use crate::annotate::{self, Annotation, Style};
use crate::correction::correction;
use crate::date::Date;
use crate::detect::{claims, mentions, ClaimTerm, Matcher, Mention};
use crate::glossary::Glossary;
use crate::markdown::{self, Prose};
use crate::report::{Dismissed, FileReport, Finding, LicenseRef, ModelRef};
use crate::rules::{self, Context, Polarity, Voice};
use crate::span::LineIndex;
use crate::structure::Structure;
use crate::suppress::Suppressions;
use crate::text::{lang, sentences};
use crate::verdict::{is_wrong, Definition, Policy};
use crate::Lang;

/// Settings that change what is found.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Used when the front matter has no `lang:`; detected when None.
    pub lang: Option<Lang>,
    pub definition: Definition,
    /// Judge by the facts in force on this date (overrides front matter `date:`).
    pub as_of: Option<Date>,
    /// Also list claim terms that produced no finding, and why.
    pub explain: bool,
    /// Severities by status, voice and model; the default is the severity table.
    pub policy: Policy,
}

pub struct Engine {
    glossary: Glossary,
    matcher: Matcher,
    options: Options,
}

/// Findings for one file plus what annotate needs to insert.
#[derive(Debug, Clone)]
pub struct FileResult {
    pub report: FileReport,
    pub annotations: Vec<Annotation>,
}

impl std::ops::Deref for FileResult {
    type Target = FileReport;
    fn deref(&self) -> &FileReport {
        &self.report
    }
}

/// Sentence boundaries, found block by block only where they are asked for:
/// most blocks of an article that says "open source" somewhere hold neither
/// a claim term nor an ambiguous model name, and splitting them was a large
/// share of the analysis. Same ranges as splitting every block up front.
struct Sentences<'a> {
    text: &'a str,
    blocks: &'a [markdown::Block],
    split: Vec<std::cell::OnceCell<Vec<Range<usize>>>>,
}

impl<'a> Sentences<'a> {
    fn new(prose: &'a Prose) -> Self {
        Sentences {
            text: prose.text.as_str(),
            blocks: &prose.blocks,
            split: (0..prose.blocks.len())
                .map(|_| std::cell::OnceCell::new())
                .collect(),
        }
    }

    /// The sentences of block `b`, in order.
    fn of_block(&self, b: usize) -> &[Range<usize>] {
        self.split[b].get_or_init(|| {
            let block = &self.blocks[b];
            let body = self.text.get(block.plain.clone()).unwrap_or("");
            sentences::split(body, block.plain.start)
        })
    }

    /// (block, sentence in block) of the sentence holding `offset`.
    /// Blocks are in text order and never overlap, and each sentence lies
    /// inside its block.
    fn locate(&self, offset: usize) -> Option<(usize, usize)> {
        let b = self.blocks.partition_point(|bl| bl.plain.end <= offset);
        if self.blocks.get(b)?.plain.start > offset {
            return None;
        }
        let sents = self.of_block(b);
        let i = sents.partition_point(|s| s.end <= offset);
        sents.get(i).filter(|s| s.start <= offset).map(|_| (b, i))
    }

    fn range(&self, (b, i): (usize, usize)) -> Range<usize> {
        self.of_block(b)[i].clone()
    }

    /// The sentence before, in the same block.
    fn previous(&self, (b, i): (usize, usize)) -> Option<Range<usize>> {
        i.checked_sub(1).map(|p| self.of_block(b)[p].clone())
    }

    /// The sentence after, in the same block.
    fn next(&self, (b, i): (usize, usize)) -> Option<Range<usize>> {
        self.of_block(b).get(i + 1).cloned()
    }
}

/// True when the word before `at` (within the sentence starting at
/// `sentence_start`) introduces a comparison or a complement.
fn after_comparison(text: &str, sentence_start: usize, at: usize) -> bool {
    const WORDS: &[&str] = &[
        "since", "sinds", "than", "dan", "with", "met", "besides", "naast", "unlike", "like",
        "zoals", "versus", "vs", "vs.", "over", "against", "tegen", "beats", "verslaat", "to",
        "naar", "from", "uit", "van", "of", "for", "voor", "on", "op",
    ];
    let before = text.get(sentence_start..at).unwrap_or("");
    let last = before
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
        .to_lowercase();
    WORDS.contains(&last.as_str())
}

impl Engine {
    pub fn new(glossary: Glossary, options: Options) -> Engine {
        let matcher = Matcher::new(&glossary);
        Engine {
            glossary,
            matcher,
            options,
        }
    }

    pub fn glossary(&self) -> &Glossary {
        &self.glossary
    }

    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Checks one article; `path` is only used in the report.
    pub fn check(&self, path: &str, text: &str) -> FileResult {
        self.check_with_lang(path, text, self.options.lang)
    }

    /// Checks with an explicit fallback language (front matter still wins).
    pub fn check_with_lang(&self, path: &str, text: &str, fallback: Option<Lang>) -> FileResult {
        let prose = markdown::prose(text);
        let lang = prose
            .front_matter
            .lang
            .as_deref()
            .and_then(Lang::from_tag)
            .or(fallback)
            .unwrap_or_else(|| lang::detect(&prose.text));
        let on = self
            .options
            .as_of
            .or_else(|| prose.front_matter.date.as_deref().and_then(Date::parse));
        let mut report = FileReport {
            path: path.to_string(),
            lang: Some(lang),
            error: None,
            findings: Vec::new(),
            suppressed: 0,
            dismissed: self.options.explain.then(Vec::new),
        };
        let mut annotations = Vec::new();
        // Prefilter: most articles never say "open source".
        if self.matcher.stem.find(&prose.text).is_none() {
            return FileResult {
                report,
                annotations,
            };
        }
        self.analyse(text, &prose, lang, on, &mut report, &mut annotations);
        FileResult {
            report,
            annotations,
        }
    }

    /// What the rules see of sentence `si`: its words, its mentions, the
    /// antecedent before it, and its structure.
    fn context<'t>(
        &'t self,
        text: &'t str,
        sents: &Sentences<'_>,
        si: (usize, usize),
        mentions: &'t [Mention],
        terms: &[ClaimTerm],
        lang: Lang,
    ) -> Context<'t> {
        let sent_range = sents.range(si);
        let here_start = mentions.partition_point(|m| m.plain.start < sent_range.start);
        let here_end = mentions.partition_point(|m| m.plain.start < sent_range.end);
        // The antecedent in the previous sentence: its first model that is not
        // a comparison or a complement ("… sinds GPT-2", "… than GPT-4").
        let previous = sents.previous(si).and_then(|p| {
            let end = mentions.partition_point(|m| m.plain.start < p.end);
            let prev_start = mentions.partition_point(|m| m.plain.start < p.start);
            // A named version beats its family ("the Llama family gained Llama 3.2").
            let is_family = |i: usize| {
                self.glossary
                    .models()
                    .get(mentions[i].model)
                    .is_some_and(|m| m.is_family())
            };
            let candidates = || {
                (prev_start..end)
                    .filter(|&i| !after_comparison(text, p.start, mentions[i].plain.start))
            };
            candidates()
                .find(|&i| !is_family(i))
                .or_else(|| candidates().next())
                .or((end > prev_start).then(|| end - 1))
        });
        let mut ctx = Context::new(
            text,
            sent_range.clone(),
            mentions,
            here_start..here_end,
            previous,
            &self.glossary,
        );
        ctx.next_sentence = sents.next(si);
        let t0 = terms.partition_point(|t| t.plain.start < sent_range.start);
        let t1 = terms.partition_point(|t| t.plain.start < sent_range.end);
        ctx.structure = std::rc::Rc::new(Structure::build(
            text,
            sent_range,
            mentions,
            ctx.here.clone(),
            terms.get(t0..t1).unwrap_or(&[]),
            lang,
        ));
        ctx
    }

    /// The claim terms of the article and the model mentions in the blocks
    /// that hold one; None when there is no claim term.
    fn claims_and_mentions(
        &self,
        prose: &Prose,
        sents: &Sentences<'_>,
    ) -> Option<(Vec<Mention>, Vec<ClaimTerm>)> {
        let text = prose.text.as_str();
        // Only blocks that hold a claim term can produce a finding (sentences,
        // coreference and lists never cross a block), so models are looked for there.
        let term_spans = claims::locate(text, &self.matcher);
        let mut claim_blocks: Vec<std::ops::Range<usize>> =
            claims::classify(text, &term_spans, |_| false)
                .iter()
                .filter_map(|t| prose.block_at(t.plain.start).map(|b| b.plain.clone()))
                .collect();
        if claim_blocks.is_empty() {
            return None;
        }
        claim_blocks.dedup();
        let mentions: Vec<Mention> = mentions::find_within(
            text,
            &self.matcher,
            &self.glossary,
            |at| sents.locate(at).map(|si| sents.range(si)).unwrap_or(at..at),
            &claim_blocks,
        );
        let starts: Vec<usize> = mentions.iter().map(|m| m.plain.start).collect();
        let terms: Vec<ClaimTerm> =
            claims::classify(text, &term_spans, |at| starts.binary_search(&at).is_ok());
        Some((mentions, terms))
    }

    /// The structure of every sentence of `text` that holds a claim term,
    /// and what the rules decided for each term: `explain --sentence`.
    pub fn explain_structure(&self, text: &str, lang: Lang) -> String {
        use std::fmt::Write as _;
        let prose = markdown::prose(text);
        let sents = Sentences::new(&prose);
        let mut out = String::new();
        let Some((mentions, terms)) = self.claims_and_mentions(&prose, &sents) else {
            return "no claim term in the text\n".into();
        };
        let plain = prose.text.as_str();
        let mut cached: Option<Context<'_>> = None;
        for term in &terms {
            let Some(si) = sents.locate(term.plain.start) else {
                continue;
            };
            let range = sents.range(si);
            if cached.as_ref().is_none_or(|c| c.sentence != range) {
                let ctx = self.context(plain, &sents, si, &mentions, &terms, lang);
                let _ = writeln!(out, "sentence: {}", plain.get(range.clone()).unwrap_or(""));
                out.push_str(&ctx.structure.describe(plain));
                cached = Some(ctx);
            }
            let Some(ctx) = cached.as_ref() else {
                continue;
            };
            let j = rules::assess(ctx, term);
            let names: Vec<String> = j
                .subjects
                .iter()
                .map(|s| {
                    format!(
                        "{} ({})",
                        plain.get(mentions[s.mention].plain.clone()).unwrap_or(""),
                        s.attachment.describe()
                    )
                })
                .collect();
            let _ = writeln!(
                out,
                "judgment for {:?}: {}; relation {}; subjects: {}",
                plain.get(term.plain.clone()).unwrap_or(""),
                j.polarity.as_str(),
                j.relation.map(|r| r.as_str()).unwrap_or("(none)"),
                if names.is_empty() {
                    "none".to_string()
                } else {
                    names.join(", ")
                }
            );
            for r in &j.reasons {
                let _ = writeln!(out, "  {}: {}", r.rule, r.message);
            }
            for (m, r) in &j.dismissed {
                let _ = writeln!(
                    out,
                    "  dismissed {}: {}",
                    plain.get(mentions[*m].plain.clone()).unwrap_or(""),
                    r.message
                );
            }
        }
        out
    }

    fn analyse(
        &self,
        src: &str,
        prose: &Prose,
        lang: Lang,
        on: Option<Date>,
        report: &mut FileReport,
        annotations: &mut Vec<Annotation>,
    ) {
        let text = prose.text.as_str();
        let sents = Sentences::new(prose);
        let Some((mentions, terms)) = self.claims_and_mentions(prose, &sents) else {
            return;
        };
        let lines = LineIndex::new(src);
        let suppressions = Suppressions::from_comments(src, &prose.comments, &self.glossary);
        // The context and its sentence structure are built once per sentence.
        let mut cached: Option<Context<'_>> = None;
        for term in &terms {
            let Some(si) = sents.locate(term.plain.start) else {
                continue;
            };
            let sent_range = sents.range(si);
            if cached.as_ref().is_none_or(|c| c.sentence != sent_range) {
                cached = Some(self.context(text, &sents, si, &mentions, &terms, lang));
            }
            let Some(ctx) = cached.as_ref() else {
                continue;
            };
            let judgment = rules::assess(ctx, term);
            let Some(src_range) = prose.to_src(term.plain.clone()) else {
                continue;
            };
            let pos = lines.position(src, src_range.start);
            let term_text = src.get(src_range.clone()).unwrap_or("").to_string();
            let sentence_text = text.get(sent_range.clone()).unwrap_or("").to_string();
            let mut term_findings: Vec<(Finding, Option<String>, String)> = Vec::new();
            let mut explain = |model: Option<String>, reason: String| {
                if let Some(d) = report.dismissed.as_mut() {
                    d.push(Dismissed {
                        line: pos.line,
                        column: pos.column,
                        term: term_text.clone(),
                        model,
                        reason,
                    });
                }
            };
            let as_written = |m: usize| {
                text.get(mentions[m].plain.clone())
                    .unwrap_or("")
                    .to_string()
            };
            for (m, reason) in &judgment.dismissed {
                explain(
                    Some(as_written(*m)),
                    format!("{} at {}:{}", reason.message, pos.line, pos.column),
                );
            }
            if judgment.subjects.is_empty() && judgment.dismissed.is_empty() {
                explain(
                    None,
                    "no model is named or referred to in the sentence".into(),
                );
            }
            for subject in &judgment.subjects {
                let Some(model) = self.glossary.models().get(mentions[subject.mention].model)
                else {
                    continue;
                };
                if judgment.polarity != Polarity::Asserted {
                    let why = judgment
                        .reasons
                        .iter()
                        .rev()
                        .find(|r| {
                            r.rule != "attribution" || judgment.polarity == Polarity::Disputed
                        })
                        .map(|r| r.message.clone())
                        .unwrap_or_else(|| judgment.polarity.as_str().into());
                    explain(
                        Some(as_written(subject.mention)),
                        format!("{} ({})", why, judgment.polarity.as_str()),
                    );
                    continue;
                }
                let facts = self.glossary.facts(model, on);
                let attributed = matches!(judgment.voice, Voice::Attributed { .. });
                let definition = self.options.definition;
                let Some(sev) =
                    self.options
                        .policy
                        .severity(&model.id, facts.status, attributed, definition)
                else {
                    let reason = if is_wrong(facts.status, definition) {
                        format!(
                            "accepted by the configuration: claims about {} ({}) are not reported",
                            model.canonical,
                            facts.status.as_str()
                        )
                    } else {
                        format!(
                            "the glossary lists {} as {}",
                            model.canonical,
                            facts.status.as_str()
                        )
                    };
                    explain(Some(as_written(subject.mention)), reason);
                    continue;
                };
                let corr = correction(
                    model,
                    &facts,
                    &term.form,
                    subject.attachment,
                    &judgment.voice,
                    lang,
                );
                let license = match facts.license {
                    Some(l) => LicenseRef {
                        name: l.name.clone(),
                        spdx: Some(l.id.clone()),
                        osi_approved: Some(l.osi_approved),
                    },
                    None => LicenseRef {
                        name: "varies by version".into(),
                        spdx: None,
                        osi_approved: None,
                    },
                };
                let finding = Finding {
                    severity: sev,
                    line: pos.line,
                    column: pos.column,
                    start: src_range.start,
                    end: src_range.end,
                    term: term_text.clone(),
                    model: ModelRef {
                        text: as_written(subject.mention),
                        canonical: model.canonical.clone(),
                        id: model.id.clone(),
                    },
                    status: facts.status,
                    polarity: judgment.polarity,
                    voice: if attributed { "attributed" } else { "author" },
                    attributed_to: match &judgment.voice {
                        Voice::Attributed { by } if !by.is_empty() => Some(by.clone()),
                        Voice::Attributed { .. } => None,
                        Voice::Author => None,
                    },
                    sentence: sentence_text.clone(),
                    correction: corr.comment.clone(),
                    replacement: corr.replacement.clone(),
                    license,
                    source: facts.source.to_string(),
                    as_of: facts.as_of.to_string(),
                    facts_date: facts.on.map(|d| d.to_string()),
                    attachment: subject.attachment,
                    reasons: std::iter::once(format!(
                        "'{}' describes {} ({})",
                        term_text,
                        as_written(subject.mention),
                        subject.attachment.describe()
                    ))
                    .chain(judgment.reasons.iter().map(|r| r.message.clone()))
                    .collect(),
                };
                if !suppressions.is_empty()
                    && suppressions.covers(src_range.start, pos.line, &model.id, &model.canonical)
                {
                    report.suppressed += 1;
                    explain(
                        Some(as_written(subject.mention)),
                        "suppressed by an openclaim-disable comment".into(),
                    );
                    continue;
                }
                term_findings.push((finding, corr.replacement, corr.comment));
            }
            if term_findings.is_empty() {
                continue;
            }
            // One annotation per term, however many models it describes.
            let first_rep = term_findings[0].1.clone();
            let same_rep = term_findings.iter().all(|(_, r, _)| *r == first_rep);
            let mut range = src_range.clone();
            let mut replacement = if same_rep && prose.replaceable(term.plain.clone()) {
                first_rep
            } else {
                None
            };
            // "opensource-alternatief" -> "gesloten alternatief": the hyphen goes too.
            if replacement.as_deref().is_some_and(|r| r.ends_with(' ')) {
                if src.get(range.end..range.end + 1) == Some("-")
                    && prose.replaceable(term.plain.start..term.plain.end + 1)
                {
                    range.end += 1;
                } else if !src
                    .get(range.end..)
                    .is_some_and(|r| r.starts_with(char::is_alphanumeric))
                {
                    replacement = replacement.map(|r| r.trim_end().to_string());
                }
            }
            let comment = term_findings
                .iter()
                .map(|(_, _, c)| c.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            annotations.push(Annotation {
                term: range,
                replacement,
                comment,
            });
            report
                .findings
                .extend(term_findings.into_iter().map(|(f, _, _)| f));
        }
    }

    /// The article with annotations for every finding. Annotations openclaim
    /// wrote before are removed first, so annotating twice changes nothing.
    pub fn annotate(&self, path: &str, text: &str, style: Style) -> (String, FileResult) {
        self.annotate_with_lang(path, text, style, self.options.lang)
    }

    /// [`Engine::annotate`] with an explicit fallback language (front matter still wins).
    pub fn annotate_with_lang(
        &self,
        path: &str,
        text: &str,
        style: Style,
        fallback: Option<Lang>,
    ) -> (String, FileResult) {
        let original = annotate::strip(text);
        let result = self.check_with_lang(path, &original, fallback);
        let out = annotate::render(&original, &result.annotations, style);
        (out, result)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn engine() -> Engine {
        Engine::new(Glossary::embedded().clone(), Options::default())
    }

    #[test]
    fn finding_points_at_the_source_bytes() {
        let src = "---\nlang: en\n---\n# Title\n\nMeta's open-source Llama 3.2 model is here.\n";
        let r = engine().check("a.md", src);
        assert_eq!(r.findings.len(), 1);
        let f = &r.findings[0];
        assert_eq!(&src[f.start..f.end], "open-source");
        assert_eq!((f.line, f.column), (6, 8));
        assert_eq!(f.model.canonical, "Llama 3.2");
    }

    #[test]
    fn code_and_links_are_never_analysed() {
        let src = "Run `Llama 3 is open source` or see [docs](https://x.test/llama-3-is-open-source).\n\n```\nLlama 3 is open source\n```\n";
        assert!(engine().check("a.md", src).findings.is_empty());
    }

    #[test]
    fn annotate_round_trips_and_is_idempotent() {
        let src = "Meta's open-source Llama 3.2 model.\r\nGPT-4o is open source.\r\n";
        let e = engine();
        for style in [Style::Critic, Style::Footnote, Style::Comment] {
            let (once, _) = e.annotate("a.md", src, style);
            assert_ne!(once, src);
            assert_eq!(annotate::strip(&once), src);
            let (twice, _) = e.annotate("a.md", &once, style);
            assert_eq!(twice, once);
        }
    }

    #[test]
    fn article_date_selects_historic_facts() {
        let e = engine();
        let src = "---\ndate: 2023-03-01\n---\nFalcon-40B is open source.\n";
        let r = e.check("a.md", src);
        assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
        assert_eq!(r.findings[0].status, crate::Openness::RestrictedWeights);
        assert_eq!(r.findings[0].facts_date.as_deref(), Some("2023-03-01"));
        let now = e.check("a.md", "Falcon-40B is open source.\n");
        assert_eq!(now.findings[0].status, crate::Openness::OpenWeights);
    }
}

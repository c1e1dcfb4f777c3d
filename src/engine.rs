//! The pipeline from article text to findings and annotated text, with no
//! I/O. Glossary and automata are built once; `Engine` is `Sync` and is
//! shared by reference across worker threads.

use std::ops::Range;

use crate::annotate::{self, Annotation, Style};
use crate::correction::{correction, Cover, QuoteScan, Usage};
use crate::date::Date;
use crate::detect::{claims, mentions, ClaimTerm, Matcher, Mention};
use crate::glossary::Glossary;
use crate::markdown::{self, Prose};
use crate::report::{Dismissed, FileReport, Finding, LicenseRef, ModelRef};
use crate::rules::{self, Context, Polarity, Voice};
use crate::span::LineIndex;
use crate::structure::Structure;
use crate::suppress::Suppressions;
use crate::text::fast_hash::FxHashMap;
use crate::text::{lang, sentences};
use crate::verdict::{is_wrong, Definition, Policy, Severity};
use crate::Lang;

/// The default of [`Options::max_findings`]: far above any article, low
/// enough that a hostile paragraph cannot produce a report of hundreds of megabytes.
pub const MAX_FINDINGS: usize = 10_000;

/// Settings that change what is found.
#[derive(Debug, Clone)]
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
    /// Analysis of a file stops once it has this many findings (or, with
    /// `explain`, this many dismissed terms) and its result says it was
    /// truncated; 0 means no limit.
    pub max_findings: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            lang: None,
            definition: Definition::default(),
            as_of: None,
            explain: false,
            policy: Policy::default(),
            max_findings: MAX_FINDINGS,
        }
    }
}

/// Why a text of `len` bytes is not analysed: its offsets would not fit
/// the document map (see [`markdown::MAX_LEN`]). None for any other length.
pub fn too_long(len: usize) -> Option<String> {
    (len > markdown::MAX_LEN).then(|| {
        format!(
            "{len} bytes is more than the {} bytes (4 GiB) one file may hold; split it",
            markdown::MAX_LEN
        )
    })
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
    /// The findings stopped at [`Options::max_findings`]: the file may say
    /// more than the report shows.
    pub truncated: bool,
}

impl FileResult {
    /// Drops the findings an editor dismissed (by [`Finding::id`]) and the
    /// annotations left with no finding, so downloads and reports hold only
    /// what the editor kept. Unknown ids are ignored: a draft edited since
    /// the ids were given simply keeps its new findings.
    pub fn dismiss(&mut self, ids: &[String]) {
        if ids.is_empty() {
            return;
        }
        self.report.findings.retain(|f| !ids.contains(&f.id));
        let kept: Vec<usize> = self.report.findings.iter().map(|f| f.start).collect();
        self.annotations
            .retain(|a| kept.iter().any(|&s| a.term.start <= s && s < a.term.end));
    }
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
///
/// The split blocks are kept by block number rather than in a slot per
/// block: a long document has hundreds of thousands of blocks and splits a
/// few, and an empty slot per block was a twentieth of its peak memory.
struct Sentences<'a> {
    text: &'a str,
    blocks: &'a [markdown::Block],
    split: std::cell::RefCell<FxHashMap<usize, Vec<Range<usize>>>>,
}

impl<'a> Sentences<'a> {
    fn new(prose: &'a Prose) -> Self {
        Sentences {
            text: prose.text.as_str(),
            blocks: &prose.blocks,
            split: Default::default(),
        }
    }

    /// `f` of the sentences of block `b`, in order; empty past the last block.
    fn in_block<R>(&self, b: usize, f: impl FnOnce(&[Range<usize>]) -> R) -> R {
        if let Some(sents) = self.split.borrow().get(&b) {
            return f(sents);
        }
        let sents = self.blocks.get(b).map_or_else(Vec::new, |block| {
            let body = self.text.get(block.plain()).unwrap_or("");
            windows(self.text, sentences::split(body, block.plain().start))
        });
        let answer = f(&sents);
        self.split.borrow_mut().insert(b, sents);
        answer
    }

    /// (block, sentence in block) of the sentence holding `offset`.
    /// Blocks are in text order and never overlap, and each sentence lies
    /// inside its block.
    fn locate(&self, offset: usize) -> Option<(usize, usize)> {
        let b = self.blocks.partition_point(|bl| bl.plain().end <= offset);
        if self.blocks.get(b)?.plain().start > offset {
            return None;
        }
        self.in_block(b, |sents| {
            let i = sents.partition_point(|s| s.end <= offset);
            sents.get(i).filter(|s| s.start <= offset).map(|_| (b, i))
        })
    }

    /// The sentence at `(b, i)`, which [`Sentences::locate`] gave; empty
    /// at the end of the text for any other.
    fn range(&self, (b, i): (usize, usize)) -> Range<usize> {
        self.in_block(b, |sents| sents.get(i).cloned())
            .unwrap_or(self.text.len()..self.text.len())
    }

    /// The sentence before, in the same block.
    fn previous(&self, (b, i): (usize, usize)) -> Option<Range<usize>> {
        let p = i.checked_sub(1)?;
        self.in_block(b, |sents| sents.get(p).cloned())
    }

    /// The sentence after, in the same block.
    fn next(&self, (b, i): (usize, usize)) -> Option<Range<usize>> {
        self.in_block(b, |sents| sents.get(i + 1).cloned())
    }
}

/// How a sentence that continues to speak of the model named before it
/// opens.
const ANAPHOR_OPENINGS: &[&str] = &[
    "it ",
    "it's ",
    "it’s ",
    "this model",
    "the model",
    "the new model",
    "het model",
    "dit model",
    "het nieuwe model",
    "het is ",
    "het heeft ",
];

/// For `--explain`: the term's phrase and clause, and the structural
/// relation that tied it, or that distance did.
fn structure_reason(ctx: &Context<'_>, term: &ClaimTerm, j: &rules::Judgment) -> Option<String> {
    let summary = ctx.structure.term_summary(ctx.text, &term.plain)?;
    let relation = j
        .relation
        .map(|r| format!("relation {}", r.as_str()))
        .unwrap_or_else(|| "no structural relation (tied by the rules' word order)".into());
    Some(format!("structure: {summary}; {relation}"))
}

/// The longest sentence a finding quotes whole. A "sentence" longer than
/// this is markup or hostile input (a paragraph of thousands of claims with
/// no full stop), and quoting it in every finding would make the report
/// quadratic in its length.
pub const MAX_QUOTED: usize = 4096;

/// The sentence a finding quotes: whole, or, past [`MAX_QUOTED`] bytes,
/// the `MAX_QUOTED / 2` bytes either side of the term with "…" where it was cut.
fn quoted(text: &str, sentence: Range<usize>, term: Range<usize>) -> String {
    if sentence.len() <= MAX_QUOTED {
        return text.get(sentence).unwrap_or("").to_string();
    }
    let half = MAX_QUOTED / 2;
    let mut start = term.start.saturating_sub(half).max(sentence.start);
    let mut end = term.end.saturating_add(half).min(sentence.end);
    while start > sentence.start && !text.is_char_boundary(start) {
        start -= 1;
    }
    while end < sentence.end && !text.is_char_boundary(end) {
        end += 1;
    }
    let mut out = String::with_capacity(end - start + 6);
    if start > sentence.start {
        out.push('…');
    }
    out.push_str(text.get(start..end).unwrap_or(""));
    if end < sentence.end {
        out.push('…');
    }
    out
}

/// The longest sentence the rules read whole, in bytes. Published
/// sentences are far shorter; a longer "sentence" is a list or text with
/// no full stops (a pasted table, a keyword dump, hostile input), and it is
/// read in windows of about this size cut at spaces, so the work per claim
/// term stays bounded and a file's time linear in its size.
const LONGEST_SENTENCE: usize = 2048;

/// `sents` with every sentence longer than [`LONGEST_SENTENCE`] cut into
/// windows at the last space before the limit (or at the limit, on a char
/// boundary, when there is none).
fn windows(text: &str, sents: Vec<Range<usize>>) -> Vec<Range<usize>> {
    if sents.iter().all(|r| r.len() <= LONGEST_SENTENCE) {
        return sents;
    }
    let mut out = Vec::with_capacity(sents.len());
    for r in sents {
        let mut start = r.start;
        while r.end - start > LONGEST_SENTENCE {
            let mut cut = start + LONGEST_SENTENCE;
            while cut > start && !text.is_char_boundary(cut) {
                cut -= 1;
            }
            let window = text.get(start..cut).unwrap_or("");
            if let Some(space) = window.rfind(' ').filter(|&sp| sp > 0) {
                cut = start + space;
            }
            if cut <= start {
                break;
            }
            out.push(start..cut);
            start = cut;
            // The next window starts at a word, not at the space.
            while text.get(start..start + 1) == Some(" ") {
                start += 1;
            }
        }
        if start < r.end {
            out.push(start..r.end);
        }
    }
    out
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

/// How the term sits in its sentence, for fitting a replacement: its
/// neighbouring words and whether it stands in a direct quotation.
fn usage_of(text: &str, prose: &Prose, term: &ClaimTerm, quotes: &mut QuoteScan) -> Usage {
    let block = prose
        .block_at(term.plain.start)
        .map_or(term.plain.start..term.word.end, |b| b.plain());
    let body = text.get(block.start..block.end).unwrap_or("");
    let at = term.plain.start.saturating_sub(block.start);
    let quoted = prose.block_at(term.plain.start).is_some_and(|b| b.in_quote)
        || quotes.inside(block.start, body, at);
    let before = text.get(block.start..term.plain.start).unwrap_or("");
    let before = match before.trim_end().rsplit(char::is_whitespace).next() {
        // Punctuation between the word and the term ends the phrase.
        Some(w) if w.ends_with(|c: char| c.is_alphanumeric()) && before.ends_with(' ') => w
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase(),
        _ => String::new(),
    };
    let rest = text.get(term.word.end..block.end).unwrap_or("");
    let trimmed = rest.trim_start_matches([' ', '\t']);
    let after: String = if trimmed.len() < rest.len() {
        trimmed
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .next()
            .unwrap_or("")
            .trim_end_matches('-')
            .to_string()
    } else {
        String::new()
    };
    Usage {
        written: text.get(term.word.clone()).unwrap_or("").to_string(),
        before,
        after_adjacent: rest.starts_with(' ') && !rest.starts_with("  "),
        after,
        quoted,
    }
}

/// The SARIF rule a finding falls under: OC003 for a claim attributed to
/// someone else, OC002 for an open-weights model, OC001 otherwise.
pub fn rule_code(attributed: bool, status: crate::Openness) -> &'static str {
    if attributed {
        "OC003"
    } else if status == crate::Openness::OpenWeights {
        "OC002"
    } else {
        "OC001"
    }
}

/// A finding's id: the same claim at the same place gives the same id on
/// every run and machine, so an editor's decision can refer to it across
/// requests. FNV-1a over the byte range and what was claimed about whom.
pub fn finding_id(range: Range<usize>, term: &str, model: &str, sentence: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let start = range.start.to_string();
    let end = range.end.to_string();
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    for part in [start.as_str(), end.as_str(), term, model, sentence] {
        for &b in part.as_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(PRIME);
        }
        // Each part ends with a zero byte: xor with 0 leaves `h` as it is.
        h = h.wrapping_mul(PRIME);
    }
    format!("oc-{h:016x}")
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
        self.check_until(path, text, fallback, &|_| true).0
    }

    /// [`Engine::check_with_lang`] that asks `go_on`, with the findings so
    /// far, before each claim term and at the end whether to continue;
    /// `None` when it said no. A caller that must bound the work (a server whose client went
    /// away, or whose draft would give an unbounded report) stops here
    /// instead of after the whole article. The findings are the same as
    /// without it whenever it lets the analysis finish.
    pub fn check_within(
        &self,
        path: &str,
        text: &str,
        fallback: Option<Lang>,
        go_on: &dyn Fn(&[Finding]) -> bool,
    ) -> Option<FileResult> {
        let (result, finished) = self.check_until(path, text, fallback, go_on);
        finished.then_some(result)
    }

    /// The result, and whether the analysis ran to the end.
    fn check_until(
        &self,
        path: &str,
        text: &str,
        fallback: Option<Lang>,
        go_on: &dyn Fn(&[Finding]) -> bool,
    ) -> (FileResult, bool) {
        let mut report = FileReport {
            path: path.to_string(),
            lang: None,
            error: too_long(text.len()),
            findings: Vec::new(),
            suppressed: 0,
            dismissed: self.options.explain.then(Vec::new),
        };
        if report.error.is_some() {
            let result = FileResult {
                report,
                annotations: Vec::new(),
                truncated: false,
            };
            return (result, true);
        }
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
        report.lang = Some(lang);
        let mut annotations = Vec::new();
        let mut truncated = false;
        // Prefilter: most articles never say "open source".
        let finished = self.matcher.stem.find(&prose.text).is_none()
            || self.analyse(
                text,
                &prose,
                lang,
                on,
                &mut report,
                &mut annotations,
                go_on,
                &mut truncated,
            );
        let result = FileResult {
            report,
            annotations,
            truncated,
        };
        (result, finished)
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
        let previous = self.antecedent(text, sents, si, mentions);
        let words = rules::sentence_words(text, &sent_range);
        let mut ctx = Context::new(
            text,
            sent_range.clone(),
            &words,
            mentions,
            here_start..here_end,
            previous,
            &self.glossary,
        );
        ctx.next_sentence = sents.next(si);
        ctx.previous_sentence = sents.previous(si);
        let t0 = terms.partition_point(|t| t.plain.start < sent_range.start);
        let t1 = terms.partition_point(|t| t.plain.start < sent_range.end);
        let structure = Structure::build(
            text,
            sent_range,
            &ctx.toks,
            mentions,
            ctx.here.clone(),
            terms.get(t0..t1).unwrap_or(&[]),
            lang,
        );
        ctx.structure = std::rc::Rc::new(structure);
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
        let mut claim_blocks: Vec<std::ops::Range<usize>> = claims::kept_starts(text, &term_spans)
            .filter_map(|at| prose.block_at(at).map(|b| b.plain()))
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

    /// Fills the report; false when `go_on` stopped it. `truncated` is set
    /// when it stopped at the finding cap (that counts as finished).
    #[allow(clippy::too_many_arguments)] // the stages' state, passed once
    fn analyse(
        &self,
        src: &str,
        prose: &Prose,
        lang: Lang,
        on: Option<Date>,
        report: &mut FileReport,
        annotations: &mut Vec<Annotation>,
        go_on: &dyn Fn(&[Finding]) -> bool,
        truncated: &mut bool,
    ) -> bool {
        let text = prose.text.as_str();
        let sents = Sentences::new(prose);
        let Some((mentions, terms)) = self.claims_and_mentions(prose, &sents) else {
            return true;
        };
        let lines = LineIndex::new(src);
        let mut positions = lines.cursor(src);
        let suppressions = Suppressions::from_comments(src, &prose.comments, &self.glossary);
        let cap = match self.options.max_findings {
            0 => usize::MAX,
            n => n,
        };
        // Terms come in text order: the quotation state of their block is
        // carried from one to the next.
        let mut quotes = QuoteScan::default();
        // The context and its sentence structure are built once per sentence.
        let mut cached: Option<Context<'_>> = None;
        for term in &terms {
            if !go_on(&report.findings) {
                return false;
            }
            let dismissed = report.dismissed.as_ref().map_or(0, Vec::len);
            if report.findings.len() >= cap || dismissed >= cap {
                *truncated = true;
                break;
            }
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
            let pos = positions.position(src_range.start);
            let term_text = src.get(src_range.clone()).unwrap_or("").to_string();
            let sentence_text = text.get(sent_range.clone()).unwrap_or("");
            let usage = usage_of(text, prose, term, &mut quotes);
            let mut term_findings: Vec<(Finding, Option<String>, String)> = Vec::new();
            let mut cover = Cover::Term;
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
                let mut facts = self.glossary.facts(model, on);
                if let (true, Some(d)) = (facts.unreleased, on) {
                    let why = format!("{} was not yet released on {d}", model.canonical);
                    explain(Some(as_written(subject.mention)), why);
                    continue;
                }
                // A version the glossary does not list is judged by no other
                // member's license: at most a note, with the family's range.
                let unlisted = mentions[subject.mention]
                    .unlisted
                    .then(|| self.glossary.unlisted_member_range(model, on))
                    .flatten();
                if let Some(range) = unlisted {
                    facts.unlisted = true;
                    facts.range = Some(range);
                }
                let judged = unlisted.map_or(facts.status, |(_, least_open)| least_open);
                let attributed = matches!(judgment.voice, Voice::Attributed { .. });
                let definition = self.options.definition;
                let Some(sev) = self
                    .options
                    .policy
                    .severity(&model.id, judged, attributed, definition)
                    .map(|s| {
                        if unlisted.is_some() {
                            Severity::Note
                        } else {
                            s
                        }
                    })
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
                    &usage,
                    lang,
                );
                cover = corr.cover;
                let license = match facts.license {
                    _ if facts.unlisted => LicenseRef {
                        name: "unknown for this member".into(),
                        spdx: None,
                        osi_approved: None,
                    },
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
                let model_ref = ModelRef {
                    text: as_written(subject.mention),
                    canonical: model.canonical.clone(),
                    id: model.id.clone(),
                };
                let finding = Finding {
                    id: finding_id(src_range.clone(), &term_text, &model_ref.id, sentence_text),
                    rule: rule_code(attributed, facts.status),
                    severity: sev,
                    line: pos.line,
                    column: pos.column,
                    start: src_range.start,
                    end: src_range.end,
                    term: term_text.clone(),
                    model: model_ref,
                    status: facts.status,
                    polarity: judgment.polarity,
                    voice: if attributed { "attributed" } else { "author" },
                    attributed_to: match &judgment.voice {
                        Voice::Attributed { by } if !by.is_empty() => Some(by.clone()),
                        Voice::Attributed { .. } => None,
                        Voice::Author => None,
                    },
                    sentence: quoted(text, sent_range.clone(), term.plain.clone()),
                    correction: corr.comment.clone(),
                    replacement: corr.replacement.clone(),
                    replace_end: None,
                    license,
                    source: facts.source.to_string(),
                    as_of: facts.as_of.to_string(),
                    facts_date: facts.on.map(|d| d.to_string()),
                    family_range: unlisted,
                    attachment: subject.attachment,
                    reasons: std::iter::once(format!(
                        "'{}' describes {} ({})",
                        term_text,
                        as_written(subject.mention),
                        subject.attachment.describe()
                    ))
                    .chain(unlisted.map(|range| {
                        format!(
                            "the glossary does not list {}: license unknown for this member; {}",
                            as_written(subject.mention),
                            crate::glossary::range_phrase(&model.canonical, range)
                        )
                    }))
                    .chain(judgment.reasons.iter().map(|r| r.message.clone()))
                    .chain(
                        self.options
                            .explain
                            .then(|| structure_reason(ctx, term, &judgment))
                            .flatten(),
                    )
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
            let room = cap - report.findings.len();
            if term_findings.len() > room {
                term_findings.truncate(room);
                *truncated = true;
            }
            if term_findings.is_empty() {
                continue;
            }
            // One annotation per term, however many models it describes.
            let first_rep = term_findings[0].1.clone();
            let same_rep = term_findings.iter().all(|(_, r, _)| *r == first_rep);
            let covered = match cover {
                Cover::Term => Some(term.plain.clone()),
                Cover::Word => Some(term.word.clone()),
                // "open-source model": the term, one space and the next word.
                Cover::TermAndNext => Some(term.word.start..term.word.end + 1 + usage.after.len()),
            };
            let (mut range, mut replacement) = match covered
                .filter(|c| same_rep && prose.replaceable(c.clone()))
                .and_then(|c| prose.to_src(c))
            {
                Some(r) if first_rep.is_some() => (r, first_rep),
                _ => (src_range.clone(), None),
            };
            // A reference link's label must stay as written: the note goes after the link.
            if let Some(link) = prose.label_link(&range) {
                range = link;
                replacement = None;
            }
            for (f, rep, _) in term_findings.iter_mut() {
                // The report offers only what annotate would write.
                if replacement.is_none() {
                    *rep = None;
                    f.replacement = None;
                } else {
                    f.replace_end = Some(range.end);
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
        go_on(&report.findings)
    }

    /// The antecedent in the sentence before sentence `si`: its first model
    /// that is not a comparison or a complement ("… sinds GPT-2", "… than
    /// GPT-4"), a named version before its family ("the Llama family gained
    /// Llama 3.2"), else its last model.
    fn antecedent(
        &self,
        text: &str,
        sents: &Sentences<'_>,
        si: (usize, usize),
        mentions: &[Mention],
    ) -> Option<usize> {
        let mut si = si;
        let mut p = sents.previous(si)?;
        // A chain of anaphors: "Meta released Llama 3.1. This model, with its
        // 405B parameters, … It was unveiled as …". A sentence that names no
        // model but opens with an anaphor passes the antecedent on, up to
        // three sentences back.
        for _ in 0..2 {
            let named = mentions
                .get(mentions.partition_point(|m| m.plain.start < p.start))
                .is_some_and(|m| m.plain.start < p.end);
            let opening = text.get(p.clone()).unwrap_or("").trim_start();
            let anaphoric = ANAPHOR_OPENINGS.iter().any(|a| {
                opening
                    .get(..a.len())
                    .is_some_and(|o| o.eq_ignore_ascii_case(a))
            });
            if named || !anaphoric {
                break;
            }
            si = (si.0, si.1 - 1);
            match sents.previous(si) {
                Some(q) => p = q,
                None => break,
            }
        }
        let end = mentions.partition_point(|m| m.plain.start < p.end);
        let prev_start = mentions.partition_point(|m| m.plain.start < p.start);
        let is_family = |i: usize| {
            self.glossary
                .models()
                .get(mentions[i].model)
                .is_some_and(|m| m.is_family())
        };
        let candidates = || {
            (prev_start..end).filter(|&i| !after_comparison(text, p.start, mentions[i].plain.start))
        };
        candidates()
            .find(|&i| !is_family(i))
            .or_else(|| candidates().next())
            .or((end > prev_start).then(|| end - 1))
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

    /// [`Engine::annotate_dismissing`] bounded as [`Engine::check_within`] is.
    pub fn annotate_within(
        &self,
        path: &str,
        text: &str,
        style: Style,
        fallback: Option<Lang>,
        dismissed: &[String],
        go_on: &dyn Fn(&[Finding]) -> bool,
    ) -> Option<(String, FileResult)> {
        let original = annotate::strip(text);
        let mut result = self.check_within(path, &original, fallback, go_on)?;
        result.dismiss(dismissed);
        let out = annotate::render(&original, &result.annotations, style);
        Some((out, result))
    }

    /// [`Engine::annotate_with_lang`] without the findings whose ids are in `dismissed`.
    pub fn annotate_dismissing(
        &self,
        path: &str,
        text: &str,
        style: Style,
        fallback: Option<Lang>,
        dismissed: &[String],
    ) -> (String, FileResult) {
        let original = annotate::strip(text);
        let mut result = self.check_with_lang(path, &original, fallback);
        result.dismiss(dismissed);
        let out = annotate::render(&original, &result.annotations, style);
        (out, result)
    }

    /// The corrected article: every replacement offered for a finding that
    /// is not in `dismissed` written in, and nothing else changed. Claims in
    /// quotations, and claims with no wording that fits the sentence, stay
    /// as written; the report still lists them.
    pub fn fix(
        &self,
        path: &str,
        text: &str,
        fallback: Option<Lang>,
        dismissed: &[String],
    ) -> (String, FileResult) {
        let mut result = self.check_with_lang(path, text, fallback);
        result.dismiss(dismissed);
        (crate::fix::apply(text, &result.annotations), result)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_past_the_map_is_refused_by_name() {
        assert_eq!(too_long(0), None);
        assert_eq!(too_long(markdown::MAX_LEN), None);
        let e = too_long(markdown::MAX_LEN + 1).expect("over the limit");
        assert!(
            e.contains("4 GiB") && e.contains(&(markdown::MAX_LEN + 1).to_string()),
            "{e}"
        );
    }

    #[test]
    fn long_sentences_are_quoted_around_the_term() {
        let short = "Llama 3 is open source.";
        assert_eq!(quoted(short, 0..short.len(), 11..22), short);
        let long = format!(
            "{}Llama 3 is open source{}",
            "é".repeat(3000),
            "x".repeat(5000)
        );
        let term = long.find("open source").expect("term");
        let q = quoted(&long, 0..long.len(), term..term + 11);
        assert!(q.starts_with('…') && q.ends_with('…'), "{q}");
        assert!(q.contains("Llama 3 is open source"));
        assert!(q.len() <= MAX_QUOTED + 11 + 8, "{}", q.len());
        // At the very start of the sentence nothing is cut before it.
        let q = quoted(&long[6000..], 0..long.len() - 6000, 0..4);
        assert!(!q.starts_with('…'));
    }

    fn engine() -> Engine {
        Engine::new(Glossary::embedded().clone(), Options::default())
    }

    #[test]
    fn a_sentence_longer_than_the_limit_is_read_in_windows_cut_at_spaces() {
        let text = "open source Llama ".repeat(400);
        let r = 0..text.trim_end().len();
        let w = windows(&text, vec![r.clone(), r.end..r.end]);
        assert!(w.len() > 3, "{w:?}");
        assert!(w.iter().all(|x| x.len() <= LONGEST_SENTENCE));
        // Windows are in order, cover the sentence but for the spaces cut at,
        // and start at a word.
        assert_eq!(w[0].start, 0);
        for pair in w.windows(2) {
            assert!(pair[0].end <= pair[1].start);
            assert_eq!(text.get(pair[0].end..pair[1].start), Some(" "));
        }
        // Short sentences come back as they were.
        assert_eq!(windows("a. b.", vec![0..2, 3..5]), vec![0..2, 3..5]);
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
    fn a_budget_that_lets_the_analysis_finish_changes_nothing() {
        let e = engine();
        let src =
            "Meta's open-source Llama 3.2 model.\n\nGPT-4o is open source, and so is Claude 3.\n";
        let full = e.check("a.md", src);
        assert!(full.findings.len() >= 2, "{:?}", full.findings);
        let within = e
            .check_within("a.md", src, None, &|_| true)
            .expect("finished");
        assert_eq!(within.report, full.report);
        // Stopped once there is one finding, or more than the whole
        // article has: no result at all.
        assert!(e
            .check_within("a.md", src, None, &|f| f.is_empty())
            .is_none());
        let all = full.findings.len();
        assert!(e
            .check_within("a.md", src, None, &|f| f.len() < all)
            .is_none());
        assert!(e
            .check_within("a.md", src, None, &|f| f.len() <= all)
            .is_some());
        assert!(e
            .annotate_within("a.md", src, Style::Critic, None, &[], &|f| f.is_empty())
            .is_none());
        let (text, _) = e
            .annotate_within("a.md", src, Style::Critic, None, &[], &|_| true)
            .expect("finished");
        assert_eq!(text, e.annotate("a.md", src, Style::Critic).0);
        // A draft without a claim term finishes without being asked.
        assert!(e
            .check_within("a.md", "Nothing here.\n", None, &|_| false)
            .is_some());
    }

    #[test]
    fn fix_rewrites_narration_and_leaves_quotations_alone() {
        let e = engine();
        let src = "Open-source models such as Llama 3.1 lead.\n\n> \"Llama 3.1 is open source,\" said a Meta spokesperson.\n\nThe company says the open-source Llama 3.1 is popular.\n";
        let (fixed, r) = e.fix("a.md", src, Some(Lang::En), &[]);
        assert!(
            fixed.starts_with("Open-weights models such as Llama 3.1"),
            "{fixed}"
        );
        assert!(fixed.contains("\"Llama 3.1 is open source,\""), "{fixed}");
        assert!(r
            .findings
            .iter()
            .all(|f| f.id.starts_with("oc-") && f.rule.starts_with("OC")));
        // The same claim at the same place keeps its id; a dismissed one is not rewritten.
        let again = e.check_with_lang("a.md", src, Some(Lang::En));
        assert_eq!(r.findings[0].id, again.findings[0].id);
        let first = vec![r.findings[0].id.clone()];
        let (kept, r2) = e.fix("a.md", src, Some(Lang::En), &first);
        assert!(kept.starts_with("Open-source models"), "{kept}");
        assert!(r2.findings.iter().all(|f| f.id != first[0]));
        let (annotated, _) =
            e.annotate_dismissing("a.md", src, Style::Critic, Some(Lang::En), &first);
        assert!(annotated.starts_with("Open-source models"), "{annotated}");
        // Nothing to fix: the text comes back byte for byte.
        let careful = "OLMo 2 is fully open source.\r\n";
        assert_eq!(e.fix("b.md", careful, Some(Lang::En), &[]).0, careful);
    }

    #[test]
    fn a_dutch_compound_is_rewritten_as_a_whole() {
        let src = "Met GPT-NL krijgt Nederland een eigen opensourcemodel. Het Franse bedrijf zei: „Mistral Large 2 is open source.”\n";
        let (fixed, _) = engine().fix("a.md", src, Some(Lang::Nl), &[]);
        assert!(
            fixed.contains("een eigen model met open gewichten."),
            "{fixed}"
        );
        assert!(
            fixed.contains("„Mistral Large 2 is open source.”"),
            "{fixed}"
        );
    }

    #[test]
    fn article_date_selects_historic_facts() {
        let e = engine();
        let src = "---\ndate: 2023-05-20\n---\nFalcon-40B is open source.\n";
        let r = e.check("a.md", src);
        assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
        assert_eq!(r.findings[0].status, crate::Openness::RestrictedWeights);
        assert_eq!(r.findings[0].facts_date.as_deref(), Some("2023-05-20"));
        let now = e.check("a.md", "Falcon-40B is open source.\n");
        assert_eq!(now.findings[0].status, crate::Openness::OpenWeights);
    }
}

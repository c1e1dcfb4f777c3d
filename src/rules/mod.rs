//! The judgment of one claim term: what it describes, whether it is
//! asserted, and in whose voice. Each rule is one file with its own
//! Dutch and English tests; registering a rule is one line in [`ALL`].
//!
//! Rules run in order over a [`Judgment`] that starts as "asserted, the
//! author's voice, about nothing". Attachment rules add subjects; polarity
//! rules may take the assertion back; voice rules say who claims it.

mod attachment;
mod attribution;
mod cataphora;
mod claim_noun;
mod concession;
mod conditional;
mod context;
mod contrast;
mod coreference;
mod hedge;
mod membership;
mod negation;
mod pseudo_cleft;
mod question;
mod rebuttal;
mod scare_quotes;
mod scope;

use serde::Serialize;

pub use context::{words as sentence_words, Context, Tok};

use crate::detect::ClaimTerm;
pub use crate::structure::RelationKind;

/// Whether the sentence asserts the claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    Asserted,
    Negated,
    Disputed,
    Questioned,
    Hedged,
}

impl Polarity {
    pub fn as_str(self) -> &'static str {
        match self {
            Polarity::Asserted => "asserted",
            Polarity::Negated => "negated",
            Polarity::Disputed => "disputed",
            Polarity::Questioned => "questioned",
            Polarity::Hedged => "hedged",
        }
    }
}

/// Who makes the claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Voice {
    Author,
    Attributed { by: String },
}

/// How a subject was tied to the term; it is reported as the reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Attachment {
    /// "open-source Llama 3", "het opensourcemodel Llama 3.2"
    Modifier,
    /// "Llama 3 is open source", "Gemini is Google's open-source AI"
    Predicate,
    /// "Stable Diffusion XL, an open-source image generator"
    Apposition,
    /// "open-source models like Llama 3 and Mixtral"
    List,
    /// "Nvidia has open-sourced NVLM"
    Object,
    /// "… Llama 3. The model is open source."
    Coreference,
    /// The only model in a sentence about "an open-source model".
    SoleModel,
    /// "Meta introduced its open-source model. The first two Llama 3 models
    /// …": a lead sentence whose model is named in the next.
    Cataphora,
    /// "Open-source AI is about models you can run yourself. Well-known
    /// examples are the Llama models": the next sentence gives examples.
    Example,
    /// "… withheld in other open-source models, xAI revealed Grok-1": the
    /// model is one more of a class the term names.
    Member,
}

impl Attachment {
    /// How the tie reads in an explanation.
    pub fn describe(self) -> &'static str {
        match self {
            Attachment::Modifier => "the term modifies the name",
            Attachment::Predicate => "the model is the subject of the claim",
            Attachment::Apposition => "an apposition to the name",
            Attachment::List => "a list of models the term introduces",
            Attachment::Object => "the model is the object of the verb",
            Attachment::Coreference => "refers back to the model named before",
            Attachment::SoleModel => "the only model named in the sentence",
            Attachment::Cataphora => "refers ahead to the model named in the next sentence",
            Attachment::Example => "the next sentence gives the model as an example",
            Attachment::Member => "the model is one of the other models the term names",
        }
    }
}

/// A model the term describes, by index into the document's mentions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Subject {
    pub mention: usize,
    pub attachment: Attachment,
}

/// A rule's finding about the term, kept for explanations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    pub rule: &'static str,
    pub message: String,
    /// Plain offset of the cue word.
    #[serde(skip)]
    pub at: usize,
}

#[derive(Debug, Clone)]
pub struct Judgment {
    pub subjects: Vec<Subject>,
    pub polarity: Polarity,
    pub voice: Voice,
    /// Mentions in the sentence the term was found not to describe, with why.
    pub dismissed: Vec<(usize, Reason)>,
    pub reasons: Vec<Reason>,
    /// The structural relation that tied the subjects, when one did.
    pub relation: Option<RelationKind>,
    /// The term was found to describe something other than the sentence's
    /// models ("open-source tools", "the definition of open source", "branded
    /// themselves as open source"), so no later rule looks for a model.
    pub about_other: bool,
}

impl Judgment {
    fn new() -> Self {
        Judgment {
            subjects: Vec::new(),
            polarity: Polarity::Asserted,
            voice: Voice::Author,
            dismissed: Vec::new(),
            reasons: Vec::new(),
            relation: None,
            about_other: false,
        }
    }

    /// The term describes its subjects attributively ("open-source Llama",
    /// "Llama, an open-source model", "open-source models such as Llama"):
    /// the label is presupposed, so questions, conditions and a negated
    /// main clause do not take it back.
    pub fn attributive(&self) -> bool {
        if self.subjects.is_empty() {
            return false;
        }
        // Only a use the sentence structure confirms: a word-distance tie
        // ("open source aan Llama") is no evidence of an attributive use.
        self.relation.is_some_and(RelationKind::attributive)
    }

    /// Takes the assertion back, keeping the first reason that did.
    pub(crate) fn set_polarity(
        &mut self,
        p: Polarity,
        rule: &'static str,
        at: usize,
        message: String,
    ) {
        if self.polarity == Polarity::Asserted {
            self.polarity = p;
        }
        self.reasons.push(Reason { rule, message, at });
    }
}

pub trait Rule: Sync {
    /// Stable id used in explanations.
    fn id(&self) -> &'static str;
    /// One line on what the rule recognises.
    fn description(&self) -> &'static str;
    fn apply(&self, ctx: &Context<'_>, term: &ClaimTerm, judgment: &mut Judgment);
}

/// Every rule, in the order they run: attachment first (coreference only
/// when the sentence names no model), then polarity, then voice.
pub static ALL: &[&dyn Rule] = &[
    &attachment::Attach,
    &coreference::Coreference,
    &cataphora::Cataphora,
    &membership::Membership,
    &pseudo_cleft::PseudoCleft,
    &question::Question,
    &conditional::Conditional,
    &scare_quotes::ScareQuotes,
    &hedge::Hedge,
    &negation::Negation,
    &scope::Scope,
    &contrast::Contrast,
    &rebuttal::Rebuttal,
    &concession::Concession,
    &claim_noun::ClaimNoun,
    &attribution::Attribution,
];

/// Runs every rule over one term.
pub fn assess(ctx: &Context<'_>, term: &ClaimTerm) -> Judgment {
    let mut j = Judgment::new();
    for rule in ALL {
        rule.apply(ctx, term, &mut j);
    }
    j
}

#[cfg(test)]
pub(crate) mod testing {
    //! Runs the real pipeline on one passage and reports, per model, what a
    //! rule decided, so rule tests read as sentences and outcomes.
    use crate::engine::{Engine, Options};
    use crate::glossary::Glossary;

    /// "warning", "note" or "none" for the model named `model` in `text`.
    pub fn outcome(text: &str, model: &str) -> String {
        let engine = Engine::new(Glossary::embedded().clone(), Options::default());
        let lang = crate::text::lang::detect(text);
        let r = engine.check_with_lang("t.md", text, Some(lang));
        let want = Glossary::embedded()
            .find(model)
            .map(|m| m.canonical.clone())
            .unwrap_or_default();
        r.findings
            .iter()
            .find(|f| f.model.canonical == want)
            .map(|f| f.severity.as_str().to_string())
            .unwrap_or_else(|| "none".into())
    }

    pub fn assert_outcome(text: &str, model: &str, expected: &str) {
        let got = outcome(text, model);
        assert_eq!(got, expected, "{model} in {text:?}");
    }
}

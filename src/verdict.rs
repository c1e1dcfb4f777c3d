//! The severity table of DESIGN.md lives here and only here: [`Policy`]
//! holds it, its default is the table, and configuration may change it.

use std::collections::BTreeMap;
use std::str::FromStr;

use serde::Serialize;

use crate::glossary::Openness;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Note,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
        }
    }
}

impl FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "note" => Ok(Severity::Note),
            "warning" => Ok(Severity::Warning),
            _ => Err(format!("unknown severity '{s}': expected note or warning")),
        }
    }
}

/// What "open source" means when judging a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Definition {
    /// OSI Open Source AI Definition 1.0: weights, data information and code.
    #[default]
    Osaid,
    /// An OSI-approved license on the weights is enough.
    License,
}

impl FromStr for Definition {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "osaid" => Ok(Definition::Osaid),
            "license" | "licence" => Ok(Definition::License),
            _ => Err(format!(
                "unknown definition '{s}': expected osaid or license"
            )),
        }
    }
}

/// Severity of an asserted open-source claim about a model with `status`,
/// or None when the claim is right under `definition` (the default table).
pub fn severity(status: Openness, attributed: bool, definition: Definition) -> Option<Severity> {
    Policy::default().severity("", status, attributed, definition)
}

/// Whether calling a model with `status` open source is wrong under `definition`.
pub fn is_wrong(status: Openness, definition: Definition) -> bool {
    match status {
        Openness::OpenSource => false,
        Openness::OpenWeights => definition == Definition::Osaid,
        Openness::RestrictedWeights | Openness::Closed => true,
    }
}

/// How loud each kind of wrong claim is. `None` means "not reported".
/// The default is the severity table; a configuration file may lower or
/// raise any entry, and accept claims about single models. A policy never
/// flags a claim that is right under the definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    /// A claim in the author's voice about a restricted-weights model.
    pub restricted_weights: Option<Severity>,
    /// … about a closed model (no weights released).
    pub closed: Option<Severity>,
    /// … about an open-weights model (wrong only under OSAID).
    pub open_weights: Option<Severity>,
    /// The ceiling for attributed claims ("according to Meta"): their
    /// severity is the lower of this and the author's-voice severity.
    pub attributed: Option<Severity>,
    /// Per glossary id: the author's-voice severity of claims about that
    /// model, in place of its status's (`None`: the claim is accepted).
    pub models: BTreeMap<String, Option<Severity>>,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            restricted_weights: Some(Severity::Warning),
            closed: Some(Severity::Warning),
            open_weights: Some(Severity::Note),
            attributed: Some(Severity::Note),
            models: BTreeMap::new(),
        }
    }
}

impl Policy {
    /// The author's-voice severity for a status, before per-model rules.
    pub fn for_status(&self, status: Openness) -> Option<Severity> {
        match status {
            Openness::OpenSource => None,
            Openness::OpenWeights => self.open_weights,
            Openness::RestrictedWeights => self.restricted_weights,
            Openness::Closed => self.closed,
        }
    }

    /// Severity of an asserted open-source claim about the model `model_id`
    /// with `status`, or None when it is right or not reported.
    pub fn severity(
        &self,
        model_id: &str,
        status: Openness,
        attributed: bool,
        definition: Definition,
    ) -> Option<Severity> {
        if !is_wrong(status, definition) {
            return None;
        }
        let base = match self.models.get(model_id) {
            Some(level) => *level,
            None => self.for_status(status),
        };
        if attributed {
            base.min(self.attributed)
        } else {
            base
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_from_the_design() {
        use Openness::*;
        for (status, author, attributed) in [
            (
                RestrictedWeights,
                Some(Severity::Warning),
                Some(Severity::Note),
            ),
            (Closed, Some(Severity::Warning), Some(Severity::Note)),
            (OpenWeights, Some(Severity::Note), Some(Severity::Note)),
            (OpenSource, None, None),
        ] {
            assert_eq!(
                severity(status, false, Definition::Osaid),
                author,
                "{status:?}"
            );
            assert_eq!(
                severity(status, true, Definition::Osaid),
                attributed,
                "{status:?}"
            );
        }
        assert_eq!(severity(OpenWeights, false, Definition::License), None);
        assert_eq!(
            severity(Closed, false, Definition::License),
            Some(Severity::Warning)
        );
    }

    #[test]
    fn policy_overrides_statuses_voices_and_models() {
        use Openness::*;
        let mut p = Policy {
            restricted_weights: Some(Severity::Note),
            attributed: None,
            ..Policy::default()
        };
        p.models.insert("olmo-2".into(), None);
        p.models.insert("gpt-4o".into(), Some(Severity::Note));
        let d = Definition::Osaid;
        assert_eq!(
            p.severity("llama-3", RestrictedWeights, false, d),
            Some(Severity::Note)
        );
        assert_eq!(p.severity("llama-3", RestrictedWeights, true, d), None);
        assert_eq!(p.severity("olmo-2", OpenWeights, false, d), None);
        assert_eq!(p.severity("gpt-4o", Closed, false, d), Some(Severity::Note));
        assert_eq!(
            p.severity("claude", Closed, false, d),
            Some(Severity::Warning)
        );
        // A model rule never flags a claim that is right.
        p.models.insert("pythia".into(), Some(Severity::Warning));
        assert_eq!(p.severity("pythia", OpenSource, false, d), None);
        assert_eq!(
            p.severity("pythia", OpenWeights, false, Definition::License),
            None
        );
    }
}

//! The severity table of DESIGN.md lives here and only here.

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
/// or None when the claim is right under `definition`.
pub fn severity(status: Openness, attributed: bool, definition: Definition) -> Option<Severity> {
    match status {
        Openness::OpenSource => None,
        Openness::OpenWeights => match definition {
            Definition::Osaid => Some(Severity::Note),
            Definition::License => None,
        },
        Openness::RestrictedWeights | Openness::Closed => Some(if attributed {
            Severity::Note
        } else {
            Severity::Warning
        }),
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
}

//! The note for a version of a family that the glossary does not list: its
//! license is unknown, so the note gives the family's range and asks for the
//! version's own license instead of borrowing another member's.

use crate::glossary::Openness;
use crate::Lang;

fn status_words(status: Openness, lang: Lang) -> &'static str {
    match (status, lang) {
        (Openness::OpenSource, _) => "open source",
        (Openness::OpenWeights, Lang::En) => "open weights",
        (Openness::OpenWeights, Lang::Nl) => "open gewichten",
        (Openness::RestrictedWeights, Lang::En) => "restricted weights",
        (Openness::RestrictedWeights, Lang::Nl) => "beperkte gewichten",
        (Openness::Closed, Lang::En) => "closed",
        (Openness::Closed, Lang::Nl) => "gesloten",
    }
}

/// What every member is when they share one status under different
/// licenses.
fn models_words(status: Openness, lang: Lang) -> &'static str {
    match (status, lang) {
        (Openness::OpenSource, Lang::En) => "open-source models",
        (Openness::OpenSource, Lang::Nl) => "opensourcemodellen",
        (Openness::OpenWeights, Lang::En) => "open-weights models",
        (Openness::OpenWeights, Lang::Nl) => "modellen met open gewichten",
        (Openness::RestrictedWeights, Lang::En) => "restricted-weights models",
        (Openness::RestrictedWeights, Lang::Nl) => "modellen met beperkte gewichten",
        (Openness::Closed, Lang::En) => "closed models",
        (Openness::Closed, Lang::Nl) => "gesloten modellen",
    }
}

/// "License unknown for this member; the family ranges from X to Y."
pub fn unlisted_note(family: &str, (lo, hi): (Openness, Openness), lang: Lang) -> String {
    let range = match (lo == hi, lang) {
        (false, Lang::En) => format!(
            "The {family} family ranges from {} to {}",
            status_words(lo, lang),
            status_words(hi, lang)
        ),
        (false, Lang::Nl) => format!(
            "De familie {family} loopt van {} tot {}",
            status_words(lo, lang),
            status_words(hi, lang)
        ),
        (true, Lang::En) => format!(
            "The listed members of {family} are all {}, under licenses that differ by version",
            models_words(lo, lang)
        ),
        (true, Lang::Nl) => format!(
            "De bekende leden van {family} zijn allemaal {}, onder licenties die per versie verschillen",
            models_words(lo, lang)
        ),
    };
    match lang {
        Lang::En => format!(
            "License unknown for this member: the glossary does not list this version of {family}. {range}; check this version's own license before calling it open source."
        ),
        Lang::Nl => format!(
            "Licentie onbekend voor dit lid: de woordenlijst kent deze versie van {family} niet. {range}; controleer de eigen licentie van deze versie voordat je die open source noemt."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_give_the_range() {
        let r = (Openness::OpenWeights, Openness::Closed);
        let en = unlisted_note("Qwen", r, Lang::En);
        assert!(en.contains("from open weights to closed"), "{en}");
        let nl = unlisted_note("Qwen", r, Lang::Nl);
        assert!(nl.contains("van open gewichten tot gesloten"), "{nl}");
        let one = (Openness::RestrictedWeights, Openness::RestrictedWeights);
        let en = unlisted_note("Llama", one, Lang::En);
        assert!(
            en.contains("all restricted-weights models, under licenses that differ"),
            "{en}"
        );
        let nl = unlisted_note("Llama", one, Lang::Nl);
        assert!(
            nl.contains("allemaal modellen met beperkte gewichten"),
            "{nl}"
        );
    }
}

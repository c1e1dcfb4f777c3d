//! Articles in a language openclaim has no rules for are named, not checked
//! with the wrong rules: German read as English finds nothing it should and
//! French read as Dutch flags what it should not.

use openclaim::text::lang;
use openclaim::Lang;

/// The error line for `text` when it is clearly in another language and
/// neither `--lang`, the configuration nor its front matter names one.
pub fn refuse(name: &str, text: &str, given: Option<Lang>) -> Option<String> {
    if given.is_some() || front_matter_names_a_language(text) {
        return None;
    }
    lang::unsupported(text).map(|other| {
        format!(
            "{name}: not checked: this looks like {other}, and openclaim checks Dutch and English only \
             (give --lang nl or --lang en to check it anyway)"
        )
    })
}

/// True when YAML front matter at the top has a `lang:` key.
fn front_matter_names_a_language(text: &str) -> bool {
    let text = text.trim_start_matches('\u{feff}');
    let Some(rest) = text.strip_prefix("---") else {
        return false;
    };
    rest.lines()
        .skip(1)
        .take_while(|l| l.trim_end() != "---")
        .take(200)
        .any(|l| l.trim_start().starts_with("lang:"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const DE: &str = "Der neue Chatbot von Meta ist nicht so offen, wie das Unternehmen behauptet. \
        Die Lizenz von Llama 3 ist keine Open-Source-Lizenz, und auch die Trainingsdaten sind nicht frei, \
        aber das Modell wird trotzdem gern mit dem Etikett beworben.";

    #[test]
    fn german_is_refused_unless_a_language_is_given() {
        let e = refuse("de.md", DE, None).expect("refused");
        assert!(e.contains("German") && e.contains("--lang"), "{e}");
        assert_eq!(refuse("de.md", DE, Some(Lang::En)), None);
        let fm = format!("---\nlang: en\n---\n{DE}");
        assert_eq!(refuse("de.md", &fm, None), None);
        assert_eq!(refuse("en.md", "Llama 3 is open source.", None), None);
    }
}

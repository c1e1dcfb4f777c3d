//! Whether a claim term stands inside a direct quotation. An editor may not
//! change what a person said, so a quoted claim gets an explanation and
//! never a replacement.

/// True when byte offset `at` of `block` (the text of one paragraph or
/// heading, in plain-text form) lies between an opening and a closing
/// quotation mark. Double quotes (straight, curly, low-9 and guillemets)
/// count whatever their length; single quotes count only when they open
/// after a space and close before one, so apostrophes ("Meta's",
/// "zo'n") never open a quotation.
pub fn inside_quotation(block: &str, at: usize) -> bool {
    let Some(before) = block.get(..at) else {
        return false;
    };
    let mut double: Option<char> = None;
    let mut single = false;
    let mut prev: Option<char> = None;
    let mut chars = before.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied().or_else(|| block[at..].chars().next());
        let opens_word = prev.is_none_or(|p| p.is_whitespace() || "([{—–-".contains(p))
            && next.is_some_and(|n| !n.is_whitespace());
        let closes_word =
            prev.is_some_and(|p| !p.is_whitespace()) && next.is_none_or(|n| !n.is_alphanumeric());
        match c {
            '"' => double = if double.is_some() { None } else { Some(c) },
            '“' | '„' | '«' if double.is_none() => double = Some(c),
            // „…“ closes with the mark English opens with.
            '“' if double == Some('„') => double = None,
            '”' | '»' if double.is_some() => double = None,
            // Dutch also writes ”…” with the same mark on both sides.
            '”' if opens_word => double = Some(c),
            '‘' | '\'' if !single && opens_word => single = true,
            '’' | '\'' if single && closes_word => single = false,
            _ => {}
        }
        prev = Some(c);
    }
    double.is_some() || single
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(s: &str, term: &str) -> bool {
        let at = s.find(term).expect("term in sentence");
        inside_quotation(s, at)
    }

    #[test]
    fn direct_speech_in_both_languages_is_quoted() {
        assert!(quoted(
            "“Llama 3 is open source and free for everyone,” said the CEO on stage.",
            "open source"
        ));
        assert!(quoted(
            "Zuckerberg: \"Our open-source Llama models lead the field.\"",
            "open-source"
        ));
        assert!(quoted(
            "„Ons opensourcemodel is het beste”, aldus de topman.",
            "opensourcemodel"
        ));
        assert!(quoted(
            "De woordvoerder zei: ”Llama is open source.”",
            "open source"
        ));
        assert!(quoted(
            "She said: 'the open-source Llama 3 is our answer'.",
            "open-source"
        ));
    }

    #[test]
    fn narration_and_apostrophes_are_not_quoted() {
        assert!(!quoted(
            "Meta's open-source Llama 3.2 model can now see images.",
            "open-source"
        ));
        assert!(!quoted(
            "“We are proud,” Meta said of its open-source Llama 3.",
            "open-source"
        ));
        assert!(!quoted(
            "Zo'n opensourcemodel als Llama 3 is populair, zegt 'men'.",
            "opensourcemodel"
        ));
        assert!(!quoted(
            "In “The Llama Story” the author calls Llama 3 open source.",
            "open source"
        ));
    }
}

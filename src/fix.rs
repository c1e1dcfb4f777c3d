//! The corrected article: the offered replacements written in, and not a
//! byte more. Quotations and claims with no safe wording carry no
//! replacement, so they are left exactly as written.

use crate::annotate::Annotation;

/// `src` with each annotation's replacement in place of its range. Ranges
/// are source byte ranges on char boundaries; one that overlaps an earlier
/// one, or does not lie in `src`, is skipped rather than guessed at.
pub fn apply(src: &str, annotations: &[Annotation]) -> String {
    let mut edits: Vec<(&std::ops::Range<usize>, &str)> = annotations
        .iter()
        .filter_map(|a| Some((&a.term, a.replacement.as_deref()?)))
        .collect();
    edits.sort_by_key(|(r, _)| (r.start, r.end));
    let mut out = String::with_capacity(src.len());
    let mut pos = 0;
    for (range, text) in edits {
        if range.start < pos || src.get(range.clone()).is_none() {
            continue;
        }
        out.push_str(&src[pos..range.start]);
        out.push_str(text);
        pos = range.end;
    }
    out.push_str(&src[pos..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ann(term: std::ops::Range<usize>, replacement: Option<&str>) -> Annotation {
        Annotation {
            term,
            replacement: replacement.map(str::to_string),
            comment: "c".into(),
        }
    }

    #[test]
    fn only_replacements_are_written() {
        let src = "Meta's open-source Llama. \"It is open source,\" he said.";
        let out = apply(src, &[ann(7..18, Some("open-weights")), ann(35..46, None)]);
        assert_eq!(
            out,
            "Meta's open-weights Llama. \"It is open source,\" he said."
        );
    }

    #[test]
    fn overlapping_and_foreign_ranges_are_skipped() {
        let src = "open source é";
        let out = apply(
            src,
            &[
                ann(0..11, Some("x")),
                ann(5..11, Some("y")),
                ann(12..13, Some("z")),
            ],
        );
        assert_eq!(out, "x é");
        assert_eq!(apply(src, &[]), src);
    }
}

//! The source rule: a fact is cited from the developer's own model card,
//! repository or site, or from the license text itself — never from a
//! mirror, a fork, a quantisation, a pull request or a file that does not
//! hold the license (an image, a tokenizer, a commit list).

use super::Developer;

/// Path pieces that mark a file or page that cannot hold a model's license
/// or card, whoever hosts it.
const NOT_A_CARD: &[(&str, &str)] = &[
    ("refs%2fpr%2f", "a pull-request ref"),
    ("/refs/pr/", "a pull-request ref"),
    ("/discussions/", "a discussion thread"),
    ("/commits/", "a commit list"),
    ("/blame/", "a blame view"),
    ("tokenizer.json", "a tokenizer file"),
    ("tokenizer_config.json", "a tokenizer file"),
    (".gitattributes", "a .gitattributes file"),
    (".png", "an image"),
    (".jpg", "an image"),
    (".jpeg", "an image"),
    (".webp", "an image"),
    ("/api/models", "an API listing"),
];

/// Name pieces of third-party derivatives: quantisations, conversions,
/// uncensored fine-tunes.
const DERIVATIVE: &[&str] = &[
    "gguf",
    "gptq",
    "-awq",
    "exl2",
    "bnb-4bit",
    "-4bit",
    "-8bit",
    "llamafile",
    "abliterated",
    "-mlx",
    "-onnx",
    "-npu",
];

/// Why `url` is not an acceptable source for a model by `developer`, or None.
/// With no developer entry only the mirror and file rules apply.
/// `license_urls` are the canonical texts of the licenses the entry names,
/// which are always acceptable.
pub fn source_problem(
    url: &str,
    developer: Option<&Developer>,
    license_urls: &[&str],
) -> Option<String> {
    let url = url.trim();
    if !url.starts_with("https://") {
        return Some(format!("'{url}' is not an https:// address"));
    }
    let lower = url.to_lowercase();
    if let Some((_, what)) = NOT_A_CARD.iter().find(|(p, _)| lower.contains(p)) {
        return Some(format!(
            "'{url}' is {what}, not the license text or the developer's model card"
        ));
    }
    if let Some(piece) = DERIVATIVE.iter().find(|p| lower.contains(*p)) {
        return Some(format!(
            "'{url}' looks like a third-party derivative ('{piece}'), not the developer's own release"
        ));
    }
    if license_urls.iter().any(|l| l.eq_ignore_ascii_case(url)) {
        return None;
    }
    // A developer without a [[developer]] entry (a user glossary's own)
    // is held to the rules above only; every embedded developer has one.
    let dev = developer?;
    let official = dev.official.iter().any(|prefix| {
        let p = prefix.to_lowercase();
        lower == p.trim_end_matches('/') || lower.starts_with(&p)
    });
    if official {
        None
    } else {
        Some(format!(
            "'{url}' is not an address of {} (official: {}) nor the text of its license",
            dev.name,
            dev.official.join(", ")
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::Origin;

    fn google() -> Developer {
        Developer {
            name: "Google".into(),
            official: vec![
                "https://huggingface.co/google/".into(),
                "https://ai.google.dev/".into(),
            ],
            origin: Origin {
                file: "t".into(),
                line: 1,
            },
        }
    }

    #[test]
    fn own_card_and_license_text_pass() {
        let g = google();
        assert_eq!(
            source_problem(
                "https://huggingface.co/google/gemma-3-27b-it",
                Some(&g),
                &[]
            ),
            None
        );
        assert_eq!(
            source_problem("https://ai.google.dev/gemma/terms", Some(&g), &[]),
            None
        );
        assert_eq!(
            source_problem(
                "https://www.apache.org/licenses/LICENSE-2.0",
                Some(&g),
                &["https://www.apache.org/licenses/LICENSE-2.0"]
            ),
            None
        );
    }

    #[test]
    fn mirrors_forks_quantisations_and_odd_files_fail() {
        let g = google();
        for bad in [
            "https://hf.fast360.xyz/FastFlowLM/Gemma3-4B-Text-NPU2/commit/41d9",
            "https://huggingface.co/someone/gemma-3-27b-it-GGUF",
            "https://huggingface.co/google/gemma-2-9b-it/blob/refs%2Fpr%2F2/README.md",
            "https://huggingface.co/google/gemma-7b/blob/main/tokenizer.json",
            "https://huggingface.co/google/gemma-7b/blob/main/img/logo.png",
            "https://huggingface.co/google/gemma-7b/commits/main/.gitattributes",
            "https://huggingface.co/googlex/gemma-7b",
            "http://huggingface.co/google/gemma-7b",
        ] {
            assert!(source_problem(bad, Some(&g), &[]).is_some(), "{bad}");
        }
        assert!(source_problem("https://huggingface.co/google/x", None, &[]).is_none());
        assert!(source_problem("https://huggingface.co/x/y-GGUF", None, &[]).is_some());
    }
}

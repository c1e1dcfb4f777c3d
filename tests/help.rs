//! `--help` for every subcommand has the same layout, describes every
//! argument and option, and lists the values of every option that takes a
//! fixed set of them, each value with its meaning.

use std::collections::BTreeMap;

use assert_cmd::Command;

fn help(words: &[&str]) -> String {
    let out = Command::cargo_bin("openclaim")
        .expect("binary")
        .args(words)
        .arg("--help")
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{words:?} --help");
    String::from_utf8(out.stdout).expect("utf8 help")
}

/// The names listed under "Commands:" in a help text, without `help`.
fn commands(text: &str) -> Vec<String> {
    text.split("Commands:\n")
        .nth(1)
        .unwrap_or("")
        .lines()
        .take_while(|l| !l.trim().is_empty())
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .filter(|c| c != "help")
        .collect()
}

/// Every subcommand that takes arguments, as the words that invoke it.
fn leaves() -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for c in commands(&help(&[])) {
        let nested = commands(&help(&[&c]));
        if nested.is_empty() {
            out.push(vec![c]);
        } else {
            out.extend(nested.into_iter().map(|n| vec![c.clone(), n]));
        }
    }
    out
}

/// The entries of a section ("Options:" or "Arguments:"): each header line
/// with the description lines under it.
fn entries(text: &str, section: &str) -> Vec<(String, String)> {
    let Some(body) = text.split(&format!("\n{section}\n")).nth(1) else {
        return Vec::new();
    };
    let mut out: Vec<(String, String)> = Vec::new();
    for line in body.lines() {
        if !line.is_empty() && !line.starts_with(' ') {
            break;
        }
        let indent = line.len() - line.trim_start().len();
        if indent > 0 && indent <= 6 {
            let (head, rest) = match line.trim_start().split_once("  ") {
                Some((h, r)) => (h.trim().to_string(), r.trim().to_string()),
                None => (line.trim().to_string(), String::new()),
            };
            out.push((head, rest));
        } else if let Some((_, desc)) = out.last_mut() {
            desc.push('\n');
            desc.push_str(line.trim());
        }
    }
    out
}

/// The options that take a fixed set of values, and the values.
fn fixed_sets() -> BTreeMap<&'static str, Vec<&'static str>> {
    BTreeMap::from([
        ("--lang", vec!["nl", "en", "auto"]),
        ("--definition", vec!["osaid", "license"]),
        ("--style", vec!["critic", "footnote", "comment"]),
        (
            "--encoding",
            vec!["utf-8", "utf-16le", "utf-16be", "latin1"],
        ),
        ("--fail-on", vec!["warning", "note", "never"]),
        ("--color", vec!["auto", "always", "never"]),
    ])
}

#[test]
fn every_subcommand_has_the_same_layout_and_describes_everything() {
    let leaves = leaves();
    for must in [
        "check", "annotate", "fix", "strip", "eval", "stream", "serve",
    ] {
        assert!(
            leaves.iter().any(|l| l == &[must]),
            "{must} not in {leaves:?}"
        );
    }
    for words in &leaves {
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let text = help(&words);
        let name = words.join(" ");
        let first = text.lines().next().unwrap_or("");
        assert!(
            first.chars().next().is_some_and(char::is_uppercase),
            "{name}: help starts with a sentence: {first:?}"
        );
        assert!(
            text.contains(&format!("\nUsage: openclaim {name}")),
            "{name}: usage line\n{text}"
        );
        let options = entries(&text, "Options:");
        assert!(
            options.iter().any(|(h, _)| h.contains("--help")),
            "{name}: options\n{text}"
        );
        for (head, desc) in options.iter().chain(&entries(&text, "Arguments:")) {
            assert!(
                !desc.trim().is_empty(),
                "{name}: {head} has no description\n{text}"
            );
        }
    }
}

#[test]
fn every_option_with_fixed_values_lists_them_with_their_meaning() {
    let sets = fixed_sets();
    let mut seen: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for words in leaves() {
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let name = words.join(" ");
        let text = help(&words);
        for (head, desc) in entries(&text, "Options:") {
            let Some(option) = head
                .split([',', ' '])
                .find(|w| w.starts_with("--"))
                .map(str::to_string)
            else {
                continue;
            };
            let expected: Option<Vec<&str>> = match option.as_str() {
                "--format" if name == "check" => Some(vec![
                    "human", "compact", "json", "jsonl", "sarif", "rdjsonl",
                ]),
                "--format" => Some(vec!["text", "json"]),
                o => sets.get(o).cloned(),
            };
            if desc.contains("Possible values:") {
                // Every value listed has a meaning.
                for line in desc.lines().filter(|l| l.starts_with("- ")) {
                    let (_, meaning) = line.split_once(": ").unwrap_or(("", ""));
                    assert!(!meaning.trim().is_empty(), "{name} {option}: {line:?}");
                }
            }
            let Some(values) = expected else { continue };
            assert!(
                desc.contains("Possible values:"),
                "{name} {option}:\n{desc}"
            );
            for v in values {
                assert!(
                    desc.lines().any(|l| l.starts_with(&format!("- {v}:"))),
                    "{name} {option}: value {v} not listed\n{desc}"
                );
            }
            seen.entry(option).or_default().push(name.clone());
        }
    }
    let has = |option: &str, command: &str| {
        seen.get(option)
            .is_some_and(|cs| cs.iter().any(|c| c == command))
    };
    for command in ["check", "annotate", "fix", "strip"] {
        assert!(
            has("--encoding", command),
            "--encoding in {command}: {seen:?}"
        );
    }
    for command in ["annotate", "stream", "config show"] {
        assert!(has("--style", command), "--style in {command}: {seen:?}");
    }
    for command in ["check", "annotate", "eval", "serve", "explain"] {
        assert!(has("--lang", command), "--lang in {command}: {seen:?}");
        assert!(
            has("--definition", command),
            "--definition in {command}: {seen:?}"
        );
    }
    assert!(has("--format", "check") && has("--format", "glossary list"));
}

#[test]
fn the_short_help_shows_the_values_in_brackets() {
    let out = Command::cargo_bin("openclaim")
        .expect("binary")
        .args(["annotate", "-h"])
        .output()
        .expect("run");
    // Wrapped to the width clap chooses: compare with the line breaks undone.
    let text = String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for line in [
        "[possible values: critic, footnote, comment]",
        "[possible values: utf-8, utf-16le, utf-16be, latin1]",
        "[possible values: nl, en, auto]",
    ] {
        assert!(text.contains(line), "{line}\n{text}");
    }
}

//! `openclaim glossary list|show|check`.

use openclaim::{Glossary, Openness};

use super::super::args::{GlossaryCommand, ListFormat};
use super::super::{emit, error, EXIT_ERROR};

fn status_of(g: &Glossary, m: &openclaim::glossary::Model) -> Openness {
    g.facts(m, None).status
}

fn entry_json(g: &Glossary, m: &openclaim::glossary::Model) -> serde_json::Value {
    let facts = g.facts(m, None);
    serde_json::json!({
        "id": m.id,
        "canonical": m.canonical,
        "kind": m.kind,
        "family": m.family,
        "developer": m.developer,
        "released": m.released,
        "aliases": m.aliases,
        "ambiguous": m.ambiguous,
        "status": facts.status,
        "license": match facts.license {
            Some(l) => serde_json::json!({"name": l.name, "spdx": l.id, "osi_approved": l.osi_approved, "url": l.url}),
            None => serde_json::json!({"name": "varies by version", "spdx": null}),
        },
        "weights": m.weights,
        "data": m.data,
        "code": m.code,
        "source": m.source,
        "as_of": m.as_of,
        "note": m.note,
        "history": m.history,
        "origin": m.origin,
    })
}

pub fn glossary(cmd: GlossaryCommand) -> u8 {
    match cmd {
        GlossaryCommand::List { format, analysis } => {
            let g = match super::super::cwd_settings(&analysis, false) {
                Ok(s) => s.engine.glossary().clone(),
                Err(e) => {
                    error(&e);
                    return EXIT_ERROR;
                }
            };
            match format {
                ListFormat::Json => {
                    let all: Vec<_> = g.models().iter().map(|m| entry_json(&g, m)).collect();
                    emit(&(serde_json::to_string_pretty(&all).unwrap_or_default() + "\n"));
                }
                ListFormat::Text => {
                    let rows: Vec<[String; 4]> = g
                        .models()
                        .iter()
                        .map(|m| {
                            let lic = g
                                .license(&m.license)
                                .map(|l| l.id.clone())
                                .unwrap_or_else(|| m.license.clone());
                            [
                                m.canonical.clone(),
                                m.developer.clone(),
                                lic,
                                status_of(&g, m).as_str().to_string(),
                            ]
                        })
                        .collect();
                    let header = ["MODEL", "DEVELOPER", "LICENSE", "STATUS"].map(String::from);
                    let width = |c: usize| {
                        rows.iter()
                            .chain(std::iter::once(&header))
                            .map(|r| r[c].chars().count())
                            .max()
                            .unwrap_or(0)
                    };
                    // 21 + 15 + 20 columns, the status (at most 18) and three gaps fit 80.
                    let (w0, w1, w2) = (width(0).min(21), width(1).min(15), width(2).min(20));
                    let fit = |s: &str, w: usize| -> String {
                        if s.chars().count() <= w {
                            s.to_string()
                        } else {
                            let mut t: String = s.chars().take(w.saturating_sub(1)).collect();
                            t.push('…');
                            t
                        }
                    };
                    let mut out = String::new();
                    for r in std::iter::once(&header).chain(rows.iter()) {
                        out.push_str(&format!(
                            "{:<w0$}  {:<w1$}  {:<w2$}  {}\n",
                            fit(&r[0], w0),
                            fit(&r[1], w1),
                            fit(&r[2], w2),
                            r[3]
                        ));
                    }
                    out.push_str(&format!("{} models\n", g.models().len()));
                    emit(&out);
                }
            }
            0
        }
        GlossaryCommand::Show {
            name,
            format,
            analysis,
        } => {
            let g = match super::super::cwd_settings(&analysis, false) {
                Ok(s) => s.engine.glossary().clone(),
                Err(e) => {
                    error(&e);
                    return EXIT_ERROR;
                }
            };
            let Some(m) = g.find(&name) else {
                let near = nearest(&g, &name);
                let hint = if near.is_empty() {
                    "try `openclaim glossary list`".to_string()
                } else {
                    format!("did you mean {}?", near.join(", "))
                };
                error(&format!("no model named '{name}' in the glossary ({hint})"));
                return EXIT_ERROR;
            };
            let v = entry_json(&g, m);
            match format {
                ListFormat::Json => {
                    emit(&(serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"));
                }
                ListFormat::Text => {
                    let facts = g.facts(m, None);
                    let mut out = format!("{} ({})\n", m.canonical, m.id);
                    out.push_str(&format!("  developer: {}\n", m.developer));
                    if let Some(r) = &m.released {
                        out.push_str(&format!("  released:  {r}\n"));
                    }
                    out.push_str(&format!("  status:    {}\n", facts.status.as_str()));
                    match facts.license {
                        Some(l) => out.push_str(&format!(
                            "  license:   {} ({}; {}OSI-approved)\n             {}\n",
                            l.name,
                            l.id,
                            if l.osi_approved { "" } else { "not " },
                            l.restrictions_en
                        )),
                        None => out.push_str("  license:   depends on the version\n"),
                    }
                    out.push_str(
                        &format!(
                            "  weights: {:?}, training data: {:?}, training code: {:?}\n",
                            m.weights, m.data, m.code
                        )
                        .to_lowercase(),
                    );
                    out.push_str(&format!("  aliases:   {}\n", m.aliases.join(", ")));
                    out.push_str(&format!("  source:    {} (as of {})\n", m.source, m.as_of));
                    for h in &m.history {
                        out.push_str(&format!(
                            "  before {}: license {} ({})\n",
                            h.until, h.license, h.source
                        ));
                    }
                    if let Some(n) = &m.note {
                        out.push_str(&format!("  note:      {n}\n"));
                    }
                    out.push_str(&format!(
                        "  defined at {}:{}\n",
                        m.origin.file, m.origin.line
                    ));
                    emit(&out);
                }
            }
            0
        }
        GlossaryCommand::Check { dir } => {
            let result = match &dir {
                Some(d) => match super::super::read_toml_dir(d) {
                    Ok(files) => Glossary::embedded().with_layer(&files).map(|_| ()),
                    Err(e) => {
                        error(&e);
                        return EXIT_ERROR;
                    }
                },
                None => {
                    let files: Vec<(String, String)> = Glossary::embedded_files()
                        .map(|(n, t)| (format!("glossary/{n}"), t.to_string()))
                        .collect();
                    Glossary::from_files(&files).map(|_| ())
                }
            };
            match result {
                Ok(()) => {
                    eprintln!("glossary ok");
                    0
                }
                Err(errs) => {
                    for e in &errs.0 {
                        eprintln!("{e}");
                    }
                    eprintln!("{} problem(s)", errs.0.len());
                    EXIT_ERROR
                }
            }
        }
    }
}

/// Up to three model names (canonical or alias) closest to `name` by edit
/// distance, ignoring case: "Lama 3" finds "Llama 3".
fn nearest(g: &openclaim::Glossary, name: &str) -> Vec<String> {
    let want: Vec<char> = name.to_lowercase().chars().collect();
    let limit = (want.len() / 3).max(2);
    let mut scored: Vec<(usize, String)> = g
        .models()
        .iter()
        .flat_map(|m| {
            std::iter::once(&m.canonical)
                .chain(m.aliases.iter())
                .map(move |a| (a, m))
        })
        .filter_map(|(alias, m)| {
            let d = distance(&want, &alias.to_lowercase().chars().collect::<Vec<_>>());
            (d <= limit).then(|| (d, format!("'{}'", m.canonical)))
        })
        .collect();
    scored.sort();
    let mut out: Vec<String> = Vec::new();
    for (_, n) in scored {
        if !out.contains(&n) {
            out.push(n);
        }
        if out.len() == 3 {
            break;
        }
    }
    out
}

/// Levenshtein distance between two strings of characters.
fn distance(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

//! `openclaim glossary list|show|check`.

use openclaim::date::Date;
use openclaim::glossary::{Facts, Model, Resolution};
use openclaim::{Glossary, Openness};

use super::super::args::{GlossaryCommand, ListFormat};
use super::super::{emit, error, EXIT_ERROR};

fn status_of(g: &Glossary, m: &openclaim::glossary::Model) -> Openness {
    g.facts(m, None).status
}

fn entry_json(g: &Glossary, m: &Model, on: Option<Date>) -> serde_json::Value {
    let facts = g.facts(m, on);
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
        "on": on.map(|d| d.to_string()),
        "released_by_then": !facts.unreleased,
        "range": facts.range.map(|(lo, hi)| [lo, hi]),
        "license": match facts.license {
            Some(l) => serde_json::json!({"name": l.name, "spdx": l.id, "osi_approved": l.osi_approved, "url": l.url}),
            None => serde_json::json!({"name": "varies by version", "spdx": null}),
        },
        "weights": facts.weights,
        "data": facts.data,
        "code": facts.code,
        "source": facts.source,
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
                    let all: Vec<_> = g.models().iter().map(|m| entry_json(&g, m, None)).collect();
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
            let on = analysis.as_of;
            let g = match super::super::cwd_settings(&analysis, false) {
                Ok(s) => s.engine.glossary().clone(),
                Err(e) => {
                    error(&e);
                    return EXIT_ERROR;
                }
            };
            let (m, unlisted) = match g.resolve(&name) {
                Resolution::Found(m) => (m, None),
                Resolution::UnlistedMember(f) => (f, Some(unlisted_line(&g, &name, f, on))),
                Resolution::Unknown(near) => {
                    let hint = match near.as_slice() {
                        [] => "try `openclaim glossary list`".to_string(),
                        [one] => format!("did you mean {one}?"),
                        many => format!("did you mean one of: {}?", many.join(", ")),
                    };
                    error(&format!("no model named '{name}' in the glossary; {hint}"));
                    return EXIT_ERROR;
                }
            };
            match format {
                ListFormat::Json => {
                    let mut v = entry_json(&g, m, on);
                    if let Some(line) = &unlisted {
                        v["unlisted_member"] = serde_json::json!({"name": name, "note": line});
                    }
                    if m.is_family() {
                        v["members"] = g
                            .members(&m.id)
                            .map(|x| entry_json(&g, x, on))
                            .collect::<Vec<_>>()
                            .into();
                    }
                    emit(&(serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"));
                }
                ListFormat::Text => {
                    let head = unlisted.map(|l| format!("{l}\n\n")).unwrap_or_default();
                    emit(&(head + &show_text(&g, m, on)));
                }
            }
            0
        }
        GlossaryCommand::Check { dir } => {
            let result = match &dir {
                Some(d) => match openclaim::config::files::read_toml_dir(d) {
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

/// What `show` says of a version the glossary does not list, before the
/// family it belongs to: never the facts of another member as its own.
fn unlisted_line(g: &Glossary, name: &str, family: &Model, on: Option<Date>) -> String {
    match g.unlisted_member_range(family, on) {
        Some(range) => format!(
            "{name}: not in the glossary; license unknown for this member; {}",
            openclaim::glossary::range_phrase(&family.canonical, range)
        ),
        None => format!(
            "{name}: not in the glossary; every member of the {} family released so far is {}, under the same license",
            family.canonical,
            g.facts(family, on).status.as_str()
        ),
    }
}

fn lower(v: impl std::fmt::Debug) -> String {
    format!("{v:?}").to_lowercase()
}

fn license_line(f: &Facts<'_>) -> String {
    match f.license {
        Some(l) => format!(
            "{} ({}; {}OSI-approved)",
            l.name,
            l.id,
            if l.osi_approved { "" } else { "not " }
        ),
        None => "depends on the version".to_string(),
    }
}

/// One entry as text: the facts in force on `on` (today's when None), and
/// for a family every member with its own weights, data and code, so a
/// closed member never hides behind an open one.
fn show_text(g: &Glossary, m: &Model, on: Option<Date>) -> String {
    let facts = g.facts(m, on);
    let mut out = format!("{} ({})\n", m.canonical, m.id);
    out.push_str(&format!("  developer: {}\n", m.developer));
    if let Some(r) = &m.released {
        out.push_str(&format!("  released:  {r}\n"));
    }
    if let Some(d) = on {
        out.push_str(&format!("  facts on:  {d}\n"));
    }
    if facts.unreleased {
        out.push_str("  status:    not yet released on that date\n");
    } else if m.is_family() {
        match facts.range {
            Some((lo, hi)) if lo != hi => out.push_str(&format!(
                "  status:    varies by member, from {} to {}\n",
                lo.as_str(),
                hi.as_str()
            )),
            _ => out.push_str(&format!(
                "  status:    {} (all members{})\n",
                facts.status.as_str(),
                on.map(|d| format!(" released by {d}")).unwrap_or_default()
            )),
        }
    } else {
        out.push_str(&format!("  status:    {}\n", facts.status.as_str()));
        out.push_str(&format!("  license:   {}\n", license_line(&facts)));
        if let Some(l) = facts.license {
            out.push_str(&format!("             {}\n", l.restrictions_en));
            out.push_str(&format!("             {}\n", l.url));
        }
        out.push_str(&format!(
            "  weights: {}, training data: {}, training code: {}\n",
            lower(facts.weights),
            lower(facts.data),
            lower(facts.code)
        ));
    }
    if m.is_family() {
        out.push_str("  members:\n");
        for x in g.members(&m.id) {
            let f = g.facts(x, on);
            if f.unreleased {
                out.push_str(&format!(
                    "    {:<24} not yet released (released {})\n",
                    x.canonical,
                    x.released.as_deref().unwrap_or("?")
                ));
                continue;
            }
            out.push_str(&format!(
                "    {:<24} {:<18} weights: {}, data: {}, code: {}; {}\n",
                x.canonical,
                f.status.as_str(),
                lower(f.weights),
                lower(f.data),
                lower(f.code),
                f.license.map(|l| l.id.as_str()).unwrap_or("?")
            ));
        }
    }
    out.push_str(&format!("  aliases:   {}\n", m.aliases.join(", ")));
    out.push_str(&format!(
        "  source:    {} (as of {})\n",
        facts.source, m.as_of
    ));
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
    out
}

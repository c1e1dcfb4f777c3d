//! `openclaim strip`: remove what annotate inserted, nothing else, to
//! standard output, one file (-o), a mirror (--out-dir) or in place. A file
//! written keeps the encoding it was read in; one with nothing to strip is
//! never rewritten in place.

use std::io::IsTerminal;

use openclaim::annotate as ann;
use openclaim::encode::encoding_of;
use openclaim::source::{self, Encoding};

use super::super::dest::{one_input_for_file, prepare_out_dir, Dest};
use super::super::inputs::{io_message, Input};
use super::super::progress::{Shows, STDIN_HINT};
use super::super::walk::{Inputs, Item, WalkOptions};
use super::super::write::{same_file, write_article};
use super::super::{emit, error, EXIT_ERROR};

pub fn strip(paths: &[String], dest: Dest, encoding: Option<Encoding>) -> u8 {
    if let Err(e) = one_input_for_file(&dest, paths, &WalkOptions::default()) {
        error(&e);
        return EXIT_ERROR;
    }
    let mut walk = WalkOptions::default();
    if let Dest::OutDir(d) = &dest {
        if let Err(e) = prepare_out_dir(d, paths) {
            error(&e);
            return EXIT_ERROR;
        }
        walk.skip = std::fs::canonicalize(d).ok();
    }
    if Shows::decide(true, paths, std::io::stdin().is_terminal(), false).hint {
        eprintln!("{STDIN_HINT}");
    }
    let mut failed = false;
    for item in Inputs::new(paths, &walk) {
        match strip_one(&item, &dest, encoding) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                error(&e);
                failed = true;
            }
        }
    }
    if failed {
        EXIT_ERROR
    } else {
        0
    }
}

/// Strips one input and writes it where `dest` says; false when standard
/// output is gone and the run should end.
fn strip_one(item: &Item, dest: &Dest, encoding: Option<Encoding>) -> Result<bool, String> {
    if let Some(e) = &item.error {
        return Err(e.clone());
    }
    let name = item.input.name();
    let bytes = item.input.read()?;
    let meta = match &item.input {
        Input::File(p) => {
            Some(std::fs::metadata(p).map_err(|e| format!("{name}: {}", io_message(&e)))?)
        }
        Input::Stdin => None,
    };
    let text = source::decode_as(&name, &bytes, encoding).map_err(|e| e.to_string())?;
    let stripped = ann::strip(&text);
    let target = match (dest, &item.input) {
        (Dest::Stdout | Dest::Diff, _) => return Ok(emit(&stripped)),
        (Dest::InPlace, Input::File(_)) if stripped == *text => return Ok(true),
        (Dest::InPlace, Input::File(p)) => p.clone(),
        (Dest::File(p), _) => p.clone(),
        (Dest::OutDir(d), _) => match &item.rel {
            Some(rel) => d.join(rel),
            None => {
                return Err(format!(
                    "{name}: cannot be mirrored into --out-dir or rewritten in place; use -o FILE"
                ))
            }
        },
        (Dest::InPlace, Input::Stdin) => {
            return Err(format!(
                "{name}: cannot be mirrored into --out-dir or rewritten in place; use -o FILE"
            ))
        }
    };
    if !matches!(dest, Dest::InPlace) && meta.as_ref().is_some_and(|m| same_file(m, &target)) {
        return Err(format!(
            "{}: the output would overwrite the input; use --in-place to rewrite files",
            target.display()
        ));
    }
    if let (Dest::OutDir(_), Some(parent)) = (dest, target.parent()) {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("{}: {}", parent.display(), io_message(&e)))?;
    }
    let mode = meta.map(|m| m.permissions());
    write_article(&target, &stripped, encoding_of(&bytes, encoding), mode)?;
    Ok(true)
}

//! `openclaim strip`: remove what annotate inserted, nothing else.

use std::path::Path;

use openclaim::annotate as ann;

use super::super::inputs::expand;
use super::super::write::atomic_write;
use super::super::{emit, error, EXIT_ERROR};
use super::check::load;

pub fn strip(paths: &[String], output_file: Option<&Path>) -> u8 {
    let (inputs, mut errors) = expand(paths);
    if output_file.is_some() && inputs.len() > 1 {
        error("-o/--output takes one input; use one file at a time");
        return EXIT_ERROR;
    }
    for input in &inputs {
        match load(input) {
            Ok(text) => {
                let stripped = ann::strip(&text);
                match output_file {
                    Some(p) => {
                        if let Err(e) = atomic_write(p, &stripped, None) {
                            errors.push(e);
                        }
                    }
                    None => {
                        if !emit(&stripped) {
                            break;
                        }
                    }
                }
            }
            Err(e) => errors.push(e),
        }
    }
    for e in &errors {
        error(e);
    }
    if errors.is_empty() {
        0
    } else {
        EXIT_ERROR
    }
}

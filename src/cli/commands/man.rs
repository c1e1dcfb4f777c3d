//! `openclaim completions SHELL` and `openclaim man`: generated from the
//! clap definition, so they never drift from the real options.

use std::path::Path;

use clap::CommandFactory;

use super::super::inputs::io_message;
use super::super::{emit, error, Cli, EXIT_ERROR};

pub fn completions(shell: clap_complete::Shell) -> u8 {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "openclaim", &mut out);
    emit(&String::from_utf8_lossy(&out));
    0
}

pub fn man(dir: Option<&Path>) -> u8 {
    let cmd = Cli::command();
    match dir {
        Some(d) => {
            if let Err(e) = std::fs::create_dir_all(d) {
                error(&format!("{}: {}", d.display(), io_message(&e)));
                return EXIT_ERROR;
            }
            match clap_mangen::generate_to(cmd, d) {
                Ok(()) => 0,
                Err(e) => {
                    error(&format!("{}: {}", d.display(), io_message(&e)));
                    EXIT_ERROR
                }
            }
        }
        None => {
            let mut out = Vec::new();
            if let Err(e) = clap_mangen::Man::new(cmd).render(&mut out) {
                error(&format!("cannot render the man page: {e}"));
                return EXIT_ERROR;
            }
            emit(&String::from_utf8_lossy(&out));
            0
        }
    }
}

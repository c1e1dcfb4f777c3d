//! One input of a run, a file or `-` for standard input, and the words
//! every file error is reported in.

use std::io::Read;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "<stdin>".into(),
            Input::File(p) => p.display().to_string(),
        }
    }

    pub fn read(&self) -> Result<Vec<u8>, String> {
        match self {
            Input::Stdin => {
                let mut buf = Vec::new();
                std::io::stdin()
                    .read_to_end(&mut buf)
                    .map_err(|e| format!("<stdin>: {e}"))?;
                Ok(buf)
            }
            Input::File(p) => {
                std::fs::read(p).map_err(|e| format!("{}: {}", p.display(), io_message(&e)))
            }
        }
    }
}

pub use openclaim::config::files::io_message;

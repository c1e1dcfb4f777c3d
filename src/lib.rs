//! openclaim finds claims that an AI model is "open source" in Markdown news
//! articles, judges each claim against a license glossary, and writes the
//! article back with annotations that correct what is wrong.
//!
//! The analysis does no I/O: text and a [`Glossary`] go in, [`Finding`]s and
//! annotated text come out. Only [`config::files`] opens files: the
//! configuration and glossary directories, read the same way for the binary
//! and the Python package. The `openclaim` binary is a thin shell around
//! [`Engine`].
//!
//! ```
//! use openclaim::{Engine, Options};
//! let engine = Engine::new(openclaim::Glossary::embedded().clone(), Options::default());
//! let result = engine.check("draft.md", "Meta's open-source Llama 3.2 model can now see images.\n");
//! assert_eq!(result.findings.len(), 1);
//! assert_eq!(result.findings[0].model.canonical, "Llama 3.2");
//! ```
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod annotate;
pub mod config;
pub mod correction;
pub mod date;
pub mod detect;
pub mod encode;
pub mod engine;
pub mod error;
pub mod eval;
pub mod fix;
pub mod glossary;
pub mod markdown;
pub mod report;
pub mod rules;
pub mod source;
pub mod span;
pub mod structure;
pub mod suppress;
pub mod text;
pub mod verdict;

pub use annotate::Style;
pub use engine::{Engine, FileResult, Options};
pub use error::InputError;
pub use glossary::{Glossary, Openness};
pub use report::Finding;
pub use text::lang::Lang;
pub use verdict::{Definition, Policy, Severity};

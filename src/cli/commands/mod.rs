//! One file per subcommand. Each reads, calls the library, writes, and
//! returns the exit code; per-file errors are reported and counted, and the
//! run goes on.

mod annotate;
mod check;
mod config;
mod eval;
mod explain;
mod fix;
mod glossary;
mod man;
mod rewrite;
mod strip;

pub use annotate::annotate;
pub use check::{check, CheckArgs};
pub use config::config;
pub use eval::eval;
pub use explain::explain;
pub use fix::fix;
pub use glossary::glossary;
pub use man::{completions, man};
pub use strip::strip;

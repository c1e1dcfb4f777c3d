//! One file per subcommand. Each reads, calls the library, writes, and
//! returns the exit code; per-file errors are reported and counted, and the
//! run goes on.

mod annotate;
mod check;
mod eval;
mod glossary;
mod strip;

pub use annotate::annotate;
pub use check::check;
pub use eval::eval;
pub use glossary::glossary;
pub use strip::strip;

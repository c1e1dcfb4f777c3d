//! `serve --open`: the page in the user's browser, by the platform's own
//! opener, so an editor never has to copy an address out of a terminal.

use std::process::{Command, Stdio};

/// Starts the platform's URL opener on `url` and does not wait for it; when
/// none can be started the address is already printed, so this only says so.
pub fn browser(url: &str) {
    let (program, args): (&str, Vec<&str>) = if cfg!(target_os = "macos") {
        ("open", vec![url])
    } else if cfg!(windows) {
        ("cmd", vec!["/C", "start", "", url])
    } else {
        ("xdg-open", vec![url])
    };
    // A test or a user may name another opener (a script, a browser binary).
    let program = std::env::var("OPENCLAIM_BROWSER").unwrap_or_else(|_| program.to_string());
    let spawned = Command::new(&program)
        .args(&args[..args.len() - 1])
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    match spawned {
        Ok(mut child) => {
            // Reap it in the background so no zombie is left behind.
            std::thread::spawn(move || child.wait());
        }
        Err(e) => {
            eprintln!("openclaim serve: cannot open a browser ({program}: {e}); open {url} by hand")
        }
    }
}

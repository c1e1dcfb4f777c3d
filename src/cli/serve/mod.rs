//! `openclaim serve`: a local web page for editors and the JSON API it uses.
//!
//! Everything the page needs is embedded in the binary ([`assets`]); the
//! engines are built once at start and shared; each request is analysed on
//! tokio's blocking pool and forgotten. Nothing is written to disk.
//!
//! Requests are refused unless their `Host` (and `Origin`, when sent) names
//! the address the server is bound to, which defeats DNS rebinding: a page
//! on another site that resolves its own name to 127.0.0.1 still sends its
//! own name as the Host.

mod api;
mod assets;
mod guard;
mod open;

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;
use clap::Args;

use openclaim::{Definition, Engine, Options};

use super::{cwd_settings, error, Analysis, EXIT_ERROR};

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on; the default serves this machine only
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1", value_parser = parse_bind)]
    pub bind: IpAddr,
    /// Port to listen on; 0 picks a free one (the address is printed)
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
    /// Largest request body accepted, in bytes (suffixes K, KiB, M, MiB); larger ones get 413
    #[arg(long, value_name = "SIZE", default_value = "10MiB", value_parser = parse_size)]
    pub max_body: usize,
    /// Open the page in the default web browser once the server listens
    #[arg(long)]
    pub open: bool,
    #[command(flatten)]
    pub analysis: Analysis,
}

/// One engine per definition and explain setting, built once at start;
/// the analysis flags given to `serve` are the defaults for requests.
pub struct Engines {
    /// Indexed by [definition index][explain as usize].
    by: [[Engine; 2]; 2],
    default_definition: Definition,
}

impl Engines {
    fn new(analysis: &Analysis) -> Result<Engines, String> {
        // The working directory's .openclaim.toml (or --config) sets the
        // defaults, the glossary layers and the severity policy.
        let settings = cwd_settings(analysis, false)?;
        let glossary = settings.engine.glossary().clone();
        let base = settings.engine.options().clone();
        let make = |definition, explain| {
            Engine::new(
                glossary.clone(),
                Options {
                    definition,
                    explain,
                    ..base.clone()
                },
            )
        };
        Ok(Engines {
            by: [
                [
                    make(Definition::Osaid, false),
                    make(Definition::Osaid, true),
                ],
                [
                    make(Definition::License, false),
                    make(Definition::License, true),
                ],
            ],
            default_definition: base.definition,
        })
    }

    pub fn get(&self, definition: Option<Definition>, explain: bool) -> &Engine {
        let d = match definition.unwrap_or(self.default_definition) {
            Definition::Osaid => 0,
            Definition::License => 1,
        };
        &self.by[d][usize::from(explain)]
    }
}

/// What every handler shares: the engines and the bound address.
pub struct App {
    pub engines: Engines,
    pub addr: SocketAddr,
    pub max_body: usize,
}

pub fn run(args: &ServeArgs) -> u8 {
    let engines = match Engines::new(&args.analysis) {
        Ok(e) => e,
        Err(e) => {
            error(&e);
            return EXIT_ERROR;
        }
    };
    let listener = match std::net::TcpListener::bind(SocketAddr::new(args.bind, args.port)) {
        Ok(l) => l,
        Err(e) => {
            error(&format!(
                "cannot listen on {}: {e}",
                SocketAddr::new(args.bind, args.port)
            ));
            return EXIT_ERROR;
        }
    };
    let addr = match listener
        .local_addr()
        .and_then(|a| listener.set_nonblocking(true).map(|_| a))
    {
        Ok(a) => a,
        Err(e) => {
            error(&format!("cannot listen: {e}"));
            return EXIT_ERROR;
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            error(&format!("cannot start the server runtime: {e}"));
            return EXIT_ERROR;
        }
    };
    let app = Arc::new(App {
        engines,
        addr,
        max_body: args.max_body,
    });
    let result = runtime.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener)?;
        println!("openclaim serve: listening on http://{addr}/");
        if addr.ip().is_unspecified() {
            eprintln!(
                "openclaim serve: listening on every interface; open the page by this machine's IP address"
            );
        }
        eprintln!("openclaim serve: press Ctrl-C to stop");
        if args.open {
            open::browser(&format!("http://{addr}/"));
        }
        axum::serve(listener, router(app))
            .with_graceful_shutdown(shutdown())
            .await
    });
    match result {
        Ok(()) => 0,
        Err(e) => {
            error(&format!("server stopped: {e}"));
            EXIT_ERROR
        }
    }
}

pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/", get(assets::index))
        .route("/app.js", get(assets::script))
        .route("/style.css", get(assets::style))
        .route("/favicon.svg", get(assets::favicon))
        .route("/api/check", post(api::check))
        .route("/api/annotate", post(api::annotate))
        .fallback(api::not_found)
        .method_not_allowed_fallback(api::method_not_allowed)
        .layer(DefaultBodyLimit::max(app.max_body))
        .layer(axum::middleware::from_fn_with_state(
            app.clone(),
            guard::guard,
        ))
        .with_state(app)
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = term => {}
    }
    eprintln!("openclaim serve: stopping");
}

fn parse_bind(s: &str) -> Result<IpAddr, String> {
    if s.eq_ignore_ascii_case("localhost") {
        return Ok(IpAddr::V4(Ipv4Addr::LOCALHOST));
    }
    s.trim_start_matches('[')
        .trim_end_matches(']')
        .parse()
        .map_err(|_| format!("'{s}' is not an IP address (e.g. 127.0.0.1, ::1, 0.0.0.0)"))
}

/// "1048576", "512K", "512KiB", "10M", "10MiB" (K and M are binary multiples).
pub fn parse_size(s: &str) -> Result<usize, String> {
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (digits, unit) = t.split_at(split);
    let n: usize = digits
        .parse()
        .map_err(|_| format!("'{s}' is not a size (e.g. 10MiB, 512K, 1048576)"))?;
    let mult: usize = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1024,
        "m" | "mb" | "mib" => 1024 * 1024,
        "g" | "gb" | "gib" => 1024 * 1024 * 1024,
        _ => return Err(format!("unknown size unit in '{s}': use K, KiB, M or MiB")),
    };
    n.checked_mul(mult)
        .filter(|&v| v > 0)
        .ok_or_else(|| format!("'{s}' is not a usable size"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("10MiB"), Ok(10 * 1024 * 1024));
        assert_eq!(parse_size("512K"), Ok(512 * 1024));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert!(parse_size("0").is_err());
        assert!(parse_size("ten").is_err());
        assert!(parse_size("5 parsecs").is_err());
        assert!(parse_size("99999999999999999999G").is_err());
    }

    #[test]
    fn bind_addresses() {
        assert_eq!(parse_bind("localhost"), Ok(IpAddr::V4(Ipv4Addr::LOCALHOST)));
        assert_eq!(parse_bind("[::1]"), Ok("::1".parse().unwrap()));
        assert!(parse_bind("example.com").is_err());
    }
}

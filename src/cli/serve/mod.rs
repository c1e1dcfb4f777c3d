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
//!
//! No client can hold the server open: connections are capped and timed
//! ([`listen`]), each request has a time and a report budget, an analysis
//! stops when its client goes ([`api`]), and memory is returned after a
//! large request ([`memory`]).

mod api;
mod assets;
mod base64;
mod guard;
mod listen;
mod memory;
mod open;

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

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
    /// Open connections at most; at the limit the oldest connection without a request in progress is closed, and with none a new one gets 503
    #[arg(long, value_name = "N", default_value_t = 512, value_parser = clap::value_parser!(u32).range(1..))]
    pub max_connections: u32,
    /// Time a request may take, reading its body and analysing it (seconds, or with s/ms); longer ones get 503
    #[arg(long, value_name = "TIME", default_value = "30s", value_parser = parse_duration)]
    pub request_timeout: Duration,
    /// Time the request line and headers may take to arrive; then the connection is closed
    #[arg(long, value_name = "TIME", default_value = "10s", value_parser = parse_duration)]
    pub header_timeout: Duration,
    /// Time a connection may stay open with no request in progress and no byte moving
    #[arg(long, value_name = "TIME", default_value = "10s", value_parser = parse_duration)]
    pub idle_timeout: Duration,
    /// Findings one request may produce; a draft with more gets 422
    #[arg(long, value_name = "N", default_value_t = 500, value_parser = clap::value_parser!(u32).range(1..))]
    pub max_findings: u32,
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
                    // The server's own budget (--max-findings, 422) governs
                    // a request; the file cap of the batch commands does not.
                    max_findings: 0,
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

/// What every handler shares: the engines, the bound address and the
/// per-request limits.
pub struct App {
    pub engines: Engines,
    pub addr: SocketAddr,
    pub max_body: usize,
    pub request_timeout: Duration,
    pub max_findings: usize,
    pub memory: Arc<memory::Memory>,
}

/// Requests still being handled when the server is told to stop get this
/// long; a stalled client cannot make it longer.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(1);

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
        request_timeout: args.request_timeout,
        max_findings: args.max_findings as usize,
        memory: Arc::default(),
    });
    let limits = listen::Limits {
        header_timeout: args.header_timeout,
        idle_timeout: args.idle_timeout,
        max_connections: args.max_connections as usize,
        shutdown_grace: SHUTDOWN_GRACE,
    };
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
        tokio::spawn(app.memory.clone().keep_trimmed());
        listen::serve(listener, router(app), limits, shutdown()).await;
        Ok::<(), std::io::Error>(())
    });
    // Analyses still running were told to stop when their requests were
    // dropped; nothing else needs waiting for.
    runtime.shutdown_background();
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

/// "30", "30s", "1.5", "500ms": a positive time.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let t = s.trim();
    let (number, scale) = if let Some(ms) = t.strip_suffix("ms") {
        (ms, 0.001)
    } else {
        (t.strip_suffix('s').unwrap_or(t), 1.0)
    };
    number
        .trim()
        .parse::<f64>()
        .ok()
        .map(|n| n * scale)
        .filter(|secs| secs.is_finite() && *secs > 0.0 && *secs <= 86_400.0)
        .map(Duration::from_secs_f64)
        .ok_or_else(|| format!("'{s}' is not a time (e.g. 30, 30s, 1.5s, 500ms)"))
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
    fn durations() {
        assert_eq!(parse_duration("30"), Ok(Duration::from_secs(30)));
        assert_eq!(parse_duration("30s"), Ok(Duration::from_secs(30)));
        assert_eq!(parse_duration("500ms"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_duration("1.5"), Ok(Duration::from_millis(1500)));
        for bad in ["0", "-1", "ten", "5m", "", "NaN", "inf", "1e9"] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn bind_addresses() {
        assert_eq!(parse_bind("localhost"), Ok(IpAddr::V4(Ipv4Addr::LOCALHOST)));
        assert_eq!(parse_bind("[::1]"), Ok("::1".parse().unwrap()));
        assert!(parse_bind("example.com").is_err());
    }
}

//! Checks every request goes through before routing, and the headers every
//! response gets.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::header::{self, HeaderMap, HeaderName, HeaderValue};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::Response;

use super::api::error_response;
use super::App;

/// Nothing but the page's own files: no inline script or style, no other origin.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; \
connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

pub async fn guard(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    let mut response = match refuse(&app, &req) {
        Some(refusal) => refusal,
        // Dropping a request that runs out of time stops its analysis.
        None => match tokio::time::timeout(app.request_timeout, next.run(req)).await {
            Ok(response) => response,
            Err(_) => too_slow(app.request_timeout),
        },
    };
    secure(response.headers_mut());
    response
}

/// The response for a request that must not be served, if it is one.
fn refuse(app: &App, req: &Request) -> Option<Response> {
    let headers = req.headers();
    // Two Host headers name two servers; which one a proxy or a check
    // believes is anyone's guess (RFC 9112, section 3.2).
    if headers.get_all(header::HOST).iter().nth(1).is_some() {
        return Some(error_response(
            StatusCode::BAD_REQUEST,
            "the request has more than one Host header",
        ));
    }
    let host = req
        .uri()
        .authority()
        .map(|a| a.as_str())
        .or_else(|| headers.get(header::HOST).and_then(|h| h.to_str().ok()));
    match host {
        Some(h) if host_allowed(h, app.addr) => {}
        Some(h) => {
            return Some(error_response(
                StatusCode::FORBIDDEN,
                &format!(
                    "Host '{}' is not this server's address ({}); open http://{}/",
                    h.chars().take(200).collect::<String>(),
                    app.addr,
                    app.addr
                ),
            ))
        }
        None => {
            return Some(error_response(
                StatusCode::FORBIDDEN,
                "the request has no Host header",
            ))
        }
    }
    if let Some(origin) = headers.get(header::ORIGIN) {
        let ok = origin
            .to_str()
            .ok()
            .and_then(|o| o.strip_prefix("http://"))
            .is_some_and(|h| host_allowed(h, app.addr));
        if !ok {
            return Some(error_response(
                StatusCode::FORBIDDEN,
                "requests from other sites are not accepted",
            ));
        }
    }
    // Refuse an announced oversized body before reading any of it; bodies
    // without a length are cut off by the DefaultBodyLimit layer.
    let announced = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if announced.is_some_and(|n| n > app.max_body as u64) {
        return Some(too_large(app.max_body));
    }
    None
}

pub fn too_large(limit: usize) -> Response {
    error_response(
        StatusCode::PAYLOAD_TOO_LARGE,
        &format!("the request body is larger than the limit of {limit} bytes (--max-body)"),
    )
}

pub fn too_slow(limit: Duration) -> Response {
    error_response(
        StatusCode::SERVICE_UNAVAILABLE,
        &format!(
            "the request took longer than the limit of {} s (--request-timeout); \
             check a long draft in parts or with the openclaim command",
            limit.as_secs_f64()
        ),
    )
}

/// Whether `host` (a Host header or an Origin without its scheme) names the
/// bound address: the bound IP and port; also `localhost` and any loopback
/// IP when bound to loopback; any IP literal (which a rebinding page cannot
/// send) when bound to every interface.
pub fn host_allowed(host: &str, bound: SocketAddr) -> bool {
    let Some((name, port)) = split_host(host) else {
        return false;
    };
    if port.unwrap_or(80) != bound.port() {
        return false;
    }
    let ip = bound.ip();
    match name.parse::<IpAddr>() {
        Ok(given) => {
            given == ip || (ip.is_loopback() && given.is_loopback()) || ip.is_unspecified()
        }
        Err(_) => {
            name.eq_ignore_ascii_case("localhost") && (ip.is_loopback() || ip.is_unspecified())
        }
    }
}

/// "name:port", "[v6]:port", "name" → (name, port).
fn split_host(host: &str) -> Option<(&str, Option<u16>)> {
    let host = host.trim();
    if let Some(rest) = host.strip_prefix('[') {
        let (name, after) = rest.split_once(']')?;
        return match after {
            "" => Some((name, None)),
            _ => Some((name, Some(after.strip_prefix(':')?.parse().ok()?))),
        };
    }
    match host.rsplit_once(':') {
        Some((name, _)) if name.contains(':') => None,
        Some((name, port)) => Some((name, Some(port.parse().ok()?))),
        None if host.is_empty() => None,
        None => Some((host, None)),
    }
}

fn secure(headers: &mut HeaderMap) {
    let set = |h: &mut HeaderMap, name: HeaderName, value: &'static str| {
        h.insert(name, HeaderValue::from_static(value));
    };
    set(headers, header::CONTENT_SECURITY_POLICY, CSP);
    set(headers, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(headers, header::X_FRAME_OPTIONS, "DENY");
    set(headers, header::REFERRER_POLICY, "no-referrer");
    set(headers, header::CACHE_CONTROL, "no-store");
    set(
        headers,
        HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    set(
        headers,
        HeaderName::from_static("cross-origin-resource-policy"),
        "same-origin",
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> SocketAddr {
        s.parse().unwrap()
    }

    #[test]
    fn loopback_accepts_its_own_names() {
        let a = at("127.0.0.1:8080");
        for ok in [
            "127.0.0.1:8080",
            "localhost:8080",
            "LocalHost:8080",
            "[::1]:8080",
        ] {
            assert!(host_allowed(ok, a), "{ok}");
        }
        for bad in [
            "evil.example:8080",
            "127.0.0.1:8081",
            "127.0.0.1",
            "localhost",
            "localhost.evil.example:8080",
            "192.168.1.2:8080",
            "",
            ":8080",
            "[::1:8080",
            "127.0.0.1:8080:8080",
        ] {
            assert!(!host_allowed(bad, a), "{bad}");
        }
    }

    #[test]
    fn port_80_may_be_left_out() {
        assert!(host_allowed("localhost", at("127.0.0.1:80")));
    }

    #[test]
    fn other_binds() {
        let lan = at("192.168.1.2:8080");
        assert!(host_allowed("192.168.1.2:8080", lan));
        assert!(!host_allowed("localhost:8080", lan));
        let any = at("0.0.0.0:8080");
        assert!(host_allowed("10.0.0.7:8080", any));
        assert!(host_allowed("localhost:8080", any));
        assert!(!host_allowed("evil.example:8080", any));
        let v6 = at("[::1]:9000");
        assert!(host_allowed("[::1]:9000", v6));
        assert!(host_allowed("localhost:9000", v6));
    }
}

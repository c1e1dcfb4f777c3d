//! The page's files, embedded in the binary so that it works offline and
//! serves exactly what was built.

use axum::body::Body;
use axum::http::header::{self, HeaderValue};
use axum::response::Response;

const INDEX: &str = include_str!("page/index.html");
const SCRIPT: &str = include_str!("page/app.js");
const STYLE: &str = include_str!("page/style.css");
const FAVICON: &str = include_str!("page/favicon.svg");

fn asset(body: &'static str, content_type: &'static str) -> Response {
    let mut response = Response::new(Body::from(body));
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}

pub async fn index() -> Response {
    asset(INDEX, "text/html; charset=utf-8")
}

pub async fn script() -> Response {
    asset(SCRIPT, "text/javascript; charset=utf-8")
}

pub async fn style() -> Response {
    asset(STYLE, "text/css; charset=utf-8")
}

pub async fn favicon() -> Response {
    asset(FAVICON, "image/svg+xml")
}

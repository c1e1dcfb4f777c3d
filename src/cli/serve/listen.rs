//! The accept loop and each connection's life: nothing a client does (or
//! fails to do) can keep a connection, a descriptor or the process alive
//! beyond the limits in [`Limits`].
//!
//! axum's own `serve` has no header-read timeout, no idle timeout and no
//! connection cap, and its graceful shutdown waits for every client; so
//! connections are served here with hyper's HTTP/1 connection directly.

use std::collections::BTreeMap;
use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Router;
use hyper::server::conn::http1;
use hyper::service::{service_fn, Service as _};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{watch, Notify};
use tokio::time::Instant;

/// How long connections may take and how many there may be.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The request line and headers must arrive within this time.
    pub header_timeout: Duration,
    /// A connection with no request being handled and no byte moving for
    /// this long is closed (between keep-alive requests, or a client that
    /// does not read its response).
    pub idle_timeout: Duration,
    /// Open connections at most; see [`Registry::admit`].
    pub max_connections: usize,
    /// After SIGTERM/SIGINT, requests being handled get this long to finish.
    pub shutdown_grace: Duration,
}

/// Serves `router` on `listener` until `stop` resolves, then lets running
/// requests finish for at most `limits.shutdown_grace`.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: Limits,
    stop: impl Future<Output = ()>,
) {
    let registry = Arc::new(Registry::new(limits.max_connections));
    let (stopping_tx, stopping) = watch::channel(false);
    tokio::pin!(stop);
    loop {
        let stream = tokio::select! {
            () = &mut stop => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    // Out of descriptors or a connection reset before it was
                    // accepted: wait a little instead of spinning, go on.
                    if !is_transient(&e) {
                        eprintln!("openclaim serve: cannot accept a connection: {e}");
                    }
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let Some(ticket) = registry.admit() else {
            refuse(&stream, limits.max_connections);
            continue;
        };
        let _ = stream.set_nodelay(true);
        tokio::spawn(connection(
            stream,
            router.clone(),
            limits,
            ticket,
            stopping.clone(),
        ));
    }
    drop(listener);
    let _ = stopping_tx.send(true);
    // Connections that are idle close at once; the rest get the grace time,
    // after which they are dropped with the runtime.
    let _ = tokio::time::timeout(limits.shutdown_grace, registry.drained()).await;
}

fn is_transient(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
            | io::ErrorKind::Interrupted
    )
}

/// A short 503 for a connection over the cap, written without waiting
/// (a new socket's send buffer is empty), then the socket is closed.
fn refuse(stream: &TcpStream, max: usize) {
    let body = format!(
        "{{\"error\":\"too many open connections (the limit is {max}, --max-connections); try again shortly\"}}"
    );
    let response = format!(
        "HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json; charset=utf-8\r\n\
         content-length: {}\r\nconnection: close\r\nretry-after: 1\r\n\r\n{body}",
        body.len()
    );
    let _ = stream.try_write(response.as_bytes());
    // Closing a socket with unread bytes sends a reset, which can destroy
    // the answer before the client reads it: take what has arrived.
    let mut sink = [0u8; 4096];
    for _ in 0..16 {
        if !matches!(stream.try_read(&mut sink), Ok(n) if n > 0) {
            break;
        }
    }
}

async fn connection(
    stream: TcpStream,
    router: Router,
    limits: Limits,
    ticket: Ticket,
    mut stopping: watch::Receiver<bool>,
) {
    let activity = Arc::new(Activity::new());
    let io = TokioIo::new(Watched {
        inner: stream,
        activity: activity.clone(),
    });
    let state = ticket.state.clone();
    let inner = TowerToHyperService::new(router);
    let service = service_fn(move |req| {
        let busy = Busy::enter(state.clone());
        let response = inner.call(req);
        async move {
            let r = response.await;
            drop(busy);
            r
        }
    });
    let conn = http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .keep_alive(true)
        .serve_connection(io, service);
    tokio::pin!(conn);
    let idle = idle_watch(&ticket.state, &activity, limits.idle_timeout);
    tokio::pin!(idle);
    let mut shutting_down = *stopping.borrow();
    if shutting_down {
        conn.as_mut().graceful_shutdown();
    }
    loop {
        tokio::select! {
            _ = conn.as_mut() => break,
            () = &mut idle => break,
            () = ticket.state.evict.notified() => break,
            changed = stopping.changed(), if !shutting_down => {
                shutting_down = true;
                if changed.is_ok() {
                    conn.as_mut().graceful_shutdown();
                }
            }
        }
    }
    // Dropping the connection drops a request still being handled, which
    // tells its analysis to stop (see api::Cancel).
}

/// Resolves when the connection has had nothing to do for `timeout`: no
/// request being handled, and no byte read or written.
async fn idle_watch(state: &ConnState, activity: &Activity, timeout: Duration) {
    loop {
        let due = activity.last() + timeout;
        let now = Instant::now();
        if now >= due && state.busy.load(Ordering::Acquire) == 0 {
            return;
        }
        tokio::time::sleep_until(due.max(now + Duration::from_millis(100))).await;
    }
}

/// When bytes last moved on a connection.
struct Activity {
    start: Instant,
    /// Milliseconds after `start`.
    last: AtomicU64,
}

impl Activity {
    fn new() -> Activity {
        Activity {
            start: Instant::now(),
            last: AtomicU64::new(0),
        }
    }

    fn touch(&self) {
        let ms = u64::try_from(self.start.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.last.store(ms, Ordering::Release);
    }

    fn last(&self) -> Instant {
        self.start + Duration::from_millis(self.last.load(Ordering::Acquire))
    }
}

/// A socket that records when bytes move, for the idle timeout.
struct Watched {
    inner: TcpStream,
    activity: Arc<Activity>,
}

impl AsyncRead for Watched {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let r = Pin::new(&mut self.inner).poll_read(cx, buf);
        if matches!(r, Poll::Ready(Ok(()))) && buf.filled().len() > before {
            self.activity.touch();
        }
        r
    }
}

impl AsyncWrite for Watched {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let r = Pin::new(&mut self.inner).poll_write(cx, buf);
        if matches!(r, Poll::Ready(Ok(n)) if n > 0) {
            self.activity.touch();
        }
        r
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let r = Pin::new(&mut self.inner).poll_write_vectored(cx, bufs);
        if matches!(r, Poll::Ready(Ok(n)) if n > 0) {
            self.activity.touch();
        }
        r
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

/// What the accept loop knows about one open connection.
struct ConnState {
    /// Requests being handled on it (0 or 1 with HTTP/1 without pipelining).
    busy: AtomicUsize,
    /// Told to close, to make room for a new connection.
    evict: Notify,
}

/// Counts a request as being handled while alive.
struct Busy(Arc<ConnState>);

impl Busy {
    fn enter(state: Arc<ConnState>) -> Busy {
        state.busy.fetch_add(1, Ordering::AcqRel);
        Busy(state)
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        self.0.busy.fetch_sub(1, Ordering::AcqRel);
    }
}

/// The open connections, oldest first.
struct Registry {
    max: usize,
    open: Mutex<BTreeMap<u64, Arc<ConnState>>>,
    next: AtomicU64,
    closed: Notify,
}

/// A place in the registry, given up when the connection ends.
struct Ticket {
    id: u64,
    state: Arc<ConnState>,
    registry: Arc<Registry>,
}

impl Drop for Ticket {
    fn drop(&mut self) {
        let mut open = self.registry.lock();
        open.remove(&self.id);
        if open.is_empty() {
            self.registry.closed.notify_waiters();
        }
    }
}

impl Registry {
    fn new(max: usize) -> Registry {
        Registry {
            max,
            open: Mutex::new(BTreeMap::new()),
            next: AtomicU64::new(0),
            closed: Notify::new(),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BTreeMap<u64, Arc<ConnState>>> {
        // The map stays consistent whatever panicked while holding it.
        self.open.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A place for a new connection. At the cap, the oldest connection that
    /// is not handling a request gives up its place (a flood of idle or
    /// slow connections cannot lock out a client that sends a request);
    /// when every connection is handling one, the new one is refused.
    fn admit(self: &Arc<Self>) -> Option<Ticket> {
        let mut open = self.lock();
        if open.len() >= self.max {
            let oldest_idle = open
                .iter()
                .find(|(_, c)| c.busy.load(Ordering::Acquire) == 0)
                .map(|(&id, _)| id)?;
            if let Some(evicted) = open.remove(&oldest_idle) {
                evicted.evict.notify_one();
            }
        }
        let id = self.next.fetch_add(1, Ordering::Relaxed);
        let state = Arc::new(ConnState {
            busy: AtomicUsize::new(0),
            evict: Notify::new(),
        });
        open.insert(id, state.clone());
        Some(Ticket {
            id,
            state,
            registry: self.clone(),
        })
    }

    /// Resolves when no connection is open.
    async fn drained(&self) {
        loop {
            let closed = self.closed.notified();
            tokio::pin!(closed);
            closed.as_mut().enable();
            if self.lock().is_empty() {
                return;
            }
            closed.await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_the_cap_the_oldest_idle_connection_makes_room() {
        let registry = Arc::new(Registry::new(2));
        let a = registry.admit().expect("first");
        let b = registry.admit().expect("second");
        let _busy = Busy::enter(a.state.clone());
        let c = registry.admit().expect("room made");
        // b (idle) was evicted, a (busy) kept.
        let open: Vec<u64> = registry.lock().keys().copied().collect();
        assert_eq!(open, vec![a.id, c.id]);
        drop(b);
        assert_eq!(registry.lock().len(), 2);
        let _busy_c = Busy::enter(c.state.clone());
        assert!(registry.admit().is_none(), "every connection busy: refused");
        drop(c);
        assert!(registry.admit().is_some());
    }
}

//! Giving memory back after a large request.
//!
//! glibc's allocator keeps freed memory in per-thread arenas for reuse, and
//! raises its threshold for serving large blocks from the heap each time one
//! is freed; after one large request on the blocking pool the process kept
//! hundreds of megabytes it no longer used. Once no analysis is running,
//! `malloc_trim` returns the free pages of every arena to the system. The
//! size of the request says little (a 100 KB paragraph can need hundreds of
//! megabytes), so every analysis counts; trimming costs about a millisecond
//! and happens at most once a second.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

#[derive(Debug, Default)]
pub struct Memory {
    /// An analysis ended since the last trim.
    dirty: AtomicBool,
    /// Analyses running on the blocking pool.
    running: AtomicUsize,
}

/// Counts an analysis as running while alive.
pub struct Running<'a>(&'a Memory);

impl Drop for Running<'_> {
    fn drop(&mut self) {
        self.0.dirty.store(true, Ordering::Release);
        self.0.running.fetch_sub(1, Ordering::AcqRel);
    }
}

impl Memory {
    pub fn running(&self) -> Running<'_> {
        self.running.fetch_add(1, Ordering::AcqRel);
        Running(self)
    }

    /// Trims a second or so after an analysis, when no other runs (by then
    /// its answer has normally been written and freed). Runs until the
    /// runtime stops.
    pub async fn keep_trimmed(self: Arc<Self>) {
        let mut tick = tokio::time::interval(Duration::from_secs(1));
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            if self.running.load(Ordering::Acquire) == 0 && self.dirty.swap(false, Ordering::AcqRel)
            {
                let _ = tokio::task::spawn_blocking(release).await;
            }
        }
    }
}

/// Returns free heap pages to the system.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn release() {
    // SAFETY: malloc_trim takes no pointers and only walks the allocator's
    // own free lists under its locks; it is safe to call from any thread.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Other allocators return large blocks by themselves.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn release() {}

//! An ordered parallel map with bounded memory: items are pulled lazily from
//! an iterator by a rayon pool in chunks, results come back in input order
//! through a reorder buffer, and no worker may run more than a fixed number
//! of chunks ahead of the oldest result not yet written. A run over a million
//! files or lines therefore holds at most `threads × AHEAD_PER_THREAD ×
//! CHUNK` results, whatever the thread timing.
//!
//! Chunks matter: handing out one file at a time cost a wake-up of the
//! writing thread, a lock round trip and a flush per file, about a fifth of
//! the CPU time on two cores.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, TryRecvError};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

use rayon::iter::{ParallelBridge, ParallelIterator};

/// Receives results in input order, on the calling thread.
pub trait Sink<R> {
    /// The next result; returning false stops the run (e.g. a closed pipe).
    fn put(&mut self, result: R) -> bool;
    /// No result is ready right now: the moment to flush buffered output.
    fn idle(&mut self) {}
}

/// Items a worker takes at once (fewer when `ordered_map_chunks` is given smaller chunks).
pub const CHUNK: usize = 16;

/// Chunks that may wait per worker thread, beyond the one being written.
const AHEAD_PER_THREAD: usize = 4;

/// Groups an iterator's items into chunks of up to `size`.
pub struct Chunks<I> {
    iter: I,
    size: usize,
}

impl<I: Iterator> Iterator for Chunks<I> {
    type Item = Vec<I::Item>;

    fn next(&mut self) -> Option<Vec<I::Item>> {
        let chunk: Vec<I::Item> = self.iter.by_ref().take(self.size).collect();
        (!chunk.is_empty()).then_some(chunk)
    }
}

struct Gate {
    next: Mutex<u64>,
    moved: Condvar,
    window: u64,
    stop: AtomicBool,
}

impl Gate {
    fn lock(&self) -> MutexGuard<'_, u64> {
        self.next.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Waits until `seq` is within the window; false once the run stopped.
    fn enter(&self, seq: u64) -> bool {
        let mut next = self.lock();
        while seq >= next.saturating_add(self.window) && !self.stopped() {
            next = self
                .moved
                .wait(next)
                .unwrap_or_else(PoisonError::into_inner);
        }
        !self.stopped()
    }

    fn advance(&self, to: u64) {
        *self.lock() = to;
        self.moved.notify_all();
    }

    fn halt(&self) {
        self.stop.store(true, Ordering::SeqCst);
        let _guard = self.lock();
        self.moved.notify_all();
    }

    fn stopped(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }
}

/// Maps `work` over `items` on `threads` threads and hands every result to
/// `sink` in input order, [`CHUNK`] items at a time.
pub fn ordered_map<T, R, I, F, S>(items: I, threads: usize, work: F, sink: &mut S)
where
    T: Send,
    R: Send,
    I: Iterator<Item = T> + Send,
    F: Fn(T) -> R + Sync,
    S: Sink<R>,
{
    ordered_map_chunks(
        Chunks {
            iter: items,
            size: CHUNK,
        },
        threads,
        work,
        sink,
    );
}

/// As [`ordered_map`], with the chunks made by the caller (a reader of
/// standard input only groups what has already arrived, so a producer that
/// waits for each answer is never kept waiting). With one thread everything
/// runs on the calling thread, with no pool and no channel; the sink is idle
/// after every chunk.
pub fn ordered_map_chunks<T, R, I, F, S>(chunks: I, threads: usize, work: F, sink: &mut S)
where
    T: Send,
    R: Send,
    I: Iterator<Item = Vec<T>> + Send,
    F: Fn(T) -> R + Sync,
    S: Sink<R>,
{
    let pool = if threads > 1 {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .thread_name(|i| format!("openclaim-{i}"))
            .build()
            .ok()
    } else {
        None
    };
    let Some(pool) = pool else {
        for chunk in chunks {
            for item in chunk {
                if !sink.put(work(item)) {
                    sink.idle();
                    return;
                }
            }
            sink.idle();
        }
        return;
    };
    let gate = Gate {
        next: Mutex::new(0),
        moved: Condvar::new(),
        window: (threads * AHEAD_PER_THREAD) as u64,
        stop: AtomicBool::new(false),
    };
    let (tx, rx) = mpsc::channel::<(u64, Vec<R>)>();
    std::thread::scope(|scope| {
        let gate = &gate;
        let work = &work;
        scope.spawn(move || {
            pool.install(|| {
                chunks
                    .take_while(|_| !gate.stopped())
                    .enumerate()
                    .par_bridge()
                    .for_each_with(tx, |tx, (seq, chunk)| {
                        let seq = seq as u64;
                        if gate.enter(seq) {
                            let results: Vec<R> = chunk.into_iter().map(work).collect();
                            let _ = tx.send((seq, results));
                        }
                    });
            });
        });
        let mut pending: BTreeMap<u64, Vec<R>> = BTreeMap::new();
        let mut next = 0u64;
        let mut go = true;
        loop {
            let (seq, results) = match rx.try_recv() {
                Ok(m) => m,
                Err(TryRecvError::Empty) => {
                    sink.idle();
                    match rx.recv() {
                        Ok(m) => m,
                        Err(_) => break,
                    }
                }
                Err(TryRecvError::Disconnected) => break,
            };
            pending.insert(seq, results);
            while let Some(results) = pending.remove(&next) {
                next += 1;
                for r in results {
                    if go && !sink.put(r) {
                        go = false;
                        gate.halt();
                    }
                }
            }
            gate.advance(next);
        }
        sink.idle();
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Collect(Vec<u64>, usize);

    impl Sink<u64> for Collect {
        fn put(&mut self, r: u64) -> bool {
            self.0.push(r);
            self.0.len() < self.1
        }
    }

    #[test]
    fn results_come_back_in_order_whatever_the_timing() {
        for threads in [1, 2, 4] {
            let mut sink = Collect(Vec::new(), usize::MAX);
            ordered_map(
                0..2000u64,
                threads,
                |i| {
                    if i % 7 == 0 {
                        std::thread::sleep(std::time::Duration::from_micros(50));
                    }
                    i * 2
                },
                &mut sink,
            );
            assert_eq!(sink.0, (0..2000).map(|i| i * 2).collect::<Vec<_>>());
        }
    }

    #[test]
    fn a_sink_can_stop_the_run() {
        let mut sink = Collect(Vec::new(), 10);
        ordered_map(0..1_000_000u64, 2, |i| i, &mut sink);
        assert_eq!(sink.0, (0..10).collect::<Vec<_>>());
    }

    #[test]
    fn workers_never_run_far_ahead() {
        use std::sync::atomic::AtomicU64;
        let started = AtomicU64::new(0);
        struct Slow<'a>(&'a AtomicU64, u64);
        impl Sink<u64> for Slow<'_> {
            fn put(&mut self, r: u64) -> bool {
                // Everything started so far is within the window of what was written.
                let s = self.0.load(Ordering::SeqCst);
                let window = (2 * AHEAD_PER_THREAD + 1) * CHUNK;
                assert!(s <= r + 1 + window as u64, "{s} started at {r}");
                self.1 += 1;
                true
            }
        }
        let mut sink = Slow(&started, 0);
        ordered_map(
            0..5000u64,
            2,
            |i| {
                started.fetch_add(1, Ordering::SeqCst);
                i
            },
            &mut sink,
        );
        assert_eq!(sink.1, 5000);
    }
}

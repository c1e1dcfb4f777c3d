//! Python strings for the report's field names. A report of a few findings
//! sets a few hundred dict keys, so a key must cost a pointer hash and a
//! reference count, not a new string, a lock and SipHash each time: the
//! cache is per thread (no lock while the GIL is held) and hashed by the
//! name's address (every name is a `&'static str`).

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use pyo3::prelude::*;
use pyo3::types::PyString;

/// FxHash's multiply-rotate: enough for a few dozen distinct addresses.
#[derive(Default)]
struct AddressHasher(u64);

impl Hasher for AddressHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Keyed by address and length: two names may share a start address when
/// the linker merges one string into the tail of another.
type Keys = HashMap<(usize, usize), Py<PyString>, BuildHasherDefault<AddressHasher>>;

thread_local! {
    static KEYS: RefCell<Option<Keys>> = const { RefCell::new(None) };
}

/// `name` as an interned Python string, made once per thread.
pub fn key<'py>(py: Python<'py>, name: &'static str) -> Bound<'py, PyString> {
    let cached = KEYS.try_with(|cell| {
        // Busy only if interning ran Python code that re-entered here (a
        // finalizer during garbage collection); a fresh string is then right too.
        let mut keys = cell.try_borrow_mut().ok()?;
        Some(
            keys.get_or_insert_with(Keys::default)
                .entry((name.as_ptr() as usize, name.len()))
                .or_insert_with(|| PyString::intern(py, name).unbind())
                .bind(py)
                .clone(),
        )
    });
    match cached {
        Ok(Some(k)) => k,
        _ => PyString::intern(py, name),
    }
}

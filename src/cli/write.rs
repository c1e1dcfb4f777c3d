//! Atomic writes: the text goes to a named temporary file in the target's
//! directory, which is then renamed over the target. An interrupted run
//! (Ctrl-C, kill, a full disk) leaves each output complete or absent. There
//! is no fsync per file: rename is atomic for a process that dies, and
//! syncing 100,000 files one by one would dominate a batch run.

use std::fs::Permissions;
use std::io::Write;
use std::path::{Path, PathBuf};

use openclaim::encode::encode;
use openclaim::source::Encoding;

use super::inputs::io_message;

/// Writes an article's new `text` atomically in the `encoding` its input was
/// read in. Text that encoding cannot hold is an error at its position, and
/// nothing is written.
pub fn write_article(
    path: &Path,
    text: &str,
    encoding: Encoding,
    mode: Option<Permissions>,
) -> Result<(), String> {
    let bytes = encode(&path.display().to_string(), text, encoding).map_err(|e| e.to_string())?;
    atomic_write(path, &bytes, mode)
}

/// Writes `bytes` to `path` atomically. `mode` is given to the new file
/// (the input's permissions when mirroring or rewriting it); without it an
/// existing target keeps its permissions and a new one gets the default.
pub fn atomic_write(path: &Path, bytes: &[u8], mode: Option<Permissions>) -> Result<(), String> {
    let fail = |e: std::io::Error| format!("{}: {}", path.display(), io_message(&e));
    // Rewriting through a symbolic link replaces the file it points to, not the link.
    let target: PathBuf = match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => std::fs::canonicalize(path).map_err(fail)?,
        _ => path.to_path_buf(),
    };
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mode = mode.or_else(|| std::fs::metadata(&target).ok().map(|m| m.permissions()));
    let mut builder = tempfile::Builder::new();
    builder.prefix(".openclaim-").suffix(".tmp");
    if let Some(m) = mode {
        builder.permissions(m);
    } else {
        default_mode(&mut builder);
    }
    let mut tmp = builder.tempfile_in(dir).map_err(fail)?;
    tmp.write_all(bytes).map_err(fail)?;
    tmp.persist(&target).map_err(|e| fail(e.error))?;
    Ok(())
}

/// tempfile creates 0600 files; a new output should be readable like any file the user makes.
#[cfg(unix)]
fn default_mode(builder: &mut tempfile::Builder<'_, '_>) {
    use std::os::unix::fs::PermissionsExt;
    builder.permissions(Permissions::from_mode(0o644));
}

#[cfg(not(unix))]
fn default_mode(_: &mut tempfile::Builder<'_, '_>) {}

/// True when `a` and `b` name the same existing file.
pub fn same_file(a: &std::fs::Metadata, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(b).is_ok_and(|m| m.dev() == a.dev() && m.ino() == a.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = (a, b);
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_replace_and_leave_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.md");
        atomic_write(&p, b"one\n", None).unwrap();
        atomic_write(&p, b"two\n", None).unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "two\n");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("a.md")]);
    }

    #[cfg(unix)]
    #[test]
    fn an_existing_file_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.md");
        std::fs::write(&p, "x").unwrap();
        std::fs::set_permissions(&p, Permissions::from_mode(0o640)).unwrap();
        atomic_write(&p, b"y", None).unwrap();
        let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }

    #[test]
    fn a_missing_directory_is_an_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("nope/a.md");
        let e = atomic_write(&p, b"x", None).unwrap_err();
        assert!(e.contains("a.md") && e.contains("no such file"), "{e}");
    }
}

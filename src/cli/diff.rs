//! `fix --diff`: what fix would change, as a unified diff a reviewer or
//! `patch -p1` can read. Fix rewrites words inside lines and never adds or
//! removes a line, so changed lines are paired one to one; hunks carry no
//! context lines, which keeps them exact when two changes are close.

use std::fmt::Write as _;

/// A unified diff from `old` to `new`, both named `name`; empty when equal.
pub fn unified(name: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    let a: Vec<&str> = old.split_inclusive('\n').collect();
    let b: Vec<&str> = new.split_inclusive('\n').collect();
    let mut out = format!("--- a/{name}\n+++ b/{name}\n");
    if a.len() != b.len() {
        hunk(&mut out, 0, &a, 0, &b);
        return out;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] == b[i] {
            i += 1;
            continue;
        }
        let start = i;
        while i < a.len() && a[i] != b[i] {
            i += 1;
        }
        hunk(&mut out, start, &a[start..i], start, &b[start..i]);
    }
    out
}

fn hunk(out: &mut String, a_at: usize, a: &[&str], b_at: usize, b: &[&str]) {
    let _ = writeln!(
        out,
        "@@ -{},{} +{},{} @@",
        a_at + 1,
        a.len(),
        b_at + 1,
        b.len()
    );
    for (sign, lines) in [('-', a), ('+', b)] {
        for l in lines {
            out.push(sign);
            out.push_str(l);
            if !l.ends_with('\n') {
                out.push_str("\n\\ No newline at end of file\n");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changed_lines_become_hunks() {
        let old = "a\nopen source b\nc\nd open source";
        let new = "a\nopen weights b\nc\nd open weights";
        assert_eq!(
            unified("x.md", old, new),
            "--- a/x.md\n+++ b/x.md\n@@ -2,1 +2,1 @@\n-open source b\n+open weights b\n\
             @@ -4,1 +4,1 @@\n-d open source\n\\ No newline at end of file\n+d open weights\n\
             \\ No newline at end of file\n"
        );
        assert_eq!(unified("x.md", old, old), "");
    }
}

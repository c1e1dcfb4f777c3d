//! A file is written back in the encoding it was read in: `annotate`, `fix`
//! and `strip`, in place, with `--out-dir` and with `-o`, on UTF-16 (LE and
//! BE, with their byte-order marks), UTF-8 with a byte-order mark and
//! Latin-1. Output Latin-1 cannot hold is an error that writes nothing, and
//! a file with nothing to change is never touched.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

const ARTICLE: &str = "Caf\u{e9} news: Meta released Llama 3, an open-source model.\n";

fn openclaim() -> Command {
    Command::cargo_bin("openclaim").expect("binary")
}

/// Runs a command; the analysing ones in English and without configuration.
fn run(args: &[&str]) -> Output {
    let mut cmd = openclaim();
    cmd.arg(args[0]);
    if args[0] != "strip" {
        cmd.args(["--lang", "en", "--no-config"]);
    }
    cmd.args(&args[1..]).output().expect("run")
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf8 path")
}

type Encoder = fn(&str) -> Vec<u8>;

/// The encodings under test: a name, the bytes of `text` in it (with its
/// byte-order mark), and the `--encoding` it needs, if any.
fn encodings() -> Vec<(&'static str, Encoder, Option<&'static str>)> {
    vec![
        ("utf-16le", |t| utf16(t, true), None),
        ("utf-16be", |t| utf16(t, false), None),
        (
            "utf-8 with bom",
            |t| [&[0xEF, 0xBB, 0xBF][..], t.as_bytes()].concat(),
            None,
        ),
        ("latin1", latin1, Some("latin1")),
    ]
}

fn utf16(text: &str, le: bool) -> Vec<u8> {
    let mut out = if le {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for u in text.encode_utf16() {
        out.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
    }
    out
}

fn latin1(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| u8::try_from(u32::from(c)).expect("latin1 text"))
        .collect()
}

/// What `command` writes for the UTF-8 article, as text.
fn expected(command: &str, dir: &Path) -> String {
    let p = dir.join("plain.md");
    std::fs::write(&p, ARTICLE).expect("write");
    let out = run(&[command, s(&p)]);
    String::from_utf8(out.stdout).expect("utf8 output")
}

fn with_encoding<'a>(args: &mut Vec<&'a str>, encoding: Option<&'a str>) {
    if let Some(e) = encoding {
        args.extend(["--encoding", e]);
    }
}

#[test]
fn in_place_keeps_the_encoding_and_the_byte_order_mark() {
    let dir = tempfile::tempdir().expect("tmp");
    for command in ["annotate", "fix"] {
        let want = expected(command, dir.path());
        assert_ne!(want, ARTICLE, "{command} changes the article");
        for (name, encode, encoding) in encodings() {
            let p = dir
                .path()
                .join(format!("{command}-{}.md", name.replace(' ', "-")));
            std::fs::write(&p, encode(ARTICLE)).expect("write");
            let mut args = vec![command, "--in-place", s(&p)];
            with_encoding(&mut args, encoding);
            let out = run(&args);
            assert_eq!(out.status.code(), Some(1), "{command} {name}: {out:?}");
            assert_eq!(
                std::fs::read(&p).expect("read"),
                encode(&want),
                "{command} --in-place on {name}"
            );
            // strip gives back the original bytes, in the same encoding.
            if command == "annotate" {
                let mut args = vec!["strip", "--in-place", s(&p)];
                with_encoding(&mut args, encoding);
                let out = run(&args);
                assert_eq!(out.status.code(), Some(0), "strip {name}: {out:?}");
                assert_eq!(
                    std::fs::read(&p).expect("read"),
                    encode(ARTICLE),
                    "strip on {name}"
                );
            }
        }
    }
}

#[test]
fn out_dir_and_output_file_keep_the_encoding() {
    let dir = tempfile::tempdir().expect("tmp");
    let annotated = expected("annotate", dir.path());
    let fixed = expected("fix", dir.path());
    for (name, encode, encoding) in encodings() {
        let tag = name.replace(' ', "-");
        let input = dir.path().join(format!("in-{tag}"));
        std::fs::create_dir_all(&input).expect("mkdir");
        let a = input.join("a.md");
        std::fs::write(&a, encode(ARTICLE)).expect("write");
        for (command, want) in [("annotate", &annotated), ("fix", &fixed)] {
            let out_dir = dir.path().join(format!("out-{command}-{tag}"));
            let mut args = vec![command, "--out-dir", s(&out_dir), s(&input)];
            with_encoding(&mut args, encoding);
            let out = run(&args);
            assert_eq!(out.status.code(), Some(1), "{command} {name}: {out:?}");
            let written = std::fs::read(out_dir.join("a.md")).expect("mirrored");
            assert_eq!(written, encode(want), "{command} --out-dir on {name}");

            let file = dir.path().join(format!("o-{command}-{tag}.md"));
            let mut args = vec![command, "-o", s(&file), s(&a)];
            with_encoding(&mut args, encoding);
            let out = run(&args);
            assert_eq!(out.status.code(), Some(1), "{command} -o {name}: {out:?}");
            assert_eq!(
                std::fs::read(&file).expect("written"),
                encode(want),
                "{command} -o on {name}"
            );
        }
        // strip: the annotated file in this encoding, back to the article.
        let annotated_file = dir.path().join(format!("annotated-{tag}.md"));
        std::fs::write(&annotated_file, encode(&annotated)).expect("write");
        let stripped = dir.path().join(format!("stripped-{tag}.md"));
        let mut args = vec!["strip", "-o", s(&stripped), s(&annotated_file)];
        with_encoding(&mut args, encoding);
        let out = run(&args);
        assert_eq!(out.status.code(), Some(0), "strip -o {name}: {out:?}");
        assert_eq!(
            std::fs::read(&stripped).expect("written"),
            encode(ARTICLE),
            "strip -o on {name}"
        );
        let strip_dir = dir.path().join(format!("strip-out-{tag}"));
        let mut args = vec!["strip", "--out-dir", s(&strip_dir), s(&annotated_file)];
        with_encoding(&mut args, encoding);
        let out = run(&args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "strip --out-dir {name}: {out:?}"
        );
        let mirrored = strip_dir.join(annotated_file.file_name().expect("name"));
        assert_eq!(
            std::fs::read(mirrored).expect("written"),
            encode(ARTICLE),
            "strip --out-dir on {name}"
        );
    }
}

/// A user glossary whose model name has a non-breaking hyphen (U+2011),
/// which the annotation quotes and Latin-1 cannot hold.
fn glossary_with_a_wide_name(dir: &Path) -> PathBuf {
    let g = dir.join("glossary");
    std::fs::create_dir_all(&g).expect("mkdir");
    std::fs::write(
        g.join("g.toml"),
        "[[model]]\nid = \"gemma-3\"\ncanonical = \"Gemma\u{2011}3\"\ndeveloper = \"Google DeepMind\"\n\
         aliases = [\"Gemma 3\"]\nlicense = \"LicenseRef-Gemma-Terms-of-Use\"\nweights = \"yes\"\n\
         data = \"no\"\ncode = \"no\"\nsource = \"https://ai.google.dev/gemma\"\nas_of = \"2026-11-30\"\n",
    )
    .expect("write");
    g
}

#[test]
fn output_latin1_cannot_hold_is_an_error_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tmp");
    let g = glossary_with_a_wide_name(dir.path());
    let p = dir.path().join("latin.md");
    let original = latin1("Caf\u{e9}: Gemma 3 is open source.\n");
    std::fs::write(&p, &original).expect("write");
    let out_file = dir.path().join("out.md");
    let out_dir = dir.path().join("mirror");
    let cases: [&[&str]; 3] = [
        &["--in-place"],
        &["-o", s(&out_file)],
        &["--out-dir", s(&out_dir)],
    ];
    for dest in cases {
        let mut args = vec!["annotate", "--encoding", "latin1", "--glossary", s(&g)];
        args.extend(dest);
        args.push(s(&p));
        let out = run(&args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{dest:?}: {stderr}");
        assert!(
            stderr.contains(".md:1:") && stderr.contains("U+2011") && stderr.contains("latin1"),
            "{dest:?}: {stderr}"
        );
        assert!(stderr.contains("nothing was written"), "{stderr}");
        assert_eq!(std::fs::read(&p).expect("read"), original, "{dest:?}");
    }
    assert!(!out_file.exists());
    assert!(!out_dir.join("latin.md").exists());
    // The file is named: the target of the write.
    let out = run(&[
        "annotate",
        "--encoding",
        "latin1",
        "--glossary",
        s(&g),
        "--in-place",
        s(&p),
    ]);
    assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("{}:1:", s(&p))));
}

#[cfg(unix)]
#[test]
fn a_file_with_nothing_to_change_is_never_rewritten() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().expect("tmp");
    for (name, encode, encoding) in encodings() {
        let p = dir
            .path()
            .join(format!("clean-{}.md", name.replace(' ', "-")));
        let bytes = encode("Caf\u{e9}: nothing to see here.\n");
        std::fs::write(&p, &bytes).expect("write");
        let before = std::fs::metadata(&p).expect("meta");
        std::thread::sleep(std::time::Duration::from_millis(20));
        for command in ["annotate", "fix", "strip"] {
            let mut args = vec![command, "--in-place", s(&p)];
            with_encoding(&mut args, encoding);
            let out = run(&args);
            assert_eq!(out.status.code(), Some(0), "{command} {name}: {out:?}");
            let after = std::fs::metadata(&p).expect("meta");
            assert_eq!(std::fs::read(&p).expect("read"), bytes, "{command} {name}");
            assert_eq!(after.ino(), before.ino(), "{command} {name}: rewritten");
            assert_eq!(
                after.modified().expect("mtime"),
                before.modified().expect("mtime"),
                "{command} {name}: touched"
            );
        }
    }
}

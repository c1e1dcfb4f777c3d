//! The git hooks, tried for real: the plain `hooks/pre-commit` script
//! installed in a scratch repository, and the `.pre-commit-hooks.yaml`
//! definition run by pre-commit's `try-repo` (skipped with a message when
//! pre-commit is not installed, unless OPENCLAIM_REQUIRE_PRE_COMMIT is set,
//! as .ci/run does after installing it).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn binary() -> PathBuf {
    assert_cmd::cargo::cargo_bin("openclaim")
}

/// git with no user or system configuration, so hooks paths, signing and
/// templates of the machine do not leak in.
fn git(dir: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("OPENCLAIM", binary())
        .env_remove("OPENCLAIM_ARGS")
        .args([
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.test",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .output()
        .expect("git")
}

fn ok(o: &Output) -> bool {
    o.status.success()
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn commits(dir: &Path) -> usize {
    let o = git(dir, &["rev-list", "--count", "HEAD"]);
    String::from_utf8_lossy(&o.stdout)
        .trim()
        .parse()
        .unwrap_or(0)
}

fn have_git() -> bool {
    Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn scratch_repo() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tmp");
    assert!(ok(&git(tmp.path(), &["init", "-q"])));
    tmp
}

const WASHING: &str = "Meta's open-source Llama 3.2 model is here.\n";

#[test]
fn the_plain_git_hook_rejects_open_washing() {
    if !have_git() {
        eprintln!("SKIPPED: git is not installed");
        return;
    }
    let tmp = scratch_repo();
    let d = tmp.path();
    let hook = d.join(".git/hooks/pre-commit");
    std::fs::create_dir_all(hook.parent().expect("hooks dir")).expect("dir");
    std::fs::copy(Path::new(ROOT).join("hooks/pre-commit"), &hook).expect("install hook");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }

    // A clean article commits.
    std::fs::write(d.join("clean.md"), "Nothing to see here.\n").expect("write");
    git(d, &["add", "clean.md"]);
    let o = git(d, &["commit", "-q", "-m", "clean"]);
    assert!(ok(&o), "{}", text(&o));
    assert_eq!(commits(d), 1);

    // An open-washing article, with a space in its name, is rejected with the diagnostic.
    std::fs::write(d.join("news item.md"), WASHING).expect("write");
    git(d, &["add", "news item.md"]);
    let o = git(d, &["commit", "-q", "-m", "washing"]);
    assert!(!ok(&o), "the commit must be rejected");
    let out = text(&o);
    assert!(out.contains("claim about Llama 3.2"), "{out}");
    assert!(out.contains("news item.md:1:8"), "{out}");
    assert!(out.contains("commit rejected"), "{out}");
    assert_eq!(commits(d), 1);

    // Suppressed in the article, it commits.
    std::fs::write(
        d.join("news item.md"),
        format!("<!-- openclaim-disable-next-line -->\n{WASHING}"),
    )
    .expect("write");
    git(d, &["add", "news item.md"]);
    let o = git(d, &["commit", "-q", "-m", "suppressed"]);
    assert!(ok(&o), "{}", text(&o));
    assert_eq!(commits(d), 2);

    // Only staged Markdown is checked: an unstaged bad file does not block a commit.
    std::fs::write(d.join("draft.md"), WASHING).expect("write");
    std::fs::write(d.join("notes.txt"), WASHING).expect("write");
    git(d, &["add", "notes.txt"]);
    let o = git(d, &["commit", "-q", "-m", "notes"]);
    assert!(ok(&o), "{}", text(&o));
    assert_eq!(commits(d), 3);

    // The repository's .openclaim.toml applies: fail_on = never lets it through.
    std::fs::write(d.join(".openclaim.toml"), "fail_on = \"never\"\n").expect("write");
    git(d, &["add", "draft.md", ".openclaim.toml"]);
    let o = git(d, &["commit", "-q", "-m", "policy"]);
    assert!(ok(&o), "{}", text(&o));
    assert_eq!(commits(d), 4);
}

fn pre_commit() -> Option<String> {
    let o = Command::new("pre-commit").arg("--version").output().ok()?;
    o.status
        .success()
        .then(|| String::from_utf8_lossy(&o.stdout).trim().to_string())
}

#[test]
fn the_pre_commit_hook_definition_runs_under_pre_commit() {
    if !have_git() {
        eprintln!("SKIPPED: git is not installed");
        return;
    }
    let Some(version) = pre_commit() else {
        assert!(
            std::env::var_os("OPENCLAIM_REQUIRE_PRE_COMMIT").is_none(),
            "pre-commit is required here but not installed"
        );
        eprintln!(
            "SKIPPED: pre-commit is not installed (apt-get install pre-commit, or pip install pre-commit); \
             .pre-commit-hooks.yaml was not tried"
        );
        return;
    };
    eprintln!("trying .pre-commit-hooks.yaml with {version}");
    // The hook repository: this repository's hook definition, committed in
    // a scratch repository (try-repo clones it; the system hook needs no build).
    let hooks = scratch_repo();
    std::fs::copy(
        Path::new(ROOT).join(".pre-commit-hooks.yaml"),
        hooks.path().join(".pre-commit-hooks.yaml"),
    )
    .expect("copy");
    git(hooks.path(), &["add", ".pre-commit-hooks.yaml"]);
    let o = git(hooks.path(), &["commit", "-q", "-m", "hooks"]);
    assert!(ok(&o), "{}", text(&o));

    let work = scratch_repo();
    let d = work.path();
    std::fs::write(d.join("clean.md"), "Nothing to see here.\n").expect("write");
    std::fs::write(d.join("washing.md"), WASHING).expect("write");
    git(d, &["add", "clean.md", "washing.md"]);
    let cache = tempfile::tempdir().expect("cache");
    let bin_dir = binary().parent().expect("bin dir").to_path_buf();
    let path = std::env::join_paths(std::iter::once(bin_dir).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .expect("PATH");
    let try_repo = |file: &str| {
        Command::new("pre-commit")
            .current_dir(d)
            .env("PATH", &path)
            .env("PRE_COMMIT_HOME", cache.path())
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .args(["try-repo"])
            .arg(hooks.path())
            .args(["openclaim-system", "--files", file])
            .output()
            .expect("pre-commit")
    };
    let o = try_repo("clean.md");
    assert!(ok(&o), "{}", text(&o));
    assert!(text(&o).contains("Passed"), "{}", text(&o));
    let o = try_repo("washing.md");
    assert!(!ok(&o), "{}", text(&o));
    let out = text(&o);
    assert!(out.contains("Failed"), "{out}");
    assert!(out.contains("claim about Llama 3.2"), "{out}");
}

#[test]
fn the_hook_definition_names_the_check_command() {
    let yaml = std::fs::read_to_string(Path::new(ROOT).join(".pre-commit-hooks.yaml"))
        .expect("hooks file");
    for line in [
        "- id: openclaim\n",
        "entry: openclaim check\n",
        "language: rust\n",
        "language: system\n",
        "types: [markdown]\n",
    ] {
        assert!(yaml.contains(line), "{line}");
    }
}

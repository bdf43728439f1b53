//! Every kop the suite runs is hermetic: a scratch HOME (and XDG_CONFIG_HOME inside it), a
//! scratch working directory unless the test names one, and a scrubbed environment. Read
//! from the running process itself (/proc), so the check covers what kop really got.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::support::kop::{kop, Kop, Spawned};
use crate::support::{broker, client, unique, wait_for};

/// A kop that waits on its live stdin until the test closes it.
fn waiting_publish(bootstrap: &str) -> Kop {
    let topic = unique("hermetic");
    client::create_topic(bootstrap, &topic, 1, &[]);
    kop(["publish", &topic, "-b", bootstrap]).piped_stdin()
}

/// The environment kop runs with. Read once exec has set it up: the kernel shows an empty
/// environment for a moment after `spawn` returns.
fn environment(process: &Spawned) -> BTreeMap<String, String> {
    let raw = wait_for(
        Duration::from_secs(5),
        "kop's environment in /proc",
        || match std::fs::read(format!("/proc/{}/environ", process.pid())) {
            Ok(raw) if !raw.is_empty() => Ok(raw),
            Ok(_) => Err("empty".to_string()),
            Err(e) => Err(e.to_string()),
        },
    );
    raw.split(|b| *b == 0)
        .filter(|entry| !entry.is_empty())
        .map(|entry| {
            let entry = String::from_utf8_lossy(entry);
            let (k, v) = entry.split_once('=').unwrap_or((&entry, ""));
            (k.to_string(), v.to_string())
        })
        .collect()
}

fn working_dir(process: &Spawned) -> PathBuf {
    std::fs::read_link(format!("/proc/{}/cwd", process.pid())).unwrap()
}

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .canonicalize()
        .unwrap()
}

#[test]
fn a_spawned_kop_gets_a_scratch_home_and_working_dir_and_nothing_else_of_ours() {
    let b = broker::shared();
    let mut publish = waiting_publish(&b.bootstrap())
        .env("KOP_TEST_MARKER", "from-the-test")
        .spawn();
    let env = environment(&publish);
    let home = publish.home().canonicalize().unwrap();
    assert_eq!(
        env.keys().map(String::as_str).collect::<Vec<_>>(),
        vec![
            "COLUMNS",
            "HOME",
            "KOP_TEST_MARKER",
            "NO_COLOR",
            "PATH",
            "TERM",
            "XDG_CONFIG_HOME"
        ],
        "only the scrubbed variables and the test's own"
    );
    assert_eq!(
        (
            env["NO_COLOR"].as_str(),
            env["TERM"].as_str(),
            env["COLUMNS"].as_str()
        ),
        ("1", "dumb", "200")
    );
    assert_eq!(Path::new(&env["HOME"]).canonicalize().unwrap(), home);
    assert_eq!(
        Path::new(&env["XDG_CONFIG_HOME"]),
        Path::new(&env["HOME"]).join(".config")
    );
    let cwd = working_dir(&publish);
    assert_ne!(
        cwd,
        repository(),
        "kop runs where the repository's topics.toml is"
    );
    assert_ne!(cwd, home, "the working dir is not HOME");
    assert!(
        std::fs::read_dir(&cwd).unwrap().next().is_none(),
        "the scratch working dir starts empty"
    );
    publish.close_stdin();
    publish.finish().expect_code(0);
}

#[test]
fn a_kop_given_a_dir_runs_there_with_a_scratch_home_still() {
    let b = broker::shared();
    let dir = tempfile::tempdir().unwrap();
    let mut publish = waiting_publish(&b.bootstrap()).dir(dir.path()).spawn();
    assert_eq!(working_dir(&publish), dir.path().canonicalize().unwrap());
    let env = environment(&publish);
    assert_eq!(
        Path::new(&env["HOME"]).canonicalize().unwrap(),
        publish.home().canonicalize().unwrap()
    );
    publish.close_stdin();
    publish.finish().expect_code(0);
}

/// The repository's own topics.toml would add a "declared topics" check to health.
#[test]
fn no_way_of_running_kop_reads_the_repository_topics_file() {
    let args = ["health", "-b", "127.0.0.1:1", "--timeout", "1s"];
    for run in [
        kop(args).run(),
        kop(args).spawn().finish(),
        kop(args).run_in_terminal(""),
    ] {
        let run = run.expect_code(3);
        assert!(run.stdout.contains("brokers"), "{}", run.stdout);
        assert!(
            !run.stdout.contains("declared topics"),
            "a topics file was read:\n{}",
            run.stdout
        );
    }
}

//! Every `--help` is pinned: a change to the command line shows up as a change to a
//! snapshot under tests/e2e/snapshots/help/, reviewed like code. Refresh them with
//! `scripts/update-help-snapshots.sh` (KOP_UPDATE_SNAPSHOTS=1).

use std::path::PathBuf;

use crate::support::kop::kop;

fn snapshot_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/e2e/snapshots/help")
}

/// The subcommands a help text lists under "Commands:".
fn subcommands(help: &str) -> Vec<String> {
    let Some(start) = help.find("\nCommands:\n") else {
        return Vec::new();
    };
    help[start + "\nCommands:\n".len()..]
        .lines()
        .take_while(|l| l.starts_with("  "))
        // A name sits two spaces in; wrapped descriptions are indented further.
        .filter(|l| !l[2..].starts_with(' '))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_string)
        .collect()
}

/// Every command path, found by walking the help texts from `kop --help` down.
fn every_command() -> Vec<Vec<String>> {
    let mut found = vec![Vec::new()];
    let mut i = 0;
    while i < found.len() {
        let path = found[i].clone();
        let mut args = path.clone();
        args.push("--help".into());
        let help = kop(&args).run().expect_code(0).stdout;
        for sub in subcommands(&help) {
            let mut child = path.clone();
            child.push(sub);
            found.push(child);
        }
        i += 1;
    }
    found
}

#[test]
fn every_help_text_matches_its_snapshot() {
    let update = std::env::var_os("KOP_UPDATE_SNAPSHOTS").is_some();
    let dir = snapshot_dir();
    std::fs::create_dir_all(&dir).unwrap();
    let mut stale = Vec::new();
    let mut expected_files = Vec::new();
    for path in every_command() {
        let name = if path.is_empty() {
            "kop".to_string()
        } else {
            format!("kop-{}", path.join("-"))
        };
        let file = dir.join(format!("{name}.txt"));
        expected_files.push(file.clone());
        let mut args = path.clone();
        args.push("--help".into());
        let help = kop(&args).run().expect_code(0).stdout;
        if update {
            std::fs::write(&file, &help).unwrap();
            continue;
        }
        let pinned = std::fs::read_to_string(&file).unwrap_or_default();
        if pinned != help {
            stale.push(format!("{} ({})", path.join(" "), file.display()));
        }
    }
    for entry in std::fs::read_dir(&dir).unwrap() {
        let file = entry.unwrap().path();
        if !expected_files.contains(&file) {
            stale.push(format!("{} belongs to no command", file.display()));
        }
    }
    assert!(
        stale.is_empty(),
        "help changed; review and run scripts/update-help-snapshots.sh:\n{}",
        stale.join("\n")
    );
}

#[test]
fn global_options_come_after_the_commands_own_and_only_where_they_apply() {
    let publish = kop(["publish", "--help"]).run().expect_code(0).stdout;
    let own = publish.find("--key-field").unwrap();
    let heading = publish.find("Global options:").unwrap();
    let bootstrap = publish.find("--bootstrap").unwrap();
    assert!(own < heading && heading < bootstrap, "{publish}");
    assert!(
        !publish.contains("prometheus"),
        "publish cannot print Prometheus"
    );
    assert!(!publish.contains("--yes"), "publish asks nothing");
    let tail = kop(["tail", "--help"]).run().expect_code(0).stdout;
    assert!(
        tail.contains("ndjson") && !tail.contains("prometheus"),
        "{tail}"
    );
    let lag = kop(["lag", "--help"]).run().expect_code(0).stdout;
    assert!(
        lag.contains("prometheus") && !lag.contains("ndjson"),
        "{lag}"
    );
    let apply = kop(["topics", "apply", "--help"])
        .run()
        .expect_code(0)
        .stdout;
    assert!(apply.contains("--yes"), "{apply}");
    let completions = kop(["completions", "--help"]).run().expect_code(0).stdout;
    assert!(!completions.contains("--bootstrap"), "{completions}");
}

#[test]
fn global_options_work_before_the_command_too() {
    let run = kop(["-F", "nope.toml", "health"]).run().expect_code(1);
    assert!(
        run.stderr.contains("no topics file at nope.toml"),
        "{}",
        run.stderr
    );
}

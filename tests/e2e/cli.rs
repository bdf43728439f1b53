//! The command line itself: help, version, usage errors, completions.

use std::net::TcpListener;

use crate::support::kop::kop;

#[test]
fn help_and_version_touch_no_network() {
    // A listener kop would have to connect to if it reached for the cluster.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let bootstrap = listener.local_addr().unwrap().to_string();
    for args in [
        vec!["--help"],
        vec!["--version"],
        vec!["health", "--help"],
        vec!["topics", "list", "--help"],
    ] {
        let run = kop(args.iter().copied().chain(["-b", bootstrap.as_str()]))
            .run()
            .expect_code(0);
        assert!(!run.stdout.is_empty());
    }
    assert!(
        listener.accept().is_err(),
        "kop connected to the cluster while printing help"
    );
    let run = kop(["--version"]).run().expect_code(0);
    assert_eq!(
        run.stdout.trim(),
        format!("kop {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn usage_errors_exit_2() {
    let run = kop(["frobnicate"]).run().expect_code(2);
    assert!(
        run.stderr.contains("unrecognized subcommand"),
        "{}",
        run.stderr
    );
    kop(["health", "--timeout", "soon"]).run().expect_code(2);
    let run = kop(["topics", "list", "-o", "prometheus"])
        .run()
        .expect_code(2);
    assert!(
        run.stderr.contains("invalid value 'prometheus'")
            && run.stderr.contains("[possible values: table, json]"),
        "{}",
        run.stderr
    );
}

#[test]
fn completions_are_generated_and_the_committed_copies_are_current() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    for (shell, file) in [
        ("bash", "kop.bash"),
        ("zsh", "_kop"),
        ("fish", "kop.fish"),
        ("powershell", "_kop.ps1"),
        ("elvish", "kop.elv"),
    ] {
        let run = kop(["completions", shell]).run().expect_code(0);
        assert!(run.stdout.contains("kop"), "{shell}");
        let committed = std::fs::read_to_string(dir.join(file)).unwrap_or_default();
        assert!(
            committed == run.stdout,
            "completions/{file} is stale: run scripts/update-completions.sh and commit the result"
        );
    }
}

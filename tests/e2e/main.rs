//! kop's integration tests: one binary, one real broker per process (see support/broker.rs).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

mod boundaries;
mod cli;
mod config;
mod config_errors;
mod copy;
mod dlq;
mod dlq_routing;
mod dump;
mod formats_registry;
mod groups;
mod health;
mod help;
mod hermetic;
mod keys_and_partitions;
mod lag;
mod proxy;
mod publish_faults;
mod publish_input;
mod publish_tail;
mod restore;
mod schemas;
mod schemas_check;
mod secrets;
mod tail_output;
mod terminal;
mod tls;
mod topics_apply;
mod topics_describe;
mod topics_list;
mod wrong_answers;

/// Every file in tests/e2e must be a module of this binary, or its tests would never run.
#[test]
fn every_test_file_is_listed() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/e2e");
    let main = std::fs::read_to_string(dir.join("main.rs")).unwrap();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        if stem == "main" || path.is_dir() || path.extension().is_some_and(|e| e != "rs") {
            continue;
        }
        assert!(
            main.contains(&format!("mod {stem};")),
            "tests/e2e/{stem} is not listed in main.rs"
        );
    }
}

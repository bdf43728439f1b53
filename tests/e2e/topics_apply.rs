//! `kop topics apply` against the real broker.

use std::path::Path;
use std::time::Duration;

use crate::support::kop::{kop, Run};
use crate::support::registry::TestRegistry;
use crate::support::{broker, client, unique, wait_until};

fn write_file(dir: &Path, text: &str) {
    std::fs::write(dir.join("topics.toml"), text).unwrap();
}

fn apply(dir: &Path, bootstrap: &str, extra: &[&str]) -> Run {
    let mut args = vec!["topics", "apply", "-b", bootstrap];
    args.extend_from_slice(extra);
    kop(args).dir(dir).run()
}

fn listed(bootstrap: &str) -> serde_json::Value {
    kop(["topics", "list", "-b", bootstrap, "-o", "json"])
        .run()
        .expect_code(0)
        .json()
}

fn topic<'a>(list: &'a serde_json::Value, name: &str) -> Option<&'a serde_json::Value> {
    list.as_array().unwrap().iter().find(|t| t["name"] == name)
}

#[test]
fn apply_from_empty_creates_everything_then_has_nothing_to_do() {
    let b = broker::shared();
    let dir = tempfile::tempdir().unwrap();
    let (orders, events) = (unique("apply.orders"), unique("apply.events"));
    write_file(
        dir.path(),
        &format!(
            r#"
[defaults]
partitions = 2
replication_factor = 1
[topics."{orders}"]
partitions = 3
retention = "7d"
config = {{ "cleanup.policy" = "delete", "max.message.bytes" = "2MiB" }}
[topics."{events}"]
cleanup_policy = ["compact", "delete"]
"#
        ),
    );
    let run = apply(dir.path(), &b.bootstrap(), &[]).expect_code(0);
    assert!(
        run.stdout.contains(&format!(
            "+ {orders}: create with 3 partitions, replication factor 1"
        )),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("    retention.ms = 7d"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("Plan: 2 to create, 0 to change, 0 to delete, 0 impossible."),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("Applied 2 of 2 changes."),
        "{}",
        run.stdout
    );

    let list = listed(&b.bootstrap());
    let o = topic(&list, &orders).unwrap();
    assert_eq!(o["partitions"], 3);
    assert_eq!(o["retention_ms"], "604800000");
    assert_eq!(o["cleanup_policy"], "delete");
    assert_eq!(topic(&list, &events).unwrap()["partitions"], 2);
    assert_eq!(
        topic(&list, &events).unwrap()["cleanup_policy"],
        "compact,delete"
    );

    let again = apply(dir.path(), &b.bootstrap(), &[]).expect_code(0);
    assert!(again.stdout.contains("No changes"), "{}", again.stdout);
    apply(dir.path(), &b.bootstrap(), &["--check"]).expect_code(0);
    let json = kop(["topics", "list", "-b", &b.bootstrap(), "-o", "json"])
        .dir(dir.path())
        .run()
        .json();
    assert_eq!(topic(&json, &orders).unwrap()["drift"], 0);
}

#[test]
fn drift_shows_old_and_new_fails_check_and_converges() {
    let b = broker::shared();
    let name = unique("apply.drift");
    // Another client made the topic with a different retention.
    client::create_topic(&b.bootstrap(), &name, 1, &[("retention.ms", "3600000")]);
    let dir = tempfile::tempdir().unwrap();
    write_file(
        dir.path(),
        &format!("[topics.\"{name}\"]\npartitions = 1\nretention = \"30d\"\n"),
    );

    let check = apply(dir.path(), &b.bootstrap(), &["--check"]).expect_code(3);
    assert!(
        check.stdout.contains(&format!("~ {name}")),
        "{}",
        check.stdout
    );
    assert!(
        check.stdout.contains("retention.ms: 1h → 30d"),
        "{}",
        check.stdout
    );
    let list = kop(["topics", "list", "-b", &b.bootstrap(), "-o", "json"])
        .dir(dir.path())
        .run()
        .json();
    assert_eq!(topic(&list, &name).unwrap()["drift"], 1);

    let json = apply(dir.path(), &b.bootstrap(), &["--dry-run", "-o", "json"])
        .expect_code(0)
        .json();
    assert_eq!(json["changes"][0]["action"], "alter_configs");
    assert_eq!(json["changes"][0]["configs"][0]["old"], "3600000");
    assert_eq!(json["changes"][0]["configs"][0]["new"], "2592000000");
    assert!(json["results"].is_null());

    let run = apply(dir.path(), &b.bootstrap(), &["-o", "json"]).expect_code(0);
    assert_eq!(run.json()["results"][0]["status"], "applied");
    apply(dir.path(), &b.bootstrap(), &["--check"]).expect_code(0);
    assert_eq!(
        topic(&listed(&b.bootstrap()), &name).unwrap()["retention_ms"],
        "2592000000"
    );
}

/// Growing a topic needs CreatePartitions, which the test broker lacks and Apache Kafka
/// has: the test asks the cluster (with a second client, on a scratch topic) and asserts
/// what kop must do either way.
#[test]
fn more_partitions_are_added_where_the_cluster_can_and_otherwise_fail_clearly_changing_nothing() {
    let b = broker::shared();
    let (grow, fresh) = (unique("apply.grow"), unique("apply.fresh"));
    client::create_topic(&b.bootstrap(), &grow, 1, &[("retention.ms", "3600000")]);
    let dir = tempfile::tempdir().unwrap();
    write_file(
        dir.path(),
        &format!("[topics.\"{grow}\"]\npartitions = 3\nretention = \"1d\"\n[topics.\"{fresh}\"]\npartitions = 1\n"),
    );
    let supported = client::supports_create_partitions(&b.bootstrap());
    let run = apply(dir.path(), &b.bootstrap(), &[]);
    // The topic is keyed (the default), so the plan warns either way.
    assert!(
        run.stdout.contains(&format!(
            "{grow}: going from 1 to 3 partitions sends existing keys to other partitions"
        )),
        "{}",
        run.stdout
    );
    let list = listed(&b.bootstrap());
    if supported {
        run.expect_code(0);
        assert_eq!(topic(&list, &grow).unwrap()["partitions"], 3);
        assert_eq!(topic(&list, &grow).unwrap()["retention_ms"], "86400000");
        assert!(topic(&list, &fresh).is_some());
        return;
    }
    let run = run.expect_code(1);
    assert!(
        run.stdout.contains(
            "the cluster does not support CreatePartitions (adding partitions to a topic)"
        ),
        "{}",
        run.stdout
    );
    assert!(run.stderr.contains("nothing was changed"), "{}", run.stderr);
    assert!(
        topic(&list, &fresh).is_none(),
        "a later batch ran after the failure"
    );
    assert_eq!(topic(&list, &grow).unwrap()["retention_ms"], "3600000");
    assert_eq!(topic(&list, &grow).unwrap()["partitions"], 1);
}

#[test]
fn fewer_partitions_or_another_replication_factor_is_a_plan_error() {
    let b = broker::shared();
    let (wide, replicated) = (unique("apply.wide"), unique("apply.rf"));
    client::create_topic(&b.bootstrap(), &wide, 4, &[]);
    client::create_topic(&b.bootstrap(), &replicated, 1, &[]);
    let dir = tempfile::tempdir().unwrap();
    write_file(
        dir.path(),
        &format!("[topics.\"{wide}\"]\npartitions = 2\n[topics.\"{replicated}\"]\npartitions = 1\nreplication_factor = 2\n"),
    );
    let run = apply(dir.path(), &b.bootstrap(), &[]).expect_code(1);
    assert!(
        run.stdout.contains(&format!(
            "! {wide}: it has 4 partitions and Kafka cannot remove partitions"
        )),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains(&format!("! {replicated}: its replication factor is 1")),
        "{}",
        run.stdout
    );
    assert!(run.stderr.contains("nothing was applied"), "{}", run.stderr);
    apply(dir.path(), &b.bootstrap(), &["--check"]).expect_code(3);
}

#[test]
fn deleting_unmanaged_topics_needs_yes_without_a_terminal() {
    let b = broker::dedicated();
    let bootstrap = b.bootstrap();
    for name in ["keep", "legacy.one", "legacy.two", "dlq.old"] {
        client::create_topic(&bootstrap, name, 1, &[]);
    }
    client::create_topic(&bootstrap, "_internal", 1, &[]);
    let dir = tempfile::tempdir().unwrap();
    write_file(
        dir.path(),
        "protect = [\"dlq.*\"]\n[topics.keep]\npartitions = 1\n",
    );

    let run = apply(dir.path(), &bootstrap, &["--delete-unmanaged"]).expect_code(1);
    assert!(
        run.stdout.contains("- legacy.one: delete"),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr.contains("refusing to delete 2 topic(s)"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--yes"), "{}", run.stderr);
    let names = |list: serde_json::Value| -> Vec<String> {
        list.as_array()
            .unwrap()
            .iter()
            .map(|t| t["name"].as_str().unwrap().to_string())
            .collect()
    };
    let all = kop(["topics", "list", "--all", "-b", &bootstrap, "-o", "json"])
        .run()
        .json();
    assert_eq!(
        names(all),
        vec!["_internal", "dlq.old", "keep", "legacy.one", "legacy.two"]
    );

    apply(dir.path(), &bootstrap, &["--delete-unmanaged", "--yes"]).expect_code(0);
    let all = kop(["topics", "list", "--all", "-b", &bootstrap, "-o", "json"])
        .run()
        .json();
    assert_eq!(names(all), vec!["_internal", "dlq.old", "keep"]);
}

#[test]
fn an_invalid_config_anywhere_stops_apply_before_any_change() {
    let b = broker::shared();
    let (good, bad) = (unique("apply.good"), unique("apply.bad"));
    let dir = tempfile::tempdir().unwrap();
    write_file(
        dir.path(),
        &format!("[topics.\"{good}\"]\npartitions = 1\n[topics.\"{bad}\"]\npartitions = 1\nconfig = {{ \"retention.ms\" = \"soon\" }}\n"),
    );
    let run = apply(dir.path(), &b.bootstrap(), &[]).expect_code(1);
    assert!(
        run.stderr
            .contains("topics.toml:5:29: `retention.ms` expects a duration"),
        "{}",
        run.stderr
    );
    assert!(topic(&listed(&b.bootstrap()), &good).is_none());

    write_file(
        dir.path(),
        &format!("[topics.\"{good}\"]\nconfig = {{ \"retention.msec\" = 1 }}\n"),
    );
    let run = apply(dir.path(), &b.bootstrap(), &[]).expect_code(1);
    assert!(
        run.stderr.contains("did you mean `retention.ms`"),
        "{}",
        run.stderr
    );
    assert!(topic(&listed(&b.bootstrap()), &good).is_none());
}

#[test]
fn a_pinned_cluster_id_that_differs_aborts_before_any_change() {
    let b = broker::shared();
    let name = unique("apply.pinned");
    let dir = tempfile::tempdir().unwrap();
    write_file(
        dir.path(),
        &format!("[clusters.prod]\nbootstrap = \"{}\"\ncluster_id = \"prod-7\"\n[topics.\"{name}\"]\npartitions = 1\n", b.bootstrap()),
    );
    let run = kop(["topics", "apply", "--cluster", "prod"])
        .dir(dir.path())
        .run()
        .expect_code(1);
    assert!(
        run.stderr.contains("the profile pins cluster `prod-7`"),
        "{}",
        run.stderr
    );
    assert!(topic(&listed(&b.bootstrap()), &name).is_none());
}

#[test]
fn only_limits_the_plan_to_matching_topics() {
    let b = broker::shared();
    let prefix = unique("apply.only");
    let dir = tempfile::tempdir().unwrap();
    write_file(
        dir.path(),
        &format!(
            "[topics.\"{prefix}.a\"]\npartitions = 1\n[topics.\"{prefix}.b\"]\npartitions = 1\n"
        ),
    );
    apply(
        dir.path(),
        &b.bootstrap(),
        &["--only", &format!("{prefix}.a")],
    )
    .expect_code(0);
    let list = listed(&b.bootstrap());
    assert!(topic(&list, &format!("{prefix}.a")).is_some());
    assert!(topic(&list, &format!("{prefix}.b")).is_none());
}

#[test]
fn schemas_are_registered_in_the_registry_and_incompatible_ones_fail_the_plan() {
    let b = broker::shared();
    let registry = TestRegistry::start();
    let url = registry.url().to_string();
    let name = unique("apply.schema");
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("schemas")).unwrap();
    let schema = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/task_created.avsc"),
    )
    .unwrap();
    std::fs::write(dir.path().join("schemas/task.avsc"), &schema).unwrap();
    write_file(
        dir.path(),
        &format!("[topics.\"{name}\"]\npartitions = 1\nvalue_schema = \"schemas/task.avsc\"\n"),
    );
    let subject = format!("{name}-value");
    let run = apply(dir.path(), &b.bootstrap(), &["--registry", &url]).expect_code(0);
    assert!(
        run.stdout
            .contains(&format!("+ schema {subject}: register")),
        "{}",
        run.stdout
    );
    assert_eq!(registry.versions(&subject), 1);
    let again = apply(dir.path(), &b.bootstrap(), &["--registry", &url, "--check"]).expect_code(0);
    assert!(again.stdout.contains("No changes"), "{}", again.stdout);

    // A new field without a default cannot read the old events: under BACKWARD the
    // registry refuses it, the plan says so with the registry's reason (where it gives
    // one), and nothing is registered.
    registry.set_level(&subject, "BACKWARD");
    let evolved = schema.replacen(
        "\"fields\": [",
        "\"fields\": [\n    {\"name\": \"owner\", \"type\": \"string\"},",
        1,
    );
    std::fs::write(dir.path().join("schemas/task.avsc"), evolved).unwrap();
    let run = apply(dir.path(), &b.bootstrap(), &["--registry", &url]).expect_code(1);
    assert!(
        run.stdout.contains("the registry finds it incompatible"),
        "{}",
        run.stdout
    );
    if registry.explains_incompatibility() {
        // Karapace names the field: `messages: ["owner"]`.
        assert!(run.stdout.contains("incompatible: owner"), "{}", run.stdout);
    }
    assert_eq!(registry.versions(&subject), 1);
}

#[test]
fn compatibility_levels_the_file_declares_are_set_in_the_registry() {
    let b = broker::shared();
    let registry = TestRegistry::start();
    let url = registry.url().to_string();
    let name = unique("apply.level");
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("schemas")).unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/task_created.avsc"),
        dir.path().join("schemas/task.avsc"),
    )
    .unwrap();
    write_file(
        dir.path(),
        &format!("[topics.\"{name}\"]\npartitions = 1\nvalue_schema = \"schemas/task.avsc\"\nvalue_compatibility = \"full_transitive\"\n"),
    );
    let subject = format!("{name}-value");
    let plan = apply(
        dir.path(),
        &b.bootstrap(),
        &["--registry", &url, "--dry-run", "-o", "json"],
    )
    .expect_code(0)
    .json();
    let change = plan["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["action"] == "set_compatibility")
        .unwrap_or_else(|| panic!("no level change in {plan}"))
        .clone();
    assert_eq!(change["subject"], subject.as_str());
    assert_eq!(change["inherited"], true);
    assert_eq!(change["new"], "FULL_TRANSITIVE");

    let run = apply(dir.path(), &b.bootstrap(), &["--registry", &url]).expect_code(0);
    assert!(
        run.stdout.contains(&format!("~ compatibility {subject}: ")),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("→ FULL_TRANSITIVE"), "{}", run.stdout);
    let level = registry.call("GET", &format!("/config/{subject}"), None);
    assert_eq!(
        level.body["compatibilityLevel"], "FULL_TRANSITIVE",
        "{level:?}"
    );
    assert_eq!(registry.versions(&subject), 1);
    let again = apply(dir.path(), &b.bootstrap(), &["--registry", &url, "--check"]).expect_code(0);
    assert!(again.stdout.contains("No changes"), "{}", again.stdout);
}

#[test]
fn wait_lets_apply_start_before_the_cluster() {
    let port = crate::support::free_port();
    let bootstrap = format!("127.0.0.1:{port}");
    let name = unique("apply.wait");
    let dir = tempfile::tempdir().unwrap();
    write_file(
        dir.path(),
        &format!("[topics.\"{name}\"]\npartitions = 1\n"),
    );
    let apply = kop([
        "topics",
        "apply",
        "-b",
        &bootstrap,
        "--wait",
        "30s",
        "--timeout",
        "2s",
    ])
    .dir(dir.path())
    .spawn();
    // The broker comes up only after kop has started waiting for it.
    wait_until(
        Duration::from_secs(15),
        "kop to say it is waiting for the cluster",
        || apply.stderr().contains("waiting for the cluster"),
    );
    let b = broker::start(port, port);
    broker::wait_until_ready(&b, &b.bootstrap());
    let run = apply.finish().expect_code(0);
    assert!(
        run.stderr.contains("waiting for the cluster"),
        "{}",
        run.stderr
    );
    assert!(topic(&listed(&bootstrap), &name).is_some());
}

#[test]
fn on_a_terminal_apply_asks_and_no_means_nothing_changes() {
    let b = broker::dedicated();
    let bootstrap = b.bootstrap();
    client::create_topic(&bootstrap, "legacy", 1, &[]);
    let dir = tempfile::tempdir().unwrap();
    write_file(dir.path(), "[topics.keep]\npartitions = 1\n");
    let args = [
        "topics",
        "apply",
        "-b",
        bootstrap.as_str(),
        "--delete-unmanaged",
    ];

    let run = kop(args)
        .dir(dir.path())
        .run_in_terminal("n\n")
        .expect_code(1);
    assert!(
        run.stdout.contains("deleting 1 topic(s) and their data?"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("not applied: the answer was no"),
        "{}",
        run.stdout
    );
    let list = listed(&bootstrap);
    assert!(topic(&list, "legacy").is_some() && topic(&list, "keep").is_none());

    kop(args)
        .dir(dir.path())
        .run_in_terminal("y\n")
        .expect_code(0);
    let list = listed(&bootstrap);
    assert!(topic(&list, "legacy").is_none() && topic(&list, "keep").is_some());
}

#[test]
fn ctrl_c_or_ctrl_d_at_the_question_changes_nothing_and_leaves_the_terminal_as_it_was() {
    use std::io::Write;
    let b = broker::dedicated();
    let bootstrap = b.bootstrap();
    client::create_topic(&bootstrap, "legacy", 1, &[]);
    let dir = tempfile::tempdir().unwrap();
    write_file(dir.path(), "[topics.keep]\npartitions = 1\n");
    let args = [
        "topics",
        "apply",
        "-b",
        bootstrap.as_str(),
        "--delete-unmanaged",
    ];
    for (key, code, said) in [
        ("\x03", 130, "stopped at the question; nothing was changed"),
        ("\x04", 1, "not applied: the answer was no"),
    ] {
        let mut asking = kop(args).dir(dir.path()).spawn_in_terminal();
        crate::support::wait_until(Duration::from_secs(20), "the question", || {
            asking.stdout().contains("[y/N]")
        });
        asking.stdin().write_all(key.as_bytes()).unwrap();
        asking.stdin().flush().unwrap();
        let run = asking.finish();
        assert_eq!(run.code, code, "{key:?}: {run:#?}");
        assert!(run.stdout.contains(said), "{key:?}: {}", run.stdout);
        assert!(
            !run.stdout.contains("\x1b[?25l"),
            "{key:?}: nothing hides the cursor: {:?}",
            run.stdout
        );
        let list = listed(&bootstrap);
        assert!(topic(&list, "legacy").is_some() && topic(&list, "keep").is_none());
    }
}

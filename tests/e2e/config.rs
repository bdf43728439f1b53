//! Contexts outside a repository: the user config (`~/.config/kop/config.toml`) and its
//! `current` profile, `kop config list/use/show`, and how the user config, topics.toml and
//! the environment take turns.

use std::path::PathBuf;

use crate::support::broker;
use crate::support::kop::{kop, Kop};

/// A HOME of the test's own (the runner's scratch HOME is gone when kop ends), with
/// XDG_CONFIG_HOME unset so that kop looks in `~/.config`.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn empty() -> Home {
        Home {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn with_config(text: &str) -> Home {
        let home = Home::empty();
        std::fs::create_dir_all(home.config().parent().unwrap()).unwrap();
        std::fs::write(home.config(), text).unwrap();
        home
    }

    fn config(&self) -> PathBuf {
        self.dir.path().join(".config/kop/config.toml")
    }

    fn read(&self) -> String {
        std::fs::read_to_string(self.config()).unwrap()
    }

    fn kop<const N: usize>(&self, args: [&str; N]) -> Kop {
        kop(args)
            .env("HOME", self.dir.path().to_str().unwrap())
            // Empty counts as unset.
            .env("XDG_CONFIG_HOME", "")
    }
}

fn topics_dir(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("topics.toml"), text).unwrap();
    dir
}

#[test]
fn health_reaches_the_current_user_profile_from_any_directory_without_a_topics_file() {
    let b = broker::shared();
    let home = Home::with_config(&format!(
        "current = \"local\"\n\n[clusters.local]\nbootstrap = \"{}\"\n",
        b.bootstrap()
    ));
    let elsewhere = tempfile::tempdir().unwrap();
    for run in [
        home.kop(["health", "-o", "json"]).run(),
        home.kop(["health", "-o", "json"])
            .dir(elsewhere.path())
            .run(),
    ] {
        let run = run.expect_code(0);
        let json = run.json();
        assert_eq!(json["status"], "healthy", "{json}");
        assert_eq!(json["brokers"][0]["address"], b.bootstrap());
        assert!(run.stderr.is_empty(), "{}", run.stderr);
    }
}

#[test]
fn xdg_config_home_and_kop_config_say_where_the_user_config_is() {
    let xdg = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(xdg.path().join("kop")).unwrap();
    let at_xdg = xdg.path().join("kop/config.toml");
    std::fs::write(
        &at_xdg,
        "current = \"x\"\n[clusters.x]\nbootstrap = \"x:1\"\n",
    )
    .unwrap();
    let home = Home::with_config("current = \"h\"\n[clusters.h]\nbootstrap = \"h:1\"\n");
    let show = |k: Kop| k.run().expect_code(0).json();
    let json = show(home.kop(["config", "show", "-o", "json"]));
    assert_eq!(json["settings"]["bootstrap"]["value"], "h:1");
    let json = show(
        home.kop(["config", "show", "-o", "json"])
            .env("XDG_CONFIG_HOME", xdg.path().to_str().unwrap()),
    );
    assert_eq!(json["settings"]["bootstrap"]["value"], "x:1");
    assert_eq!(json["user_config"]["path"], at_xdg.to_str().unwrap());
    assert_eq!(json["user_config"]["source"]["name"], "XDG_CONFIG_HOME");
    let json = show(
        home.kop(["config", "show", "-o", "json"])
            .env("KOP_CONFIG", at_xdg.to_str().unwrap()),
    );
    assert_eq!(json["settings"]["bootstrap"]["value"], "x:1");
    let missing = home
        .kop(["health"])
        .env("KOP_CONFIG", "/nonexistent/kop.toml")
        .run()
        .expect_code(1);
    assert!(
        missing
            .stderr
            .contains("no user config at /nonexistent/kop.toml (KOP_CONFIG)"),
        "{}",
        missing.stderr
    );
}

const PROD: &str = r#"current = "prod"

[clusters.prod]
bootstrap = "127.0.0.1:1"
security_protocol = "SASL_SSL"
sasl_mechanism = "SCRAM-SHA-512"
sasl_username = "ops"
sasl_password_env = "PROD_KAFKA_PASSWORD"
ssl_ca_file = "certs/prod-ca.pem"
schema_registry = "https://registry.prod.invalid:8081"
schema_registry_username = "sr-ops"
schema_registry_password_env = "PROD_REGISTRY_PASSWORD"
properties = { "client.id" = "kop-prod" }
"#;

const SASL_PASSWORD: &str = "sasl-pw-never-shown-4c1d";
const REGISTRY_PASSWORD: &str = "registry-pw-never-shown-77ae";
const KEY_PASSWORD: &str = "key-pw-never-shown-0b9e";

fn with_prod_secrets(k: Kop) -> Kop {
    k.env("PROD_KAFKA_PASSWORD", SASL_PASSWORD)
        .env("PROD_REGISTRY_PASSWORD", REGISTRY_PASSWORD)
        .env("KAFKA_SSL_KEY_PASSWORD", KEY_PASSWORD)
}

#[test]
fn config_show_lists_every_setting_with_its_source_and_no_secret() {
    let home = Home::with_config(PROD);
    let user_file = home.config().to_str().unwrap().to_string();
    // The profile's broker does not exist: show needs no network.
    let json_run = with_prod_secrets(home.kop([
        "config",
        "show",
        "-o",
        "json",
        "-X",
        "linger.ms=5",
        "--timeout",
        "3s",
    ]))
    .run()
    .expect_code(0);
    let json = json_run.json();
    let names: Vec<&String> = json["settings"].as_object().unwrap().keys().collect();
    assert_eq!(
        names,
        vec![
            "bootstrap",
            "security_protocol",
            "sasl_mechanism",
            "sasl_username",
            "sasl_password",
            "ssl_ca_file",
            "ssl_cert_file",
            "ssl_key_file",
            "ssl_key_password",
            "schema_registry",
            "schema_registry_username",
            "schema_registry_password",
            "schema_registry_bearer_token",
            "partitioner",
            "cluster_id",
            "timeout"
        ]
    );
    let setting = |name: &str| &json["settings"][name];
    let prod = serde_json::json!({"kind": "profile", "name": "prod", "file": user_file});
    assert_eq!(setting("bootstrap")["value"], "127.0.0.1:1");
    assert_eq!(setting("bootstrap")["source"], prod);
    assert_eq!(setting("security_protocol")["value"], "SASL_SSL");
    assert_eq!(setting("sasl_mechanism")["value"], "SCRAM-SHA-512");
    assert_eq!(setting("sasl_username")["value"], "ops");
    assert_eq!(
        setting("sasl_password"),
        &serde_json::json!({
            "value": null,
            "set": true,
            "secret": true,
            "source": {
                "kind": "profile_env",
                "name": "PROD_KAFKA_PASSWORD",
                "profile": "prod",
                "file": user_file
            },
            "overrides_profile": false
        })
    );
    assert_eq!(
        setting("ssl_ca_file")["value"],
        home.dir
            .path()
            .join(".config/kop/certs/prod-ca.pem")
            .to_str()
            .unwrap(),
        "relative to the user config"
    );
    assert_eq!(
        setting("ssl_key_password")["source"],
        serde_json::json!({"kind": "env", "name": "KAFKA_SSL_KEY_PASSWORD"})
    );
    assert_eq!(
        setting("schema_registry")["value"],
        "https://registry.prod.invalid:8081"
    );
    assert_eq!(setting("schema_registry_username")["value"], "sr-ops");
    assert_eq!(setting("schema_registry_password")["set"], true);
    assert_eq!(setting("partitioner")["source"]["kind"], "default");
    assert_eq!(setting("cluster_id")["set"], false);
    assert_eq!(setting("timeout")["value"], "3s");
    assert_eq!(
        setting("timeout")["source"],
        serde_json::json!({"kind": "flag", "name": "--timeout"})
    );
    assert_eq!(
        json["properties"],
        serde_json::json!([
            {"name": "client.id", "value": "kop-prod", "source": prod},
            {"name": "linger.ms", "value": "5", "source": {"kind": "flag", "name": "-X"}}
        ])
    );
    assert_eq!(
        json["profile"]["chosen_by"],
        serde_json::json!({"kind": "current", "file": user_file})
    );
    assert_eq!(json["topics_file"]["found"], false);

    let table_run = with_prod_secrets(home.kop(["config", "show"]))
        .run()
        .expect_code(0);
    let row = |name: &str| {
        table_run
            .stdout
            .lines()
            .find(|l| l.starts_with(&format!("{name} ")))
            .unwrap_or_else(|| panic!("no {name} row:\n{}", table_run.stdout))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(
        row("sasl_password"),
        "sasl_password set (hidden) $PROD_KAFKA_PASSWORD, named by profile `prod`"
    );
    assert_eq!(
        row("profile"),
        format!("profile prod ({user_file}) current in {user_file}")
    );
    assert_eq!(
        row("topics file"),
        "topics file none at ./topics.toml built-in default"
    );
    assert_eq!(
        row("property client.id"),
        "property client.id kop-prod profile `prod`"
    );
    for run in [&json_run, &table_run] {
        for secret in [SASL_PASSWORD, REGISTRY_PASSWORD, KEY_PASSWORD] {
            assert!(!run.stdout.contains(secret), "{}", run.stdout);
            assert!(!run.stderr.contains(secret), "{}", run.stderr);
        }
    }
}

#[test]
fn config_show_shows_contradicting_settings_before_refusing_them() {
    let run = kop(["config", "show"])
        .env("KAFKA_SASL_USERNAME", "ops")
        .env("KAFKA_SASL_PASSWORD", SASL_PASSWORD)
        .run()
        .expect_code(1);
    assert!(
        run.stdout.contains("$KAFKA_SASL_USERNAME"),
        "the table says where the credentials come from:\n{}",
        run.stdout
    );
    assert!(
        run.stderr
            .contains("SASL credentials are set but the security protocol is PLAINTEXT"),
        "{}",
        run.stderr
    );
    assert!(!run.stdout.contains(SASL_PASSWORD) && !run.stderr.contains(SASL_PASSWORD));
}

#[test]
fn verbose_runs_print_every_setting_and_its_source() {
    let run = kop([
        "-v",
        "topics",
        "list",
        "-b",
        "127.0.0.1:1",
        "--timeout",
        "1s",
    ])
    .run()
    .expect_code(1);
    let line = |name: &str| {
        run.stderr
            .lines()
            .find(|l| l.starts_with(&format!("debug: {name} ")))
            .unwrap_or_else(|| panic!("no {name} line:\n{}", run.stderr))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(
        line("bootstrap"),
        "debug: bootstrap 127.0.0.1:1 --bootstrap"
    );
    assert_eq!(
        line("security_protocol"),
        "debug: security_protocol PLAINTEXT built-in default"
    );
    assert_eq!(line("timeout"), "debug: timeout 1s --timeout");
    assert_eq!(line("profile"), "debug: profile none -");
}

#[test]
fn config_use_sets_current_and_keeps_the_rest_of_the_file() {
    let original = "# my clusters\n\n# the laptop\n[clusters.local]\nbootstrap = \"localhost:9092\" # plaintext\n\n[clusters.staging]\nbootstrap = \"kafka.staging:9093\"\n";
    let home = Home::with_config(original);
    let run = home.kop(["config", "use", "staging"]).run().expect_code(0);
    assert_eq!(
        home.read(),
        original.replace(
            "# my clusters\n\n",
            "# my clusters\n\ncurrent = \"staging\"\n\n"
        )
    );
    assert!(
        run.stderr
            .starts_with("current profile: `staging`; updated "),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty());

    home.kop(["config", "use", "local"]).run().expect_code(0);
    assert_eq!(
        home.read(),
        original.replace(
            "# my clusters\n\n",
            "# my clusters\n\ncurrent = \"local\"\n\n"
        )
    );
    let listed = home
        .kop(["config", "list", "-o", "json"])
        .run()
        .expect_code(0)
        .json();
    assert_eq!(listed["current"], "local");

    let before = home.read();
    let refused = home.kop(["config", "use", "prod"]).run().expect_code(1);
    assert!(
        refused.stderr.contains(&format!(
            "kop config use prod: no such profile; no topics file (./topics.toml, KOP_FILE); {} has: local, staging",
            home.config().display()
        )),
        "{}",
        refused.stderr
    );
    assert_eq!(home.read(), before, "a refused name changes nothing");
}

#[test]
fn config_use_creates_the_user_config_only_for_a_profile_that_exists() {
    let home = Home::empty();
    let repo = topics_dir("[clusters.repo]\nbootstrap = \"127.0.0.1:1\"\n");
    home.kop(["config", "use", "ghost"])
        .dir(repo.path())
        .run()
        .expect_code(1);
    assert!(
        !home.config().exists(),
        "nothing is created for a missing profile"
    );

    let run = home
        .kop(["config", "use", "repo"])
        .dir(repo.path())
        .run()
        .expect_code(0);
    assert_eq!(home.read(), "current = \"repo\"\n");
    assert!(
        run.stderr
            .contains("warning: `repo` is a profile of ./topics.toml"),
        "a topics-file profile does not exist elsewhere: {}",
        run.stderr
    );

    // Elsewhere, `current` names nothing: an error that says where it was set.
    let elsewhere = home.kop(["health"]).run().expect_code(1);
    assert!(
        elsewhere.stderr.starts_with(&format!(
            "error: current = \"repo\" in {}: no such profile; no topics file (./topics.toml, KOP_FILE)",
            home.config().display()
        )),
        "{}",
        elsewhere.stderr
    );
    assert!(
        elsewhere.stderr.contains("kop config use NAME"),
        "{}",
        elsewhere.stderr
    );
}

#[test]
fn config_list_shows_both_files_hidden_profiles_and_the_one_in_use() {
    let home = Home::with_config(
        "current = \"local\"\n[clusters.local]\nbootstrap = \"user-local:9092\"\n[clusters.staging]\nbootstrap = \"kafka.staging:9093\"\n",
    );
    let repo = topics_dir(
        "[clusters.local]\nbootstrap = \"repo-local:9092\"\nschema_registry = \"http://localhost:8081\"\n[clusters.prod]\nbootstrap = \"kafka.prod:9093\"\n",
    );
    let json = home
        .kop(["config", "list", "-o", "json"])
        .dir(repo.path())
        .run()
        .expect_code(0)
        .json();
    let rows: Vec<(String, String, bool, bool)> = json["profiles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["name"].as_str().unwrap().to_string(),
                p["declared_in"].as_str().unwrap().to_string(),
                p["in_use"].as_bool().unwrap(),
                p["hidden"].as_bool().unwrap(),
            )
        })
        .collect();
    let row = |n: &str, f: &str, u, h| (n.to_string(), f.to_string(), u, h);
    assert_eq!(
        rows,
        vec![
            row("local", "topics_file", true, false),
            row("prod", "topics_file", false, false),
            row("local", "user_config", false, true),
            row("staging", "user_config", false, false),
        ]
    );
    assert_eq!(
        json["profiles"][0]["schema_registry"],
        "http://localhost:8081"
    );

    let table = home
        .kop(["config", "list"])
        .dir(repo.path())
        .env("KOP_CLUSTER", "staging")
        .env("KAFKA_BOOTSTRAP_SERVERS", "elsewhere:9092")
        .run()
        .expect_code(0);
    let in_use: Vec<&str> = table
        .stdout
        .lines()
        .filter(|l| l.starts_with('*'))
        .collect();
    assert_eq!(in_use.len(), 1, "{}", table.stdout);
    assert!(in_use[0].contains("staging"), "{}", table.stdout);
    assert!(
        table
            .stderr
            .contains("in use: `staging`, chosen by $KOP_CLUSTER over current = \"local\""),
        "{}",
        table.stderr
    );
    assert!(
        table
            .stderr
            .contains("set in the environment, over any profile's value: KAFKA_BOOTSTRAP_SERVERS"),
        "{}",
        table.stderr
    );
}

#[test]
fn a_topics_file_profile_wins_over_the_user_profile_of_the_same_name() {
    let b = broker::shared();
    let home =
        Home::with_config("current = \"local\"\n[clusters.local]\nbootstrap = \"127.0.0.1:1\"\n");
    let repo = topics_dir(&format!(
        "[clusters.local]\nbootstrap = \"{}\"\n",
        b.bootstrap()
    ));
    let json = home
        .kop(["health", "-o", "json"])
        .dir(repo.path())
        .run()
        .expect_code(0)
        .json();
    assert_eq!(json["status"], "healthy", "{json}");
    // Outside the repository, the user's `local` is the one.
    let show = home
        .kop(["config", "show", "-o", "json"])
        .run()
        .expect_code(0)
        .json();
    assert_eq!(show["settings"]["bootstrap"]["value"], "127.0.0.1:1");
}

#[test]
fn an_exported_kop_cluster_naming_a_missing_profile_is_an_error_naming_the_variable() {
    let home = Home::empty();
    let run = home
        .kop(["health"])
        .env("KOP_CLUSTER", "prod")
        .run()
        .expect_code(1);
    assert!(
        run.stderr.starts_with(&format!(
            "error: KOP_CLUSTER=prod: no such profile; no topics file (./topics.toml, KOP_FILE); no user config ({})",
            home.config().display()
        )),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("hint: `kop config list`"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("declares no"), "{}", run.stderr);
    assert!(run.stdout.is_empty());
}

#[test]
fn the_environment_overriding_a_profile_chosen_with_cluster_is_a_warning() {
    let b = broker::shared();
    let home = Home::with_config("[clusters.prod]\nbootstrap = \"127.0.0.1:1\"\n");
    let run = home
        .kop(["health", "--cluster", "prod", "-o", "json"])
        .env("KAFKA_BOOTSTRAP_SERVERS", &b.bootstrap())
        .run()
        .expect_code(0);
    assert_eq!(
        run.json()["brokers"][0]["address"],
        b.bootstrap(),
        "the environment wins"
    );
    assert_eq!(
        run.stderr.lines().collect::<Vec<_>>(),
        vec![format!(
            "warning: the environment overrides profile `prod` ({}) chosen with --cluster: KAFKA_BOOTSTRAP_SERVERS (bootstrap); unset it to use the profile's",
            home.config().display()
        )]
    );
    // A profile chosen by the environment itself, or no profile: no warning.
    for k in [
        home.kop(["health", "-o", "json"])
            .env("KOP_CLUSTER", "prod"),
        home.kop(["health", "-o", "json"]),
    ] {
        let run = k
            .env("KAFKA_BOOTSTRAP_SERVERS", &b.bootstrap())
            .run()
            .expect_code(0);
        assert!(run.stderr.is_empty(), "{}", run.stderr);
    }
}

#[test]
fn a_json_list_in_kafka_bootstrap_servers_is_accepted() {
    let b = broker::shared();
    let run = kop(["health", "-o", "json"])
        .env(
            "KAFKA_BOOTSTRAP_SERVERS",
            &format!("[\"{}\"]", b.bootstrap()),
        )
        .run()
        .expect_code(0);
    assert_eq!(run.json()["brokers"][0]["address"], b.bootstrap());
}

#[test]
fn a_bad_user_config_names_file_line_and_column_before_any_connection() {
    let home = Home::with_config("[clusters.local]\nbootstrp = \"localhost:9092\"\n");
    let run = home.kop(["health"]).run().expect_code(1);
    let at = format!("{}:2:1:", home.config().display());
    assert!(run.stderr.contains(&at), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("unknown key `bootstrp`: did you mean `bootstrap`?"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("Connect to"), "{}", run.stderr);
    // `kop config use` refuses to edit it.
    home.kop(["config", "use", "local"]).run().expect_code(1);
    assert_eq!(
        home.read(),
        "[clusters.local]\nbootstrp = \"localhost:9092\"\n"
    );
}

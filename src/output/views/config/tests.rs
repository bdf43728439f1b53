use std::path::PathBuf;

use super::*;
use crate::core::provenance::{
    ClientDefault, ListedProfile, ProfileListing, ProfileRef, PropertyLine, Setting, SettingLine,
    SettingsReport, Shown,
};
use crate::output::test_support::assert_aligned;
use crate::output::Format;

fn user_file() -> PathBuf {
    PathBuf::from("/home/ops/.config/kop/config.toml")
}

fn origin(path: PathBuf, found: bool, source: Source) -> FileOrigin {
    FileOrigin {
        path,
        found,
        source,
    }
}

fn listing() -> ProfileListing {
    let listed = |name, bootstrap, registry| ListedProfile {
        name,
        bootstrap: Some(bootstrap),
        schema_registry: registry,
    };
    ProfileListing::build(
        (
            origin("topics.toml".into(), true, Source::Default),
            vec![
                listed("local", "localhost:9092", Some("http://localhost:8081")),
                listed(
                    "prod",
                    "kafka-1.prod.internal:9093,kafka-2.prod.internal:9093",
                    None,
                ),
            ],
        ),
        Some((
            origin(user_file(), true, Source::Env("HOME")),
            vec![
                listed("local", "localhost:19092", None),
                listed("staging", "kafka.staging:9093", None),
            ],
        )),
        Some("staging".into()),
        Some(("prod".into(), Source::Env("KOP_CLUSTER"))),
        vec!["KAFKA_BOOTSTRAP_SERVERS"],
    )
}

#[test]
fn the_profile_list_lines_up_on_a_colour_terminal_at_80_and_120_columns() {
    for width in [80, 120] {
        let (mut out, captured) = Output::terminal(Format::Table, width);
        render_list(&mut out, &listing()).unwrap();
        let text = captured.stdout();
        assert!(text.contains("\u{1b}["), "colour is on");
        assert_aligned(&text, width);
        let plain = console::strip_ansi_codes(&text).into_owned();
        let lines: Vec<&str> = plain.lines().collect();
        assert!(lines[0].starts_with("CURRENT  NAME"), "{plain}");
        assert!(
            lines.iter().any(|l| l.starts_with("*        prod")),
            "{plain}"
        );
        assert!(plain.contains("./topics.toml"), "{plain}");
        let notes = captured.stderr();
        assert!(
            notes.contains("in use: `prod`, chosen by $KOP_CLUSTER over current = \"staging\""),
            "{notes}"
        );
        assert!(
            notes.contains("`local` of /home/ops/.config/kop/config.toml is hidden"),
            "{notes}"
        );
        assert!(
            notes.contains("over any profile's value: KAFKA_BOOTSTRAP_SERVERS"),
            "{notes}"
        );
    }
}

#[test]
fn the_profile_list_json_says_where_each_profile_is_and_which_is_in_use() {
    let (mut out, captured) = Output::buffered(Format::Json);
    render_list(&mut out, &listing()).unwrap();
    let json: serde_json::Value = serde_json::from_str(&captured.stdout()).unwrap();
    assert_eq!(json["profiles"].as_array().unwrap().len(), 4);
    assert_eq!(
        json["profiles"][2],
        serde_json::json!({
            "name": "local",
            "file": "/home/ops/.config/kop/config.toml",
            "declared_in": "user_config",
            "bootstrap": "localhost:19092",
            "schema_registry": null,
            "in_use": false,
            "current": false,
            "hidden": true
        })
    );
    assert_eq!(json["profiles"][1]["in_use"], true);
    assert_eq!(json["current"], "staging");
    assert_eq!(
        json["selected"],
        serde_json::json!({
            "name": "prod",
            "chosen_by": {"kind": "env", "name": "KOP_CLUSTER"},
            "declared": true
        })
    );
    assert_eq!(
        json["environment_overrides"],
        serde_json::json!(["KAFKA_BOOTSTRAP_SERVERS"])
    );
    assert_eq!(
        json["topics_file"],
        serde_json::json!({"path": "topics.toml", "found": true, "source": {"kind": "default"}})
    );
    assert_eq!(json["user_config"]["source"]["name"], "HOME");
}

#[test]
fn an_empty_list_says_where_profiles_would_be() {
    let listing = ProfileListing::build(
        (origin("topics.toml".into(), false, Source::Default), vec![]),
        Some((origin(user_file(), false, Source::Env("HOME")), vec![])),
        None,
        None,
        vec![],
    );
    let (mut out, captured) = Output::buffered(Format::Table);
    render_list(&mut out, &listing).unwrap();
    assert_eq!(captured.stdout(), "");
    assert!(
        captured.stderr().starts_with(
            "no cluster profiles: no topics file (./topics.toml, KOP_FILE); no user config (/home/ops/.config/kop/config.toml)"
        ),
        "{}",
        captured.stderr()
    );
}

fn report() -> SettingsReport {
    let prod = ProfileRef {
        name: "prod".into(),
        file: "topics.toml".into(),
    };
    let line = |setting, value, source: Option<Source>, overrides_profile| SettingLine {
        setting,
        value,
        source,
        overrides_profile,
    };
    let value = |v: &str| Shown::Value(v.into());
    SettingsReport {
        topics_file: origin("topics.toml".into(), true, Source::Default),
        user_config: Some(origin(user_file(), false, Source::Env("XDG_CONFIG_HOME"))),
        profile: Some(ProfileChoice {
            profile: prod.clone(),
            chosen_by: Source::Flag("--cluster"),
        }),
        settings: vec![
            line(
                Setting::Bootstrap,
                value("localhost:9092"),
                Some(Source::Env("KAFKA_BOOTSTRAP_SERVERS")),
                true,
            ),
            line(
                Setting::SecurityProtocol,
                value("SASL_SSL"),
                Some(Source::Profile(prod.clone())),
                false,
            ),
            line(
                Setting::SaslPassword,
                Shown::Secret,
                Some(Source::ProfileEnv {
                    var: "PROD_KAFKA_PASSWORD".into(),
                    profile: prod.clone(),
                }),
                false,
            ),
            line(Setting::SslKeyPassword, Shown::Unset, None, false),
            line(Setting::Timeout, value("10s"), Some(Source::Default), false),
        ],
        properties: vec![PropertyLine {
            name: "client.id".into(),
            value: "kop-prod".into(),
            source: Source::Profile(prod),
        }],
        client_defaults: vec![ClientDefault {
            role: "producer",
            name: "compression.type",
            value: "lz4".into(),
        }],
        overrides: vec![EnvOverride {
            variable: "KAFKA_BOOTSTRAP_SERVERS",
            setting: Setting::Bootstrap,
        }],
    }
}

#[test]
fn the_settings_table_lines_up_on_a_colour_terminal_at_80_and_120_columns() {
    for width in [80, 120] {
        let (mut out, captured) = Output::terminal(Format::Table, width);
        render_show(&mut out, &report()).unwrap();
        let text = captured.stdout();
        assert!(text.contains("\u{1b}["), "colour is on");
        assert_aligned(&text, width);
        let plain = console::strip_ansi_codes(&text).into_owned();
        let row = |name: &str| {
            plain
                .lines()
                .find(|l| l.starts_with(&format!("{name} ")))
                .unwrap_or_else(|| panic!("no {name} row in {plain}"))
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(
            row("topics file"),
            "topics file ./topics.toml built-in default"
        );
        if width == 120 {
            assert_eq!(
                row("user config"),
                "user config none at /home/ops/.config/kop/config.toml $XDG_CONFIG_HOME"
            );
            assert_eq!(
                row("sasl_password"),
                "sasl_password set (hidden) $PROD_KAFKA_PASSWORD, named by profile `prod`"
            );
            assert_eq!(
                row("bootstrap"),
                "bootstrap localhost:9092 $KAFKA_BOOTSTRAP_SERVERS, over the profile's"
            );
        }
        assert_eq!(row("profile"), "profile prod (./topics.toml) --cluster");
        assert_eq!(row("ssl_key_password"), "ssl_key_password - -");
        assert!(row("property client.id").starts_with("property client.id kop-prod profile"));
    }
}

#[test]
fn the_settings_json_has_every_setting_by_name_and_no_secret_value() {
    let (mut out, captured) = Output::buffered(Format::Json);
    render_show(&mut out, &report()).unwrap();
    let json: serde_json::Value = serde_json::from_str(&captured.stdout()).unwrap();
    let names: Vec<&String> = json["settings"].as_object().unwrap().keys().collect();
    assert_eq!(
        names,
        vec![
            "bootstrap",
            "security_protocol",
            "sasl_password",
            "ssl_key_password",
            "timeout"
        ],
        "in the report's order"
    );
    assert_eq!(
        json["settings"]["bootstrap"],
        serde_json::json!({
            "value": "localhost:9092",
            "set": true,
            "secret": false,
            "source": {"kind": "env", "name": "KAFKA_BOOTSTRAP_SERVERS"},
            "overrides_profile": true
        })
    );
    assert_eq!(
        json["settings"]["sasl_password"],
        serde_json::json!({
            "value": null,
            "set": true,
            "secret": true,
            "source": {
                "kind": "profile_env",
                "name": "PROD_KAFKA_PASSWORD",
                "profile": "prod",
                "file": "topics.toml"
            },
            "overrides_profile": false
        })
    );
    assert_eq!(
        json["settings"]["ssl_key_password"]["set"],
        serde_json::Value::Bool(false)
    );
    assert_eq!(
        json["profile"],
        serde_json::json!({
            "name": "prod",
            "file": "topics.toml",
            "chosen_by": {"kind": "flag", "name": "--cluster"}
        })
    );
    assert_eq!(
        json["properties"],
        serde_json::json!([{
            "name": "client.id",
            "value": "kop-prod",
            "source": {"kind": "profile", "name": "prod", "file": "topics.toml"}
        }])
    );
    assert_eq!(
        json["environment_overrides"],
        serde_json::json!([{"variable": "KAFKA_BOOTSTRAP_SERVERS", "setting": "bootstrap"}])
    );
    assert_eq!(json["user_config"]["found"], false);
}

#[test]
fn verbose_runs_print_the_settings_table_on_stderr() {
    let (mut out, captured) = Output::buffered(Format::Json);
    out.verbosity = crate::output::Verbosity::Verbose;
    debug_report(&out, &report());
    assert_eq!(captured.stdout(), "");
    let text = captured.stderr();
    assert!(text.starts_with("debug: SETTING"), "{text}");
    assert!(text.contains("debug: bootstrap "), "{text}");
    let (quiet, captured) = Output::buffered(Format::Table);
    debug_report(&quiet, &report());
    assert_eq!(captured.stderr(), "", "only with -v");
}

#[test]
fn the_override_warning_names_each_variable_and_the_profile() {
    let report = report();
    let (out, captured) = Output::buffered(Format::Table);
    let choice = report.profile.as_ref().unwrap();
    warn_overrides(&out, choice, &report.overrides);
    assert_eq!(
        captured.stderr(),
        "warning: the environment overrides profile `prod` (./topics.toml) chosen with --cluster: KAFKA_BOOTSTRAP_SERVERS (bootstrap); unset it to use the profile's\n"
    );
    let (out, captured) = Output::buffered(Format::Table);
    warn_overrides(&out, choice, &[]);
    assert_eq!(captured.stderr(), "");
}

#[test]
fn switching_says_what_changed_and_warns_where_current_will_not_apply() {
    let (out, captured) = Output::buffered(Format::Table);
    render_switch(
        &out,
        &ProfileSwitch {
            name: "prod".into(),
            declared_in: "topics.toml".into(),
            topics_file_only: true,
            user_config: user_file(),
            created: true,
            previous: None,
            kop_cluster: Some("dev".into()),
        },
    );
    let text = captured.stderr();
    assert!(
        text.starts_with("current profile: `prod`; created /home/ops/.config/kop/config.toml\n"),
        "{text}"
    );
    assert!(
        text.contains("warning: `prod` is a profile of ./topics.toml"),
        "{text}"
    );
    assert!(text.contains("warning: KOP_CLUSTER=dev is set"), "{text}");
}

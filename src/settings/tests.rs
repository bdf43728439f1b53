use std::collections::HashMap;
use std::io::Write as _;

use super::*;
use crate::core::provenance::{ProfileRef, Shown};
use std::path::Path;

fn flags() -> Flags {
    Flags {
        file: Some(PathBuf::from("/nonexistent/kop/topics.toml")),
        ..Flags::default()
    }
}

fn no_file() -> Flags {
    Flags {
        file: None,
        default_file: PathBuf::from("/nonexistent/kop/default-topics.toml"),
        ..flags()
    }
}

fn resolve(flags: &Flags, env: &[(&str, &str)]) -> Result<Settings, SettingsError> {
    let env: HashMap<&str, &str> = env.iter().copied().collect();
    resolve_in(flags, &env, &Redactor::default())
}

/// What a command gets: gathered, then checked.
fn resolve_in(
    flags: &Flags,
    env: &HashMap<&str, &str>,
    redactor: &Redactor,
) -> Result<Settings, SettingsError> {
    let settings = Settings::gather(flags, env, redactor)?;
    settings.check()?;
    Ok(settings)
}

fn source(s: &Settings, setting: Setting) -> Option<&Source> {
    s.provenance.sources.get(&setting)
}

fn profile_ref(name: &str, file: &Path) -> ProfileRef {
    ProfileRef {
        name: name.into(),
        file: file.to_path_buf(),
    }
}

fn topics_file(text: &str) -> tempfile::NamedTempFile {
    let mut f = tempfile::Builder::new().suffix(".toml").tempfile().unwrap();
    f.write_all(text.as_bytes()).unwrap();
    f
}

const PROFILES: &str = r#"
[clusters.prod]
bootstrap = "kafka-1:9093,kafka-2:9093"
security_protocol = "SASL_SSL"
sasl_mechanism = "SCRAM-SHA-512"
sasl_username = "ops"
sasl_password_env = "PROD_KAFKA_PASSWORD"
schema_registry = "https://registry.prod:8081/"
properties = { "client.id" = "kop-prod" }
"#;

#[test]
fn bootstrap_precedence_is_flag_env_profile_default() {
    let file = topics_file(PROFILES);
    let with_profile = Flags {
        file: Some(file.path().to_path_buf()),
        cluster: Some("prod".into()),
        ..flags()
    };
    let env = [("PROD_KAFKA_PASSWORD", "pw-from-env")];
    let s = resolve(&with_profile, &env).unwrap();
    assert_eq!(s.bootstrap, "kafka-1:9093,kafka-2:9093");
    assert_eq!(
        source(&s, Setting::Bootstrap),
        Some(&Source::Profile(profile_ref("prod", file.path())))
    );

    let env2 = [("PROD_KAFKA_PASSWORD", "pw"), ("KAFKA_BROKERS", "b:1")];
    assert_eq!(resolve(&with_profile, &env2).unwrap().bootstrap, "b:1");
    let env3 = [
        ("PROD_KAFKA_PASSWORD", "pw"),
        ("KAFKA_BROKERS", "b:1"),
        ("KAFKA_BOOTSTRAP_SERVERS", "a:1"),
    ];
    let s = resolve(&with_profile, &env3).unwrap();
    assert_eq!(
        (s.bootstrap.as_str(), source(&s, Setting::Bootstrap)),
        ("a:1", Some(&Source::Env("KAFKA_BOOTSTRAP_SERVERS")))
    );
    let flagged = Flags {
        bootstrap: Some("f:1".into()),
        ..with_profile.clone()
    };
    let s = resolve(&flagged, &env3).unwrap();
    assert_eq!(
        (s.bootstrap.as_str(), source(&s, Setting::Bootstrap)),
        ("f:1", Some(&Source::Flag("--bootstrap")))
    );

    let s = resolve(&no_file(), &[]).unwrap();
    assert_eq!(
        (s.bootstrap.as_str(), source(&s, Setting::Bootstrap)),
        ("localhost:9092", Some(&Source::Default))
    );
}

#[test]
fn profile_security_and_registry() {
    let file = topics_file(PROFILES);
    let f = Flags {
        file: Some(file.path().to_path_buf()),
        cluster: Some("prod".into()),
        properties: vec!["linger.ms=5".into()],
        ..flags()
    };
    let s = resolve(&f, &[("PROD_KAFKA_PASSWORD", "pw-from-env")]).unwrap();
    assert_eq!(s.security.protocol, Some(SecurityProtocol::SaslSsl));
    assert_eq!(s.security.sasl_mechanism, Some(SaslMechanism::ScramSha512));
    assert_eq!(s.security.sasl_username.as_deref(), Some("ops"));
    assert_eq!(
        s.security.sasl_password.as_ref().map(Secret::expose),
        Some("pw-from-env")
    );
    let registry = s.registry.unwrap();
    assert_eq!(registry.url, "https://registry.prod:8081");
    assert_eq!(
        s.properties,
        vec![
            ("client.id".into(), "kop-prod".into()),
            ("linger.ms".into(), "5".into())
        ]
    );
}

#[test]
fn unknown_profile_lists_the_known_ones() {
    let file = topics_file(PROFILES);
    let f = Flags {
        file: Some(file.path().to_path_buf()),
        cluster: Some("staging".into()),
        ..flags()
    };
    let err = resolve(&f, &[]).unwrap_err().to_string();
    assert_eq!(
        err,
        format!(
            "--cluster staging: no such profile; {} has: prod; no user config (set HOME or KOP_CONFIG)",
            file.path().display()
        )
    );
}

#[test]
fn explicit_file_must_exist_but_the_default_may_not() {
    let err = resolve(&flags(), &[]).unwrap_err();
    assert!(matches!(err, SettingsError::MissingFile(_)));
    assert!(resolve(&no_file(), &[]).unwrap().file.is_none());
}

#[test]
fn secrets_on_the_command_line_are_refused() {
    let f = Flags {
        properties: vec!["sasl.password=x".into()],
        ..no_file()
    };
    assert!(matches!(
        resolve(&f, &[]),
        Err(SettingsError::SecretInArgv(_))
    ));
    for bad in ["=hunter2", "hunter2"] {
        let f = Flags {
            properties: vec![bad.into()],
            ..no_file()
        };
        let err = resolve(&f, &[]).unwrap_err();
        assert!(matches!(err, SettingsError::BadProperty));
        assert!(!err.to_string().contains("hunter2"), "never echoed");
    }
    let f = Flags {
        properties: vec!["bootstrap.servers=h:1".into()],
        ..no_file()
    };
    assert!(matches!(
        resolve(&f, &[]),
        Err(SettingsError::BootstrapInProperties(_))
    ));
    let f = Flags {
        registry: Some("http://u:p@registry:8081".into()),
        ..no_file()
    };
    assert!(matches!(
        resolve(&f, &[]),
        Err(SettingsError::PasswordInRegistryFlag)
    ));
}

#[test]
fn sasl_from_the_environment() {
    let env = [
        ("KAFKA_SECURITY_PROTOCOL", "sasl_ssl"),
        ("KAFKA_SASL_MECHANISM", "SCRAM-SHA-256"),
        ("KAFKA_SASL_USERNAME", "svc"),
        ("KAFKA_SASL_PASSWORD", "hunter2-pass"),
        ("KAFKA_SSL_CAFILE", "/etc/ca.pem"),
    ];
    let redactor = Redactor::default();
    let map: HashMap<&str, &str> = env.iter().copied().collect();
    let s = resolve_in(&no_file(), &map, &redactor).unwrap();
    assert_eq!(s.security.protocol, Some(SecurityProtocol::SaslSsl));
    assert_eq!(s.security.ssl_ca_file, Some(PathBuf::from("/etc/ca.pem")));
    assert_eq!(redactor.redact("x hunter2-pass y"), "x *** y");
    assert!(!format!("{s:?}").contains("hunter2-pass"));
}

#[test]
fn incomplete_security_is_an_error_not_a_plaintext_connection() {
    let cases: &[&[(&str, &str)]] = &[
        &[("KAFKA_SASL_USERNAME", "u"), ("KAFKA_SASL_PASSWORD", "p")],
        &[
            ("KAFKA_SECURITY_PROTOCOL", "SASL_SSL"),
            ("KAFKA_SASL_USERNAME", "u"),
            ("KAFKA_SASL_PASSWORD", "p"),
        ],
        &[
            ("KAFKA_SECURITY_PROTOCOL", "SASL_SSL"),
            ("KAFKA_SASL_MECHANISM", "PLAIN"),
            ("KAFKA_SASL_USERNAME", "u"),
        ],
        &[("KAFKA_SECURITY_PROTOCOL", "TLS")],
    ];
    for env in cases {
        let map: HashMap<&str, &str> = env.iter().copied().collect();
        let result = resolve_in(&no_file(), &map, &Redactor::default());
        assert!(
            matches!(result, Err(SettingsError::Inconsistent(_))),
            "{env:?}"
        );
    }
}

#[test]
fn registry_credentials_in_the_url_env_are_split_out() {
    let s = resolve(
        &no_file(),
        &[("SCHEMA_REGISTRY_URL", "https://bob:pw-123@sr.example:8081")],
    )
    .unwrap();
    let r = s.registry.unwrap();
    assert_eq!(r.url, "https://sr.example:8081");
    assert_eq!(r.username.as_deref(), Some("bob"));
    assert_eq!(r.password.as_ref().map(Secret::expose), Some("pw-123"));
}

#[test]
fn a_registry_bearer_token_comes_from_the_environment_or_a_file_and_not_with_basic_auth() {
    let s = resolve(
        &no_file(),
        &[
            ("SCHEMA_REGISTRY_URL", "https://sr.example:8081"),
            ("SCHEMA_REGISTRY_BEARER_TOKEN", "tok-123"),
        ],
    )
    .unwrap();
    let r = s.registry.unwrap();
    assert_eq!(r.bearer_token.as_ref().map(Secret::expose), Some("tok-123"));
    assert!(r.username.is_none());

    let mut f = tempfile::NamedTempFile::new().unwrap();
    writeln!(f, "tok-from-file").unwrap();
    let path: &'static str = Box::leak(f.path().to_str().unwrap().to_string().into_boxed_str());
    let s = resolve(
        &no_file(),
        &[
            ("SCHEMA_REGISTRY_URL", "https://sr.example:8081"),
            ("SCHEMA_REGISTRY_BEARER_TOKEN_FILE", path),
        ],
    )
    .unwrap();
    assert_eq!(
        s.registry
            .unwrap()
            .bearer_token
            .as_ref()
            .map(Secret::expose),
        Some("tok-from-file")
    );

    let err = resolve(
        &no_file(),
        &[
            ("SCHEMA_REGISTRY_URL", "https://sr.example:8081"),
            ("SCHEMA_REGISTRY_USERNAME", "u"),
            ("SCHEMA_REGISTRY_BEARER_TOKEN", "tok-123"),
        ],
    )
    .unwrap_err();
    assert!(err.to_string().contains("either"), "{err}");
    let err = resolve(
        &no_file(),
        &[
            ("SCHEMA_REGISTRY_URL", "https://sr.example:8081"),
            ("SCHEMA_REGISTRY_BEARER_TOKEN_FILE", "/no/such/token"),
        ],
    )
    .unwrap_err();
    assert!(err.to_string().contains("bearer token file"), "{err}");
}

#[test]
fn password_file_is_read_and_trimmed() {
    let mut f = tempfile::NamedTempFile::new().unwrap();
    writeln!(f, "from-a-file").unwrap();
    let path = f.path().to_str().unwrap().to_string();
    let path: &'static str = Box::leak(path.into_boxed_str());
    let s = resolve(
        &no_file(),
        &[
            ("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT"),
            ("KAFKA_SASL_MECHANISM", "PLAIN"),
            ("KAFKA_SASL_USERNAME", "u"),
            ("KAFKA_SASL_PASSWORD_FILE", path),
        ],
    )
    .unwrap();
    assert_eq!(
        s.security.sasl_password.as_ref().map(Secret::expose),
        Some("from-a-file")
    );
}

/// A scratch HOME with `~/.config/kop/config.toml` holding `text`.
fn home_with_user_config(text: &str) -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join(".config/kop");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), text).unwrap();
    home
}

fn home_env(home: &tempfile::TempDir) -> &'static str {
    Box::leak(home.path().to_str().unwrap().to_string().into_boxed_str())
}

const USER_CONFIG: &str = r#"
current = "local"

[clusters.local]
bootstrap = "localhost:19092"
schema_registry = "http://localhost:18081"

[clusters.prod]
bootstrap = "user-prod:9092"
"#;

#[test]
fn the_user_configs_current_profile_is_used_without_a_topics_file() {
    let home = home_with_user_config(USER_CONFIG);
    let s = resolve(&no_file(), &[("HOME", home_env(&home))]).unwrap();
    let user_file = home.path().join(".config/kop/config.toml");
    assert_eq!(s.bootstrap, "localhost:19092");
    assert_eq!(
        source(&s, Setting::Bootstrap),
        Some(&Source::Profile(profile_ref("local", &user_file)))
    );
    let choice = s.provenance.profile.as_ref().unwrap();
    assert_eq!(choice.chosen_by, Source::Current(user_file.clone()));
    assert_eq!(s.registry.unwrap().url, "http://localhost:18081");
    assert!(s.file.is_none());
    assert!(!s.provenance.topics_file.found);
    assert!(s.provenance.user_config.as_ref().unwrap().found);
}

#[test]
fn kop_cluster_and_the_flag_choose_over_current() {
    let home = home_with_user_config(USER_CONFIG);
    let home = home_env(&home);
    let s = resolve(&no_file(), &[("HOME", home), ("KOP_CLUSTER", "prod")]).unwrap();
    assert_eq!(s.bootstrap, "user-prod:9092");
    assert_eq!(
        s.provenance.profile.unwrap().chosen_by,
        Source::Env("KOP_CLUSTER")
    );
    let flagged = Flags {
        cluster: Some("local".into()),
        ..no_file()
    };
    let s = resolve(&flagged, &[("HOME", home), ("KOP_CLUSTER", "prod")]).unwrap();
    assert_eq!(s.bootstrap, "localhost:19092");
}

#[test]
fn a_topics_file_profile_wins_over_the_user_profile_of_the_same_name() {
    let home = home_with_user_config(USER_CONFIG);
    let file = topics_file("[clusters.prod]\nbootstrap = \"repo-prod:9092\"\n");
    let f = Flags {
        file: Some(file.path().to_path_buf()),
        cluster: Some("prod".into()),
        ..flags()
    };
    let s = resolve(&f, &[("HOME", home_env(&home))]).unwrap();
    assert_eq!(s.bootstrap, "repo-prod:9092");
    assert_eq!(
        s.provenance.profile.unwrap().profile,
        profile_ref("prod", file.path())
    );
}

#[test]
fn the_user_config_is_found_through_kop_config_then_xdg_then_home() {
    let location = |env: &[(&str, &str)]| {
        let env: HashMap<&str, &str> = env.iter().copied().collect();
        user_config::user_config_location(&env)
    };
    assert_eq!(
        location(&[("KOP_CONFIG", "/etc/kop.toml"), ("HOME", "/h")]),
        Some(("/etc/kop.toml".into(), Source::Env("KOP_CONFIG")))
    );
    assert_eq!(
        location(&[("XDG_CONFIG_HOME", "/x"), ("HOME", "/h")]),
        Some(("/x/kop/config.toml".into(), Source::Env("XDG_CONFIG_HOME")))
    );
    assert_eq!(
        location(&[("XDG_CONFIG_HOME", "relative"), ("HOME", "/h")]),
        Some(("/h/.config/kop/config.toml".into(), Source::Env("HOME"))),
        "a relative XDG_CONFIG_HOME is ignored"
    );
    assert_eq!(location(&[]), None);
}

#[test]
fn a_missing_profile_says_how_it_was_chosen_and_what_each_file_holds() {
    let home = home_with_user_config(USER_CONFIG);
    let home_text = home_env(&home);
    let user_file = home.path().join(".config/kop/config.toml");
    let err = resolve(
        &no_file(),
        &[("HOME", home_text), ("KOP_CLUSTER", "staging")],
    )
    .unwrap_err()
    .to_string();
    assert_eq!(
        err,
        format!(
            "KOP_CLUSTER=staging: no such profile; no topics file (/nonexistent/kop/default-topics.toml, KOP_FILE); {} has: local, prod",
            user_file.display()
        )
    );
    let dangling = home_with_user_config("current = \"gone\"\n");
    let err = resolve(&no_file(), &[("HOME", home_env(&dangling))]).unwrap_err();
    assert!(
        err.to_string().starts_with(&format!(
            "current = \"gone\" in {}: no such profile",
            dangling.path().join(".config/kop/config.toml").display()
        )),
        "{err}"
    );
    let nothing = Flags {
        cluster: Some("prod".into()),
        // Relative, as the real default is (the repository's own topics.toml is not it).
        default_file: PathBuf::from("no-such-topics.toml"),
        ..no_file()
    };
    let err = resolve(&nothing, &[]).unwrap_err().to_string();
    assert_eq!(
        err,
        "--cluster prod: no such profile; no topics file (./no-such-topics.toml, KOP_FILE); no user config (set HOME or KOP_CONFIG)"
    );
    let hints = CommandError::from(resolve(&nothing, &[]).unwrap_err());
    assert!(hints.hints()[0].contains("kop config list"), "{hints:?}");
}

#[test]
fn a_user_config_named_by_kop_config_must_exist() {
    let err = resolve(
        &no_file(),
        &[("KOP_CONFIG", "/nonexistent/kop/config.toml")],
    )
    .unwrap_err();
    assert!(matches!(err, SettingsError::MissingUserConfig(_)), "{err}");
    let user = Profiles::load(
        &no_file(),
        &HashMap::from([("KOP_CONFIG", "/nonexistent/kop/config.toml")]),
        false,
    )
    .unwrap();
    assert!(user.user.is_none(), "kop config list and use accept it");
}

#[test]
fn environment_variables_that_hide_a_profiles_values_are_recorded() {
    let file = topics_file(PROFILES);
    let chosen = Flags {
        file: Some(file.path().to_path_buf()),
        cluster: Some("prod".into()),
        ..flags()
    };
    let env = [
        ("PROD_KAFKA_PASSWORD", "pw-from-env"),
        ("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"),
        ("KAFKA_SASL_PASSWORD", "dev-password"),
        // The profile sets no CA file: filling a gap is no override.
        ("KAFKA_SSL_CAFILE", "/etc/ca.pem"),
    ];
    let s = resolve(&chosen, &env).unwrap();
    let hidden: Vec<(&str, &str)> = s
        .overrides_of_chosen_profile()
        .iter()
        .map(|o| (o.variable, o.setting.name()))
        .collect();
    assert_eq!(
        hidden,
        vec![
            ("KAFKA_BOOTSTRAP_SERVERS", "bootstrap"),
            ("KAFKA_SASL_PASSWORD", "sasl_password")
        ]
    );
    // Chosen by the environment itself: recorded, not warned about.
    let ambient = Flags {
        cluster: None,
        ..chosen.clone()
    };
    let mut env_chosen = env.to_vec();
    env_chosen.push(("KOP_CLUSTER", "prod"));
    let s = resolve(&ambient, &env_chosen).unwrap();
    assert_eq!(s.provenance.overrides.len(), 2);
    assert!(s.overrides_of_chosen_profile().is_empty());
    // No profile, nothing to override.
    let s = resolve(&no_file(), &[("KAFKA_BOOTSTRAP_SERVERS", "h:1")]).unwrap();
    assert!(s.provenance.overrides.is_empty());
}

#[test]
fn the_report_names_a_source_for_every_value_and_no_secret() {
    let file = topics_file(PROFILES);
    let f = Flags {
        file: Some(file.path().to_path_buf()),
        cluster: Some("prod".into()),
        properties: vec!["client.id=mine".into(), "linger.ms=5".into()],
        timeout: Some(Duration::from_secs(3)),
        ..flags()
    };
    let s = resolve(&f, &[("PROD_KAFKA_PASSWORD", "pw-from-env")]).unwrap();
    let report = s.report();
    assert!(!format!("{report:?}").contains("pw-from-env"));
    let line = |setting: Setting| {
        report
            .settings
            .iter()
            .find(|l| l.setting == setting)
            .unwrap()
            .clone()
    };
    let prod = profile_ref("prod", file.path());
    assert_eq!(line(Setting::SaslPassword).value, Shown::Secret);
    assert_eq!(
        line(Setting::SaslPassword).source,
        Some(Source::ProfileEnv {
            var: "PROD_KAFKA_PASSWORD".into(),
            profile: prod.clone()
        })
    );
    assert_eq!(
        line(Setting::SecurityProtocol).value,
        Shown::Value("SASL_SSL".into())
    );
    assert_eq!(line(Setting::Timeout).value, Shown::Value("3s".into()));
    assert_eq!(
        line(Setting::Timeout).source,
        Some(Source::Flag("--timeout"))
    );
    assert_eq!(line(Setting::Partitioner).source, Some(Source::Default));
    assert_eq!(line(Setting::SslKeyPassword).value, Shown::Unset);
    assert_eq!(line(Setting::SslKeyPassword).source, None);
    for l in &report.settings {
        assert_eq!(
            l.value != Shown::Unset,
            l.source.is_some(),
            "{:?} has a value exactly when it has a source",
            l.setting
        );
    }
    let properties: Vec<(&str, &str, &Source)> = report
        .properties
        .iter()
        .map(|p| (p.name.as_str(), p.value.as_str(), &p.source))
        .collect();
    assert_eq!(
        properties,
        vec![
            ("client.id", "mine", &Source::Flag("-X")),
            ("linger.ms", "5", &Source::Flag("-X"))
        ],
        "-X wins over the profile's client.id"
    );
    let default = resolve(&no_file(), &[]).unwrap().report();
    assert_eq!(
        default.settings[1].value,
        Shown::Value("PLAINTEXT".into()),
        "the protocol is shown even when nothing sets it"
    );
}

#[test]
fn a_json_list_in_kafka_bootstrap_servers_is_accepted() {
    let s = resolve(
        &no_file(),
        &[(
            "KAFKA_BOOTSTRAP_SERVERS",
            r#"["kafka-1:9092", "kafka-2:9092"]"#,
        )],
    )
    .unwrap();
    assert_eq!(s.bootstrap, "kafka-1:9092,kafka-2:9092");
    let s = resolve(&no_file(), &[("KAFKA_BROKERS", r#"["kafka-1:9092"]"#)]).unwrap();
    assert_eq!(s.bootstrap, "kafka-1:9092");
}

#[test]
fn contradictions_are_found_by_check_after_gathering() {
    let env: HashMap<&str, &str> = [("KAFKA_SASL_USERNAME", "u"), ("KAFKA_SASL_PASSWORD", "p")]
        .into_iter()
        .collect();
    let s = Settings::gather(&no_file(), &env, &Redactor::default()).unwrap();
    assert!(matches!(s.check(), Err(SettingsError::Inconsistent(_))));
    assert_eq!(
        s.provenance.sources.get(&Setting::SaslUsername),
        Some(&Source::Env("KAFKA_SASL_USERNAME"))
    );
}

#[test]
fn a_profiles_unset_password_variable_is_named() {
    let file = topics_file(PROFILES);
    let f = Flags {
        file: Some(file.path().to_path_buf()),
        cluster: Some("prod".into()),
        ..flags()
    };
    let err = resolve(&f, &[]).unwrap_err().to_string();
    assert!(
        err.ends_with(
            "profile `prod` takes the password from PROD_KAFKA_PASSWORD, which is not set"
        ),
        "{err}"
    );
}

#[test]
fn config_use_warns_only_about_a_profile_no_user_config_declares() {
    let home = home_with_user_config(USER_CONFIG);
    let file = topics_file("[clusters.local]\nbootstrap = \"h:1\"\n[clusters.repo]\n");
    let f = Flags {
        file: Some(file.path().to_path_buf()),
        ..flags()
    };
    let env: HashMap<&str, &str> = HashMap::from([("HOME", home_env(&home))]);
    let both = ConfigUseSettings::resolve("local", &f, &env).unwrap();
    assert_eq!(both.declared_in, file.path());
    assert!(!both.topics_file_only, "the user config has a `local` too");
    let repo = ConfigUseSettings::resolve("repo", &f, &env).unwrap();
    assert!(repo.topics_file_only);
    assert_eq!(
        repo.user_config,
        home.path().join(".config/kop/config.toml")
    );
    assert!(ConfigUseSettings::resolve("ghost", &f, &env).is_err());
}

mod groups {
    use clap::Parser;

    use crate::cli::{Cli, Command, GroupsCommand};
    use crate::core::groups::scope::TopicScope;
    use crate::settings::{ResetSettings, TargetSpec};
    use crate::util::time::TimeSpec;

    fn reset(args: &[&str]) -> Result<ResetSettings, crate::error::CommandError> {
        let mut argv = vec!["kop", "groups", "reset", "billing"];
        argv.extend_from_slice(args);
        let cli = Cli::try_parse_from(argv).unwrap();
        let Command::Groups(GroupsCommand::Reset(args)) = &cli.command else {
            panic!("not a reset")
        };
        ResetSettings::resolve(args)
    }

    #[test]
    fn every_target_resolves() {
        let target = |args: &[&str]| reset(args).unwrap().target;
        assert_eq!(
            target(&["--all-topics", "--to", "earliest"]),
            TargetSpec::Earliest
        );
        assert_eq!(
            target(&["--all-topics", "--to", "latest"]),
            TargetSpec::Latest
        );
        assert_eq!(
            target(&["--all-topics", "--to-offset", "42"]),
            TargetSpec::Offset(42)
        );
        assert_eq!(
            target(&["--all-topics", "--shift-by", "-5"]),
            TargetSpec::ShiftBy(-5)
        );
        assert_eq!(
            target(&["--all-topics", "--to-datetime", "2025-01-14T09:12:03Z"]),
            TargetSpec::Time(TimeSpec::At(1_736_845_923_000))
        );
        assert_eq!(
            target(&["--all-topics", "--by-duration", "1h"]),
            TargetSpec::Time(TimeSpec::Ago(std::time::Duration::from_secs(3600)))
        );
        assert_eq!(
            target(&["--to-group", "audit"]),
            TargetSpec::Group("audit".into())
        );
        assert!(matches!(
            target(&["--from-file", "p.csv"]),
            TargetSpec::File(_)
        ));
    }

    #[test]
    fn the_scope_is_required_unless_the_target_names_partitions() {
        let err = reset(&["--to", "earliest"]).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert!(err.message().contains("--topic T"), "{}", err.message());
        let s = reset(&[
            "--topic",
            "orders:0,2",
            "--topic",
            "refunds",
            "--to",
            "latest",
        ])
        .unwrap();
        assert_eq!(
            s.scope.topics,
            [
                TopicScope {
                    topic: "orders".into(),
                    partitions: Some(vec![0, 2])
                },
                TopicScope {
                    topic: "refunds".into(),
                    partitions: None
                }
            ]
        );
    }

    #[test]
    fn contradictions_are_usage_errors() {
        for args in [
            &["--all-topics", "--to-offset", "-3"][..],
            &["--to-group", "billing"],
            &[
                "--all-topics",
                "--to",
                "earliest",
                "--export",
                "-",
                "-o",
                "json",
            ],
            &["--topic", "orders:x", "--to", "earliest"],
            &["--all-topics", "--to-datetime", "soon"],
        ] {
            let err = reset(args).unwrap_err();
            assert_eq!(err.exit_code(), 2, "{args:?}: {}", err.message());
        }
        assert!(Cli::try_parse_from([
            "kop",
            "groups",
            "reset",
            "g",
            "--all-topics",
            "--to",
            "earliest",
            "--shift-by",
            "1"
        ])
        .is_err());
    }
}

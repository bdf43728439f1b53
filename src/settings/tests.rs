use std::collections::HashMap;
use std::io::Write as _;

use super::*;

fn flags() -> Flags {
    Flags {
        file: Some(PathBuf::from("/nonexistent/kop/topics.toml")),
        timeout: Duration::from_secs(10),
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

fn resolve(flags: &Flags, env: &[(&'static str, &'static str)]) -> Result<Settings, SettingsError> {
    let env: HashMap<&str, &str> = env.iter().copied().collect();
    Settings::resolve(flags, &env, &Redactor::default())
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
    assert_eq!(s.bootstrap_source, Source::Profile("prod".into()));

    let env2 = [("PROD_KAFKA_PASSWORD", "pw"), ("KAFKA_BROKERS", "b:1")];
    assert_eq!(resolve(&with_profile, &env2).unwrap().bootstrap, "b:1");
    let env3 = [
        ("PROD_KAFKA_PASSWORD", "pw"),
        ("KAFKA_BROKERS", "b:1"),
        ("KAFKA_BOOTSTRAP_SERVERS", "a:1"),
    ];
    let s = resolve(&with_profile, &env3).unwrap();
    assert_eq!(
        (s.bootstrap.as_str(), s.bootstrap_source),
        ("a:1", Source::Env("KAFKA_BOOTSTRAP_SERVERS"))
    );
    let flagged = Flags {
        bootstrap: Some("f:1".into()),
        ..with_profile.clone()
    };
    let s = resolve(&flagged, &env3).unwrap();
    assert_eq!(
        (s.bootstrap.as_str(), s.bootstrap_source),
        ("f:1", Source::Flag("--bootstrap"))
    );

    let s = resolve(&no_file(), &[]).unwrap();
    assert_eq!(
        (s.bootstrap.as_str(), s.bootstrap_source),
        ("localhost:9092", Source::Default)
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
        "--cluster staging: no such profile in the topics file (it has: prod)"
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
    let s = Settings::resolve(&no_file(), &map, &redactor).unwrap();
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
        let result = Settings::resolve(&no_file(), &map, &Redactor::default());
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

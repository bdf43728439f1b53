//! The only place that turns kop's settings into librdkafka properties.
//!
//! [`properties`] is pure, so the mapping (security above all) is unit-tested without a
//! broker; [`client_config`] hands the result to rdkafka.

use rdkafka::config::RDKafkaLogLevel;
use rdkafka::ClientConfig;

use crate::config::SecurityProtocol;
use crate::core::provenance::ClientDefault;
use crate::secret::Secret;
use crate::settings::Settings;

/// What kop's producers compress with unless `-X compression.type` says otherwise.
pub(crate) const PRODUCER_COMPRESSION: &str = "lz4";

/// A property value; secrets stay wrapped until they reach librdkafka.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Plain(String),
    Secret(Secret),
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::Plain(s.to_string())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::Plain(s)
    }
}

/// How chatty librdkafka may be; its lines go to kop's log sink, never straight to stderr.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Chattiness {
    Quiet,
    /// `-vv`: librdkafka's broker, security and protocol debug contexts.
    Debug,
}

impl Chattiness {
    /// Debug logs only at `-vv`.
    pub(super) fn for_sink(sink: &crate::output::LogSink) -> Chattiness {
        if sink.verbosity() >= crate::output::Verbosity::Debug {
            Chattiness::Debug
        } else {
            Chattiness::Quiet
        }
    }
}

/// What a client is for; each role brings its own defaults, and `-X` overrides them all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role<'a> {
    Admin,
    /// A connection to one broker alone (health's per-broker probe).
    Probe {
        address: &'a str,
    },
    /// A connection to one broker that logs the APIs the broker offers (librdkafka's
    /// `feature` debug context), to learn what it supports before a request whose
    /// failure librdkafka mishandles.
    ApiProbe {
        address: &'a str,
    },
    Producer {
        transactional_id: Option<&'a str>,
        partitioner: &'a str,
    },
    /// Without a group of its own, a reader commits nothing.
    Consumer {
        group: Option<&'a str>,
        /// Following the topic past its end, rather than stopping there.
        follow: bool,
    },
}

/// The properties for a client of `role`: kop's connection settings, then the role's
/// defaults, then the profile's and `-X` properties (the last word is the user's).
pub(crate) fn properties(
    settings: &Settings,
    role: Role<'_>,
    chattiness: Chattiness,
) -> Vec<(String, Value)> {
    let bootstrap = match role {
        Role::Probe { address } | Role::ApiProbe { address } => address.to_string(),
        _ => settings.bootstrap.clone(),
    };
    let mut props: Vec<(String, Value)> = vec![
        ("bootstrap.servers".into(), bootstrap.into()),
        ("client.id".into(), "kop".into()),
        // librdkafka lets one new connection start every reconnect.backoff.ms / 2 (50 ms by
        // default), and it drops the bootstrap connection once the metadata names the
        // brokers: the first real connection of every client waited out that interval.
        // The backoff still doubles on every failed attempt, up to reconnect.backoff.max.ms.
        ("reconnect.backoff.ms".into(), "20".into()),
        // A closed idle connection is normal; librdkafka would log it as an error.
        ("log.connection.close".into(), "false".into()),
        (
            "socket.connection.setup.timeout.ms".into(),
            settings
                .timeout
                .as_millis()
                .clamp(1_000, 30_000)
                .to_string()
                .into(),
        ),
    ];
    let mut debug: Vec<&str> = Vec::new();
    if chattiness == Chattiness::Debug {
        debug.extend(["broker", "security", "protocol"]);
    }
    if matches!(role, Role::ApiProbe { .. }) {
        debug.push("feature");
    }
    if !debug.is_empty() {
        props.push(("debug".into(), debug.join(",").into()));
    }
    security(settings, &mut props);
    for (key, value) in role_defaults(settings, role) {
        props.push((key.to_string(), value.into()));
    }
    for (key, value) in &settings.properties {
        props.retain(|(k, _)| k != key);
        props.push((key.clone(), value.clone().into()));
    }
    props
}

fn security(settings: &Settings, props: &mut Vec<(String, Value)>) {
    let security = &settings.security;
    let protocol = security.protocol.unwrap_or(SecurityProtocol::Plaintext);
    props.push(("security.protocol".into(), protocol.as_str().into()));
    if protocol.uses_sasl() {
        if let Some(mechanism) = security.sasl_mechanism {
            props.push(("sasl.mechanism".into(), mechanism.as_str().into()));
        }
        if let Some(user) = &security.sasl_username {
            props.push(("sasl.username".into(), user.clone().into()));
        }
        if let Some(password) = &security.sasl_password {
            props.push(("sasl.password".into(), Value::Secret(password.clone())));
        }
    }
    if protocol.uses_tls() {
        let files = [
            ("ssl.ca.location", &security.ssl_ca_file),
            ("ssl.certificate.location", &security.ssl_cert_file),
            ("ssl.key.location", &security.ssl_key_file),
        ];
        for (key, path) in files {
            if let Some(path) = path {
                props.push((key.into(), path.display().to_string().into()));
            }
        }
        if let Some(password) = &security.ssl_key_password {
            props.push(("ssl.key.password".into(), Value::Secret(password.clone())));
        }
    }
}

/// The defaults kop tunes for its producers and readers, as `kop config show` and `-v`
/// list them: those no `-X` (or profile) property overrides, a follower's only where they
/// differ from a reader's.
pub(crate) fn tuned_defaults(settings: &Settings) -> Vec<ClientDefault> {
    const SHOWN: [&str; 10] = [
        "acks",
        "enable.idempotence",
        "compression.type",
        "linger.ms",
        "batch.num.messages",
        "queue.buffering.max.messages",
        "message.timeout.ms",
        "fetch.wait.max.ms",
        "fetch.queue.backoff.ms",
        "queued.max.messages.kbytes",
    ];
    let overridden = |name: &str| settings.properties.iter().any(|(k, _)| k == name);
    let producer = Role::Producer {
        transactional_id: None,
        partitioner: "",
    };
    let reader = Role::Consumer {
        group: None,
        follow: false,
    };
    let follower = Role::Consumer {
        group: None,
        follow: true,
    };
    let readers = role_defaults(settings, reader);
    let mut shown = Vec::new();
    for (role, defaults) in [
        ("producer", role_defaults(settings, producer)),
        ("reader", readers.clone()),
        ("follower", role_defaults(settings, follower)),
    ] {
        for (name, value) in defaults {
            let same_as_reader = role == "follower" && readers.contains(&(name, value.clone()));
            if SHOWN.contains(&name) && !overridden(name) && !same_as_reader {
                shown.push(ClientDefault { role, name, value });
            }
        }
    }
    shown
}

fn role_defaults(settings: &Settings, role: Role<'_>) -> Vec<(&'static str, String)> {
    match role {
        // Looking at a topic must never create it (brokers auto-create on a metadata
        // request by default, and librdkafka's admin client asks them to).
        Role::Admin | Role::Probe { .. } | Role::ApiProbe { .. } => {
            vec![("allow.auto.create.topics", "false".to_string())]
        }
        Role::Producer {
            transactional_id,
            partitioner,
        } => {
            let mut props = vec![
                ("partitioner", partitioner.to_string()),
                // A typo must not create a topic on brokers that allow auto-creation.
                ("allow.auto.create.topics", "false".to_string()),
                ("enable.idempotence", "true".to_string()),
                ("acks", "all".to_string()),
                ("linger.ms", "5".to_string()),
                ("batch.num.messages", "10000".to_string()),
                // Ten full batches for each of several partitions: enough to keep every
                // request full, and memory flat however large the input (each queued
                // message costs librdkafka its size and about 150 bytes more).
                ("queue.buffering.max.messages", "100000".to_string()),
                // lz4 costs little CPU and sends a fraction of the bytes: an idempotent
                // producer keeps at most 5 requests in flight, so the bytes each request
                // carries set its pace. Every Kafka client reads it; `-X
                // compression.type=none` turns it off.
                ("compression.type", PRODUCER_COMPRESSION.to_string()),
                (
                    "message.timeout.ms",
                    settings.timeout.as_millis().max(5_000).to_string(),
                ),
            ];
            if let Some(id) = transactional_id {
                props.push(("transactional.id", id.to_string()));
            }
            props
        }
        Role::Consumer { group, follow } => {
            let mut props = vec![
                ("enable.auto.commit", "false".to_string()),
                ("enable.auto.offset.store", "false".to_string()),
                ("auto.offset.reset", "earliest".to_string()),
                // How long the broker may hold a fetch that has nothing to return: a
                // reader that stops at the end meets such fetches at every partition's
                // end, and librdkafka's 500 ms would be most of its time; a follower
                // waits longer between empty fetches, so it does not spin, and the broker
                // answers early when records arrive.
                (
                    "fetch.wait.max.ms",
                    if follow { "100" } else { "10" }.to_string(),
                ),
                // How long librdkafka pauses fetching when its local queue is full (1 s by
                // default): with a reader faster than the link the queue is rarely full,
                // with one slower it is the reader's own pace that matters.
                ("fetch.queue.backoff.ms", "10".to_string()),
                // The local queue of fetched records: 2 MB (about ten thousand events of
                // 200 bytes) keeps memory flat, where 64 MB by default cost as much again
                // in fetch buffers held for it; reading is no slower.
                ("queued.max.messages.kbytes", "2048".to_string()),
                // The end of a partition, as librdkafka judges it: the last stable offset
                // for read_committed (an open transaction at the end holds it back).
                ("enable.partition.eof", "true".to_string()),
            ];
            // librdkafka's consumer API needs a group id even to read assigned partitions;
            // a reader without a group of its own never commits under this one.
            props.push(("group.id", group.unwrap_or("kop-reader").to_string()));
            props
        }
    }
}

/// An rdkafka config for a client of `role`.
pub(super) fn client_config(
    settings: &Settings,
    role: Role<'_>,
    chattiness: Chattiness,
) -> ClientConfig {
    let mut config = ClientConfig::new();
    for (key, value) in properties(settings, role, chattiness) {
        match value {
            Value::Plain(v) => config.set(key, v),
            Value::Secret(s) => config.set(key, s.expose()),
        };
    }
    let debug_lines = chattiness == Chattiness::Debug || matches!(role, Role::ApiProbe { .. });
    config.set_log_level(if debug_lines {
        RDKafkaLogLevel::Debug
    } else {
        RDKafkaLogLevel::Warning
    });
    config
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;
    use std::time::Duration;

    use super::*;
    use crate::config::SaslMechanism;
    use crate::settings::{Provenance, Security};

    fn settings(security: Security) -> Settings {
        Settings {
            bootstrap: "k1:9093,k2:9093".into(),
            security,
            registry: None,
            properties: vec![
                ("linger.ms".into(), "5".into()),
                ("client.id".into(), "mine".into()),
            ],
            timeout: Duration::from_secs(10),
            file: None,
            profile: None,
            provenance: Provenance::default(),
        }
    }

    fn get<'a>(props: &'a [(String, Value)], key: &str) -> Option<&'a Value> {
        props.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    fn plain(s: &str) -> Option<Value> {
        Some(Value::Plain(s.into()))
    }

    #[test]
    fn sasl_scram_over_tls() {
        let props = properties(
            &settings(Security {
                protocol: Some(SecurityProtocol::SaslSsl),
                sasl_mechanism: Some(SaslMechanism::ScramSha512),
                sasl_username: Some("ops".into()),
                sasl_password: Some(Secret::new("pw")),
                ssl_ca_file: Some(PathBuf::from("/ca.pem")),
                ..Security::default()
            }),
            Role::Admin,
            Chattiness::Quiet,
        );
        assert_eq!(get(&props, "security.protocol").cloned(), plain("SASL_SSL"));
        assert_eq!(
            get(&props, "sasl.mechanism").cloned(),
            plain("SCRAM-SHA-512")
        );
        assert_eq!(get(&props, "sasl.username").cloned(), plain("ops"));
        assert_eq!(
            get(&props, "sasl.password").cloned(),
            Some(Value::Secret(Secret::new("pw")))
        );
        assert_eq!(get(&props, "ssl.ca.location").cloned(), plain("/ca.pem"));
        assert_eq!(get(&props, "debug"), None);
    }

    #[test]
    fn sasl_plain_without_tls_sets_no_ssl_files() {
        let props = properties(
            &settings(Security {
                protocol: Some(SecurityProtocol::SaslPlaintext),
                sasl_mechanism: Some(SaslMechanism::Plain),
                sasl_username: Some("u".into()),
                sasl_password: Some(Secret::new("p")),
                ssl_ca_file: Some(PathBuf::from("/ca.pem")),
                ..Security::default()
            }),
            Role::Admin,
            Chattiness::Quiet,
        );
        assert_eq!(get(&props, "sasl.mechanism").cloned(), plain("PLAIN"));
        assert_eq!(get(&props, "ssl.ca.location"), None);
    }

    #[test]
    fn plaintext_by_default_and_x_properties_win() {
        let props = properties(
            &settings(Security::default()),
            Role::Admin,
            Chattiness::Debug,
        );
        assert_eq!(
            get(&props, "security.protocol").cloned(),
            plain("PLAINTEXT")
        );
        assert_eq!(get(&props, "sasl.username"), None);
        assert_eq!(get(&props, "linger.ms").cloned(), plain("5"));
        assert_eq!(get(&props, "client.id").cloned(), plain("mine"));
        assert_eq!(props.iter().filter(|(k, _)| k == "client.id").count(), 1);
        assert!(get(&props, "debug").is_some());
        assert_eq!(
            get(&props, "bootstrap.servers").cloned(),
            plain("k1:9093,k2:9093")
        );
    }

    #[test]
    fn mutual_tls_files() {
        let props = properties(
            &settings(Security {
                protocol: Some(SecurityProtocol::Ssl),
                ssl_ca_file: Some(PathBuf::from("/ca.pem")),
                ssl_cert_file: Some(PathBuf::from("/client.pem")),
                ssl_key_file: Some(PathBuf::from("/client.key")),
                ssl_key_password: Some(Secret::new("kp")),
                ..Security::default()
            }),
            Role::Admin,
            Chattiness::Quiet,
        );
        assert_eq!(
            get(&props, "ssl.certificate.location").cloned(),
            plain("/client.pem")
        );
        assert_eq!(
            get(&props, "ssl.key.location").cloned(),
            plain("/client.key")
        );
        assert_eq!(
            get(&props, "ssl.key.password").cloned(),
            Some(Value::Secret(Secret::new("kp")))
        );
    }

    #[test]
    fn readers_that_stop_at_the_end_fetch_with_short_waits_and_x_still_wins() {
        let reader = |s: &Settings, follow| {
            properties(
                s,
                Role::Consumer {
                    group: None,
                    follow,
                },
                Chattiness::Quiet,
            )
        };
        let mut s = settings(Security::default());
        let to_end = reader(&s, false);
        assert_eq!(get(&to_end, "fetch.wait.max.ms").cloned(), plain("10"));
        assert_eq!(get(&to_end, "fetch.queue.backoff.ms").cloned(), plain("10"));
        let follow = reader(&s, true);
        assert_eq!(get(&follow, "fetch.wait.max.ms").cloned(), plain("100"));
        assert_eq!(
            get(&follow, "queued.max.messages.kbytes").cloned(),
            plain("2048")
        );
        s.properties
            .push(("fetch.wait.max.ms".into(), "500".into()));
        s.properties
            .push(("reconnect.backoff.ms".into(), "100".into()));
        let tuned = reader(&s, false);
        assert_eq!(get(&tuned, "fetch.wait.max.ms").cloned(), plain("500"));
        assert_eq!(
            tuned
                .iter()
                .filter(|(k, _)| k == "fetch.wait.max.ms")
                .count(),
            1
        );
        assert_eq!(get(&tuned, "reconnect.backoff.ms").cloned(), plain("100"));
    }

    #[test]
    fn config_show_lists_the_tuned_defaults_that_no_property_overrides() {
        // The test settings carry `-X linger.ms=5`; add another override.
        let mut s = settings(Security::default());
        s.properties
            .push(("compression.type".into(), "zstd".into()));
        let shown: Vec<(&str, &str, String)> = tuned_defaults(&s)
            .into_iter()
            .map(|d| (d.role, d.name, d.value))
            .collect();
        let has = |role: &str, name: &str| shown.iter().any(|(r, n, _)| *r == role && *n == name);
        assert!(!has("producer", "compression.type"), "-X wins: {shown:?}");
        assert!(
            !has("producer", "linger.ms"),
            "a profile or -X property wins"
        );
        assert!(has("producer", "acks") && has("producer", "enable.idempotence"));
        assert!(shown.contains(&("reader", "fetch.wait.max.ms", "10".into())));
        assert!(shown.contains(&("follower", "fetch.wait.max.ms", "100".into())));
        assert!(
            !has("follower", "fetch.queue.backoff.ms"),
            "a follower's rows are only where it differs from a reader"
        );
        assert!(!has("reader", "group.id"), "plumbing is not listed");
    }

    #[test]
    fn each_role_brings_its_defaults_and_x_properties_win_over_them() {
        let mut s = settings(Security::default());
        s.properties.push(("acks".into(), "1".into()));
        let producer = properties(
            &s,
            Role::Producer {
                transactional_id: Some("kop-t"),
                partitioner: "murmur2_random",
            },
            Chattiness::Quiet,
        );
        assert_eq!(get(&producer, "enable.idempotence").cloned(), plain("true"));
        assert_eq!(get(&producer, "compression.type").cloned(), plain("lz4"));
        assert_eq!(get(&producer, "acks").cloned(), plain("1"));
        assert_eq!(producer.iter().filter(|(k, _)| k == "acks").count(), 1);
        assert_eq!(get(&producer, "transactional.id").cloned(), plain("kop-t"));
        assert_eq!(
            get(&producer, "partitioner").cloned(),
            plain("murmur2_random")
        );
        let plain_producer = properties(
            &s,
            Role::Producer {
                transactional_id: None,
                partitioner: "murmur2_random",
            },
            Chattiness::Quiet,
        );
        assert_eq!(
            get(&plain_producer, "compression.type").cloned(),
            plain("lz4")
        );
        let reader = properties(
            &s,
            Role::Consumer {
                group: None,
                follow: false,
            },
            Chattiness::Quiet,
        );
        assert_eq!(get(&reader, "group.id").cloned(), plain("kop-reader"));
        assert_eq!(get(&reader, "enable.auto.commit").cloned(), plain("false"));
        let cursor = properties(
            &s,
            Role::Consumer {
                group: Some("g"),
                follow: true,
            },
            Chattiness::Quiet,
        );
        assert_eq!(get(&cursor, "group.id").cloned(), plain("g"));
        let probe = properties(&s, Role::Probe { address: "k2:9093" }, Chattiness::Quiet);
        let apis = properties(&s, Role::ApiProbe { address: "k2:9093" }, Chattiness::Quiet);
        assert_eq!(get(&apis, "debug").cloned(), plain("feature"));
        let apis = properties(&s, Role::ApiProbe { address: "k2:9093" }, Chattiness::Debug);
        assert_eq!(
            get(&apis, "debug").cloned(),
            plain("broker,security,protocol,feature")
        );
        assert_eq!(get(&apis, "bootstrap.servers").cloned(), plain("k2:9093"));
        assert_eq!(get(&probe, "bootstrap.servers").cloned(), plain("k2:9093"));
    }
}

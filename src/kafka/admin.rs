//! Reading cluster state: metadata, cluster id, controller, topic configs.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use rdkafka::client::Client;
use rdkafka::error::KafkaError as RdError;
use rdkafka::metadata::{Metadata, MetadataTopic};
use rdkafka::types::RDKafkaType;

use super::client_config::{client_config, Chattiness, Role};
use super::client_context::KopContext;
use super::connect::await_cluster;
use super::error::{code_text, describe, KafkaError};
use super::native::{self, NativeError};
use super::native_admin::{describe_topic_configs, ConfigSource};
use crate::core::cluster::{
    BrokerInfo, ClusterMetadata, ConfigOrigin, ConfigValue, PartitionInfo, TopicConfigs, TopicInfo,
};
use crate::output::LogSink;
use crate::settings::Settings;

/// One result per topic of a batched request.
pub(crate) type TopicOutcomes = Vec<(String, Result<(), KafkaError>)>;

/// A client for admin requests: a plain librdkafka handle (of the producer kind, which is
/// the lighter one and sends no fetches), whose requests wait on queues of their own
/// (`native_admin`), so dropping it leaves no polling thread to wait for.
pub(crate) struct Admin {
    pub(super) client: Client<KopContext>,
    pub(super) context: KopContext,
}

impl Admin {
    /// A client for the settings, once a broker has answered (an address that refuses or
    /// does not resolve fails at once).
    pub fn connect(settings: &Settings, sink: LogSink) -> Result<Admin, KafkaError> {
        let admin = Self::create(settings, Role::Admin, &settings.bootstrap, sink)?;
        await_cluster(&admin.client, &admin.context, || admin.drain())?;
        Ok(admin)
    }

    /// A client that talks to one broker alone (for probing it); nothing is sent until the
    /// first request.
    pub fn connect_to_broker(
        settings: &Settings,
        address: &str,
        sink: LogSink,
    ) -> Result<Admin, KafkaError> {
        Self::create(settings, Role::Probe { address }, address, sink)
    }

    /// A client that talks to one broker alone and learns the APIs it offers (see
    /// [`Admin::offers`]).
    pub fn connect_listing_apis(
        settings: &Settings,
        address: &str,
        sink: LogSink,
    ) -> Result<Admin, KafkaError> {
        Self::create(settings, Role::ApiProbe { address }, address, sink)
    }

    /// Whether the broker offers the API (by its name in the protocol, `OffsetDelete`), as
    /// its ApiVersions answer said; `None` when the answer was not seen (a client made
    /// without [`Admin::connect_listing_apis`], or `-X debug` replaced its contexts).
    pub fn offers(&self, api: &str) -> Result<Option<bool>, KafkaError> {
        // A connection opens with the ApiVersions exchange, logged before any answer.
        native::brokers(&self.client, self.timeout()).map_err(|code| {
            self.failure(
                RdError::MetadataFetch(code),
                "asking the broker what it supports",
            )
        })?;
        let events = native::drain_main_queue(&self.client);
        let needle = format!("ApiKey {api} (");
        let (mut listed, mut found) = (false, false);
        for event in &events {
            if let native::MainEvent::Log {
                facility, message, ..
            } = event
            {
                if facility == "APIVERSION" {
                    listed |= message.contains("Broker API support");
                    found |= message.contains(&needle);
                }
            }
        }
        self.context.take_events(events);
        Ok(listed.then_some(found))
    }

    fn create(
        settings: &Settings,
        role: Role<'_>,
        bootstrap: &str,
        sink: LogSink,
    ) -> Result<Admin, KafkaError> {
        let chattiness = Chattiness::for_sink(&sink);
        let context = KopContext::new(sink, bootstrap, settings.timeout);
        let config = client_config(settings, role, chattiness);
        let client = config
            .create_native_config()
            .and_then(|native| {
                Client::new(
                    &config,
                    native,
                    RDKafkaType::RD_KAFKA_PRODUCER,
                    context.clone(),
                )
            })
            .map_err(|e| KafkaError::Config(describe(&e)))?;
        Ok(Admin { client, context })
    }

    pub fn timeout(&self) -> Duration {
        self.context.timeout()
    }

    /// Brokers, topics and partitions, plus the cluster id and the controller.
    pub fn metadata(&self) -> Result<ClusterMetadata, KafkaError> {
        let deadline = Instant::now() + self.timeout();
        let md = self
            .client
            .fetch_metadata(None, self.timeout())
            .map_err(|e| self.failure(e, "reading the cluster's metadata"))?;
        let mut cluster = from_metadata(&md);
        // Both answers come from the metadata just fetched; the timeout only guards a race
        // with a reconnect.
        let rest = deadline
            .saturating_duration_since(Instant::now())
            .max(Duration::from_millis(100));
        cluster.cluster_id = native::cluster_id(&self.client, rest);
        cluster.controller_id = native::controller_id(&self.client, rest);
        Ok(cluster)
    }

    /// One topic's partitions, asked for alone (small however big the cluster is).
    pub fn topic(&self, name: &str) -> Result<TopicInfo, KafkaError> {
        let what = format!("reading topic {name}");
        let md = self
            .client
            .fetch_metadata(Some(name), self.timeout())
            .map_err(|e| self.failure(e, &what))?;
        let topic = md
            .topics()
            .iter()
            .find(|t| t.name() == name)
            .map(topic_info)
            .filter(|t| t.error.is_none() && !t.partitions.is_empty());
        topic.ok_or(KafkaError::NotFound {
            what: format!("topic {name}"),
        })
    }

    /// How long the broker takes to answer a second, warm Metadata request (the first one
    /// pays for connecting).
    pub fn probe(&self) -> Result<Duration, KafkaError> {
        let ask = || {
            native::brokers(&self.client, self.timeout())
                .map_err(|code| self.failure(RdError::MetadataFetch(code), "probing the broker"))
        };
        ask()?;
        let start = Instant::now();
        ask()?;
        Ok(start.elapsed())
    }

    /// Configs of many topics in one DescribeConfigs request.
    pub fn topic_configs(
        &self,
        topics: &[String],
    ) -> Result<BTreeMap<String, TopicConfigs>, KafkaError> {
        if topics.is_empty() {
            return Ok(BTreeMap::new());
        }
        let results = describe_topic_configs(&self.client, topics, self.timeout())
            .map_err(|e| self.native_failure(e, "describing topic configs"))?;
        let out = results
            .into_iter()
            .map(|(topic, entries)| {
                let configs = entries
                    .into_iter()
                    .map(|entry| {
                        let value = ConfigValue {
                            value: entry.value,
                            origin: origin(entry.source),
                            sensitive: entry.sensitive,
                        };
                        (entry.name, value)
                    })
                    .collect();
                (topic, configs)
            })
            .collect();
        Ok(out)
    }

    /// Turns an rdkafka error into kop's, with the cause librdkafka reported on the side
    /// (drained first: the admin client's main queue is polled by nobody else).
    pub(super) fn failure(&self, err: RdError, what: &str) -> KafkaError {
        self.drain();
        self.context.failure(&err, what)
    }

    /// The same for a librdkafka call made directly.
    pub(super) fn native_failure(&self, err: NativeError, what: &str) -> KafkaError {
        self.drain();
        self.context.native_failure(err, what)
    }

    fn drain(&self) {
        self.context
            .take_events(native::drain_main_queue(&self.client));
    }
}

fn origin(source: ConfigSource) -> ConfigOrigin {
    match source {
        ConfigSource::DynamicTopic => ConfigOrigin::Topic,
        ConfigSource::DynamicBroker | ConfigSource::DynamicDefaultBroker => {
            ConfigOrigin::DynamicBroker
        }
        ConfigSource::StaticBroker => ConfigOrigin::StaticBroker,
        ConfigSource::Default => ConfigOrigin::Default,
        ConfigSource::Unknown => ConfigOrigin::Unknown,
    }
}

fn from_metadata(md: &Metadata) -> ClusterMetadata {
    let brokers = md
        .brokers()
        .iter()
        .map(|b| BrokerInfo {
            id: b.id(),
            host: b.host().to_string(),
            port: b.port(),
        })
        .collect();
    ClusterMetadata {
        cluster_id: None,
        controller_id: None,
        brokers,
        topics: md.topics().iter().map(topic_info).collect(),
    }
}

fn topic_info(t: &MetadataTopic) -> TopicInfo {
    TopicInfo {
        name: t.name().to_string(),
        error: t.error().map(|e| code_text(e.into())),
        partitions: t
            .partitions()
            .iter()
            .map(|p| PartitionInfo {
                id: p.id(),
                leader: p.leader(),
                replicas: p.replicas().to_vec(),
                isr: p.isr().to_vec(),
                error: p.error().map(|e| code_text(e.into())),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// librdkafka's source for each name Kafka puts on the wire (the enum mirrors them).
    fn source(kafka_name: &str) -> ConfigSource {
        match kafka_name {
            "DYNAMIC_TOPIC_CONFIG" => ConfigSource::DynamicTopic,
            "DYNAMIC_BROKER_CONFIG" => ConfigSource::DynamicBroker,
            "DYNAMIC_DEFAULT_BROKER_CONFIG" => ConfigSource::DynamicDefaultBroker,
            "STATIC_BROKER_CONFIG" => ConfigSource::StaticBroker,
            "DEFAULT_CONFIG" => ConfigSource::Default,
            _ => ConfigSource::Unknown,
        }
    }

    #[test]
    fn recorded_kafka_config_sources_map_to_kops_origins() {
        for (fixture, topic) in [
            (
                include_str!("../core/plan/fixtures/describe_configs_kafka.json"),
                "orders",
            ),
            (
                include_str!("../core/plan/fixtures/describe_configs_kafka_dynamic.json"),
                "payments",
            ),
        ] {
            let json: serde_json::Value = serde_json::from_str(fixture).unwrap();
            for entry in json[topic].as_array().unwrap() {
                let name = entry["name"].as_str().unwrap();
                let wire = entry["source"].as_str().unwrap();
                let expected = match wire {
                    "DYNAMIC_TOPIC_CONFIG" => ConfigOrigin::Topic,
                    "DYNAMIC_BROKER_CONFIG" | "DYNAMIC_DEFAULT_BROKER_CONFIG" => {
                        ConfigOrigin::DynamicBroker
                    }
                    "STATIC_BROKER_CONFIG" => ConfigOrigin::StaticBroker,
                    "DEFAULT_CONFIG" => ConfigOrigin::Default,
                    other => panic!("{name}: a source the fixtures do not use: {other}"),
                };
                assert_eq!(origin(source(wire)), expected, "{topic} {name} ({wire})");
            }
        }
        assert_eq!(origin(ConfigSource::Unknown), ConfigOrigin::Unknown);
    }
}

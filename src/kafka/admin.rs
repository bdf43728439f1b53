//! Reading cluster state: metadata, cluster id, controller, topic configs.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use rdkafka::admin::{AdminClient, AdminOptions, ConfigSource, ResourceSpecifier};
use rdkafka::error::KafkaError as RdError;
use rdkafka::metadata::Metadata;

use super::client_config::{client_config, Chattiness};
use super::client_context::KopContext;
use super::error::{code_text, describe, KafkaError};
use super::native;
use crate::cluster::{
    BrokerInfo, ClusterMetadata, ConfigOrigin, ConfigValue, PartitionInfo, TopicConfigs, TopicInfo,
};
use crate::context::Settings;
use crate::output::LogSink;

pub struct Admin {
    pub(super) client: AdminClient<KopContext>,
    context: KopContext,
    bootstrap: String,
    timeout: Duration,
}

impl Admin {
    /// A client for the settings. Nothing is sent until the first request.
    pub fn connect(settings: &Settings, sink: LogSink) -> Result<Admin, KafkaError> {
        Self::connect_to(settings, &settings.bootstrap, sink)
    }

    /// A client bootstrapped at one address (a single broker, for probing it).
    pub fn connect_to(
        settings: &Settings,
        bootstrap: &str,
        sink: LogSink,
    ) -> Result<Admin, KafkaError> {
        let chattiness = Chattiness::for_sink(&sink);
        let context = KopContext::new(sink);
        let mut config = client_config(settings, chattiness, &[]);
        config.set("bootstrap.servers", bootstrap);
        let client = config
            .create_with_context(context.clone())
            .map_err(|e| KafkaError::Config(describe(&e)))?;
        Ok(Admin {
            client,
            context,
            bootstrap: bootstrap.to_string(),
            timeout: settings.timeout,
        })
    }

    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// Brokers, topics and partitions, plus the cluster id and the controller.
    pub fn metadata(&self) -> Result<ClusterMetadata, KafkaError> {
        let deadline = Instant::now() + self.timeout;
        let md = self
            .client
            .inner()
            .fetch_metadata(None, self.timeout)
            .map_err(|e| self.failure(e))?;
        let mut cluster = from_metadata(&md);
        // Both answers come from the metadata just fetched; the timeout only guards a race
        // with a reconnect.
        let rest = deadline
            .saturating_duration_since(Instant::now())
            .max(Duration::from_millis(100));
        cluster.cluster_id = native::cluster_id(self.client.inner(), rest);
        cluster.controller_id = native::controller_id(self.client.inner(), rest);
        Ok(cluster)
    }

    /// How long the broker takes to answer a second, warm Metadata request (the first one
    /// pays for connecting).
    pub fn probe(&self) -> Result<Duration, KafkaError> {
        let ask = || {
            native::brokers(self.client.inner(), self.timeout)
                .map_err(|e| self.failure(RdError::MetadataFetch(e)))
        };
        ask()?;
        let start = Instant::now();
        ask()?;
        Ok(start.elapsed())
    }

    /// Configs of many topics in one DescribeConfigs request.
    pub async fn topic_configs(
        &self,
        topics: &[String],
    ) -> Result<BTreeMap<String, TopicConfigs>, KafkaError> {
        if topics.is_empty() {
            return Ok(BTreeMap::new());
        }
        let specifiers: Vec<ResourceSpecifier> =
            topics.iter().map(|t| ResourceSpecifier::Topic(t)).collect();
        let options = AdminOptions::new().request_timeout(Some(self.timeout));
        let results = self
            .client
            .describe_configs(&specifiers, &options)
            .await
            .map_err(|e| self.failure(e))?;
        let mut out = BTreeMap::new();
        for (topic, result) in topics.iter().zip(results) {
            let resource = result.map_err(|code| {
                KafkaError::request(
                    format!("describing the configs of {topic}"),
                    code_text(code),
                )
            })?;
            let configs = resource
                .entries
                .into_iter()
                .map(|entry| {
                    let origin = match entry.source {
                        ConfigSource::DynamicTopic => ConfigOrigin::Topic,
                        ConfigSource::DynamicBroker | ConfigSource::DynamicDefaultBroker => {
                            ConfigOrigin::DynamicBroker
                        }
                        ConfigSource::StaticBroker => ConfigOrigin::StaticBroker,
                        ConfigSource::Default => ConfigOrigin::Default,
                        ConfigSource::Unknown => ConfigOrigin::Unknown,
                    };
                    let value = ConfigValue {
                        value: entry.value,
                        origin,
                        sensitive: entry.is_sensitive,
                    };
                    (entry.name, value)
                })
                .collect();
            out.insert(topic.clone(), configs);
        }
        Ok(out)
    }

    /// Turns an rdkafka error into kop's, with the cause librdkafka reported on the side
    /// (drained first: the admin client's main queue is polled by nobody else).
    pub(super) fn failure(&self, err: RdError) -> KafkaError {
        self.context
            .take_events(native::drain_main_queue(self.client.inner()));
        self.context
            .failure(&err, &self.bootstrap, self.timeout, "the request")
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
    let topics = md
        .topics()
        .iter()
        .map(|t| TopicInfo {
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
        })
        .collect();
    ClusterMetadata {
        cluster_id: None,
        controller_id: None,
        brokers,
        topics,
    }
}

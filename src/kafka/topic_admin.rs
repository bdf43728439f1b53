//! Changing topics: each kind of change in one batched request.

use rdkafka::admin::{AdminOptions, NewPartitions, NewTopic, TopicReplication, TopicResult};
use rdkafka::error::KafkaError as RdError;
use rdkafka::types::RDKafkaErrorCode;

use super::admin::Admin;
use super::error::code_text;
use super::error::KafkaError;
use super::native_alter::{incremental_alter_configs, TopicAlteration, TopicOutcomes};

/// A topic to create. `None` leaves partitions or replication to the broker's default.
#[derive(Debug, Clone)]
pub struct TopicToCreate {
    pub name: String,
    pub partitions: Option<i32>,
    pub replication_factor: Option<i16>,
    pub configs: Vec<(String, String)>,
}

impl Admin {
    fn options(&self) -> AdminOptions {
        AdminOptions::new()
            .request_timeout(Some(self.timeout()))
            .operation_timeout(Some(self.timeout()))
    }

    /// One CreateTopics request for all topics.
    pub async fn create_topics(
        &self,
        topics: &[TopicToCreate],
    ) -> Result<TopicOutcomes, KafkaError> {
        let new_topics: Vec<NewTopic> = topics
            .iter()
            .map(|t| {
                let replication =
                    TopicReplication::Fixed(t.replication_factor.map_or(-1, i32::from));
                let mut topic = NewTopic::new(&t.name, t.partitions.unwrap_or(-1), replication);
                for (k, v) in &t.configs {
                    topic = topic.set(k, v);
                }
                topic
            })
            .collect();
        let results = self
            .client
            .create_topics(&new_topics, &self.options())
            .await;
        self.outcomes("CreateTopics", results)
    }

    /// One CreatePartitions request: each topic grows to the given count.
    pub async fn add_partitions(
        &self,
        topics: &[(String, i32)],
    ) -> Result<TopicOutcomes, KafkaError> {
        let requests: Vec<NewPartitions> = topics
            .iter()
            .map(|(name, to)| NewPartitions::new(name, usize::try_from(*to).unwrap_or(0)))
            .collect();
        let results = self
            .client
            .create_partitions(&requests, &self.options())
            .await;
        self.outcomes("CreatePartitions", results)
    }

    /// One IncrementalAlterConfigs request for all topics.
    pub fn alter_configs(
        &self,
        alterations: &[TopicAlteration],
    ) -> Result<TopicOutcomes, KafkaError> {
        incremental_alter_configs(self.client.inner(), alterations, self.timeout())
            .map_err(|cause| unsupported_or("IncrementalAlterConfigs", cause))
    }

    /// One DeleteTopics request.
    pub async fn delete_topics(&self, topics: &[String]) -> Result<TopicOutcomes, KafkaError> {
        let names: Vec<&str> = topics.iter().map(String::as_str).collect();
        let results = self.client.delete_topics(&names, &self.options()).await;
        self.outcomes("DeleteTopics", results)
    }

    fn outcomes(
        &self,
        api: &'static str,
        results: rdkafka::error::KafkaResult<Vec<TopicResult>>,
    ) -> Result<TopicOutcomes, KafkaError> {
        let results = results.map_err(|e| match e {
            RdError::AdminOp(RDKafkaErrorCode::UnsupportedFeature) => unsupported(api),
            RdError::AdminOp(code) => KafkaError::request(api, code_text(code)),
            other => self.failure(other),
        })?;
        let mut outcomes = Vec::with_capacity(results.len());
        for result in results {
            match result {
                Ok(topic) => outcomes.push((topic, Ok(()))),
                // librdkafka refuses locally, per topic, what the broker does not advertise.
                Err((_, RDKafkaErrorCode::UnsupportedFeature)) => return Err(unsupported(api)),
                Err((topic, code)) => outcomes.push((topic, Err(code_text(code)))),
            }
        }
        Ok(outcomes)
    }
}

fn unsupported(api: &'static str) -> KafkaError {
    KafkaError::Unsupported { api }
}

fn unsupported_or(api: &'static str, cause: String) -> KafkaError {
    if cause.contains("not supported by broker")
        || cause.contains("UNSUPPORTED_FEATURE")
        || cause.contains("Unsupported")
    {
        unsupported(api)
    } else {
        KafkaError::request(api, cause)
    }
}

//! Changing topics: each kind of change in one batched request.

use rdkafka::admin::{AdminOptions, NewPartitions, NewTopic, TopicReplication, TopicResult};
use rdkafka::error::KafkaError as RdError;
use rdkafka::types::RDKafkaErrorCode;

use super::admin::{Admin, TopicOutcomes};
use super::block::block_on;
use super::error::KafkaError;
use super::native_alter::{incremental_alter_configs, TopicAlteration};

/// A topic to create. `None` leaves partitions or replication to the broker's default.
#[derive(Debug, Clone)]
pub(crate) struct TopicToCreate {
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
    pub fn create_topics(&self, topics: &[TopicToCreate]) -> Result<TopicOutcomes, KafkaError> {
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
        let results = block_on(self.client.create_topics(&new_topics, &self.options()));
        self.outcomes("CreateTopics", "creating topic", results)
    }

    /// One CreatePartitions request: each topic grows to the given count.
    pub fn add_partitions(&self, topics: &[(String, i32)]) -> Result<TopicOutcomes, KafkaError> {
        let requests: Vec<NewPartitions> = topics
            .iter()
            .map(|(name, to)| NewPartitions::new(name, usize::try_from(*to).unwrap_or(0)))
            .collect();
        let results = block_on(self.client.create_partitions(&requests, &self.options()));
        self.outcomes("CreatePartitions", "adding partitions to", results)
    }

    /// One IncrementalAlterConfigs request for all topics.
    pub fn alter_configs(
        &self,
        alterations: &[TopicAlteration],
    ) -> Result<TopicOutcomes, KafkaError> {
        let api = "IncrementalAlterConfigs";
        let results = incremental_alter_configs(self.client.inner(), alterations, self.timeout())
            .map_err(|e| self.native_failure(e, api))?;
        Ok(results
            .into_iter()
            .map(|(topic, result)| {
                let what = format!("changing the configs of {topic}");
                let result = result.map_err(|e| KafkaError::from_code(e.code, what));
                (topic, result)
            })
            .collect())
    }

    /// One DeleteTopics request.
    pub fn delete_topics(&self, topics: &[String]) -> Result<TopicOutcomes, KafkaError> {
        let names: Vec<&str> = topics.iter().map(String::as_str).collect();
        let results = block_on(self.client.delete_topics(&names, &self.options()));
        self.outcomes("DeleteTopics", "deleting topic", results)
    }

    fn outcomes(
        &self,
        api: &'static str,
        doing: &str,
        results: rdkafka::error::KafkaResult<Vec<TopicResult>>,
    ) -> Result<TopicOutcomes, KafkaError> {
        let results = results.map_err(|e| match e {
            RdError::AdminOp(code) => KafkaError::from_code(code, api),
            other => self.failure(other, api),
        })?;
        let mut outcomes = Vec::with_capacity(results.len());
        for result in results {
            match result {
                Ok(topic) => outcomes.push((topic, Ok(()))),
                // librdkafka refuses locally, per topic, what the broker does not advertise.
                Err((_, RDKafkaErrorCode::UnsupportedFeature)) => {
                    return Err(KafkaError::Unsupported { api: api.into() })
                }
                Err((topic, code)) => {
                    let error = KafkaError::from_code(code, format!("{doing} {topic}"));
                    outcomes.push((topic, Err(error)));
                }
            }
        }
        Ok(outcomes)
    }
}

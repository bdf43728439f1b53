//! Changing topics: each kind of change in one batched request.

use rdkafka::types::RDKafkaErrorCode;

use super::admin::{Admin, TopicOutcomes};
use super::error::KafkaError;
use super::native::NativeError;
use super::native_admin::{self, NameOutcomes, NewTopic};
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
    /// One CreateTopics request for all topics.
    pub fn create_topics(&self, topics: &[TopicToCreate]) -> Result<TopicOutcomes, KafkaError> {
        let new_topics: Vec<NewTopic> = topics
            .iter()
            .map(|t| NewTopic {
                name: &t.name,
                partitions: t.partitions.unwrap_or(-1),
                replication_factor: t.replication_factor.map_or(-1, i32::from),
                configs: &t.configs,
            })
            .collect();
        let results = native_admin::create_topics(&self.client, &new_topics, self.timeout());
        self.outcomes("CreateTopics", "creating topic", results)
    }

    /// One CreatePartitions request: each topic grows to the given count.
    pub fn add_partitions(&self, topics: &[(String, i32)]) -> Result<TopicOutcomes, KafkaError> {
        let results = native_admin::create_partitions(&self.client, topics, self.timeout());
        self.outcomes("CreatePartitions", "adding partitions to", results)
    }

    /// One IncrementalAlterConfigs request for all topics.
    pub fn alter_configs(
        &self,
        alterations: &[TopicAlteration],
    ) -> Result<TopicOutcomes, KafkaError> {
        let api = "IncrementalAlterConfigs";
        let results = incremental_alter_configs(&self.client, alterations, self.timeout())
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
        let results = native_admin::delete_topics(&self.client, topics, self.timeout());
        self.outcomes("DeleteTopics", "deleting topic", results)
    }

    fn outcomes(
        &self,
        api: &'static str,
        doing: &str,
        results: Result<NameOutcomes, NativeError>,
    ) -> Result<TopicOutcomes, KafkaError> {
        // A failure of the whole request is typed by its code, as librdkafka reported it.
        let results = results.map_err(|e| KafkaError::from_code(e.code, api))?;
        let mut outcomes = Vec::with_capacity(results.len());
        for (topic, result) in results {
            match result {
                Ok(()) => outcomes.push((topic, Ok(()))),
                // librdkafka refuses locally, per topic, what the broker does not advertise.
                Err(RDKafkaErrorCode::UnsupportedFeature) => {
                    return Err(KafkaError::Unsupported { api: api.into() })
                }
                Err(code) => {
                    let error = KafkaError::from_code(code, format!("{doing} {topic}"));
                    outcomes.push((topic, Err(error)));
                }
            }
        }
        Ok(outcomes)
    }
}

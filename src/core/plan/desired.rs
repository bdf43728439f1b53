//! The desired state of each topic: the topic's own keys over the profile's defaults over
//! the file's `[defaults]`.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::config::{ClusterProfile, CompatibilityLevel, TopicsFile};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DesiredTopic {
    pub name: String,
    /// `None`: leave it to the broker's default.
    pub partitions: Option<i32>,
    pub replication_factor: Option<i16>,
    pub configs: BTreeMap<String, String>,
    pub unset: Vec<String>,
    pub keyed: bool,
    pub key_schema: Option<PathBuf>,
    pub value_schema: Option<PathBuf>,
    pub key_compatibility: Option<CompatibilityLevel>,
    pub value_compatibility: Option<CompatibilityLevel>,
}

pub fn desired_topics(file: &TopicsFile, profile: Option<&ClusterProfile>) -> Vec<DesiredTopic> {
    let profile_defaults = profile.map(|p| &p.defaults);
    file.topics
        .values()
        .map(|spec| {
            let mut configs = file.defaults.configs.clone();
            if let Some(d) = profile_defaults {
                configs.extend(d.configs.clone());
            }
            configs.extend(spec.configs.clone());
            for key in &spec.unset {
                configs.remove(key);
            }
            DesiredTopic {
                name: spec.name.clone(),
                partitions: spec
                    .partitions
                    .or(profile_defaults.and_then(|d| d.partitions))
                    .or(file.defaults.partitions),
                replication_factor: spec
                    .replication_factor
                    .or(profile_defaults.and_then(|d| d.replication_factor))
                    .or(file.defaults.replication_factor),
                configs,
                unset: spec.unset.clone(),
                keyed: spec.keyed,
                key_schema: spec.key_schema.clone(),
                value_schema: spec.value_schema.clone(),
                key_compatibility: spec.key_compatibility,
                value_compatibility: spec.value_compatibility,
            }
        })
        .collect()
}

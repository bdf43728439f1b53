//! `kop topics export`: the topics file itself (TOML), or the export as JSON.
//!
//! JSON shape (stable): `{"cluster_id": str|null, "topics": {name: {"partitions",
//! "replication_factor", "configs": {name: canonical value}}}, "skipped": [{"topic", "key",
//! "value", "reason"}]}`. Warnings (configs left out, brokers that list only some configs)
//! go to stderr.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::core::topics_export::Export;
use crate::output::{Format, Output};

#[derive(Serialize)]
struct ExportJson<'a> {
    cluster_id: Option<&'a str>,
    topics: BTreeMap<&'a str, TopicJson<'a>>,
    skipped: Vec<SkippedJson<'a>>,
}

#[derive(Serialize)]
struct TopicJson<'a> {
    partitions: usize,
    replication_factor: usize,
    configs: &'a BTreeMap<String, String>,
}

#[derive(Serialize)]
struct SkippedJson<'a> {
    topic: &'a str,
    key: &'a str,
    value: &'a str,
    reason: &'a str,
}

/// `toml`: the file's text, made by `core::topics_export::to_toml`.
pub(crate) fn render(out: &mut Output, export: &Export, toml: &str) -> std::io::Result<()> {
    for s in &export.skipped {
        out.warn(&format!(
            "{}: {} is not exported: {}",
            s.topic, s.key, s.reason
        ));
    }
    if !export.partial.is_empty() {
        out.warn(&format!(
            "the broker listed only the configs set on {} topic{}, calling them defaults (Kafka lists every config with its source): kop exported them as set on the topic",
            export.partial.len(),
            if export.partial.len() == 1 { "" } else { "s" }
        ));
    }
    if out.format != Format::Json {
        // Data, not prose: written as is (never cut to the terminal's width).
        return out.line(toml.trim_end());
    }
    out.json(&ExportJson {
        cluster_id: export.cluster_id.as_deref(),
        topics: export
            .topics
            .iter()
            .map(|t| {
                let topic = TopicJson {
                    partitions: t.partitions,
                    replication_factor: t.replication_factor,
                    configs: &t.configs,
                };
                (t.name.as_str(), topic)
            })
            .collect(),
        skipped: export
            .skipped
            .iter()
            .map(|s| SkippedJson {
                topic: &s.topic,
                key: &s.key,
                value: &s.value,
                reason: &s.reason,
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::topics_export::{to_toml, ExportedTopic, Skipped};

    fn export() -> Export {
        Export {
            cluster_id: Some("prod-7".into()),
            topics: vec![ExportedTopic {
                name: "orders".into(),
                partitions: 6,
                replication_factor: 3,
                configs: BTreeMap::from([("retention.ms".to_string(), "604800000".to_string())]),
            }],
            skipped: vec![Skipped {
                topic: "orders".into(),
                key: "vendor.knob".into(),
                value: "x".into(),
                reason: "unknown topic config `vendor.knob`".into(),
            }],
            partial: vec!["orders".into()],
        }
    }

    #[test]
    fn the_file_goes_to_stdout_whole_and_warnings_to_stderr() {
        let e = export();
        let (mut out, captured) = Output::terminal(Format::Table, 20);
        render(&mut out, &e, &to_toml(&e)).unwrap();
        let stdout = captured.stdout();
        assert!(stdout.contains("retention = \"7d\""), "{stdout}");
        assert!(
            stdout.lines().any(|l| l.len() > 20),
            "lines are not cut to the terminal"
        );
        assert!(captured.stderr().contains("vendor.knob is not exported"));
        assert!(captured
            .stderr()
            .contains("listed only the configs set on 1 topic"));
        crate::config::parse(std::path::Path::new("t.toml"), &stdout).unwrap();
    }

    #[test]
    fn the_json_has_topics_and_what_was_skipped() {
        let e = export();
        let (mut out, captured) = Output::buffered(Format::Json);
        render(&mut out, &e, "").unwrap();
        let json: serde_json::Value = serde_json::from_str(&captured.stdout()).unwrap();
        assert_eq!(json["cluster_id"], "prod-7");
        assert_eq!(json["topics"]["orders"]["partitions"], 6);
        assert_eq!(
            json["topics"]["orders"]["configs"]["retention.ms"],
            "604800000"
        );
        assert_eq!(json["skipped"][0]["key"], "vendor.knob");
    }
}

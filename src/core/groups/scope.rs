//! Which partitions a reset covers: `--topic T`, `--topic T:0,1`, `--all-topics`, or the
//! partitions a file or another group names.

use std::collections::{BTreeMap, BTreeSet};

use super::reset::Offsets;
use crate::core::record::TopicPartition;

/// `--topic T` (every partition) or `--topic T:0,1` (those).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicScope {
    pub topic: String,
    pub partitions: Option<Vec<i32>>,
}

/// `T`, `T:0,1` or `T:0-3`.
pub fn parse_topic_scope(text: &str) -> Result<TopicScope, String> {
    let (topic, list) = match text.split_once(':') {
        Some((t, l)) => (t, Some(l)),
        None => (text, None),
    };
    if topic.is_empty() {
        return Err(format!("`{text}`: no topic name before `:`"));
    }
    let Some(list) = list else {
        return Ok(TopicScope {
            topic: topic.to_string(),
            partitions: None,
        });
    };
    let mut partitions = BTreeSet::new();
    for item in list.split(',').map(str::trim) {
        let bad = || {
            format!("`{text}`: `{item}` is not a partition number or range (e.g. {topic}:0,1 or {topic}:0-3)")
        };
        match item.split_once('-') {
            Some((a, b)) => {
                let (a, b): (i32, i32) =
                    (a.parse().map_err(|_| bad())?, b.parse().map_err(|_| bad())?);
                if a > b || a < 0 {
                    return Err(bad());
                }
                partitions.extend(a..=b);
            }
            None => {
                let p: i32 = item.parse().map_err(|_| bad())?;
                if p < 0 {
                    return Err(bad());
                }
                partitions.insert(p);
            }
        }
    }
    Ok(TopicScope {
        topic: topic.to_string(),
        partitions: Some(partitions.into_iter().collect()),
    })
}

/// Which partitions a reset covers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    pub topics: Vec<TopicScope>,
    /// The partitions the group has committed offsets for.
    pub all_topics: bool,
}

impl Scope {
    pub fn is_empty(&self) -> bool {
        self.topics.is_empty() && !self.all_topics
    }
}

/// The partitions to reset. `partition_counts` holds every topic on the cluster that the
/// scope or the source mention; `named` is what a file or another group names, narrowed
/// by the scope when one is given.
pub fn partitions_in_scope(
    scope: &Scope,
    partition_counts: &BTreeMap<String, i32>,
    committed: &Offsets,
    named: Option<&[TopicPartition]>,
) -> Result<Vec<TopicPartition>, String> {
    let mut wanted: BTreeSet<TopicPartition> = BTreeSet::new();
    for t in &scope.topics {
        let Some(&count) = partition_counts.get(&t.topic) else {
            return Err(format!("topic {} does not exist", t.topic));
        };
        match &t.partitions {
            None => wanted.extend((0..count).map(|p| TopicPartition::new(t.topic.clone(), p))),
            Some(ps) => {
                if let Some(p) = ps.iter().find(|p| **p >= count) {
                    return Err(format!(
                        "topic {} has no partition {p} (it has {count})",
                        t.topic
                    ));
                }
                wanted.extend(ps.iter().map(|p| TopicPartition::new(t.topic.clone(), *p)));
            }
        }
    }
    if scope.all_topics {
        wanted.extend(
            committed
                .iter()
                .filter(|(_, o)| o.is_some())
                .map(|(tp, _)| tp.clone()),
        );
    }
    let Some(named) = named else {
        return Ok(wanted.into_iter().collect());
    };
    for tp in named {
        match partition_counts.get(&tp.topic) {
            None => return Err(format!("topic {} does not exist", tp.topic)),
            Some(&count) if tp.partition >= count || tp.partition < 0 => {
                return Err(format!(
                    "topic {} has no partition {} (it has {count})",
                    tp.topic, tp.partition
                ))
            }
            Some(_) => {}
        }
    }
    let named: BTreeSet<TopicPartition> = named.iter().cloned().collect();
    Ok(if scope.is_empty() {
        named.into_iter().collect()
    } else {
        named.intersection(&wanted).cloned().collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tp(p: i32) -> TopicPartition {
        TopicPartition::new("orders", p)
    }

    #[test]
    fn topic_scopes_parse() {
        assert_eq!(
            parse_topic_scope("orders"),
            Ok(TopicScope {
                topic: "orders".into(),
                partitions: None
            })
        );
        assert_eq!(
            parse_topic_scope("orders:2,0,3-4").unwrap().partitions,
            Some(vec![0, 2, 3, 4])
        );
        assert!(parse_topic_scope("orders:x")
            .unwrap_err()
            .contains("orders:0,1"));
        assert!(parse_topic_scope(":1").is_err());
        assert!(parse_topic_scope("orders:3-1").is_err());
    }

    #[test]
    fn scopes_resolve_against_the_cluster() {
        let counts = BTreeMap::from([("orders".to_string(), 3), ("refunds".to_string(), 1)]);
        let committed =
            BTreeMap::from([(TopicPartition::new("refunds", 0), Some(4)), (tp(1), None)]);
        let scope = |topics: &[&str], all| Scope {
            topics: topics
                .iter()
                .map(|t| parse_topic_scope(t).unwrap())
                .collect(),
            all_topics: all,
        };
        let got =
            partitions_in_scope(&scope(&["orders:1"], true), &counts, &committed, None).unwrap();
        assert_eq!(got, [tp(1), TopicPartition::new("refunds", 0)]);
        assert_eq!(
            partitions_in_scope(&scope(&["orders"], false), &counts, &committed, None)
                .unwrap()
                .len(),
            3
        );
        assert_eq!(
            partitions_in_scope(&scope(&["nope"], false), &counts, &committed, None).unwrap_err(),
            "topic nope does not exist"
        );
        assert!(
            partitions_in_scope(&scope(&["orders:3"], false), &counts, &committed, None)
                .unwrap_err()
                .contains("no partition 3")
        );
        let named = [tp(0), tp(2)];
        assert_eq!(
            partitions_in_scope(&Scope::default(), &counts, &committed, Some(&named)).unwrap(),
            named
        );
        assert_eq!(
            partitions_in_scope(
                &scope(&["orders:2"], false),
                &counts,
                &committed,
                Some(&named)
            )
            .unwrap(),
            [tp(2)]
        );
        assert!(
            partitions_in_scope(&Scope::default(), &counts, &committed, Some(&[tp(9)])).is_err()
        );
    }
}

//! `kop dlq replay DLQ_TOPIC`: check the targets, scan and confirm, then replay in
//! batches; each batch's letters, their ledger records and the cursor commit are one
//! transaction where the broker supports it.

use std::collections::BTreeMap;

use super::super::confirm::{confirm, Confirmation};
use super::pass::Pass;
use super::read_ledger;
use crate::commands::names;
use crate::core::cluster::{ClusterMetadata, TopicInfo};
use crate::core::dlq::ledger::ledger_topic;
use crate::core::dlq::replay::{Policy, ReplayMode, ReplayReport, ReplayTally};
use crate::error::{CommandError, Outcome};
use crate::interrupt;
use crate::kafka::{Admin, KafkaError, Producer, TopicToCreate};
use crate::output::views::dlq::render_replay;
use crate::output::Output;
use crate::settings::{ReplaySettings, Settings};

pub(crate) fn run(
    settings: &Settings,
    replay: &ReplaySettings,
    out: &mut Output,
) -> Result<Outcome, CommandError> {
    interrupt::watch();
    let admin = Admin::connect(settings, out.log_sink())?;
    let cluster = admin.metadata()?;
    let dlq_info = cluster.topic(&replay.dlq).ok_or_else(|| {
        names::no_such_topic(
            format!("the dead-letter topic {} does not exist", replay.dlq),
            &replay.dlq,
            &cluster,
        )
    })?;
    // A mistyped --to would make every letter unroutable: say so before anything moves.
    if let Some(to) = replay
        .to
        .as_deref()
        .filter(|to| cluster.topic(to).is_none())
    {
        return Err(names::no_such_topic(
            format!("--to {to}: the topic does not exist"),
            to,
            &cluster,
        ));
    }
    let policy = Policy {
        to: replay.to.clone(),
        max_retries: replay.max_retries,
        park_topic: replay.park_topic.clone(),
        topics: partition_counts(&cluster),
    };
    let ledger = read_ledger(settings, &admin, &replay.dlq, out)?;
    let schemas = super::super::schema_source(settings);
    let pass = Pass {
        settings,
        replay,
        policy: &policy,
        admin: &admin,
        ledger: &ledger,
        schemas: schemas.as_ref(),
    };
    let report = |mode, tally| ReplayReport {
        dlq: replay.dlq.clone(),
        cursor: replay.cursor.clone(),
        mode,
        tally,
    };
    // Without --yes, a dry pass first: the counts are what is shown and confirmed.
    if replay.dry_run || !replay.yes {
        let scanned = report(ReplayMode::DryRun, pass.run(None, out)?);
        if replay.dry_run || scanned.tally.moved() == 0 {
            render_replay(out, &scanned, true)?;
            return Ok(outcome(replay, &scanned.tally));
        }
        if out.interactive {
            render_replay(out, &scanned, true)?;
        }
        let moved = scanned.tally.moved();
        let question = format!("Replay {moved} letter(s) as shown?");
        let refusal = format!(
            "refusing to replay {moved} letter(s) without confirmation; nothing was changed"
        );
        confirm(
            out,
            false,
            true,
            &Confirmation {
                question: &question,
                refusal: &refusal,
                hint: "there is no terminal to ask on: add --yes (or look first with --dry-run)",
                declined: "not replayed: the answer was no",
            },
        )?;
    }
    let mut needed = vec![ledger_topic(&replay.dlq)];
    needed.extend(replay.park_topic.clone());
    for topic in needed {
        if cluster.topic(&topic).is_none() {
            ensure_topic(&admin, &topic, dlq_info, out)?;
        }
    }
    let (producer, mode) = producer(settings, replay, out)?;
    let done = report(mode, pass.run(Some((&producer, mode)), out)?);
    render_replay(out, &done, false)?;
    if interrupt::requested() {
        return Ok(Outcome::Interrupted);
    }
    if let Some(err) = &done.tally.error {
        return Err(CommandError::failed(err.clone()).context(format!(
            "replay stopped; {} letter(s) were replayed and committed before it",
            done.tally.moved()
        )));
    }
    Ok(outcome(replay, &done.tally))
}

/// Exit 3 for letters that did not go home: failed, or unroutable (unless told to
/// accept those).
fn outcome(replay: &ReplaySettings, tally: &ReplayTally) -> Outcome {
    let unroutable = tally.unroutable > 0 && !replay.skip_unroutable;
    Outcome::problems_if(tally.failed > 0 || unroutable)
}

fn partition_counts(cluster: &ClusterMetadata) -> BTreeMap<String, usize> {
    cluster
        .topics
        .iter()
        .filter(|t| t.error.is_none())
        .map(|t| (t.name.clone(), t.partitions.len()))
        .collect()
}

/// A transactional producer where the broker supports it.
fn producer(
    settings: &Settings,
    replay: &ReplaySettings,
    out: &Output,
) -> Result<(Producer, ReplayMode), CommandError> {
    if replay.transactions {
        let id = format!("kop-{}", replay.cursor);
        let producer = Producer::new(settings, out.log_sink(), Some(&id), &replay.partitioner)?;
        match producer.begin() {
            Ok(()) => return Ok((producer, ReplayMode::Transactional)),
            Err(e) => out.warn(&format!(
                "transactions unavailable ({e}); replaying at-least-once"
            )),
        }
    }
    let producer = Producer::new(settings, out.log_sink(), None, &replay.partitioner)?;
    Ok((producer, ReplayMode::AtLeastOnce))
}

/// Creates a topic kop needs beside the queue (the parking topic, the ledger): as many
/// partitions as the queue for parking, one compacted partition for the ledger.
fn ensure_topic(
    admin: &Admin,
    name: &str,
    like: &TopicInfo,
    out: &Output,
) -> Result<(), CommandError> {
    let ledger = name.starts_with('_');
    out.status(&format!(
        "creating {} {name} (like {})",
        if ledger {
            "the replay ledger"
        } else {
            "the parking topic"
        },
        like.name
    ));
    let topic = TopicToCreate {
        name: name.to_string(),
        partitions: if ledger {
            Some(1)
        } else {
            i32::try_from(like.partitions.len()).ok()
        },
        replication_factor: i16::try_from(like.replication_factor()).ok(),
        configs: if ledger {
            vec![("cleanup.policy".into(), "compact".into())]
        } else {
            vec![]
        },
    };
    for (topic, result) in admin.create_topics(&[topic])? {
        match result {
            Ok(()) | Err(KafkaError::AlreadyExists { .. }) => {}
            Err(e) => return Err(CommandError::from(e).context(format!("cannot create {topic}"))),
        }
    }
    Ok(())
}

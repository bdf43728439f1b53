//! `kop copy SOURCE TARGET`: check both topics, find where the cursor stands (or where
//! `--from` starts it), ask before adding to a topic that holds records, then copy in
//! batches; within one cluster each batch and the cursor commit are one transaction.

mod pass;
mod schemas;

use std::collections::BTreeMap;

use super::confirm::{confirm, Confirmation};
use crate::core::cluster::{Ends, TopicInfo};
use crate::core::copy::{CopyMode, CopyReport};
use crate::core::record::TopicPartition;
use crate::core::tail::{start_offset, StartAt};
use crate::error::{CommandError, Outcome};
use crate::interrupt;
use crate::kafka::{Admin, GroupOffsets, KafkaError, Producer, ReaderOptions, TopicReader};
use crate::output::views::copy::render_copy;
use crate::output::Output;
use crate::settings::{CopySettings, Settings};
use crate::util::time::now_ms;
use pass::Pass;
use schemas::Rekeyer;

pub(crate) fn run(
    settings: &Settings,
    copy: &CopySettings,
    out: &mut Output,
) -> Result<Outcome, CommandError> {
    interrupt::watch();
    let target_settings = copy.target_settings(settings);
    let admin = Admin::connect(settings, out.log_sink())?;
    let source = topic(&admin, &copy.source, "source")?;
    let partitions = selected(&source, copy)?;
    let other;
    let target_admin = match &copy.target_cluster {
        Some(_) => {
            other = Admin::connect(target_settings, out.log_sink())?;
            &other
        }
        None => &admin,
    };
    let target = topic(target_admin, &copy.target, "target").map_err(|e| {
        e.with_hint("kop copies only into topics that exist: create it first (`kop topics apply`; `kop topics describe SOURCE` shows the source's partitions and configs)")
    })?;
    if copy.keep_partition {
        if let Some(p) = partitions
            .iter()
            .map(|tp| tp.partition)
            .filter(|p| usize::try_from(*p).map_or(true, |p| p >= target.partitions.len()))
            .max()
        {
            return Err(CommandError::failed(format!(
                "--keep-partition: {} has partition {p}, but {} has {} partition(s)",
                copy.source,
                copy.target,
                target.partitions.len()
            ))
            .with_hint("copy by key without --keep-partition, or only some partitions with -p"));
        }
    }
    let (starts, resumed) = starts(&admin, copy, &partitions)?;
    if resumed {
        out.status(&format!("resuming cursor {}", copy.cursor));
    } else if copy.dry_run {
        // What the real run will ask is said now, so the dry run is the whole preview.
        if holds_records(target_admin, copy, &target)? && !copy.yes {
            out.warn(&format!(
                "{} already holds records: the copy will ask before mixing records into it (or take --yes)",
                copy.target
            ));
        }
    } else {
        confirm_non_empty(target_admin, copy, &target, out)?;
    }
    let mut rekeyer = Rekeyer::new(settings, target_settings, copy);
    let schemas = super::schema_source(settings);
    let pass = Pass {
        copy,
        schemas: schemas.as_ref(),
    };
    let options = ReaderOptions {
        group: Some(&copy.cursor),
        follow: copy.follow && !copy.dry_run,
    };
    let mut reader = TopicReader::assign(settings, out.log_sink(), options, &starts)?;
    if let Some(bound) = copy.until {
        for (tp, start) in starts.iter().filter(|(_, s)| bound.excludes_start(*s)) {
            reader.stop_partition(&tp.topic, tp.partition, *start)?;
        }
    }
    let (tally, error, mode) = if copy.dry_run {
        let (tally, error) = pass.run(&mut reader, &mut rekeyer, None, out)?;
        (tally, error, CopyMode::DryRun)
    } else {
        let (producer, mode) = producer(target_settings, copy, out)?;
        producer.prepare(&copy.target)?;
        let (tally, error) = pass.run(&mut reader, &mut rekeyer, Some((&producer, mode)), out)?;
        (tally, error, mode)
    };
    if rekeyer.keeps_unasked() {
        let copied = match copy.dry_run {
            true => "would be copied",
            false => "were copied",
        };
        out.warn(&format!(
            "payloads that look like the wire format (a zero byte, then a schema id) {copied} as they are: no Schema Registry is configured, so no schema was registered under {}'s subjects (configure both registries to re-key them)",
            copy.target
        ));
    }
    let report = CopyReport {
        source: copy.source.clone(),
        target: copy.target.clone(),
        target_cluster: copy.target_cluster.as_ref().map(|t| t.name.clone()),
        cursor: copy.cursor.clone(),
        resumed,
        mode,
        tally,
        schemas: rekeyer.moves().to_vec(),
    };
    render_copy(out, &report)?;
    if interrupt::requested() {
        return Ok(Outcome::Interrupted);
    }
    match error {
        Some(e) if copy.dry_run => Err(e.context(format!(
            "the dry run stopped; {} event(s) would have been copied before it, and nothing was written",
            report.tally.copied
        ))),
        Some(e) => Err(e.context(format!(
            "the copy stopped; {} event(s) were copied and committed before it",
            report.tally.copied
        ))),
        None => Ok(Outcome::Clean),
    }
}

fn topic(admin: &Admin, name: &str, role: &str) -> Result<TopicInfo, CommandError> {
    admin.topic(name).map_err(|e| match e {
        KafkaError::NotFound { .. } => {
            CommandError::failed(format!("the {role} topic {name} does not exist"))
        }
        other => other.into(),
    })
}

/// The source partitions to copy; naming a partition the topic lacks is an error.
fn selected(source: &TopicInfo, copy: &CopySettings) -> Result<Vec<TopicPartition>, CommandError> {
    let available: Vec<i32> = source.partitions.iter().map(|p| p.id).collect();
    if let Some(missing) = copy.partitions.iter().find(|p| !available.contains(p)) {
        return Err(CommandError::failed(format!(
            "{} has no partition {missing} (it has {})",
            copy.source,
            available.len()
        )));
    }
    Ok(available
        .into_iter()
        .filter(|p| copy.partitions.is_empty() || copy.partitions.contains(p))
        .map(|p| TopicPartition::new(copy.source.clone(), p))
        .collect())
}

/// Where each partition starts: where the cursor stands, else where `--from` says; and
/// whether the cursor had stood anywhere.
fn starts(
    admin: &Admin,
    copy: &CopySettings,
    partitions: &[TopicPartition],
) -> Result<(Vec<(TopicPartition, i64)>, bool), CommandError> {
    let mut committed = admin.group_offsets(std::slice::from_ref(&copy.cursor))?;
    let offsets: GroupOffsets = committed
        .remove(&copy.cursor)
        .transpose()?
        .unwrap_or_default();
    let ends = admin.partition_ends(partitions)?;
    let at_time = match copy.start {
        StartAt::Time(spec) => Some(admin.offsets_for_time(partitions, spec.resolve(now_ms()))?),
        _ => None,
    };
    let mut resumed = false;
    let starts = partitions
        .iter()
        .map(|tp| {
            let e = ends.get(tp).copied().unwrap_or_default();
            let offset = match offsets.get(tp).copied().flatten() {
                Some(next) => {
                    resumed = true;
                    next.max(e.earliest)
                }
                None => {
                    let found = at_time.as_ref().and_then(|t| t.get(tp).copied().flatten());
                    start_offset(copy.start, e, found)
                }
            };
            (tp.clone(), offset)
        })
        .collect();
    Ok((starts, resumed))
}

/// Whether the target topic holds any record.
fn holds_records(
    admin: &Admin,
    copy: &CopySettings,
    target: &TopicInfo,
) -> Result<bool, CommandError> {
    let partitions: Vec<TopicPartition> = target
        .partitions
        .iter()
        .map(|p| TopicPartition::new(copy.target.clone(), p.id))
        .collect();
    let ends: BTreeMap<TopicPartition, Ends> = admin.partition_ends(&partitions)?;
    Ok(ends.values().any(|e| e.latest > e.earliest))
}

/// A fresh copy into a topic that already holds records mixes them: asked first.
fn confirm_non_empty(
    admin: &Admin,
    copy: &CopySettings,
    target: &TopicInfo,
    out: &Output,
) -> Result<(), CommandError> {
    if !holds_records(admin, copy, target)? {
        return Ok(());
    }
    let question = format!(
        "{} already holds records; copy {} into it as well?",
        copy.target, copy.source
    );
    let refusal = format!(
        "refusing to copy into {}, which already holds records, without confirmation; nothing was copied",
        copy.target
    );
    confirm(
        out,
        copy.yes,
        true,
        &Confirmation {
            question: &question,
            refusal: &refusal,
            hint: "add --yes to copy anyway (a copy run again resumes its cursor without asking), or look first with --dry-run",
            declined: "not copied: the answer was no",
        },
    )
}

/// A transactional producer within one cluster (where the broker supports it), else one
/// that copies at least once.
fn producer(
    target: &Settings,
    copy: &CopySettings,
    out: &Output,
) -> Result<(Producer, CopyMode), CommandError> {
    if copy.same_cluster && copy.transactions {
        // The cursor's own name: a run after a crash fences the one that crashed.
        let producer = Producer::new(
            target,
            out.log_sink(),
            Some(&copy.cursor),
            &copy.partitioner,
        )?;
        match producer.begin() {
            Ok(()) => return Ok((producer, CopyMode::Transactional)),
            Err(e) => out.warn(&format!(
                "transactions unavailable ({e}); copying at-least-once"
            )),
        }
    }
    let producer = Producer::new(target, out.log_sink(), None, &copy.partitioner)?;
    Ok((producer, CopyMode::AtLeastOnce))
}

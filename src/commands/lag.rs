//! `kop lag`: groups, committed offsets and partition ends in batched requests, lag
//! arithmetic, thresholds, and a view; `--watch` repeats with rates.

use std::time::{Duration, Instant};

use crate::core::lag::{self, lagging_offsets, trends, Ages, LagView, Snapshot};
use crate::error::{CommandError, Outcome};
use crate::interrupt;
use crate::kafka::{timestamps_at, Admin};
use crate::output::views::lag::render;
use crate::output::Output;
use crate::settings::{LagSettings, Settings};
use crate::util::names::closest;
use crate::util::time::now_ms;

pub(crate) fn run(
    settings: &Settings,
    lag: &LagSettings,
    out: &mut Output,
) -> Result<Outcome, CommandError> {
    if lag.watch.is_some() {
        interrupt::watch();
    }
    let admin = Admin::connect(settings, out.log_sink())?;
    check_topics_exist(&admin, &lag.selection.topics)?;
    let mut previous: Option<Snapshot> = None;
    loop {
        let snapshot = look(settings, &admin, lag, out)?;
        let view = LagView {
            trends: previous.as_ref().map(|p| trends(p, &snapshot)),
            snapshot,
            level: lag.level,
            show_all: lag.show_all,
            time: lag.time,
            redraw: lag.watch.is_some() && out.progress,
        };
        render(out, &view)?;
        out.flush()?;
        let breach = view.snapshot.groups.iter().any(|g| g.breach.is_some());
        let Some(interval) = lag.watch else {
            return Ok(Outcome::problems_if(breach));
        };
        let wake = Instant::now() + interval;
        while Instant::now() < wake {
            if interrupt::requested() {
                return Ok(Outcome::Interrupted);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        previous = Some(view.snapshot);
    }
}

/// `--topic` of a topic that does not exist would otherwise print "no lag" and pass a CI
/// gate that checks nothing.
fn check_topics_exist(admin: &Admin, topics: &[String]) -> Result<(), CommandError> {
    if topics.is_empty() {
        return Ok(());
    }
    let cluster = admin.metadata()?;
    for topic in topics {
        if cluster.topic(topic).is_none() {
            let error =
                CommandError::failed(format!("--topic {topic}: no such topic on the cluster"));
            let names = cluster.topics.iter().map(|t| t.name.as_str());
            return Err(match closest(topic, names) {
                Some(name) => error.with_hint(format!("did you mean {name}?")),
                None => error.with_hint("`kop topics list` shows the topics there are"),
            });
        }
    }
    Ok(())
}

/// One look: the groups, their offsets and ends, and (with `--time`) the age of each
/// lagging partition's oldest unconsumed record.
fn look(
    settings: &Settings,
    admin: &Admin,
    lag: &LagSettings,
    out: &Output,
) -> Result<Snapshot, CommandError> {
    let groups = lag.selection.pick(admin.groups()?).map_err(|missing| {
        CommandError::failed(format!("no consumer group named {missing} on the cluster"))
    })?;
    let inputs = admin.lag_inputs(groups, &lag.selection)?;
    let taken = Instant::now();
    if !lag.time {
        return Ok(lag::snapshot(
            &inputs,
            &lag.selection,
            &lag.thresholds,
            None,
            taken,
        ));
    }
    let wanted = lagging_offsets(&inputs, &lag.selection);
    let timestamps = timestamps_at(settings, out.log_sink(), &wanted)?;
    let ages = Ages {
        timestamps: &timestamps,
        now_ms: now_ms(),
    };
    Ok(lag::snapshot(
        &inputs,
        &lag.selection,
        &lag.thresholds,
        Some(ages),
        taken,
    ))
}

//! `kop lag`: groups, committed offsets and partition ends in batched requests, lag
//! arithmetic, thresholds, and a view; `--watch` repeats with rates.

use std::time::{Duration, Instant};

use crate::commands::names;
use crate::core::lag::{self, lagging_offsets, trends, Ages, LagView, Snapshot};
use crate::error::{CommandError, Outcome};
use crate::interrupt;
use crate::kafka::{timestamps_at, Admin};
use crate::output::views::lag::render;
use crate::output::Output;
use crate::settings::{LagSettings, Settings};
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
    names::check_topics_exist(&admin, &lag.selection.topics)?;
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

/// One look: the groups, their offsets and ends, and (with `--time`) the age of each
/// lagging partition's oldest unconsumed record.
fn look(
    settings: &Settings,
    admin: &Admin,
    lag: &LagSettings,
    out: &Output,
) -> Result<Snapshot, CommandError> {
    let all = admin.groups()?;
    let names: Vec<String> = all.iter().map(|g| g.name.clone()).collect();
    let groups = lag
        .selection
        .pick(all)
        .map_err(|missing| names::no_such_group(&missing, names.iter().map(String::as_str)))?;
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

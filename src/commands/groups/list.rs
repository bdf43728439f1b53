//! `kop groups list`: the groups (one ListGroups and DescribeGroups per broker), their
//! committed offsets (one request per group, all in flight) and the ends of their
//! partitions, one row per group.

use std::time::Instant;

use crate::core::groups::listing::{rows, GroupFilter};
use crate::core::groups::Group;
use crate::core::lag::{snapshot, Thresholds};
use crate::error::{CommandError, Outcome};
use crate::kafka::Admin;
use crate::output::views::groups::render_list;
use crate::output::Output;
use crate::settings::Settings;

pub(crate) fn run(
    settings: &Settings,
    filter: &GroupFilter,
    out: &mut Output,
) -> Result<Outcome, CommandError> {
    let admin = Admin::connect(settings, out.log_sink())?;
    crate::commands::names::check_topics_exist(&admin, &filter.topics)?;
    let groups: Vec<Group> = admin
        .all_groups()?
        .into_iter()
        .filter(|g| filter.keeps(g))
        .collect();
    let selection = filter.selection();
    let inputs = admin.lag_inputs(groups.clone(), &selection)?;
    let snap = snapshot(
        &inputs,
        &selection,
        &Thresholds::default(),
        None,
        Instant::now(),
    );
    render_list(out, &rows(&groups, &snap, filter))?;
    Ok(Outcome::Clean)
}

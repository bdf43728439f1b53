//! `kop groups describe`: each group from its coordinator, its committed offsets and the
//! ends of its partitions; with `--time`, the age of each lagging partition's oldest
//! unconsumed record.

use super::{described, missing};
use crate::core::groups::describe::details;
use crate::core::groups::exists;
use crate::core::lag::{lagging_offsets, Ages, GroupSelection};
use crate::error::{CommandError, Outcome};
use crate::kafka::{timestamps_at, Admin};
use crate::output::views::groups::render_describe;
use crate::output::Output;
use crate::settings::Settings;
use crate::util::time::now_ms;

pub(crate) fn run(
    settings: &Settings,
    names: &[String],
    time: bool,
    out: &mut Output,
) -> Result<Outcome, CommandError> {
    let admin = Admin::connect(settings, out.log_sink())?;
    let groups = described(&admin, names)?;
    let all = GroupSelection::default();
    let inputs = admin.lag_inputs(groups, &all)?;
    for group in &inputs.groups {
        let committed = inputs
            .committed
            .get(&group.name)
            .is_some_and(|c| c.values().any(Option::is_some));
        if !exists(group, committed) {
            return Err(missing(&admin, &group.name));
        }
    }
    let timestamps = if time {
        timestamps_at(settings, out.log_sink(), &lagging_offsets(&inputs, &all))?
    } else {
        Default::default()
    };
    let ages = time.then(|| Ages {
        timestamps: &timestamps,
        now_ms: now_ms(),
    });
    render_describe(out, &details(&inputs, ages), time)?;
    Ok(Outcome::Clean)
}

//! `kop schemas ...`: one view per subcommand. Every JSON shape is documented at the top
//! of its file and in docs/schemas.md; levels are always a name (`"BACKWARD"`) with a
//! `compatibility_source` of `"subject"` (its own) or `"global"` (inherited).

pub(crate) mod changes;
pub(crate) mod check;
pub(crate) mod diff;
pub(crate) mod list;
pub(crate) mod show;

use crate::core::schemas::EffectiveLevel;

fn source(level: EffectiveLevel) -> &'static str {
    if level.global {
        "global"
    } else {
        "subject"
    }
}

//! `kop topics apply`: what to do with the plan, and which topics it covers.

use std::time::Duration;

use crate::cli::TopicsApplyArgs;
use crate::config::TopicsFile;
use crate::core::plan::PlanOptions;
use crate::error::CommandError;
use crate::util::glob::Glob;

use super::Settings;

/// What happens after the plan is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ApplyMode {
    /// Change nothing; a plan that is not empty is a problem (exit 3).
    Check,
    /// Change nothing.
    DryRun,
    /// Confirm where needed, then change the cluster.
    Apply,
}

#[derive(Debug, Clone)]
pub(crate) struct ApplySettings {
    pub file: TopicsFile,
    pub mode: ApplyMode,
    pub options: PlanOptions,
    /// Retry reaching the cluster for up to this long.
    pub wait: Option<Duration>,
    pub yes: bool,
}

impl ApplySettings {
    pub fn resolve(
        args: &TopicsApplyArgs,
        global: &Settings,
        yes: bool,
    ) -> Result<ApplySettings, CommandError> {
        let file = global.file.clone().ok_or_else(|| {
            CommandError::failed("kop topics apply needs a topics file").with_hint(
                "run it where topics.toml is, or name the file with -F PATH (or KOP_FILE)",
            )
        })?;
        let mode = match (args.check, args.dry_run) {
            (true, _) => ApplyMode::Check,
            (false, true) => ApplyMode::DryRun,
            (false, false) => ApplyMode::Apply,
        };
        // A pattern that matches nothing would make `--check` pass on a typo.
        if let Some(unmatched) = args
            .only
            .iter()
            .find(|p| !file.topics.keys().any(|t| Glob::new(p.as_str()).matches(t)))
        {
            return Err(CommandError::usage(format!(
                "--only {unmatched}: no topic in the topics file matches it"
            ))
            .with_hint(
                "`kop topics list` shows the declared topics (MANAGED); patterns take * and ?",
            ));
        }
        let options = PlanOptions {
            delete_unmanaged: args.delete_unmanaged,
            prune_configs: args.prune_configs,
            only: args.only.iter().map(Glob::new).collect(),
            protect: file.protect.iter().map(Glob::new).collect(),
        };
        Ok(ApplySettings {
            file,
            mode,
            options,
            wait: args.wait,
            yes,
        })
    }
}

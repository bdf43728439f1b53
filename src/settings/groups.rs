//! `kop groups ...`: which groups, which partitions, where their offsets go.

use std::path::PathBuf;

use regex::Regex;

use crate::cli::{GroupsDeleteOffsetsArgs, GroupsListArgs, GroupsResetArgs, ResetTo, TableOrJson};
use crate::core::groups::listing::GroupFilter;
use crate::core::groups::parse_state;
use crate::core::groups::scope::{parse_topic_scope, Scope, TopicScope};
use crate::error::CommandError;
use crate::util::time::{parse_time, TimeSpec};

pub(crate) fn list_filter(args: &GroupsListArgs) -> Result<GroupFilter, CommandError> {
    let mut states = Vec::new();
    for text in &args.states {
        let state = parse_state(text).ok_or_else(|| {
            CommandError::usage(format!(
                "--state {text}: not a group state (use stable, empty, preparing-rebalance, completing-rebalance, assigning, reconciling, dead or unknown)"
            ))
        })?;
        states.push(state);
    }
    Ok(GroupFilter {
        states,
        topics: args.topics.clone(),
        pattern: args
            .pattern
            .as_deref()
            .map(|p| Regex::new(p).map_err(|e| CommandError::usage(format!("--pattern: {e}"))))
            .transpose()?,
    })
}

/// Where a reset sends the offsets, as given (a file is read by the command).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TargetSpec {
    Earliest,
    Latest,
    Offset(i64),
    /// `--to-datetime`, and `--by-duration` as a time before now.
    Time(TimeSpec),
    ShiftBy(i64),
    Group(String),
    File(PathBuf),
}

#[derive(Debug, Clone)]
pub(crate) struct ResetSettings {
    pub group: String,
    pub target: TargetSpec,
    pub scope: Scope,
    pub dry_run: bool,
    /// `--export`: `-` is stdout.
    pub export: Option<PathBuf>,
    pub yes: bool,
}

impl ResetSettings {
    pub fn resolve(args: &GroupsResetArgs) -> Result<ResetSettings, CommandError> {
        let target = if let Some(to) = args.to {
            match to {
                ResetTo::Earliest => TargetSpec::Earliest,
                ResetTo::Latest => TargetSpec::Latest,
            }
        } else if let Some(n) = args.to_offset {
            if n < 0 {
                return Err(CommandError::usage(format!(
                    "--to-offset {n}: offsets are not negative (--shift-by moves back)"
                )));
            }
            TargetSpec::Offset(n)
        } else if let Some(text) = &args.to_datetime {
            TargetSpec::Time(
                parse_time(text).map_err(|e| CommandError::usage(format!("--to-datetime {e}")))?,
            )
        } else if let Some(d) = args.by_duration {
            TargetSpec::Time(TimeSpec::Ago(d))
        } else if let Some(n) = args.shift_by {
            TargetSpec::ShiftBy(n)
        } else if let Some(other) = &args.to_group {
            if *other == args.group {
                return Err(CommandError::usage(format!(
                    "--to-group {other}: that is the group being reset"
                )));
            }
            TargetSpec::Group(other.clone())
        } else if let Some(path) = &args.from_file {
            TargetSpec::File(path.clone())
        } else {
            return Err(CommandError::usage(
                "say where the offsets go: --to earliest|latest, --to-offset, --to-datetime, --by-duration, --shift-by, --to-group or --from-file",
            ));
        };
        let scope = Scope {
            topics: topic_scopes(&args.topics)?,
            all_topics: args.all_topics,
        };
        let names_partitions = matches!(target, TargetSpec::Group(_) | TargetSpec::File(_));
        if scope.is_empty() && !names_partitions {
            return Err(CommandError::usage(
                "say which partitions to reset: --topic T (repeatable; T:0,1 for some partitions) or --all-topics",
            ));
        }
        let export_to_stdout = args.export.as_deref().is_some_and(|p| p.as_os_str() == "-");
        if export_to_stdout && args.output == TableOrJson::Json {
            return Err(CommandError::usage(
                "--export - writes the plan as CSV to stdout, where -o json would write it too: write the CSV to a file, or leave out -o json",
            ));
        }
        Ok(ResetSettings {
            group: args.group.clone(),
            target,
            scope,
            dry_run: args.dry_run,
            export: args.export.clone(),
            yes: args.yes.yes,
        })
    }
}

#[derive(Debug, Clone)]
pub(crate) struct DeleteOffsetsSettings {
    pub group: String,
    pub topics: Vec<TopicScope>,
    pub yes: bool,
}

impl DeleteOffsetsSettings {
    pub fn resolve(args: &GroupsDeleteOffsetsArgs) -> Result<DeleteOffsetsSettings, CommandError> {
        Ok(DeleteOffsetsSettings {
            group: args.group.clone(),
            topics: topic_scopes(&args.topics)?,
            yes: args.yes.yes,
        })
    }
}

fn topic_scopes(texts: &[String]) -> Result<Vec<TopicScope>, CommandError> {
    texts
        .iter()
        .map(|t| parse_topic_scope(t).map_err(|e| CommandError::usage(format!("--topic {e}"))))
        .collect()
}

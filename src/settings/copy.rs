//! `kop copy SOURCE TARGET`: the target cluster, where reading starts and stops, the
//! filters, the cursor, and how records and schemas reach the target.

use crate::cli::{CopyArgs, SubjectStrategy};
use crate::core::bound::Bound;
use crate::core::copy::CopySelection;
use crate::core::subject::Strategy;
use crate::core::tail::{parse_start, Filter, StartAt};
use crate::env::EnvSource;
use crate::error::CommandError;
use crate::secret::Redactor;

use super::{Flags, Settings};

/// The cluster a copy writes to, when it is not the source's.
#[derive(Debug, Clone)]
pub(crate) struct TargetCluster {
    /// The profile's name.
    pub name: String,
    pub settings: Settings,
}

#[derive(Debug, Clone)]
pub(crate) struct CopySettings {
    pub source: String,
    pub target: String,
    /// `None`: the target topic is on the source's cluster.
    pub target_cluster: Option<TargetCluster>,
    /// Source and target are reached through the same brokers: the copy can be one
    /// transaction with its cursor commit.
    pub same_cluster: bool,
    /// Where a partition starts when the cursor has no offset for it.
    pub start: StartAt,
    pub until: Option<Bound>,
    pub partitions: Vec<i32>,
    pub filter: Filter,
    /// Events a second; `None` is as fast as the clusters take them.
    pub rate: Option<f64>,
    pub follow: bool,
    pub keep_partition: bool,
    pub partitioner: String,
    pub strategy: Strategy,
    pub keep_schema_ids: bool,
    /// The consumer group on the source that remembers how far the copy got.
    pub cursor: String,
    pub transactions: bool,
    pub dry_run: bool,
    pub yes: bool,
}

impl CopySettings {
    pub fn resolve(
        args: &CopyArgs,
        source: &Settings,
        flags: &Flags,
        env: &dyn EnvSource,
        redactor: &Redactor,
    ) -> Result<CopySettings, CommandError> {
        let filter =
            Filter::new(args.grep.as_deref(), &args.headers).map_err(CommandError::usage)?;
        let start = args
            .from
            .as_deref()
            .map(|f| parse_start(f).map_err(|e| CommandError::usage(format!("--from {e}"))))
            .transpose()?
            .unwrap_or(StartAt::Beginning);
        let until = super::tail::until_flag(args.until.as_deref())?;
        let rate = match args.rate {
            Some(r) if !(r > 0.0 && r.is_finite()) => {
                return Err(CommandError::usage(format!(
                    "--rate {r}: give a number of events a second above 0"
                )))
            }
            other => other,
        };
        let target_cluster = args
            .to_cluster
            .as_ref()
            .map(|name| {
                Settings::for_profile(name, "--to-cluster", flags, env, redactor).map(|settings| {
                    TargetCluster {
                        name: name.clone(),
                        settings,
                    }
                })
            })
            .transpose()?;
        let same_cluster = target_cluster
            .as_ref()
            .is_none_or(|t| t.settings.same_bootstrap(source));
        if same_cluster && args.source == args.target {
            return Err(CommandError::usage(format!(
                "refusing to copy {} onto itself",
                args.source
            ))
            .with_hint("name another target topic, or another cluster with --to-cluster"));
        }
        let selection = CopySelection {
            to_cluster: args.to_cluster.clone(),
            from: args.from.clone(),
            until: args.until.clone(),
            partitions: args.partition.clone(),
            grep: args.grep.clone(),
            headers: args.headers.clone(),
        };
        let writer = target_cluster.as_ref().map_or(source, |t| &t.settings);
        Ok(CopySettings {
            source: args.source.clone(),
            target: args.target.clone(),
            same_cluster,
            start,
            until,
            partitions: args.partition.clone(),
            filter,
            rate,
            follow: args.follow,
            keep_partition: args.keep_partition,
            partitioner: writer.partitioner(args.partitioner.as_deref()),
            strategy: match args.subject_strategy {
                SubjectStrategy::Topic => Strategy::Topic,
                SubjectStrategy::Record => Strategy::Record,
                SubjectStrategy::TopicRecord => Strategy::TopicRecord,
            },
            keep_schema_ids: args.keep_schema_ids,
            cursor: args
                .cursor
                .clone()
                .unwrap_or_else(|| selection.cursor(&args.source, &args.target)),
            transactions: !args.no_transactions,
            dry_run: args.dry_run,
            yes: args.yes.yes,
            target_cluster,
        })
    }

    /// The settings of the cluster the copy writes to.
    pub fn target_settings<'a>(&'a self, source: &'a Settings) -> &'a Settings {
        self.target_cluster.as_ref().map_or(source, |t| &t.settings)
    }
}

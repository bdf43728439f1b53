//! `kop publish TOPIC --records DUMP`: restoring a dump, byte for byte.

use std::path::PathBuf;

use crate::cli::PublishArgs;
use crate::error::CommandError;

use super::Settings;

/// Where the dump comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RecordsInput {
    /// A file, checked whole before anything is sent.
    File(PathBuf),
    /// Standard input, sent as it is read, stopping at the first line that cannot be.
    Stdin,
}

#[derive(Debug, Clone)]
pub(crate) struct RestoreSettings {
    pub topic: String,
    pub input: RecordsInput,
    /// To the partition number each record was dumped from, else by key.
    pub keep_partition: bool,
    pub transactional: bool,
    pub partitioner: String,
}

impl RestoreSettings {
    /// `None` when the publish restores nothing (no `--records`).
    pub fn resolve(
        args: &PublishArgs,
        global: &Settings,
    ) -> Result<Option<RestoreSettings>, CommandError> {
        let Some(path) = &args.records else {
            // clap lets a requirement go when the required flag would conflict.
            if args.keep_partition {
                return Err(CommandError::usage(
                    "--keep-partition restores records to their own partitions: it needs --records",
                ));
            }
            return Ok(None);
        };
        if args.keep_partition && args.partitioner.is_some() {
            return Err(CommandError::usage(
                "--keep-partition sends each record to its own partition, so --partitioner would never be asked",
            ));
        }
        let input = match path.as_os_str() == "-" {
            true => RecordsInput::Stdin,
            false => RecordsInput::File(path.clone()),
        };
        Ok(Some(RestoreSettings {
            topic: args.topic.clone(),
            input,
            keep_partition: args.keep_partition,
            transactional: args.transactional,
            partitioner: global.partitioner(args.partitioner.as_deref()),
        }))
    }
}

//! `kop config ...`

use clap::{Args, Subcommand};

use super::{GlobalArgs, TableOrJson};

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Cluster profiles from the topics file and the user config, and the one in use
    ///
    /// The user config is $KOP_CONFIG, else $XDG_CONFIG_HOME/kop/config.toml, else
    /// ~/.config/kop/config.toml. A topics-file profile hides a user profile of the same
    /// name.
    List(ConfigListArgs),
    /// Make NAME the current profile: sets `current` in the user config
    ///
    /// NAME must be a profile of the topics file or the user config. The rest of the file,
    /// comments included, is kept; the file (and its folder) is created when there is none.
    /// --cluster and KOP_CLUSTER still choose over `current`.
    Use(ConfigUseArgs),
    /// Every resolved setting and where it came from, secrets masked; no network
    Show(ConfigShowArgs),
}

#[derive(Debug, Args)]
pub struct ConfigListArgs {
    /// Output format
    #[arg(short = 'o', long, value_enum, default_value_t)]
    pub output: TableOrJson,

    #[command(flatten)]
    pub global: GlobalArgs,
}

#[derive(Debug, Args)]
pub struct ConfigUseArgs {
    /// The profile to use from now on
    #[arg(value_name = "NAME")]
    pub name: String,

    #[command(flatten)]
    pub global: GlobalArgs,
}

#[derive(Debug, Args)]
pub struct ConfigShowArgs {
    /// Output format
    #[arg(short = 'o', long, value_enum, default_value_t)]
    pub output: TableOrJson,

    #[command(flatten)]
    pub global: GlobalArgs,
}

//! kop: a command-line operator tool for Apache Kafka.
//!
//! The binary parses a [`Cli`], builds an [`Output`], and calls [`run`] then [`finish`].
//! Everything else is private to the crate; `ARCHITECTURE.md` draws the layers.

mod cli;
mod commands;
mod config;
mod core;
mod env;
mod error;
mod interrupt;
mod kafka;
mod output;
mod registry;
mod secret;
mod settings;
mod util;

pub use cli::Cli;
pub use error::{CommandError, Outcome};
pub use output::Output;

use crate::cli::{
    Command, ConfigCommand, DlqCommand, GroupsCommand, SchemasCommand, TopicsCommand,
};
use crate::env::ProcessEnv;
use crate::output::views::config::{debug_report, warn_overrides};
use crate::settings::{
    ApplySettings, ConfigUseSettings, CopySettings, DeleteOffsetsSettings, HealthSettings,
    LagSettings, Profiles, PublishSettings, ReplaySettings, ResetSettings, RestoreSettings,
    SchemasCheckSettings, SchemasCompatibilitySettings, SchemasDeleteSettings, SchemasDiffSettings,
    SchemasListSettings, SchemasRegisterSettings, SchemasShowSettings, Settings, StatsSettings,
    TailSettings,
};

/// Runs a parsed command line: settings first (usage errors stop here, before any
/// network), then the command. Errors come back to `main` for rendering.
pub fn run(cli: &Cli, out: &mut Output) -> Result<Outcome, CommandError> {
    // The commands that need no cluster: no network, and no settings they cannot do
    // without.
    match &cli.command {
        Command::Completions(args) => return commands::completions::run(args.shell, out),
        Command::Config(command) => return run_config(cli, command, out),
        _ => {}
    }
    let settings = resolve_settings(cli, out)?;
    match &cli.command {
        Command::Completions(args) => commands::completions::run(args.shell, out),
        Command::Config(command) => run_config(cli, command, out),
        Command::Publish(args) => {
            if let Some(restore) = RestoreSettings::resolve(args, &settings)? {
                return commands::restore::run(&settings, &restore, out);
            }
            let publish = PublishSettings::resolve(args, &settings)?;
            commands::publish::run(&settings, &publish, out)
        }
        Command::Tail(args) => {
            let tail = TailSettings::resolve(args)?;
            commands::tail::run(&settings, &tail, out)
        }
        Command::Copy(args) => {
            let copy =
                CopySettings::resolve(args, &settings, &cli.flags(), &ProcessEnv, out.redactor())?;
            commands::copy::run(&settings, &copy, out)
        }
        Command::Dlq(DlqCommand::Replay(args)) => {
            let replay = ReplaySettings::resolve(args, &settings, args.yes.yes)?;
            commands::dlq::replay::run(&settings, &replay, out)
        }
        Command::Dlq(DlqCommand::Stats(args)) => {
            let stats = StatsSettings::resolve(args, &settings)?;
            commands::dlq::stats::run(&settings, &stats, out)
        }
        Command::Lag(args) => {
            let lag = LagSettings::resolve(args, &settings)?;
            commands::lag::run(&settings, &lag, out)
        }
        Command::Health(args) => {
            let health = HealthSettings::resolve(args, &settings)?;
            commands::health::run(&settings, &health, out)
        }
        Command::Topics(TopicsCommand::List(args)) => {
            commands::topics_list::run(&settings, args.all, out)
        }
        Command::Topics(TopicsCommand::Apply(args)) => {
            let apply = ApplySettings::resolve(args, &settings, args.yes.yes)?;
            commands::topics_apply::run(&settings, &apply, out)
        }
        Command::Topics(TopicsCommand::Describe(args)) => {
            commands::topics_describe::run(&settings, &args.topics, args.all_configs, out)
        }
        Command::Topics(TopicsCommand::Export(args)) => {
            let only: Vec<util::glob::Glob> = args.only.iter().map(util::glob::Glob::new).collect();
            commands::topics_export::run(&settings, &only, out)
        }
        Command::Groups(GroupsCommand::List(args)) => {
            let filter = settings::list_filter(args)?;
            commands::groups::list::run(&settings, &filter, out)
        }
        Command::Groups(GroupsCommand::Describe(args)) => {
            commands::groups::describe::run(&settings, &args.groups, args.time, out)
        }
        Command::Groups(GroupsCommand::Reset(args)) => {
            let reset = ResetSettings::resolve(args)?;
            commands::groups::reset::run(&settings, &reset, out)
        }
        Command::Groups(GroupsCommand::Delete(args)) => {
            commands::groups::delete::run(&settings, &args.groups, args.yes.yes, out)
        }
        Command::Groups(GroupsCommand::DeleteOffsets(args)) => {
            let delete = DeleteOffsetsSettings::resolve(args)?;
            commands::groups::delete_offsets::run(&settings, &delete, out)
        }
        Command::Schemas(command) => run_schemas(command, &settings, out),
    }
}

fn run_schemas(
    command: &SchemasCommand,
    settings: &Settings,
    out: &mut Output,
) -> Result<Outcome, CommandError> {
    use commands::schemas;
    match command {
        SchemasCommand::List(args) => {
            let list = SchemasListSettings::resolve(args, settings)?;
            schemas::list::run(settings, &list, out)
        }
        SchemasCommand::Show(args) => {
            let show = SchemasShowSettings::resolve(args, settings)?;
            schemas::show::run(settings, &show, out)
        }
        SchemasCommand::Check(args) => {
            let check = SchemasCheckSettings::resolve(args, settings)?;
            schemas::check::run(settings, &check, out)
        }
        SchemasCommand::Diff(args) => {
            let diff = SchemasDiffSettings::resolve(args, settings)?;
            schemas::diff::run(settings, &diff, out)
        }
        SchemasCommand::Register(args) => {
            let register = SchemasRegisterSettings::resolve(args, settings)?;
            schemas::register::run(settings, &register, out)
        }
        SchemasCommand::Compatibility(args) => {
            let compatibility = SchemasCompatibilitySettings::resolve(args, settings)?;
            schemas::compatibility::run(settings, &compatibility, out)
        }
        SchemasCommand::Delete(args) => {
            let delete = SchemasDeleteSettings::resolve(args, settings)?;
            schemas::delete::run(settings, &delete, out)
        }
    }
}

/// `kop config ...`: `list` and `use` read the profiles only, so that they work when a
/// chosen profile is missing; `show` resolves everything, as a command would.
fn run_config(
    cli: &Cli,
    command: &ConfigCommand,
    out: &mut Output,
) -> Result<Outcome, CommandError> {
    let flags = cli.flags();
    match command {
        ConfigCommand::List(_) => {
            let listing = Profiles::load(&flags, &ProcessEnv, false)?.listing(&flags, &ProcessEnv);
            commands::config::list::run(&listing, out)
        }
        ConfigCommand::Use(args) => {
            let choice = ConfigUseSettings::resolve(&args.name, &flags, &ProcessEnv)?;
            commands::config::use_profile::run(&choice, out)
        }
        ConfigCommand::Show(_) => {
            let settings = Settings::gather(&flags, &ProcessEnv, out.redactor())?;
            warn_about_overrides(&settings, out);
            commands::config::show::run(&settings, out)
        }
    }
}

/// Connection settings for commands that talk to a cluster; `-v` shows each one and where
/// it came from (before refusing settings that contradict each other).
fn resolve_settings(cli: &Cli, out: &Output) -> Result<Settings, CommandError> {
    let settings = Settings::gather(&cli.flags(), &ProcessEnv, out.redactor())?;
    // Built only when -v shows it: every command starts here.
    if out.verbosity >= output::Verbosity::Verbose {
        debug_report(out, &commands::config::show::report(&settings));
    }
    warn_about_overrides(&settings, out);
    settings.check()?;
    Ok(settings)
}

fn warn_about_overrides(settings: &Settings, out: &Output) {
    if let Some(choice) = &settings.provenance.profile {
        warn_overrides(out, choice, settings.overrides_of_chosen_profile());
    }
}

/// The exit code for a finished run, after printing any error. A closed stdout (`kop ... |
/// head`) is a clean end, not an error.
pub fn finish(result: Result<Outcome, CommandError>, out: &Output) -> u8 {
    match result {
        Ok(outcome) => outcome.exit_code(),
        Err(err) => {
            if err.kind() != error::ErrorKind::BrokenPipe {
                out.error(&err);
            }
            err.exit_code()
        }
    }
}

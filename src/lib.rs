//! kop: a command-line operator tool for Apache Kafka.

pub mod cli;
pub mod cluster;
pub mod commands;
pub mod config;
pub mod context;
pub mod env;
pub mod error;
pub mod health;
pub mod kafka;
pub mod lag;
pub mod listing;
pub mod output;
pub mod registry;
pub mod secret;

use crate::cli::{Cli, Command, DlqCommand, TopicsCommand};
use crate::context::Settings;
use crate::env::ProcessEnv;
use crate::error::{error_exit_code, Outcome};
use crate::output::Output;

/// Runs a parsed command line. Errors come back to `main` for rendering.
pub async fn run(cli: Cli, out: &mut Output) -> anyhow::Result<Outcome> {
    // The one command that needs no cluster: no settings, no file, no network.
    if let Command::Completions(args) = &cli.command {
        return commands::completions::run(args, out);
    }
    let settings = resolve_settings(&cli, out)?;
    let yes = cli.global.yes;
    match &cli.command {
        Command::Completions(args) => commands::completions::run(args, out),
        Command::Publish(args) => commands::publish::run(&settings, args, out).await,
        Command::Tail(args) => commands::tail::run(&settings, args, out).await,
        Command::Dlq(DlqCommand::Replay(args)) => {
            commands::dlq::replay::run(&settings, args, yes, out).await
        }
        Command::Dlq(DlqCommand::Stats(args)) => {
            commands::dlq::stats::run(&settings, args, out).await
        }
        Command::Lag(args) => commands::lag::run(&settings, args, out).await,
        Command::Health(args) => commands::health::run(&settings, args, out).await,
        Command::Topics(TopicsCommand::List(args)) => {
            commands::topics_list::run(&settings, args, out).await
        }
        Command::Topics(TopicsCommand::Apply(args)) => {
            commands::topics_apply::run(&settings, args, yes, out).await
        }
    }
}

/// Connection settings for commands that talk to a cluster; `-v` shows where they came from.
fn resolve_settings(cli: &Cli, out: &Output) -> anyhow::Result<Settings> {
    let settings = Settings::resolve(&cli.global.flags(), &ProcessEnv, out.redactor())?;
    out.debug(&format!(
        "bootstrap {} ({})",
        settings.bootstrap, settings.bootstrap_source
    ));
    if let Some(registry) = &settings.registry {
        out.debug(&format!(
            "schema registry {} ({})",
            registry.url, registry.url_source
        ));
    }
    Ok(settings)
}

/// The exit code for a finished run, after printing any error. A closed stdout (`kop ... |
/// head`) is a clean end, not an error.
pub fn finish(result: anyhow::Result<Outcome>, out: &Output) -> u8 {
    match result {
        Ok(outcome) => outcome.exit_code(),
        Err(err) if is_broken_pipe(&err) => 0,
        Err(err) => {
            out.error(&err);
            error_exit_code(&err)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain()
        .filter_map(|e| e.downcast_ref::<std::io::Error>())
        .any(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
}
pub mod apply;
pub mod codec;
pub mod dlq;
pub mod event;
pub mod plan;
pub mod publish;
pub mod tail;

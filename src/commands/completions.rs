//! `kop completions SHELL`: the script, generated from the same clap model as the parser.

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::{Cli, CompletionsArgs};
use crate::error::Outcome;
use crate::output::Output;

pub fn run(args: &CompletionsArgs, out: &mut Output) -> anyhow::Result<Outcome> {
    out.line(script(args.shell).trim_end())?;
    Ok(Outcome::Clean)
}

/// The completion script for a shell; also what `completions/` holds.
pub fn script(shell: Shell) -> String {
    let mut buffer = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "kop", &mut buffer);
    String::from_utf8_lossy(&buffer).into_owned()
}

/// The file name under `completions/` for a shell.
pub fn file_name(shell: Shell) -> String {
    match shell {
        Shell::Bash => "kop.bash".into(),
        Shell::Zsh => "_kop".into(),
        Shell::Fish => "kop.fish".into(),
        Shell::PowerShell => "_kop.ps1".into(),
        Shell::Elvish => "kop.elv".into(),
        other => format!("kop.{other}"),
    }
}

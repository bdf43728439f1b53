//! `kop completions SHELL`: the script, generated from the same clap model as the parser.

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;
use crate::error::{CommandError, Outcome};
use crate::output::Output;

pub(crate) fn run(shell: Shell, out: &mut Output) -> Result<Outcome, CommandError> {
    out.line(script(shell).trim_end())?;
    Ok(Outcome::Clean)
}

/// The completion script for a shell; also what `completions/` holds.
fn script(shell: Shell) -> String {
    let mut buffer = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "kop", &mut buffer);
    String::from_utf8_lossy(&buffer).into_owned()
}

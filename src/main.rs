//! The kop binary: parse, run, map the outcome to an exit code. Nothing else.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = kop::Cli::parse();
    let mut out = kop::Output::stdio(cli.output_options());
    let result = kop::run(&cli, &mut out);
    ExitCode::from(kop::finish(result, &out))
}

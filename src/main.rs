//! The kop binary: parse, run, map the outcome to an exit code. Nothing else.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = kop::cli::Cli::parse();
    let mut out = kop::output::Output::stdio(cli.global.output_options());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build();
    let result = match runtime {
        Ok(runtime) => runtime.block_on(kop::run(cli, &mut out)),
        Err(err) => Err(anyhow::Error::new(err).context("cannot start the async runtime")),
    };
    ExitCode::from(kop::finish(result, &out))
}

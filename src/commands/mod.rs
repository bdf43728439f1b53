//! One module per command: gather, decide, act, report.

pub mod completions;
pub mod dlq;
pub mod health;
pub mod lag;
pub mod publish;
pub mod tail;
pub mod topics_apply;
pub mod topics_list;

use crate::error::{Hint, UsageError};
use crate::kafka::KafkaError;
use crate::output::{Format, Output};

/// A Kafka error with its advice attached, for the command edge.
pub fn kafka_error(err: KafkaError) -> anyhow::Error {
    let hint = err.hint();
    let err = anyhow::Error::new(err);
    match hint {
        Some(hint) => err.context(Hint::new(hint)),
        None => err,
    }
}

/// Refuses an `-o` format the command has no view for.
pub fn require_format(out: &Output, command: &str, allowed: &[Format]) -> Result<(), UsageError> {
    if allowed.contains(&out.format) {
        return Ok(());
    }
    let names: Vec<&str> = allowed.iter().map(|f| f.name()).collect();
    Err(UsageError(format!(
        "`{command}` cannot print -o {}; use {}",
        out.format.name(),
        names.join(" or ")
    )))
}

/// Set when Ctrl-C arrives. Streaming loops check it, stop reading, flush and commit, and
/// the command returns `Outcome::Interrupted` (exit 130).
pub fn interrupt_flag() -> std::sync::Arc<std::sync::atomic::AtomicBool> {
    let flag = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let set = flag.clone();
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            set.store(true, std::sync::atomic::Ordering::SeqCst);
        }
    });
    flag
}

//! Which `-o` formats a command can print.

use crate::error::CommandError;
use crate::output::Format;

/// Refuses an `-o` format the command has no view for (a usage error).
pub(crate) fn require_format(
    format: Format,
    command: &str,
    allowed: &[Format],
) -> Result<(), CommandError> {
    if allowed.contains(&format) {
        return Ok(());
    }
    let names: Vec<&str> = allowed.iter().map(|f| f.name()).collect();
    Err(CommandError::usage(format!(
        "`{command}` cannot print -o {}; use {}",
        format.name(),
        names.join(" or ")
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_a_command_has_no_view_for_are_usage_errors() {
        assert!(require_format(Format::Json, "kop x", &[Format::Table, Format::Json]).is_ok());
        let err = require_format(Format::Prometheus, "kop x", &[Format::Table, Format::Json])
            .unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert_eq!(
            err.message(),
            "`kop x` cannot print -o prometheus; use table or json"
        );
    }
}

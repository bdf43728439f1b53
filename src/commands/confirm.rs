//! Asking before a change, shared by every command that changes something: yes when
//! `--yes` was given, a prompt on a terminal, a refusal with a hint without one.

use crate::error::CommandError;
use crate::output::{Answer, Output};

/// The words of one confirmation.
pub(crate) struct Confirmation<'a> {
    /// Asked on a terminal.
    pub question: &'a str,
    /// The error without a terminal (when one is needed): says nothing was changed.
    pub refusal: &'a str,
    /// What to do about the refusal.
    pub hint: &'a str,
    /// The error when the answer is no.
    pub declined: &'a str,
}

/// Goes ahead, or says why not. `needed_without_terminal`: whether the step needs a yes
/// even where nobody can be asked (destructive steps do; a CI run that only creates and
/// configures does not).
pub(crate) fn confirm(
    out: &Output,
    yes: bool,
    needed_without_terminal: bool,
    words: &Confirmation<'_>,
) -> Result<(), CommandError> {
    if yes {
        return Ok(());
    }
    if !out.interactive {
        if needed_without_terminal {
            return Err(CommandError::failed(words.refusal).with_hint(words.hint));
        }
        return Ok(());
    }
    match out.confirm(words.question)? {
        Answer::Yes => Ok(()),
        Answer::No => Err(CommandError::failed(words.declined)),
        Answer::Interrupted => Err(CommandError::interrupted(
            "stopped at the question; nothing was changed",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::Format;

    const WORDS: Confirmation<'static> = Confirmation {
        question: "Go?",
        refusal: "refusing without confirmation; nothing was changed",
        hint: "add --yes",
        declined: "not done: the answer was no",
    };

    #[test]
    fn yes_goes_ahead_and_no_terminal_refuses_only_what_needs_a_yes() {
        let (out, _) = Output::buffered(Format::Table);
        assert!(confirm(&out, true, true, &WORDS).is_ok());
        assert!(confirm(&out, false, false, &WORDS).is_ok());
        let err = confirm(&out, false, true, &WORDS).unwrap_err();
        assert_eq!(err.message(), WORDS.refusal);
        assert_eq!(err.hints(), ["add --yes"]);
        assert_eq!(err.exit_code(), 1);
    }
}

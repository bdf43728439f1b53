//! Reading a person's answer from the terminal, a line at a time, in the terminal's own
//! line mode. Ctrl-C while waiting ends the wait (when kop handles Ctrl-C) instead of
//! being retried, as the standard library would.

use std::io;

use crate::interrupt;

/// The answer to a yes/no question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Yes,
    No,
    /// Ctrl-C at the question.
    Interrupted,
}

/// What one read of a line gave.
pub(super) enum Line {
    Text(String),
    /// Ctrl-D, or stdin closed.
    End,
    /// Ctrl-C while waiting.
    Interrupted,
}

/// Reads up to a newline from stdin, byte by byte so nothing past the answer is taken.
pub(super) fn read_line() -> io::Result<Line> {
    interrupt::caught_during(read_until_newline)
}

fn read_until_newline() -> io::Result<Line> {
    let mut bytes = Vec::new();
    loop {
        let mut byte = 0u8;
        // SAFETY: reads at most one byte into a live local; fd 0 is stdin, which the
        // process owns for its whole life.
        let n = unsafe { libc::read(libc::STDIN_FILENO, (&raw mut byte).cast(), 1) };
        match n {
            1 if byte == b'\n' => break,
            1 => bytes.push(byte),
            0 if bytes.is_empty() => return Ok(Line::End),
            0 => break,
            _ => {
                let err = io::Error::last_os_error();
                if err.kind() != io::ErrorKind::Interrupted {
                    return Err(err);
                }
                if interrupt::requested() {
                    return Ok(Line::Interrupted);
                }
            }
        }
    }
    Ok(Line::Text(String::from_utf8_lossy(&bytes).into_owned()))
}

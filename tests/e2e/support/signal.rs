//! Signals to a spawned kop: Ctrl-C (SIGINT) and SIGTERM (a service manager's stop) for
//! the clean-stop paths, SIGKILL for the crash paths. Every test that signals kop goes through here.

use super::kop::Spawned;

/// Ctrl-C, as a person at the terminal would press it.
pub fn interrupt(process: &Spawned) {
    send(process, libc::SIGINT);
}

/// How systemd, Kubernetes and `kill` stop a process.
pub fn terminate(process: &Spawned) {
    send(process, libc::SIGTERM);
}

/// A crash: kop gets no chance to flush, commit or clean up.
pub fn kill_hard(process: &Spawned) {
    send(process, libc::SIGKILL);
}

fn send(process: &Spawned, signal: libc::c_int) {
    let pid = libc::pid_t::try_from(process.pid()).expect("a pid fits in pid_t");
    // SAFETY: kill(2) takes two integers and touches no memory of ours, so it cannot break
    // Rust's memory safety. The pid names a child this process spawned and has not reaped
    // (`Spawned` reaps only in `finish` or `drop`, which take it by value or are its end),
    // so the pid cannot have been reused by an unrelated process.
    let result = unsafe { libc::kill(pid, signal) };
    assert_eq!(
        result,
        0,
        "kill({pid}, {signal}) failed: {}",
        std::io::Error::last_os_error()
    );
}

//! Ctrl-C (and SIGTERM, how systemd, Kubernetes and `kill` stop a process) as a flag. The
//! first signal sets it: streaming loops check it, stop reading, flush and commit, and the
//! command returns `Outcome::Interrupted` (exit 130 for Ctrl-C, 143 for SIGTERM: 128 and
//! the signal, as a shell reports a process the signal ended). The handler then steps
//! aside, so a second signal ends a stuck process at once.

use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::Once;

static INTERRUPTED: AtomicBool = AtomicBool::new(false);
/// The signal that stopped the run (SIGINT unless told otherwise).
static SIGNAL: AtomicI32 = AtomicI32::new(libc::SIGINT);

extern "C" fn on_sigint(signal: libc::c_int) {
    // Only atomic stores: async-signal-safe.
    SIGNAL.store(signal, Ordering::SeqCst);
    INTERRUPTED.store(true, Ordering::SeqCst);
}

/// Handles Ctrl-C and SIGTERM from now on (once per process; later calls do nothing).
pub(crate) fn watch() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        // SAFETY: `sigaction` is given a zeroed, then filled struct that lives through the
        // call; the handler only stores to atomics, which is async-signal-safe.
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = on_sigint as extern "C" fn(libc::c_int) as libc::sighandler_t;
            action.sa_flags = libc::SA_RESETHAND;
            libc::sigemptyset(&mut action.sa_mask);
            libc::sigaction(libc::SIGINT, &action, std::ptr::null_mut());
            libc::sigaction(libc::SIGTERM, &action, std::ptr::null_mut());
        }
    });
}

/// Whether Ctrl-C has been pressed (or SIGTERM received) since [`watch`].
pub(crate) fn requested() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
}

/// The exit code of a run the signal stopped: 130 for Ctrl-C, 143 for SIGTERM.
pub(crate) fn exit_code() -> u8 {
    let signal = SIGNAL.load(Ordering::SeqCst);
    u8::try_from(128 + signal).unwrap_or(130)
}

/// Runs `f` with Ctrl-C caught, then puts back whatever handled it before: a prompt can
/// notice Ctrl-C and say so, and a command that does not watch for it is still stopped by
/// it afterwards.
pub(crate) fn caught_during<T>(f: impl FnOnce() -> T) -> T {
    // SAFETY: both structs are zeroed locals that live through the calls; the installed
    // handler only stores to an atomic, which is async-signal-safe; the previous action is
    // restored exactly as the kernel reported it.
    let previous = unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = on_sigint as extern "C" fn(libc::c_int) as libc::sighandler_t;
        libc::sigemptyset(&mut action.sa_mask);
        let mut previous: libc::sigaction = std::mem::zeroed();
        libc::sigaction(libc::SIGINT, &action, &mut previous);
        previous
    };
    let result = f();
    // SAFETY: `previous` is the action read above.
    unsafe {
        libc::sigaction(libc::SIGINT, &previous, std::ptr::null_mut());
    }
    result
}

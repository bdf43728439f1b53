//! Ctrl-C as a flag. The first SIGINT sets it: streaming loops check it, stop reading,
//! flush and commit, and the command returns `Outcome::Interrupted` (exit 130). The
//! handler then steps aside, so a second Ctrl-C ends a stuck process at once.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Once;

static INTERRUPTED: AtomicBool = AtomicBool::new(false);

extern "C" fn on_sigint(_: libc::c_int) {
    // Only an atomic store: async-signal-safe.
    INTERRUPTED.store(true, Ordering::SeqCst);
}

/// Handles Ctrl-C from now on (once per process; later calls do nothing).
pub(crate) fn watch() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        // SAFETY: `sigaction` is given a zeroed, then filled struct that lives through the
        // call; the handler only stores to an atomic, which is async-signal-safe.
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = on_sigint as extern "C" fn(libc::c_int) as libc::sighandler_t;
            action.sa_flags = libc::SA_RESETHAND;
            libc::sigemptyset(&mut action.sa_mask);
            libc::sigaction(libc::SIGINT, &action, std::ptr::null_mut());
        }
    });
}

/// Whether Ctrl-C has been pressed since [`watch`].
pub(crate) fn requested() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
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

//! A kop process the test started and still controls: its output is collected as it comes
//! (so a test can wait for a line while kop keeps running), its stdin can be a live pipe,
//! and it never outlives the test: dropping it kills and reaps kop.

use std::io::Read;
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::kop::{Run, Sandbox};
use super::wait::poll;

/// The longest any single kop run in the suite may take before it counts as hung.
const FINISH_WITHIN: Duration = Duration::from_secs(60);

pub struct Spawned {
    /// `None` once reaped (by `finish`); until then the pid is ours alone.
    child: Option<Child>,
    stdin: Option<ChildStdin>,
    stdout: Collected,
    stderr: Collected,
    started: Instant,
    sandbox: Sandbox,
}

impl Spawned {
    pub(super) fn start(mut command: Command, sandbox: Sandbox) -> Spawned {
        let started = Instant::now();
        let mut child = command.spawn().expect("run kop (or util-linux `script`)");
        let stdin = child.stdin.take();
        let stdout = Collected::from(child.stdout.take().expect("piped stdout"));
        let stderr = Collected::from(child.stderr.take().expect("piped stderr"));
        Spawned {
            child: Some(child),
            stdin,
            stdout,
            stderr,
            started,
            sandbox,
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.as_ref().expect("a running kop").id()
    }

    /// The live pipe on kop's stdin (see [`super::kop::Kop::piped_stdin`]).
    pub fn stdin(&mut self) -> &mut ChildStdin {
        self.stdin
            .as_mut()
            .expect("stdin is a pipe only with Kop::piped_stdin, and only until closed")
    }

    /// Closes the pipe on stdin: kop sees the end of its input.
    pub fn close_stdin(&mut self) {
        self.stdin = None;
    }

    /// Everything kop has written to stdout so far.
    pub fn stdout(&self) -> String {
        self.stdout.text()
    }

    /// Everything kop has written to stderr so far.
    pub fn stderr(&self) -> String {
        self.stderr.text()
    }

    /// The scratch HOME this kop runs with.
    pub fn home(&self) -> PathBuf {
        self.sandbox.home()
    }

    /// Waits for kop to exit, for at most [`FINISH_WITHIN`], and returns the whole run.
    /// A live stdin pipe stays open until kop has exited: closing it is the test's call
    /// (a Ctrl-C test must not let kop see the end of input first).
    pub fn finish(mut self) -> Run {
        let mut child = self.child.take().expect("a running kop");
        let status = poll(FINISH_WITHIN, || match child.try_wait() {
            Ok(Some(status)) => Ok(status),
            Ok(None) => Err("still running".to_string()),
            Err(e) => Err(e.to_string()),
        });
        let status = status.unwrap_or_else(|last| {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "kop did not exit within {FINISH_WITHIN:?} ({last})\nstdout:\n{}\nstderr:\n{}",
                self.stdout(),
                self.stderr()
            )
        });
        let elapsed = self.started.elapsed();
        self.stdin = None;
        use std::os::unix::process::ExitStatusExt;
        Run {
            code: status.code().unwrap_or(-1),
            signal: status.signal(),
            stdout: self.stdout.finish(),
            stderr: self.stderr.finish(),
            elapsed,
        }
    }
}

impl Drop for Spawned {
    fn drop(&mut self) {
        // A test that failed half-way must not leave a `kop tail -f` running.
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// One output stream of kop, read to its end by a thread of its own (so kop never blocks
/// on a full pipe while the test waits).
struct Collected {
    bytes: Arc<Mutex<Vec<u8>>>,
    reader: Option<JoinHandle<()>>,
}

impl Collected {
    fn from(mut stream: impl Read + Send + 'static) -> Collected {
        let bytes = Arc::new(Mutex::new(Vec::new()));
        let sink = bytes.clone();
        let reader = std::thread::spawn(move || {
            let mut chunk = [0u8; 8192];
            while let Ok(n @ 1..) = stream.read(&mut chunk) {
                sink.lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .extend_from_slice(&chunk[..n]);
            }
        });
        Collected {
            bytes,
            reader: Some(reader),
        }
    }

    fn text(&self) -> String {
        let bytes = self.bytes.lock().unwrap_or_else(PoisonError::into_inner);
        String::from_utf8_lossy(&bytes).into_owned()
    }

    /// Everything, once the stream has ended (kop exited and closed it).
    fn finish(&mut self) -> String {
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
        self.text()
    }
}

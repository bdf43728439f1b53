//! Runs the kop binary the way a user would, hermetically: a scrubbed environment (no stray
//! KAFKA_* variables, no colour, a fixed width), a scratch HOME (so no user config is read;
//! XDG_CONFIG_HOME points inside it), and a scratch working directory unless the test names
//! one (so no topics.toml is picked up by accident, least of all the repository's own).
//! Every way of running kop (`run`, `spawn`, `run_in_terminal`) goes through [`Sandbox`].

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

pub use super::spawned::Spawned;

pub struct Kop {
    args: Vec<String>,
    env: Vec<(String, String)>,
    dir: Option<PathBuf>,
    stdin: Input,
}

/// What kop reads on stdin.
enum Input {
    /// Nothing: stdin is /dev/null.
    Closed,
    /// A file with this text, as in `kop publish t < events.ndjson`.
    Text(String),
    /// A pipe the test writes to while kop runs (`Spawned::stdin`), as in `tail -f | kop`.
    Pipe,
}

#[derive(Debug)]
pub struct Run {
    pub code: i32,
    /// The signal that ended kop, when one did (`code` is then -1).
    pub signal: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    pub elapsed: Duration,
}

impl Run {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
                self.stdout, self.stderr
            )
        })
    }

    /// Panics with the whole run when the exit code differs.
    pub fn expect_code(self, code: i32) -> Run {
        assert_eq!(
            self.code, code,
            "unexpected exit code; the run was:\n{self:#?}"
        );
        self
    }
}

pub fn kop<I, S>(args: I) -> Kop
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    Kop {
        args: args.into_iter().map(|a| a.as_ref().to_string()).collect(),
        env: Vec::new(),
        dir: None,
        stdin: Input::Closed,
    }
}

impl Kop {
    pub fn env(mut self, key: &str, value: &str) -> Kop {
        self.env.push((key.into(), value.into()));
        self
    }

    /// Runs kop in `dir` instead of a scratch directory (HOME stays a scratch one).
    pub fn dir(mut self, dir: &Path) -> Kop {
        self.dir = Some(dir.to_path_buf());
        self
    }

    /// Text to pipe into kop's stdin.
    pub fn stdin(mut self, text: &str) -> Kop {
        self.stdin = Input::Text(text.to_string());
        self
    }

    /// A live pipe on stdin, for [`Kop::spawn`]: the test writes to it through
    /// [`Spawned::stdin`] as slowly as it likes.
    pub fn piped_stdin(mut self) -> Kop {
        self.stdin = Input::Pipe;
        self
    }

    /// Runs kop to the end (at most [`Spawned::finish`]'s bound).
    pub fn run(self) -> Run {
        self.spawn().finish()
    }

    /// Starts kop and returns at once; stdout and stderr are collected as they come.
    pub fn spawn(self) -> Spawned {
        let command = Command::new(env!("CARGO_BIN_EXE_kop"));
        self.start(command)
    }

    /// Runs kop on a pseudo-terminal (util-linux `script`), typing `keys` at it: for the
    /// confirmations kop only asks where a person can answer.
    pub fn run_in_terminal(mut self, keys: &str) -> Run {
        let mut line = shell_quote(env!("CARGO_BIN_EXE_kop"));
        for arg in &self.args {
            line.push(' ');
            line.push_str(&shell_quote(arg));
        }
        let mut command = Command::new("script");
        command.args(["-qec", &line, "/dev/null"]);
        self.args.clear();
        self.stdin = Input::Text(keys.to_string());
        self.start(command).finish()
    }

    /// Starts kop on a pseudo-terminal and returns at once; what the test writes to the
    /// piped stdin is typed at kop (end it with `\x04`, Ctrl-D, for end of input).
    pub fn spawn_in_terminal(self) -> Spawned {
        self.spawn_in_terminal_after("")
    }

    /// As [`Kop::spawn_in_terminal`], with kop's stdin a pipe from `cat` (which reads the
    /// terminal): `producer | kop publish T` as run at a terminal.
    pub fn spawn_in_terminal_behind_a_pipe(self) -> Spawned {
        self.spawn_in_terminal_after("cat | ")
    }

    fn spawn_in_terminal_after(mut self, before: &str) -> Spawned {
        let mut line = format!("{before}{}", shell_quote(env!("CARGO_BIN_EXE_kop")));
        for arg in &self.args {
            line.push(' ');
            line.push_str(&shell_quote(arg));
        }
        let mut command = Command::new("script");
        command.args(["-qefc", &line, "/dev/null"]);
        self.args.clear();
        self.stdin = Input::Pipe;
        self.start(command)
    }

    fn start(self, mut command: Command) -> Spawned {
        let sandbox = Sandbox::new();
        let dir = self.dir.clone().unwrap_or_else(|| sandbox.work());
        command
            .args(&self.args)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("NO_COLOR", "1")
            .env("COLUMNS", "200")
            .env("TERM", "dumb")
            .env("HOME", sandbox.home())
            .env("XDG_CONFIG_HOME", sandbox.home().join(".config"))
            .current_dir(&dir);
        if let Some(dir) = &self.dir {
            assert_not_the_repository(dir);
        }
        for (k, v) in &self.env {
            command.env(k, v);
        }
        let stdin = match &self.stdin {
            Input::Closed => Stdio::null(),
            Input::Text(text) => sandbox.stdin_file(text),
            Input::Pipe => Stdio::piped(),
        };
        command
            .stdin(stdin)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        Spawned::start(command, sandbox)
    }
}

/// The repository has a topics.toml of its own (the sample platform's): a test that ran
/// kop there would read it.
fn assert_not_the_repository(dir: &Path) {
    let repository = Path::new(env!("CARGO_MANIFEST_DIR"));
    let same = match (dir.canonicalize(), repository.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    assert!(
        !same,
        "kop must not run in the repository, whose topics.toml it would read"
    );
}

/// One run's scratch space: `home/` is HOME (with `home/.config` as XDG_CONFIG_HOME),
/// `work/` the working directory when the test names none. Removed when the run ends.
pub struct Sandbox {
    root: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        let root = tempfile::tempdir().expect("scratch dir");
        let sandbox = Sandbox { root };
        std::fs::create_dir_all(sandbox.home().join(".config")).expect("scratch HOME");
        std::fs::create_dir(sandbox.work()).expect("scratch working dir");
        sandbox
    }

    pub fn home(&self) -> PathBuf {
        self.root.path().join("home")
    }

    pub fn work(&self) -> PathBuf {
        self.root.path().join("work")
    }

    /// `text` in a file of the sandbox, opened as stdin (a file, not a pipe: kop sees the
    /// whole input and its end at once, as with `kop publish t < file`).
    fn stdin_file(&self, text: &str) -> Stdio {
        let path = self.root.path().join("stdin");
        std::fs::write(&path, text).expect("stdin file");
        Stdio::from(std::fs::File::open(&path).expect("stdin file"))
    }
}

fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "'\\''"))
}

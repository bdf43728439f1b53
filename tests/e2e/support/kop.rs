//! Runs the kop binary the way a user would, in a scrubbed environment: no stray KAFKA_*
//! variables, no colour, a working directory of its own (so no topics.toml is picked up by
//! accident), and stdin closed.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub struct Kop {
    args: Vec<String>,
    env: Vec<(String, String)>,
    dir: Option<PathBuf>,
    stdin: Option<String>,
}

#[derive(Debug)]
pub struct Run {
    pub code: i32,
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
        stdin: None,
    }
}

impl Kop {
    pub fn env(mut self, key: &str, value: &str) -> Kop {
        self.env.push((key.into(), value.into()));
        self
    }

    pub fn dir(mut self, dir: &Path) -> Kop {
        self.dir = Some(dir.to_path_buf());
        self
    }

    /// Text to pipe into kop's stdin.
    pub fn stdin(mut self, text: &str) -> Kop {
        self.stdin = Some(text.to_string());
        self
    }

    pub fn run(mut self) -> Run {
        let mut command = Command::new(env!("CARGO_BIN_EXE_kop"));
        command.args(&self.args);
        let input = tempfile::NamedTempFile::new().expect("stdin file");
        let stdin = match self.stdin.take() {
            Some(text) => {
                std::fs::write(input.path(), text).expect("stdin");
                Stdio::from(std::fs::File::open(input.path()).expect("stdin file"))
            }
            None => Stdio::null(),
        };
        self.run_command(command, stdin)
    }

    /// Starts kop and returns at once, stdout and stderr piped (for `tail -f`).
    pub fn spawn(self) -> std::process::Child {
        let mut command = Command::new(env!("CARGO_BIN_EXE_kop"));
        command.args(&self.args);
        self.scrub(&mut command);
        command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn kop")
    }

    fn scrub(&self, command: &mut Command) {
        command
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("NO_COLOR", "1")
            .env("COLUMNS", "200")
            .env("TERM", "dumb");
        if let Some(dir) = &self.dir {
            command.current_dir(dir);
        }
        for (k, v) in &self.env {
            command.env(k, v);
        }
    }

    /// Runs kop on a pseudo-terminal (util-linux `script`), typing `keys` at it: for the
    /// confirmations kop only asks where a person can answer.
    pub fn run_in_terminal(self, keys: &str) -> Run {
        let mut line = shell_quote(env!("CARGO_BIN_EXE_kop"));
        for arg in &self.args {
            line.push(' ');
            line.push_str(&shell_quote(arg));
        }
        let mut command = Command::new("script");
        command.args(["-qec", &line, "/dev/null"]);
        let input = tempfile::NamedTempFile::new().expect("keys file");
        std::fs::write(input.path(), keys).expect("keys");
        let stdin = std::fs::File::open(input.path()).expect("keys file");
        self.run_command(command, Stdio::from(stdin))
    }

    fn run_command(self, mut command: Command, stdin: Stdio) -> Run {
        let scratch = tempfile::tempdir().expect("scratch dir");
        self.scrub(&mut command);
        if self.dir.is_none() {
            command.current_dir(scratch.path());
        }
        command.env("HOME", scratch.path()).stdin(stdin);
        let start = Instant::now();
        let output = command.output().expect("run kop (or util-linux `script`)");
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            elapsed: start.elapsed(),
        }
    }
}

fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "'\\''"))
}

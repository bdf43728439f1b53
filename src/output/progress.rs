//! Progress on stderr, only when it is a terminal: a bar when the total is known (a file),
//! a spinner with a count and a rate when it is not (stdin, following). It is cleared when
//! the work ends, on every path, so no stale bar stays under the summary.

use std::time::Duration;

use indicatif::{ProgressBar, ProgressState, ProgressStyle};

pub(crate) struct Progress(Option<ProgressBar>);

impl Progress {
    pub fn hidden() -> Progress {
        Progress(None)
    }

    /// `total` 0: unknown.
    pub(super) fn shown(total: u64, unit: &str) -> Progress {
        let (bar, template) = if total == 0 {
            let spinner = ProgressBar::new_spinner();
            spinner.enable_steady_tick(Duration::from_millis(120));
            (
                spinner,
                format!("{{spinner}} {{human_pos}} {unit} ({{rate}})"),
            )
        } else {
            (
                ProgressBar::new(total),
                format!("{{bar:40}} {{human_pos}}/{{human_len}} {unit} ({{rate}}, {{eta}} left)"),
            )
        };
        if let Ok(style) = ProgressStyle::with_template(&template) {
            // indicatif's own {per_sec} shows four decimals; a whole number reads better.
            bar.set_style(style.with_key(
                "rate",
                |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = write!(w, "{:.0}/s", state.per_sec());
                },
            ));
        }
        Progress(Some(bar))
    }

    pub fn inc(&self, n: u64) {
        if let Some(bar) = &self.0 {
            bar.inc(n);
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}

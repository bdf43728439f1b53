//! `kop config use NAME`: set `current` in the user config.
//!
//! The file's text is edited, not re-serialised, so comments and layout survive; the new
//! text is read back before it replaces the old, and it replaces it atomically (a new
//! file renamed over the old one, with the old one's permissions). A symbolic link (a
//! dotfiles repository) is followed, so the link stays a link. Without a file, one is
//! created with its folder: the profile was already found in one of the files, so the
//! new file never names a profile that does not exist.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use crate::config;
use crate::core::provenance::ProfileSwitch;
use crate::error::{CommandError, Outcome};
use crate::output::views::config::render_switch;
use crate::output::Output;
use crate::settings::ConfigUseSettings;

pub(crate) fn run(choice: &ConfigUseSettings, out: &mut Output) -> Result<Outcome, CommandError> {
    let path = &choice.user_config;
    let target = follow_links(path);
    let (text, created) = match std::fs::read_to_string(&target) {
        Ok(text) => (text, false),
        Err(e) if e.kind() == ErrorKind::NotFound => (String::new(), true),
        Err(e) => {
            return Err(CommandError::from(e).context(format!("cannot read {}", path.display())))
        }
    };
    let previous = config::parse_user(path, &text)?.current;
    if previous.as_deref() != Some(choice.name.as_str()) {
        let edited = config::set_current(path, &text, &choice.name)?;
        let reread = config::parse_user(path, &edited)?;
        if reread.current.as_deref() != Some(choice.name.as_str()) {
            return Err(CommandError::internal(format!(
                "editing {} did not set `current`; the file was left as it was",
                path.display()
            )));
        }
        write_atomically(&target, &edited).map_err(|e| {
            CommandError::from(e).context(format!("cannot write {}", path.display()))
        })?;
    }
    render_switch(
        out,
        &ProfileSwitch {
            name: choice.name.clone(),
            declared_in: choice.declared_in.clone(),
            topics_file_only: choice.topics_file_only,
            user_config: path.clone(),
            created,
            previous,
            kop_cluster: choice.kop_cluster.clone(),
        },
    );
    Ok(Outcome::Clean)
}

/// The file a chain of symbolic links ends at (the path itself when it is none).
fn follow_links(path: &Path) -> PathBuf {
    let mut path = path.to_path_buf();
    // A bound, in case of a loop.
    for _ in 0..16 {
        match std::fs::read_link(&path) {
            Ok(next) => {
                path = match path.parent() {
                    Some(dir) if next.is_relative() => dir.join(next),
                    _ => next,
                }
            }
            Err(_) => break,
        }
    }
    path
}

/// Writes `text` beside `path` and renames it over `path`: a reader sees the old file or
/// the new one, never half of one.
fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "config.toml".into());
    let temporary = path.with_file_name(format!(".{name}.kop-{}", std::process::id()));
    std::fs::write(&temporary, text)?;
    let kept = std::fs::metadata(path)
        .map(|m| m.permissions())
        .and_then(|permissions| std::fs::set_permissions(&temporary, permissions));
    let renamed = kept
        .or_else(|e| {
            if e.kind() == ErrorKind::NotFound {
                Ok(())
            } else {
                Err(e)
            }
        })
        .and_then(|()| std::fs::rename(&temporary, path));
    if renamed.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    renamed
}

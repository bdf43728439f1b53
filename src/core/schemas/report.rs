//! What `kop schemas show --versions`, `register`, `compatibility` and `delete` report.

use super::{EffectiveLevel, Level, SchemaType};

/// One version of a subject, for `show --versions`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionRow {
    pub version: u32,
    pub id: u32,
    pub schema_type: SchemaType,
    pub deleted: bool,
}

/// A subject's versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionList {
    pub subject: String,
    pub versions: Vec<VersionRow>,
}

/// The outcome of `kop schemas register`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registration {
    pub subject: String,
    pub id: u32,
    pub version: u32,
    pub schema_type: SchemaType,
    /// The subject already had this schema: nothing was added.
    pub existed: bool,
}

/// A level, before and after `kop schemas compatibility`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LevelReport {
    /// `None`: the registry's global level.
    pub subject: Option<String>,
    pub level: EffectiveLevel,
    /// What it was, when the command changed it.
    pub was: Option<EffectiveLevel>,
}

impl LevelReport {
    pub fn changed(&self) -> bool {
        self.was.is_some_and(|w| w != self.level)
    }
}

/// The outcome of `kop schemas delete`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deletion {
    pub subject: String,
    pub versions: Vec<u32>,
    pub permanent: bool,
    /// The whole subject, not one version.
    pub whole_subject: bool,
}

/// What a delete would remove, shown before asking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeletePlan {
    pub subject: String,
    /// The versions that go (live ones for a soft delete, soft-deleted ones for a permanent).
    pub versions: Vec<u32>,
    pub permanent: bool,
    pub whole_subject: bool,
}

impl DeletePlan {
    /// The question asked before the delete.
    pub fn question(&self) -> String {
        let what = if self.whole_subject {
            format!(
                "subject {} ({})",
                self.subject,
                versions_text(&self.versions)
            )
        } else {
            format!("{} of {}", versions_text(&self.versions), self.subject)
        };
        if self.permanent {
            format!("Delete {what} permanently? Their ids stop resolving, and events written with them can no longer be read")
        } else {
            format!("Delete {what}? Readers that look schemas up by id keep working")
        }
    }
}

/// `version 3` or `versions 1, 2, 3`.
pub fn versions_text(versions: &[u32]) -> String {
    let list: Vec<String> = versions.iter().map(u32::to_string).collect();
    match list.len() {
        1 => format!("version {}", list[0]),
        _ => format!("versions {}", list.join(", ")),
    }
}

/// `BACKWARD` for a subject's own level, `BACKWARD (global)` for an inherited one.
pub fn level_text(level: EffectiveLevel) -> String {
    if level.global {
        format!("{} (global)", level.level)
    } else {
        level.level.to_string()
    }
}

/// What a level means, in a sentence.
pub fn level_meaning(level: Level) -> &'static str {
    match level {
        Level::None => "no compatibility check",
        Level::Backward => "new schemas must read data written with the latest one",
        Level::BackwardTransitive => "new schemas must read data written with every earlier one",
        Level::Forward => "the latest schema must read data written with new ones",
        Level::ForwardTransitive => "every earlier schema must read data written with new ones",
        Level::Full => "backward and forward, with the latest schema",
        Level::FullTransitive => "backward and forward, with every earlier schema",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delete_question_says_what_goes_and_what_it_costs() {
        let plan = DeletePlan {
            subject: "task.created-value".into(),
            versions: vec![1, 2],
            permanent: false,
            whole_subject: true,
        };
        assert_eq!(
            plan.question(),
            "Delete subject task.created-value (versions 1, 2)? Readers that look schemas up by id keep working"
        );
        let plan = DeletePlan {
            versions: vec![3],
            permanent: true,
            whole_subject: false,
            ..plan
        };
        assert!(plan
            .question()
            .starts_with("Delete version 3 of task.created-value permanently?"));
    }

    #[test]
    fn levels_read_as_words() {
        let global = EffectiveLevel::of(None, Level::Backward);
        assert_eq!(level_text(global), "BACKWARD (global)");
        assert_eq!(
            level_text(EffectiveLevel::of(Some(Level::Full), Level::Backward)),
            "FULL"
        );
        let report = LevelReport {
            subject: None,
            level: global,
            was: Some(global),
        };
        assert!(!report.changed());
        for level in Level::ALL {
            assert!(!level_meaning(level).is_empty());
        }
    }
}

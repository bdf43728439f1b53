//! `kop schemas check`, the compatibility gate: what the registry said about each schema
//! file, and whether that fails the run. The verdicts are the registry's; kop adds none.

use std::path::PathBuf;

use super::{EffectiveLevel, Level, SchemaType};

/// Where a schema stands under a subject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    Registered {
        id: u32,
        version: u32,
    },
    /// The subject exists; this schema is not one of its live versions.
    NotRegistered,
    /// The subject has no live version.
    NoSubject,
}

/// The registry's answer to one compatibility question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Compatibility {
    Compatible,
    /// With the registry's reasons, when it gives them (some registries give none).
    Incompatible(Vec<String>),
}

/// How the registry is asked: against the latest version, or (transitive levels) every
/// live version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Against {
    Latest,
    EveryVersion,
}

impl Against {
    pub fn for_level(level: Level) -> Against {
        if level.is_transitive() {
            Against::EveryVersion
        } else {
            Against::Latest
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// This exact schema is already a live version of the subject.
    Registered { version: u32, id: u32 },
    /// The subject has no live version: anything can be its first.
    NewSubject,
    /// Compatible with these versions under the subject's level.
    Compatible { versions: Vec<u32> },
    /// Incompatible; checked against these versions, with the registry's reasons.
    Incompatible {
        versions: Vec<u32>,
        messages: Vec<String>,
    },
    /// The registry refused the schema itself (42201), with its message.
    Invalid { message: String },
}

impl Verdict {
    /// Fails the gate (exit 3).
    pub fn is_problem(&self) -> bool {
        matches!(self, Verdict::Incompatible { .. } | Verdict::Invalid { .. })
    }

    pub fn name(&self) -> &'static str {
        match self {
            Verdict::Registered { .. } => "registered",
            Verdict::NewSubject => "new subject",
            Verdict::Compatible { .. } => "compatible",
            Verdict::Incompatible { .. } => "incompatible",
            Verdict::Invalid { .. } => "invalid",
        }
    }
}

/// One schema file against its subject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckResult {
    pub subject: String,
    pub file: PathBuf,
    pub schema_type: SchemaType,
    /// The level the registry judged by (for a new subject, the one it will get).
    pub level: Option<EffectiveLevel>,
    /// The level topics.toml declares for the subject, when it declares one.
    pub declared: Option<Level>,
    pub verdict: Verdict,
}

impl CheckResult {
    /// topics.toml declares a level the registry does not have yet (`topics apply` sets it).
    pub fn declared_differs(&self) -> Option<Level> {
        match (self.declared, self.level) {
            (Some(d), Some(e)) if d != e.level => Some(d),
            (Some(d), None) => Some(d),
            _ => None,
        }
    }
}

/// Every answer for one schema, by version, in one verdict. Reasons are said once each;
/// which version gave which reason is not claimed (a registry that applies a transitive
/// level answers for all versions at once).
pub fn merge(answers: Vec<(u32, Compatibility)>) -> Verdict {
    let versions: Vec<u32> = answers.iter().map(|(v, _)| *v).collect();
    let mut incompatible = false;
    let mut messages: Vec<String> = Vec::new();
    for (_, answer) in answers {
        if let Compatibility::Incompatible(reasons) = answer {
            incompatible = true;
            for reason in reasons {
                if !messages.contains(&reason) {
                    messages.push(reason);
                }
            }
        }
    }
    if incompatible {
        Verdict::Incompatible { versions, messages }
    } else {
        Verdict::Compatible { versions }
    }
}

/// How many results of each kind, for the summary line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CheckCounts {
    pub registered: usize,
    pub new_subject: usize,
    pub compatible: usize,
    pub incompatible: usize,
    pub invalid: usize,
}

pub fn counts(results: &[CheckResult]) -> CheckCounts {
    let mut c = CheckCounts::default();
    for r in results {
        match r.verdict {
            Verdict::Registered { .. } => c.registered += 1,
            Verdict::NewSubject => c.new_subject += 1,
            Verdict::Compatible { .. } => c.compatible += 1,
            Verdict::Incompatible { .. } => c.incompatible += 1,
            Verdict::Invalid { .. } => c.invalid += 1,
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transitive_levels_ask_about_every_version() {
        assert_eq!(Against::for_level(Level::Backward), Against::Latest);
        assert_eq!(Against::for_level(Level::None), Against::Latest);
        assert_eq!(
            Against::for_level(Level::FullTransitive),
            Against::EveryVersion
        );
    }

    #[test]
    fn answers_merge_with_each_reason_once() {
        assert_eq!(
            merge(vec![
                (1, Compatibility::Compatible),
                (2, Compatibility::Compatible)
            ]),
            Verdict::Compatible {
                versions: vec![1, 2]
            }
        );
        let verdict = merge(vec![
            (1, Compatibility::Incompatible(vec!["owner".into()])),
            (2, Compatibility::Incompatible(vec!["owner".into()])),
            (3, Compatibility::Compatible),
        ]);
        assert_eq!(
            verdict,
            Verdict::Incompatible {
                versions: vec![1, 2, 3],
                messages: vec!["owner".into()]
            }
        );
        assert!(verdict.is_problem());
        // A registry that gives no reasons: incompatible all the same, reasons empty.
        assert_eq!(
            merge(vec![(4, Compatibility::Incompatible(vec![]))]),
            Verdict::Incompatible {
                versions: vec![4],
                messages: vec![]
            }
        );
    }

    #[test]
    fn only_incompatible_and_invalid_fail_the_gate() {
        assert!(!Verdict::NewSubject.is_problem());
        assert!(!Verdict::Registered { version: 1, id: 1 }.is_problem());
        assert!(Verdict::Invalid {
            message: "x".into()
        }
        .is_problem());
        let result = CheckResult {
            subject: "s".into(),
            file: "f".into(),
            schema_type: SchemaType::Avro,
            level: Some(EffectiveLevel::of(None, Level::Backward)),
            declared: Some(Level::FullTransitive),
            verdict: Verdict::NewSubject,
        };
        assert_eq!(result.declared_differs(), Some(Level::FullTransitive));
        assert_eq!(counts(&[result]).new_subject, 1);
    }
}

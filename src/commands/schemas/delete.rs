//! `kop schemas delete`: what would go, a confirmation, the delete, a report. A permanent
//! delete removes only what a soft delete hid, as the registry requires: kop says so before
//! asking, instead of letting the registry refuse after.

use super::super::confirm::{confirm, Confirmation};
use crate::core::schemas::report::{DeletePlan, Deletion};
use crate::core::schemas::VersionRef;
use crate::error::{CommandError, Outcome};
use crate::output::views::schemas::changes::render_deletion;
use crate::output::Output;
use crate::registry::{Registry, RegistryError};
use crate::settings::{SchemasDeleteSettings, Settings};

pub(crate) fn run(
    settings: &Settings,
    delete: &SchemasDeleteSettings,
    out: &mut Output,
) -> Result<Outcome, CommandError> {
    let registry = super::connect(&delete.registry, settings.timeout);
    let plan = plan(&registry, delete)?;
    let question = plan.question();
    confirm(
        out,
        delete.yes,
        true,
        &Confirmation {
            question: &question,
            refusal: "refusing to delete schemas without confirmation; nothing was deleted",
            hint: "there is no terminal to ask on: add --yes to delete",
            declined: "not deleted: the answer was no",
        },
    )?;
    let versions = match (plan.whole_subject, delete.version) {
        (false, Some(_)) => {
            let number = plan.versions.first().copied().unwrap_or_default();
            vec![registry.delete_version(
                &delete.subject,
                VersionRef::Number(number),
                delete.permanent,
            )?]
        }
        _ => registry.delete_subject(&delete.subject, delete.permanent)?,
    };
    render_deletion(
        out,
        &Deletion {
            subject: delete.subject.clone(),
            versions,
            permanent: delete.permanent,
            whole_subject: plan.whole_subject,
        },
    )?;
    Ok(Outcome::Clean)
}

/// The subject's versions: (live, soft-deleted).
fn versions(registry: &Registry, subject: &str) -> Result<(Vec<u32>, Vec<u32>), CommandError> {
    let missing = |e: &RegistryError| e.code() == Some(40401);
    let live = match registry.versions(subject, false) {
        Ok(v) => v,
        Err(e) if missing(&e) => Vec::new(),
        Err(e) => return Err(e.into()),
    };
    let all = match registry.versions(subject, true) {
        Ok(v) => v,
        Err(e) if missing(&e) => Vec::new(),
        Err(e) => return Err(e.into()),
    };
    let hidden = all.into_iter().filter(|v| !live.contains(v)).collect();
    Ok((live, hidden))
}

fn plan(registry: &Registry, delete: &SchemasDeleteSettings) -> Result<DeletePlan, CommandError> {
    let subject = &delete.subject;
    let (live, hidden) = versions(registry, subject)?;
    if live.is_empty() && hidden.is_empty() {
        return Err(CommandError::failed(format!(
            "the subject {subject} does not exist in the Schema Registry"
        ))
        .with_hint("`kop schemas list --deleted` shows the subjects, soft-deleted ones too"));
    }
    let soft_first = |what: &str| {
        CommandError::failed(format!(
            "{what} is not soft-deleted yet, and the registry deletes permanently only what a soft delete hid; nothing was deleted"
        ))
    };
    let versions = match (delete.version, delete.permanent) {
        (None, false) if live.is_empty() => {
            return Err(CommandError::failed(format!(
                "the subject {subject} is already soft-deleted; nothing was deleted"
            ))
            .with_hint(format!(
                "`kop schemas delete {subject} --permanent` removes it for good"
            )));
        }
        (None, false) => live,
        (None, true) if !live.is_empty() => {
            return Err(
                soft_first(&format!("the subject {subject}")).with_hint(format!(
                    "run `kop schemas delete {subject}` first, then again with --permanent"
                )),
            );
        }
        (None, true) => hidden,
        (Some(v), permanent) => {
            let number = match v {
                VersionRef::Number(n) => n,
                VersionRef::Latest => *live.last().ok_or_else(|| {
                    CommandError::failed(format!("{subject} has no live version to call latest"))
                })?,
            };
            let is_live = live.contains(&number);
            let is_hidden = hidden.contains(&number);
            match (permanent, is_live, is_hidden) {
                (_, false, false) => {
                    return Err(
                        CommandError::failed(format!("{subject} has no version {number}"))
                            .with_hint(format!(
                        "`kop schemas show {subject} --versions --deleted` lists its versions"
                    )),
                    );
                }
                (false, false, true) => {
                    return Err(CommandError::failed(format!(
                        "version {number} of {subject} is already soft-deleted; nothing was deleted"
                    ))
                    .with_hint("add --permanent to remove it for good"));
                }
                (true, true, _) => {
                    return Err(soft_first(&format!("version {number} of {subject}")).with_hint(
                        format!(
                            "run `kop schemas delete {subject} --version {number}` first, then again with --permanent"
                        ),
                    ));
                }
                _ => vec![number],
            }
        }
    };
    Ok(DeletePlan {
        subject: subject.clone(),
        versions,
        permanent: delete.permanent,
        whole_subject: delete.version.is_none(),
    })
}

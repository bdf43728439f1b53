//! `kop schemas register`: a schema file under a subject. A schema the subject already has
//! is reported with its version, and nothing is added.

use crate::core::schemas::check::Lookup;
use crate::core::schemas::report::Registration;
use crate::error::{CommandError, Outcome, ResultExt};
use crate::output::views::schemas::changes::render_registration;
use crate::output::Output;
use crate::settings::{SchemasRegisterSettings, Settings};

pub(crate) fn run(
    settings: &Settings,
    register: &SchemasRegisterSettings,
    out: &mut Output,
) -> Result<Outcome, CommandError> {
    let registry = super::connect(&register.registry, settings.timeout);
    let subject = &register.subject;
    let schema = super::schema_text(&registry, &register.file, subject)?;
    let context = || {
        format!(
            "cannot register {} under {subject}",
            register.file.path.display()
        )
    };
    let existing = match registry.find(subject, &schema) {
        Ok(Lookup::Registered { id, version }) => Some((id, version)),
        Ok(Lookup::NotRegistered | Lookup::NoSubject) => None,
        // An invalid schema: registering says why in the registry's own words.
        Err(e) if e.code() == Some(42201) => None,
        Err(e) => return Err(CommandError::from(e).context(context())),
    };
    let (id, version, existed) = match existing {
        Some((id, version)) => (id, version, true),
        None => {
            let (id, version) = registry
                .register_schema(subject, &schema)
                .with_context(context)?;
            (id, version, false)
        }
    };
    render_registration(
        out,
        &Registration {
            subject: subject.clone(),
            id,
            version,
            schema_type: schema.schema_type,
            existed,
        },
    )?;
    Ok(Outcome::Clean)
}

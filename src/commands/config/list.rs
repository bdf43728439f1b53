//! `kop config list`: every profile of the topics file and the user config, and the one in
//! use. The listing is resolved by `settings`; a name chosen but declared nowhere is
//! reported, not an error, so that this command still helps when others stop.

use crate::core::provenance::ProfileListing;
use crate::error::{CommandError, Outcome};
use crate::output::views::config::render_list;
use crate::output::Output;

pub(crate) fn run(listing: &ProfileListing, out: &mut Output) -> Result<Outcome, CommandError> {
    render_list(out, listing)?;
    Ok(Outcome::Clean)
}

//! The one table style kop uses: no borders, a header, columns that line up, and no
//! wrapping when piped (so `grep` and `awk` see whole rows).

use comfy_table::{presets, Cell, ContentArrangement, Table};

use crate::output::style::{paint, Tone};
use crate::output::Output;

pub fn new_table(out: &Output, headers: &[&str]) -> Table {
    let mut table = Table::new();
    table.load_preset(presets::NOTHING);
    table.set_content_arrangement(ContentArrangement::Disabled);
    table.set_header(
        headers
            .iter()
            .map(|h| Cell::new(paint(out.color, Tone::Strong, h))),
    );
    table
}

/// Prints a table; each line is trimmed of the padding comfy-table leaves at the edges.
pub fn print_table(out: &mut Output, table: &Table) -> std::io::Result<()> {
    for line in table.lines() {
        out.line(line.strip_prefix(' ').unwrap_or(&line).trim_end())?;
    }
    Ok(())
}

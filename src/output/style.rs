//! Colour, only when the stream is a terminal and the user has not turned it off.

use console::Style;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tone {
    Good,
    Warn,
    Bad,
    Hint,
    Dim,
    Strong,
}

pub(crate) fn paint(color: bool, tone: Tone, text: &str) -> String {
    if !color {
        return text.to_string();
    }
    let style = match tone {
        Tone::Good => Style::new().green(),
        Tone::Warn => Style::new().yellow().bold(),
        Tone::Bad => Style::new().red().bold(),
        Tone::Hint => Style::new().cyan(),
        Tone::Dim => Style::new().dim(),
        Tone::Strong => Style::new().bold(),
    };
    // `force_styling`: the decision was made by the caller, who knows which stream it is.
    style.force_styling(true).apply_to(text).to_string()
}

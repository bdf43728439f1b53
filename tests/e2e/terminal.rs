//! kop as a person sees it on a colour terminal (a pseudo-terminal through util-linux
//! `script`): spinners, cleared progress, colour, and lines that fit.

use std::io::Write as _;
use std::time::Duration;

use crate::support::kop::kop;
use crate::support::{broker, client, unique, wait_until};

#[test]
fn publishing_from_a_slow_pipe_shows_a_spinner_that_clears_before_the_summary() {
    let b = broker::shared();
    let topic = unique("tty.spinner");
    client::create_topic(&b.bootstrap(), &topic, 1, &[]);
    let mut publish = kop(["publish", &topic, "-b", &b.bootstrap()])
        .env("NO_COLOR", "")
        .env("TERM", "xterm-256color")
        .spawn_in_terminal_behind_a_pipe();
    for i in 0..3 {
        writeln!(publish.stdin(), "{{\"n\": {i}}}").unwrap();
        publish.stdin().flush().unwrap();
        let shown = i + 1;
        wait_until(
            Duration::from_secs(10),
            "the spinner to count the event",
            || publish.stdout().contains(&format!("{shown} events (")),
        );
    }
    publish.stdin().write_all(b"\x04").unwrap();
    let run = publish.finish();
    assert_eq!(run.code, 0, "{run:?}");
    let screen = run.stdout;
    assert!(
        screen.contains("Published 3 event(s) ("),
        "the final line: {screen:?}"
    );
    assert!(
        !screen.contains("3/0"),
        "no bar for an unknown total: {screen:?}"
    );
    let last_spinner = screen.rfind(" events (").unwrap();
    let summary = screen.find("Published 3").unwrap();
    let between = &screen[last_spinner..summary];
    assert!(
        between.contains("\r\u{1b}[2K"),
        "the spinner line is cleared before the summary: {between:?}"
    );
}

#[test]
fn events_typed_at_the_terminal_get_a_prompt_line_and_no_spinner_over_them() {
    let b = broker::shared();
    let topic = unique("tty.typed");
    client::create_topic(&b.bootstrap(), &topic, 1, &[]);
    let mut publish = kop(["publish", &topic, "-b", &b.bootstrap()])
        .env("TERM", "xterm-256color")
        .spawn_in_terminal();
    wait_until(
        Duration::from_secs(10),
        "the line saying how to type",
        || publish.stdout().contains("Ctrl-D sends the last and ends"),
    );
    writeln!(publish.stdin(), "{{\"n\": 1}}").unwrap();
    publish.stdin().write_all(b"\x04").unwrap();
    publish.stdin().flush().unwrap();
    let run = publish.finish();
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("Published 1 event"), "{:?}", run.stdout);
    assert!(
        !run.stdout.contains(" events ("),
        "no spinner: {:?}",
        run.stdout
    );
}

//! kop through the fault-injecting proxy (support/proxy.rs): a stalled link, a link that
//! refuses connections, a slow link and a cut one; and the proxy's own faults checked on
//! plain TCP, since later fault tests rely on them.

use std::io::{ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::time::Duration;

use serde_json::Value;

use crate::support::kop::{kop, Run};
use crate::support::proxy::{proxied_broker, thread_prefix, Proxy};
use crate::support::{client, tail_all, unique, wait_for, wait_until};

fn health(proxy: &Proxy, timeout: &str) -> Run {
    kop([
        "health",
        "-b",
        &proxy.bootstrap(),
        "--timeout",
        timeout,
        "-o",
        "json",
    ])
    .run()
}

fn brokers_detail(run: &Run) -> String {
    let json = run.json();
    let check = json["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "brokers")
        .unwrap_or_else(|| panic!("no brokers check in {json}"));
    check["detail"].as_str().unwrap().to_string()
}

/// A failed health run ends within its 2 s timeout plus kop's own start and finish.
const FAILS_WITHIN: Duration = Duration::from_secs(6);

#[test]
fn health_is_healthy_through_the_proxy() {
    let (_broker, proxy) = proxied_broker();
    let (up, down) = (proxy.bytes_up(), proxy.bytes_down());
    let run = health(&proxy, "5s").expect_code(0);
    let json = run.json();
    assert_eq!(json["status"], "healthy", "{json}");
    assert_eq!(json["brokers"][0]["address"], proxy.bootstrap());
    assert!(
        proxy.bytes_up() > up && proxy.bytes_down() > down,
        "kop's requests and the answers crossed the proxy"
    );
}

#[test]
fn a_stalled_link_fails_health_within_its_timeout_and_resuming_heals_it() {
    let (_broker, proxy) = proxied_broker();
    proxy.pause();
    let (up, down, connections) = (proxy.bytes_up(), proxy.bytes_down(), proxy.connections());
    let run = health(&proxy, "2s").expect_code(3);
    assert!(run.elapsed < FAILS_WITHIN, "took {:?}", run.elapsed);
    assert_eq!(run.json()["status"], "unhealthy");
    let detail = brokers_detail(&run);
    assert!(
        detail.contains(&format!(
            "could not reach Kafka at {} within 2s",
            proxy.bootstrap()
        )),
        "{detail}"
    );
    assert!(
        proxy.connections() > connections,
        "kop reached the proxy and stalled there"
    );
    assert_eq!(
        (proxy.bytes_up(), proxy.bytes_down()),
        (up, down),
        "bytes crossed a paused link"
    );
    proxy.resume();
    let run = health(&proxy, "5s").expect_code(0);
    assert_eq!(run.json()["status"], "healthy");
}

#[test]
fn a_link_that_refuses_connections_fails_health_with_the_cause() {
    let (_broker, proxy) = proxied_broker();
    proxy.refuse(true);
    let run = health(&proxy, "2s").expect_code(3);
    assert!(run.elapsed < FAILS_WITHIN, "took {:?}", run.elapsed);
    let detail = brokers_detail(&run);
    assert!(
        detail.contains(&format!(
            "could not reach Kafka at {} within 2s",
            proxy.bootstrap()
        )),
        "{detail}"
    );
    // librdkafka's words for connections that close at once (kop shows no more specific
    // cause here: each connection ends before any error of its own is logged).
    assert!(detail.contains("brokers are down"), "{detail}");
    assert!(proxy.refused() > 0, "kop never tried to connect");
    proxy.refuse(false);
    health(&proxy, "5s").expect_code(0);
}

#[test]
fn a_few_thousand_events_cross_a_throttled_link_exactly_once_and_in_order() {
    const RATE: u64 = 100_000;
    let (_broker, proxy) = proxied_broker();
    let topic = unique("proxy.slow");
    client::create_topic(&proxy.bootstrap(), &topic, 1, &[]);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("events.ndjson");
    // About 130 kB on the wire: over a second at the rate, which makes the limit bite.
    let text: String = (0..3_000u64)
        .map(|n| {
            format!(
                "{{\"n\": {n}, \"id\": \"{:016x}\"}}\n",
                n.wrapping_mul(0x9e37_79b9_7f4a_7c15)
            )
        })
        .collect();
    std::fs::write(&file, text).unwrap();
    let before = proxy.bytes_up();
    proxy.throttle(Some(RATE));
    let run = kop([
        "publish",
        &topic,
        "-b",
        &proxy.bootstrap(),
        "--file",
        file.to_str().unwrap(),
        "-o",
        "json",
    ])
    .run()
    .expect_code(0);
    let sent = proxy.bytes_up() - before;
    proxy.throttle(None);
    assert_eq!(
        (
            run.json()["published"].as_u64(),
            run.json()["failed"].as_u64()
        ),
        (Some(3_000), Some(0))
    );
    // The limit held: the proxy lets at most one 20 ms slice run ahead of the rate.
    let least = (sent as f64 - RATE as f64 / 50.0) / RATE as f64;
    assert!(
        run.elapsed.as_secs_f64() >= least,
        "{sent} bytes in {:?} beat {RATE} bytes a second",
        run.elapsed
    );
    let seen: Vec<u64> = tail_all(&proxy.bootstrap(), &topic, &[])
        .iter()
        .map(|e| e["value"]["n"].as_u64().unwrap())
        .collect();
    assert_eq!(
        seen,
        (0..3_000).collect::<Vec<u64>>(),
        "every event once, in order"
    );
}

#[test]
fn a_live_publish_rides_out_a_cut_connection() {
    let (_broker, proxy) = proxied_broker();
    let topic = unique("proxy.cut");
    client::create_topic(&proxy.bootstrap(), &topic, 1, &[]);
    let values = || -> Vec<Value> {
        tail_all(&proxy.bootstrap(), &topic, &[])
            .into_iter()
            .map(|e| e["value"].clone())
            .collect()
    };
    let arrived = |n: usize| {
        wait_for(
            Duration::from_secs(15),
            &format!("{n} events to arrive"),
            || match values() {
                v if v.len() >= n => Ok(v),
                v => Err(format!("{} arrived", v.len())),
            },
        )
    };
    let mut publish = kop(["publish", &topic, "-b", &proxy.bootstrap(), "-o", "json"])
        .piped_stdin()
        .spawn();
    writeln!(publish.stdin(), "{{\"n\": 1}}\n{{\"n\": 2}}").unwrap();
    arrived(2);
    // kop's producer holds its connection open while stdin is idle: cut it.
    let connections = proxy.connections();
    proxy.cut();
    writeln!(publish.stdin(), "{{\"n\": 3}}\n{{\"n\": 4}}").unwrap();
    let seen = arrived(4);
    assert!(
        proxy.connections() > connections,
        "nothing reconnected after the cut"
    );
    publish.close_stdin();
    let run = publish.finish().expect_code(0);
    assert_eq!(run.json()["published"], 4);
    let expected: Vec<Value> = (1..=4).map(|n| serde_json::json!({ "n": n })).collect();
    assert_eq!(seen, expected, "every event once, in order");
}

#[test]
fn tail_follow_rides_out_a_cut_connection() {
    let (_broker, proxy) = proxied_broker();
    let topic = unique("proxy.follow");
    client::create_topic(&proxy.bootstrap(), &topic, 1, &[]);
    let produce = |value: &str| {
        client::produce(
            &proxy.bootstrap(),
            &topic,
            &[(None, value.as_bytes(), vec![])],
        );
    };
    produce("{\"n\": 1}");
    let tail = kop([
        "tail",
        &topic,
        "-b",
        &proxy.bootstrap(),
        "-f",
        "--from",
        "beginning",
        "-o",
        "ndjson",
    ])
    .spawn();
    let lines = |n: usize| {
        wait_until(
            Duration::from_secs(15),
            &format!("{n} events printed"),
            || tail.stdout().lines().count() >= n,
        )
    };
    lines(1);
    proxy.cut();
    produce("{\"n\": 2}");
    lines(2);
    crate::support::signal::interrupt(&tail);
    let run = tail.finish();
    assert_eq!(run.code, 130, "{run:?}");
    let values: Vec<Value> = crate::support::ndjson(&run.stdout)
        .into_iter()
        .map(|e| e["value"].clone())
        .collect();
    assert_eq!(
        values,
        [serde_json::json!({"n": 1}), serde_json::json!({"n": 2})]
    );
}

/// An upstream that echoes what it reads, on plain TCP.
fn echo_server() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || {
                let mut reader = stream;
                let Ok(mut writer) = reader.try_clone() else {
                    return;
                };
                let _ = std::io::copy(&mut reader, &mut writer);
            });
        }
    });
    addr
}

fn connect(proxy: &Proxy) -> TcpStream {
    let stream = TcpStream::connect(proxy.bootstrap()).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    stream
}

fn echo(stream: &mut TcpStream, text: &str) -> String {
    stream.write_all(text.as_bytes()).unwrap();
    let mut back = vec![0u8; text.len()];
    stream.read_exact(&mut back).unwrap();
    String::from_utf8(back).unwrap()
}

/// Whether the peer has closed the connection: a read ends (EOF or reset) within the
/// stream's read timeout, instead of timing out.
fn closed(stream: &mut TcpStream) -> bool {
    let mut byte = [0u8; 1];
    match stream.read(&mut byte) {
        Ok(0) => true,
        Ok(_) => false,
        Err(e) => !matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut),
    }
}

fn proxy_threads(port: u16) -> usize {
    let prefix = thread_prefix(port);
    std::fs::read_dir("/proc/self/task")
        .unwrap()
        .filter_map(|task| std::fs::read_to_string(task.ok()?.path().join("comm")).ok())
        .filter(|name| name.starts_with(&prefix))
        .count()
}

#[test]
fn the_proxy_pauses_cuts_refuses_and_leaves_nothing_behind_on_plain_tcp() {
    let proxy = Proxy::start(echo_server());
    let port = proxy.port();
    let mut first = connect(&proxy);
    assert_eq!(echo(&mut first, "ping"), "ping");
    assert_eq!((proxy.bytes_up(), proxy.bytes_down()), (4, 4));

    proxy.pause();
    first.write_all(b"held").unwrap();
    // Nothing may come back while paused; absence can only be shown over a while.
    first
        .set_read_timeout(Some(Duration::from_millis(300)))
        .unwrap();
    let mut back = [0u8; 4];
    let during_pause = first.read(&mut back);
    assert!(
        matches!(&during_pause, Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut)),
        "bytes crossed a paused link: {during_pause:?}"
    );
    first
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    proxy.resume();
    first.read_exact(&mut back).unwrap();
    assert_eq!(&back, b"held");

    let mut second = connect(&proxy);
    assert_eq!(echo(&mut second, "two"), "two");
    proxy.cut();
    assert!(
        closed(&mut first) && closed(&mut second),
        "cut left a connection open"
    );
    let mut after_cut = connect(&proxy);
    assert_eq!(echo(&mut after_cut, "again"), "again");

    proxy.refuse(true);
    let mut refused = connect(&proxy);
    assert!(closed(&mut refused), "a refused connection stayed open");
    assert_eq!(proxy.refused(), 1);
    proxy.refuse(false);

    assert!(
        proxy_threads(port) > 0,
        "the proxy's threads are not named as expected"
    );
    drop(proxy);
    // drop joins every thread; the kernel may list a joined thread for a moment longer.
    wait_until(Duration::from_secs(5), "the proxy's threads to end", || {
        proxy_threads(port) == 0
    });
    assert!(closed(&mut after_cut), "a connection outlived the proxy");
    assert!(
        TcpStream::connect(("127.0.0.1", port)).is_err(),
        "the proxy's port is still open"
    );
}

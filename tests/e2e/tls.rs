//! A real TLS connection: kop reaches a broker through a TLS front with a self-signed CA.

use crate::support::kop::kop;
use crate::support::{broker, free_port, tls};

#[test]
fn tls_with_the_right_ca_works_and_a_wrong_ca_fails_clearly() {
    let pki = tls::ca_and_server();
    let broker_port = free_port();
    let tls_port = free_port();
    let b = broker::start(broker_port, tls_port);
    broker::wait_until_ready(&b, &b.bootstrap());
    let front = tls::front(&pki, tls_port, broker_port);
    let bootstrap = format!("127.0.0.1:{}", front.port);

    let run = kop(["health", "-b", &bootstrap, "-o", "json"])
        .env("KAFKA_SECURITY_PROTOCOL", "SSL")
        .env("KAFKA_SSL_CAFILE", pki.ca().to_str().unwrap())
        .run()
        .expect_code(0);
    let json = run.json();
    assert_eq!(json["status"], "healthy", "{json}");
    assert_eq!(json["brokers"][0]["address"], bootstrap);

    let other = tls::ca_only();
    let run = kop(["topics", "list", "-b", &bootstrap, "--timeout", "3s"])
        .env("KAFKA_SECURITY_PROTOCOL", "SSL")
        .env("KAFKA_SSL_CAFILE", other.ca().to_str().unwrap())
        .run()
        .expect_code(1);
    assert!(
        run.stderr.contains("certificate verify failed"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("hint: the broker's TLS certificate is not signed by a CA kop trusts"),
        "{}",
        run.stderr
    );

    let run = kop(["health", "-b", &bootstrap, "--timeout", "3s", "-o", "json"])
        .env("KAFKA_SECURITY_PROTOCOL", "SSL")
        .env("KAFKA_SSL_CAFILE", other.ca().to_str().unwrap())
        .run()
        .expect_code(3);
    assert!(
        run.stdout.contains("certificate verify failed"),
        "{}",
        run.stdout
    );
}

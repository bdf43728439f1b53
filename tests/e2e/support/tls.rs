//! A TLS front for a broker: a self-signed CA and server certificate made with openssl, and
//! socat terminating TLS in front of the broker's plaintext port (Tansu cannot serve TLS).

use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::time::Duration;

use super::broker::watchdog;
use super::wait_for;

pub struct Pki {
    pub dir: tempfile::TempDir,
}

impl Pki {
    pub fn ca(&self) -> PathBuf {
        self.dir.path().join("ca.pem")
    }

    pub fn server_pem(&self) -> PathBuf {
        self.dir.path().join("server.pem")
    }
}

fn openssl(dir: &Path, args: &[&str]) {
    let output = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("openssl is needed for the TLS tests: apt-get install -y openssl (scripts/setup.sh does)");
    assert!(
        output.status.success(),
        "openssl {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A CA alone (for the "wrong CA" case).
pub fn ca_only() -> Pki {
    let dir = tempfile::tempdir().expect("pki dir");
    openssl(
        dir.path(),
        &[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "ca.key",
            "-out",
            "ca.pem",
            "-days",
            "2",
            "-subj",
            "/CN=kop other CA",
        ],
    );
    Pki { dir }
}

/// A CA and a server certificate for 127.0.0.1 signed by it.
pub fn ca_and_server() -> Pki {
    let pki = ca_only();
    let dir = pki.dir.path();
    openssl(
        dir,
        &[
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "server.key",
            "-out",
            "server.csr",
            "-subj",
            "/CN=127.0.0.1",
        ],
    );
    std::fs::write(
        dir.join("ext.cnf"),
        "subjectAltName=IP:127.0.0.1,DNS:localhost\n",
    )
    .expect("ext");
    openssl(
        dir,
        &[
            "x509",
            "-req",
            "-in",
            "server.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            "server.crt",
            "-days",
            "2",
            "-extfile",
            "ext.cnf",
        ],
    );
    let pem = [
        std::fs::read(dir.join("server.crt")).expect("crt"),
        std::fs::read(dir.join("server.key")).expect("key"),
    ]
    .concat();
    std::fs::write(dir.join("server.pem"), pem).expect("pem");
    pki
}

pub struct TlsFront {
    pub port: u16,
    _process: Child,
    _watchdog: (Child, ChildStdin),
}

/// socat on `tls_port`, forwarding to the broker's plaintext `broker_port`.
pub fn front(pki: &Pki, tls_port: u16, broker_port: u16) -> TlsFront {
    let process = Command::new("socat")
        .args([
            &format!(
                "OPENSSL-LISTEN:{tls_port},bind=127.0.0.1,fork,reuseaddr,cert={},verify=0",
                pki.server_pem().display()
            ),
            &format!("TCP:127.0.0.1:{broker_port}"),
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect(
            "socat is needed for the TLS test: apt-get install -y socat (scripts/setup.sh does)",
        );
    let watchdog = watchdog(process.id());
    wait_for(
        Duration::from_secs(10),
        &format!("socat to listen on {tls_port}"),
        || std::net::TcpStream::connect(("127.0.0.1", tls_port)),
    );
    TlsFront {
        port: tls_port,
        _process: process,
        _watchdog: watchdog,
    }
}

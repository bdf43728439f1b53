//! A fault-injecting TCP proxy in front of one upstream (a broker), on std threads alone:
//! for tests of a link that stalls, drops or is slow.
//!
//! Kafka clients bootstrap, then connect to the address the broker *advertises*; a proxy
//! sits in the path only when the broker advertises the proxy's port, which is what
//! [`proxied_broker`] arranges.
//!
//! Faults, callable from the test thread at any time:
//! - [`Proxy::pause`] stops forwarding in both directions but keeps every connection open
//!   (a stalled link); [`Proxy::resume`] lets the held bytes through.
//! - [`Proxy::cut`] closes every current connection at once; new ones are still accepted.
//! - [`Proxy::refuse`] closes each new connection as soon as it is accepted.
//! - [`Proxy::throttle`] limits each direction to so many bytes a second, across all
//!   connections (one link's bandwidth).
//!
//! Threads: an acceptor, and two per connection (one per direction), all named with
//! [`thread_prefix`]. Dropping the proxy ends every one of them and closes every socket
//! before `drop` returns. A socket error ends only its connection; no thread panics on one.

mod forward;

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::thread::JoinHandle;

use super::broker::{self, Broker};
use super::free_port;
use forward::{accept_loop, lock, Direction, Shared, CONNECT_TIMEOUT};

/// A broker of the test's own that advertises a proxy's port, so that every connection a
/// client makes (bootstrap and after) goes through the proxy. Ready when returned: a
/// client got metadata through the proxy.
pub fn proxied_broker() -> (Broker, Proxy) {
    let broker_port = free_port();
    let proxy = Proxy::start(SocketAddr::from(([127, 0, 0, 1], broker_port)));
    let broker = broker::start(broker_port, proxy.port());
    broker::wait_until_ready(&broker, &proxy.bootstrap());
    (broker, proxy)
}

/// The start of the name of every thread of the proxy listening on `port` (short: Linux
/// keeps 15 bytes of a thread's name), so a test can count them.
pub fn thread_prefix(port: u16) -> String {
    format!("px{port}-")
}

pub struct Proxy {
    addr: SocketAddr,
    shared: Arc<Shared>,
    acceptor: Option<JoinHandle<()>>,
}

impl Proxy {
    /// Listens on a free loopback port and forwards each connection to `upstream`.
    pub fn start(upstream: SocketAddr) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port for the proxy");
        let addr = listener.local_addr().expect("the proxy's address");
        let shared = Arc::new(Shared::new(upstream, addr.port()));
        let acceptor = {
            let shared = shared.clone();
            std::thread::Builder::new()
                .name(format!("{}a", thread_prefix(addr.port())))
                .spawn(move || accept_loop(&shared, &listener))
                .expect("the proxy's acceptor thread")
        };
        Proxy {
            addr,
            shared,
            acceptor: Some(acceptor),
        }
    }

    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// The proxy's address as a bootstrap server list.
    pub fn bootstrap(&self) -> String {
        self.addr.to_string()
    }

    /// Stops forwarding in both directions; connections stay open and new ones are
    /// accepted (and stall too). Bytes already handed to a socket may still arrive; once
    /// this returns, the byte counters stand still.
    pub fn pause(&self) {
        self.shared.faults().paused = true;
    }

    /// Forwards again, the bytes held during the pause first.
    pub fn resume(&self) {
        self.shared.faults().paused = false;
        self.shared.changed.notify_all();
    }

    /// Closes every current connection at once (both ends see the connection end); new
    /// connections are accepted as before.
    pub fn cut(&self) {
        self.shared.faults().generation += 1;
        self.shared.changed.notify_all();
        self.shared.close_all();
    }

    /// While on, each new connection is closed as soon as it is accepted; current
    /// connections are left alone.
    pub fn refuse(&self, on: bool) {
        self.shared.faults().refusing = on;
    }

    /// Limits each direction to `bytes_per_second` (shared by all connections), or lifts
    /// the limit with `None`.
    pub fn throttle(&self, bytes_per_second: Option<u64>) {
        assert!(
            bytes_per_second != Some(0),
            "a throttle of 0 bytes a second is a pause: use Proxy::pause"
        );
        self.shared.faults().throttle = bytes_per_second;
        self.shared.changed.notify_all();
    }

    /// Bytes forwarded from clients to the upstream so far.
    pub fn bytes_up(&self) -> u64 {
        self.shared.bytes[Direction::Up as usize].load(Ordering::SeqCst)
    }

    /// Bytes forwarded from the upstream to clients so far.
    pub fn bytes_down(&self) -> u64 {
        self.shared.bytes[Direction::Down as usize].load(Ordering::SeqCst)
    }

    /// Connections accepted and forwarded so far.
    pub fn connections(&self) -> u64 {
        self.shared.connections.load(Ordering::SeqCst)
    }

    /// Connections closed at once because of [`Proxy::refuse`].
    pub fn refused(&self) -> u64 {
        self.shared.refused.load(Ordering::SeqCst)
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        {
            let mut faults = self.shared.faults();
            faults.stopping = true;
            faults.generation += 1;
        }
        self.shared.changed.notify_all();
        // The acceptor is blocked in accept: one connection wakes it, and it sees the stop.
        let woke = TcpStream::connect_timeout(&self.addr, CONNECT_TIMEOUT).is_ok();
        if let (true, Some(acceptor)) = (woke, self.acceptor.take()) {
            let _ = acceptor.join();
        }
        // No new connection threads from here on: close every socket, then wait for the
        // threads, each of which now sees a closed socket or the stop.
        self.shared.close_all();
        let threads = std::mem::take(&mut *lock(&self.shared.threads));
        for thread in threads {
            let _ = thread.join();
        }
    }
}

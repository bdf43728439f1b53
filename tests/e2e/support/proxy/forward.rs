//! The proxy's forwarding: the acceptor, one thread per direction of each connection,
//! and the gate every byte passes ([`Shared::admit`]) where pause, cut and throttle act.

use std::io::{ErrorKind, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::thread_prefix;

pub(super) const CONNECT_TIMEOUT: Duration = Duration::from_secs(2);
const BUFFER: usize = 64 * 1024;

#[derive(Clone, Copy)]
pub(super) enum Direction {
    /// Client to upstream.
    Up = 0,
    /// Upstream to client.
    Down = 1,
}

pub(super) struct Shared {
    upstream: SocketAddr,
    listen_port: u16,
    faults: Mutex<Faults>,
    /// Signalled whenever a fault changes, to wake pumps waiting in [`Shared::admit`].
    pub(super) changed: Condvar,
    /// Every open connection's sockets, so that cut and drop can close them at once.
    links: Mutex<Vec<Link>>,
    /// Every connection thread, joined on drop (finished ones are pruned as new come).
    pub(super) threads: Mutex<Vec<JoinHandle<()>>>,
    pub(super) bytes: [AtomicU64; 2],
    pub(super) connections: AtomicU64,
    pub(super) refused: AtomicU64,
}

pub(super) struct Faults {
    pub(super) paused: bool,
    pub(super) refusing: bool,
    pub(super) throttle: Option<u64>,
    /// Bumped by a cut (and by drop): connections accepted before it end.
    pub(super) generation: u64,
    pub(super) stopping: bool,
    /// When each direction may send again under the throttle.
    next_free: [Instant; 2],
}

struct Link {
    id: u64,
    client: TcpStream,
    upstream: TcpStream,
}

pub(super) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Shared {
    pub(super) fn new(upstream: SocketAddr, listen_port: u16) -> Shared {
        Shared {
            upstream,
            listen_port,
            faults: Mutex::new(Faults {
                paused: false,
                refusing: false,
                throttle: None,
                generation: 0,
                stopping: false,
                next_free: [Instant::now(); 2],
            }),
            changed: Condvar::new(),
            links: Mutex::new(Vec::new()),
            threads: Mutex::new(Vec::new()),
            bytes: [AtomicU64::new(0), AtomicU64::new(0)],
            connections: AtomicU64::new(0),
            refused: AtomicU64::new(0),
        }
    }

    pub(super) fn faults(&self) -> MutexGuard<'_, Faults> {
        lock(&self.faults)
    }

    /// Whether a connection of `generation` may go on.
    fn current(&self, generation: u64) -> bool {
        let faults = self.faults();
        !faults.stopping && faults.generation == generation
    }

    pub(super) fn close_all(&self) {
        for link in std::mem::take(&mut *lock(&self.links)) {
            let _ = link.client.shutdown(Shutdown::Both);
            let _ = link.upstream.shutdown(Shutdown::Both);
        }
    }

    /// Waits until up to `want` bytes may go `direction` (not paused, within the
    /// throttle), counts them, and says how many; `None` when the connection must end.
    fn admit(&self, direction: Direction, want: usize, generation: u64) -> Option<usize> {
        let mut faults = self.faults();
        loop {
            if faults.stopping || faults.generation != generation {
                return None;
            }
            if faults.paused {
                faults = self
                    .changed
                    .wait(faults)
                    .unwrap_or_else(PoisonError::into_inner);
                continue;
            }
            let n = match faults.throttle {
                None => want,
                Some(rate) => {
                    let now = Instant::now();
                    let free = faults.next_free[direction as usize];
                    if free > now {
                        faults = self
                            .changed
                            .wait_timeout(faults, free - now)
                            .unwrap_or_else(PoisonError::into_inner)
                            .0;
                        continue;
                    }
                    // At most 20 ms of traffic at a time, so the rate holds over short spans.
                    let n = want.min((rate / 50).clamp(1, BUFFER as u64) as usize);
                    faults.next_free[direction as usize] =
                        now + Duration::from_secs_f64(n as f64 / rate as f64);
                    n
                }
            };
            self.bytes[direction as usize].fetch_add(n as u64, Ordering::SeqCst);
            return Some(n);
        }
    }
}

pub(super) fn accept_loop(shared: &Arc<Shared>, listener: &TcpListener) {
    let mut next_id = 0;
    for stream in listener.incoming() {
        let (generation, stopping, refusing) = {
            let faults = shared.faults();
            (faults.generation, faults.stopping, faults.refusing)
        };
        if stopping {
            return;
        }
        let Ok(client) = stream else { continue };
        if refusing {
            shared.refused.fetch_add(1, Ordering::SeqCst);
            let _ = client.shutdown(Shutdown::Both);
            continue;
        }
        shared.connections.fetch_add(1, Ordering::SeqCst);
        next_id += 1;
        let id = next_id;
        let connection = {
            let shared = shared.clone();
            std::thread::Builder::new()
                .name(format!("{}c{id}", thread_prefix(shared.listen_port)))
                .spawn(move || serve(&shared, client, id, generation))
        };
        let mut threads = lock(&shared.threads);
        threads.retain(|t| !t.is_finished());
        if let Ok(thread) = connection {
            threads.push(thread);
        }
    }
}

/// One connection: dial the upstream, then pump both ways until either side ends it.
fn serve(shared: &Arc<Shared>, client: TcpStream, id: u64, generation: u64) {
    let Ok(upstream) = TcpStream::connect_timeout(&shared.upstream, CONNECT_TIMEOUT) else {
        return;
    };
    let _ = client.set_nodelay(true);
    let _ = upstream.set_nodelay(true);
    let clones = (
        client.try_clone(),
        upstream.try_clone(),
        client.try_clone(),
        upstream.try_clone(),
    );
    let (Ok(client_out), Ok(upstream_in), Ok(client_kept), Ok(upstream_kept)) = clones else {
        return;
    };
    lock(&shared.links).push(Link {
        id,
        client: client_kept,
        upstream: upstream_kept,
    });
    // A cut (or drop) between accept and now did not see this link: see it here instead.
    let down = if shared.current(generation) {
        let shared = shared.clone();
        std::thread::Builder::new()
            .name(format!("{}d{id}", thread_prefix(shared.listen_port)))
            .spawn(move || {
                pump(
                    &shared,
                    upstream_in,
                    client_out,
                    Direction::Down,
                    generation,
                )
            })
            .ok()
    } else {
        None
    };
    match down {
        Some(down) => {
            pump(shared, client, upstream, Direction::Up, generation);
            let _ = down.join();
        }
        None => close(&client, &upstream),
    }
    lock(&shared.links).retain(|link| link.id != id);
}

/// Copies `from` to `to` through the faults. The end of `from`'s data is passed on as a
/// half close; an error, a cut or the proxy's end closes the whole connection.
fn pump(
    shared: &Shared,
    mut from: TcpStream,
    mut to: TcpStream,
    direction: Direction,
    generation: u64,
) {
    let mut buffer = vec![0u8; BUFFER];
    'reading: loop {
        let n = match from.read(&mut buffer) {
            // The end of input waits for the link like any byte would (a pause holds it).
            Ok(0) => match shared.admit(direction, 0, generation) {
                Some(_) => {
                    let _ = to.shutdown(Shutdown::Write);
                    return;
                }
                None => break,
            },
            Ok(n) => n,
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(_) => break,
        };
        let mut sent = 0;
        while sent < n {
            let Some(slice) = shared.admit(direction, n - sent, generation) else {
                break 'reading;
            };
            if to.write_all(&buffer[sent..sent + slice]).is_err() {
                break 'reading;
            }
            sent += slice;
        }
    }
    close(&from, &to);
}

fn close(a: &TcpStream, b: &TcpStream) {
    let _ = a.shutdown(Shutdown::Both);
    let _ = b.shutdown(Shutdown::Both);
}

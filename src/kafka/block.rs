//! Waiting for the futures rdkafka's admin client returns, on the calling thread.
//!
//! kop's Kafka API is blocking; rdkafka completes these futures from librdkafka's own
//! background thread, so no async runtime is needed: park until woken, poll again.

use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};
use std::thread::Thread;

struct Unpark(Thread);

impl Wake for Unpark {
    fn wake(self: Arc<Self>) {
        self.0.unpark();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.0.unpark();
    }
}

/// Runs a future to completion on this thread.
pub(super) fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let waker = Waker::from(Arc::new(Unpark(std::thread::current())));
    let mut context = Context::from_waker(&waker);
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
        // A wake between the poll and the park leaves the token set: park returns at once.
        std::thread::park();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use std::sync::Mutex;

    /// Ready once another thread has put a value in.
    struct Slot(Arc<Mutex<(Option<u32>, Option<Waker>)>>);

    impl Future for Slot {
        type Output = u32;
        fn poll(self: std::pin::Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
            let mut state = self.0.lock().unwrap();
            match state.0 {
                Some(v) => Poll::Ready(v),
                None => {
                    state.1 = Some(cx.waker().clone());
                    Poll::Pending
                }
            }
        }
    }

    #[test]
    fn a_future_completed_from_another_thread_is_awaited() {
        let shared = Arc::new(Mutex::new((None, None::<Waker>)));
        let other = shared.clone();
        let sender = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(20));
            let mut state = other.lock().unwrap();
            state.0 = Some(7);
            if let Some(waker) = state.1.take() {
                waker.wake();
            }
        });
        assert_eq!(block_on(Slot(shared)), 7);
        let _ = sender.join();
    }
}

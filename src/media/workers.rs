//! A bounded pool of named threads for image work: decoding, scaling, importing.

use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, Condvar, Mutex, PoisonError};

type Job = Box<dyn FnOnce() + Send>;

/// Runs jobs on a fixed number of threads, in the order they were queued.
/// Dropping the pool lets the workers finish their current job and stop.
pub struct WorkerPool {
    jobs: Sender<Job>,
    running: Arc<Gate>,
}

impl std::fmt::Debug for WorkerPool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WorkerPool").finish_non_exhaustive()
    }
}

impl WorkerPool {
    /// Starts `workers` threads named `<name>-<n>`.
    pub fn spawn(name: &str, workers: usize) -> std::io::Result<Self> {
        let pool = Self::spawn_paused(name, workers)?;
        pool.resume();
        Ok(pool)
    }

    /// [`Self::spawn`], but jobs wait in the queue until [`Self::resume`]: the window holds its
    /// image work back until its first frame is on screen, so the two don't share the cores.
    pub fn spawn_paused(name: &str, workers: usize) -> std::io::Result<Self> {
        let running = Arc::new(Gate::default());
        let (jobs, receiver) = mpsc::channel::<Job>();
        let receiver = Arc::new(Mutex::new(receiver));
        for number in 0..workers.max(1) {
            let receiver = Arc::clone(&receiver);
            let running = Arc::clone(&running);
            std::thread::Builder::new()
                .name(format!("{name}-{number}"))
                .spawn(move || {
                    // Image work yields the core to the UI thread, so frames stay smooth on a small machine.
                    if let Err(error) =
                        thread_priority::set_current_thread_priority(thread_priority::ThreadPriority::Min)
                    {
                        log::debug!("image worker keeps normal priority: {error:?}");
                    }
                    running.wait();
                    loop {
                        // The lock is held only while waiting, so the other workers run jobs meanwhile.
                        let next = receiver.lock().ok().and_then(|jobs| jobs.recv().ok());
                        let Some(job) = next else { break };
                        job();
                    }
                })?;
        }
        Ok(Self { jobs, running })
    }

    /// Lets a paused pool's workers take jobs; does nothing once they do.
    pub fn resume(&self) {
        self.running.open();
    }

    /// Queues a job.
    pub fn run(&self, job: impl FnOnce() + Send + 'static) {
        // The workers stop only when the sender is dropped, so sending can't fail while `self` exists.
        let _ = self.jobs.send(Box::new(job));
    }
}

impl Drop for WorkerPool {
    fn drop(&mut self) {
        // Workers still paused go on to find the queue closed, and stop.
        self.resume();
    }
}

/// Closed until opened, then open for good.
#[derive(Debug, Default)]
struct Gate {
    open: Mutex<bool>,
    opened: Condvar,
}

impl Gate {
    fn wait(&self) {
        let mut open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        while !*open {
            open = self.opened.wait(open).unwrap_or_else(PoisonError::into_inner);
        }
    }

    fn open(&self) {
        *self.open.lock().unwrap_or_else(PoisonError::into_inner) = true;
        self.opened.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_every_job_on_named_threads() {
        let pool = WorkerPool::spawn("test-worker", 2).unwrap();
        let (sender, receiver) = mpsc::channel();
        for number in 0..10 {
            let sender = sender.clone();
            pool.run(move || {
                let name = std::thread::current().name().unwrap_or_default().to_owned();
                sender.send((number, name)).unwrap();
            });
        }
        let mut done: Vec<(i32, String)> = receiver.iter().take(10).collect();
        done.sort();
        assert_eq!(
            done.iter().map(|(number, _)| *number).collect::<Vec<_>>(),
            (0..10).collect::<Vec<_>>()
        );
        assert!(done.iter().all(|(_, name)| name.starts_with("test-worker-")));
    }

    #[test]
    fn a_paused_pool_runs_its_queued_jobs_once_resumed() {
        let pool = WorkerPool::spawn_paused("test-paused", 2).unwrap();
        let (sender, receiver) = mpsc::channel();
        pool.run(move || sender.send(()).unwrap());
        assert_eq!(
            receiver.recv_timeout(std::time::Duration::from_millis(200)),
            Err(mpsc::RecvTimeoutError::Timeout)
        );
        pool.resume();
        assert_eq!(receiver.recv(), Ok(()));
    }

    #[test]
    fn a_paused_pool_dropped_lets_its_workers_stop() {
        let pool = WorkerPool::spawn_paused("test-dropped", 1).unwrap();
        let (sender, receiver) = mpsc::channel::<()>();
        // The job holds the only sender: once the worker has run and dropped it, the channel closes.
        pool.run(move || drop(sender));
        drop(pool);
        assert_eq!(
            receiver.recv_timeout(std::time::Duration::from_secs(10)),
            Err(mpsc::RecvTimeoutError::Disconnected)
        );
    }
}

//! A bounded pool of named threads for image work: decoding, scaling, importing.

use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, Mutex};

type Job = Box<dyn FnOnce() + Send>;

/// Runs jobs on a fixed number of threads, in the order they were queued.
/// Dropping the pool lets the workers finish their current job and stop.
pub struct WorkerPool {
    jobs: Sender<Job>,
}

impl std::fmt::Debug for WorkerPool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WorkerPool").finish_non_exhaustive()
    }
}

impl WorkerPool {
    /// Starts `workers` threads named `<name>-<n>`.
    pub fn spawn(name: &str, workers: usize) -> std::io::Result<Self> {
        let (jobs, receiver) = mpsc::channel::<Job>();
        let receiver = Arc::new(Mutex::new(receiver));
        for number in 0..workers.max(1) {
            let receiver = Arc::clone(&receiver);
            std::thread::Builder::new()
                .name(format!("{name}-{number}"))
                .spawn(move || {
                    // Image work yields the core to the UI thread, so frames stay smooth on a small machine.
                    if let Err(error) =
                        thread_priority::set_current_thread_priority(thread_priority::ThreadPriority::Min)
                    {
                        log::debug!("image worker keeps normal priority: {error:?}");
                    }
                    loop {
                        // The lock is held only while waiting, so the other workers run jobs meanwhile.
                        let next = receiver.lock().ok().and_then(|jobs| jobs.recv().ok());
                        let Some(job) = next else { break };
                        job();
                    }
                })?;
        }
        Ok(Self { jobs })
    }

    /// Queues a job.
    pub fn run(&self, job: impl FnOnce() + Send + 'static) {
        // The workers stop only when the sender is dropped, so sending can't fail while `self` exists.
        let _ = self.jobs.send(Box::new(job));
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
}

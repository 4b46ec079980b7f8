package io.simfleet.job;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Works the jobs of every instance: woken right after a submission commits, and every
 * {@code simfleet.jobs.poll-interval} (default 1 s) for work left by other instances, by a
 * crash, or waiting for a retry. {@code simfleet.jobs.workers} threads (default 2) drain the
 * queue; each unit of work is claimed in the database, so threads and instances never collide.
 * It knows no kind of job: {@link JobRunner} runs each unit by its handler.
 */
@Component
class JobWorker {
    private static final Logger log = LoggerFactory.getLogger(JobWorker.class);

    private final JobRunner runner;
    private final ExecutorService pool;
    private final Semaphore idle;
    private final int workers;

    JobWorker(JobRunner runner, @Value("${simfleet.jobs.workers:2}") int workers) {
        this.runner = runner;
        this.workers = workers;
        this.pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "simfleet-job-worker");
            t.setDaemon(true);
            return t;
        });
        this.idle = new Semaphore(workers);
    }

    @TransactionalEventListener
    void submitted(JobSubmitted e) {
        wake();
    }

    @Scheduled(fixedDelayString = "${simfleet.jobs.poll-interval:1s}")
    void poll() {
        wake();
    }

    /** Starts draining on every idle thread. */
    void wake() {
        for (int i = 0; i < workers; i++) {
            if (!idle.tryAcquire()) return;
            try {
                pool.execute(this::drain);
            } catch (RuntimeException e) {
                idle.release();
                return;
            }
        }
    }

    private void drain() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                if (!runner.runNext()) return;
            }
        } catch (RuntimeException e) {
            log.error("Job worker failed; the work stays queued and is retried", e);
        } finally {
            idle.release();
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}

package io.simfleet.endpoint;

import jakarta.annotation.PreDestroy;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands the outbox to its {@link EventConsumer}s: woken when a transaction that appended events
 * commits, and every {@code simfleet.outbox.poll-interval} (default 1 s) for the events of other
 * instances and the retries. For each consumer it leases the accounts with unread events (a
 * lease, not a lock: the consumer runs outside any transaction), gives it up to
 * {@code BATCH} events in position order and moves its position on. A failing batch is retried
 * with exponential backoff (up to {@code MAX_BACKOFF}); the account's later events wait for it.
 */
@Component
class OutboxRelay {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final int BATCH = 200;
    static final int SLICE = 20;
    static final Duration LEASE = Duration.ofSeconds(60);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final OutboxRepository repo;
    private final EventStream stream;
    private final List<EventConsumer> consumers;
    private final Clock clock;
    private final boolean enabled;
    private final String worker = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "simfleet-outbox");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile boolean ready;

    OutboxRelay(OutboxRepository repo, EventStream stream, List<EventConsumer> consumers, Clock clock,
                @Value("${simfleet.outbox.enabled:true}") boolean enabled) {
        this.repo = repo;
        this.stream = stream;
        this.consumers = consumers;
        this.clock = clock;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        for (EventConsumer c : consumers) {
            repo.register(c.name(), c.startsAtEnd(), clock.instant());
        }
        ready = true;
        wake();
    }

    @EventListener
    void appended(EventStream.Appended e) {
        wake();
    }

    @Scheduled(fixedDelayString = "${simfleet.outbox.poll-interval:1s}")
    void poll() {
        wake();
    }

    /** Runs a round on the relay's thread unless one is already waiting to run. */
    void wake() {
        if (!enabled || !ready || consumers.isEmpty() || !queued.compareAndSet(false, true)) return;
        try {
            thread.execute(() -> {
                queued.set(false);
                try {
                    while (ready && round() > 0) {
                        // more may be waiting: go on until a round finds nothing
                    }
                } catch (RuntimeException e) {
                    log.error("Outbox round failed; retried at the next poll", e);
                }
            });
        } catch (RuntimeException e) {
            queued.set(false);
        }
    }

    /** One pass over every consumer's due accounts; answers how many batches were handed over. */
    int round() {
        int batches = 0;
        stream.sequencePending();
        for (EventConsumer consumer : consumers) {
            for (long account : repo.due(consumer.name(), clock.instant(), 50)) {
                if (deliver(consumer, account)) batches++;
            }
        }
        return batches;
    }

    /**
     * Leases the account for the consumer and hands it the events after its position, in slices
     * of {@link #SLICE}: after each slice the position moves on and the lease is renewed, so a
     * slow consumer keeps its lease and a crash repeats one slice at most. When the lease has been
     * lost meanwhile (a consumer slower than {@link #LEASE} per slice), it stops: another worker
     * has the account.
     */
    private boolean deliver(EventConsumer consumer, long account) {
        Instant now = clock.instant();
        Optional<Long> leased = repo.lease(account, consumer.name(), worker, now, now.plus(LEASE));
        if (leased.isEmpty()) return false;
        long position = leased.get();
        List<EndpointHistoryEntry> events = stream.after(account, position, BATCH);
        for (int from = 0; from < events.size(); from += SLICE) {
            List<EndpointHistoryEntry> slice = events.subList(from, Math.min(from + SLICE, events.size()));
            try {
                consumer.accept(account, slice);
            } catch (RuntimeException e) {
                int attempts = repo.attempts(account, consumer.name()) + 1;
                Duration backoff = Duration.ofSeconds(1L << Math.min(attempts, 9));
                if (backoff.compareTo(MAX_BACKOFF) > 0) backoff = MAX_BACKOFF;
                log.warn("Outbox consumer {} failed on account {} after position {} (attempt {}); retried in {}",
                        consumer.name(), account, position, attempts, backoff, e);
                repo.failed(account, consumer.name(), worker, clock.instant().plus(backoff), String.valueOf(e));
                return false;
            }
            long to = slice.get(slice.size() - 1).position();
            boolean last = from + SLICE >= events.size();
            if (!repo.advance(account, consumer.name(), worker, position, to, last ? null : clock.instant().plus(LEASE))) {
                log.warn("Outbox consumer {} lost its lease on account {} after position {}", consumer.name(), account, to);
                return false;
            }
            position = to;
        }
        if (events.isEmpty()) repo.advance(account, consumer.name(), worker, position, position, null);
        return !events.isEmpty();
    }

    /** Lets a round in progress finish (its statements are not interruptible) before the pool closes. */
    @PreDestroy
    void stop() throws InterruptedException {
        ready = false;
        thread.shutdown();
        if (!thread.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)) thread.shutdownNow();
    }
}

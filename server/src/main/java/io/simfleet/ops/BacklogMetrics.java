package io.simfleet.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.simfleet.endpoint.Backlogs;
import io.simfleet.job.JobHandler;
import io.simfleet.job.JobHandlers;
import io.simfleet.job.JobQueue;
import io.simfleet.job.JobService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Gauges of the platform's queues, shared by every instance (they read the database, so every
 * instance reports the same values: aggregate them with {@code max}, not {@code sum}):
 *
 * <ul>
 *   <li>{@code simfleet_jobs_unfinished{kind}}, {@code simfleet_jobs_oldest_age_seconds{kind}}: jobs not finished, and
 *       how long ago the oldest was submitted;</li>
 *   <li>{@code simfleet_job_units_pending}, {@code simfleet_job_units_dead}: units of work waiting (or running, or
 *       waiting for a retry) and in the dead letter;</li>
 *   <li>{@code simfleet_delink_queue_endpoints}, {@code simfleet_delink_queue_oldest_age_seconds}: de-links waiting
 *       for a data session to end;</li>
 *   <li>{@code simfleet_outbox_unsequenced_events}, {@code simfleet_outbox_unsequenced_oldest_age_seconds}: committed
 *       events not yet given their position;</li>
 *   <li>{@code simfleet_outbox_lag_events{consumer}}, {@code simfleet_outbox_lag_accounts{consumer}},
 *       {@code simfleet_outbox_failing_accounts{consumer}}, {@code simfleet_outbox_lag_seconds{consumer}}: how far each
 *       outbox consumer is behind.</li>
 * </ul>
 *
 * <p>Every count stops at {@link #CAP}; every read is index-backed (see the features' methods). The
 * values are read at most once per {@code simfleet.metrics.cache} (default 5 s), however many
 * scrapers ask; when the database cannot be read the gauges answer NaN until it can.
 */
@Component
class BacklogMetrics implements MeterBinder {
    private static final Logger log = LoggerFactory.getLogger(BacklogMetrics.class);
    static final int CAP = 100_000;

    private final JobService jobs;
    private final List<String> kinds;
    private final Backlogs backlogs;
    private final Clock clock;
    private final long ttlNanos;

    private Snapshot snapshot;
    private long readAt;
    private boolean failing;

    BacklogMetrics(JobService jobs, JobHandlers handlers, Backlogs backlogs, Clock clock,
                   @Value("${simfleet.metrics.cache:5s}") Duration ttl) {
        this.jobs = jobs;
        this.kinds = handlers.all().stream().map(JobHandler::kind).sorted().toList();
        this.backlogs = backlogs;
        this.clock = clock;
        this.ttlNanos = ttl.toNanos();
    }

    /** One reading of every queue. */
    record Snapshot(JobQueue jobs, Backlogs.DelinkQueue delinks, Backlogs.Unsequenced unsequenced,
                    Map<String, Backlogs.ConsumerLag> outbox, Instant at) {}

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String kind : kinds) {
            gauge(registry, "simfleet.jobs.unfinished", "Jobs not finished yet", null, "kind", kind,
                    s -> kind(s, kind).jobs());
            gauge(registry, "simfleet.jobs.oldest.age", "Age of the oldest unfinished job", "seconds", "kind", kind,
                    s -> age(s, kind(s, kind).oldestSubmittedAt()));
        }
        gauge(registry, "simfleet.job.units.pending", "Units of work waiting, running or waiting for a retry (counted up to " + CAP + ")",
                null, null, null, s -> s.jobs().pendingUnits());
        gauge(registry, "simfleet.job.units.dead", "Units of work that used up their attempts (counted up to " + CAP + ")",
                null, null, null, s -> s.jobs().deadUnits());
        gauge(registry, "simfleet.delink.queue.endpoints", "Endpoints whose de-link waits for a data session to end (counted up to " + CAP + ")",
                null, null, null, s -> s.delinks().endpoints());
        gauge(registry, "simfleet.delink.queue.oldest.age", "How long the longest-waiting de-link has waited", "seconds",
                null, null, s -> age(s, s.delinks().oldestSince()));
        gauge(registry, "simfleet.outbox.unsequenced.events", "Committed endpoint events without a position yet (counted up to " + CAP + ")",
                null, null, null, s -> s.unsequenced().events());
        gauge(registry, "simfleet.outbox.unsequenced.oldest.age", "Age of the oldest event without a position", "seconds",
                null, null, s -> age(s, s.unsequenced().oldestAt()));
        for (String consumer : backlogs.consumers()) {
            gauge(registry, "simfleet.outbox.lag.events", "Events the outbox consumer has not read yet", null, "consumer", consumer,
                    s -> lag(s, consumer).eventsBehind());
            gauge(registry, "simfleet.outbox.lag.accounts", "Accounts with events the outbox consumer has not read yet", null,
                    "consumer", consumer, s -> lag(s, consumer).accountsBehind());
            gauge(registry, "simfleet.outbox.failing.accounts", "Accounts whose last batch failed in the outbox consumer (retried with backoff)",
                    null, "consumer", consumer, s -> lag(s, consumer).failingAccounts());
            gauge(registry, "simfleet.outbox.lag", "Age of the oldest event the outbox consumer has not read", "seconds",
                    "consumer", consumer, s -> age(s, lag(s, consumer).oldestUnreadAt()));
        }
    }

    private void gauge(MeterRegistry registry, String name, String help, String unit, String tag, String value,
                       ToDoubleFunction<Snapshot> read) {
        Gauge.Builder<BacklogMetrics> b = Gauge.builder(name, this, m -> {
            Snapshot s = m.read();
            return s == null ? Double.NaN : read.applyAsDouble(s);
        }).description(help).strongReference(true);
        if (unit != null) b.baseUnit(unit);
        if (tag != null) b.tag(tag, value);
        b.register(registry);
    }

    /** The cached reading, read again once it is older than the cache's time; null while the database cannot be read. */
    synchronized Snapshot read() {
        long now = System.nanoTime();
        if (readAt != 0 && now - readAt < ttlNanos) return snapshot;
        readAt = now;
        try {
            snapshot = new Snapshot(jobs.queue(CAP), backlogs.delinkQueue(CAP), backlogs.unsequenced(CAP), backlogs.outboxLag(),
                    clock.instant());
            if (failing) log.info("Queue metrics read again");
            failing = false;
        } catch (RuntimeException e) {
            snapshot = null;
            if (!failing) log.warn("Queue metrics could not be read; they answer NaN until they can: {}", e.toString());
            failing = true;
        }
        return snapshot;
    }

    private static JobQueue.Kind kind(Snapshot s, String kind) {
        return s.jobs().processing().getOrDefault(kind, new JobQueue.Kind(0, null));
    }

    private static Backlogs.ConsumerLag lag(Snapshot s, String consumer) {
        return s.outbox().getOrDefault(consumer, new Backlogs.ConsumerLag(0, 0, 0, null));
    }

    /** Seconds from {@code since} to the reading; 0 when nothing waits. */
    private static double age(Snapshot s, Instant since) {
        return since == null ? 0 : Math.max(0, Duration.between(since, s.at()).toMillis() / 1000.0);
    }
}

package io.simfleet.job;

import io.simfleet.common.Actor;
import io.simfleet.job.Job.Item;
import io.simfleet.job.Job.Status;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Durable jobs of every kind: submission (the work then runs on the workers of any instance,
 * {@link JobRunner}), a job and its units as stored, and the dead letters for the operator.
 */
@Service
public class JobService {
    private final JobRepository repo;
    private final JobHandlers handlers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JobService(JobRepository repo, JobHandlers handlers, ApplicationEventPublisher events, Clock clock) {
        this.repo = repo;
        this.handlers = handlers;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Stores a job of {@code job.kind()} with its payload (in its handler's current payload
     * version) and its units of work, in the caller's transaction, and answers its id. The
     * workers are woken once the transaction commits. Raises IllegalArgumentException for a kind
     * without a handler, a payload of another type, or items that do not fit the handler.
     */
    @Transactional
    public long submit(Actor actor, NewJob job) {
        JobHandler<?> handler = handlers.get(job.kind());
        String payload = handlers.write(handler, job.payload());
        List<String> units;
        if (handler instanceof JobHandler.PerItem<?>) {
            if (job.items() == null || job.items().isEmpty()) throw new IllegalArgumentException(job.kind() + " needs items");
            units = job.items();
        } else {
            if (job.items() != null) throw new IllegalArgumentException(job.kind() + " runs whole and takes no items");
            units = Arrays.asList((String) null);
        }
        long id = repo.nextId();
        repo.insert(new Job(id, actor.accountId(), job.kind(), Status.PROCESSING, payload, handler.payloadVersion(),
                actor.username(), actor.userAccountId(), actor.requestId() == null ? "-" : actor.requestId(), job.total(),
                0, 0, null, job.iccidRange(), job.endpointStatus(), clock.instant(), null));
        repo.insertUnits(actor.accountId(), id, units);
        events.publishEvent(new JobSubmitted(id));
        return id;
    }

    @Transactional(readOnly = true)
    public Optional<Job> find(long account, long jobId) {
        return repo.find(account, jobId);
    }

    /** The account's jobs of a kind, oldest first; {@code endpointStatus} (a bulk create's label) when not null. */
    @Transactional(readOnly = true)
    public List<Job> list(long account, String kind, String endpointStatus) {
        return repo.list(account, kind, endpointStatus);
    }

    /** The job's units of work in order. */
    @Transactional(readOnly = true)
    public List<Item> items(long account, long jobId) {
        return repo.items(account, jobId);
    }

    /**
     * The queue of every account as a whole, for the metrics: unfinished jobs per kind (every kind
     * this instance works, zero when none is queued) and the oldest one's submission, pending and
     * dead units of work counted up to {@code cap}. Index-backed; no account's rows are read.
     */
    @Transactional(readOnly = true)
    public JobQueue queue(int cap) {
        Map<String, JobQueue.Kind> byKind = new TreeMap<>();
        for (String kind : handlers.kinds()) byKind.put(kind, new JobQueue.Kind(0, null));
        byKind.putAll(repo.processingByKind());
        return new JobQueue(byKind, repo.unitsIn(Job.State.PENDING, cap), repo.unitsIn(Job.State.DEAD, cap), cap);
    }

    /** Dead units of work, newest first; of one account when {@code account} is not null. */
    @Transactional(readOnly = true)
    public List<DeadWork> deadWork(Long account, int limit) {
        return repo.dead(account, limit);
    }
}

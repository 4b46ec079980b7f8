package io.simfleet.job;

import io.simfleet.common.ResultCode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Works the jobs of one kind. A handler is a Spring bean; {@link JobHandlers} finds every one
 * at start-up and the worker runs a job by its handler's kind, so a new kind of background work
 * is one class implementing {@link WholeJob} or {@link PerItem} (docs/bulk-jobs.md, "Job handlers").
 *
 * <p>The payload is the handler's own record {@code P}, stored as JSON with
 * {@link #payloadVersion()}: its field names are pinned with {@code @JsonProperty} so that renaming
 * a domain record does not change what is stored, unknown properties are ignored, and a payload
 * written by an older version is brought up to date by {@link #upgrade} before it is read.
 *
 * <p>What a handler raises decides what happens to its unit of work: returning is success; a
 * {@link io.simfleet.common.DomainException} is the unit's result (a refusal, never retried); a
 * {@link org.springframework.dao.TransientDataAccessException} (lock timeout, deadlock) rolls the
 * unit back into the queue untouched; anything else is a failed attempt, retried with backoff and
 * dead-lettered after the last one. The handler runs inside a savepoint of the transaction that
 * holds the unit's row lock and records its result, so its writes commit with the result or not
 * at all, and it must not talk to the outside world (see the docs for work that must).
 */
public sealed interface JobHandler<P> permits JobHandler.WholeJob, JobHandler.PerItem {

    /** The key of this handler's jobs, stored in {@code job.kind}: never changed once jobs of it are stored. */
    String kind();

    /** The version new payloads are written in: 1 at first, one more each time the payload's JSON changes shape. */
    int payloadVersion();

    /** The payload record this handler reads. */
    Class<P> payloadType();

    /**
     * A payload stored at {@code version} (older than {@link #payloadVersion()}) rewritten as
     * version {@code version + 1}; called once per step, so v1 reaches v3 through v2.
     */
    default ObjectNode upgrade(int version, ObjectNode payload) {
        throw new IllegalStateException(kind() + " cannot read payload version " + version);
    }

    /** A job done in one piece: the job has one unit of work and ends with it (all or nothing). */
    non-sealed interface WholeJob<P> extends JobHandler<P> {
        /** Does the whole job; answers the job's reason on success (the job is then SUCCESS, all counted as succeeded). */
        String run(JobContext job, P payload);
    }

    /** A job of items done one by one, each in its own transaction; the job ends when the last item has its result. */
    non-sealed interface PerItem<P> extends JobHandler<P> {
        /** Does one item; returns on success. */
        void run(JobContext job, P payload, String item);

        /** The result of an item that succeeded; the job is SUCCESS when every item has it, FAIL when none, else PARTIAL. */
        ResultCode success();
    }
}

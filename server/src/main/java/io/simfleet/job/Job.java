package io.simfleet.job;

import java.time.Instant;

/**
 * A durable job of some {@code kind} (the key of its {@link JobHandler}), with its payload as
 * stored (JSON, in {@code payloadVersion}). {@code status} is PROCESSING, SUCCESS, PARTIAL or FAIL.
 * {@code iccidRange} and {@code endpointStatus} label a bulk create; other kinds leave them null.
 */
public record Job(long id, long accountId, String kind, Status status, String payload, int payloadVersion,
                  String actorUsername, long actorAccountId, String requestId, int total, int succeeded, int failed,
                  String reason, String iccidRange, String endpointStatus, Instant createdAt, Instant finishedAt) {

    public enum Status { PROCESSING, SUCCESS, PARTIAL, FAIL }

    /**
     * One unit of work of a job: an item of a per-item job, or the one unit of a job that runs
     * whole ({@code value} null). {@code resultCode} is null while it is {@link State#PENDING}.
     */
    public record Item(int seq, String value, State state, int attempts, String resultCode, String resultDescription,
                       String lastError) {}

    /** PENDING: waiting (again, after a failed attempt); DONE: has its result; DEAD: retries used up. */
    public enum State { PENDING, DONE, DEAD }
}

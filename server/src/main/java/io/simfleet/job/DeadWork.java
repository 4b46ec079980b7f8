package io.simfleet.job;

import java.time.Instant;

/** A unit of work whose retries are used up: what the operator sees of the dead-letter state. */
public record DeadWork(long accountId, long jobId, String kind, int seq, String value, int attempts, String lastError,
                       Instant deadAt) {}

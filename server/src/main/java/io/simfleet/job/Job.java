package io.simfleet.job;

import java.time.Instant;

/** A durable bulk job. {@code status} is PROCESSING, SUCCESS, PARTIAL or FAIL. */
public record Job(long id, long accountId, Kind kind, Status status, String command, String actorUsername,
                  long actorAccountId, String requestId, int total, int succeeded, int failed, String reason,
                  String iccidRange, String endpointStatus, Instant createdAt, Instant finishedAt) {

    public enum Kind { BULK_CREATE, BULK_MODIFY }

    public enum Status { PROCESSING, SUCCESS, PARTIAL, FAIL }

    /** One value of a bulk modify with its outcome (null while not processed). */
    public record Item(int seq, String value, String resultCode, String resultDescription) {}
}

package io.simfleet.job;

import java.time.Instant;
import java.util.Map;

/**
 * The job queue of the whole platform at one moment ({@link JobService#queue}).
 *
 * @param processing   unfinished jobs per kind
 * @param pendingUnits units of work waiting, running or waiting for a retry, counted up to {@code cap}
 * @param deadUnits    units of work that used up their attempts (the operator's dead letters), counted up to {@code cap}
 * @param cap          where the counts of units stop
 */
public record JobQueue(Map<String, Kind> processing, long pendingUnits, long deadUnits, int cap) {

    /** @param oldestSubmittedAt when the oldest unfinished job of the kind was submitted; null when there is none */
    public record Kind(long jobs, Instant oldestSubmittedAt) {}
}

package io.simfleet.job;

import io.simfleet.common.Actor;

/**
 * What a handler knows of the unit it works: its job, the actor who submitted it (acting in
 * {@code accountId}), the job's size, the unit's number and which attempt this is (from 1).
 */
public record JobContext(long jobId, long accountId, Actor actor, int total, int seq, int attempt) {}

package io.simfleet.client.model;

import io.simfleet.client.Outcome;

/**
 * The answer of {@code ClaimSim} (simfleet's addition): the new endpoint, and its group
 * membership when one was asked for (else null). {@code outcome().resultCode()} is 5014 when it
 * was activated, 6409 when only linked.
 */
public record ClaimedSim(String endPointId, GroupMembership membership, Outcome outcome) {}

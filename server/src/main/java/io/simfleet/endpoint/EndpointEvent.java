package io.simfleet.endpoint;

import java.time.Instant;

/** One row of an endpoint's history: what call changed what, who did it and why. */
public record EndpointEvent(long id, long endpointId, Instant at, String actorUsername, long actorAccountId, String call,
                            EndpointStatus fromStatus, EndpointStatus toStatus, String reason, String requestId, String detail) {}

package io.simfleet.client.model;

/** A row of {@code GetEndpointEvents} (simfleet's addition): what happened to an endpoint, by whom, through which call; {@code fromStatus}/{@code toStatus} are state codes when the state changed. */
public record EndpointEvent(
        String eventId,
        String endPointId,
        String eventTimestamp,
        String actor,
        String actorAccountId,
        String call,
        String fromStatus,
        String toStatus,
        String reason,
        String requestId,
        String detail) {
}

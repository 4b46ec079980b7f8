package io.simfleet.endpoint;

import java.time.Instant;

/**
 * One row of an endpoint's history as GetEndpointEvents shows it: what call changed what, who
 * did it and why, its position in the account's event stream, and the typed event behind it
 * ({@code event}: read for the outbox's consumers only; null in the history's pages and for the
 * rows written before events were typed).
 */
public record EndpointHistoryEntry(long id, long endpointId, long position, Instant at, String actorUsername,
                                   long actorAccountId, String call, EndpointStatus fromStatus, EndpointStatus toStatus,
                                   String reason, String requestId, String detail, EndpointEvent event) {}

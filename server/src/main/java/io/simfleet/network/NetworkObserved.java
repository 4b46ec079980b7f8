package io.simfleet.network;

import java.time.Instant;

/**
 * Published in-process, inside the transaction that records it, for every report of the network
 * about a SIM (attach, detach, location update, session start and end), so the endpoint's history
 * tells what the network saw. {@code what}: ATTACHED, DETACHED, LOCATION, SESSION_STARTED,
 * SESSION_ENDED.
 */
public record NetworkObserved(long accountId, String iccid, String what, String detail, Instant at) {}

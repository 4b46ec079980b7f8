package io.simfleet.account;

import java.time.Instant;

public record ActivityEntry(Instant at, String actorUsername, long actorAccountId, String action, String detail) {}

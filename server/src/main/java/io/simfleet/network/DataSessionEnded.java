package io.simfleet.network;

/** Published in-process after the end of a SIM's data session has been recorded. */
public record DataSessionEnded(long accountId, String iccid) {}

package io.simfleet.client.model;

import java.util.Locale;

/** A bulk job's {@code status}: Processing, then Success, Partial (bulk modify only) or Fail. */
public enum JobState {
    PROCESSING, SUCCESS, PARTIAL, FAIL, UNKNOWN;

    public static JobState of(String status) {
        if (status == null) return UNKNOWN;
        try {
            return valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}

package io.simfleet.client.model;

import java.util.Locale;

/** An endpoint's state, by the code the wire uses ({@code GetEndpoints}' {@code status}, the profile's {@code currentStatus}). */
public enum EndpointStatus {
    PRE_ACTIVE("PA", "Pre-Active"),
    ACTIVE("A", "Active"),
    SUSPENDED("S", "Suspend"),
    HOLD("H", "Hold"),
    ACTIVE_TEST("AT", "Active-Test"),
    ACTIVE_INVENTORY("AI", "Active-Inventory"),
    /** A code this SDK does not know (a newer server). */
    UNKNOWN("", "Unknown");

    private final String code;
    private final String displayName;

    EndpointStatus(String code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    public String code() {
        return code;
    }

    public String displayName() {
        return displayName;
    }

    /** By code ("PA") or display name ("Pre-Active"), in any letter case; {@link #UNKNOWN} otherwise. */
    public static EndpointStatus of(String value) {
        if (value == null) return UNKNOWN;
        String v = value.trim().toUpperCase(Locale.ROOT);
        for (EndpointStatus s : values()) {
            if (s != UNKNOWN && (s.code.equals(v) || s.displayName.toUpperCase(Locale.ROOT).equals(v))) return s;
        }
        return UNKNOWN;
    }
}

package io.simfleet.client.model;

/** A target of {@code EndPointLifeCycleChange} ({@code lifeCycle}). */
public enum Lifecycle {
    /** Active: resume a suspended endpoint, or an OEM endpoint from Active-Test / Active-Inventory to commercial. */
    ACTIVE("A"),
    /** Suspend an active endpoint. */
    SUSPEND("S"),
    /** OEM: Active-Test to Active-Inventory. */
    ACTIVE_INVENTORY("AI");

    private final String code;

    Lifecycle(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}

package io.simfleet.sim;

import java.util.Arrays;
import java.util.Optional;

/**
 * SIM states with their SFT ids. 5 (Ready To Activate), 6 (Active) and 12 (Pre-Active) are
 * public; the others are our choice (docs/api-compatibility.md).
 */
public enum SimStatus {
    READY_TO_ACTIVATE(5, "Ready To Activate"),
    ACTIVE(6, "Active"),
    SUSPENDED(7, "Suspended"),
    PRE_ACTIVE(12, "Pre-Active"),
    ACTIVE_TEST(13, "Active-Test"),
    ACTIVE_INVENTORY(14, "Active-Inventory");

    private final int id;
    private final String displayName;

    SimStatus(int id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    public int id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public static Optional<SimStatus> byId(int id) {
        return Arrays.stream(values()).filter(s -> s.id == id).findFirst();
    }
}

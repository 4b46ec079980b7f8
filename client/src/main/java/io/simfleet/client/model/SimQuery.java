package io.simfleet.client.model;

/**
 * {@code fetchSIM}'s filter: by {@code iccid}, by {@code simStatusId} (5 Ready To Activate,
 * 12 Pre-Active, 6 Active, 7 Suspended, 13 Active-Test, 14 Active-Inventory) and by
 * {@code simAttachStatusId} (true: linked to an endpoint). Null means no filter.
 */
public record SimQuery(String iccid, String simStatusId, Boolean attached) {
    public static SimQuery all() {
        return new SimQuery(null, null, null);
    }

    public SimQuery withIccid(String iccid) {
        return new SimQuery(iccid, simStatusId, attached);
    }

    public SimQuery withStatus(String simStatusId) {
        return new SimQuery(iccid, simStatusId, attached);
    }

    public SimQuery withAttached(Boolean attached) {
        return new SimQuery(iccid, simStatusId, attached);
    }
}

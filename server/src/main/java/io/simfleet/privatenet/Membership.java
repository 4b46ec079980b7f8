package io.simfleet.privatenet;

/** Which group an endpoint is in, the group's slice, and the static address the endpoint holds there. */
public record Membership(long endpointId, long groupId, String groupName, long vSliceId, String vSliceName, String ipAddress) {

    /**
     * What an assignment did: the membership before (null when the endpoint was in no group) and
     * after; {@code changed} false when the endpoint was already there with that address.
     */
    public record Change(Membership before, Membership after, boolean changed) {}
}

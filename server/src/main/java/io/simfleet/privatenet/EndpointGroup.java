package io.simfleet.privatenet;

import java.time.Instant;

/** An endpoint group, created in one VSlice; its endpoints are part of that slice. */
public record EndpointGroup(long accountId, long id, long vSliceId, String name, Instant createdAt) {

    /** A group as listed: with its slice and how many endpoints it holds. */
    public record View(EndpointGroup group, VSlice slice, long endpoints) {}
}

package io.simfleet.client.model;

/** A VSlice of {@code GetVSlices} (simfleet's addition): an IPv4 subnet the account's endpoint groups take static addresses from. */
public record VSlice(
        String vSliceId,
        String vSliceName,
        String subnet,
        long totalAddresses,
        long usedAddresses,
        long freeAddresses,
        long endpointGroupCount,
        String creationDate) {
}

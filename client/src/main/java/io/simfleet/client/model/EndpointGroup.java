package io.simfleet.client.model;

/** An endpoint group of {@code GetEndpointGroups} (simfleet's addition), with its VSlice and size. */
public record EndpointGroup(
        String endpointGroupId,
        String endpointGroupName,
        String vSliceId,
        String vSliceName,
        String subnet,
        long endpointCount,
        String creationDate) {
}

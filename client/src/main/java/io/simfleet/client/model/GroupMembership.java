package io.simfleet.client.model;

/**
 * An endpoint's place in an endpoint group (simfleet's addition): the answer of
 * {@code AssignEndpointGroup} and, with a group, of {@code ClaimSim}. {@code staticIP} is its
 * address in the group's VSlice.
 */
public record GroupMembership(
        String endPointId,
        String endpointGroupId,
        String endpointGroupName,
        String vSliceId,
        String vSliceName,
        String staticIP) {
}

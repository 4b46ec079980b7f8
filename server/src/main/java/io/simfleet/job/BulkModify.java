package io.simfleet.job;

import io.simfleet.endpoint.EndpointRef;
import io.simfleet.endpoint.ModifyEndpoint;

/** A bulk modify: the same Modify applied to every endpoint named by a value of {@code resourceType}. */
public record BulkModify(EndpointRef.Kind resourceType, ModifyEndpoint modify) {
    public static final int MAX = 4000;
}

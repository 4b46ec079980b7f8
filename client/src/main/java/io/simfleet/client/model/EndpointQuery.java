package io.simfleet.client.model;

/**
 * {@code GetEndpoints}' filter: every endpoint, those with tag {@code tagId}, those without a
 * tag ({@link #untagged()}), or those of an endpoint group ({@link #inGroup}, simfleet's addition).
 * The server orders by endpoint id, so pages are stable.
 */
public record EndpointQuery(String tagId, String endpointGroupId) {
    public EndpointQuery(String tagId) {
        this(tagId, null);
    }

    /** Every endpoint of the account. */
    public static EndpointQuery all() {
        return new EndpointQuery(null, null);
    }

    public static EndpointQuery tagged(String tagId) {
        return new EndpointQuery(tagId, null);
    }

    /** Endpoints without a tag ({@code tagId=null} on the wire). */
    public static EndpointQuery untagged() {
        return new EndpointQuery("null", null);
    }

    /** The endpoints of one endpoint group. */
    public static EndpointQuery inGroup(String endpointGroupId) {
        return new EndpointQuery(null, endpointGroupId);
    }
}

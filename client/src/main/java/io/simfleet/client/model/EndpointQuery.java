package io.simfleet.client.model;

/**
 * {@code GetEndpoints}' filter: every endpoint, those with tag {@code tagId}, or those without a
 * tag ({@link #untagged()}). The server orders by endpoint id, so pages are stable.
 */
public record EndpointQuery(String tagId) {
    /** Every endpoint of the account. */
    public static EndpointQuery all() {
        return new EndpointQuery(null);
    }

    public static EndpointQuery tagged(String tagId) {
        return new EndpointQuery(tagId);
    }

    /** Endpoints without a tag ({@code tagId=null} on the wire). */
    public static EndpointQuery untagged() {
        return new EndpointQuery("null");
    }
}

package io.simfleet.client.model;

import java.util.Map;
import java.util.Objects;

/**
 * How a call names its endpoint at the {@code Request} level: by {@code endPointId}, {@code imsi},
 * {@code msisdn} or (Modify only) {@code iccid}.
 */
public final class EndpointRef {
    private final String field;
    private final String value;

    private EndpointRef(String field, String value) {
        this.field = field;
        this.value = Objects.requireNonNull(value, field);
    }

    public static EndpointRef id(String endPointId) {
        return new EndpointRef("endPointId", endPointId);
    }

    public static EndpointRef imsi(String imsi) {
        return new EndpointRef("imsi", imsi);
    }

    public static EndpointRef msisdn(String msisdn) {
        return new EndpointRef("msisdn", msisdn);
    }

    /** Modify ({@code PATCH /api/endpoint}) only. */
    public static EndpointRef iccid(String iccid) {
        return new EndpointRef("iccid", iccid);
    }

    public String field() {
        return field;
    }

    public String value() {
        return value;
    }

    /** Adds this reference to a {@code Request} object. */
    public void writeTo(Map<String, Object> request) {
        request.put(field, value);
    }

    @Override
    public String toString() {
        return field + "=" + value;
    }
}

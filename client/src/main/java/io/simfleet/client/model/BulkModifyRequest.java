package io.simfleet.client.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code endpointbulk}: one Modify ({@code requestParam}) applied to up to 4000 endpoints named by
 * {@code resourceType} ({@code endpointId}, {@code imsi}, {@code msisdn} or {@code iccid}) in
 * {@code valuelist}. Each value is applied on its own and gets its own result.
 */
public record BulkModifyRequest(ResourceType resourceType, List<String> valuelist, ModifyEndpointRequest requestParam) {
    public static final int MAX_VALUES = 4000;

    public enum ResourceType {
        ENDPOINT_ID("endpointId"), IMSI("imsi"), MSISDN("msisdn"), ICCID("iccid");

        private final String wire;

        ResourceType(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        /** By its wire name ({@code endpointId}, …) in any letter case. */
        public static ResourceType of(String value) {
            for (ResourceType t : values()) {
                if (t.wire.equalsIgnoreCase(value.trim()) || t.name().equalsIgnoreCase(value.trim().replace('-', '_'))) return t;
            }
            throw new IllegalArgumentException("resourceType must be one of endpointId, imsi, msisdn, iccid: " + value.toLowerCase(Locale.ROOT));
        }
    }

    public BulkModifyRequest {
        Objects.requireNonNull(resourceType, "resourceType");
        valuelist = List.copyOf(valuelist);
        Objects.requireNonNull(requestParam, "requestParam");
    }
}

package io.simfleet.client.model;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code CreateEndPoint}'s {@code requestParam}, in the reference's field names. Mandatory:
 * {@code name}, {@code apnGroupId}, {@code planId}, {@code roamingProfileId}; with
 * {@link Builder#iccid} the SIM is linked ({@code isLinkSIM}), and with
 * {@link Builder#activate} the endpoint is activated too ({@code isDefaultActivation}).
 */
public final class CreateEndpointRequest {
    private final Map<String, Object> requestParam;

    private CreateEndpointRequest(Map<String, Object> requestParam) {
        this.requestParam = Collections.unmodifiableMap(new LinkedHashMap<>(requestParam));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The request's {@code requestParam} as sent. */
    public Map<String, Object> requestParam() {
        return requestParam;
    }

    public static final class Builder {
        private final Map<String, Object> p = new LinkedHashMap<>();

        private Builder() {}

        public Builder name(String name) {
            p.put("name", name);
            return this;
        }

        /** Links this SIM (Ready To Activate) to the new endpoint. */
        public Builder iccid(String iccid) {
            p.put("iccid", iccid);
            p.put("isLinkSIM", iccid == null ? "false" : "true");
            if (iccid == null) p.remove("iccid");
            return this;
        }

        /** Activates the endpoint at once (needs a SIM). */
        public Builder activate(boolean activate) {
            p.put("isDefaultActivation", Boolean.toString(activate));
            return this;
        }

        public Builder apnGroupId(String apnGroupId) {
            p.put("apnGroupId", apnGroupId);
            return this;
        }

        public Builder planId(String planId) {
            p.put("planId", planId);
            return this;
        }

        /** One or more roaming profile ids, sent {@code a|b} as the reference does. */
        public Builder roamingProfileIds(List<String> ids) {
            p.put("roamingProfileId", String.join("|", ids));
            return this;
        }

        public Builder roamingProfileId(String id) {
            return roamingProfileIds(List.of(id));
        }

        public Builder imeiLockStatus(LockStatus status) {
            p.put("imeiLockStatus", status.name());
            return this;
        }

        public Builder imei(String imei) {
            p.put("imei", imei);
            return this;
        }

        /** Dynamic benefit id(s) (see {@code GetCustomerProfile}). */
        public Builder benefits(List<String> ids) {
            p.put("benefits", String.join(",", ids));
            return this;
        }

        public Builder monthlyLimit(BigDecimal limit) {
            p.put("monthlyLimit", limit.toPlainString());
            return this;
        }

        public Builder addonPlanIds(List<String> ids) {
            p.put("addonPlanIds", List.copyOf(ids));
            return this;
        }

        public Builder valueAddedFeatureIds(List<String> ids) {
            p.put("valueAddedFeatureIds", List.copyOf(ids));
            return this;
        }

        public Builder tagIds(List<String> ids) {
            p.put("tagIds", List.copyOf(ids));
            return this;
        }

        /** Any other field, as sent (e.g. a field a newer server takes). */
        public Builder field(String name, Object value) {
            p.put(Objects.requireNonNull(name), value);
            return this;
        }

        public CreateEndpointRequest build() {
            p.putIfAbsent("isLinkSIM", "false");
            p.putIfAbsent("isDefaultActivation", "false");
            return new CreateEndpointRequest(p);
        }
    }
}

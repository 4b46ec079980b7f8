package io.simfleet.client.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Modify's {@code requestParam} ({@code PATCH /api/endpoint}, and each item of a bulk modify), in
 * the reference's field names: IMEI lock, add-ons, value-added features, dynamic benefits, tags,
 * name, service barring ({@code bar_DATA} …), APN group and plan. All fields are checked, then all
 * applied in one transaction.
 */
public final class ModifyEndpointRequest {
    /** The barrable services, as in {@code bar_<service>}. */
    public static final List<String> SERVICES = List.of("2G", "2G/3G", "4G", "5G", "SMS_MT", "SMS_MO", "DATA", "NB_IOT", "All_Services");

    private final Map<String, Object> requestParam;

    private ModifyEndpointRequest(Map<String, Object> requestParam) {
        this.requestParam = Collections.unmodifiableMap(new LinkedHashMap<>(requestParam));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Map<String, Object> requestParam() {
        return requestParam;
    }

    public boolean isEmpty() {
        return requestParam.isEmpty();
    }

    public static final class Builder {
        private final Map<String, Object> p = new LinkedHashMap<>();

        private Builder() {}

        public Builder imeiLockStatus(LockStatus status) {
            p.put("imeiLockStatus", status.name());
            return this;
        }

        /** The IMEI to lock to; {@code ""} removes it. */
        public Builder imei(String imei) {
            p.put("imei", imei);
            return this;
        }

        public Builder addAddonPlanIds(List<String> ids) {
            p.put("addAddonPlanIds", List.copyOf(ids));
            return this;
        }

        /** Add-ons to remove, by the {@code uniqueId} of {@code GetEndPointProfile}/{@code GetPlans}. */
        public Builder removeAddonUniqueIds(List<String> ids) {
            p.put("removeAddonUniqueIds", List.copyOf(ids));
            return this;
        }

        /** OEM endpoints (Active-Test / Active-Inventory): add-ons to remove by plan id. */
        public Builder removeAddonPlanIds(List<String> ids) {
            p.put("removeAddonPlanIds", List.copyOf(ids));
            return this;
        }

        public Builder addValueAddedFeatureIds(List<String> ids) {
            p.put("addValueAddedFeatureIds", List.copyOf(ids));
            return this;
        }

        public Builder removeValueAddedFeatureIds(List<String> ids) {
            p.put("removeValueAddedFeatureIds", List.copyOf(ids));
            return this;
        }

        public Builder addDynamicBenefitsIds(List<String> ids) {
            p.put("addDynamicBenefitsIds", List.copyOf(ids));
            return this;
        }

        public Builder removeDynamicBenefitsIds(List<String> ids) {
            p.put("removeDynamicBenefitsIds", List.copyOf(ids));
            return this;
        }

        public Builder addtagIds(List<String> ids) {
            p.put("addtagIds", List.copyOf(ids));
            return this;
        }

        public Builder removetagIds(List<String> ids) {
            p.put("removetagIds", List.copyOf(ids));
            return this;
        }

        /** A new name: 5–30 letters, digits, space, {@code :} or {@code _}. */
        public Builder endPointName(String name) {
            p.put("endPointName", name);
            return this;
        }

        /** {@code bar_<service>}: true bars the service, false lifts the bar. See {@link #SERVICES}. */
        public Builder bar(String service, boolean barred) {
            p.put("bar_" + service, Boolean.toString(barred));
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

        /** Any other field of {@code requestParam}, as sent. */
        public Builder field(String name, Object value) {
            p.put(Objects.requireNonNull(name), value);
            return this;
        }

        public ModifyEndpointRequest build() {
            return new ModifyEndpointRequest(p);
        }
    }
}

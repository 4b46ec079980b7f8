package io.simfleet.client.model;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code bulkProvisioning}'s {@code bulkProvisioningInfo}: up to 4000 endpoints named
 * {@code <endPointName>_<endPointNameId + i>}, one per SIM of an ICCID range
 * ({@link Builder#range}) or list ({@link Builder#iccidList}), all on one APN group, plan and
 * roaming profile(s). The server checks the request at once and creates the endpoints as a job,
 * all or none.
 */
public final class BulkProvisioningRequest {
    /** The most SIMs one request may name. */
    public static final int MAX_ICCIDS = 4000;

    private final Map<String, Object> info;
    private final int count;

    private BulkProvisioningRequest(Map<String, Object> info, int count) {
        this.info = Collections.unmodifiableMap(new LinkedHashMap<>(info));
        this.count = count;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code bulkProvisioningInfo} as sent. */
    public Map<String, Object> bulkProvisioningInfo() {
        return info;
    }

    /** How many endpoints it asks for. */
    public int count() {
        return count;
    }

    public static final class Builder {
        private final Map<String, Object> p = new LinkedHashMap<>();
        private int count;

        private Builder() {}

        /** Names are {@code <endPointName>_<endPointNameId + i>}. */
        public Builder endPointName(String prefix, long firstNameId) {
            p.put("endPointName", prefix);
            p.put("endPointNameId", Long.toString(firstNameId));
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

        public Builder roamingProfileIds(List<String> ids) {
            p.put("roamingProfileId", List.copyOf(ids));
            return this;
        }

        public Builder roamingProfileId(String id) {
            return roamingProfileIds(List.of(id));
        }

        /** {@code quantity} consecutive ICCIDs from {@code startICCID}. */
        public Builder range(String startICCID, int quantity) {
            p.remove("iccidList");
            p.put("startICCID", startICCID);
            p.put("quantity", Integer.toString(quantity));
            count = quantity;
            return this;
        }

        /** The ICCIDs one by one (no duplicates). */
        public Builder iccidList(List<String> iccids) {
            p.remove("startICCID");
            p.remove("quantity");
            p.remove("endICCID");
            p.put("iccidList", List.copyOf(iccids));
            count = iccids.size();
            return this;
        }

        /** Activate every endpoint (the server's default: true); false leaves them Pre-Active, SIM linked. */
        public Builder activate(boolean activate) {
            p.put("isDefaultActivation", Boolean.toString(activate));
            return this;
        }

        public Builder imeiLockStatus(LockStatus status) {
            p.put("imeiLockStatus", status.name());
            return this;
        }

        /** One dynamic benefit id. */
        public Builder benefits(String benefitId) {
            p.put("benefits", benefitId);
            return this;
        }

        public Builder creditLimit(BigDecimal limit) {
            p.put("creditLimit", limit.toPlainString());
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

        public Builder field(String name, Object value) {
            p.put(Objects.requireNonNull(name), value);
            return this;
        }

        public BulkProvisioningRequest build() {
            return new BulkProvisioningRequest(p, count);
        }
    }
}

package io.simfleet.endpoint;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

public record Endpoint(long accountId, long id, String name, EndpointStatus status, int subscriberType, String planId,
                       String apnGroupId, List<Long> roamingProfileIds, BigDecimal monthlyLimit, String imei,
                       boolean imeiLocked, Long dynamicBenefitId, Instant createdAt, Instant planEffectiveAt,
                       Instant activatedAt, Instant lastSimStateChangeAt, int version, List<String> barredServices,
                       Instant delinkPendingSince) {

    /** A copy to change: {@code e.toBuilder()}, set fields, {@code build()}. */
    /** The same endpoint as saved with another version. */
    public Endpoint withVersion(int v) {
        return new Endpoint(accountId, id, name, status, subscriberType, planId, apnGroupId, roamingProfileIds, monthlyLimit, imei,
                imeiLocked, dynamicBenefitId, createdAt, planEffectiveAt, activatedAt, lastSimStateChangeAt, v, barredServices,
                delinkPendingSince);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The mutable fields of an endpoint; identity, creation time and version stay as they are. */
    public static final class Builder {
        private final Endpoint from;
        public String name;
        public EndpointStatus status;
        public int subscriberType;
        public String planId;
        public String apnGroupId;
        public List<Long> roamingProfileIds;
        public String imei;
        public boolean imeiLocked;
        public Long dynamicBenefitId;
        public Instant planEffectiveAt;
        public Instant activatedAt;
        public Instant lastSimStateChangeAt;
        public List<String> barredServices;
        public Instant delinkPendingSince;

        private Builder(Endpoint e) {
            from = e;
            name = e.name;
            status = e.status;
            subscriberType = e.subscriberType;
            planId = e.planId;
            apnGroupId = e.apnGroupId;
            roamingProfileIds = e.roamingProfileIds;
            imei = e.imei;
            imeiLocked = e.imeiLocked;
            dynamicBenefitId = e.dynamicBenefitId;
            planEffectiveAt = e.planEffectiveAt;
            activatedAt = e.activatedAt;
            lastSimStateChangeAt = e.lastSimStateChangeAt;
            barredServices = e.barredServices;
            delinkPendingSince = e.delinkPendingSince;
        }

        public Endpoint build() {
            return new Endpoint(from.accountId, from.id, name, status, subscriberType, planId, apnGroupId, roamingProfileIds,
                    from.monthlyLimit, imei, imeiLocked, dynamicBenefitId, from.createdAt, planEffectiveAt, activatedAt,
                    lastSimStateChangeAt, from.version, barredServices, delinkPendingSince);
        }
    }

    /** Whether the endpoint holds a SIM: always in A, S, AT, AI; maybe in PA; never in H. */
    public boolean mayHoldSim() {
        return status.simStatus().isPresent();
    }
}

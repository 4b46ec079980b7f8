package io.simfleet.endpoint;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

public record Endpoint(long accountId, long id, String name, EndpointStatus status, int subscriberType, String planId,
                       String apnGroupId, List<Long> roamingProfileIds, BigDecimal monthlyLimit, String imei,
                       boolean imeiLocked, Long dynamicBenefitId, Instant createdAt, Instant planEffectiveAt,
                       Instant activatedAt, Instant lastSimStateChangeAt, int version) {}

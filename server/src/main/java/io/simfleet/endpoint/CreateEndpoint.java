package io.simfleet.endpoint;

import java.math.BigDecimal;
import java.util.List;

/**
 * Create an endpoint, optionally link a SIM and activate it, in one step. Lists are never null.
 * {@code imeiLock} is null when the caller said nothing about the lock. A null
 * {@code roamingProfileIds} means all of the base plan's, a null {@code apnGroupId} the
 * account's first APN group (the summary's {@code endpointInfo} variant leaves them out).
 */
public record CreateEndpoint(String name, boolean linkSim, List<Long> roamingProfileIds, String apnGroupId,
                             String planId, String iccid, boolean activate, BigDecimal monthlyLimit, Boolean imeiLock,
                             String imei, List<String> addonPlanIds, List<String> valueAddedFeatureIds, List<Long> tagIds,
                             Long dynamicBenefitId) {}

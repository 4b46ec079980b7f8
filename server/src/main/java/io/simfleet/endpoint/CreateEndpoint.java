package io.simfleet.endpoint;

import io.simfleet.common.DomainException;
import io.simfleet.common.ResultCode;
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
                             Long dynamicBenefitId) {

    /**
     * What a caller gave, parsed and not yet judged: null where a field was left out (lists
     * empty). {@code summary} is the summary's {@code endpointInfo} form, whose fields are optional.
     */
    public record Request(boolean summary, String name, String iccid, Boolean isLinkSim, Boolean isDefaultActivation,
                          List<Long> roamingProfileIds, String apnGroupId, String planId, BigDecimal monthlyLimit,
                          Boolean imeiLock, String imei, List<String> addonPlanIds, List<String> valueAddedFeatureIds,
                          List<Long> tagIds, List<Long> benefits) {}

    /**
     * The command a request asks for, with the two forms' rules. The full form requires
     * {@code isLinkSIM}, {@code isDefaultActivation}, {@code roamingProfileId} and
     * {@code apnGroupId}; the summary form links when it names an ICCID (unless {@code isLinkSIM}
     * says otherwise) and activates only when asked. Both require {@code name} and {@code planId},
     * an ICCID of 18–22 digits when linking (1000/1001 iccid), and one dynamic benefit at most (10145).
     */
    public static CreateEndpoint of(Request r) {
        if (blank(r.name())) throw DomainException.missing("name");
        boolean hasIccid = !blank(r.iccid());
        boolean linkSim = r.summary() ? (r.isLinkSim() != null ? r.isLinkSim() : hasIccid) : required(r.isLinkSim(), "isLinkSIM");
        boolean activate = r.summary() ? Boolean.TRUE.equals(r.isDefaultActivation())
                : required(r.isDefaultActivation(), "isDefaultActivation");
        if (!r.summary() && r.roamingProfileIds() == null) throw DomainException.missing("roamingProfileId");
        if (!r.summary() && blank(r.apnGroupId())) throw DomainException.missing("apnGroupId");
        if (blank(r.planId())) throw DomainException.missing("planId");
        if (linkSim && !hasIccid) throw DomainException.missing("iccid");
        if (linkSim && !r.iccid().matches("\\d{18,22}")) throw DomainException.wrong("iccid");
        if (r.benefits().size() > 1) throw new DomainException(ResultCode.MAXIMUM_BENEFIT_LIMIT);
        return new CreateEndpoint(r.name(), linkSim, r.roamingProfileIds(), blank(r.apnGroupId()) ? null : r.apnGroupId(),
                r.planId(), linkSim ? r.iccid() : null, activate, r.monthlyLimit(), r.imeiLock(), r.imei(), r.addonPlanIds(),
                r.valueAddedFeatureIds(), r.tagIds(), r.benefits().isEmpty() ? null : r.benefits().get(0));
    }

    private static boolean required(Boolean b, String field) {
        if (b == null) throw DomainException.missing(field);
        return b;
    }

    private static boolean blank(String s) {
        return s == null || s.isEmpty();
    }
}

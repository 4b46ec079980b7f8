package io.simfleet.endpoint;

import io.simfleet.common.DomainException;
import io.simfleet.common.Input;
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
     * What a caller gave, read field by field when asked: each method parses its field (a value
     * of the wrong type refuses with 1001 naming it) and answers null when it was left out (lists:
     * empty). {@link #of} asks in the order that decides which refusal a request wrong twice gets.
     * {@code summary} is the summary's {@code endpointInfo} form, whose fields are optional.
     */
    public interface Form {
        boolean summary();
        String name();
        String iccid();
        Boolean isLinkSim();
        Boolean isDefaultActivation();
        List<Long> roamingProfileIds();
        String apnGroupId();
        String planId();
        Boolean imeiLock();
        List<Long> benefits();
        BigDecimal monthlyLimit();
        String imei();
        List<String> addonPlanIds();
        List<String> valueAddedFeatureIds();
        List<Long> tagIds();
    }

    /**
     * The command a form asks for, with the two forms' rules. The full form requires
     * {@code isLinkSIM}, {@code isDefaultActivation}, {@code roamingProfileId} and
     * {@code apnGroupId}; the summary form links when it names an ICCID (unless {@code isLinkSIM}
     * says otherwise) and activates only when asked. Both require {@code name} and {@code planId},
     * an ICCID of 18–22 digits when linking (1000/1001 iccid), and one dynamic benefit at most (10145).
     */
    public static CreateEndpoint of(Form f) {
        String name = f.name();
        if (blank(name)) throw DomainException.missing("name");
        String iccid = f.iccid();
        Boolean linkFlag = f.isLinkSim();
        Boolean activateFlag = f.isDefaultActivation();
        boolean summary = f.summary();
        boolean hasIccid = !blank(iccid);
        boolean linkSim = summary ? (linkFlag != null ? linkFlag : hasIccid) : required(linkFlag, "isLinkSIM");
        boolean activate = summary ? Boolean.TRUE.equals(activateFlag) : required(activateFlag, "isDefaultActivation");
        List<Long> roaming = f.roamingProfileIds();
        if (!summary && roaming == null) throw DomainException.missing("roamingProfileId");
        String apnGroupId = f.apnGroupId();
        if (!summary && blank(apnGroupId)) throw DomainException.missing("apnGroupId");
        String planId = f.planId();
        if (blank(planId)) throw DomainException.missing("planId");
        if (linkSim && !hasIccid) throw DomainException.missing("iccid");
        if (linkSim) Input.iccid(iccid);
        Boolean imeiLock = f.imeiLock();
        List<Long> benefits = f.benefits();
        if (benefits.size() > 1) throw new DomainException(ResultCode.MAXIMUM_BENEFIT_LIMIT);
        return new CreateEndpoint(name, linkSim, roaming, apnGroupId, planId, linkSim ? iccid : null, activate,
                f.monthlyLimit(), imeiLock, f.imei(), f.addonPlanIds(), f.valueAddedFeatureIds(), f.tagIds(),
                benefits.isEmpty() ? null : benefits.get(0));
    }

    private static boolean required(Boolean b, String field) {
        if (b == null) throw DomainException.missing(field);
        return b;
    }

    private static boolean blank(String s) {
        return s == null || s.isEmpty();
    }
}

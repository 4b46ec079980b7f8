package io.simfleet.endpoint;

import static io.simfleet.testkit.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.catalog.CatalogModel.Benefit;
import io.simfleet.catalog.CatalogModel.PlanServices;
import io.simfleet.common.ResultCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CreateEndPoint's two request forms (the full {@code Request} and the summary's {@code endpointInfo}), without a server. */
class CreateEndpointFormsTest {
    /** A form whose fields are given, as the wire would have parsed them. */
    record Given(boolean summary, String name, String iccid, Boolean isLinkSim, Boolean isDefaultActivation,
                 List<Long> roamingProfileIds, String apnGroupId, String planId, Boolean imeiLock, List<Long> benefits,
                 java.math.BigDecimal monthlyLimit, String imei, List<String> addonPlanIds, List<String> valueAddedFeatureIds,
                 List<Long> tagIds) implements CreateEndpoint.Form {}

    static CreateEndpoint.Form request(boolean summary, String iccid, Boolean link, Boolean activate, List<Long> roaming,
                                       String apn, List<Long> benefits) {
        return new Given(summary, "tracker 01", iccid, link, activate, roaming, apn, "P1", null, benefits, null, null,
                List.of(), List.of(), List.of());
    }

    @Test
    void theFirstRefusalIsTheOneOfTheFieldAskedFirst() {
        CreateEndpoint.Form noNameBadLimit = new CreateEndpoint.Form() {
            public boolean summary() { return false; }
            public String name() { return null; }
            public String iccid() { throw new AssertionError("asked after name"); }
            public Boolean isLinkSim() { return null; }
            public Boolean isDefaultActivation() { return null; }
            public List<Long> roamingProfileIds() { return null; }
            public String apnGroupId() { return null; }
            public String planId() { return null; }
            public Boolean imeiLock() { return null; }
            public List<Long> benefits() { return List.of(); }
            public java.math.BigDecimal monthlyLimit() { throw io.simfleet.common.DomainException.wrong("monthlyLimit"); }
            public String imei() { return null; }
            public List<String> addonPlanIds() { return List.of(); }
            public List<String> valueAddedFeatureIds() { return List.of(); }
            public List<Long> tagIds() { return List.of(); }
        };
        refused(ResultCode.MANDATORY_PARAMETER_MISSING, "name", () -> CreateEndpoint.of(noNameBadLimit));
    }

    @Test
    void theSummaryLinksWhenItNamesAnIccidAndActivatesOnlyWhenAsked() {
        CreateEndpoint c = CreateEndpoint.of(request(true, "8932042000000000001", null, null, null, null, List.of()));
        assertTrue(c.linkSim());
        assertFalse(c.activate());
        assertNull(c.roamingProfileIds(), "all of the plan's");
        assertNull(c.apnGroupId(), "the account's first");
        assertEquals("", CreateEndpoint.of(request(true, null, null, null, null, "", List.of())).apnGroupId(),
                "an empty one stays empty (and is refused as a wrong APN group later)");
        assertFalse(CreateEndpoint.of(request(true, null, null, null, null, null, List.of())).linkSim());
        assertFalse(CreateEndpoint.of(request(true, "8932042000000000001", false, null, null, null, List.of())).linkSim(),
                "isLinkSIM false wins over the ICCID");
        assertNull(CreateEndpoint.of(request(true, "8932042000000000001", false, null, null, null, List.of())).iccid());
    }

    @Test
    void theFullFormRequiresItsFlagsRoamingAndApnGroup() {
        refused(ResultCode.MANDATORY_PARAMETER_MISSING, "isLinkSIM", () -> CreateEndpoint.of(request(false, null, null, false, List.of(1L), "A", List.of())));
        refused(ResultCode.MANDATORY_PARAMETER_MISSING, "isDefaultActivation", () -> CreateEndpoint.of(request(false, null, false, null, List.of(1L), "A", List.of())));
        refused(ResultCode.MANDATORY_PARAMETER_MISSING, "roamingProfileId", () -> CreateEndpoint.of(request(false, null, false, false, null, "A", List.of())));
        refused(ResultCode.MANDATORY_PARAMETER_MISSING, "apnGroupId", () -> CreateEndpoint.of(request(false, null, false, false, List.of(1L), "", List.of())));
        CreateEndpoint c = CreateEndpoint.of(request(false, "8932042000000000001", true, true, List.of(1L), "A", List.of(7L)));
        assertTrue(c.linkSim() && c.activate());
        assertEquals(7L, c.dynamicBenefitId());
    }

    @Test
    void iccidAndBenefitRules() {
        refused(ResultCode.MANDATORY_PARAMETER_MISSING, "iccid", () -> CreateEndpoint.of(request(false, "", true, false, List.of(1L), "A", List.of())));
        refused(ResultCode.WRONG_INPUT_PARAMETER, "iccid", () -> CreateEndpoint.of(request(true, "89320420", null, null, null, null, List.of())));
        refused(ResultCode.MAXIMUM_BENEFIT_LIMIT, null, () -> CreateEndpoint.of(request(true, null, null, null, null, null, List.of(1L, 2L))));
    }

    @Test
    void planServicesFollowTheBenefits() {
        assertEquals(new PlanServices("9|2", "SMS|DATA"), PlanServices.of(List.of()));
        assertEquals(new PlanServices("2", "DATA"), PlanServices.of(List.of(new Benefit("DATA", 100), new Benefit("NBIOT", 5))));
        assertEquals(new PlanServices("9|2", "SMS|DATA"), PlanServices.of(List.of(new Benefit("DATA", 100), new Benefit("SMS", 5))));
    }
}

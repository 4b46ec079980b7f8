package io.simfleet.endpoint;

import static io.simfleet.testkit.Api.map;
import static io.simfleet.testkit.Fixtures.createBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.testkit.Api;
import io.simfleet.testkit.ApiTestBase;
import io.simfleet.testkit.Fixtures;
import io.simfleet.testkit.Fixtures.Tenant;
import io.simfleet.testkit.Resp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** CreateEndPoint: every parameter and result code of the reference, and nothing written on refusal. */
class CreateEndpointTest extends ApiTestBase {
    Fixtures fx;
    Tenant t;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(anon());
        t = fx.enterprise(12);
    }

    private Resp create(Map<String, Object> body) {
        return t.api().post("/api/CreateEndPoint", body);
    }

    private JsonNode sim(Tenant tenant, String iccid) {
        return tenant.api().get("/api/fetchSIM?iccid=" + iccid).expect("10021").response().path("responseParam").path("rows").get(0);
    }

    private JsonNode profile(Tenant tenant, String id) {
        return tenant.api().get("/api/GetEndPointProfile?endPointId=" + id).expect("1082").response().path("info").path("basicInfo");
    }

    private long endpointCount(Tenant tenant) {
        return Long.parseLong(tenant.api().get("/api/GetEndpoints").expect("6742").response().path("totalNoOfRecords").asString());
    }

    /** The refusal changed nothing: no endpoint, the SIM still Ready To Activate. */
    private void nothingWritten(String iccid) {
        assertEquals(0, endpointCount(t));
        if (iccid != null) assertEquals("Ready To Activate", sim(t, iccid).path("simStatus").asString());
    }

    @Test
    void createOnlyLinkAndActivate() {
        String id1 = create(createBody(t, null, false)).expect("6411").response().path("endPointId").asString();
        assertEquals("PA", profile(t, id1).path("currentStatus").asString());
        assertTrue(profile(t, id1).path("iccid").isMissingNode());

        String iccid2 = t.iccids().get(0);
        String id2 = create(createBody(t, iccid2, false)).expect("6409").response().path("endPointId").asString();
        assertEquals("PA", profile(t, id2).path("currentStatus").asString());
        JsonNode s2 = sim(t, iccid2);
        assertEquals("Pre-Active", s2.path("simStatus").asString());
        assertEquals("12", s2.path("simStatusId").asString());
        assertEquals(id2, s2.path("endPointId").asString());

        String iccid3 = t.iccids().get(1);
        String id3 = create(createBody(t, iccid3, true)).expect("5014").response().path("endPointId").asString();
        assertEquals("A", profile(t, id3).path("currentStatus").asString());
        assertEquals("Active", sim(t, iccid3).path("simStatus").asString());
        assertEquals(3, endpointCount(t));
    }

    @Test
    void everyOptionalParameterIsKeptAndShownByTheProfile() {
        long acc = t.accountId();
        Api admin = fx.admin();
        String rp = Fixtures.roamingProfile(t);
        long rp2 = admin.post("/admin/accounts/" + acc + "/roaming-profiles", map("name", "EUROPE")).json().path("id").asLong();
        String sp = t.api().get("/api/GetServiceProfile").response().path("responseParam").path("rows").get(0).path("profileId").asString();
        String planId = "MULTI" + acc;
        assertEquals(201, admin.post("/admin/accounts/" + acc + "/plans", map("planId", planId, "name", "MULTI", "category", "NORMAL",
                "roamingProfileIds", List.of(Long.parseLong(rp), rp2), "serviceProfileId", sp)).status());
        String addon = admin.post("/admin/accounts/" + acc + "/plans", map("name", "DATA 1GB", "category", "ADDON",
                "roamingProfileIds", List.of(rp2), "serviceProfileId", sp, "benefits", List.of(map("type", "DATA", "amount", 1024))))
                .json().path("id").asString();
        assertEquals(201, admin.post("/admin/accounts/" + acc + "/value-added-features", map("valueAddedFeatureId", "VAF_STATIC_IP")).status());
        long benefit = admin.post("/admin/accounts/" + acc + "/dynamic-benefits", map("name", "Pool", "roamingProfileIds", List.of(rp2), "dataMb", 100))
                .json().path("id").asLong();
        String tagId = t.api().post("/api/createTag", map("tagInfo", map("createTag", List.of(map("tagName", "fleet-a", "tagDescription", "Fleet A")))))
                .expect("10149").response().path("tagId").asString();

        String iccid = t.iccids().get(0);
        String id = create(createBody(t, iccid, true, "planId", planId, "roamingProfileId", rp + "|" + rp2,
                "monthlyLimit", "12.5", "imei", "356938035643809", "imeiLockStatus", "LOCK", "tagIds", tagId,
                "addonPlanIds", addon, "valueAddedFeatureIds", "VAF_STATIC_IP", "benefits", Long.toString(benefit)))
                .expect("5014").response().path("endPointId").asString();
        JsonNode info = t.api().get("/api/GetEndPointProfile?endPointId=" + id).expect("1082").response().path("info");
        JsonNode basic = info.path("basicInfo");
        assertEquals(rp + "|" + rp2, basic.path("roamingProfileId").asString());
        assertEquals("DEFAULT|EUROPE", basic.path("roamingProfileName").asString());
        assertEquals("LOCK", basic.path("imeiLockStatus").asString());
        assertEquals("356938035643809", basic.path("imei").asString());
        assertEquals(planId, basic.path("planId").asString());
        assertTrue(info.toString().contains("fleet-a"), info.toString());
        assertTrue(info.toString().contains(addon), info.toString());
        JsonNode listed = t.api().get("/api/GetEndpoints").response().path("responseParam").path("endpoints").get(0);
        assertEquals("LOCK", listed.path("imeiLockStatus").asString());
        assertEquals(tagId, listed.path("tagIdList").get(0).path("tagId").asString());
    }

    @Test
    void summaryVariantWithEndpointInfo() {
        String iccid = t.iccids().get(0);
        Resp r = t.api().post("/api/createEndpoint", map("endpointInfo", map("endpointName", "Summary EP", "planId", t.postPlan(),
                "iccid", iccid, "isDefaultActivation", true)));
        r.expect("5014");
        assertEquals("A", profile(t, r.response().path("endPointId").asString()).path("currentStatus").asString());
    }

    @Test
    void booleansAsStringsOrJsonBooleans() {
        create(createBody(t, t.iccids().get(0), true, "isLinkSIM", true, "isDefaultActivation", true)).expect("5014");
        create(createBody(t, t.iccids().get(1), false, "isLinkSIM", "TRUE", "isDefaultActivation", false)).expect("6409");
        create(createBody(t, t.iccids().get(2), false, "isLinkSIM", "yes")).expect("1001").expectDescription("Wrong input parameter - isLinkSIM");
    }

    @Test
    void mandatoryParametersAnswer1000NamingTheField() {
        String iccid = t.iccids().get(0);
        for (String field : new String[] {"name", "isLinkSIM", "roamingProfileId", "apnGroupId", "planId", "isDefaultActivation", "iccid"}) {
            create(createBody(t, iccid, true, field, null)).expect("1000").expectDescription("Mandatory parameter missing - " + field);
            create(createBody(t, iccid, true, field, "")).expect("1000");
        }
        nothingWritten(iccid);
        t.api().post("/api/CreateEndPoint", map("Request", map())).expect("1000");
    }

    /** The names real integrations create endpoints with; Modify keeps the reference's rule for a new name only. */
    @Test
    void namesRealIntegrationsSendAreAccepted() {
        for (String name : new String[] {"fleet-1a2b3c4d", "Device #12"}) {
            Resp r = create(createBody(t, null, false, "name", name)).expect("6411");
            long id = Long.parseLong(r.response().path("endPointId").asString());
            assertEquals(name, t.api().get("/api/GetEndPointProfile?endPointId=" + id).response().path("info").path("basicInfo")
                    .path("name").asString());
            Map<String, Object> same = map("Request", map("endPointId", Long.toString(id), "requestParam", map("endPointName", name)));
            t.api().patch("/api/endpoint", same).expect("10068");
            Map<String, Object> renamed = map("Request", map("endPointId", Long.toString(id), "requestParam", map("endPointName", "fleet-2")));
            t.api().patch("/api/endpoint", renamed).expect("1001").expectDescription("Wrong input parameter - endPointName");
        }
    }

    @Test
    void wrongValuesAnswer1001NamingTheField() {
        String iccid = t.iccids().get(0);
        create(createBody(t, iccid, true, "name", "n".repeat(65))).expect("1001").expectDescription("Wrong input parameter - name");
        create(createBody(t, iccid, true, "name", "evil\u202Egnp.exe")).expect("1001").expectDescription("Wrong input parameter - name");
        create(createBody(t, iccid, true, "planId", "NOPE")).expect("1001").expectDescription("Wrong input parameter - planId");
        create(createBody(t, iccid, true, "apnGroupId", "PDP_0")).expect("1001").expectDescription("Wrong input parameter - apnGroupId");
        create(createBody(t, iccid, true, "roamingProfileId", "1")).expect("1001").expectDescription("Wrong input parameter - roamingProfileId");
        create(createBody(t, iccid, true, "roamingProfileId", "abc")).expect("1001");
        create(createBody(t, iccid, true, "iccid", "12ab")).expect("1001").expectDescription("Wrong input parameter - iccid");
        create(createBody(t, iccid, true, "imeiLockStatus", "MAYBE")).expect("1001").expectDescription("Wrong input parameter - imeiLockStatus");
        create(createBody(t, iccid, true, "imei", "12")).expect("1001").expectDescription("Wrong input parameter - imei");
        create(createBody(t, iccid, true, "monthlyLimit", "lots")).expect("1001");
        create(createBody(t, iccid, true, "valueAddedFeatureIds", "VAF_NONE")).expect("1001");
        create(createBody(t, iccid, true, "tagIds", "999999")).expect("1001");
        create(createBody(t, iccid, true, "benefits", "999999")).expect("1001");
        create(createBody(t, iccid, true, "planId", t.postPlan(), "roamingProfileId", Fixtures.roamingProfile(t) + "|" + Fixtures.roamingProfile(t)))
                .expect("1001");
        nothingWritten(iccid);
    }

    @Test
    void iccidNotAvailable10140() {
        create(createBody(t, "8932042999999999999", true)).expect("10140");
        // another account's Ready To Activate SIM
        create(createBody(t, "8932042000000018199", true)).expect("10140");
        // a SIM already linked
        String iccid = t.iccids().get(0);
        create(createBody(t, iccid, true)).expect("5014");
        create(createBody(t, iccid, false)).expect("10140");
        assertEquals(1, endpointCount(t));
        assertEquals("Ready To Activate", anon().login("other", "other").get("/api/fetchSIM?iccid=8932042000000018199")
                .response().path("responseParam").path("rows").get(0).path("simStatus").asString());
    }

    @Test
    void tagsAtMostTen10120() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            ids.add(t.api().post("/api/createTag", map("tagInfo", map("createTag", List.of(map("tagName", "tag " + i)))))
                    .expect("10149").response().path("tagId").asString());
        }
        String iccid = t.iccids().get(0);
        create(createBody(t, iccid, true, "tagIds", String.join(",", ids))).expect("10120");
        nothingWritten(iccid);
        create(createBody(t, iccid, true, "tagIds", String.join(",", ids.subList(0, 10)))).expect("5014");
    }

    @Test
    void addonRules() {
        long acc = t.accountId();
        Api admin = fx.admin();
        String rp = Fixtures.roamingProfile(t);
        String sp = t.api().get("/api/GetServiceProfile").response().path("responseParam").path("rows").get(0).path("profileId").asString();
        List<String> addons = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            addons.add(admin.post("/admin/accounts/" + acc + "/plans", map("name", "ADDON " + i, "category", "ADDON", "planType", "1",
                    "roamingProfileIds", List.of(Long.parseLong(rp)), "serviceProfileId", sp,
                    "benefits", List.of(map("type", "DATA", "amount", 100)))).json().path("id").asString());
        }
        String prepaidAddon = admin.post("/admin/accounts/" + acc + "/plans", map("name", "PRE ADDON", "category", "ADDON", "planType", "0",
                "roamingProfileIds", List.of(Long.parseLong(rp)), "serviceProfileId", sp)).json().path("id").asString();
        long otherRp = admin.post("/admin/accounts/" + acc + "/roaming-profiles", map("name", "ELSEWHERE")).json().path("id").asLong();
        String elsewhere = admin.post("/admin/accounts/" + acc + "/plans", map("name", "FAR ADDON", "category", "ADDON", "planType", "1",
                "roamingProfileIds", List.of(otherRp), "serviceProfileId", sp)).json().path("id").asString();
        String iccid = t.iccids().get(0);

        create(createBody(t, iccid, false, "addonPlanIds", addons.get(0))).expect("1001");
        create(createBody(t, iccid, true, "addonPlanIds", addons.get(0) + "," + addons.get(0))).expect("10221");
        create(createBody(t, iccid, true, "addonPlanIds", String.join(",", addons))).expect("10073");
        create(createBody(t, iccid, true, "addonPlanIds", prepaidAddon)).expect("10023");
        create(createBody(t, iccid, true, "addonPlanIds", elsewhere)).expect("10080");
        create(createBody(t, iccid, true, "addonPlanIds", "560077")).expect("1001"); // another account's add-on
        nothingWritten(iccid);
        String id = create(createBody(t, iccid, true, "addonPlanIds", String.join(",", addons.subList(0, 15))))
                .expect("5014").response().path("endPointId").asString();
        JsonNode subscribed = t.api().get("/api/GetEndPointProfile?endPointId=" + id).response().path("info")
                .path("PromotionalPlans").path("plan");
        assertEquals(15, subscribed.size());
        List<String> planIds = new ArrayList<>();
        for (JsonNode s : subscribed) {
            planIds.add(s.path("planId").asString());
            assertTrue(s.path("uniqueId").asString().matches("\\d+"));
        }
        assertEquals(addons.subList(0, 15), planIds);
    }

    @Test
    void dynamicBenefitRules10200And10201() {
        Tenant dbOnly = fx.enterprise(3, "dynamicBenefitOnly", true);
        long acc = dbOnly.accountId();
        Api admin = fx.admin();
        long rp = Long.parseLong(Fixtures.roamingProfile(dbOnly));
        long otherRp = admin.post("/admin/accounts/" + acc + "/roaming-profiles", map("name", "ELSEWHERE")).json().path("id").asLong();
        long good = admin.post("/admin/accounts/" + acc + "/dynamic-benefits", map("name", "Pool", "roamingProfileIds", List.of(rp), "dataMb", 100))
                .json().path("id").asLong();
        long far = admin.post("/admin/accounts/" + acc + "/dynamic-benefits", map("name", "Far", "roamingProfileIds", List.of(otherRp), "dataMb", 100))
                .json().path("id").asLong();
        String iccid = dbOnly.iccids().get(0);
        dbOnly.api().post("/api/CreateEndPoint", createBody(dbOnly, iccid, true)).expect("10201");
        dbOnly.api().post("/api/CreateEndPoint", createBody(dbOnly, iccid, true, "benefits", Long.toString(far))).expect("10200");
        dbOnly.api().post("/api/CreateEndPoint", createBody(dbOnly, iccid, true, "benefits", good + "," + far)).expect("10077");
        assertEquals(0, endpointCount(dbOnly));
        dbOnly.api().post("/api/CreateEndPoint", createBody(dbOnly, iccid, true, "benefits", Long.toString(good))).expect("5014");
        // without activation the benefit is not required yet
        dbOnly.api().post("/api/CreateEndPoint", createBody(dbOnly, dbOnly.iccids().get(1), false)).expect("6409");
    }

    @Test
    void lowBalanceAccountCannotProvision7022() {
        Tenant poor = fx.enterprise(2, "lowBalance", true);
        poor.api().post("/api/CreateEndPoint", createBody(poor, poor.iccids().get(0), true)).expect("7022");
        assertEquals(0, endpointCount(poor));
        assertEquals("Ready To Activate", sim(poor, poor.iccids().get(0)).path("simStatus").asString());
    }

    @Test
    void oemAccountActivatesIntoActiveTest() {
        Tenant oem = fx.enterprise(2, "oemEnabled", true);
        String id = oem.api().post("/api/CreateEndPoint", createBody(oem, oem.iccids().get(0), true)).expect("5014")
                .response().path("endPointId").asString();
        assertEquals("AT", profile(oem, id).path("currentStatus").asString());
        assertEquals("13", sim(oem, oem.iccids().get(0)).path("simStatusId").asString());
        assertEquals("AT", oem.api().get("/api/GetEndpoints").response().path("responseParam").path("endpoints").get(0).path("status").asString());
    }
}
